### 防灾信息（machi-alerts）：种类名称、警戒级别、演习标记，
### 以及通知没有读者语言版本时使用的固定模板。

## 状态标记（演习和测试始终标出）

alerts-status-exercise = 【演习】不是真实灾害
alerts-status-test = 【测试】不是真实灾害
alerts-status-system = 系统消息
alerts-status-draft = 草稿
alerts-state-withdrawn = 已被发布方撤回
alerts-state-superseded = 已有更新的通知
alerts-state-expired = 已过期

## Verification of the sender (the town's trust policy)

alerts-trust-verified = 已验证：由 { $signer } 签名
alerts-trust-unverified = 未验证：无法确认来自本市或本市信任的发布方
alerts-trust-refused = 引用了其无权更改的通知

## 日本的5级警戒级别（$equivalent：气象厅“相当于警戒级别”的信息为 yes）

alerts-level = { $equivalent ->
        [yes] 相当于警戒级别{ $level }
       *[no] 警戒级别{ $level }
    }

## 种类

alerts-kind-evacuation-3 = 老年人等避难（级别3）
alerts-kind-evacuation-4 = 避难指示（级别4）
alerts-kind-evacuation-5 = 紧急确保安全（级别5）
alerts-kind-weather = { $phenomenon }{ $grade }
alerts-kind-landslide-alert = 泥石流灾害警戒信息
alerts-kind-river-caution = 河流泛滥注意信息
alerts-kind-river-alert = 河流泛滥警戒信息
alerts-kind-river-danger = 河流泛滥危险信息
alerts-kind-river-flooding = 河流泛滥发生信息
alerts-kind-river-lifted = 洪水预报已解除
alerts-kind-seismic-intensity = 地震（震度{ $intensity }）
alerts-kind-earthquake = 地震信息
alerts-kind-eew = 紧急地震速报
alerts-kind-tsunami-forecast = 海啸预报（海面轻微变化）
alerts-kind-tsunami-advisory = 海啸注意报
alerts-kind-tsunami-warning = 海啸警报
alerts-kind-tsunami-major-warning = 大海啸警报
alerts-kind-eruption = 火山喷发速报
alerts-kind-shelter-opened = 避难所已开设
alerts-kind-shelter-closed = 避难所已关闭
alerts-kind-all-clear = 已解除
alerts-kind-broadcast = 市防灾广播
alerts-kind-other = 通知

## 气象现象与警报等级（由 alerts-kind-weather 组合）

alerts-phenomenon-heavy-rain = 暴雨
alerts-phenomenon-flood = 洪水
alerts-phenomenon-landslide = 泥石流灾害
alerts-phenomenon-storm-surge = 风暴潮
alerts-phenomenon-storm = 暴风
alerts-phenomenon-snowstorm = 暴风雪
alerts-phenomenon-heavy-snow = 大雪
alerts-phenomenon-high-waves = 大浪
alerts-phenomenon-thunder = 雷电
alerts-phenomenon-strong-wind = 强风
alerts-phenomenon-wind-snow = 风雪
alerts-phenomenon-dense-fog = 浓雾
alerts-phenomenon-dry-air = 干燥
alerts-phenomenon-avalanche = 雪崩
alerts-phenomenon-low-temperature = 低温
alerts-phenomenon-frost = 霜冻
alerts-phenomenon-icing = 积冰
alerts-phenomenon-snow-accretion = 积雪附着
alerts-phenomenon-snowmelt = 融雪
alerts-grade-advisory = 注意报
alerts-grade-warning = 警报
alerts-grade-danger-warning = 危险警报
alerts-grade-emergency = 特别警报

## 震度（日本气象厅震度）

alerts-intensity-1 = 1
alerts-intensity-2 = 2
alerts-intensity-3 = 3
alerts-intensity-4 = 4
alerts-intensity-5-lower = 5弱
alerts-intensity-5-upper = 5强
alerts-intensity-6-lower = 6弱
alerts-intensity-6-upper = 6强
alerts-intensity-7 = 7

## 固定模板

alerts-tmpl-headline = { $kind }：{ $area }
alerts-note-template = 此为固定模板翻译。发布方原文附在下方。
alerts-note-untranslated = 没有您所用语言的版本，按发布方原文显示。
alerts-advice-evacuation-3 = 老年人、残障人士等需要时间移动的人，请立即从危险地点避难。其他人请做好避难准备。
alerts-advice-evacuation-4 = 所有人请立即从危险地点避难。
alerts-advice-evacuation-5 = 灾害正在发生或即将发生。请立即采取保护生命的行动；如外出危险，请移到远离山坡的较高楼层。
alerts-advice-emergency-warning = 这是特别警报：罕见的极端危险。请立即采取保护生命的行动。
alerts-advice-landslide = 可能发生山体滑坡。请远离山坡和悬崖，做好避难准备。
alerts-advice-flood = 河流可能泛滥。请远离河流，做好向高处避难的准备。
alerts-advice-coast = 海岸有大浪或风暴潮危险。请不要靠近大海和海岸。
alerts-advice-weather = 请确认最新信息并注意安全。
alerts-advice-earthquake = 发生了地震。请注意余震，不要靠近受损建筑。
alerts-advice-eew = 强烈摇晃即将到来。请保护头部，远离可能掉落的物品。
alerts-advice-tsunami-warning = 海啸即将来袭。请立即离开海岸和河边，前往高地或高楼。
alerts-advice-tsunami-advisory = 请立即离开水中和海岸。注意报解除前请勿靠近大海。
alerts-advice-eruption = 火山已喷发。请听从市町村的指示，不要靠近火山。
alerts-advice-shelter-opened = 避难所已开设。请在避难所列表中查看最近的避难所。
alerts-advice-shelter-closed = 避难所已关闭。请在避难所列表中查看开放的避难所。
alerts-advice-all-clear = 警报已解除。请继续注意，并按照市里的信息行动。
