### {同期|どうき}：{情報|じょうほう}と お{知|し}らせを {新|あたら}しく します。

sync-phase-manifest = {新|あたら}しい {情報|じょうほう}が あるか {調|しら}べて います
sync-phase-download = ダウンロードして います
sync-phase-verify = ダウンロードした データを {調|しら}べて います
sync-phase-import = {保存|ほぞん}して います
sync-phase-done = {終|お}わりました
sync-not-modified = {前|まえ}と {同|おな}じです。{変|か}わった ことは ありません。
sync-up-to-date = {情報|じょうほう}は いちばん {新|あたら}しいです（バージョン { $version }）。
sync-applied-full = バージョン { $version } に しました（{ $kb } KB ダウンロード しました）。
sync-applied-delta = バージョン { $from } から { $version } に しました（{変|か}わった ところだけ、{ $kb } KB ダウンロード しました）。
sync-error-rollback = サーバーの {情報|じょうほう}（バージョン { $offered }）は {古|ふる}いです。{今|いま}の {情報|じょうほう}は バージョン { $installed }です。なにも {変|か}えて いません。
sync-error-wrong-town = これは ほかの {町|まち}の {情報|じょうほう}です。なにも {変|か}えて いません。
sync-error-bad-signature = この {情報|じょうほう}は {市|し}から {来|き}た ものか わかりません。なにも {変|か}えて いません。
sync-error-insecure-url = {安全|あんぜん}な（https の）アドレスだけ {使|つか}えます。
sync-error-too-large = ダウンロードが {大|おお}きすぎたので {止|と}めました。なにも {変|か}えて いません。
sync-serve-listening = { $dir } を { $url } で {出|だ}して います（Ctrl+C で {終|お}わります）。
sync-notices-new = {新|あたら}しい お{知|し}らせ：{ $count }
