"""A calendar's VEVENTs: kept by this process for the current data version (store.memo.PARTS), else kept beside the
store (store/parts.py), else rendered, and then kept in both for the next request: one query for the uids, and in a
new process one for their parts. Writers keep the parts of what they changed too (feeds/kept_parts.py)."""

from __future__ import annotations

from sqlite_utils import Database

from .. import store
from ..kept_parts import render_and_keep
from ..models import EventPart, Selection
from ..present import ics


def calendar_parts(db: Database, query: Selection, base_url: str, lang: str) -> list[EventPart]:
    """The parts of the events `query` selects, for this site URL and language, in the query's order."""
    variant = ics.part_variant(base_url, lang)
    uids = store.query_uids(db, query)
    return store.parts_by_uid(db, uids, variant,
                              lambda missing: _kept_or_rendered(db, missing, variant, base_url, lang))


def _kept_or_rendered(db: Database, uids: list[str], variant: str, base_url: str, lang: str) -> list[EventPart]:
    """These events' parts from beside the store, the missing or retired ones rendered and kept there."""
    if not store.attach_parts(db):
        return [ics.calendar_part(ev, base_url, lang) for ev in store.events_by_uid(db, uids)]
    kept = store.read_parts(db, uids, variant, ics.PART_FORMAT)
    found = dict(kept.found)
    if kept.missing:
        rendered = render_and_keep(db, kept.missing, base_url, lang)
        found.update((part.uid, part) for part in rendered)
    return [found[uid] for uid in uids if uid in found]
