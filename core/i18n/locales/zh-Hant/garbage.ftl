# 垃圾分類辭典（聊天回答與命令列）
garbage-chat-question = 「{ $item }」要怎麼丟？
garbage-chat-category = 「{ $item }」屬於「{ $category }」。
garbage-chat-next = { $area }：下次收集日 { $date }
garbage-chat-no-schedule = { $area }：沒有固定收集日（請看投放方法）
garbage-chat-ask-area = 選擇您的地區即可顯示下次收集日。
garbage-chat-untranslated = 物品名稱尚未翻譯。
cli-garbage-sort-none = 找不到與「{ $query }」相符的物品。請換個名稱查詢，或洽詢市公所。
cli-garbage-sort-next = 下次收集日（{ $area }）：{ $date }
cli-garbage-sort-no-schedule = { $area }沒有固定收集日。
cli-garbage-sort-matched = 依「{ $matched }」找到
cli-garbage-sort-area-hint = 加上 --area 即可顯示下次收集日。
cli-garbage-need-area = 請用 --area 指定地區（或使用 garbage sort / garbage suggest）。
cli-garbage-col-item = 物品
