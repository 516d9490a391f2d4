"""Locale negotiation and Fluent messages through the generated bindings."""
import machi_ffi
import pytest

from conftest import config


def test_device_locales_are_negotiated(tmp_path):
    m = machi_ffi.Machi.open(str(tmp_path), config(["pt-BR", "zh-TW", "en-US"]))
    info = m.locale()
    assert info.lang == "zh-Hant"
    assert info.chain[0] == "zh-Hant" and info.chain[-1] == "ja"
    assert not info.uses_ruby
    assert m.set_device_locales(["ko-KR"]).lang == "ko"


def test_easy_japanese_override_gives_ruby(machi):
    info = machi.set_language_override("ja-yasasii")
    assert info.lang == "ja-yasasii" and info.uses_ruby
    msg = machi.message("common-relative-now", [])
    assert msg.display == "{今|いま}"
    assert msg.plain == "今"
    assert msg.segments == [machi_ffi.RubySegment(base="今", ruby="いま")]
    # Clearing the override follows the device again.
    assert machi.set_language_override(None).lang == "en"


def test_invalid_override_is_invalid_input(machi):
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.set_language_override("!!")
    assert machi.locale().lang == "en"


def test_messages_with_arguments_follow_plural_rules(machi):
    one = machi.message("common-results", [machi_ffi.MessageArg.NUMBER(name="count", value=1.0)])
    many = machi.message("common-results", [machi_ffi.MessageArg.NUMBER(name="count", value=3.0)])
    assert one.display == "1 result" and many.display == "3 results"
    lang = machi.message("common-lang-name", [machi_ffi.MessageArg.TEXT(name="lang", value="ko")])
    assert lang.plain == "Korean"


def test_languages_are_named_in_the_ui_language(machi):
    names = {o.tag: o.name for o in machi.languages()}
    assert names["ja-yasasii"] == "Easy Japanese" and len(names) == 6


def test_formatting_helpers(machi):
    assert machi.format_duration(90) == "1 h 30 min"
    assert machi.ruby_segments("{高萩|たかはぎ}駅")[1] == machi_ffi.RubySegment(base="駅", ruby=None)
    assert machi.plain_text("{高萩|たかはぎ}駅") == "高萩駅"
