### 주민 용무 화면(Android, iOS): '생활' 탭의 쓰레기 분리배출, 생애 사건 뒤의 절차, 받을 수 있는 서비스 판정.

ui-tab-services = 생활
ui-services-garbage = 쓰레기 분리배출
ui-services-garbage-hint = 품목별 배출 방법과 수거일
ui-services-procedures = 생애 사건 뒤의 절차
ui-services-procedures-hint = 출생, 이사, 사망 뒤에 해야 할 절차와 기한
ui-services-benefits = 받을 수 있는 서비스
ui-services-benefits-hint = 몇 가지 질문에 답해 주세요. 답변은 이 휴대전화에만 남습니다.
ui-services-back = 생활로 돌아가기

## 쓰레기 분리배출

ui-garbage-search = 버릴 물건
ui-garbage-search-hint = 예: 우산, 傘, umbrella
ui-garbage-area = 사는 지역
ui-garbage-lookup = 찾기
ui-garbage-how = 배출 방법
ui-garbage-next = { $area } 다음 수거일: { $date }
ui-garbage-no-schedule = { $area }에는 정해진 수거일이 없습니다.
ui-garbage-none = '{ $query }'을(를) 찾지 못했습니다. 다른 이름으로 찾거나 시청에 문의하세요.

## 절차와 체크리스트

ui-procedures-events = 생애 사건
ui-procedures-event-date = 일이 있었던 날
ui-procedures-start = 내 체크리스트 만들기
ui-procedures-my-checklists = 내 체크리스트
ui-procedures-checklist-row = { $event } ({ $date })
ui-procedures-remove = 이 체크리스트 삭제
ui-procedures-mark-done = '{ $name }' 완료로 표시
ui-procedures-mark-undone = '{ $name }' 미완료로 표시
ui-procedures-open-online = 온라인으로 신청
ui-procedures-details = 절차 자세히 보기
ui-procedures-none = 아직 체크리스트가 없습니다. 생애 사건과 날짜를 고르세요.
ui-procedures-invalid-date = 날짜는 '연-월-일' 형식으로 입력하세요 (예: 2026-12-01).

## 받을 수 있는 서비스 판정

ui-benefits-questions = 몇 가지 질문
ui-benefits-yes = 예
ui-benefits-no = 아니요
ui-benefits-skip = 건너뛰기
ui-benefits-numbers-hint = 숫자가 여러 개면 쉼표로 구분하세요 (예: 1, 4)
ui-benefits-check = 받을 수 있는 서비스 보기
ui-benefits-results = 받을 수 있을지도 모르는 서비스
ui-benefits-reset = 처음부터 다시
ui-benefits-invalid-number = { $min }부터 { $max }까지의 정수를 입력하세요.
ui-benefits-invalid-numbers = { $min }부터 { $max }까지의 정수를 쉼표로 구분해 입력하세요.
ui-benefits-invalid-date = 날짜는 '연-월-일' 형식으로 입력하세요 (예: 2026-04-01).
ui-benefits-invalid-choice = 답을 하나 고르세요.

## 질문

ui-ask-procedure = 이 절차에 대해
