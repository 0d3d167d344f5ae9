"""RSSHub's output parameters on our feeds (opencc, filter_time, brief, sorted, format), and the 400 for any other.

https://docs.rsshub.app/guide/parameters: a reader who knows RSSHub expects these to work; a parameter
we do not implement (`mode=fulltext`, `scihub`, a misspelt name) answers 400 naming it, never silence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .. import scripts
from ..models import StoredEvent
from ..present.common import parse_utc
from .filters import QueryError

SELECTION_PARAMS = frozenset({
    "category", "q", "location", "from", "to", "start", "end", "status", "limit", "lang",
    "filter", "filter_title", "filter_description", "filterout", "filterout_title", "filterout_description",
    "filter_category", "filterout_category", "filter_case_sensitive",
})
"""What every calendar, feed and API request may carry (parse_query's names, and the language)."""
FULLCALENDAR_PARAMS = frozenset({"timeZone"})
"""FullCalendar adds its time zone to event-source requests; the API reads times in Beijing regardless."""
FEED_PARAMS = frozenset({"opencc", "filter_time", "brief", "sorted", "format"})
CONVERSIONS = ("s2t", "t2s")
FORMATS = ("rss", "atom", "json")
MIN_BRIEF = 100
"""RSSHub's own floor for `brief`: fewer characters say nothing."""


@dataclass(frozen=True)
class FeedOptions:
    opencc: str | None = None
    """"s2t" (simplified to traditional) or "t2s", applied to titles and text."""
    filter_time: int | None = None
    """Only items first reported within this many seconds."""
    brief: int | None = None
    """The item body as plain text of at most this many characters."""
    sorted: bool = True
    """False lists items in the order the events happen instead of newest news first."""
    format: str | None = None


DEFAULT_OPTIONS = FeedOptions()


def check_params(args: Mapping[str, str], allowed: Iterable[str]) -> None:
    """400 for the first parameter this route does not implement, by name."""
    known = frozenset(allowed)
    for name in args:
        if name not in known:
            raise QueryError(f"{name} is not a parameter this address supports",
                             f"此地址不支持参数 {name}")


def feed_options(args: Mapping[str, str]) -> FeedOptions:
    """RSSHub's output parameters, checked: a wrong value is a 400 that says what is allowed."""
    conversion = args.get("opencc", "").strip() or None
    if conversion and conversion not in CONVERSIONS:
        raise QueryError(f"opencc must be one of {', '.join(CONVERSIONS)}; got {conversion!r}",
                         f"opencc 只能是 {', '.join(CONVERSIONS)} 之一，收到的是 {conversion!r}")
    form = args.get("format", "").strip() or None
    if form and form not in FORMATS:
        raise QueryError(f"format must be one of {', '.join(FORMATS)}; got {form!r}",
                         f"format 只能是 {', '.join(FORMATS)} 之一，收到的是 {form!r}")
    brief = _whole(args, "brief", MIN_BRIEF)
    ordered = args.get("sorted", "true").strip().lower()
    if ordered not in ("true", "false", "1", "0"):
        raise QueryError(f"sorted must be true or false; got {ordered!r}",
                         f"sorted 只能是 true 或 false，收到的是 {ordered!r}")
    return FeedOptions(conversion, _whole(args, "filter_time", 1), brief, ordered in ("true", "1"), form)


def _whole(args: Mapping[str, str], name: str, least: int) -> int | None:
    value = args.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < least:
        raise QueryError(f"{name} must be a whole number of at least {least}; got {value!r}",
                         f"{name} 应是不小于 {least} 的整数，收到的是 {value!r}")
    return int(value)


def recent(events: Iterable[StoredEvent], seconds: int | None, now: dt.datetime) -> list[StoredEvent]:
    """RSSHub's filter_time: the items first reported within `seconds` of now."""
    if seconds is None:
        return list(events)
    since = now - dt.timedelta(seconds=seconds)
    return [ev for ev in events if parse_utc(ev.created) >= since]


def convert(events: Iterable[StoredEvent], conversion: str | None) -> list[StoredEvent]:
    """RSSHub's opencc: titles, places, headlines and the reports' sentences in the other script."""
    if not conversion:
        return list(events)
    def text(words: str) -> str:
        return scripts.convert(words, conversion)

    return [
        replace(ev, title=text(ev.title), location=text(ev.location),
                mentions=[replace(m, headline=text(m.headline), evidence=text(m.evidence)) for m in ev.mentions])
        for ev in events
    ]
