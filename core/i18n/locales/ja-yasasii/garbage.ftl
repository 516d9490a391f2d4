# ごみ分別辞典（やさしい日本語）
garbage-chat-question = 「{ $item }」の {出|だ}し{方|かた}
garbage-chat-category = 「{ $item }」は 「{ $category }」です。
garbage-chat-next = { $area }：{次|つぎ}に {集|あつ}める {日|ひ}は { $date }です
garbage-chat-no-schedule = { $area }：{決|き}まった {日|ひ}は ありません（{出|だ}し{方|かた}を {見|み}てください）
garbage-chat-ask-area = {地区|ちく}を {選|えら}ぶと、{次|つぎ}に {集|あつ}める {日|ひ}が わかります。
garbage-chat-untranslated = ごみの {名前|なまえ}は まだ {翻訳|ほんやく}して いません。
cli-garbage-sort-none = 「{ $query }」は {見|み}つかりませんでした。ほかの {名前|なまえ}で {探|さが}すか、{市役所|しやくしょ}に {聞|き}いてください。
cli-garbage-sort-next = {次|つぎ}に {集|あつ}める {日|ひ}（{ $area }）：{ $date }
cli-garbage-sort-no-schedule = { $area }では {決|き}まった {日|ひ}は ありません。
cli-garbage-sort-matched = 「{ $matched }」で {見|み}つかりました
cli-garbage-sort-area-hint = --area を つけると、{次|つぎ}に {集|あつ}める {日|ひ}が わかります。
cli-garbage-need-area = --area で {地区|ちく}を {選|えら}んでください（または garbage sort / garbage suggest）。
cli-garbage-col-item = ごみの {名前|なまえ}
