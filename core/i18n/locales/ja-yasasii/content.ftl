### コンテンツの ことば（やさしい にほんご）。

content-hazard-flood = {川|かわ}の {水|みず}が あふれる
content-hazard-landslide = {土砂|どしゃ}{崩|くず}れ
content-hazard-storm-surge = {高潮|たかしお}
content-hazard-earthquake = {地震|じしん}
content-hazard-tsunami = {津波|つなみ}
content-hazard-fire = {大|おお}きな {火事|かじ}
content-hazard-inland-flood = {町|まち}の {中|なか}で {水|みず}が あふれる
content-hazard-volcano = {火山|かざん}
content-not-translated = まだ {翻訳|ほんやく}して いません
