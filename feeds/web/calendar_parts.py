"""A calendar's VEVENTs from the parts kept beside the store (store/parts.py): one query for the uids, one for their
parts, and a render only of the events whose part is missing or retired, which are then kept for the next request."""

from __future__ import annotations

from sqlite_utils import Database

from .. import store
from ..models import EventPart, Selection
from ..present import ics


def calendar_parts(db: Database, query: Selection, base_url: str, lang: str) -> list[EventPart]:
    """The parts of the events `query` selects, for this site URL and language, in the query's order."""
    uids = store.query_uids(db, query)
    if not store.attach_parts(db):
        return [ics.calendar_part(ev, base_url, lang) for ev in store.events_by_uid(db, uids)]
    variant = ics.part_variant(base_url, lang)
    kept = store.read_parts(db, uids, variant, ics.PART_FORMAT)
    found = dict(kept.found)
    if kept.missing:
        rendered = [ics.calendar_part(ev, base_url, lang) for ev in store.events_by_uid(db, list(kept.missing))]
        store.save_parts(db, variant, ics.PART_FORMAT, rendered, kept.missing)
        found.update((part.uid, part) for part in rendered)
    return [found[uid] for uid in uids if uid in found]
