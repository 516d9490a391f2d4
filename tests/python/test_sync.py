"""Sync from a local static server through the async binding, with progress,
cancellation, offline errors, and UI-thread reads while the sync runs.

scripts/test.sh publishes the fixture (MACHI_SYNC_SITE: versions 1 and 2 of
the embedded town, signed with the key in MACHI_SYNC_PUBKEY)."""
import asyncio
import functools
import http.server
import os
import shutil
import socket
import threading
from pathlib import Path

import machi_ffi
import pytest

from conftest import TAKAHAGI_STATION, config, skip_missing

SITE = os.environ.get("MACHI_SYNC_SITE")
PUBKEY = os.environ.get("MACHI_SYNC_PUBKEY")


@pytest.fixture(autouse=True)
def _sync_fixture():
    """Every test here needs the published fixture of scripts/test.sh."""
    if not (SITE and PUBKEY):
        skip_missing("MACHI_SYNC_SITE/MACHI_SYNC_PUBKEY not set: run scripts/test.sh")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    """A plain static file server on 127.0.0.1 (packs are static files)."""
    handler = functools.partial(Quiet, directory=SITE)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def keyed(tmp_path):
    return machi_ffi.Machi.open(str(tmp_path), config(publisher_key=Path(PUBKEY).read_text().strip()))


class Recorder(machi_ffi.SyncProgressListener):
    def __init__(self):
        self.reports = []
        self.lock = threading.Lock()

    def on_progress(self, progress):
        with self.lock:
            self.reports.append(progress)


def test_sync_applies_the_delta_with_progress(keyed, server):
    assert keyed.pack_info().pack_version == 1
    # The town built into the app: no signed manifest behind it.
    assert keyed.pack_info().signed_by is None
    assert "built into the app" in keyed.pack_status_line()
    before = keyed.spot("hananuki-gorge").visit_minutes
    recorder = Recorder()
    outcome = asyncio.run(keyed.sync_content(server, recorder, machi_ffi.CancelHandle()))
    assert outcome == machi_ffi.SyncOutcome.APPLIED(
        from_version=1, to_version=2, delta=True, transferred_bytes=outcome.transferred_bytes)
    assert outcome.transferred_bytes > 0
    info = keyed.pack_info()
    assert info.pack_version == 2
    # Recorded with the content: who signed it, and until when it counts.
    assert info.signed_by and not info.stale and info.expires
    assert "vouched for by the town's signature" in keyed.pack_status_line()
    assert keyed.spot("hananuki-gorge").visit_minutes == before + 5
    phases = [r.phase for r in recorder.reports]
    assert machi_ffi.SyncPhase.DOWNLOAD in phases and phases[-1] == machi_ffi.SyncPhase.DONE
    # scripts/test.sh ships the FAQ model with version 2 when it could build one.
    assert keyed.faq_uses_encoder() == bool(os.environ.get("MACHI_ENCODER"))
    # Nothing new: the second sync changes nothing.
    again = asyncio.run(keyed.sync_content(server, None, machi_ffi.CancelHandle()))
    assert again in (machi_ffi.SyncOutcome.NOT_MODIFIED(), machi_ffi.SyncOutcome.UP_TO_DATE(version=2))


def test_cancelled_sync_leaves_the_store_as_it_was(keyed, server):
    handle = machi_ffi.CancelHandle()
    handle.cancel()
    with pytest.raises(machi_ffi.MachiError.Cancelled):
        asyncio.run(keyed.sync_content(server, None, handle))
    assert keyed.pack_info().pack_version == 1


def test_unreachable_server_is_offline_and_content_still_answers(keyed):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(machi_ffi.MachiError.Offline):
        asyncio.run(keyed.sync_content(f"http://127.0.0.1:{port}/", None, machi_ffi.CancelHandle()))
    assert keyed.spot("hananuki-gorge").id == "hananuki-gorge"


def test_without_a_pinned_key_sync_is_invalid_input(machi, server):
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        asyncio.run(machi.sync_content(server, None, machi_ffi.CancelHandle()))


def test_ui_threads_keep_answering_during_a_sync(keyed, server):
    errors = []
    stop = threading.Event()

    def ui_thread():
        try:
            while not stop.is_set():
                assert keyed.spots(machi_ffi.SpotFilter(tag=None, near=None, open_at=None, limit=None))
                assert keyed.shelters_near(TAKAHAGI_STATION, [], 3)
                assert keyed.message("common-cancel", []).display == "Cancel"
        except Exception as e:  # noqa: BLE001 (reported below)
            errors.append(e)

    threads = [threading.Thread(target=ui_thread) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        outcome = asyncio.run(keyed.sync_content(server, Recorder(), machi_ffi.CancelHandle()))
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors, errors
    assert isinstance(outcome, machi_ffi.SyncOutcome.APPLIED)
    assert keyed.pack_info().pack_version == 2


FEEDS = os.environ.get("MACHI_FEED_SITES")


def _publish_feed(site, version):
    """Copies signed feed `version` into the served folder: 1 lists the
    evacuation order, 2 the order and its withdrawal. scripts/test.sh publishes
    both with `machi alerts publish` (index and envelopes signed with the
    fixture publisher key, which `keyed` pins)."""
    if not FEEDS:
        skip_missing("MACHI_FEED_SITES not set: run scripts/test.sh")
    for f in (Path(FEEDS) / str(version)).iterdir():
        shutil.copy(f, site / f.name)


@pytest.fixture
def feed_server(tmp_path):
    site = tmp_path / "feed"
    site.mkdir()
    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}/feed.json"
    httpd.shutdown()


def test_notice_feed_poll_stores_new_notices_once(keyed, feed_server):
    site, url = feed_server
    _publish_feed(site, 1)
    heard = []

    class Listener(machi_ffi.NoticeListener):
        def on_notices(self, notices):
            heard.extend(n.id for n in notices)

    keyed.add_notice_listener(Listener())
    poll = asyncio.run(keyed.sync_notices(url, machi_ffi.CancelHandle()))
    assert [type(o) for o in poll.outcomes] == [machi_ffi.IngestOutcome.STORED]
    assert poll.next_poll_seconds > 0
    assert heard == [poll.outcomes[0].id]
    current = keyed.notices(machi_ffi.NoticeQuery(at=None, include_history=False, everywhere=False))
    assert heard[0] in [n.id for n in current]

    # Nothing new: no outcome, nobody told twice.
    again = asyncio.run(keyed.sync_notices(url, machi_ffi.CancelHandle()))
    assert again.outcomes == []
    assert len(heard) == 1

    # The withdrawal is published: only it is fetched and applied.
    _publish_feed(site, 2)
    third = asyncio.run(keyed.sync_notices(url, machi_ffi.CancelHandle()))
    assert [type(o) for o in third.outcomes] == [machi_ffi.IngestOutcome.CANCELLED]


def test_a_restart_between_two_polls_stores_nothing_twice(tmp_path, feed_server):
    site, url = feed_server
    _publish_feed(site, 1)
    key = Path(PUBKEY).read_text().strip()
    first = machi_ffi.Machi.open(str(tmp_path / "data"), config(publisher_key=key))
    assert len(asyncio.run(first.sync_notices(url, machi_ffi.CancelHandle())).outcomes) == 1
    del first
    again = machi_ffi.Machi.open(str(tmp_path / "data"), config(publisher_key=key))
    assert asyncio.run(again.sync_notices(url, machi_ffi.CancelHandle())).outcomes == []


def test_a_tampered_or_unsigned_feed_changes_nothing(keyed, feed_server):
    site, url = feed_server
    _publish_feed(site, 1)
    index = site / "feed.json"
    index.write_text(index.read_text().replace("evacuation", "evacuatiom", 1))
    before = keyed.notices(machi_ffi.NoticeQuery(at=None, include_history=True, everywhere=True))
    with pytest.raises(machi_ffi.MachiError.Integrity):
        asyncio.run(keyed.sync_notices(url, machi_ffi.CancelHandle()))
    (site / "feed.json.sig").unlink()
    with pytest.raises(machi_ffi.MachiError.Integrity):
        asyncio.run(keyed.sync_notices(url, machi_ffi.CancelHandle()))
    after = keyed.notices(machi_ffi.NoticeQuery(at=None, include_history=True, everywhere=True))
    assert [n.id for n in after] == [n.id for n in before]


def test_notice_feed_errors_are_typed(keyed, feed_server):
    site, url = feed_server
    (site / "feed.json").write_text("{not json")
    with pytest.raises(machi_ffi.MachiError.Integrity):
        asyncio.run(keyed.sync_notices(url, machi_ffi.CancelHandle()))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/feed.json"
    with pytest.raises(machi_ffi.MachiError.Offline):
        asyncio.run(keyed.sync_notices(dead, machi_ffi.CancelHandle()))


