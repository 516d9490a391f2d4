# 쓰레기 분리배출 사전 (채팅 답변과 CLI)
garbage-chat-question = '{ $item }'은(는) 어떻게 버리나요?
garbage-chat-category = '{ $item }'은(는) '{ $category }'입니다.
garbage-chat-next = { $area }: 다음 수거일 { $date }
garbage-chat-no-schedule = { $area }: 정해진 수거일이 없습니다 (배출 방법을 확인하세요)
garbage-chat-ask-area = 지역을 선택하면 다음 수거일이 표시됩니다.
garbage-chat-untranslated = 품목 이름은 아직 번역되지 않았습니다.
cli-garbage-sort-none = '{ $query }'에 해당하는 품목을 찾지 못했습니다. 다른 이름으로 찾거나 시청에 문의하세요.
cli-garbage-sort-next = 다음 수거일({ $area }): { $date }
cli-garbage-sort-no-schedule = { $area }에는 정해진 수거일이 없습니다.
cli-garbage-sort-matched = '{ $matched }'(으)로 찾음
cli-garbage-sort-area-hint = --area를 붙이면 다음 수거일이 표시됩니다.
cli-garbage-need-area = --area로 지역을 지정하세요 (또는 garbage sort / garbage suggest).
cli-garbage-col-item = 품목
