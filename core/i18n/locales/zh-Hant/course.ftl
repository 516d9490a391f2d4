### 推薦路線：交通方式、路段、推薦理由、無法產生路線的原因。

## 交通方式

course-mode-walk = 步行
course-mode-bicycle = 自行車
course-mode-car = 汽車
course-mode-bus = 公車或火車
course-mode-transit = 公車和火車
course-mode-taxi = 計程車

## 公車、火車、計程車路段

course-leg-ride = { $depart } 從{ $from }搭{ $line }到{ $to }
course-leg-ride-fare = { $depart } 從{ $from }搭{ $line }到{ $to }，{ $yen }日圓
course-leg-walk-to-stop = 步行{ $duration }到車站
course-leg-then-walk = 下車後步行{ $duration }
course-leg-taxi = 計程車，{ $duration }，約{ $yen }日圓
course-leg-bicycle = 租借自行車，{ $duration }
course-leg-separator = ，
course-costs = 費用：公車和火車 { $transit }日圓，計程車 { $taxi }日圓，自行車 { $bicycle }日圓 · 最長步行 { $walk }分鐘

## 路段

course-leg = { $mode }，{ $duration }

## 推薦理由

course-reason-interests = 符合您的興趣：{ $tags }
course-reason-popular = 熱門景點
course-reason-requested = 您指定的景點
course-reason-open-until = 營業至 { $time }
course-reason-always-open = 隨時可以參觀
course-reason-congestion = { $area }一帶交通壅塞：交通時間最多可能增加到 { $factor } 倍
course-reason-congestion-hours = { $from }至{ $to }，{ $area }一帶交通壅塞：交通時間最多可能增加到 { $factor } 倍
course-reason-car-park = 禁止車輛通行：請在{ $carpark }停車，步行 { $duration }

## 無法產生路線的原因

course-error-unknown-place = 找不到「{ $place }」。
course-error-unknown-spot = 找不到景點「{ $place }」。
course-error-no-spots = 沒有可選的景點。
course-error-time-too-short = 時間太短，無法參觀任何景點。請預留更多時間。
course-error-everything-closed = 該時段所有景點都已關閉。請換個時間或日期。
course-error-must-visit = 由於時間和營業時間的限制，無法將{ $spots }（{ $count } 處）排入路線。
course-error-invalid-request = 請確認日期、時間和地點。

## Interest tags (display names)

course-tag-nature = 自然
course-tag-history = 歷史
course-tag-culture = 文化
course-tag-family = 親子
course-tag-view = 風景
course-tag-hiking = 健行
course-tag-food = 美食
course-tag-beach = 海灘
course-tag-autumn-leaves = 紅葉
course-tag-shopping = 購物
course-tag-station = 車站
course-tag-parking = 停車場

## Course totals and the timeline printed by `machi course`

course-totals = 共 { $total }（遊覽 { $visit }，交通 { $travel }）
course-day-heading = 第 { $day } 天：{ $date }
course-timeline-depart = { $time }  從{ $place }出發
course-timeline-arrive = { $time }  抵達{ $place }
course-timeline-stop = { $arrival }–{ $leave }  { $name }
course-alternatives-heading = 其他路線
course-alternative = 方案 { $n }：{ $spots }
course-congestion-heading = 壅塞與封路
