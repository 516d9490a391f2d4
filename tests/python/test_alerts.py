"""Disaster notices through the generated bindings: ingest a CAP file and a
push payload, receive them through the listener, list, detail with shelters,
mark read, cancel, and reject a hostile document."""
import threading
from pathlib import Path

import machi_ffi
import pytest

from conftest import TAKAHAGI_STATION

FIXTURES = Path(__file__).parent / "fixtures"


def cap(name):
    return (FIXTURES / name).read_bytes()


class Inbox(machi_ffi.NoticeListener):
    def __init__(self):
        self.batches = []
        self.lock = threading.Lock()

    def on_notices(self, notices):
        with self.lock:
            self.batches.append(notices)

    def all(self):
        with self.lock:
            return [n for b in self.batches for n in b]


def test_ingested_cap_reaches_the_listener_in_the_readers_language(machi):
    inbox = Inbox()
    machi.add_notice_listener(inbox)
    outcome = machi.ingest_notice(cap("cap-evacuation-order.xml"), "cap-evacuation-order.xml")
    assert isinstance(outcome, machi_ffi.IngestOutcome.STORED)
    received = inbox.all()
    assert [n.id for n in received] == [outcome.id]
    notice = received[0]
    assert notice.level == 4 and notice.active and not notice.read
    # The sender wrote Japanese only: the English reader gets the fixed template.
    assert notice.text_source == "template"
    assert "Evacuation order" in notice.title
    assert notice.read_aloud


def test_duplicate_is_stored_once_and_not_announced_again(machi):
    inbox = Inbox()
    machi.add_notice_listener(inbox)
    first = machi.ingest_notice(cap("cap-evacuation-order.xml"), "a.xml")
    again = machi.ingest_notice(cap("cap-evacuation-order.xml"), "b.xml")
    assert again == machi_ffi.IngestOutcome.DUPLICATE(id=first.id)
    assert len(inbox.all()) == 1


def test_push_payload_list_detail_read_and_cancel(machi):
    payload = {"machi_notice_xml": cap("cap-evacuation-order.xml").decode(), "machi_notice_name": "push-1"}
    stored = machi.ingest_push_payload(payload)
    listed = {n.id: n for n in machi.notices(machi_ffi.NoticeQuery(at=None, include_history=False, everywhere=False))}
    assert stored.id in listed
    detail = machi.notice(stored.id, TAKAHAGI_STATION, 3)
    assert detail.notice.id == stored.id
    assert 0 < len(detail.shelters) <= 3
    assert all(s.walk_minutes > 0 for s in detail.shelters)
    machi.mark_notice_read(stored.id)
    assert machi.notice(stored.id, None, 0).notice.read
    cancelled = machi.ingest_notice(cap("cap-evacuation-cancel.xml"), "cancel.xml")
    assert isinstance(cancelled, machi_ffi.IngestOutcome.CANCELLED)
    assert stored.id in cancelled.withdrawn
    # A withdrawn notice stays visible, marked as withdrawn (never silently deleted).
    current = machi.notices(machi_ffi.NoticeQuery(at=None, include_history=False, everywhere=False))
    withdrawn = [n for n in current if n.id == stored.id]
    assert withdrawn and not withdrawn[0].active and withdrawn[0].state_label


def test_listener_follows_the_language_switch_and_can_be_removed(machi):
    inbox = Inbox()
    handle = machi.add_notice_listener(inbox)
    machi.set_language_override("zh-Hant")
    machi.ingest_notice(cap("cap-evacuation-order.xml"), "a.xml")
    (notice,) = inbox.all()
    assert "避難" in notice.title or "撤離" in notice.title, notice.title
    assert machi.remove_notice_listener(handle)
    assert not machi.remove_notice_listener(handle)


def test_hostile_document_is_rejected_not_raised(machi):
    outcome = machi.ingest_notice(cap("cap-hostile-entity.xml"), "xxe.xml")
    assert isinstance(outcome, machi_ffi.IngestOutcome.REJECTED)
    assert outcome.key


def test_push_without_a_notice_is_invalid_input(machi):
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.ingest_push_payload({"title": "hello"})


def test_unknown_notice_is_not_found(machi):
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.mark_notice_read(987654)


def test_reads_while_notices_are_ingested_from_another_thread(machi):
    errors = []

    def reader():
        try:
            for _ in range(30):
                machi.notices(machi_ffi.NoticeQuery(at=None, include_history=True, everywhere=False))
                assert machi.spot("hananuki-gorge").id == "hananuki-gorge"
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for _ in range(10):
        machi.ingest_notice(cap("cap-evacuation-order.xml"), "a.xml")
        machi.ingest_notice(cap("cap-evacuation-cancel.xml"), "b.xml")
    for t in threads:
        t.join()
    assert not errors, errors


def current(machi):
    return {n.id: n for n in machi.notices(machi_ffi.NoticeQuery(at=None, include_history=False, everywhere=False))}


def test_an_unsigned_cancel_from_a_forged_sender_leaves_the_verified_order_active(machi):
    before = current(machi)
    order = next(n for n in before.values() if n.level == 4)
    # The sample town's notices are signed in its pack.
    assert order.verification == "verified" and order.signer and order.alert
    forged = {"machi_notice_xml": cap("cap-forged-cancel.xml").decode(), "machi_notice_name": "forged"}
    outcome = machi.ingest_push_payload(forged)
    assert isinstance(outcome, machi_ffi.IngestOutcome.REFUSED), outcome
    assert outcome.refused == [order.id]
    after = current(machi)
    assert after[order.id] == order  # still active, verified, unchanged
    attempt = after[outcome.id]
    assert attempt.verification == "unverified"
    assert attempt.unverified_reason == "no-signature"
    assert attempt.refused_label and attempt.verification_label != order.verification_label
    assert not attempt.alert and attempt.signer is None


def test_push_envelope_is_verified_against_the_pack_and_both_keys_are_refused(machi):
    envelope = cap("envelope-unknown-key.json").decode()
    outcome = machi.ingest_push_payload({"machi_notice_envelope": envelope})
    assert isinstance(outcome, machi_ffi.IngestOutcome.STORED)
    n = machi.notice(outcome.id, None, 0).notice
    # Signed, but by a key the sample town's pack does not list.
    assert n.verification == "unverified" and n.unverified_reason == "unknown-key"
    assert n.signer_key and len(n.signer_key) == 16
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.ingest_push_payload({"machi_notice_envelope": envelope, "machi_notice_xml": "<alert/>"})
