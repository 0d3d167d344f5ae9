"""A calendar's VEVENTs and a feed's items: kept by this process for the current data version (store.memo.PARTS),
else kept beside the store (store/parts.py), else rendered, and then kept in both for the next request: one query
for the uids, and in a new process one for their parts. Writers keep calendar parts of what they changed too
(feeds/kept_parts.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from .. import store
from ..kept_parts import render_and_keep
from ..models import EventPart, FeedPart, Selection, StoredEvent
from ..present import ics, syndication


def calendar_parts(db: Database, query: Selection, base_url: str, lang: str) -> list[EventPart]:
    """The parts of the events `query` selects, for this site URL and language, in the query's order."""
    variant = ics.part_variant(base_url, lang)
    uids = store.query_uids(db, query)
    return store.parts_by_uid(
        db, uids, variant,
        lambda missing: _kept_or_rendered(db, missing, store.parts.CALENDAR, variant, ics.PART_FORMAT,
                                          lambda revisions: render_and_keep(db, revisions, base_url, lang),
                                          lambda events: [ics.calendar_part(ev, base_url, lang) for ev in events]))


def feed_parts(db: Database, query: Selection, kind: str, base_url: str, lang: str) -> list[FeedPart]:
    """The items of the events `query` selects in a feed of this kind, for this site URL and language."""
    variant = syndication.part_variant(kind, base_url, lang)

    def render(events: list[StoredEvent]) -> list[FeedPart]:
        return syndication.feed_parts(events, kind, base_url, lang)

    def render_and_keep_items(revisions: dict[str, int]) -> list[FeedPart]:
        rendered = render(store.events_by_uid(db, list(revisions)))
        store.save_parts(db, variant, syndication.PART_FORMAT, rendered, revisions, table=store.parts.FEED)
        return rendered

    uids = store.query_uids(db, query)
    return store.parts_by_uid(
        db, uids, variant,
        lambda missing: _kept_or_rendered(db, missing, store.parts.FEED, variant, syndication.PART_FORMAT,
                                          render_and_keep_items, render))


def _kept_or_rendered(db: Database, uids: list[str], table: store.parts.PartTable, variant: str, fmt: str,
                      render_and_keep_missing: Callable[[dict[str, int]], list[Any]],
                      render: Callable[[list[StoredEvent]], list[Any]]) -> list[Any]:
    """These events' parts from beside the store, the missing or retired ones rendered and kept there."""
    if not store.attach_parts(db):
        return render(store.events_by_uid(db, uids))
    kept = store.read_parts(db, uids, variant, fmt, table)
    found = dict(kept.found)
    if kept.missing:
        found.update((part.uid, part) for part in render_and_keep_missing(kept.missing))
    return [found[uid] for uid in uids if uid in found]
