"""The SQLite store: articles, events merged across articles, and the mentions that link them.

Plain functions over a `sqlite_utils.Database`. Writes go through `transaction()` so that the
caller decides what is atomic (one ingested file); reads are single queries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path

from sqlite_utils import Database

from ..models import Article, ArticleEvents, Event, EventFilter, Mention, StoredEvent
from . import scrub

BUSY_TIMEOUT_MS = 5000
"""How long a writer waits for another writer's lock before giving up."""

MERGE_WINDOW_DAYS = 180
"""Reports of one title whose starts lie this close together are the same event."""

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
"""Last-modified time of a store with nothing in it."""

HAS_TRIGRAM = sqlite3.sqlite_version_info >= (3, 34, 0)
"""FTS5's trigram tokenizer (SQLite 3.34+) indexes Chinese text, which has no spaces between words."""

TRIGRAM_MIN_CHARS = 3
"""A trigram index cannot answer shorter search terms; those fall back to LIKE."""


class SchemaTooNew(RuntimeError):
    """The database was written by a newer version of feeds than the one running."""


# --- opening and migrating -------------------------------------------------------------------


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) the database at `path`, in WAL mode, migrated to the current schema."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        _use_wal(db)
    migrate(db)
    return db


def _use_wal(db: Database) -> None:
    """Switch a new database to WAL, retrying while another process does the same.

    Changing the journal mode fails at once with "database is locked" when another connection is
    opening the file too: SQLite's busy timeout does not cover it, so this loop does.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if db.journal_mode != "wal":
                db.enable_wal()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One write transaction; takes the write lock up front so concurrent ingests queue instead of failing."""
    if db.conn.in_transaction:
        raise RuntimeError("a transaction is already open on this connection")
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def schema_version(db: Database) -> int:
    """The number of migrations applied to this database (SQLite's user_version)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Database) -> int:
    """Apply the migrations this database lacks, all in one transaction; returns the schema version."""
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise SchemaTooNew(
            f"database schema version {current} is newer than this feeds understands ({len(MIGRATIONS)})"
        )
    if current == len(MIGRATIONS):
        return current
    with transaction(db):
        current = schema_version(db)  # another process may have migrated while we waited for the lock
        for version, step in enumerate(MIGRATIONS[current:], start=current + 1):
            step(db)
            db.execute(f"PRAGMA user_version = {version}")
    return schema_version(db)


def _create_initial_schema(db: Database) -> None:
    """Version 1: articles, events, mentions, the change counter and full-text search."""
    statements = [
        """CREATE TABLE meta (key TEXT PRIMARY KEY, value)""",
        """INSERT INTO meta (key, value) VALUES ('changes', 0)""",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            source_url TEXT,
            headline TEXT NOT NULL,
            subheadlines TEXT NOT NULL DEFAULT '[]',
            byline TEXT NOT NULL DEFAULT '',
            dateline TEXT NOT NULL DEFAULT '',
            published TEXT,
            published_method TEXT NOT NULL DEFAULT 'unknown',
            text TEXT NOT NULL,
            ingested TEXT NOT NULL
        )""",
        """CREATE TABLE events (
            uid TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            category TEXT NOT NULL,
            start TEXT NOT NULL,
            "end" TEXT NOT NULL,
            all_day INTEGER NOT NULL,
            precision TEXT NOT NULL,
            location TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'confirmed',
            sequence INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            facts_published TEXT
        )""",
        """CREATE INDEX events_key ON events (key)""",
        """CREATE INDEX events_start ON events (start)""",
        """CREATE INDEX events_end ON events ("end")""",
        """CREATE INDEX events_updated ON events (updated)""",
        """CREATE TABLE mentions (
            event_uid TEXT NOT NULL REFERENCES events (uid),
            article_id TEXT NOT NULL REFERENCES articles (id),
            evidence TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (event_uid, article_id, start)
        )""",
        """CREATE INDEX mentions_article ON mentions (article_id)""",
    ]
    for table in ("events", "mentions"):
        for op, when in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE")):
            statements.append(
                f"CREATE TRIGGER {table}_version_{op} AFTER {when} ON {table} BEGIN "
                "UPDATE meta SET value = value + 1 WHERE key = 'changes'; END"
            )
    for statement in statements:
        db.execute(statement)
    if HAS_TRIGRAM:
        _create_fts(db, "events", ["title", "location"])
        _create_fts(db, "mentions", ["evidence"])


def _create_fts(db: Database, table: str, columns: list[str]) -> None:
    """An external-content FTS5 index kept current by triggers, in the layout sqlite-utils' enable_fts makes.

    Written out rather than calling enable_fts, which commits via executescript and would break the
    migration's single transaction.
    """
    cols = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    fts = f"{table}_fts"
    db.execute(f"CREATE VIRTUAL TABLE [{fts}] USING FTS5 ({cols}, tokenize='trigram', content=[{table}])")
    db.execute(f"INSERT INTO [{fts}] (rowid, {cols}) SELECT rowid, {cols} FROM [{table}]")
    db.execute(
        f"CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] (rowid, {cols}) VALUES (new.rowid, {new}); END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_ad] AFTER DELETE ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_au] AFTER UPDATE ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO [{fts}] (rowid, {cols}) VALUES (new.rowid, {new}); END"
    )


def _add_window_indexes(db: Database) -> None:
    """Version 2: keep the reads every request makes on indexes at a million events (issue 8).

    `mentions_created` turns data_version (run by every calendar and feed request, 304s included)
    into an index lookup instead of a scan of every mention. The meta row `longest_days`, the
    longest event stored so far in days (kept by triggers; it only grows), gives a date-window query
    a lower bound on `start`, so it reads one range of `events_start_end` instead of every event that
    starts before the window ends; that index also holds `end`, so events in the range that ended
    before the window are skipped without reading their rows. It replaces `events_start`.
    """
    span = 'julianday(substr({0}."end", 1, 10)) - julianday(substr({0}.start, 1, 10))'
    db.execute("CREATE INDEX mentions_created ON mentions (created)")
    db.execute('CREATE INDEX events_start_end ON events (start, "end")')
    db.execute("DROP INDEX events_start")
    db.execute(
        "INSERT INTO meta (key, value) SELECT 'longest_days', "
        f"coalesce(max({span.format('events')}), 0) FROM events"
    )
    for name, when in (("ai", "INSERT"), ("au", 'UPDATE OF start, "end"')):
        db.execute(
            f"CREATE TRIGGER events_longest_{name} AFTER {when} ON events BEGIN "
            f"UPDATE meta SET value = max(value, coalesce({span.format('new')}, {UNKNOWN_SPAN_DAYS}))"
            " WHERE key = 'longest_days'; END"
        )


UNKNOWN_SPAN_DAYS = 10**6
"""An event whose dates SQLite cannot read counts as endless: window queries then drop the start bound."""

MIGRATIONS: list[Callable[[Database], None]] = [_create_initial_schema, _add_window_indexes]
"""Ordered schema changes; the database's user_version counts how many have run. Only ever append."""


# --- identity and merging --------------------------------------------------------------------


_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}(?:年度|年)?")


def event_key(title: str) -> str:
    """The title reduced to what identifies the event: no spaces, punctuation, quotes or leading year.

    `2022世界工业互联网产业大会` and `“世界工业互联网产业大会”` share a key; the date window
    tells years apart.
    """
    text = unicodedata.normalize("NFKC", title).casefold()
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")
    return _LEADING_YEAR.sub("", kept) or kept or title.strip()


def make_uid(key: str, first_start: dt.date, attempt: int = 0) -> str:
    """A uid every process derives alike from the same report, so concurrent ingests cannot duplicate.

    `attempt` counts earlier events that took this key and start but have since moved out of the
    merge window.
    """
    seed = f"{key}|{first_start.isoformat()}" + (f"|{attempt}" if attempt else "")
    return f"{hashlib.sha1(seed.encode()).hexdigest()[:24]}@feeds"


def article_id(article: Article) -> str:
    """Content hash of the article's normalized headline and text: the same article has the same id."""
    return hashlib.sha256(f"{article.headline}\n\n{article.text}".encode()).hexdigest()


def utc_stamp(moment: dt.datetime | None = None) -> str:
    """An ingest time as the store writes it: UTC, whole seconds, `Z`."""
    moment = moment or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        raise ValueError("ingest time must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Counts:
    """What saving did to the events it was given."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass(frozen=True)
class _Facts:
    """The parts of an event a later report may correct."""

    start: str
    end: str
    all_day: bool
    precision: str
    location: str
    status: str


def _facts_of(event: Event, previous: _Facts | None = None) -> _Facts:
    start, end = event.interval.iso()
    location = event.location or (previous.location if previous else "")
    return _Facts(start, end, event.interval.all_day, event.interval.precision, location, event.status)


def save_article_events(
    db: Database,
    source: str,
    source_url: str | None,
    article_events: ArticleEvents,
    *,
    now: dt.datetime | None = None,
    fresh: set[str] | None = None,
    outcomes: list[tuple[str, str]] | None = None,
) -> Counts:
    """Store one article and merge its events into the store; the caller holds the transaction.

    `fresh` collects the uids created or revised in the caller's transaction (one per file), so a
    second report of the same event within one file does not bump `sequence` again. `outcomes`,
    when given, receives (uid, "new" / "updated" / "unchanged") per event, in report order.
    """
    stamp = utc_stamp(now)
    fresh = set() if fresh is None else fresh
    aid = article_id(article_events.article)
    article_events = _scrubbed(article_events)
    article = article_events.article
    source = scrub.line(source)
    known = has_article(db, aid)
    published = article.published.date.isoformat() if article.published.date else None
    if not known:
        db.execute(
            "INSERT INTO articles (id, source, source_url, headline, subheadlines, byline, dateline,"
            " published, published_method, text, ingested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                aid,
                source,
                source_url,
                article.headline,
                json.dumps(article.subheadlines, ensure_ascii=False),
                article.byline,
                article.dateline,
                published,
                article.published.method,
                article.text,
                stamp,
            ],
        )
    counts = Counts()
    for event in article_events.events:
        uid, outcome = _save_event(db, event, aid, published, known, stamp, fresh)
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        if outcomes is not None:
            outcomes.append((uid, outcome))
    return counts


def _scrubbed(article_events: ArticleEvents) -> ArticleEvents:
    """The article and its events with controls and odd line breaks replaced, offsets unchanged."""
    article = article_events.article
    clean = replace(
        article,
        headline=scrub.line(article.headline),
        body=scrub.block(article.body),
        subheadlines=[scrub.line(s) for s in article.subheadlines],
        byline=scrub.line(article.byline),
        dateline=scrub.line(article.dateline),
    )
    events = [
        replace(ev, title=scrub.line(ev.title), location=scrub.line(ev.location), evidence=scrub.block(ev.evidence))
        for ev in article_events.events
    ]
    return ArticleEvents(clean, events)


def _save_event(
    db: Database, event: Event, aid: str, published: str | None, known: bool, stamp: str, fresh: set[str]
) -> tuple[str, str]:
    """Insert or merge one reported event; returns its uid and "new", "updated" or "unchanged"."""
    key = event_key(event.title)
    row = _find_match(db, key, event.interval.start_date)
    if row is None:
        uid = _insert_event(db, key, event, published, stamp)
        _add_mention(db, uid, aid, event, stamp)
        fresh.add(uid)
        return uid, "new"
    uid = row["uid"]
    _add_mention(db, uid, aid, event, stamp)
    if known or (published or "") < (row["facts_published"] or ""):
        return uid, "unchanged"  # a report we have already applied, or one older than the facts we hold
    old = _Facts(
        row["start"], row["end"], bool(row["all_day"]), row["precision"], row["location"], row["status"]
    )
    new = _facts_of(event, old)
    if new == old:
        if published != row["facts_published"]:
            db.execute("UPDATE events SET facts_published = ? WHERE uid = ?", [published, uid])
        return uid, "unchanged"
    bump = 0 if uid in fresh else 1
    db.execute(
        'UPDATE events SET start = ?, "end" = ?, all_day = ?, precision = ?, location = ?, status = ?,'
        " sequence = sequence + ?, updated = CASE WHEN ? THEN ? ELSE updated END, facts_published = ?"
        " WHERE uid = ?",
        [new.start, new.end, int(new.all_day), new.precision, new.location, new.status,
         bump, bump, stamp, published, uid],
    )
    fresh.add(uid)
    return uid, "updated"


def _insert_event(db: Database, key: str, event: Event, published: str | None, stamp: str) -> str:
    """Insert a new event under the first free uid its key and start give; returns the uid."""
    facts = _facts_of(event)
    for attempt in range(1000):
        uid = make_uid(key, event.interval.start_date, attempt)
        inserted = db.execute(
            'INSERT INTO events (uid, key, title, category, start, "end", all_day, precision, location,'
            " status, sequence, created, updated, facts_published)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
            [uid, key, event.title, event.category, facts.start, facts.end, int(facts.all_day),
             facts.precision, facts.location, facts.status, stamp, stamp, published],
        ).rowcount
        if inserted:
            return uid
    raise RuntimeError(f"no free uid for {key!r} starting {event.interval.start_date}")


def _find_match(db: Database, key: str, start: dt.date) -> dict | None:
    """The stored event with this key whose start is nearest to `start`, within the merge window."""
    best, best_gap = None, None
    for record in _records(db.execute("SELECT * FROM events WHERE key = ?", [key])):
        gap = abs((dt.date.fromisoformat(record["start"][:10]) - start).days)
        if gap <= MERGE_WINDOW_DAYS and (best_gap is None or gap < best_gap):
            best, best_gap = record, gap
    return best


def _add_mention(db: Database, uid: str, aid: str, event: Event, stamp: str) -> None:
    db.execute(
        'INSERT OR IGNORE INTO mentions (event_uid, article_id, evidence, start, "end", created)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        [uid, aid, event.evidence, event.evidence_start, event.evidence_end, stamp],
    )


def _records(cursor: sqlite3.Cursor) -> list[dict]:
    """Rows as dicts keyed by column name, whatever columns later migrations add."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# --- queries ---------------------------------------------------------------------------------


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _has_fts(db: Database) -> bool:
    return db["events_fts"].exists() and db["mentions_fts"].exists()


def _search_clause(db: Database, q: str, params: list) -> str:
    """SQL that keeps events whose title, location or evidence contains every word of `q`."""
    clauses = []
    fts = _has_fts(db)
    for term in q.split():
        if fts and len(term) >= TRIGRAM_MIN_CHARS:
            phrase = '"' + term.replace('"', '""') + '"'
            clauses.append(
                "(e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
                " OR e.uid IN (SELECT m.event_uid FROM mentions m"
                " JOIN mentions_fts f ON f.rowid = m.rowid WHERE mentions_fts MATCH ?))"
            )
            params.extend([phrase, phrase])
        else:
            pattern = _like(term)
            clauses.append(
                "(e.title LIKE ? ESCAPE '\\' OR e.location LIKE ? ESCAPE '\\'"
                " OR e.uid IN (SELECT event_uid FROM mentions WHERE evidence LIKE ? ESCAPE '\\'))"
            )
            params.extend([pattern, pattern, pattern])
    return " AND ".join(clauses)


_ORDERS = {
    "start": "e.start, e.title, e.uid",
    "-start": "e.start DESC, e.title, e.uid",
    "-updated": "e.updated DESC, e.created DESC, e.start, e.uid",
}
"""EventFilter.order: which events a limit keeps, and the order they come in."""


def events_query_plan(db: Database, flt: EventFilter) -> list[str]:
    """The EXPLAIN QUERY PLAN details of the events query `query_events` runs for `flt`
    (its SQL captured from a trace), for the index tests and the query benchmark."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        query_events(db, flt)
    finally:
        db.conn.set_trace_callback(None)
    sql = next(s for s in statements if s.lstrip().startswith("SELECT e.* FROM events e"))
    return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]


def query_events(db: Database, flt: EventFilter) -> list[StoredEvent]:
    """Events matching every field the filter sets, in the filter's order (by start), with their mentions."""
    where, params = [], []
    if flt.category:
        where.append("e.category = ?")
        params.append(flt.category)
    if flt.status:
        where.append("e.status = ?")
        params.append(flt.status)
    if flt.location:
        where.append("e.location LIKE ? ESCAPE '\\'")
        params.append(_like(flt.location))
    if flt.start:
        where.append('e."end" >= ?')  # ISO strings: a timed end on that day sorts after the bare date
        params.append(flt.start.isoformat())
        earliest = _earliest_start(db, flt.start)
        if earliest:
            where.append("e.start >= ?")  # bounds the events_start_end range on both sides (migration 2)
            params.append(earliest)
    if flt.end:
        where.append("e.start < ?")  # anything starting on `end`, timed or not, sorts before the next day
        params.append((flt.end + dt.timedelta(days=1)).isoformat())
    if flt.q and flt.q.split():
        where.append(_search_clause(db, flt.q, params))
    sql = "SELECT e.* FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    order = getattr(flt, "order", "start")
    if order not in _ORDERS:
        raise ValueError(f"unknown order {order!r}; use one of {', '.join(_ORDERS)}")
    sql += " ORDER BY " + _ORDERS[order]
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(max(flt.limit, 0))
    return _stored(db, _records(db.execute(sql, params)))


def _earliest_start(db: Database, first_day: dt.date) -> str | None:
    """The earliest start of an event that ends on or after `first_day`, from the longest event stored."""
    row = db.execute("SELECT value FROM meta WHERE key = 'longest_days'").fetchone()
    if row is None or row[0] is None:
        return None
    try:
        return (first_day - dt.timedelta(days=int(row[0]))).isoformat()
    except OverflowError:  # an endless event: no bound
        return None


def past_events(db: Database, before: dt.date, limit: int = 50) -> list[StoredEvent]:
    """Events that ended before `before`, most recent first: the record of what took place."""
    rows = _records(db.execute(
        'SELECT * FROM events WHERE "end" < ? ORDER BY "end" DESC, start DESC, uid LIMIT ?',
        [before.isoformat(), limit],
    ))
    return _stored(db, rows)


def get_event(db: Database, uid: str) -> StoredEvent | None:
    """One event with its mentions, or None."""
    found = _stored(db, _records(db.execute("SELECT * FROM events WHERE uid = ?", [uid])))
    return found[0] if found else None


def get_article(db: Database, article_id: str) -> dict | None:
    """One stored article as a plain dict (subheadlines decoded), or None."""
    found = _records(db.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not found:
        return None
    record = found[0]
    record["subheadlines"] = json.loads(record["subheadlines"])
    return record


def recent_changes(db: Database, limit: int) -> list[StoredEvent]:
    """The most recently created or revised events, newest first (what feeds announce)."""
    rows = _records(db.execute(
        "SELECT * FROM events ORDER BY updated DESC, created DESC, uid LIMIT ?", [limit]
    ))
    return _stored(db, rows)


def has_article(db: Database, article_id: str) -> bool:
    """Whether this article (by content hash) is already stored."""
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def count_events(db: Database) -> int:
    return db.execute("SELECT count(*) FROM events").fetchone()[0]


def data_version(db: Database) -> tuple[str, dt.datetime]:
    """A short tag that changes whenever events or mentions change, and when the data last changed (UTC)."""
    changes, updated, mentioned = db.execute(
        "SELECT (SELECT value FROM meta WHERE key = 'changes'),"
        " (SELECT max(updated) FROM events), (SELECT max(created) FROM mentions)"
    ).fetchone()
    tag = hashlib.sha1(f"{schema_version(db)}:{changes}:{updated}:{mentioned}".encode()).hexdigest()[:16]
    stamps = [s for s in (updated, mentioned) if s]
    if not stamps:
        return tag, EPOCH
    return tag, dt.datetime.strptime(max(stamps), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


def _stored(db: Database, records: list[dict]) -> list[StoredEvent]:
    """Event rows as StoredEvents, with all their mentions fetched in one query."""
    mentions = _mentions_for(db, [r["uid"] for r in records])
    stored_fields = {f.name for f in fields(StoredEvent)}
    events = []
    for record in records:
        values = {k: v for k, v in record.items() if k in stored_fields}
        values["all_day"] = bool(values["all_day"])
        events.append(StoredEvent(**values, mentions=mentions.get(record["uid"], [])))
    return events


def _mentions_for(db: Database, uids: list[str]) -> dict[str, list[Mention]]:
    if not uids:
        return {}
    rows = db.execute(
        'SELECT m.event_uid, m.article_id, a.source, a.headline, a.published, m.evidence, m.start, m."end",'
        " a.source_url FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.event_uid IN (SELECT value FROM json_each(?))"
        " ORDER BY m.event_uid, a.published IS NULL, a.published, a.ingested, m.article_id, m.start",
        [json.dumps(uids)],
    ).fetchall()
    found: dict[str, list[Mention]] = {}
    for uid, aid, source, headline, published, evidence, start, end, source_url in rows:
        # `source` is where the article can be found: its URL when it has one, else the file name.
        mention = Mention(aid, source_url or source, headline, published, evidence, start, end, source_url)
        found.setdefault(uid, []).append(mention)
    return found


def event_uids(db: Database) -> list[str]:
    """Every event's uid, in start order (what an export writes one calendar for)."""
    return [row[0] for row in db.execute("SELECT uid FROM events ORDER BY start, uid").fetchall()]


def event_months(db: Database) -> list[tuple[int, int]]:
    """The months in which an event starts or ends (what an export writes a month page for)."""
    rows = db.execute("SELECT substr(start, 1, 7) FROM events UNION SELECT substr(end, 1, 7) FROM events").fetchall()
    return sorted((int(m[:4]), int(m[5:7])) for (m,) in rows if m)


def backup(db: Database, dest: str | Path) -> int:
    """Copy the database to `dest` with SQLite's online backup; `dest` appears whole or not at all."""
    dest = Path(dest)
    source = db.execute("PRAGMA database_list").fetchone()[2]
    if source and dest.exists() and dest.resolve() == Path(source).resolve():
        # Renaming a copy over the live file would orphan its -wal file: the next open could corrupt it.
        raise ValueError(f"{dest} is the database itself; back up to another file")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    copied = 0

    def progress(_status: int, remaining: int, total: int) -> None:
        nonlocal copied
        copied = total - remaining

    target = sqlite3.connect(partial)
    try:
        db.conn.backup(target, progress=progress)
    finally:
        target.close()
    partial.replace(dest)
    return copied


def events_of_article(db: Database, article_id: str) -> list[StoredEvent]:
    """The events an article reports, in start order, with all their mentions."""
    rows = _records(db.execute(
        "SELECT * FROM events WHERE uid IN (SELECT event_uid FROM mentions WHERE article_id = ?)"
        " ORDER BY start, title, uid",
        [article_id],
    ))
    return _stored(db, rows)


def article_ids(db: Database) -> list[str]:
    """Every stored article's id, oldest ingest first."""
    return [row[0] for row in db.execute("SELECT id FROM articles ORDER BY ingested, id").fetchall()]
