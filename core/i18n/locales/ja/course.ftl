### モデルコース：移動手段、移動区間、立ち寄る理由、コースを作れない理由。

## 移動手段

course-mode-walk = 徒歩
course-mode-bicycle = 自転車
course-mode-car = 車
course-mode-bus = バス・鉄道
course-mode-transit = バス・鉄道（時刻表）
course-mode-taxi = タクシー

## バス・鉄道・タクシーの区間

course-leg-ride = { $depart } { $from }発 { $line }で{ $to }へ
course-leg-ride-fare = { $depart } { $from }発 { $line }で{ $to }へ（{ $yen }円）
course-leg-walk-to-stop = 乗り場まで徒歩{ $duration }
course-leg-then-walk = 降りて徒歩{ $duration }
course-leg-taxi = タクシー { $duration }（約{ $yen }円）
course-leg-bicycle = レンタサイクル { $duration }
course-leg-separator = 、
course-costs = 運賃：バス・鉄道 { $transit }円、タクシー { $taxi }円、自転車 { $bicycle }円 ・ いちばん長い徒歩 { $walk }分

## 移動区間（$mode は上の手段名、$duration は整形済みの時間）

course-leg = { $mode } { $duration }

## 立ち寄る理由

course-reason-interests = 興味に合う：{ $tags }
course-reason-popular = 人気のスポット
course-reason-requested = ご希望のスポット
course-reason-open-until = { $time }まで営業
course-reason-always-open = いつでも見学できます
course-reason-congestion = { $area }周辺は混雑：移動に最大{ $factor }倍の時間がかかります
course-reason-congestion-hours = { $from }～{ $to }は{ $area }周辺が混雑：移動に最大{ $factor }倍の時間がかかります
course-reason-car-park = 車両通行止め：{ $carpark }に駐車して徒歩{ $duration }

## コースを作れない理由

course-error-unknown-place = 「{ $place }」が見つかりません。
course-error-unknown-spot = スポット「{ $place }」が見つかりません。
course-error-no-spots = 選べるスポットがありません。
course-error-time-too-short = 時間が短く、どのスポットにも立ち寄れません。時間を長くしてください。
course-error-everything-closed = その時間はすべてのスポットが閉まっています。別の時間や日にちをお試しください。
course-error-must-visit = { $spots }（{ $count }か所）は、時間と営業時間の都合でコースに入れられません。
course-error-invalid-request = 日付・時間・場所をご確認ください。

## Interest tags (display names)

course-tag-nature = 自然
course-tag-history = 歴史
course-tag-culture = 文化
course-tag-family = 家族向け
course-tag-view = 景色
course-tag-hiking = ハイキング
course-tag-food = グルメ
course-tag-beach = 海辺
course-tag-autumn-leaves = 紅葉
course-tag-shopping = 買い物
course-tag-station = 駅
course-tag-parking = 駐車場

## Course totals and the timeline printed by `machi course`

course-totals = 合計 { $total }（見学 { $visit }、移動 { $travel }）
course-day-heading = { $day }日目：{ $date }
course-timeline-depart = { $time }  { $place }を出発
course-timeline-arrive = { $time }  { $place }に到着
course-timeline-stop = { $arrival }〜{ $leave }  { $name }
course-alternatives-heading = ほかのコース
course-alternative = 案{ $n }：{ $spots }
course-congestion-heading = 渋滞・通行止め
