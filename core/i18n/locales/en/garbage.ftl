# The garbage sorting dictionary (chat answers and CLI)
garbage-chat-question = Where do { $item } go?
garbage-chat-category = { $item }: { $category }.
garbage-chat-next = { $area }: next collection { $date }
garbage-chat-no-schedule = { $area }: no regular collection day (see how to put it out)
garbage-chat-ask-area = Choose your area to see the next collection day.
garbage-chat-untranslated = The item's name is not translated yet.
cli-garbage-sort-none = Nothing matches “{ $query }”. Try another name, or ask the city office.
cli-garbage-sort-next = Next collection ({ $area }): { $date }
cli-garbage-sort-no-schedule = No regular collection day in { $area }.
cli-garbage-sort-matched = found as “{ $matched }”
cli-garbage-sort-area-hint = Add --area to see the next collection day.
cli-garbage-need-area = Name the area with --area (or use garbage sort / garbage suggest).
cli-garbage-col-item = Item
