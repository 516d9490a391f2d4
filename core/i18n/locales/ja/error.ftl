### UI に表示するエラーメッセージ（machi の公開エラー種別ごと）。
### -detail 版はコアの理由（技術的な英語の場合あり）を添えるので、詳細画面でのみ使う。

error-offline = オフラインです。保存済みの情報は見られます。接続してからもう一度お試しください。
error-timeout = サーバーの応答に時間がかかりすぎました。もう一度お試しください。
error-server = サーバーが応答できませんでした（エラー { $status }）。しばらくしてからお試しください。
error-invalid-input = 入力内容が正しくありません。確認してもう一度お試しください。
error-invalid-input-detail = 入力内容が正しくありません：{ $reason }
error-integrity = ダウンロードしたデータが安全確認に失敗したため、使用しませんでした。保存済みのデータは変わっていません。
error-integrity-detail = ダウンロードしたデータが安全確認に失敗したため、使用しませんでした：{ $reason }
error-not-found = 見つかりませんでした。
error-storage = この端末でデータを読み書きできませんでした。空き容量を増やしてもう一度お試しください。
error-storage-detail = この端末でデータを読み書きできませんでした：{ $reason }
error-unknown-locale = 「{ $tag }」には対応していません。英語で表示します。
error-invalid-lang-tag = 「{ $tag }」は言語コードではありません。ja、en、zh-Hant、ko、ja-yasasii などを指定してください。
error-location-unavailable = 現在地を取得できません。出発地を選んでください。
error-cancelled = キャンセルしました。
error-internal = 問題が発生しました。もう一度お試しください。
