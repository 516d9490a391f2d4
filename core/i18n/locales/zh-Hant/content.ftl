### 內容標籤：避難場所適用的災害類型、未翻譯標記。

content-hazard-flood = 洪水
content-hazard-landslide = 山崩、土石流
content-hazard-storm-surge = 暴潮
content-hazard-earthquake = 地震
content-hazard-tsunami = 海嘯
content-hazard-fire = 大規模火災
content-hazard-inland-flood = 內水氾濫
content-hazard-volcano = 火山
content-not-translated = 尚未翻譯
