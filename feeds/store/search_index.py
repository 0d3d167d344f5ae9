"""The full-text indexes of events and mentions, kept current by triggers, or caught up once per group of files.

SQLite opens a statement savepoint for every write inside a transaction that fires triggers, and FTS5
writes its pending terms to disk at every savepoint: indexed row by row, a group of ingested files
writes a tiny index segment per event and per mention (most of an ingest's storing time, issue 19).
`deferred` pauses the triggers inside one transaction: they note which rows changed (and what the
index held of them), and the index is caught up in one statement per table before the commit, so no
other connection ever sees it behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from .schema import savepoint

SEARCHED: dict[str, tuple[str, ...]] = {"events": ("title", "location"), "mentions": ("evidence",)}
"""The columns each table's full-text index holds."""

PAUSED = "fts_paused"
"""A table with one row while the triggers only note changes (inside one transaction, never committed so)."""


def _pending(table: str) -> str:
    return f"{table}_fts_pending"


def install_triggers(db: Database) -> None:
    """The migration `_cheaper_ingest_writes`: triggers that index at once, or note the change while paused; an
    event's index is rewritten only when its title or place is written, not for every change of its row."""
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


def _indexed(db: Database) -> bool:
    return db[PAUSED].exists()


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
    """Bring each index in line with its table for the rows noted: what the index held of a row before the
    first change is removed, and every noted row that exists now is indexed as it is now."""
    for table, columns in SEARCHED.items():
        fts, pending = f"{table}_fts", _pending(table)
        cols = ", ".join(f"[{c}]" for c in columns)
        # of each row's notes the first (SQLite takes the bare columns from the row of min(seq)); noted as
        # indexed, it holds what the index has of the row since before the transaction
        db.execute(f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) SELECT 'delete', rid, {cols} FROM"
                   f" (SELECT rid, indexed, {cols}, min(seq) AS first FROM [{pending}] GROUP BY rid)"
                   " WHERE indexed ORDER BY first")
        db.execute(f"INSERT INTO [{fts}] (rowid, {cols}) SELECT rowid, {cols} FROM [{table}]"
                   f" WHERE rowid IN (SELECT rid FROM [{pending}]) ORDER BY rowid")
        db.execute(f"DELETE FROM [{pending}]")
