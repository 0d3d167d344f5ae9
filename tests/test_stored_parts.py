"""Calendar parts kept in the store (issue 19): a calendar assembled from them is the full render, byte for byte,
and any change to an event — an editor's correction, a newer report (SEQUENCE+1), another mention, a
re-extraction, hiding it — replaces its part; a reader never stores a part of events that changed under it."""

from __future__ import annotations

import datetime as dt
import sqlite3

from conftest import NOW, make_event, make_report, save
from test_ics_parts import ROOT, full_render

from feeds import store
from feeds.edits import validate
from feeds.ingest import ingest_paths, ingest_text
from feeds.models import Selection
from feeds.present import ics
from feeds.present.memo import PARTS
from feeds.reextract import reextract
from feeds.store import editing
from feeds.store.memo import EVENTS
from feeds.web.calendar_parts import calendar_parts

BASE = "http://localhost/"
URL = BASE + "calendar.ics"
LATER = NOW + dt.timedelta(hours=1)
VARIANT = ics.part_variant(BASE, "zh")


def kept(db) -> dict[str, bytes]:
    """The stored VEVENTs of the calendars served in Chinese at BASE, by uid."""
    rows = db.execute("SELECT uid, body FROM event_parts WHERE variant = ?", [VARIANT]).fetchall()
    return dict(rows)


def fresh(client) -> bytes:
    """The calendar as a new process serves it: nothing of this process's memos, only what the store keeps."""
    PARTS.clear()
    EVENTS.clear()
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    return response.data


def assert_stored_parts_make_the_full_render(db) -> None:
    events = store.query_events(db, Selection())
    parts = store.stored_parts(db, [ev.uid for ev in events], VARIANT, ics.PART_FORMAT)
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
    assert len(db.execute("SELECT DISTINCT variant FROM event_parts").fetchall()) == 2


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


def test_parts_of_events_that_changed_after_they_were_read_are_not_stored(db):
    _fair(db)
    changes = store.change_count(db)
    [ev] = store.query_events(db, Selection())
    part = ics.calendar_part(ev, BASE)
    _fair(db, location="青岛国际会展中心")  # another report changes the event before the reader writes
    assert not store.save_parts(db, VARIANT, ics.PART_FORMAT, [part], changes)
    assert kept(db) == {}
    assert store.save_parts(db, VARIANT, ics.PART_FORMAT, [part], store.change_count(db))


def test_a_store_held_by_a_writer_still_answers_and_keeps_the_parts_later(db, db_path):
    uid = _fair(db)
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        [part] = calendar_parts(db, Selection(), BASE, "zh")
        assert part.uid == uid and kept(db) == {}
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    calendar_parts(db, Selection(), BASE, "zh")
    assert list(kept(db)) == [uid]


def test_a_part_rendered_by_other_code_is_not_used_and_is_replaced(db, client):
    uid = _fair(db)
    body = fresh(client)
    db.execute("UPDATE event_parts SET format = 'older', body = CAST('BEGIN:VEVENT' AS BLOB)")
    db.conn.commit()
    assert fresh(client) == body
    assert db.execute("SELECT format FROM event_parts WHERE uid = ?", [uid]).fetchall() == [(ics.PART_FORMAT,)]

