"""The FAQ chatbot through the generated bindings."""
import machi_ffi
import pytest

from conftest import config


def test_bulky_waste_question_gets_the_bulky_waste_answer_in_japanese(tmp_path):
    ja = machi_ffi.Machi.open(str(tmp_path), config(["ja-JP"]))
    reply = ja.ask("粗大ごみはどう出すの？")
    assert reply.kind in (machi_ffi.FaqReplyKind.ANSWER, machi_ffi.FaqReplyKind.NOT_SURE)
    assert reply.answers[0].id == "garbage-bulky"
    assert "申込制" in reply.answers[0].answer
    assert reply.answers[0].contact is not None


def test_english_question_and_feedback(machi):
    machi.prepare_faq()  # what the shells do at start; the index is then ready
    assert machi.faq_uses_encoder() is False  # no model before a pack brings one
    reply = machi.ask("How do I put out bulky waste?")
    assert reply.kind == machi_ffi.FaqReplyKind.ANSWER
    assert reply.answers[0].id == "garbage-bulky" and reply.answers[0].lang == "en"
    machi.faq_feedback("garbage-bulky", "How do I put out bulky waste?", True)
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.faq_feedback("no-such-entry", "x", False)


def test_a_helpful_vote_teaches_the_words_until_taken_back(machi):
    asked = "someone in my family died"
    before = machi.ask(asked)
    assert before.answers[0].id != "death-registration"
    machi.faq_feedback("death-registration", asked, True)
    after = machi.ask(asked)
    assert after.kind == machi_ffi.FaqReplyKind.ANSWER
    assert after.answers[0].id == "death-registration"
    machi.faq_feedback("death-registration", asked, False)
    assert machi.ask(asked).answers[0].id == before.answers[0].id


def test_empty_question_is_invalid_input(machi):
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.ask("   ")


def test_suggest_browse_and_entry(machi):
    cats = {c.id: c for c in machi.faq_categories()}
    assert "garbage" in cats and cats["garbage"].count > 0
    rows = machi.faq_browse("garbage")
    assert "garbage-bulky" in [r.id for r in rows]
    entry = machi.faq_entry("garbage-bulky")
    assert entry.question and entry.answer
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.faq_browse("no-such-category")
    assert machi.faq_suggest("", 5) == []
