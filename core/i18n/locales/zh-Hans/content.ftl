### 内容标签：避难场所适用的灾害类型、未翻译标记。

content-hazard-flood = 洪水
content-hazard-landslide = 山体滑坡、泥石流
content-hazard-storm-surge = 风暴潮
content-hazard-earthquake = 地震
content-hazard-tsunami = 海啸
content-hazard-fire = 大规模火灾
content-hazard-inland-flood = 内涝
content-hazard-volcano = 火山
content-not-translated = 尚未翻译
