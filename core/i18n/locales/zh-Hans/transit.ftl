# 公共交通（machi transit）
transit-journey = { $depart } 出发，{ $arrive } 到达（换乘 { $transfers } 次），{ $fare }
transit-leg-walk = { $depart } 步行 { $minutes } 分钟（{ $metres } 米）
transit-leg-ride = { $route } { $depart } 从 { $from } 到 { $to }（{ $headsign }），{ $arrive } 到达，{ $fare }
transit-fare = { $yen } 日元
transit-fare-unknown = 票价不明
transit-error-no-timetable = 已安装的城镇数据包没有公共交通时刻表。
transit-error-bad-timetable = 无法读取已安装的时刻表：{ $reason }
transit-error-unknown-stop = 没有名为“{ $stop }”的站点（请输入准确的名称或 ID，或 纬度,经度）。
transit-error-bad-point = “{ $value }”不是有效的 纬度,经度。
transit-error-bad-time = “{ $value }”不是 HH:MM 格式的时间。
transit-error-no-connection = 该时间没有连接 { $from } 和 { $to } 的公交或列车。
transit-error-search = 搜索失败：{ $reason }
transit-departures-header = { $stop } 发车时刻（{ $date }，{ $time } 以后）：
transit-departures-none = { $date } { $time } 以后没有从 { $stop } 出发的班次。
transit-departure = { $time }  { $route } 开往 { $headsign }
transit-departure-platform = { $time }  { $route } 开往 { $headsign }（乘车处 { $platform }）
