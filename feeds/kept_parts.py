"""Calendar parts rendered when events change, by the writer that changed them (an ingest, a reextraction, a fetch,
an article posted), so a calendar's first request in a new process reads every VEVENT instead of rendering it.

Kept for the variants a site serves: SITE_URL in the default language when it is set, else the variant readers
rendered last (noted beside the parts, store/parts.py). Parts are keyed by the event's revision, so what a writer
keeps is exactly what a reader would render; whatever is missing (another language, a store written before) is
rendered by the reader as before.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from . import store
from .models import EventPart
from .present import i18n, ics

log = logging.getLogger(__name__)

CHUNK_EVENTS = 2000
"""Events read, rendered and kept per transaction of the side file: bounded memory, short writes."""
WRITER_WAIT_MS = 2000
"""How long a writer waits for a reader's write of parts (a reader waits far less: it has a request to answer)."""


def revision(db: Database) -> int:
    """The store's revision counter: every change to an event gives it a revision above this."""
    row = db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    return int(row[0]) if row else 0


def changed_since(db: Database, since: int) -> dict[str, int]:
    """The events changed after revision `since`, with their revision now."""
    return dict(db.execute("SELECT r.uid, r.revision FROM event_revisions r JOIN events e ON e.uid = r.uid"
                           " WHERE r.revision > ?", [since]).fetchall())


def revisions_of(db: Database, uids: list[str]) -> dict[str, int]:
    """These events' revisions now (0 for one never changed since it was stored); an event gone is left out."""
    return dict(db.execute("SELECT e.uid, coalesce(r.revision, 0) FROM json_each(?) j JOIN events e ON e.uid = j.value"
                           " LEFT JOIN event_revisions r ON r.uid = e.uid", [json.dumps(sorted(uids))]).fetchall())


def variants(db: Database, config: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (site URL, language) whose parts writers keep: SITE_URL in the default language, else the last served."""
    site = config.get("SITE_URL")
    if site:
        return [(str(site).rstrip("/") + "/", i18n.DEFAULT)]
    with _side_file(db) as attached:
        return store.served_variants(db, limit=1) if attached else []


def keep(db: Database, revisions: dict[str, int], served: list[tuple[str, str]]) -> int:
    """Render and keep these events' parts (uid → the revision read before the events) in every variant; the
    number of parts kept. Never raises for the side file: the parts are a cache, readers render what is missing."""
    if not revisions or not served:
        return 0
    uids = sorted(revisions)
    kept = 0
    with _side_file(db) as attached:
        if not attached:
            return 0
        try:
            for base_url, lang in served:
                for start in range(0, len(uids), CHUNK_EVENTS):
                    chunk = {uid: revisions[uid] for uid in uids[start:start + CHUNK_EVENTS]}
                    kept += len(render_and_keep(db, chunk, base_url, lang, wait_ms=WRITER_WAIT_MS))
        except sqlite3.Error as error:  # a full disk, a damaged side file: readers render them instead
            log.warning("calendar parts not kept: %s", error)
    return kept


@contextmanager
def _side_file(db: Database) -> Iterator[bool]:
    """The side file attached for a writer's use, and detached after when it was not before: a writer's later
    transactions (BEGIN IMMEDIATE takes every attached file) must not hold it against the readers."""
    before = store.parts.SCHEMA in {row[1] for row in db.execute("PRAGMA database_list").fetchall()}
    attached = store.attach_parts(db)
    try:
        yield attached
    finally:
        if attached and not before and not db.conn.in_transaction:
            db.execute(f"DETACH DATABASE {store.parts.SCHEMA}")


def render_and_keep(db: Database, revisions: dict[str, int], base_url: str, lang: str,
                    wait_ms: int = store.parts.WRITE_WAIT_MS) -> list[EventPart]:
    """Render the parts of these events (read after their revisions were) and keep them beside the store under
    those revisions, with the variant noted as served."""
    variant = ics.part_variant(base_url, lang)
    rendered = [ics.calendar_part(ev, base_url, lang) for ev in store.events_by_uid(db, list(revisions))]
    store.save_parts(db, variant, ics.PART_FORMAT, rendered, revisions, served=(base_url, lang), wait_ms=wait_ms)
    return rendered


@contextmanager
def keeping_parts(db: Database, config: Mapping[str, Any]) -> Iterator[None]:
    """Around a write: on the way out, the parts of every event it changed are rendered and kept."""
    since = revision(db)
    yield
    catch_up(db, config, since)


def keep_events(db: Database, config: Mapping[str, Any], uids: list[str]) -> int:
    """Keep the parts of these events (the few one article changed), in the variants writers keep."""
    return keep(db, revisions_of(db, uids), variants(db, config)) if uids else 0


def catch_up(db: Database, config: Mapping[str, Any], since: int) -> int:
    """Keep the parts of the events changed after revision `since`; the revision they are now kept up to."""
    now = revision(db)
    if now > since:
        keep(db, changed_since(db, since), variants(db, config))
    return now
