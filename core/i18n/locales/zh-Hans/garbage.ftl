# 垃圾分类辞典（聊天回答与命令行）
garbage-chat-question = “{ $item }”怎么扔？
garbage-chat-category = “{ $item }”属于“{ $category }”。
garbage-chat-next = { $area }：下次收集日 { $date }
garbage-chat-no-schedule = { $area }：没有固定收集日（请看投放方法）
garbage-chat-ask-area = 选择您的地区即可显示下次收集日。
garbage-chat-untranslated = 物品名称尚未翻译。
cli-garbage-sort-none = 没有找到与“{ $query }”相符的物品。请换个名称查找，或咨询市政府。
cli-garbage-sort-next = 下次收集日（{ $area }）：{ $date }
cli-garbage-sort-no-schedule = { $area }没有固定收集日。
cli-garbage-sort-matched = 按“{ $matched }”找到
cli-garbage-sort-area-hint = 加上 --area 即可显示下次收集日。
cli-garbage-need-area = 请用 --area 指定地区（或使用 garbage sort / garbage suggest）。
cli-garbage-col-item = 物品
