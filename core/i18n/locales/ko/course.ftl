### 추천 코스: 이동 수단, 이동 구간, 추천 이유, 코스를 만들 수 없는 이유.

## 이동 수단

course-mode-walk = 도보
course-mode-bicycle = 자전거
course-mode-car = 자동차
course-mode-bus = 버스·열차
course-mode-transit = 버스·열차
course-mode-taxi = 택시

## 버스·열차·택시 구간

course-leg-ride = { $depart } { $from }에서 { $line } 타고 { $to }까지
course-leg-ride-fare = { $depart } { $from }에서 { $line } 타고 { $to }까지, { $yen }엔
course-leg-walk-to-stop = 정류장까지 도보 { $duration }
course-leg-then-walk = 내려서 도보 { $duration }
course-leg-taxi = 택시, { $duration }, 약 { $yen }엔
course-leg-bicycle = 대여 자전거, { $duration }
course-leg-separator = {", "}
course-costs = 요금: 버스·열차 { $transit }엔, 택시 { $taxi }엔, 자전거 { $bicycle }엔 · 가장 긴 도보 { $walk }분

## 이동 구간

course-leg = { $mode }, { $duration }

## 추천 이유

course-reason-interests = 관심사와 일치: { $tags }
course-reason-popular = 인기 명소
course-reason-requested = 요청하신 명소
course-reason-open-until = { $time }까지 영업
course-reason-always-open = 언제든지 방문 가능
course-reason-congestion = { $area } 주변 교통 혼잡: 이동 시간이 최대 { $factor }배 걸릴 수 있습니다
course-reason-congestion-hours = { $from }~{ $to } { $area } 주변 교통 혼잡: 이동 시간이 최대 { $factor }배 걸릴 수 있습니다
course-reason-car-park = 차량 통행 금지: { $carpark }에 주차하고 { $duration } 걸어가세요

## 코스를 만들 수 없는 이유

course-error-unknown-place = “{ $place }”을(를) 찾을 수 없습니다.
course-error-unknown-spot = 명소 “{ $place }”을(를) 찾을 수 없습니다.
course-error-no-spots = 선택할 수 있는 명소가 없습니다.
course-error-time-too-short = 시간이 짧아 어느 명소도 방문할 수 없습니다. 시간을 더 늘려 주세요.
course-error-everything-closed = 그 시간에는 모든 명소가 문을 닫습니다. 다른 시간이나 날짜를 선택해 주세요.
course-error-must-visit = 시간과 영업시간 때문에 { $spots }({ $count }곳)을(를) 코스에 넣을 수 없습니다.
course-error-invalid-request = 날짜, 시간, 장소를 확인해 주세요.

## Interest tags (display names)

course-tag-nature = 자연
course-tag-history = 역사
course-tag-culture = 문화
course-tag-family = 가족
course-tag-view = 경치
course-tag-hiking = 하이킹
course-tag-food = 음식
course-tag-beach = 해변
course-tag-autumn-leaves = 단풍
course-tag-shopping = 쇼핑
course-tag-station = 역
course-tag-parking = 주차장

## Course totals and the timeline printed by `machi course`

course-totals = 합계 { $total } (관람 { $visit }, 이동 { $travel })
course-day-heading = { $day }일째: { $date }
course-timeline-depart = { $time }  { $place } 출발
course-timeline-arrive = { $time }  { $place } 도착
course-timeline-stop = { $arrival }–{ $leave }  { $name }
course-alternatives-heading = 다른 코스
course-alternative = 코스 { $n }: { $spots }
course-congestion-heading = 정체·통행금지
