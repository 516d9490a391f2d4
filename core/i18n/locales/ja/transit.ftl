# 公共交通（machi transit）
transit-journey = { $depart } 出発、{ $arrive } 到着（乗り換え { $transfers } 回）、{ $fare }
transit-leg-walk = { $depart } 徒歩 { $minutes } 分（{ $metres } m）
transit-leg-ride = { $route } { $depart } { $from } 発 → { $to }（{ $headsign }）{ $arrive } 着、{ $fare }
transit-fare = { $yen } 円
transit-fare-unknown = 運賃不明
transit-error-no-timetable = インストールされた町のパックには公共交通の時刻表がありません。
transit-error-bad-timetable = インストールされた時刻表を読めません: { $reason }
transit-error-unknown-stop = 「{ $stop }」という停留所はありません（正確な名前か ID、または 緯度,経度 を指定してください）。
transit-error-bad-point = 「{ $value }」は正しい 緯度,経度 ではありません。
transit-error-bad-time = 「{ $value }」は HH:MM の時刻ではありません。
transit-error-no-connection = その時刻に { $from } と { $to } を結ぶバス・電車はありません。
transit-error-search = 検索に失敗しました: { $reason }
transit-departures-header = { $stop } の発車時刻（{ $date }、{ $time } 以降）:
transit-departures-none = { $date } の { $time } 以降、{ $stop } を出る便はありません。
transit-departure = { $time }  { $route } { $headsign } 行き
transit-departure-platform = { $time }  { $route } { $headsign } 行き（のりば { $platform }）
