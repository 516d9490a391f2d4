# 公共交通（machi transit）
transit-journey = { $depart } 出發，{ $arrive } 抵達（轉乘 { $transfers } 次），{ $fare }
transit-leg-walk = { $depart } 步行 { $minutes } 分鐘（{ $metres } 公尺）
transit-leg-ride = { $route } { $depart } 從 { $from } 到 { $to }（{ $headsign }），{ $arrive } 抵達，{ $fare }
transit-fare = { $yen } 日圓
transit-fare-unknown = 票價不明
transit-error-no-timetable = 已安裝的城鎮資料包沒有公共交通時刻表。
transit-error-bad-timetable = 無法讀取已安裝的時刻表：{ $reason }
transit-error-unknown-stop = 沒有名為「{ $stop }」的站牌（請輸入正確的名稱或 ID，或 緯度,經度）。
transit-error-bad-point = 「{ $value }」不是有效的 緯度,經度。
transit-error-bad-time = 「{ $value }」不是 HH:MM 格式的時間。
transit-error-no-connection = 該時間沒有連接 { $from } 和 { $to } 的公車或列車。
transit-error-search = 搜尋失敗：{ $reason }
transit-departures-header = { $stop } 發車時刻（{ $date }，{ $time } 以後）：
transit-departures-none = { $date } { $time } 以後沒有從 { $stop } 出發的班次。
transit-departure = { $time }  { $route } 開往 { $headsign }
transit-departure-platform = { $time }  { $route } 開往 { $headsign }（乘車處 { $platform }）
