"""Rendered event parts, kept in a file beside the store (`<store>-parts`), by uid, variant and event revision.

A part is kept under the revision its event had when it was read (table event_revisions, migration
`_add_event_revisions`) and served only while the event is still at that revision, so any change to the
event, one of its mentions or one of their articles retires its parts at once, and a part rendered from
events read before a change is never served. The reader that rendered a part writes it, into the side
file: what parts depend on (the site URL a request names, the language) is known only when a calendar is
asked for, only events served are rendered, and a write there neither waits for the store's writers nor
changes the store's version, which the response caches of every worker follow. The side file is a cache:
deleting it loses nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from sqlite_utils import Database

from ..models import EventPart, FeedPart

SCHEMA = "parts"
"""The name the side file is attached under."""
WRITE_WAIT_MS = 50
"""How long a reader waits for another reader's write of parts before leaving its own for the next request."""


@dataclass(frozen=True)
class PartsRead:
    """The parts found for a list of uids, and the revisions of those not found (their new parts' key)."""

    found: dict[str, Any]
    missing: dict[str, int]


@dataclass(frozen=True)
class PartTable:
    """A table of kept parts: its name, the columns of a part besides its uid (its record's fields), the record."""

    name: str
    columns: tuple[str, ...]
    record: Callable[..., Any]

    def values(self, part: Any) -> tuple:
        return attrgetter(*self.columns)(part)


CALENDAR = PartTable("event_parts", ("day", "start", "updated", "timed", "body"),
                     lambda uid, day, start, updated, timed, body: EventPart(uid, day, start, updated, bool(timed),
                                                                             body))
"""Calendar VEVENTs."""
FEED = PartTable("feed_items", ("news", "updated", "body"), FeedPart)
"""Feed items: RSS items, Atom entries, JSON Feed items."""


def parts_path(db: Database) -> str | None:
    """Where the store's parts are kept, or None for a store in memory."""
    main = next((row[2] for row in db.execute("PRAGMA database_list").fetchall() if row[1] == "main"), "")
    return f"{main}-parts" if main else None


def attach_parts(db: Database) -> bool:
    """Attach the side file (made if missing); False when there is none to be had (a store in memory, a directory
    that cannot be written, an open transaction)."""
    names = {row[1] for row in db.execute("PRAGMA database_list").fetchall()}
    if SCHEMA in names:
        return True
    path = parts_path(db)
    if path is None or db.conn.in_transaction:
        return False
    try:
        db.execute(f"ATTACH DATABASE ? AS {SCHEMA}", [path])
        if db.execute(f"PRAGMA {SCHEMA}.journal_mode").fetchone()[0] != "wal":
            db.execute(f"PRAGMA {SCHEMA}.journal_mode = WAL")
        db.execute(f"PRAGMA {SCHEMA}.synchronous = NORMAL")  # a cache: a commit lost to a crash is rendered again
        for columns, table in (("day TEXT NOT NULL, start TEXT NOT NULL, updated TEXT NOT NULL, timed INTEGER NOT NULL",
                                 CALENDAR), ("news TEXT NOT NULL, updated TEXT NOT NULL", FEED)):
            # rowid tables: most parts are about 1 KB, more than a WITHOUT ROWID row keeps on its page
            db.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.{table.name} (uid TEXT NOT NULL, variant TEXT NOT NULL,"
                       f" revision INTEGER NOT NULL, format TEXT NOT NULL, {columns}, body BLOB NOT NULL)")
            db.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS {SCHEMA}.{table.name}_key ON {table.name} (uid, variant)")
        db.execute(
            f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.part_variants (
                variant TEXT PRIMARY KEY,
                base_url TEXT NOT NULL,
                lang TEXT NOT NULL,
                saved TEXT NOT NULL
            )"""  # the variants readers rendered, the last first: what writers keep parts for (kept_parts.py)
        )
        db.conn.commit()
    except sqlite3.Error:
        if SCHEMA in {row[1] for row in db.execute("PRAGMA database_list").fetchall()}:
            db.execute(f"DETACH DATABASE {SCHEMA}")
        return False
    return True


def read_parts(db: Database, uids: list[str], variant: str, fmt: str, table: PartTable = CALENDAR) -> PartsRead:
    """The current parts of these uids in this variant, rendered by code of format `fmt`, and the revisions of the
    uids without one (read before their events are, so a part rendered from them is never newer than its key)."""
    columns = ", ".join(f"p.{name}" for name in table.columns)
    rows = db.execute(
        f"SELECT p.uid, {columns} FROM json_each(?) j"
        f" CROSS JOIN {SCHEMA}.{table.name} p ON p.uid = j.value AND p.variant = ?"
        " LEFT JOIN event_revisions r ON r.uid = j.value WHERE p.format = ? AND p.revision = coalesce(r.revision, 0)",
        [json.dumps(sorted(uids)), variant, fmt],  # in index order: each lookup starts near the last one
    ).fetchall()
    found = {row[0]: table.record(*row) for row in rows}
    missing = [uid for uid in uids if uid not in found]
    if not missing:
        return PartsRead(found, {})
    revisions = db.execute(
        "SELECT j.value, coalesce(r.revision, 0) FROM json_each(?) j LEFT JOIN event_revisions r ON r.uid = j.value",
        [json.dumps(sorted(missing))],
    ).fetchall()
    return PartsRead(found, dict(revisions))


def served_variants(db: Database, limit: int) -> list[tuple[str, str]]:
    """The (site URL, language) of the variants readers rendered parts for, the most recent first."""
    rows = db.execute(f"SELECT base_url, lang FROM {SCHEMA}.part_variants ORDER BY saved DESC, variant LIMIT ?",
                      [limit]).fetchall()
    return [(base_url, lang) for base_url, lang in rows]


def save_parts(db: Database, variant: str, fmt: str, parts: Sequence[Any], revisions: dict[str, int], *,
               served: tuple[str, str] | None = None, wait_ms: int = WRITE_WAIT_MS,
               table: PartTable = CALENDAR) -> bool:
    """Keep these parts under the revisions their events were read at, and note the variant as `served` (its site
    URL and language) when given; False when another write held the side file past `wait_ms` (they wait for the
    next render)."""
    rows = [(p.uid, variant, revisions[p.uid], fmt, *table.values(p)) for p in parts if p.uid in revisions]
    conn = db.conn
    if not rows or conn.in_transaction:
        return False
    waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
    try:
        with conn:  # one transaction, which writes to the side file only
            conn.executemany(
                f"INSERT OR REPLACE INTO {SCHEMA}.{table.name} (uid, variant, revision, format,"
                f" {', '.join(table.columns)}) VALUES ({', '.join('?' * (4 + len(table.columns)))})",
                rows,
            )
            if served is not None:
                conn.execute(f"INSERT OR REPLACE INTO {SCHEMA}.part_variants (variant, base_url, lang, saved)"
                             " VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", [variant, *served])
        return True
    except sqlite3.OperationalError:  # locked by another reader's write, or a full disk: rendered again next time
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {waited}")
