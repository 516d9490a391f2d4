### やさしい日本語の防災情報（machi-alerts）。みじかい文で書く。
### 漢字には {漢字|かんじ} の形でふりがなをつける。

## ようすの表示（くんれんは かならず 表示する）

alerts-status-exercise = 【{訓練|くんれん}】ほんとうの{災害|さいがい}では ありません
alerts-status-test = 【テスト】ほんとうの{災害|さいがい}では ありません
alerts-status-system = システムの お{知|し}らせ
alerts-status-draft = {下書|したが}き
alerts-state-withdrawn = この お{知|し}らせは {取|と}り{消|け}されました
alerts-state-superseded = {新|あたら}しい お{知|し}らせが あります
alerts-state-expired = {期限|きげん}が おわりました

## Verification of the sender (the town's trust policy)

alerts-trust-verified = {確|たし}かめました：{ $signer }の {署名|しょめい}が あります
alerts-trust-unverified = {確|たし}かめられません：{市|し}からの お{知|し}らせか わかりません
alerts-trust-refused = ほかの お{知|し}らせを {変|か}えることは できません

## {警戒|けいかい}レベル

alerts-level = { $equivalent ->
        [yes] {警戒|けいかい}レベル{ $level }と おなじ
       *[no] {警戒|けいかい}レベル{ $level }
    }

## しゅるい

alerts-kind-evacuation-3 = {高齢者等避難|こうれいしゃとうひなん}（レベル3）
alerts-kind-evacuation-4 = {避難指示|ひなんしじ}（レベル4）
alerts-kind-evacuation-5 = {緊急安全確保|きんきゅうあんぜんかくほ}（レベル5）
alerts-kind-weather = { $phenomenon }{ $grade }
alerts-kind-landslide-alert = {土砂災害|どしゃさいがい}{警戒|けいかい}{情報|じょうほう}
alerts-kind-river-caution = {川|かわ}の {水|みず}が {増|ふ}えています（{注意|ちゅうい}）
alerts-kind-river-alert = {川|かわ}が あふれそうです（{警戒|けいかい}）
alerts-kind-river-danger = {川|かわ}が いつ あふれても おかしくないです（{危険|きけん}）
alerts-kind-river-flooding = {川|かわ}の {水|みず}が あふれました
alerts-kind-river-lifted = {川|かわ}の お{知|し}らせは おわりました
alerts-kind-seismic-intensity = {地震|じしん}（{震度|しんど}{ $intensity }）
alerts-kind-earthquake = {地震|じしん}の お{知|し}らせ
alerts-kind-eew = {緊急地震速報|きんきゅうじしんそくほう}
alerts-kind-tsunami-forecast = {津波|つなみ}の {予報|よほう}（{海|うみ}が すこし {変|か}わります）
alerts-kind-tsunami-advisory = {津波注意報|つなみちゅういほう}
alerts-kind-tsunami-warning = {津波警報|つなみけいほう}
alerts-kind-tsunami-major-warning = {大津波警報|おおつなみけいほう}
alerts-kind-eruption = {火山|かざん}の {噴火|ふんか}
alerts-kind-shelter-opened = {避難所|ひなんじょ}が あきました
alerts-kind-shelter-closed = {避難所|ひなんじょ}が しまりました
alerts-kind-all-clear = {解除|かいじょ}（おわりました）
alerts-kind-broadcast = {市|し}の {放送|ほうそう}
alerts-kind-other = お{知|し}らせ

## {天気|てんき}の ようすと {警報|けいほう}の しゅるい

alerts-phenomenon-heavy-rain = {大雨|おおあめ}
alerts-phenomenon-flood = {洪水|こうずい}
alerts-phenomenon-landslide = {土砂災害|どしゃさいがい}
alerts-phenomenon-storm-surge = {高潮|たかしお}
alerts-phenomenon-storm = {暴風|ぼうふう}
alerts-phenomenon-snowstorm = {暴風雪|ぼうふうせつ}
alerts-phenomenon-heavy-snow = {大雪|おおゆき}
alerts-phenomenon-high-waves = {波浪|はろう}
alerts-phenomenon-thunder = {雷|かみなり}
alerts-phenomenon-strong-wind = {強風|きょうふう}
alerts-phenomenon-wind-snow = {風雪|ふうせつ}
alerts-phenomenon-dense-fog = {濃霧|のうむ}
alerts-phenomenon-dry-air = {乾燥|かんそう}
alerts-phenomenon-avalanche = なだれ
alerts-phenomenon-low-temperature = {低温|ていおん}
alerts-phenomenon-frost = {霜|しも}
alerts-phenomenon-icing = {着氷|ちゃくひょう}
alerts-phenomenon-snow-accretion = {着雪|ちゃくせつ}
alerts-phenomenon-snowmelt = {融雪|ゆうせつ}
alerts-grade-advisory = {注意報|ちゅういほう}
alerts-grade-warning = {警報|けいほう}
alerts-grade-danger-warning = {危険警報|きけんけいほう}
alerts-grade-emergency = {特別警報|とくべつけいほう}

## {震度|しんど}

alerts-intensity-1 = 1
alerts-intensity-2 = 2
alerts-intensity-3 = 3
alerts-intensity-4 = 4
alerts-intensity-5-lower = 5{弱|じゃく}
alerts-intensity-5-upper = 5{強|きょう}
alerts-intensity-6-lower = 6{弱|じゃく}
alerts-intensity-6-upper = 6{強|きょう}
alerts-intensity-7 = 7

## きまった {文|ぶん}

alerts-tmpl-headline = { $kind }：{ $area }
alerts-note-template = きまった {文|ぶん}で {書|か}いています。もとの {文|ぶん}は {下|した}に あります。
alerts-note-untranslated = やさしい {日本語|にほんご}の {文|ぶん}は ありません。もとの {文|ぶん}を {出|だ}しています。
alerts-advice-evacuation-3 = お{年寄|としよ}りや {体|からだ}の {不自由|ふじゆう}な {人|ひと}は、すぐ {逃|に}げてください。ほかの {人|ひと}は {逃|に}げる {準備|じゅんび}を してください。
alerts-advice-evacuation-4 = {危|あぶ}ない ところに いる {人|ひと}は、みんな {逃|に}げてください。
alerts-advice-evacuation-5 = {災害|さいがい}が おきています。すぐに {命|いのち}を {守|まも}ってください。{外|そと}が {危|あぶ}ないときは、{家|いえ}の {上|うえ}の {階|かい}に {行|い}ってください。
alerts-advice-emergency-warning = とても {危|あぶ}ないです。すぐに {命|いのち}を {守|まも}ってください。
alerts-advice-landslide = {山|やま}や がけが くずれるかもしれません。がけから はなれてください。{逃|に}げる {準備|じゅんび}を してください。
alerts-advice-flood = {川|かわ}の {水|みず}が あふれるかもしれません。{川|かわ}に {近|ちか}づかないでください。
alerts-advice-coast = {海|うみ}の {波|なみ}が {高|たか}いです。{海|うみ}に {近|ちか}づかないでください。
alerts-advice-weather = {新|あたら}しい {情報|じょうほう}を {見|み}てください。{気|き}を つけてください。
alerts-advice-earthquake = {地震|じしん}が ありました。また ゆれるかもしれません。こわれた {建物|たてもの}に {近|ちか}づかないでください。
alerts-advice-eew = {強|つよ}く ゆれます。{頭|あたま}を {守|まも}ってください。
alerts-advice-tsunami-warning = {津波|つなみ}が {来|き}ます。すぐに {高|たか}い ところへ {逃|に}げてください。
alerts-advice-tsunami-advisory = {海|うみ}から {出|で}てください。{海|うみ}に {近|ちか}づかないでください。
alerts-advice-eruption = {火山|かざん}が {噴火|ふんか}しました。{火山|かざん}に {近|ちか}づかないでください。
alerts-advice-shelter-opened = {避難所|ひなんじょ}が あきました。{近|ちか}くの {避難所|ひなんじょ}を {見|み}てください。
alerts-advice-shelter-closed = {避難所|ひなんじょ}が しまりました。あいている {避難所|ひなんじょ}を {見|み}てください。
alerts-advice-all-clear = お{知|し}らせは おわりました。まだ {気|き}を つけてください。
