### モデルコース（やさしい日本語）。

## {行|い}き{方|かた}

course-mode-walk = {歩|ある}く
course-mode-bicycle = {自転車|じてんしゃ}
course-mode-car = {車|くるま}
course-mode-bus = バス・{電車|でんしゃ}
course-mode-transit = バス・{電車|でんしゃ}
course-mode-taxi = タクシー

## バス・{電車|でんしゃ}・タクシー

course-leg-ride = { $depart }に { $from }から { $line }に{乗|の}って { $to }まで
course-leg-ride-fare = { $depart }に { $from }から { $line }に{乗|の}って { $to }まで（{ $yen }{円|えん}）
course-leg-walk-to-stop = のりばまで { $duration } {歩|ある}く
course-leg-then-walk = おりて { $duration } {歩|ある}く
course-leg-taxi = タクシー { $duration }（{ $yen }{円|えん}ぐらい）
course-leg-bicycle = {自転車|じてんしゃ}を{借|か}りて { $duration }
course-leg-separator = 、
course-costs = お{金|かね}：バス・{電車|でんしゃ} { $transit }{円|えん}、タクシー { $taxi }{円|えん}、{自転車|じてんしゃ} { $bicycle }{円|えん} ・ いちばん{長|なが}く{歩|ある}くのは { $walk }{分|ふん}

## {移動|いどう}

course-leg = { $mode }　{ $duration }

## どうして ここに {行|い}くか

course-reason-interests = あなたが {好|す}きな ことに {合|あ}います：{ $tags }
course-reason-popular = {人気|にんき}が ある {場所|ばしょ}です
course-reason-requested = あなたが {行|い}きたい {場所|ばしょ}です
course-reason-open-until = { $time }まで {開|あ}いています
course-reason-always-open = いつでも {行|い}けます
course-reason-congestion = { $area }の {近|ちか}くは {道|みち}が {混|こ}んでいます。{移動|いどう}に { $factor }{倍|ばい}ぐらい {時間|じかん}が かかります
course-reason-congestion-hours = { $from }から { $to }まで、{ $area }の {近|ちか}くは {道|みち}が {混|こ}んでいます。{移動|いどう}に { $factor }{倍|ばい}ぐらい {時間|じかん}が かかります
course-reason-car-park = {車|くるま}は {入|はい}れません。{ $carpark }に {車|くるま}を {止|と}めて、{ $duration } {歩|ある}きます

## コースが できない とき

course-error-unknown-place = 「{ $place }」が {見|み}つかりません。
course-error-unknown-spot = 「{ $place }」が {見|み}つかりません。
course-error-no-spots = {行|い}ける {場所|ばしょ}が ありません。
course-error-time-too-short = {時間|じかん}が {短|みじか}いです。どこにも {行|い}けません。{時間|じかん}を {長|なが}く して ください。
course-error-everything-closed = その {時間|じかん}は どこも {閉|し}まっています。ほかの {時間|じかん}か {日|ひ}に して ください。
course-error-must-visit = { $spots }（{ $count }つ）は {時間|じかん}が {足|た}りないので、コースに {入|い}れられません。
course-error-invalid-request = {日|ひ}にち、{時間|じかん}、{場所|ばしょ}を もう{一度|いちど} {見|み}て ください。

## Interest tags (display names)

course-tag-nature = {自然|しぜん}
course-tag-history = {歴史|れきし}
course-tag-culture = {文化|ぶんか}
course-tag-family = {家族|かぞく}
course-tag-view = けしき
course-tag-hiking = ハイキング
course-tag-food = たべもの
course-tag-beach = {海|うみ}
course-tag-autumn-leaves = {紅葉|こうよう}
course-tag-shopping = {買|か}いもの
course-tag-station = {駅|えき}
course-tag-parking = {駐車場|ちゅうしゃじょう}

## Course totals and the timeline printed by `machi course`

course-totals = ぜんぶで { $total }（{ $visit } {見|み}る、{ $travel } {移動|いどう}）
course-day-heading = { $day }{日目|にちめ}：{ $date }
course-timeline-depart = { $time }  { $place }を {出|で}ます
course-timeline-arrive = { $time }  { $place }に {着|つ}きます
course-timeline-stop = { $arrival }〜{ $leave }  { $name }
course-alternatives-heading = ほかの コース
course-alternative = { $n }：{ $spots }
course-congestion-heading = {道|みち}の {混|こ}みぐあい
