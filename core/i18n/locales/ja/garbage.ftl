# ごみ分別辞典（チャットの答えと CLI）
garbage-chat-question = 「{ $item }」の出し方
garbage-chat-category = 「{ $item }」は「{ $category }」です。
garbage-chat-next = { $area }：次の収集日は { $date }
garbage-chat-no-schedule = { $area }：決まった収集日はありません（出し方を見てください）
garbage-chat-ask-area = 次の収集日は、地区を選ぶと表示されます。
garbage-chat-untranslated = 品目名はまだ翻訳されていません。
cli-garbage-sort-none = 「{ $query }」に当てはまる品目は見つかりませんでした。別の名前で探すか、市役所に問い合わせてください。
cli-garbage-sort-next = 次の収集日（{ $area }）：{ $date }
cli-garbage-sort-no-schedule = { $area }では決まった収集日はありません。
cli-garbage-sort-matched = 「{ $matched }」で見つかりました
cli-garbage-sort-area-hint = --area を付けると、次の収集日が表示されます。
cli-garbage-need-area = --area で地区を指定してください（または garbage sort / garbage suggest）。
cli-garbage-col-item = 品目
