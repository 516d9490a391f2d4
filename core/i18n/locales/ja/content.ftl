### コンテンツの表示名：避難場所が対応する災害の種類、未翻訳の表示。

content-hazard-flood = 洪水
content-hazard-landslide = 崖崩れ・土石流・地滑り
content-hazard-storm-surge = 高潮
content-hazard-earthquake = 地震
content-hazard-tsunami = 津波
content-hazard-fire = 大規模な火事
content-hazard-inland-flood = 内水氾濫
content-hazard-volcano = 火山現象
content-not-translated = 未翻訳
