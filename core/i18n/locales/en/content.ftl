### Content labels: hazard kinds of evacuation places, translation marks.

content-hazard-flood = River flood
content-hazard-landslide = Landslide
content-hazard-storm-surge = Storm surge
content-hazard-earthquake = Earthquake
content-hazard-tsunami = Tsunami
content-hazard-fire = Large fire
content-hazard-inland-flood = Inland flooding
content-hazard-volcano = Volcano
content-not-translated = Not yet translated
