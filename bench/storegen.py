"""Stores of 1k to 1M events for the serving and query benchmarks, written straight into the schema.

Going through the extraction would take hours at 1M events, and what is measured here is serving and
querying, so rows are bulk-inserted with the store's own schema (made by `store.open_db`, every
migration and trigger included: the change counter and the events' search documents are filled as
an ingest would fill them). The archive is shaped like a newspaper's: events from 2001 to a year ahead,
each reported 0–60 days before it starts, a fifth reported twice, titles and places from the same
vocabulary as the ingest benchmark, so the trigram index sees Chinese text of realistic length.

Stores are kept in bench/results/stores/ and reused while GENERATOR_VERSION and the schema match.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import textgen

from feeds import store
from feeds.models import CATEGORIES
from feeds.store.schema import EVENT_DOCUMENT

STORES = Path(__file__).resolve().parent / "results" / "stores"
GENERATOR_VERSION = 2
FIRST_DAY = dt.date(2001, 1, 1)
AHEAD_DAYS = 365
"""Upcoming events reach a year past today, as announcements in a paper do."""
BATCH = 20_000


def store_path(events: int) -> Path:
    return STORES / f"events-{events}-v{GENERATOR_VERSION}-s{len(store.MIGRATIONS)}.db"


def ensure(events: int, today: dt.date | None = None, log=print) -> Path:
    """A store with `events` events, generated once and reused."""
    path = store_path(events)
    if path.exists():
        return path
    STORES.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in STORES.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    generate(partial, events, today or dt.date.today())
    partial.replace(path)
    log(f"  generated {events:,} events in {time.perf_counter() - started:.0f} s → {path.name}")
    return path


def generate(path: Path, events: int, today: dt.date) -> None:
    """Write `events` events, about half as many articles and 1.2 mentions per event, in one transaction."""
    store.open_db(path).close()  # the schema, every migration applied
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")  # a bulk load: a crash just means generating again
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    conn.execute("BEGIN")
    # Each mention would rebuild its event's search document (migration _add_event_search): built once at the end.
    # New events need no revision (migration _add_event_revisions): without a row an event is at revision 0.
    deferred = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
                            " ('events_search_ai', 'mentions_search_ai', 'events_revision_ai', 'mentions_revision_ai')"
                            ).fetchall()
    for name, _ in deferred:
        conn.execute(f"DROP TRIGGER {name}")
    rows = _rows(events, today, random.Random(events))
    article_batch, event_batch, mention_batch = [], [], []
    for article, event_rows, mention_rows in rows:
        article_batch.append(article)
        event_batch.extend(event_rows)
        mention_batch.extend(mention_rows)
        if len(event_batch) >= BATCH:
            _flush(conn, article_batch, event_batch, mention_batch)
    _flush(conn, article_batch, event_batch, mention_batch)
    if deferred:
        conn.execute(f"INSERT INTO event_search (rowid, body) {EVENT_DOCUMENT}")
    for _, sql in deferred:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")  # as store.open_db leaves a served database
    conn.close()


def _flush(conn: sqlite3.Connection, articles: list, events: list, mentions: list) -> None:
    conn.executemany("INSERT INTO articles (id, source, source_url, headline, subheadlines, byline, dateline,"
                     " published, published_method, text, ingested) VALUES (?,?,?,?,?,?,?,?,?,?,?)", articles)
    conn.executemany('INSERT INTO events (uid, key, title, category, start, "end", all_day, precision, location,'
                     " status, sequence, created, updated, facts_published) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     events)
    conn.executemany('INSERT INTO mentions (event_uid, article_id, evidence, start, "end", created)'
                     " VALUES (?,?,?,?,?,?)", mentions)
    articles.clear()
    events.clear()
    mentions.clear()


def _stamp(day: dt.date, seconds: int) -> str:
    return (dt.datetime.combine(day, dt.time(), dt.UTC) + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rows(events: int, today: dt.date, rng: random.Random) -> Iterator[tuple[tuple, list[tuple], list[tuple]]]:
    """Per article: its row, its two events, and their mentions (some also mentioned by the next article)."""
    span = (today + dt.timedelta(days=AHEAD_DAYS) - FIRST_DAY).days
    previous: list[tuple[str, str]] = []  # (uid, evidence) of the last article's events, re-reported
    for a in range((events + 1) // 2):
        count = min(2, events - 2 * a)
        specs = [textgen.event_spec(rng, 2 * a + i) for i in range(count)]
        first = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        starts = sorted(first + dt.timedelta(days=rng.randrange(60) if i else 0) for i in range(len(specs)))
        published = max(FIRST_DAY, starts[0] - dt.timedelta(days=rng.randrange(61)))
        ingested = _stamp(min(published, today), 8 * 3600 + rng.randrange(3600))
        sentences, event_rows, mention_rows = [], [], []
        offset = 0
        aid = hashlib.sha256(f"article {a}".encode()).hexdigest()
        for spec, first in zip(specs, starts, strict=True):
            start, end, all_day, precision = _interval(rng, first)
            sentence = textgen.sentence(spec, first, rng)
            uid = hashlib.sha1(f"bench event {spec.serial}".encode()).hexdigest()[:24] + "@feeds"
            status = rng.choices(("confirmed", "tentative", "cancelled"), (90, 7, 3))[0]
            revised = rng.random() < 0.2
            updated = _stamp(min(published + dt.timedelta(days=rng.randrange(1, 30)), today), 9 * 3600) \
                if revised else ingested
            event_rows.append((uid, store.event_key(spec.title), spec.title, spec.category, start, end, int(all_day),
                               precision, spec.venue, status, int(revised), ingested, max(updated, ingested),
                               published.isoformat()))
            mention_rows.append((uid, aid, sentence, offset, offset + len(sentence), ingested))
            sentences.append(sentence)
            offset += len(sentence)
        for uid, evidence in previous:
            mention_rows.append((uid, aid, evidence, offset, offset + len(evidence), ingested))
            sentences.append(evidence)
            offset += len(evidence)
        previous = [(row[0], m[2]) for row, m in zip(event_rows, mention_rows, strict=False)
                    if rng.random() < 0.2]
        headline = specs[0].title + textgen.headline_suffix(rng)
        article = (aid, f"bench/{a // 50:05d}.txt", None, headline, "[]", "", "", published.isoformat(),
                   "given", "".join(sentences), ingested)
        yield article, event_rows, mention_rows


def _interval(rng: random.Random, first: dt.date) -> tuple[str, str, bool, str]:
    """Start, end (inclusive), all-day and precision as the store writes them: days, a month, or times."""
    kind = rng.random()
    if kind < 0.1:
        month_end = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1).isoformat(), month_end.isoformat(), True, "month"
    if kind < 0.3:
        start = dt.datetime.combine(first, dt.time(rng.choice((9, 10, 14, 15)), rng.choice((0, 30))))
        end = start + dt.timedelta(hours=rng.choice((0, 2, 3)))
        return f"{start.isoformat()}+08:00", f"{end.isoformat()}+08:00", False, "time"
    last = first + dt.timedelta(days=rng.choice((0, 0, 1, 2, 2, 4)))
    return first.isoformat(), last.isoformat(), True, "day"


assert set(textgen.CATEGORY_HEADS) <= set(CATEGORIES)
