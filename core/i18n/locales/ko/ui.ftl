### 스마트폰 앱(Android, iOS) 화면의 틀: 탭 이름, 버튼, 제목,
### TalkBack/VoiceOver 읽기 라벨.

## 탭

ui-tab-explore = 둘러보기
ui-tab-course = 코스
ui-tab-alerts = 재난 정보
ui-tab-ask = 문의
ui-tab-settings = 설정

## 둘러보기

ui-explore-spots = 관광 명소
ui-explore-events = 다가오는 행사
ui-explore-all-tags = 전체
ui-explore-filter = { $tag }만 보기
ui-spot-visit-time = 관람 시간: 약 { $duration }
ui-spot-row = { $name }, 여기서 { $distance }

## 재난 정보

ui-alerts-empty = 지역에 발표된 정보가 없습니다.
ui-alerts-history = 지난 정보도 보기
ui-alerts-new = 새 정보: { $title }
ui-alerts-shelters = 가까운 적합한 대피 장소
ui-alerts-walk = 도보 { $minutes }분
ui-alerts-read-aloud = 소리 내어 읽기
ui-alerts-unread = 읽지 않은 정보 { $count }건

## 문의

ui-ask-placeholder = 시의 행정 절차에 대해 문의하기
ui-ask-send = 보내기
ui-ask-helpful = 도움이 됐어요
ui-ask-not-helpful = 도움이 안 됐어요
ui-ask-thanks = 감사합니다. 답변 개선에 활용하겠습니다.
ui-ask-contact = 문의처: { $department }

## 설정

ui-settings-language = 언어
ui-settings-follow-device = 기기 설정과 같게
ui-settings-text-size = 글자 크기
ui-settings-text-size-value = { $percent }%
ui-settings-places = 등록한 장소
ui-settings-places-hint = 등록한 장소의 정보는 멀리 있어도 표시됩니다.
ui-settings-add-place = 장소 추가
ui-settings-place-name = 이름 (예: 집)
ui-settings-remove-place = { $name } 삭제
ui-settings-sync = 시 정보
ui-settings-sync-now = 지금 업데이트
ui-settings-sync-cancel = 업데이트 중지
ui-settings-pack-current = 버전 { $version }, { $date }까지 시의 서명으로 확인됨.
ui-settings-pack-stale = 이 정보는 오래되었을 수 있습니다. 시의 서명이 { $date }에 만료되었고 새 버전이 도착하지 않았습니다. 온라인일 때 업데이트하세요.
ui-settings-pack-built-in = 버전 { $version }, 앱에 내장된 샘플 도시.

## 업데이트 진행 상황

ui-sync-phase-manifest = 새 정보를 확인하는 중…
ui-sync-phase-download = 다운로드 중… { $percent }%
ui-sync-phase-verify = 다운로드한 내용을 확인하는 중…
ui-sync-phase-import = 저장 중… { $percent }%
ui-sync-phase-done = 완료
ui-sync-updated = 시 정보가 최신으로 업데이트되었습니다.
ui-sync-up-to-date = 이미 최신 정보입니다.

## Course (request form and timeline)

ui-course-date = 날짜
ui-course-start-time = 출발 시각
ui-course-hours = 이용 가능 시간
ui-course-mode = 이동 수단
ui-course-pace = 페이스
ui-course-pace-relaxed = 여유롭게
ui-course-pace-normal = 보통
ui-course-pace-packed = 알차게
ui-course-interests = 관심사
ui-course-plan = 코스 추천
ui-course-remove-stop = { $name } 빼기
ui-course-lock-stop = { $name } 유지
ui-course-congestion = 교통 정보
ui-course-stop-row = { $name }, { $arrival }~{ $leave }
ui-course-taxi-budget = 택시 예산
ui-course-taxi-none = 택시 안 탐
ui-course-bicycle-rental = 자전거 대여
ui-course-max-walk = 최대 도보
ui-course-max-walk-any = 제한 없음
ui-course-ride = { $depart } { $from } → { $arrive } { $to }
ui-course-yen = { $yen }엔
