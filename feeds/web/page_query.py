"""What a page's filters select, and the same selection as calendar, feed and API addresses.

Pages take the query parameters calendars and feeds take (`category`, `q`, `location`, `from`,
`to`), checked by the same parser, so "subscribe to this" hands over exactly what the reader sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..models import PAGE_PARAMS, Selection, StoredEvent
from ..present import subscribe_links
from ..present.common import first_day, last_day
from .filters import parse_query


def page_filters(args: Mapping[str, str]) -> Selection:
    """The page's selection from its query string (`PAGE_PARAMS` only); a wrong value raises filters.QueryError."""
    query = parse_query({name: args[name] for name in PAGE_PARAMS if name in args}, max_items=1)
    return Selection(query.category, query.q, query.location, query.start, query.end)


@dataclass(frozen=True)
class Subscriptions:
    """Where the same selection lives as a calendar (three ways to subscribe), feeds and JSON."""

    calendar: dict[str, str]
    feeds: tuple[tuple[str, str, str], ...]
    """(label, url, media type) for RSS, Atom, JSON Feed and the API."""


API_PATH = "/api/events"
_FEEDS = (
    ("Atom", "/feed.atom", "application/atom+xml"),
    ("RSS", "/feed.rss", "application/rss+xml"),
    ("JSON Feed", "/feed.json", "application/feed+json"),
    ("API (JSON)", API_PATH, "application/json"),
)


def subscriptions(site_url: str, filters: Selection, exported: bool = False) -> Subscriptions:
    """The selection's calendar and feed addresses on `site_url` (absolute: they are pasted into apps); in a
    static export, the API's as its file is named there (`api/events.json`)."""
    root = site_url.rstrip("/")
    query = filters.query_string()
    return Subscriptions(
        calendar=subscribe_links(f"{root}/calendar.ics{query}"),
        feeds=tuple((label, f"{root}{path}{'.json' if exported and path == API_PATH else ''}{query}", kind)
                    for label, path, kind in _FEEDS),
    )


@dataclass(frozen=True)
class DayGroup:
    """Events shown under one heading: one day, a month whose day is unknown, or "happening now"."""

    kind: str
    """"day", "month" or "ongoing"."""
    day: dt.date | None
    events: tuple[StoredEvent, ...]


def group_by_day(events: Iterable[StoredEvent], since: dt.date | None) -> list[DayGroup]:
    """Events in start order under day headings; those started before `since` come first as "ongoing".

    Month-precision events get a heading of their month: filing them under the 1st would state a
    day nobody gave.
    """
    groups: dict[tuple, list[StoredEvent]] = {}
    for ev in events:
        start = first_day(ev)
        if ev.precision == "month":
            key: tuple = ("month", start.replace(day=1))
        elif since is not None and start < since:
            key = ("ongoing", None)
        else:
            key = ("day", start)
        groups.setdefault(key, []).append(ev)
    ordered = sorted(groups.items(), key=lambda item: item[0][0] != "ongoing")
    return [DayGroup(kind, day, tuple(evs)) for (kind, day), evs in ordered]


def ended_before(events: Iterable[StoredEvent], day: dt.date) -> list[StoredEvent]:
    """Only the events whose last day is before `day` (a query by start also returns ongoing ones)."""
    return [ev for ev in events if last_day(ev) < day]
