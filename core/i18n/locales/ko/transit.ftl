# 대중교통 (machi transit)
transit-journey = { $depart } 출발, { $arrive } 도착 (환승 { $transfers }회), { $fare }
transit-leg-walk = { $depart } 도보 { $minutes }분 ({ $metres } m)
transit-leg-ride = { $route } { $depart } { $from } 출발 → { $to } ({ $headsign }), { $arrive } 도착, { $fare }
transit-fare = { $yen }엔
transit-fare-unknown = 요금 알 수 없음
transit-error-no-timetable = 설치된 마을 팩에 대중교통 시간표가 없습니다.
transit-error-bad-timetable = 설치된 시간표를 읽을 수 없습니다: { $reason }
transit-error-unknown-stop = “{ $stop }”(이)라는 정류장이 없습니다 (정확한 이름이나 ID, 또는 위도,경도를 입력하세요).
transit-error-bad-point = “{ $value }”은(는) 올바른 위도,경도가 아닙니다.
transit-error-bad-time = “{ $value }”은(는) HH:MM 형식의 시간이 아닙니다.
transit-error-no-connection = 그 시간에 { $from }와(과) { $to }을(를) 잇는 버스나 열차가 없습니다.
transit-error-search = 검색에 실패했습니다: { $reason }
transit-departures-header = { $stop } 출발 시각 ({ $date }, { $time } 이후):
transit-departures-none = { $date } { $time } 이후 { $stop }에서 출발하는 편이 없습니다.
transit-departure = { $time }  { $route } { $headsign }행
transit-departure-platform = { $time }  { $route } { $headsign }행 (승강장 { $platform })
