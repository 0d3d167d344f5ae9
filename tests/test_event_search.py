"""The per-event full-text documents (migration _add_event_search): always each event's title, place and evidence,
through every kind of change, and a search through them finds exactly the events whose text holds every word."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import NOW, make_event, make_report, save

from feeds import store
from feeds.edits import validate
from feeds.models import Selection, StoredEvent
from feeds.reextract import reextract
from feeds.scripts import simplified, traditional
from feeds.store import editing
from feeds.store.editing import ReportRef
from feeds.store.schema import EVENT_DOCUMENT

pytestmark = pytest.mark.skipif(not store.HAS_TRIGRAM, reason="needs SQLite's trigram tokenizer")
LATER = store.utc_stamp(NOW + dt.timedelta(hours=1))


def assert_documents_current(db) -> None:
    """What the index holds is what the events and mentions say now, and FTS5 finds its index sound."""
    assert dict(db.execute("SELECT rowid, body FROM event_search").fetchall()) == dict(
        db.execute(EVENT_DOCUMENT).fetchall())
    db.execute("INSERT INTO event_search (event_search) VALUES ('integrity-check')")


def test_documents_follow_new_mentions_corrections_merges_splits_reextraction_and_deletion(db):
    save(db, make_report("甲", "2024-03-01", make_event("青岛啤酒节", "2024-05-10", location="青岛")))
    save(db, make_report("乙", "2024-03-02", make_event("青岛国际啤酒节开幕", "2024-05-10",
                                                      evidence="啤酒节在凤凰岛会议中心开幕。")))
    assert_documents_current(db)
    first, second = sorted(store.query_events(db, Selection()), key=lambda e: e.mentions[0].headline)
    with store.transaction(db):
        current = editing.state(db, first.uid).shown
        editing.correct(db, first.uid, validate({"title": "第34届青岛啤酒节", "location": "黄岛"}, current), "ann",
                        LATER)
    assert_documents_current(db)
    with store.transaction(db):
        editing.merge(db, first.uid, second.uid, "ann", LATER)
    assert_documents_current(db)
    assert [ev.uid for ev in store.query_events(db, Selection(q="凤凰岛会议中心 第34届"))] == [first.uid]
    with store.transaction(db):
        leaving = [ReportRef(r["article_id"], r["anchor"]) for r in editing.reports_of(db, first.uid)
                   if r["headline"] == "乙"]
        editing.split(db, first.uid, leaving, "ann", LATER)
    assert_documents_current(db)
    reextract(db, store.article_ids(db), now=NOW + dt.timedelta(hours=2),
              extract=lambda a: make_report(a.headline, "2024-03-01", make_event("海洋科技论坛", "2024-06-01")))
    assert_documents_current(db)
    assert [ev.title for ev in store.query_events(db, Selection(q="海洋科技论坛"))] != []
    with store.transaction(db):
        db.execute("DELETE FROM mentions")
        db.execute("DELETE FROM events")
    assert_documents_current(db)
    assert db.execute("SELECT count(*) FROM event_search").fetchone()[0] == 0


def contains_every_word(ev: StoredEvent, q: str) -> bool:
    """The specification of a search: each word, in either script, in the title, the place or some evidence."""
    texts = [ev.title, ev.location, *(m.evidence for m in ev.mentions)]
    return all(any(spelling.lower() in text.lower() for text in texts
                   for spelling in {word, simplified(word), traditional(word)}) for word in q.split())


@pytest.fixture
def archive(db):
    places = ["青岛国际会展中心", "凤凰岛会议中心", "灣仔會展", "Expo Hall"]
    topics = ["海洋科技", "国际啤酒", "智能制造", "Ocean Tech"]
    for n in range(40):
        topic, place = topics[n % 4], places[(n // 4) % 4]
        title = f"第{n}届{topic}{'博览会' if n % 3 else '论坛'}"
        evidence = f"{title}将在{place}举行，{topics[(n + 1) % 4]}专家出席。"
        save(db, make_report(f"报道{n}", "2023-05-01", make_event(title, f"2023-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
                                                               location=place if n % 2 else "", evidence=evidence)))
    return db


@pytest.mark.parametrize("q", ["海洋科技", "凤凰岛会议中心 海洋科技", "国际啤酒 青岛", "會展 智能制造", "ocean TECH",
                               "博览会 专家出席", "无此事",
                               "青岛", "會展", "oc 展"])
@pytest.mark.parametrize("order", ["start", "-start", "-updated"])
def test_a_search_finds_exactly_the_events_holding_every_word(archive, q, order):
    everything = store.query_events(archive, Selection(order=order))
    expected = [ev.uid for ev in everything if contains_every_word(ev, q)]
    for limit in (None, 3):
        found = [ev.uid for ev in store.query_events(archive, Selection(q=q, order=order, limit=limit))]
        assert found == expected[:limit], (q, order, limit)
    window = Selection(q=q, start=dt.date(2023, 3, 1), end=dt.date(2023, 8, 31), order=order)
    in_window = [ev.uid for ev in store.query_events(archive, window)]
    assert in_window == [ev.uid for ev in store.query_events(archive, Selection(start=window.start, end=window.end,
                                                                              order=order))
                         if contains_every_word(ev, q)]
