"""The store's hot queries use indexes: checked with EXPLAIN QUERY PLAN on a small database.

Without ANALYZE, SQLite plans for large tables whatever their size, so the plans here are the ones a
store of a million events gets (bench/queries.py times them there). No timings are asserted.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import make_event, make_report, save

from feeds import store
from feeds.models import Selection

FULL_SCAN = re.compile(r"^SCAN (?:e|events|m|mentions)\b")
"""A scan of the events or mentions table (or all of one of their indexes); FTS `SCAN ..._fts VIRTUAL TABLE`
is an index lookup and passes."""


@pytest.fixture
def stocked(db):
    beer = make_event("第十届青岛国际啤酒博览会", "2023-07-15", "2023-07-17", location="青岛国际会展中心")
    forum = make_event("海洋科技论坛", "2023-06-02T09:30:00+08:00", location="凤凰岛会议中心")
    save(db, make_report("博览会", "2023-05-01", beer, forum))
    save(db, make_report("年会", "2023-08-01", make_event("智能制造年会", "2023-09-10")))
    return db


def scans(plan: list[str]) -> list[str]:
    return [line for line in plan if FULL_SCAN.match(line)]


def test_date_window_reads_one_range_of_the_start_index_in_the_answers_order(stocked):
    """The index yields start, title, uid: no sort of the range (migration _add_start_order_index)."""
    plan = store.events_query_plan(stocked, Selection(start=dt.date(2023, 7, 1), end=dt.date(2023, 7, 31), limit=500))
    assert scans(plan) == []
    assert any("USING INDEX events_start_order (start>? AND start<?)" in line for line in plan), plan
    assert not any("TEMP B-TREE" in line for line in plan), plan


@pytest.mark.parametrize("limit", [1, 2, None])
def test_a_window_gives_the_same_events_in_the_same_order_as_a_sort_of_every_event(stocked, limit):
    """Equal starts ordered by title then uid, as ORDER BY says, whichever plan SQLite takes."""
    for n in range(6):
        save(stocked, make_report(f"第{n}篇", "2023-05-01", make_event(f"{'乙甲'[n % 2]}论坛{n % 3}", "2023-07-15"),
                                  make_event(f"展会{n}", "2023-07-15T09:00:00+08:00")))
    window = Selection(start=dt.date(2023, 7, 1), end=dt.date(2023, 7, 31), limit=limit)
    found = [(ev.start, ev.title, ev.uid) for ev in store.query_events(stocked, window)]
    unindexed = stocked.execute('SELECT start, title, uid FROM events NOT INDEXED WHERE "end" >= ? AND start < ?'
                                " AND hidden = 0 ORDER BY start, title, uid", ["2023-07-01", "2023-08-01"]).fetchall()
    assert found == unindexed[:limit] and len(unindexed) > 10


def test_a_walk_by_start_reads_the_index_in_the_answers_order(stocked):
    plan = store.events_query_plan(stocked, Selection(q="青岛", limit=500))
    assert not any("TEMP B-TREE" in line for line in plan), plan


def test_a_feed_walks_its_newest_events_in_order_and_stops_at_its_limit(stocked):
    """A feed is its newest N events ending after a day: events_newest in the feed's order, covering the window's
    test (migration _add_feed_order), not every event of the window read and sorted."""
    feed = Selection(start=dt.date(2023, 6, 1), window=True, limit=500, order="-updated")
    assert store.events_query_plan(stocked, feed) == ["SCAN e USING INDEX events_newest"]  # no sort after it
    sql, params = store.events_sql(stocked, feed, columns="e.uid")
    assert [row[3] for row in stocked.execute("EXPLAIN QUERY PLAN " + sql, params)] == [
        "SCAN e USING COVERING INDEX events_newest"]
    expected = sorted(store.query_events(stocked, Selection(start=dt.date(2023, 6, 1), window=True)),
                      key=lambda ev: (ev.start, ev.uid))
    expected = sorted(expected, key=lambda ev: (ev.updated, ev.created), reverse=True)
    assert store.query_uids(stocked, feed) == [ev.uid for ev in expected]


@pytest.mark.parametrize("q", ["啤酒博览会", "凤凰岛会议中心 海洋科技"])
@pytest.mark.parametrize("order, walk", [("start", "INDEX 64:M1"), ("-start", "INDEX 192:M1")])
def test_a_search_by_start_walks_the_documents_in_key_order_and_sorts_nothing(stocked, q, order, walk):
    """Every word in one MATCH on the per-event documents (migration _add_event_search), walked in key order, which
    is start order by day (migration _key_search_documents_by_start): each match looked up, no mention joined, and
    nothing sorted, so the walk stops at the limit."""
    plan = store.events_query_plan(stocked, Selection(q=q, order=order, limit=500))
    assert plan == [f"SCAN s VIRTUAL TABLE {walk}", "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)"], plan


def test_a_search_without_a_limit_or_by_newest_matches_its_words_up_front(stocked):
    for flt in (Selection(q="啤酒博览会"), Selection(q="啤酒博览会", order="-updated", limit=500)):
        plan = store.events_query_plan(stocked, flt)
        assert scans(plan) == []
        matched = [line for line in plan if "VIRTUAL TABLE" in line]
        assert matched == ["SCAN event_search VIRTUAL TABLE INDEX 0:M1"], plan
        assert not any("mentions" in line for line in plan), plan


def test_search_within_a_window_walks_only_the_documents_of_the_windows_days(stocked):
    """A window is a range of document keys: FTS5 reads the matches of those days only (`><`), in key order."""
    plan = store.events_query_plan(stocked, Selection(q="啤酒博览会", start=dt.date(2023, 7, 1),
                                                  end=dt.date(2023, 7, 31), limit=500))
    assert plan == ["SCAN s VIRTUAL TABLE INDEX 64:M1><", "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)"], plan


def test_search_within_a_window_without_a_limit_reads_the_windows_range_and_the_matches_of_its_days(stocked):
    plan = store.events_query_plan(stocked, Selection(q="啤酒博览会", start=dt.date(2023, 7, 1),
                                                  end=dt.date(2023, 7, 31)))
    assert scans(plan) == []
    assert any("USING INDEX events_start_order (start>? AND start<?)" in line for line in plan), plan
    assert "SCAN event_search VIRTUAL TABLE INDEX 0:M1><" in plan, plan


def test_data_version_reads_indexes_only(stocked):
    """Every calendar and feed request runs it, 304s included."""
    statements: list[str] = []
    stocked.conn.set_trace_callback(statements.append)
    try:
        store.data_version(stocked)
    finally:
        stocked.conn.set_trace_callback(None)
    select = next(s for s in statements if "max(created)" in s)
    plan = [row[3] for row in stocked.execute("EXPLAIN QUERY PLAN " + select).fetchall()]
    assert not [line for line in plan if line.startswith("SCAN") and "CONSTANT ROW" not in line], plan
    assert any("mentions_created" in line for line in plan), plan


def test_window_finds_an_event_that_started_long_before(stocked):
    """The window's lower bound on start comes from the longest event stored, so long events still match."""
    save(stocked, make_report("征集", "2023-01-01", make_event("全年征集活动", "2023-01-01", "2024-03-31")))
    found = store.query_events(stocked, Selection(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31)))
    assert [e.title for e in found] == ["全年征集活动"]


def test_window_follows_an_event_made_longer_by_a_later_report(stocked):
    save(stocked, make_report("预告", "2023-01-01", make_event("城市马拉松", "2023-04-01")))
    save(stocked, make_report("延长", "2023-02-01", make_event("城市马拉松", "2023-04-01", "2024-01-31")))
    found = store.query_events(stocked, Selection(start=dt.date(2024, 1, 15), end=dt.date(2024, 1, 20)))
    assert [e.title for e in found] == ["城市马拉松"]


def test_longest_event_is_kept_in_meta(stocked):
    longest = stocked.execute("SELECT value FROM meta WHERE key = 'longest_days'").fetchone()[0]
    assert longest == 2  # the beer festival, 15 to 17 July


def test_a_search_by_short_words_walks_the_start_index_and_reads_each_events_own_document(stocked):
    """`q=青岛` has no index to start from: walked in order it stops at the limit; each event reached is tested on
    its search document, one lookup by rowid (no mention read, no document scanned)."""
    plan = store.events_query_plan(stocked, Selection(q="青岛", limit=500))
    assert any("USING INDEX events_start_order" in line for line in plan), plan
    assert not any(re.match(r"^SCAN (?:m|mentions|d)\b", line) for line in plan), plan
    assert any("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)" in line for line in plan), plan
    assert not any("mentions" in line for line in plan), plan


def test_a_short_word_beside_a_long_one_is_tested_on_each_matched_events_document(stocked):
    plan = store.events_query_plan(stocked, Selection(q="海洋科技 论坛", limit=500))
    assert [line for line in plan if "VIRTUAL TABLE" in line] == ["SCAN s VIRTUAL TABLE INDEX 64:M1"], plan
    assert any("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)" in line for line in plan), plan
    assert not any(re.match(r"^SCAN (?:m|mentions|d)\b", line) for line in plan), plan


@pytest.mark.parametrize("q", ["青岛", "会议", "论坛 青岛", "年会", "无此"])
@pytest.mark.parametrize("order", ["start", "-start", "-updated"])
def test_the_walk_and_the_up_front_match_find_the_same_events(stocked, q, order, monkeypatch):
    from feeds.store import read

    for n in range(12):
        save(stocked, make_report(f"第{n}篇", "2023-05-01", make_event(f"第{n}届青岛论坛", f"2023-06-{n + 1:02d}",
                                                                       evidence=f"会议{n}将在青岛举行。")))
    walks: list[bool] = []
    real = read._walked
    monkeypatch.setattr(read, "_walked", lambda *args: walks.append((found := real(*args)) is not None) or found)
    for limit in (1, 5, None):
        flt = Selection(q=q, limit=limit, order=order)
        walked = [ev.uid for ev in store.query_events(stocked, flt)]
        with monkeypatch.context() as interrupted:  # every walk interrupted at once: the other plan answers
            interrupted.setattr(read, "WALK_BUDGET_SECONDS", -1.0)
            interrupted.setattr(read, "WALK_CHECK_INSTRUCTIONS", 1)
            matched = [ev.uid for ev in store.query_events(stocked, flt)]
        assert walked == matched, (q, order, limit)
    assert walks == [True, False, True, False]  # limits 1 and 5 walk (then are interrupted); no limit never walks


def test_a_word_in_either_script_finds_text_printed_in_the_other(db):
    save(db, make_report("旅遊展", "2026-05-01", make_event("香港國際旅遊展", "2026-06-10", location="灣仔會展")),
         source="hk.txt")
    save(db, make_report("啤酒节", "2026-05-01", make_event("青岛国际啤酒节", "2026-08-10", location="西海岸")),
         source="qd.txt")

    def found(q: str) -> list[str]:
        return [e.title for e in store.query_events(db, Selection(q=q))]

    assert found("国际旅游展") == ["香港國際旅遊展"]
    assert found("啤酒節") == ["青岛国际啤酒节"]
    assert found("会展") == ["香港國際旅遊展"]


def test_an_answers_mentions_read_their_articles_from_an_index_not_their_rows(stocked):
    """An article's text comes before `ingested` in its row: the index articles_shown holds all a mention shows."""
    statements: list[str] = []
    stocked.conn.set_trace_callback(statements.append)
    try:
        found = store.query_events(stocked, Selection(limit=500))
    finally:
        stocked.conn.set_trace_callback(None)
    assert found and all(ev.mentions for ev in found)
    select = next(s for s in statements if "FROM json_each" in s and "mentions m" in s)
    plan = [row[3] for row in stocked.execute("EXPLAIN QUERY PLAN " + select).fetchall()]
    assert any("SEARCH a USING COVERING INDEX articles_shown (id=?)" in line for line in plan), plan
