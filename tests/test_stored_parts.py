"""Calendar parts kept beside the store (issue 19): a calendar assembled from them is the full render, byte for byte,
and any change to an event — an editor's correction, a newer report (SEQUENCE+1), another mention, a
re-extraction, hiding it — retires its part; a part rendered from events read before a change is never served,
and keeping parts changes nothing in the store itself (its version, which every response cache follows)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from conftest import NOW, make_event, make_report, save
from test_ics_parts import ROOT, full_render

from feeds import create_app, store
from feeds.edits import validate
from feeds.ingest import ingest_paths, ingest_text
from feeds.models import Selection
from feeds.present import ics
from feeds.present.memo import PARTS
from feeds.reextract import reextract
from feeds.store import editing
from feeds.store.memo import EVENTS
from feeds.store.memo import PARTS as KEPT_PARTS
from feeds.web.calendar_parts import calendar_parts

BASE = "http://localhost/"
URL = BASE + "calendar.ics"
LATER = NOW + dt.timedelta(hours=1)
VARIANT = ics.part_variant(BASE, "zh")


@pytest.fixture
def app(db_path):
    """Without the response cache: every request here is a render, as a new process's would be."""
    return create_app({"DATABASE": str(db_path), "TESTING": True, "RESPONSE_CACHE_BYTES": 0})


def kept(db) -> dict[str, bytes]:
    """The current stored VEVENTs of the calendars served in Chinese at BASE, by uid."""
    assert store.attach_parts(db)
    uids = [row[0] for row in db.execute("SELECT uid FROM events")]
    return {uid: part.body for uid, part in store.read_parts(db, uids, VARIANT, ics.PART_FORMAT).found.items()}


def fresh(client) -> bytes:
    """The calendar as a new process serves it: nothing of this process's memos, only what the store keeps."""
    PARTS.clear()
    EVENTS.clear()
    KEPT_PARTS.clear()
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    return response.data


def assert_stored_parts_make_the_full_render(db) -> None:
    events = store.query_events(db, Selection())
    assert store.attach_parts(db)
    parts = store.read_parts(db, [ev.uid for ev in events], VARIANT, ics.PART_FORMAT).found
    assert len(parts) == len(events)
    assembled = ics.assemble_calendar(parts.values(), name="全部", description="说明", url=URL)
    assert assembled == full_render(events, URL, BASE)


def _fair(db, **facts):
    facts = {"start": "2024-05-10", "end": "2024-05-12", "location": "青岛", **facts}
    save(db, make_report("青岛啤酒节消息", "2024-03-01", make_event("青岛国际啤酒节", **facts)))
    return store.query_events(db, Selection())[0].uid


def test_the_first_calendar_stores_every_part_and_the_next_is_read_from_them(db, client):
    ingest_paths(db, [ROOT / "seeds"], now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert store.count_events(db) > 10
    first = fresh(client)
    assert len(kept(db)) == store.count_events(db)
    assert_stored_parts_make_the_full_render(db)
    assert fresh(client) == first
    assert client.get("/calendar.ics?lang=en").data != first  # another language, other parts
    assert len(db.execute("SELECT DISTINCT variant FROM parts.event_parts").fetchall()) == 2


def test_keeping_parts_leaves_the_store_and_its_version_as_they_were(db, db_path, client):
    _fair(db)
    watcher = sqlite3.connect(db_path)
    before = watcher.execute("PRAGMA data_version").fetchone()[0], db_path.read_bytes()
    fresh(client)
    assert len(kept(db)) == 1
    assert (watcher.execute("PRAGMA data_version").fetchone()[0], db_path.read_bytes()) == before
    watcher.close()


def test_an_editors_correction_replaces_the_part(db, client):
    uid = _fair(db)
    fresh(client)
    with store.transaction(db):
        current = editing.state(db, uid).shown
        editing.correct(db, uid, validate({"title": "第34届青岛国际啤酒节"}, current), "ann", store.utc_stamp(LATER))
    assert uid not in kept(db)
    body = fresh(client)
    assert "第34届青岛国际啤酒节".encode() in body and b"SEQUENCE:1" in body
    assert_stored_parts_make_the_full_render(db)


def test_a_newer_report_with_new_dates_replaces_the_part_with_sequence_one_more(db, client):
    uid = _fair(db)
    assert b"SEQUENCE:0" in fresh(client)
    save(db, make_report("延期通知", "2024-03-04", make_event("青岛国际啤酒节", "2024-06-10", "2024-06-12",
                                                           location="青岛")), now=LATER)
    assert uid not in kept(db)
    body = fresh(client)
    assert b"SEQUENCE:1" in body and b"DTSTART;VALUE=DATE:20240610" in body
    assert_stored_parts_make_the_full_render(db)


def test_another_mention_of_the_same_facts_replaces_the_part(db, client):
    uid = _fair(db)
    before = fresh(client)
    save(db, make_report("又一篇报道", "2024-03-02", make_event("青岛国际啤酒节", "2024-05-10", "2024-05-12",
                                                            location="青岛")), source="other.txt", now=LATER)
    assert uid not in kept(db)
    after = fresh(client)
    assert after != before and "又一篇报道".encode() in after.replace(b"\r\n ", b"")
    assert_stored_parts_make_the_full_render(db)


def test_a_changed_headline_of_a_reporting_article_retires_the_part(db, client):
    uid = _fair(db)
    fresh(client)
    with store.transaction(db):
        db.execute("UPDATE articles SET headline = '青岛啤酒节消息（更正）'")
    assert uid not in kept(db)
    assert "（更正）".encode() in fresh(client).replace(b"\r\n ", b"")
    assert_stored_parts_make_the_full_render(db)


def test_a_hidden_event_leaves_the_calendar_and_its_part_goes(db, client):
    uid = _fair(db)
    fresh(client)
    with store.transaction(db):
        editing.set_hidden(db, uid, True, "ann", store.utc_stamp(LATER))
    assert uid not in kept(db) and b"BEGIN:VEVENT" not in fresh(client)


def test_reextract_refreshes_the_parts(db, client):
    from test_reextract import PAGE, PUBLISHED, older_extractor

    ingest_text(db, PAGE, "page.txt", published=PUBLISHED, extract=older_extractor)
    db.execute("UPDATE articles SET extractor_version = 0")
    db.conn.commit()
    old = fresh(client)
    assert "虚构的海洋博览会".encode() in old and len(kept(db)) == store.count_events(db)
    reextract(db, store.article_ids(db), now=LATER)
    new = fresh(client)
    assert "虚构的海洋博览会".encode() not in new and "2022世界工业互联网产业大会".encode() in new
    assert_stored_parts_make_the_full_render(db)


def test_a_part_rendered_from_events_read_before_a_change_is_never_served(db):
    _fair(db)
    assert store.attach_parts(db)
    [uid] = [row[0] for row in db.execute("SELECT uid FROM events")]
    before = store.read_parts(db, [uid], VARIANT, ics.PART_FORMAT)
    [ev] = store.query_events(db, Selection())
    _fair(db, location="青岛国际会展中心")  # another report changes the event before the reader writes
    assert store.save_parts(db, VARIANT, ics.PART_FORMAT, [ics.calendar_part(ev, BASE)], before.missing)
    assert kept(db) == {}
    after = store.read_parts(db, [uid], VARIANT, ics.PART_FORMAT)
    assert after.missing[uid] > before.missing[uid]


def test_a_store_held_by_a_writer_still_answers_and_keeps_its_parts(db, db_path):
    uid = _fair(db)
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        [part] = calendar_parts(db, Selection(), BASE, "zh")
        assert part.uid == uid and list(kept(db)) == [uid]  # the side file is not the writer's to hold
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_store_in_memory_renders_without_keeping_parts():
    memory = store.open_db(":memory:")
    _fair(memory)
    assert not store.attach_parts(memory)
    [part] = calendar_parts(memory, Selection(), BASE, "zh")
    assert b"BEGIN:VEVENT" in part.body


def test_a_part_rendered_by_other_code_is_not_used_and_is_replaced(db, client):
    uid = _fair(db)
    body = fresh(client)
    assert store.attach_parts(db)
    db.execute("UPDATE parts.event_parts SET format = 'older', body = CAST('BEGIN:VEVENT' AS BLOB)")
    db.conn.commit()
    assert fresh(client) == body
    assert db.execute("SELECT format FROM parts.event_parts WHERE uid = ?", [uid]).fetchall() == [(ics.PART_FORMAT,)]



def test_the_parts_this_process_keeps_follow_a_change_too(db, client):
    uid = _fair(db)
    assert b"SEQUENCE:0" in client.get("/calendar.ics").data
    with store.transaction(db):
        current = editing.state(db, uid).shown
        editing.correct(db, uid, validate({"title": "青岛国际啤酒节（改期）"}, current), "ann", store.utc_stamp(LATER))
    body = client.get("/calendar.ics").data  # nothing cleared: the data version moved
    assert "（改期）".encode() in body and b"SEQUENCE:1" in body
