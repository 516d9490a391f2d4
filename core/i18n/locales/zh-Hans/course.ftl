### 推荐路线：交通方式、路段、推荐理由、无法生成路线的原因。

## 交通方式

course-mode-walk = 步行
course-mode-bicycle = 自行车
course-mode-car = 汽车
course-mode-bus = 公交或火车
course-mode-transit = 公交和火车
course-mode-taxi = 出租车

## 公交、火车、出租车路段

course-leg-ride = { $depart } 从{ $from }乘{ $line }到{ $to }
course-leg-ride-fare = { $depart } 从{ $from }乘{ $line }到{ $to }，{ $yen }日元
course-leg-walk-to-stop = 步行{ $duration }到车站
course-leg-then-walk = 下车后步行{ $duration }
course-leg-taxi = 出租车，{ $duration }，约{ $yen }日元
course-leg-bicycle = 租赁自行车，{ $duration }
course-leg-separator = ，
course-costs = 费用：公交和火车 { $transit }日元，出租车 { $taxi }日元，自行车 { $bicycle }日元 · 最长步行 { $walk }分钟

## 路段

course-leg = { $mode }，{ $duration }

## 推荐理由

course-reason-interests = 符合您的兴趣：{ $tags }
course-reason-popular = 热门景点
course-reason-requested = 您指定的景点
course-reason-open-until = 营业至 { $time }
course-reason-always-open = 随时可以参观
course-reason-congestion = { $area }一带交通拥堵：路上时间最多可能增加到 { $factor } 倍
course-reason-congestion-hours = { $from }至{ $to }，{ $area }一带交通拥堵：路上时间最多可能增加到 { $factor } 倍
course-reason-car-park = 禁止车辆通行：请在{ $carpark }停车，步行 { $duration }

## 无法生成路线的原因

course-error-unknown-place = 找不到“{ $place }”。
course-error-unknown-spot = 找不到景点“{ $place }”。
course-error-no-spots = 没有可选的景点。
course-error-time-too-short = 时间太短，无法参观任何景点。请留出更多时间。
course-error-everything-closed = 该时间段所有景点都已关闭。请换一个时间或日期。
course-error-must-visit = 由于时间和营业时间的限制，无法将{ $spots }（{ $count } 处）排入路线。
course-error-invalid-request = 请检查日期、时间和地点。

## Interest tags (display names)

course-tag-nature = 自然
course-tag-history = 历史
course-tag-culture = 文化
course-tag-family = 亲子
course-tag-view = 风景
course-tag-hiking = 徒步
course-tag-food = 美食
course-tag-beach = 海滩
course-tag-autumn-leaves = 红叶
course-tag-shopping = 购物
course-tag-station = 车站
course-tag-parking = 停车场

## Course totals and the timeline printed by `machi course`

course-totals = 共 { $total }（游览 { $visit }，交通 { $travel }）
course-day-heading = 第 { $day } 天：{ $date }
course-timeline-depart = { $time }  从{ $place }出发
course-timeline-arrive = { $time }  到达{ $place }
course-timeline-stop = { $arrival }–{ $leave }  { $name }
course-alternatives-heading = 其他路线
course-alternative = 方案 { $n }：{ $spots }
course-congestion-heading = 拥堵与封路
