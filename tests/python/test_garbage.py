"""The garbage sorting dictionary and shelters' open status through the generated
Python bindings (issue 15)."""
import pytest

import machi_ffi
from conftest import TAKAHAGI_STATION, config


@pytest.mark.parametrize("query", ["傘", "かさ", "カサ", "kasa", "umbrella", "雨伞", "우산", "umbrela"])
def test_an_umbrella_is_found_by_any_name_with_its_next_day(machi, query):
    found = machi.garbage_sort(query, "Takahagi district", "2026-12-03", 3)
    first = found.matches[0]
    assert first.item_ja == "傘"
    assert first.category_id == "燃やせないごみ"
    assert first.category.text == "Non-burnable waste"
    # 高萩地区 collects non-burnable waste on the 2nd Wednesday.
    assert first.next_collection == "2026-12-09"
    assert found.area.id == "高萩地区"


def test_typos_and_sentences_say_how_they_matched(machi):
    typo = machi.garbage_sort("umbrela", None, "2026-12-03", 1)
    assert typo.matches[0].match_kind == machi_ffi.GarbageMatchKind.TYPO
    assert typo.matches[0].next_collection is None
    sentence = machi.garbage_sort("Where can I throw away a broken umbrella?", None, "2026-12-03", 1)
    assert sentence.matches[0].match_kind == machi_ffi.GarbageMatchKind.IN_QUERY


def test_suggestions_and_errors(machi):
    assert machi.garbage_suggest("じてん", 5)[0].item_ja == "自転車"
    assert machi.garbage_suggest("", 5) == []
    assert machi.garbage_sort("quantum flux capacitor", None, "2026-12-03", 3).matches == []
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.garbage_sort("   ", None, "2026-12-03", 3)
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.garbage_sort("傘", None, "03/12/2026", 3)
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.garbage_sort("傘", "Atlantis", "2026-12-03", 3)


def test_the_chatbot_routes_where_does_it_go_questions(machi):
    reply = machi.ask("Where can I throw away a broken umbrella?")
    assert reply.answers[0].id == "garbage:燃やせないごみ:傘"
    assert "Non-burnable waste" in reply.answers[0].answer


def test_the_drill_opened_shelters_come_first_with_their_time(machi):
    shelters = machi.shelters_near(TAKAHAGI_STATION, [], 6)
    open_ = [s for s in shelters if s.status == machi_ffi.ShelterStatus.OPEN]
    assert [s.id for s in open_] == [s.id for s in shelters[: len(open_)]]
    assert {s.name.text for s in open_} == {
        "Takahagi Elementary School",
        "Takahagi Junior High School",
        "Matsuoka Elementary School",
        "Matsuoka Junior High School",
    }
    assert all(s.status_since.startswith("2026-11-20T07:") for s in open_)
    rest = shelters[len(open_):]
    assert all(s.status == machi_ffi.ShelterStatus.UNKNOWN and s.status_since is None for s in rest)


def test_the_pack_shows_the_gsi_attribution(machi):
    info = machi.pack_info()
    assert info.shelters == 57
    assert any("国土地理院" in line for line in info.attribution)
