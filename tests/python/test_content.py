"""Content through the generated bindings: the embedded town answers offline,
resolved for the reader's language."""
import machi_ffi
import pytest

from conftest import TAKAHAGI_STATION, config


def test_embedded_town_is_installed(machi):
    info = machi.pack_info()
    assert info is not None
    assert info.municipality_code == "082147"
    assert info.spots >= 25 and info.shelters >= 10
    assert info.name.text == "Takahagi City"


def test_spots_in_english_and_traditional_chinese(tmp_path):
    en = machi_ffi.Machi.open(str(tmp_path / "en"), config(["en-US"]))
    zh = machi_ffi.Machi.open(str(tmp_path / "zh"), config(["zh-TW", "en-US"]))
    assert zh.locale().lang == "zh-Hant"
    gorge_en = en.spot("hananuki-gorge")
    gorge_zh = zh.spot("hananuki-gorge")
    assert gorge_zh.name.text == "花貫溪谷" and gorge_zh.name.lang == "zh-Hant"
    assert not gorge_zh.name.is_fallback
    assert gorge_en.name.lang == "en" and "Hananuki" in gorge_en.name.text
    # The same list, in the same order, in both languages.
    ids_en = [s.id for s in en.spots(machi_ffi.SpotFilter(tag=None, near=None, open_at=None, limit=None))]
    ids_zh = [s.id for s in zh.spots(machi_ffi.SpotFilter(tag=None, near=None, open_at=None, limit=None))]
    assert ids_en == ids_zh and len(ids_en) >= 25


def test_spots_near_the_station_are_sorted_by_distance(machi):
    spots = machi.spots(machi_ffi.SpotFilter(tag="nature", near=TAKAHAGI_STATION, open_at=None, limit=5))
    assert 0 < len(spots) <= 5
    assert all("nature" in s.tags for s in spots)
    distances = [s.distance_m for s in spots]
    assert distances == sorted(distances)


def test_nearest_shelters_for_a_tsunami(machi):
    shelters = machi.shelters_near(TAKAHAGI_STATION, [machi_ffi.Hazard.TSUNAMI], 3)
    assert 0 < len(shelters) <= 3
    assert all(machi_ffi.Hazard.TSUNAMI in s.hazards for s in shelters)
    assert [s.distance_m for s in shelters] == sorted(s.distance_m for s in shelters)


def test_garbage_day_by_area_name_in_any_language(machi):
    areas = machi.garbage_areas()
    assert "Takahagi district" in [a.name.text for a in areas]
    # 2026-11-23 is a Monday: burnable waste goes out in Takahagi district.
    day = machi.garbage_day("Takahagi district", "2026-11-23")
    assert day.area.id == "高萩地区"
    assert "燃やせるごみ" in [c.category_id for c in day.collections]
    assert "Burnable waste" in [c.name.text for c in day.collections]


def test_events_in_a_range(machi):
    events = machi.events("2026-01-01", "2027-12-31")
    assert events
    assert [e.start_date for e in events] == sorted(e.start_date for e in events)


def test_unknown_spot_is_not_found(machi):
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.spot("no-such-spot")


def test_bad_input_is_invalid_input(machi):
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.garbage_day("Takahagi district", "23/11/2026")
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.shelters_near(machi_ffi.GeoPoint(lat=123.0, lon=0.0), [], 3)
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.garbage_day("Atlantis", "2026-11-23")


def test_registered_places_persist_across_opens(tmp_path):
    first = machi_ffi.Machi.open(str(tmp_path), config())
    home = first.add_place("Home", machi_ffi.GeoPoint(lat=36.745, lon=140.70))
    del first
    again = machi_ffi.Machi.open(str(tmp_path), config())
    assert [p.name for p in again.places()] == ["Home"]
    again.remove_place(home.id)
    assert again.places() == []
    with pytest.raises(machi_ffi.MachiError.NotFound):
        again.remove_place(home.id)
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        again.add_place("  ", machi_ffi.GeoPoint(lat=36.7, lon=140.7))


def test_tags_and_course_interests_come_named(tmp_path):
    en = machi_ffi.Machi.open(str(tmp_path / "en"), config(["en-US"]))
    ko = machi_ffi.Machi.open(str(tmp_path / "ko"), config(["ko-KR"]))
    tags = {t.id: t for t in en.spot_tags()}
    assert tags["autumn-leaves"].label == "Autumn leaves" and tags["autumn-leaves"].interest
    assert not tags["station"].interest
    interests = [t.id for t in en.course_interests()]
    assert "autumn-leaves" in interests and "station" not in interests
    # Same tags, same order, named in Korean.
    ko_tags = ko.spot_tags()
    assert [t.id for t in ko_tags] == list(tags)
    assert {t.id: t.label for t in ko_tags}["autumn-leaves"] != "Autumn leaves"
