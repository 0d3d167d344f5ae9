"""Search documents keyed by start day (migration _key_search_documents_by_start): every event's document sits under
its key through every kind of change, and a search walked in key order gives exactly the events, in exactly the
order, of the query that matches every word up front and sorts them."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import NOW, make_event, make_report, save
from test_event_search import assert_documents_current
from test_ics_parts import generated_store

from feeds import store
from feeds.edits import validate
from feeds.models import Selection
from feeds.reextract import reextract
from feeds.store import editing, read, search_index
from feeds.store.schema import DAY_SHIFT, EVENT_ROWID_MASK, _key_search_documents_by_start

pytestmark = pytest.mark.skipif(not store.HAS_TRIGRAM, reason="needs SQLite's trigram tokenizer")
LATER = store.utc_stamp(NOW + dt.timedelta(hours=1))


def assert_keyed_by_start(db) -> None:
    """Each event has one document, holding its text now, under its start day and rowid."""
    assert_documents_current(db)
    documents = [row[0] for row in db.execute("SELECT rowid FROM event_search").fetchall()]
    events = dict(db.execute("SELECT rowid, start FROM events").fetchall())
    assert {key & EVENT_ROWID_MASK: key >> DAY_SHIFT for key in documents} == {
        rowid: int(start[:10].replace("-", "")) for rowid, start in events.items()}


def up_front(db, flt: Selection) -> list[str]:
    """The uids of the query that matches every word first and sorts the matches (the plan before the keys)."""
    sql, params = read.events_sql(db, flt, columns="e.uid", walk=False)
    return [row[0] for row in db.execute(sql, params).fetchall()]


def test_keys_follow_a_new_start_a_correction_hiding_a_merge_and_reextraction(db):
    save(db, make_report("甲", "2024-03-01", make_event("青岛国际啤酒节", "2024-05-10", location="青岛")))
    assert_keyed_by_start(db)
    save(db, make_report("乙", "2024-03-02", make_event("青岛国际啤酒节", "2024-05-12",
                                                      evidence="青岛国际啤酒节改在5月12日开幕。")))
    assert_keyed_by_start(db)  # the same event, moved by a later report
    save(db, make_report("丙", "2024-03-03", make_event("海洋科技论坛", "2024-06-01T09:30:00+08:00")))
    beer, forum = store.query_events(db, Selection())
    with store.transaction(db):
        current = editing.state(db, beer.uid).shown
        editing.correct(db, beer.uid, validate({"start": "2024-08-20", "end": "2024-08-24"}, current), "ann", LATER)
    assert_keyed_by_start(db)
    august, may = (Selection(q="啤酒节", start=dt.date(2024, m, 1), end=dt.date(2024, m, 31), limit=5) for m in (8, 5))
    assert [ev.uid for ev in store.query_events(db, august)] == [beer.uid]
    assert store.query_events(db, may) == []
    with store.transaction(db):
        editing.set_hidden(db, forum.uid, True, "ann", LATER)
    assert_keyed_by_start(db)
    assert store.query_events(db, Selection(q="海洋科技", limit=5)) == []
    with store.transaction(db):
        editing.set_hidden(db, forum.uid, False, "ann", LATER)
        editing.merge(db, beer.uid, forum.uid, "ann", LATER)
    assert_keyed_by_start(db)
    reextract(db, store.article_ids(db), now=NOW + dt.timedelta(hours=2),
              extract=lambda a: make_report(a.headline, "2024-03-01", make_event("海洋科技论坛", "2025-01-15")))
    assert_keyed_by_start(db)  # splits and deletions: test_event_search, whose documents are keyed the same way
    found = store.query_events(db, Selection(q="海洋科技论坛", limit=5))
    assert found
    for ev in found:  # each in the window of its own first day, walked as that day's range of keys
        day = dt.date.fromisoformat(ev.start[:10])
        that_day = Selection(q="海洋科技论坛", start=day, end=day, limit=5)
        assert ev.uid in [e.uid for e in store.query_events(db, that_day)]


def test_keys_caught_up_after_a_deferred_group_that_moves_stored_events(db):
    """While paused, a change of start is noted with the old key: the catch-up deletes the old document."""
    save(db, make_report("甲", "2024-03-01", make_event("青岛国际啤酒节", "2024-05-10"),
                         make_event("海洋科技论坛", "2024-06-01")))
    with store.transaction(db), search_index.deferred(db):
        db.execute("UPDATE events SET start = '2023-12-30', \"end\" = '2023-12-31' WHERE title = '青岛国际啤酒节'")
        db.execute("UPDATE events SET start = '2025-02-01T10:00:00+08:00', \"end\" = '2025-02-01T12:00:00+08:00'"
                   " WHERE title = '海洋科技论坛'")
        db.execute("UPDATE events SET start = '2025-02-02' WHERE title = '海洋科技论坛'")  # moved twice
        db.execute("UPDATE mentions SET evidence = evidence || '。'")
    assert_keyed_by_start(db)


def test_a_migrated_store_is_keyed_as_a_fresh_one(db_path):
    """The documents of the version before (under the event's rowid) rebuilt under their keys by the keying
    migration, the last one."""
    db = store.open_db(db_path)
    save(db, make_report("甲", "2024-03-01", make_event("青岛国际啤酒节", "2024-05-10"),
                         make_event("海洋科技论坛", "2024-06-01T09:30:00+08:00")))
    with store.transaction(db):
        db.execute("DELETE FROM event_search")
        db.execute("INSERT INTO event_search (rowid, body) SELECT rowid, title FROM events")
        db.execute(f"PRAGMA user_version = {store.MIGRATIONS.index(_key_search_documents_by_start)}")
    db.close()
    migrated = store.open_db(db_path)
    assert store.schema_version(migrated) == len(store.MIGRATIONS)
    assert_keyed_by_start(migrated)


@pytest.fixture
def one_week(db):
    """Forty events on five days, eight a day, some timed, titles that tie until their last character."""
    for n in range(40):
        day = dt.date(2024, 5, 6 + n % 5)
        start = f"{day.isoformat()}T{9 + n % 3:02d}:00:00+08:00" if n % 4 == 0 else day.isoformat()
        title = f"{'海洋科技' if n % 2 else '国际啤酒'}{'论坛' if n % 3 else '博览会'}{n % 7}"
        save(db, make_report(f"报道{n}", "2024-04-01", make_event(title, start, location=f"展馆{n % 4}")))
    return db


@pytest.mark.parametrize("q", ["海洋科技", "国际啤酒 博览会", "博览会 展馆", "科技论坛 馆1", "科技论坛4", "无此事"])
@pytest.mark.parametrize("order", ["start", "-start"])
def test_a_walk_cut_inside_a_day_gives_the_sorted_answer(one_week, q, order):
    """Whatever the limit, the walk's last day is read whole and sorted by start, title and uid."""
    for limit in (0, 1, 2, 3, 5, 7, 8, 9, 13, 20, 40, 500):
        for window in ((None, None), (dt.date(2024, 5, 7), dt.date(2024, 5, 9)), (dt.date(2024, 5, 8), None),
                       (None, dt.date(2024, 5, 7))):
            flt = Selection(q=q, order=order, limit=limit, start=window[0], end=window[1])
            assert read._keyed(one_week, flt)
            assert store.query_uids(one_week, flt) == up_front(one_week, flt), (q, order, limit, window)


@pytest.mark.slow
def test_the_walk_equals_the_up_front_match_on_a_generated_store(tmp_path):
    db = generated_store(tmp_path, 3000)
    month = dt.date(2026, 12, 1)
    broad = 0
    for q in ("博览会", "国际会展中心", "博览会 青岛", "海洋科技", "国际啤酒", "凤凰岛会议中心 海洋科技",
              "国际会展中心 会议"):
        for order in ("start", "-start"):
            for flt in (Selection(q=q, order=order, limit=50), Selection(q=q, order=order, limit=500),
                        Selection(q=q, order=order, limit=50, start=month, end=month + dt.timedelta(days=41)),
                        Selection(q=q, order=order, limit=20, start=dt.date(2012, 5, 1)),
                        Selection(q=q, order=order, limit=20, category="exhibition")):
                assert read._keyed(db, flt)
                expected = up_front(db, flt)
                assert store.query_uids(db, flt) == expected, (q, order, flt)
                broad += len(expected) == flt.limit
    assert broad > 10  # most walks were cut at their limit, not run to their end
