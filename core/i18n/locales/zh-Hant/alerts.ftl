### 防災資訊（machi-alerts）：種類名稱、警戒等級、演習標示，
### 以及通知沒有讀者語言版本時使用的固定範本。

## 狀態標示（演習與測試一律標出）

alerts-status-exercise = 【演習】並非真實災害
alerts-status-test = 【測試】並非真實災害
alerts-status-system = 系統訊息
alerts-status-draft = 草稿
alerts-state-withdrawn = 已由發布單位撤回
alerts-state-superseded = 已有更新的通知
alerts-state-expired = 已過期

## Verification of the sender (the town's trust policy)

alerts-trust-verified = 已驗證：由 { $signer } 簽署
alerts-trust-unverified = 未驗證：無法確認來自本市或本市信任的發布單位
alerts-trust-refused = 引用了其無權變更的通知

## 日本的5級警戒等級（$equivalent：氣象廳「相當於警戒等級」的資訊為 yes）

alerts-level = { $equivalent ->
        [yes] 相當於警戒等級{ $level }
       *[no] 警戒等級{ $level }
    }

## 種類

alerts-kind-evacuation-3 = 高齡者等避難（等級3）
alerts-kind-evacuation-4 = 避難指示（等級4）
alerts-kind-evacuation-5 = 緊急確保安全（等級5）
alerts-kind-weather = { $phenomenon }{ $grade }
alerts-kind-landslide-alert = 土石災害警戒資訊
alerts-kind-river-caution = 河川氾濫注意資訊
alerts-kind-river-alert = 河川氾濫警戒資訊
alerts-kind-river-danger = 河川氾濫危險資訊
alerts-kind-river-flooding = 河川氾濫發生資訊
alerts-kind-river-lifted = 洪水預報已解除
alerts-kind-seismic-intensity = 地震（震度{ $intensity }）
alerts-kind-earthquake = 地震資訊
alerts-kind-eew = 緊急地震速報
alerts-kind-tsunami-forecast = 海嘯預報（海面輕微變化）
alerts-kind-tsunami-advisory = 海嘯注意報
alerts-kind-tsunami-warning = 海嘯警報
alerts-kind-tsunami-major-warning = 大海嘯警報
alerts-kind-eruption = 火山噴發速報
alerts-kind-shelter-opened = 避難所已開設
alerts-kind-shelter-closed = 避難所已關閉
alerts-kind-all-clear = 已解除
alerts-kind-broadcast = 市防災廣播
alerts-kind-other = 通知

## 氣象現象與警報等級（由 alerts-kind-weather 組合）

alerts-phenomenon-heavy-rain = 豪雨
alerts-phenomenon-flood = 洪水
alerts-phenomenon-landslide = 土石災害
alerts-phenomenon-storm-surge = 暴潮
alerts-phenomenon-storm = 暴風
alerts-phenomenon-snowstorm = 暴風雪
alerts-phenomenon-heavy-snow = 大雪
alerts-phenomenon-high-waves = 大浪
alerts-phenomenon-thunder = 雷雨
alerts-phenomenon-strong-wind = 強風
alerts-phenomenon-wind-snow = 風雪
alerts-phenomenon-dense-fog = 濃霧
alerts-phenomenon-dry-air = 乾燥
alerts-phenomenon-avalanche = 雪崩
alerts-phenomenon-low-temperature = 低溫
alerts-phenomenon-frost = 霜害
alerts-phenomenon-icing = 積冰
alerts-phenomenon-snow-accretion = 積雪附著
alerts-phenomenon-snowmelt = 融雪
alerts-grade-advisory = 注意報
alerts-grade-warning = 警報
alerts-grade-danger-warning = 危險警報
alerts-grade-emergency = 特別警報

## 震度（日本氣象廳震度）

alerts-intensity-1 = 1
alerts-intensity-2 = 2
alerts-intensity-3 = 3
alerts-intensity-4 = 4
alerts-intensity-5-lower = 5弱
alerts-intensity-5-upper = 5強
alerts-intensity-6-lower = 6弱
alerts-intensity-6-upper = 6強
alerts-intensity-7 = 7

## 固定範本

alerts-tmpl-headline = { $kind }：{ $area }
alerts-note-template = 此為固定範本翻譯。發布單位的原文附於下方。
alerts-note-untranslated = 沒有您所用語言的版本，依發布單位原文顯示。
alerts-advice-evacuation-3 = 高齡者、身心障礙者等需要時間移動的人，請立即從危險地點避難。其他人請做好避難準備。
alerts-advice-evacuation-4 = 所有人請立即從危險地點避難。
alerts-advice-evacuation-5 = 災害正在發生或即將發生。請立即採取保護生命的行動；如外出危險，請移到遠離山坡的較高樓層。
alerts-advice-emergency-warning = 這是特別警報：罕見的極端危險。請立即採取保護生命的行動。
alerts-advice-landslide = 可能發生土石崩塌。請遠離山坡與懸崖，做好避難準備。
alerts-advice-flood = 河川可能氾濫。請遠離河川，做好往高處避難的準備。
alerts-advice-coast = 海岸有大浪或暴潮危險。請勿靠近海邊。
alerts-advice-weather = 請確認最新資訊並注意安全。
alerts-advice-earthquake = 發生了地震。請注意餘震，勿靠近受損建築。
alerts-advice-eew = 強烈搖晃即將到來。請保護頭部，遠離可能掉落的物品。
alerts-advice-tsunami-warning = 海嘯即將來襲。請立即離開海岸與河邊，前往高地或高樓。
alerts-advice-tsunami-advisory = 請立即離開水中與海岸。注意報解除前請勿靠近海邊。
alerts-advice-eruption = 火山已噴發。請遵從市町村的指示，勿靠近火山。
alerts-advice-shelter-opened = 避難所已開設。請在避難所清單中查看最近的避難所。
alerts-advice-shelter-closed = 避難所已關閉。請在避難所清單中查看開放中的避難所。
alerts-advice-all-clear = 警報已解除。請持續注意，並依照市公所的資訊行動。
