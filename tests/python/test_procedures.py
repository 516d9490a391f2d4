"""Procedures through the generated Python bindings: a birth checklist with
due dates and ticks, a procedure card, the eligibility check, FAQ coverage."""
import pytest

import machi_ffi


def test_birth_checklist_moves_off_a_saturday_and_keeps_ticks(machi):
    # Born Sun 2026-11-29: day 14 is Sat 12 Dec -> Mon 14 Dec.
    c = machi.checklist("birth", "2026-11-29", "2026-11-30")
    first = c.items[0]
    assert first.procedure.id == "birth-registration"
    assert first.due == "2026-12-14"
    assert first.moved_from == "2026-12-12"
    assert machi.set_checklist_step("birth", "2026-11-29", "birth-registration", True)
    c = machi.checklist("birth", "2026-11-29", "2027-01-10")
    assert c.items[0].done and c.done == 1
    assert any(i.overdue for i in c.items)
    assert [s.event_id for s in machi.started_checklists()] == ["birth"]
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.checklist("wedding", "2026-11-29", "2026-11-30")


def test_card_benefits_and_coverage(machi):
    card = machi.procedure("juminhyo-copy")
    assert card.convenience_store and card.fee_yen == 300
    assert card.counter.phone == "0293-23-2111"
    found = machi.benefits(
        [machi_ffi.AnswerInput(question="child_ages", value="1,4"),
         machi_ffi.AnswerInput(question="household", value="single-parent")],
        "2026-12-01")
    support = next(b for b in found if b.id == "child-support-allowance")
    assert support.eligibility == "likely"
    assert [r.text for r in support.reasons] == ["a single-parent household", "a child under 18"]
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.benefits([machi_ffi.AnswerInput(question="child_ages", value="one")], "2026-12-01")
    cov = machi.faq_coverage()
    assert cov.complete and cov.procedure_percent == 100.0
    assert len(machi.questionnaire()) == 9
