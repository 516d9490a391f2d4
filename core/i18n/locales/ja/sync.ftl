### 同期：コンテンツパックとお知らせをネットワークで更新します。

sync-phase-manifest = 更新を確認しています
sync-phase-download = ダウンロードしています
sync-phase-verify = ダウンロードを検証しています
sync-phase-import = 保存しています
sync-phase-done = 完了
sync-not-modified = 前回の確認から変更はありません。
sync-up-to-date = コンテンツは最新です（バージョン { $version }）。
sync-applied-full = バージョン { $version } に更新しました（{ $kb } KB をダウンロード）。
sync-applied-delta = バージョン { $from } から { $version } に更新しました（差分のみ、{ $kb } KB をダウンロード）。
sync-error-rollback = サーバーのコンテンツ（バージョン { $offered }）は端末のもの（バージョン { $installed }）より古いため、何も変更していません。
sync-error-wrong-town = この更新は別の自治体のものです。何も変更していません。
sync-error-bad-signature = この更新には発行元の正しい署名がありません。何も変更していません。
sync-error-insecure-url = 更新には安全な（https の）アドレスだけを使えます。
sync-error-too-large = ダウンロードが予告より大きかったため中止しました。何も変更していません。
sync-serve-listening = { $dir } を { $url } で配信しています（Ctrl+C で終了）。
sync-notices-new = 新しいお知らせ：{ $count } 件
