# `machi demo`: 내장된 마을로 앱 기능 둘러보기.
demo-title = { $town } — 콘텐츠 팩 { NUMBER($version, useGrouping: "false") }판
demo-no-pack = 설치된 콘텐츠가 없습니다.
demo-spots = 인기 명소
demo-col-visit = 예상 관람 시간
demo-garbage = 쓰레기 수거
demo-garbage-line = { $area }, { $date }: { $what }
demo-shelters = 다카하기역에서 가까운 대피 장소
demo-notices = 현재 알림
demo-notices-forged = 시를 사칭하는 서명 없는 취소가 도착한 경우(사칭 예): 미확인으로 표시되며, 시가 서명한 피난 지시는 그대로 유효합니다.
demo-course = 다카하기역에서 출발하는 추천 코스
demo-faq = 시청에 질문하기
demo-faq-question = 대형 쓰레기는 어떻게 버리나요?
demo-faq-asked = 질문: { $question }
demo-procedures = 출생 뒤에 해야 할 절차와 기한
