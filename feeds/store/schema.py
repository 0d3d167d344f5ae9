"""The database file: opening it (WAL, busy timeout), transactions, named migrations, backups."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
"""How long a writer waits for another writer's lock before giving up."""


HAS_TRIGRAM = sqlite3.sqlite_version_info >= (3, 34, 0)
"""FTS5's trigram tokenizer (SQLite 3.34+) indexes Chinese text, which has no spaces between words."""


TRIGRAM_MIN_CHARS = 3
"""A trigram index cannot answer shorter search terms; those fall back to LIKE."""


MMAP_BYTES = 2**31
"""How much of the file a connection reads through a memory map (SQLite caps it at its build's maximum, 2 GB here):
a request opens a new connection, whose own page cache starts empty, and reads its pages from the OS's cache by
pointer instead of a copy each (half the CPU of reading 500 events with their mentions at 1M events, issue 19)."""


class SchemaTooNew(RuntimeError):
    """The database was written by a newer version of feeds than the one running."""


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) the database at `path`, in WAL mode, migrated to the current schema."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn, execute_plugins=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            _use_wal(db)
        migrate(db)
    except BaseException:  # a foreign, corrupted or newer file: no connection left open on it
        conn.close()
        raise
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


@contextmanager
def savepoint(db: Database, name: str = "part") -> Iterator[Database]:
    """Part of the open transaction that fails alone: on an error it is undone and the rest kept.

    An error SQLite answered by rolling back the whole transaction (a full disk, an I/O error) leaves no
    savepoint to return to: it goes to the caller, whose transaction is gone too.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("a savepoint needs an open transaction")
    db.conn.execute(f"SAVEPOINT {name}")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute(f"ROLLBACK TO {name}")
            db.conn.execute(f"RELEASE {name}")
        raise
    db.conn.execute(f"RELEASE {name}")


BULK_CACHE_KIB = 100_000
"""The page cache of a connection that writes many groups in a row (an ingest of a folder): the event, mention and
search indexes it touches stay in memory instead of being read back and spilled between groups."""
BULK_CHECKPOINT_PAGES = 20_000
"""WAL pages a bulk writer lets gather before SQLite copies them into the database file: a page written by many
groups is copied once instead of once every 1,000 pages (a 14% faster writer on 10,000 articles, issue 19)."""


@contextmanager
def bulk_writes(db: Database) -> Iterator[Database]:
    """Many write transactions in a row on this connection: a bigger page cache and fewer WAL checkpoints, then
    SQLite's defaults back (the next commit checkpoints what gathered)."""
    cache = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    checkpoint = db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    db.conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    db.conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
    try:
        yield db
    finally:
        db.conn.execute(f"PRAGMA cache_size = {cache}")
        db.conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")


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


def _add_sources(db: Database) -> None:
    """Version 3: the news sites fetched (`feeds sources`), and each page fetched from them (issue 16).

    `sources` holds a feed's or page's schedule, HTTP validators and last outcome; `source_items`
    one row per page address, with its validators, the hash of its main text and of what its feed
    said of it, so a page is neither asked for again while its feed entry stands, nor downloaded
    (conditional GET) nor ingested (same hash) twice. Removing a source removes
    its items; the articles and events it brought stay.
    """
    db.execute(
        """CREATE TABLE sources (
            name TEXT PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'unknown',
            every_seconds INTEGER NOT NULL,
            published_from TEXT NOT NULL DEFAULT 'feed',
            added TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_fetch TEXT,
            last_status TEXT NOT NULL DEFAULT 'never',
            last_error TEXT NOT NULL DEFAULT '',
            last_counts TEXT NOT NULL DEFAULT '{}',
            last_problems TEXT NOT NULL DEFAULT '[]',
            failures INTEGER NOT NULL DEFAULT 0,
            next_due TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE source_items (
            url TEXT PRIMARY KEY,
            source TEXT NOT NULL REFERENCES sources (name) ON DELETE CASCADE,
            etag TEXT,
            last_modified TEXT,
            content_hash TEXT,
            entry_hash TEXT,
            article_id TEXT,
            status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            fetched TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX source_items_source ON source_items (source)")
    db.execute("CREATE INDEX source_items_hash ON source_items (content_hash)")
    db.execute("CREATE INDEX articles_source ON articles (source)")


def _add_reports(db: Database) -> None:
    """Version 4: every report kept, events derived from them (issue 14); see `reports.migrate_mentions`."""
    from .reports import migrate_mentions

    statements = [
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id),
            anchor TEXT NOT NULL,
            family TEXT NOT NULL,
            parent_family TEXT,
            parent_anchor TEXT,
            title TEXT NOT NULL,
            category TEXT NOT NULL,
            start TEXT NOT NULL,
            "end" TEXT NOT NULL,
            all_day INTEGER NOT NULL,
            precision TEXT NOT NULL,
            location TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'confirmed',
            opened TEXT,
            evidence TEXT NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            created TEXT NOT NULL,
            event_uid TEXT,
            UNIQUE (article_id, anchor)
        )""",
        "CREATE INDEX reports_family ON reports (family)",
        "CREATE INDEX reports_parent_family ON reports (parent_family)",
        "CREATE INDEX reports_article ON reports (article_id)",
        """CREATE TABLE retractions (
            uid TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            article_id TEXT,
            successor TEXT,
            retracted TEXT NOT NULL
        )""",
        "ALTER TABLE articles ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE articles ADD COLUMN published_year INTEGER",
        "UPDATE articles SET published_year = CAST(substr(published, 1, 4) AS INTEGER) WHERE published IS NOT NULL",
        "CREATE INDEX articles_extractor_version ON articles (extractor_version)",
        "ALTER TABLE events ADD COLUMN previous TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE events ADD COLUMN opened TEXT",
        "ALTER TABLE events ADD COLUMN parent_uid TEXT",
    ]
    for statement in statements:
        db.execute(statement)
    migrate_mentions(db)


def _add_flags(db: Database) -> None:
    """Version 5: how sure each report's and each event's dates are (EventFlag values, a JSON list)."""
    db.execute("ALTER TABLE reports ADD COLUMN flags TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE events ADD COLUMN flags TEXT NOT NULL DEFAULT '[]'")


def _add_editors(db: Database) -> None:
    """Version 6: editors and what they decide, apart from the extracted facts (issue 15).

    `corrections` hold an editor's value per event and field with the extractor's value it replaced
    (`basis`: a newer report that says otherwise is a conflict, not applied over it); `event_pins`
    put reports in the event an editor merged or split them into; `reviews` when an event was last
    confirmed; `event_audit` every change of an event. Events gain the public `note`, `hidden`, and
    `extracted` (the extractor's facts as JSON, kept while corrections differ from them).
    """
    statements = [
        """CREATE TABLE editors (
            name TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE editor_tokens (
            id INTEGER PRIMARY KEY,
            editor TEXT NOT NULL REFERENCES editors (name) ON DELETE CASCADE,
            token_hash TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            revoked TEXT
        )""",
        """CREATE TABLE corrections (
            uid TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            basis TEXT NOT NULL,
            editor TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (uid, field)
        )""",
        """CREATE TABLE event_pins (
            article_id TEXT NOT NULL,
            anchor TEXT NOT NULL,
            uid TEXT NOT NULL,
            editor TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (article_id, anchor)
        )""",
        "CREATE INDEX event_pins_uid ON event_pins (uid)",
        """CREATE TABLE reviews (uid TEXT PRIMARY KEY, editor TEXT NOT NULL, at TEXT NOT NULL)""",
        """CREATE TABLE event_audit (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT NOT NULL DEFAULT '{}',
            after TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX event_audit_uid ON event_audit (uid, id)",
        "ALTER TABLE events ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE events ADD COLUMN extracted TEXT",
    ]
    for statement in statements:
        db.execute(statement)


def _cheaper_ingest_writes(db: Database) -> None:
    """Version 7: what storing an ingested file writes costs less (issue 19): full-text index triggers that a
    group of files can pause and catch up once (`search_index`), and the parts of a retracted event found by
    an index instead of a scan of every event (a partial one: most events are no part)."""
    from .search_index import install_triggers

    install_triggers(db)
    db.execute("CREATE INDEX events_parent ON events (parent_uid) WHERE parent_uid IS NOT NULL")


_CHANGED_MENTION_FIELDS = " OR ".join(f"old.{column} IS NOT new.{column}" for column in
                                     ("id", "source", "source_url", "headline", "published", "ingested"))
"""An article's columns that its mentions show or are ordered by: a rewrite of the others changes no event."""


def _add_event_revisions(db: Database) -> None:
    """Version 8 (named `_add_event_revisions`): a revision per event, new whenever the event, one of its mentions
    or one of their articles changes (issue 19). Rendered parts are kept apart from the store (store/parts.py)
    under the revision they were rendered at, so writing them changes nothing here; an event without a row is
    at revision 0, which the counter never gives."""
    db.execute("CREATE TABLE event_revisions (uid TEXT PRIMARY KEY, revision INTEGER NOT NULL)")
    db.execute("INSERT INTO meta (key, value) VALUES ('revision', 0)")
    bump = ("UPDATE meta SET value = value + 1 WHERE key = 'revision'; "
            "INSERT INTO event_revisions (uid, revision) SELECT uid, (SELECT value FROM meta WHERE key = 'revision')"
            " FROM ({uids}) WHERE uid IS NOT NULL ON CONFLICT (uid) DO UPDATE SET revision = excluded.revision;")
    triggers = {
        "events_revision_ai": ("INSERT ON events", "SELECT new.uid AS uid"),
        "events_revision_au": ("UPDATE ON events", "SELECT old.uid AS uid UNION SELECT new.uid"),
        "events_revision_ad": ("DELETE ON events", "SELECT old.uid AS uid"),
        "mentions_revision_ai": ("INSERT ON mentions", "SELECT new.event_uid AS uid"),
        "mentions_revision_au": ("UPDATE ON mentions", "SELECT old.event_uid AS uid UNION SELECT new.event_uid"),
        "mentions_revision_ad": ("DELETE ON mentions", "SELECT old.event_uid AS uid"),
        "articles_revision_au": (f"UPDATE ON articles WHEN {_CHANGED_MENTION_FIELDS}",
                                 "SELECT DISTINCT event_uid AS uid FROM mentions WHERE article_id IN (old.id, new.id)"),
    }
    for name, (when, uids) in triggers.items():
        db.execute(f"CREATE TRIGGER {name} AFTER {when} BEGIN {bump.format(uids=uids)} END")


DAY_SHIFT = 32
"""A search document's key is its event's start day (as YYYYMMDD) shifted left this far, plus the event's rowid."""
EVENT_ROWID_MASK = (1 << DAY_SHIFT) - 1
"""What of a document's key is the event's rowid (events never reach 2³² rows)."""


def document_key(event: str) -> str:
    """SQL for the key of the search document of the events row `event` (an alias, `new` or `old`): the start's day,
    then the rowid, so FTS5, which yields its matches in key order, yields them by start day (migration 14)."""
    return f"((CAST(replace(substr({event}.start, 1, 10), '-', '') AS INTEGER) << {DAY_SHIFT}) + {event}.rowid)"


def day_key(day: str) -> int:
    """The lowest document key of a day given as an ISO date ('2026-12-01'): document_key's day part."""
    return int(day[:10].replace("-", "")) << DAY_SHIFT


EVENT_DOCUMENT = (f"SELECT {document_key('e')}, e.title || char(10) || e.location || coalesce((SELECT char(10)"
                  " || group_concat(m.evidence, char(10)) FROM mentions m WHERE m.event_uid = e.uid), '')"
                  " FROM events e")
"""An event's full-text document, under its key (document_key): its title, place and every mention's evidence, a line
each (a search word has no spaces, so it never matches across two of them)."""


def _add_event_search(db: Database) -> None:
    """Version 9 (named `_add_event_search`): one full-text document per event under the event's own rowid
    (EVENT_DOCUMENT, kept by triggers), so a search by several words is one FTS query that yields the matching
    events, instead of every matching mention joined to its event and the events sorted (issue 19)."""
    if not HAS_TRIGRAM:
        return
    from .search_index import install_event_search_triggers

    db.execute("CREATE VIRTUAL TABLE event_search USING FTS5 (body, tokenize='trigram')")
    db.execute(f"INSERT INTO event_search (rowid, body) {EVENT_DOCUMENT}")
    install_event_search_triggers(db)


def _drop_unread_search_indexes(db: Database) -> None:
    """Version 10 (named `_drop_unread_search_indexes`): the full-text indexes of events' titles and places and of
    mentions' evidence (versions 1 and 7) go, with their triggers and the rows they noted while paused: every
    search reads the per-event documents (`event_search`, version 9), and keeping the two others current cost
    every ingest writes no query reads (issue 19). The pause itself (`fts_paused`) stays: `event_search` uses it."""
    from .search_index import SEARCHED

    for table in SEARCHED:
        for op in ("ai", "ad", "au", "ai_later", "ad_later", "au_later"):
            db.execute(f"DROP TRIGGER IF EXISTS [{table}_{op}]")
        db.execute(f"DROP TABLE IF EXISTS [{table}_fts_pending]")
        db.execute(f"DROP TABLE IF EXISTS [{table}_fts]")


def _add_start_order_index(db: Database) -> None:
    """Version 11 (named `_add_start_order_index`): events indexed in the order a calendar lists them (start, title,
    uid), with their end and hidden flag, replacing `events_start_end` (version 2): a window or a walk by start
    then reads its events in the answer's order and stops at the limit, instead of sorting each run of equal
    starts (`USE TEMP B-TREE FOR RIGHT PART OF ORDER BY`), and skips events that ended before the window or are
    hidden without reading their rows (issue 19)."""
    db.execute('CREATE INDEX events_start_order ON events (start, title, uid, "end", hidden)')
    db.execute("DROP INDEX events_start_end")


def _add_article_shown_index(db: Database) -> None:
    """Version 12 (named `_add_article_shown_index`): what a mention shows of its article (and orders mentions by),
    in an index beside the article's id: reading an answer's mentions then never reads an article's row, whose
    text comes before `ingested` (a long text's overflow pages were read for every mention) (issue 19)."""
    db.execute("CREATE INDEX articles_shown ON articles (id, published, ingested, source, source_url, headline)")


def _add_feed_order(db: Database) -> None:
    """Version 13 (named `_add_feed_order`): the events in a feed's order, newest change first, with the columns its
    window and the hidden flag test, so a feed (its newest N events ending after a day) walks this index and stops at
    N instead of reading every event that ends after that day and sorting them (issue 19)."""
    db.execute('CREATE INDEX events_newest ON events (updated DESC, created DESC, start, uid, "end", hidden)')


def _add_recurrence(db: Database) -> None:
    """Version 14 (named `_add_recurrence`): what days of its span and at what time an event held again and again
    comes round (`每晚19:30上演`): Recurrence.as_json as JSON, NULL for an event held once over its span."""
    db.execute("ALTER TABLE reports ADD COLUMN recurrence TEXT")
    db.execute("ALTER TABLE events ADD COLUMN recurrence TEXT")


def _key_search_documents_by_start(db: Database) -> None:
    """Version 15 (named `_key_search_documents_by_start`): each event's search document is keyed by its start day and
    rowid (document_key) instead of the rowid alone, and rebuilt under that key by triggers that also follow a change
    of start: FTS5 yields matches in key order, so a search by start walks its matches in order and stops at its limit,
    and a window is a range of keys, instead of every match being collected and sorted (issue 19; issue 8's longer
    words at 1M events: 32.6 and 22.1 ms)."""
    if not db["event_search"].exists():  # no trigram tokenizer, no documents
        return
    from .search_index import (
        EVENT_SEARCH_PENDING,
        EVENT_SEARCH_STALE,
        EVENT_SEARCH_TRIGGERS,
        install_event_search_triggers,
    )

    for name in EVENT_SEARCH_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
        db.execute(f"DROP TRIGGER IF EXISTS {name}_later")
    db.execute(f"DROP TABLE IF EXISTS {EVENT_SEARCH_PENDING}")
    db.execute(f"DROP TABLE IF EXISTS {EVENT_SEARCH_STALE}")
    db.execute("DROP TABLE event_search")  # dropped and filled again: FTS5 deletes row by row, reading each document
    db.execute("CREATE VIRTUAL TABLE event_search USING FTS5 (body, tokenize='trigram')")
    db.execute(f"INSERT INTO event_search (rowid, body) {EVENT_DOCUMENT}")
    install_event_search_triggers(db)


MIGRATIONS: list[Callable[[Database], None]] = [_create_initial_schema, _add_window_indexes, _add_sources,
                                              _add_reports, _add_flags, _add_editors, _cheaper_ingest_writes,
                                              _add_event_revisions, _add_event_search, _drop_unread_search_indexes,
                                              _add_start_order_index, _add_article_shown_index, _add_feed_order,
                                              _add_recurrence, _key_search_documents_by_start]
"""Ordered schema changes; the database's user_version counts how many have run. Only ever append."""


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

    try:
        target = sqlite3.connect(partial)
        try:
            db.conn.backup(target, progress=progress)
        finally:
            target.close()
        partial.replace(dest)
    except BaseException:  # a full disk, a read-only folder, an interrupt: leave no half-written copy behind
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return copied
