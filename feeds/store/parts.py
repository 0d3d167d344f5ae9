"""Rendered event parts kept in the store (table event_parts, migration `_add_event_parts`), by uid and variant.

The store's triggers delete an event's parts whenever the event, one of its mentions or one of their
articles changes, so a part found is the current event's. Parts are written by the reader that rendered
them, in a short write of its own: what they depend on (the site URL a request names, the language) is
known only when a calendar is asked for, and only the events served are rendered. That write is
skipped, never waited for, when another writer holds the store, and dropped when any event changed
since the events it rendered were read (the change counter), so it can never store a stale part.
"""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database

from ..models import EventPart

WRITE_WAIT_MS = 50
"""How long a reader waits for the write lock to store parts before leaving them for the next request."""


def change_count(db: Database) -> int:
    """The store's change counter (meta `changes`, bumped by every write to events and mentions)."""
    return db.execute("SELECT value FROM meta WHERE key = 'changes'").fetchone()[0]


def stored_parts(db: Database, uids: list[str], variant: str, fmt: str) -> dict[str, EventPart]:
    """The parts kept for these uids in this variant, rendered by code of format `fmt`, by uid (a part of
    other code is left out, and replaced when saved again: format is not in the key)."""
    rows = db.execute(
        "SELECT p.uid, p.day, p.start, p.updated, p.timed, p.body FROM json_each(?) j"
        " CROSS JOIN event_parts p ON p.uid = j.value AND p.variant = ? WHERE p.format = ?",
        [json.dumps(sorted(uids)), variant, fmt],  # in index order: each lookup starts near the last one
    ).fetchall()
    return {row[0]: EventPart(row[0], row[1], row[2], row[3], bool(row[4]), row[5]) for row in rows}


def save_parts(db: Database, variant: str, fmt: str, parts: list[EventPart], changes: int) -> bool:
    """Keep these parts, rendered from events read when the change counter was `changes`; False when not kept
    (the events changed since, another writer held the store, or the file is read-only)."""
    conn = db.conn
    if not parts or conn.in_transaction:
        return False
    waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {WRITE_WAIT_MS}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if change_count(db) != changes:
                conn.execute("ROLLBACK")
                return False
            conn.executemany(
                "INSERT OR REPLACE INTO event_parts (uid, variant, format, day, start, updated, timed, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(p.uid, variant, fmt, p.day, p.start, p.updated, int(p.timed), p.body) for p in parts],
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return True
    except sqlite3.OperationalError:  # locked by a writer, or a read-only file: the parts wait for the next render
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {waited}")

