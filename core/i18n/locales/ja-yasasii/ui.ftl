### アプリの{画面|がめん}の{言葉|ことば}（やさしい{日本語|にほんご}）。
### みじかい{文|ぶん}で、{漢字|かんじ}には ふりがなを つけます。

## タブ

ui-tab-explore = {見|み}る ところ
ui-tab-course = {観光|かんこう}コース
ui-tab-alerts = {災害|さいがい}の {情報|じょうほう}
ui-tab-ask = {質問|しつもん}
ui-tab-settings = {設定|せってい}

## {見|み}る ところ

ui-explore-spots = {行|い}って みたい ところ
ui-explore-events = これからの イベント
ui-explore-all-tags = ぜんぶ
ui-explore-filter = { $tag }だけ {見|み}る
ui-spot-visit-time = {見|み}る {時間|じかん}：だいたい{ $duration }
ui-spot-row = { $name }、ここから{ $distance }

## {災害|さいがい}の {情報|じょうほう}

ui-alerts-empty = あなたの {地域|ちいき}の {情報|じょうほう}は ありません。
ui-alerts-history = {前|まえ}の {情報|じょうほう}も {見|み}る
ui-alerts-new = {新|あたら}しい {情報|じょうほう}：{ $title }
ui-alerts-shelters = {近|ちか}くの {避難|ひなん}する ところ
ui-alerts-walk = {歩|ある}いて { $minutes }{分|ふん}
ui-alerts-read-aloud = {声|こえ}で {聞|き}く
ui-alerts-unread = まだ {読|よ}んで いない {情報|じょうほう}：{ $count }

## {質問|しつもん}

ui-ask-placeholder = {市|し}の {手続|てつづ}きに ついて {聞|き}く
ui-ask-send = {送|おく}る
ui-ask-helpful = わかった
ui-ask-not-helpful = わからなかった
ui-ask-thanks = ありがとうございます。
ui-ask-contact = {聞|き}く ところ：{ $department }

## {設定|せってい}

ui-settings-language = {言葉|ことば}
ui-settings-follow-device = スマートフォンと {同|おな}じ
ui-settings-text-size = {字|じ}の {大|おお}きさ
ui-settings-text-size-value = { $percent }％
ui-settings-places = {登録|とうろく}した ところ
ui-settings-places-hint = {登録|とうろく}した ところの {情報|じょうほう}も {見|み}る ことが できます。
ui-settings-add-place = ところを {登録|とうろく}する
ui-settings-place-name = {名前|なまえ}（たとえば {家|いえ}）
ui-settings-remove-place = { $name }を {消|け}す
ui-settings-sync = {市|し}の {情報|じょうほう}
ui-settings-sync-now = {今|いま} {新|あたら}しく する
ui-settings-sync-cancel = やめる
ui-settings-pack-current = バージョン { $version }。{ $date }まで {市|し}が {正|ただ}しいと {確|たし}かめています。
ui-settings-pack-stale = この {情報|じょうほう}は {古|ふる}いかも しれません。{ $date }までに {新|あたら}しい {情報|じょうほう}が {来|き}ませんでした。インターネットに つながる ときに {新|あたら}しく してください。
ui-settings-pack-built-in = バージョン { $version }。アプリに {入|はい}っている {見本|みほん}の {市|し}です。

## {新|あたら}しく する ようす

ui-sync-phase-manifest = {新|あたら}しい {情報|じょうほう}を さがして います…
ui-sync-phase-download = ダウンロード{中|ちゅう}… { $percent }％
ui-sync-phase-verify = ダウンロードした ものを {調|しら}べて います…
ui-sync-phase-import = {保存|ほぞん}して います… { $percent }％
ui-sync-phase-done = おわりました
ui-sync-updated = {市|し}の {情報|じょうほう}が {新|あたら}しく なりました。
ui-sync-up-to-date = もう {新|あたら}しい {情報|じょうほう}です。

## Course (request form and timeline)

ui-course-date = {日|ひ}にち
ui-course-start-time = {出発|しゅっぱつ}する {時間|じかん}
ui-course-hours = {使|つか}える {時間|じかん}
ui-course-mode = {行|い}き{方|かた}
ui-course-pace = ペース
ui-course-pace-relaxed = ゆっくり
ui-course-pace-normal = ふつう
ui-course-pace-packed = たくさん {見|み}る
ui-course-interests = {好|す}きな こと
ui-course-plan = コースを {作|つく}る
ui-course-remove-stop = { $name }を {外|はず}す
ui-course-lock-stop = { $name }を {残|のこ}す
ui-course-congestion = {道|みち}が こみます
ui-course-stop-row = { $name }、{ $arrival }から { $leave }まで
ui-course-taxi-budget = タクシーに {使|つか}う お{金|かね}
ui-course-taxi-none = タクシーに {乗|の}らない
ui-course-bicycle-rental = {自転車|じてんしゃ}を {借|か}りる
ui-course-max-walk = {歩|ある}くのは {長|なが}くて
ui-course-max-walk-any = きめない
ui-course-ride = { $depart } { $from } → { $arrive } { $to }
ui-course-yen = { $yen }{円|えん}
