"""Queries: the store's date-window query and full-text search, timed on the generated stores.

Each query runs through `store.query_events` exactly as the API calls it (500 at most, with every
event's mentions), once to warm the page cache, then `ROUNDS` times with the process's memo of events
emptied before each (so every event of the answer is read: a new filter's cost); the median counts. Beside each,
the plan SQLite chose (`EXPLAIN QUERY PLAN` of the events query), so a missing index shows.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import time
from dataclasses import dataclass

import storegen

from feeds import store
from feeds.models import Selection
from feeds.store.memo import EVENTS

ROUNDS = 9
LIMIT = 500


@dataclass(frozen=True)
class QueryTiming:
    events: int
    name: str
    median_ms: float
    found: int
    plan: str
    cpu_ms: float = 0.0
    """The median CPU time of the thread over the same rounds: on a shared machine, what the query itself costs."""


def cases(today: dt.date, db) -> list[tuple[str, Selection]]:
    """The windows a month view asks for (now and years back), the feed window, and searches narrow and broad."""
    month = today.replace(day=1)
    title = db.execute("SELECT title FROM events WHERE start >= ? ORDER BY start, title, uid LIMIT 1",
                       [today.isoformat()]).fetchone()[0]
    return [
        ("window: this month", Selection(start=month, end=month + dt.timedelta(days=41), limit=LIMIT)),
        ("window: a month in 2012", Selection(start=dt.date(2012, 5, 1), end=dt.date(2012, 6, 11), limit=LIMIT)),
        ("feed window (90 days back, all ahead)",
         Selection(start=today - dt.timedelta(days=90), limit=LIMIT, order="-updated")),
        (f"search: one event's name ({title})", Selection(q=title, limit=LIMIT)),
        ("search: a broad short word (青岛), by start", Selection(q="青岛", limit=LIMIT)),
        ("search: a place and a topic (凤凰岛 海洋科技)", Selection(q="凤凰岛会议中心 海洋科技", limit=LIMIT)),
        ("search + window: 啤酒 this month", Selection(q="国际啤酒", start=month,
                                                         end=month + dt.timedelta(days=41), limit=LIMIT)),
    ]


def plan_of(db, flt: Selection) -> str:
    """The plan of the events query query_events would run, on one line."""
    details = [re.sub(r"\s+", " ", d) for d in store.events_query_plan(db, flt) if not STRUCTURE.match(d)]
    return "; ".join(dict.fromkeys(details))


STRUCTURE = re.compile(r"MULTI-INDEX OR|INDEX \d+$|LIST SUBQUERY|SCALAR SUBQUERY")
"""Plan lines that only group the others."""


def measure(sizes: list[int], log=print) -> list[QueryTiming]:
    today = dt.date.today()
    results = []
    for events in sizes:
        db = store.open_db(storegen.ensure(events, today, log=log))
        try:
            version_ms, version_cpu = _median_ms(lambda db=db: store.data_version(db))
            results.append(QueryTiming(events, "data_version (every calendar/feed request)", version_ms, 1,
                                       "meta by key; max(updated), max(created) by index", version_cpu))
            for name, flt in cases(today, db):
                found = len(store.query_events(db, flt))
                ms, cpu = _median_ms(lambda db=db, flt=flt: _cold(db, flt))
                results.append(QueryTiming(events, name, ms, found, plan_of(db, flt), cpu))
        finally:
            db.close()
    return results


def _cold(db, flt: Selection) -> None:
    """The query as a new filter meets it: no event of its answer read before (store.memo emptied)."""
    EVENTS.clear()
    store.query_events(db, flt)


def _median_ms(call) -> tuple[float, float]:
    """The median wall time and thread CPU time of ROUNDS calls, in ms, after one to warm up."""
    call()
    times, cpu = [], []
    for _ in range(ROUNDS):
        started, thread = time.perf_counter(), time.thread_time()
        call()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - thread) * 1000)
    return statistics.median(times), statistics.median(cpu)
