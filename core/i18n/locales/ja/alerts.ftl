### 防災情報（machi-alerts）：種別名、警戒レベル、訓練などの表示、
### 利用者の言語で書かれていない通知に使う定型文。

## 状態の表示（訓練・試験は必ず表示する）

alerts-status-exercise = 【訓練】実際の災害ではありません
alerts-status-test = 【試験】実際の災害ではありません
alerts-status-system = システム通知
alerts-status-draft = 下書き
alerts-state-withdrawn = 発信元により取り消されました
alerts-state-superseded = 新しい情報に更新されました
alerts-state-expired = 期限切れ

## Verification of the sender (the town's trust policy)

alerts-trust-verified = 確認済み：{ $signer } の署名があります
alerts-trust-unverified = 未確認：市または市が信頼する発信元からの情報か確認できません
alerts-trust-refused = 変更する権限のない情報を参照しています

## 警戒レベル（$equivalent: 気象庁の「警戒レベル相当情報」なら yes）

alerts-level = { $equivalent ->
        [yes] 警戒レベル{ $level }相当
       *[no] 警戒レベル{ $level }
    }

## 種別

alerts-kind-evacuation-3 = 高齢者等避難（警戒レベル3）
alerts-kind-evacuation-4 = 避難指示（警戒レベル4）
alerts-kind-evacuation-5 = 緊急安全確保（警戒レベル5）
alerts-kind-weather = { $phenomenon }{ $grade }
alerts-kind-landslide-alert = 土砂災害警戒情報
alerts-kind-river-caution = 氾濫注意情報
alerts-kind-river-alert = 氾濫警戒情報
alerts-kind-river-danger = 氾濫危険情報
alerts-kind-river-flooding = 氾濫発生情報
alerts-kind-river-lifted = 洪水予報の解除
alerts-kind-seismic-intensity = 地震（震度{ $intensity }）
alerts-kind-earthquake = 地震情報
alerts-kind-eew = 緊急地震速報
alerts-kind-tsunami-forecast = 津波予報（若干の海面変動）
alerts-kind-tsunami-advisory = 津波注意報
alerts-kind-tsunami-warning = 津波警報
alerts-kind-tsunami-major-warning = 大津波警報
alerts-kind-eruption = 噴火速報
alerts-kind-shelter-opened = 避難所開設
alerts-kind-shelter-closed = 避難所閉鎖
alerts-kind-all-clear = 解除
alerts-kind-broadcast = 防災行政無線
alerts-kind-other = お知らせ

## 気象の現象と警報の種類（alerts-kind-weather で組み合わせる）

alerts-phenomenon-heavy-rain = 大雨
alerts-phenomenon-flood = 洪水
alerts-phenomenon-landslide = 土砂災害
alerts-phenomenon-storm-surge = 高潮
alerts-phenomenon-storm = 暴風
alerts-phenomenon-snowstorm = 暴風雪
alerts-phenomenon-heavy-snow = 大雪
alerts-phenomenon-high-waves = 波浪
alerts-phenomenon-thunder = 雷
alerts-phenomenon-strong-wind = 強風
alerts-phenomenon-wind-snow = 風雪
alerts-phenomenon-dense-fog = 濃霧
alerts-phenomenon-dry-air = 乾燥
alerts-phenomenon-avalanche = なだれ
alerts-phenomenon-low-temperature = 低温
alerts-phenomenon-frost = 霜
alerts-phenomenon-icing = 着氷
alerts-phenomenon-snow-accretion = 着雪
alerts-phenomenon-snowmelt = 融雪
alerts-grade-advisory = 注意報
alerts-grade-warning = 警報
alerts-grade-danger-warning = 危険警報
alerts-grade-emergency = 特別警報

## 震度

alerts-intensity-1 = 1
alerts-intensity-2 = 2
alerts-intensity-3 = 3
alerts-intensity-4 = 4
alerts-intensity-5-lower = 5弱
alerts-intensity-5-upper = 5強
alerts-intensity-6-lower = 6弱
alerts-intensity-6-upper = 6強
alerts-intensity-7 = 7

## 定型文

alerts-tmpl-headline = { $kind }：{ $area }
alerts-note-template = 定型文による表示です。発信元の原文は下にあります。
alerts-note-untranslated = この言語の文はありません。発信元の原文のまま表示しています。
alerts-advice-evacuation-3 = 高齢者や障害のある人など避難に時間のかかる人は、危険な場所から避難してください。その他の人も避難の準備をしてください。
alerts-advice-evacuation-4 = 危険な場所から全員避難してください。
alerts-advice-evacuation-5 = 災害が発生、または切迫しています。直ちに命を守る行動をとってください。外に出るのが危険な場合は、崖から離れた上の階へ移動してください。
alerts-advice-emergency-warning = 特別警報です。数十年に一度の危険が迫っています。直ちに命を守る行動をとってください。
alerts-advice-landslide = 土砂災害の危険があります。崖や斜面から離れ、避難の準備をしてください。
alerts-advice-flood = 川が氾濫するおそれがあります。川に近づかず、高い場所へ避難する準備をしてください。
alerts-advice-coast = 海岸で高波や高潮の危険があります。海や海岸に近づかないでください。
alerts-advice-weather = 最新の情報を確認し、注意してください。
alerts-advice-earthquake = 地震がありました。余震に注意し、壊れた建物に近づかないでください。
alerts-advice-eew = 強い揺れが来ます。頭を守り、落ちてくる物から離れてください。
alerts-advice-tsunami-warning = 津波が来ます。直ちに海岸や川から離れ、高台や高い建物へ避難してください。
alerts-advice-tsunami-advisory = 海の中にいる人はすぐに上がり、海岸から離れてください。注意報が解除されるまで海に近づかないでください。
alerts-advice-eruption = 噴火が発生しました。市町村の指示に従い、火山に近づかないでください。
alerts-advice-shelter-opened = 避難所が開設されました。最寄りの避難所を一覧で確認してください。
alerts-advice-shelter-closed = 避難所が閉鎖されました。開いている避難所を一覧で確認してください。
alerts-advice-all-clear = 解除されました。引き続き注意し、市の情報に従ってください。
