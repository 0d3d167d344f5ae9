"""Events read once are kept per data version (issue 19): a new filter reuses them, any change drops them."""

from __future__ import annotations

import datetime as dt

from conftest import NOW, make_event, make_report, save

from feeds import store
from feeds.models import Selection, StoredEvent
from feeds.store.memo import EventMemo


def test_a_second_query_reuses_the_events_the_first_read(db):
    save(db, make_report("会议", "2024-03-01", make_event("青岛海洋论坛", "2024-05-01"),
                         make_event("济南书展", "2024-06-01")))
    first = store.query_events(db, Selection())
    again = store.query_events(db, Selection(q="青岛海洋"))
    assert [ev.title for ev in again] == ["青岛海洋论坛"]
    assert again[0] is first[0]


def test_the_filter_order_and_limit_hold_for_kept_events(db):
    save(db, make_report("会议", "2024-03-01", *(make_event(f"论坛{n}", f"2024-05-{n:02d}") for n in range(1, 6))))
    store.query_events(db, Selection())
    latest = store.query_events(db, Selection(order="-start", limit=2))
    assert [ev.title for ev in latest] == ["论坛5", "论坛4"]


def test_a_change_to_an_event_or_its_mentions_is_read_at_once(db):
    save(db, make_report("会议", "2024-03-01", make_event("青岛海洋论坛", "2024-05-01")))
    before = store.query_events(db, Selection())[0]
    save(db, make_report("改期", "2024-03-05", make_event("青岛海洋论坛", "2024-05-03")),
         now=NOW + dt.timedelta(days=4))
    after = store.query_events(db, Selection())[0]
    assert after.uid == before.uid
    assert (after.start, len(after.mentions)) == ("2024-05-03", 2)


def test_two_stores_with_the_same_data_version_keep_their_own_events(tmp_path):
    first, second = store.open_db(tmp_path / "a.db"), store.open_db(tmp_path / "b.db")
    save(first, make_report("会议", "2024-03-01", make_event("青岛海洋论坛", "2024-05-01")))
    save(second, make_report("会议", "2024-03-01", make_event("济南书展", "2024-05-01")))
    assert [ev.title for ev in store.query_events(first, Selection())] == ["青岛海洋论坛"]
    assert [ev.title for ev in store.query_events(second, Selection())] == ["济南书展"]


def _fetch(uids: list[str]) -> list[StoredEvent]:
    return [StoredEvent(uid, "t", "conference", "2024-05-01", "2024-05-01", True, "day", "", "confirmed", 0,
                        "2024-03-01T08:00:00Z", "2024-03-01T08:00:00Z") for uid in uids if uid != "gone"]


def test_an_event_deleted_since_is_left_out():
    assert [ev.uid for ev in EventMemo().events(("f", "v1"), ["a", "gone", "b"], _fetch)] == ["a", "b"]


def test_the_memo_is_bounded_and_drops_the_least_recently_used():
    memo = EventMemo(max_events=3)
    memo.events(("f", "v1"), ["a", "b", "c"], _fetch)
    memo.events(("f", "v1"), ["a"], _fetch)
    memo.events(("f", "v1"), ["d"], _fetch)
    assert len(memo) == 3
    kept = memo.events(("f", "v1"), ["a", "b"], lambda uids: [])
    assert [ev.uid for ev in kept] == ["a"]


def test_a_new_version_empties_it():
    memo = EventMemo()
    memo.events(("f", "v1"), ["a"], _fetch)
    assert memo.events(("f", "v2"), ["a"], lambda uids: []) == []
