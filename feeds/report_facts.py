"""What the store keeps of a report beyond the extractor's words: postponements, parts, deadlines as points.

Derived from what extraction already gives (title, category, interval, evidence, status), once, when
an article's events are stored; every surface then reads the stored facts and never re-reads the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .extract.events.vocabulary import CANCELLED, POSTPONED
from .models import ArticleEvents, Event, Interval
from .store.identity import event_key, strip_part

PART_WORDS = re.compile(r"^[·\-—\s]*(?:开幕式|开幕仪式|闭幕式|启动仪式|开幕典礼|颁奖典礼|签约仪式|"
                        r"分论坛|平行论坛|主论坛|报名截止|报名|征集截止|开营仪式)$")
"""What a part of a named event adds to its parent's title: `X开幕式`, `X分论坛`, `X报名截止`."""


def derive(article_events: ArticleEvents) -> ArticleEvents:
    """The article's events with their stored facts: postponed status, parent, deadline opening day."""
    events = article_events.events
    derived = [_as_point(_with_parent(_with_status(event), events)) for event in events]
    return ArticleEvents(article_events.article, derived)


def _with_status(event: Event) -> Event:
    """A report that says the event was put off (延期, 推迟, 改期…) makes it postponed, unless it is cancelled."""
    if event.status == "confirmed" and POSTPONED.search(event.evidence) and not CANCELLED.search(event.evidence):
        return replace(event, status="postponed")
    return event


def parent_of(title: str, others: list[str]) -> str | None:
    """The title of the named event that `title` is a part of, among the article's other titles."""
    for other in sorted(others, key=len, reverse=True):
        if other == title or len(other) < 4:
            continue
        if title.startswith(other) and PART_WORDS.match(title[len(other):]):
            return other
    base = strip_part(title)
    if base is not None:
        wanted = event_key(base)
        return next((o for o in others if o != title and event_key(o) == wanted), None)
    return None


def _with_parent(event: Event, events: list[Event]) -> Event:
    parent = parent_of(event.title, [e.title for e in events])
    return replace(event, parent_title=parent) if parent else event


def _as_point(event: Event) -> Event:
    """`即日起至12月15日`: a deadline is due on its last day; the first is kept as the day it opened."""
    interval = event.interval
    if event.category != "deadline" or interval.precision == "month" or interval.start_date >= interval.end_date:
        return event
    return replace(event, interval=Interval(interval.end, interval.end, interval.precision),
                   opened=interval.start_date)
