"""The per-event full-text documents (`event_search`), kept current by triggers, or caught up once per group of files.

SQLite opens a statement savepoint for every write inside a transaction that fires triggers, and FTS5
writes its pending terms to disk at every savepoint: indexed row by row, a group of ingested files
writes a tiny index segment per event and per mention (most of an ingest's storing time, issue 19).
`deferred` pauses the triggers inside one transaction: they note which events changed, and their
documents are rebuilt once before the commit, so no other connection ever sees the index behind.
The indexes of events and of mentions that versions 1 and 7 kept (`install_triggers`) are gone since
version 10 (`_drop_unread_search_indexes`): no query read them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from .schema import EVENT_DOCUMENT, document_key, savepoint

SEARCHED: dict[str, tuple[str, ...]] = {"events": ("title", "location"), "mentions": ("evidence",)}
"""The columns each table's full-text index held (versions 1 to 9; dropped by version 10)."""

PAUSED = "fts_paused"
"""A table with one row while the triggers only note changes (inside one transaction, never committed so)."""


def _pending(table: str) -> str:
    return f"{table}_fts_pending"


def install_triggers(db: Database) -> None:
    """The migration `_cheaper_ingest_writes` (version 7): triggers that index at once, or note the change while
    paused; an event's index is rewritten only when its title or place is written. Kept for stores migrated from
    before version 7: version 10 drops these indexes and triggers again."""
    if not db["events_fts"].exists():  # no trigram tokenizer, no full-text index
        return
    db.execute(f"CREATE TABLE {PAUSED} (paused INTEGER NOT NULL)")
    now, later = f"WHEN NOT EXISTS (SELECT 1 FROM {PAUSED})", f"WHEN EXISTS (SELECT 1 FROM {PAUSED})"
    for table, columns in SEARCHED.items():
        fts, pending = f"{table}_fts", _pending(table)
        cols = ", ".join(f"[{c}]" for c in columns)
        new = ", ".join(f"new.[{c}]" for c in columns)
        old = ", ".join(f"old.[{c}]" for c in columns)
        nulls = ", ".join("NULL" for _ in columns)
        db.execute(f"CREATE TABLE [{pending}] (seq INTEGER PRIMARY KEY, rid INTEGER NOT NULL,"
                   f" indexed INTEGER NOT NULL, {cols})")
        for op in ("ai", "ad", "au"):
            db.execute(f"DROP TRIGGER IF EXISTS [{table}_{op}]")
        delete_old = f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) VALUES ('delete', old.rowid, {old});"
        insert_new = f"INSERT INTO [{fts}] (rowid, {cols}) VALUES (new.rowid, {new});"
        note_old = f"INSERT INTO [{pending}] (rid, indexed, {cols}) VALUES (old.rowid, 1, {old});"
        note_new = f"INSERT INTO [{pending}] (rid, indexed, {cols}) VALUES (new.rowid, 0, {nulls});"
        updated = f"UPDATE OF {cols} ON [{table}]"
        for name, when, guard, body in (
            ("ai", f"INSERT ON [{table}]", now, insert_new),
            ("ad", f"DELETE ON [{table}]", now, delete_old),
            ("au", updated, now, delete_old + " " + insert_new),
            ("ai_later", f"INSERT ON [{table}]", later, note_new),
            ("ad_later", f"DELETE ON [{table}]", later, note_old),
            ("au_later", updated, later, note_old + " " + note_new),
        ):
            db.execute(f"CREATE TRIGGER [{table}_{name}] AFTER {when} {guard} BEGIN {body} END")


EVENT_SEARCH_PENDING = "event_search_pending"
"""The events whose search document (`event_search`) is to be rebuilt when the triggers are paused."""
EVENT_SEARCH_STALE = "event_search_stale"
"""The document keys to delete when the paused triggers catch up: every key a noted event had while noted, which
includes its document's (the key before the transaction), since a change of start is noted with the old start."""


def _of_mentions(uids: str) -> tuple[str, str]:
    """The keys and rowids of the events these uids name."""
    return (f"SELECT {document_key('e')} FROM events e WHERE e.uid IN ({uids})",
            f"SELECT rowid FROM events WHERE uid IN ({uids})")


EVENT_SEARCH_TRIGGERS: dict[str, tuple[str, str | None, str]] = {
    # trigger: (when, the keys of the documents it replaces, the rowids of the events it rebuilds), as SELECTs
    "events_search_ai": ("INSERT ON events", None, "SELECT new.rowid"),
    "events_search_au": ("UPDATE OF uid, title, location, start ON events",
                         f"SELECT {document_key('old')} UNION SELECT {document_key('new')}",
                         "SELECT old.rowid UNION SELECT new.rowid"),
    "events_search_ad": ("DELETE ON events", f"SELECT {document_key('old')}", "SELECT old.rowid"),
    "mentions_search_ai": ("INSERT ON mentions", *_of_mentions("new.event_uid")),
    "mentions_search_au": ("UPDATE OF event_uid, evidence ON mentions", *_of_mentions("old.event_uid, new.event_uid")),
    "mentions_search_ad": ("DELETE ON mentions", *_of_mentions("old.event_uid")),
}
"""The triggers that keep each event's document current (and, while paused, their `_later` twins that note it)."""


def install_event_search_triggers(db: Database) -> None:
    """The migrations `_add_event_search` and `_key_search_documents_by_start`: triggers that rebuild an event's search
    document, under its key, when the event (its start included) or one of its mentions changes, or, while paused,
    note the event and its keys so the catch-up rebuilds it once."""
    paused = db[PAUSED].exists()
    if paused:
        db.execute(f"CREATE TABLE {EVENT_SEARCH_PENDING} (rid INTEGER PRIMARY KEY)")
        db.execute(f"CREATE TABLE {EVENT_SEARCH_STALE} (key INTEGER PRIMARY KEY)")
    now = f"WHEN NOT EXISTS (SELECT 1 FROM {PAUSED})" if paused else ""
    for name, (when, keys, rows) in EVENT_SEARCH_TRIGGERS.items():
        delete = f"DELETE FROM event_search WHERE rowid IN ({keys}); " if keys else ""
        refresh = f"{delete}INSERT INTO event_search (rowid, body) {EVENT_DOCUMENT} WHERE e.rowid IN ({rows});"
        db.execute(f"CREATE TRIGGER {name} AFTER {when} {now} BEGIN {refresh} END")
        if paused:
            stale = f" INSERT OR IGNORE INTO {EVENT_SEARCH_STALE} (key) {keys};" if keys else ""
            db.execute(f"CREATE TRIGGER {name}_later AFTER {when} WHEN EXISTS (SELECT 1 FROM {PAUSED})"
                       f" BEGIN INSERT OR IGNORE INTO {EVENT_SEARCH_PENDING} (rid) {rows};{stale} END")


def _indexed(db: Database) -> bool:
    """Whether the store has documents whose triggers can pause (none without the trigram tokenizer)."""
    return db[EVENT_SEARCH_PENDING].exists()


@contextmanager
def deferred(db: Database) -> Iterator[None]:
    """Inside the open transaction: changes noted, the index caught up at the end. An error undoes what was
    written meanwhile (a savepoint), so the pause can never be committed whatever the caller does next. A
    store without full-text indexes (no trigram tokenizer) needs nothing."""
    if not db.conn.in_transaction:
        raise RuntimeError("deferring the search index needs an open transaction")
    if not _indexed(db):
        yield
        return
    with savepoint(db, "search_deferred"):
        db.execute(f"INSERT INTO {PAUSED} (paused) VALUES (1)")
        yield
        catch_up(db)
        db.execute(f"DELETE FROM {PAUSED}")


def catch_up(db: Database) -> None:
    """Rebuild, once, the search document of each event noted while paused, from its rows as they are now (an
    event deleted since is left out), under its key now (a key noted that has no document deletes nothing)."""
    db.execute(f"DELETE FROM event_search WHERE rowid IN (SELECT key FROM {EVENT_SEARCH_STALE})")
    db.execute(f"INSERT INTO event_search (rowid, body) {EVENT_DOCUMENT}"
               f" WHERE e.rowid IN (SELECT rid FROM {EVENT_SEARCH_PENDING})")
    db.execute(f"DELETE FROM {EVENT_SEARCH_PENDING}")
    db.execute(f"DELETE FROM {EVENT_SEARCH_STALE}")
