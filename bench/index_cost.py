"""What the two full-text indexes no query read cost an ingest: the same extracted pages stored into a store without
them (today's schema) and into one that keeps them as version 9 did (every migration but
`_drop_unread_search_indexes`, and version 9's catch-up of both at the end of each group), alternately, in one
process; as `feeds ingest` stores files (groups, `ingest.Batches`: the indexes caught up once a group) and as
`POST /api/articles` and `feeds fetch` store a page (one transaction each: the triggers index row by row).
Only storing is timed: the pages are extracted once, up front.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import ingest
from sqlite_utils import Database

from feeds import ingest as feeds_ingest
from feeds import store
from feeds.ingest import Batches, IngestReport, extract_for_store
from feeds.models import ArticleEvents
from feeds.store import schema, search_index

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
PAGES = 2_000
"""Pages stored per run (at most `--ingest-articles`): four runs a round, three rounds, about a minute."""
WITH, WITHOUT = "with events_fts and mentions_fts (version 9)", "without them (version 10 on)"
GROUPS, ALONE = "`feeds ingest`: groups of files", "one page a transaction (POST /api/articles, fetch)"


@dataclass(frozen=True)
class StoreRun:
    mode: str
    variant: str
    seconds: float
    cpu_seconds: float
    digest: str


@dataclass(frozen=True)
class IndexCost:
    pages: int
    runs: list[StoreRun]

    def median_cpu(self, mode: str, variant: str) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs if (run.mode, run.variant) == (mode, variant))

    @property
    def same_events(self) -> bool:
        return len({run.digest for run in self.runs}) == 1


def with_old_indexes(path: Path):
    """A store as version 9 left it, but with every later migration too: only the two indexes differ."""
    conn = sqlite3.connect(path)
    db = Database(conn)
    db.execute("PRAGMA journal_mode = WAL")
    with store.transaction(db):
        for step in store.MIGRATIONS:
            if step is not schema._drop_unread_search_indexes:
                step(db)
        db.execute(f"PRAGMA user_version = {len(store.MIGRATIONS)}")
    conn.close()
    return store.open_db(path)


def _catch_up_version_9(db) -> None:
    """Version 9's catch-up at the end of a group: both old indexes, then the events' documents as now."""
    for table, columns in search_index.SEARCHED.items():
        fts, pending = f"{table}_fts", f"{table}_fts_pending"
        cols = ", ".join(f"[{c}]" for c in columns)
        db.execute(f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) SELECT 'delete', rid, {cols} FROM"
                   f" (SELECT rid, indexed, {cols}, min(seq) AS first FROM [{pending}] GROUP BY rid)"
                   " WHERE indexed ORDER BY first")
        db.execute(f"INSERT INTO [{fts}] (rowid, {cols}) SELECT rowid, {cols} FROM [{table}]"
                   f" WHERE rowid IN (SELECT rid FROM [{pending}]) ORDER BY rowid")
        db.execute(f"DELETE FROM [{pending}]")
    _catch_up_now(db)


_catch_up_now = search_index.catch_up


@contextmanager
def _version_9_catch_up() -> Iterator[None]:
    search_index.catch_up = _catch_up_version_9
    try:
        yield
    finally:
        search_index.catch_up = _catch_up_now


def _store(db, mode: str, extracted: list[tuple[str, list[ArticleEvents]]]) -> None:
    """The pages stored as `feeds ingest` stores files (in groups, one savepoint a file), or one transaction each."""
    if mode == ALONE:
        for source, page in extracted:
            feeds_ingest.save_page(db, page, source, now=NOW)
        return
    report = IngestReport()
    batches = Batches(db, report, None, NOW, len(extracted))
    for index, read in enumerate(extracted):
        batches.add(index, Path(read[0]), read)
    batches.flush()
    if not report.ok:
        raise RuntimeError(report.summary())


def _digest(db) -> str:
    rows = db.execute('SELECT uid, title, start, "end", location, status, sequence FROM events ORDER BY uid')
    return hashlib.sha256(repr(rows.fetchall()).encode()).hexdigest()


def _one(mode: str, variant: str, extracted: list, folder: Path) -> StoreRun:
    path = folder / f"{variant[:4]}-{time.monotonic_ns()}.db"
    db = with_old_indexes(path) if variant == WITH else store.open_db(path)
    try:
        with _version_9_catch_up() if variant == WITH else _nothing():
            cpu, started = time.process_time(), time.perf_counter()
            _store(db, mode, extracted)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if variant == WITH:  # the old indexes were kept right: FTS5 checks them against their tables
            for table in search_index.SEARCHED:
                db.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('integrity-check')")
        return StoreRun(mode, variant, seconds, cpu, _digest(db))
    finally:
        db.close()


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def measure(pages: int = PAGES, rounds: int = 3) -> IndexCost:
    """`rounds` times, in each mode: the pages into a new store with the old indexes, then into one without."""
    extracted = [(f"bench/{i:05d}.txt", extract_for_store(text, published))
                 for i, (text, published) in enumerate(ingest.pages(pages))]
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            for mode in (GROUPS, ALONE):
                for variant in (WITH, WITHOUT):
                    runs.append(_one(mode, variant, extracted, Path(tmp)))
    return IndexCost(pages, runs)


def markdown(cost: IndexCost) -> str:
    rows = ["| stored as | store | runs: CPU s (wall s) | median CPU s | per page | without ÷ with |",
            "| --- | --- | --- | ---: | ---: | ---: |"]
    for mode in (GROUPS, ALONE):
        for variant in (WITH, WITHOUT):
            mine = [run for run in cost.runs if (run.mode, run.variant) == (mode, variant)]
            cpu = cost.median_cpu(mode, variant)
            ratio = f"**{cpu / cost.median_cpu(mode, WITH):.2f}**" if variant == WITHOUT else ""
            rows.append(f"| {mode} | {variant} | {', '.join(f'{r.cpu_seconds:.2f} ({r.seconds:.2f})' for r in mine)} | "
                        f"{cpu:.2f} | {1000 * cpu / cost.pages:.2f} ms | {ratio} |")
    rows += ["", f"{cost.pages:,} extracted pages stored, alternately, CPU of the storing process (groups of "
                 f"{feeds_ingest.BATCH_FILES} files or {feeds_ingest.BATCH_SECONDS} s). "
                 + ("Same events in every run." if cost.same_events else "EVENTS DIFFER between runs.")]
    return "\n".join(rows)
