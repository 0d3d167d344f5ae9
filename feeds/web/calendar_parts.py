"""A calendar's VEVENTs from the parts the store keeps (store/parts.py): one query for the uids, one for their
parts, and a render only of the events whose part is missing, which are then kept for the next request."""

from __future__ import annotations

from sqlite_utils import Database

from .. import store
from ..models import EventPart, Selection
from ..present import ics


def calendar_parts(db: Database, query: Selection, base_url: str, lang: str) -> list[EventPart]:
    """The parts of the events `query` selects, for this site URL and language, in the query's order."""
    changes = store.change_count(db)  # before anything is read: a change after it keeps the new parts out
    uids = store.query_uids(db, query)
    variant = ics.part_variant(base_url, lang)
    found = store.stored_parts(db, uids, variant, ics.PART_FORMAT)
    missing = [uid for uid in uids if uid not in found]
    if missing:
        rendered = [ics.calendar_part(ev, base_url, lang) for ev in store.events_by_uid(db, missing)]
        store.save_parts(db, variant, ics.PART_FORMAT, rendered, changes)
        found.update((part.uid, part) for part in rendered)
    return [found[uid] for uid in uids if uid in found]
