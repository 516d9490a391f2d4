### 콘텐츠 표시명: 대피 장소가 대응하는 재해 종류, 미번역 표시.

content-hazard-flood = 홍수
content-hazard-landslide = 산사태·토석류
content-hazard-storm-surge = 해일(고조)
content-hazard-earthquake = 지진
content-hazard-tsunami = 쓰나미
content-hazard-fire = 대규모 화재
content-hazard-inland-flood = 내수 범람
content-hazard-volcano = 화산
content-not-translated = 아직 번역되지 않음
