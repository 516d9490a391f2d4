### 「くらし」の {画面|がめん}の {言葉|ことば}（やさしい {日本語|にほんご}）。

ui-tab-services = くらし
ui-services-garbage = ごみの {分|わ}け{方|かた}
ui-services-garbage-hint = ごみの {出|だ}し{方|かた}と {出|だ}す {日|ひ}
ui-services-procedures = {手続|てつづ}き
ui-services-procedures-hint = {赤|あか}ちゃんが {生|う}まれた とき、{引|ひ}っ{越|こ}した とき などに する こと
ui-services-benefits = {受|う}けられる サービス
ui-services-benefits-hint = {質問|しつもん}に {答|こた}えて ください。{答|こた}えは この スマホの {中|なか}だけに あります。
ui-services-back = くらしに もどる

## ごみの {分|わ}け{方|かた}

ui-garbage-search = すてたい もの
ui-garbage-search-hint = れい：かさ、{傘|かさ}、umbrella
ui-garbage-area = {住|す}んで いる ところ
ui-garbage-lookup = しらべる
ui-garbage-how = {出|だ}し{方|かた}
ui-garbage-next = { $area }で {次|つぎ}に {出|だ}せる {日|ひ}：{ $date }
ui-garbage-no-schedule = { $area }では きまった {日|ひ}は ありません。
ui-garbage-none = 「{ $query }」は ありませんでした。ほかの {名前|なまえ}で しらべるか、{市役所|しやくしょ}に きいて ください。

## {手続|てつづ}き

ui-procedures-events = {何|なに}が ありましたか
ui-procedures-event-date = その {日|ひ}
ui-procedures-start = する ことの リストを つくる
ui-procedures-my-checklists = わたしの リスト
ui-procedures-checklist-row = { $event }（{ $date }）
ui-procedures-remove = この リストを けす
ui-procedures-mark-done = 「{ $name }」は おわった
ui-procedures-mark-undone = 「{ $name }」は まだ
ui-procedures-open-online = インターネットで する
ui-procedures-details = くわしく {見|み}る
ui-procedures-none = リストは まだ ありません。{何|なに}が あったか と その {日|ひ}を えらんで ください。
ui-procedures-invalid-date = {日|ひ}にちは「{年|ねん}-{月|つき}-{日|ひ}」の {形|かたち}で {書|か}いて ください（れい：2026-12-01）。

## {受|う}けられる サービス

ui-benefits-questions = {質問|しつもん}
ui-benefits-yes = はい
ui-benefits-no = いいえ
ui-benefits-skip = {答|こた}えない
ui-benefits-numbers-hint = {数|かず}が いくつか ある ときは「,」で {分|わ}けて ください（れい：1, 4）
ui-benefits-check = {受|う}けられる サービスを {見|み}る
ui-benefits-results = {受|う}けられるかも しれない サービス
ui-benefits-reset = はじめから
ui-benefits-invalid-number = { $min }から { $max }までの {数|かず}を {書|か}いて ください。
ui-benefits-invalid-numbers = { $min }から { $max }までの {数|かず}を「,」で {分|わ}けて {書|か}いて ください。
ui-benefits-invalid-date = {日|ひ}にちは「{年|ねん}-{月|つき}-{日|ひ}」の {形|かたち}で {書|か}いて ください（れい：2026-04-01）。
ui-benefits-invalid-choice = {答|こた}えを {一|ひと}つ えらんで ください。

## {質問|しつもん}

ui-ask-procedure = この {手続|てつづ}きに ついて
