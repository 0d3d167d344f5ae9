"""An exhibition's last day, told after the day it opened: `…艺术展在国家博物馆开幕，将展至6月23日`."""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Article, Event, Interval
from ..dates import find_dates

RUNS_UNTIL = re.compile(r"(?:展至|展到|(?:持续|延续|延长|开放|展出|一直)(?:至|到))\s*")
"""`将展至`, `展期将一直持续至`, `展出至`: the words before the day a show runs to (or inside the range the date
grammar read, `次日起…展期将延续至2020年7月19日`)."""
RUNNING_CATEGORIES = {"exhibition", "fair", "festival"}
"""Events that run for days and whose closing a report tells apart from their opening."""
REACH = 200
"""How far after its own sentence the closing day may be told (the next sentence, as a rule)."""


def runs_until(events: list[Event], article: Article) -> list[Event]:
    """A show dated to its opening day runs to the day its sentence or the next says it runs to
    (`12月15日，“…艺术大展”开展。…展期将一直持续至2020年3月29日。`)."""
    return [_until(event, article) if event.category in RUNNING_CATEGORIES and event.interval.precision == "day"
            and event.interval.start == event.interval.end else event for event in events]


def _until(event: Event, article: Article) -> Event:
    body = article.body
    next_end = body.find("。", event.evidence_end, event.evidence_end + REACH)
    window = body[event.evidence_start:next_end + 1 if next_end >= 0 else event.evidence_end]
    if "至" not in window and "到" not in window:
        return event
    for date in find_dates(window, article.published.date, article.published.year):
        if RUNS_UNTIL.search(window, max(0, date.start - 8), date.end) \
                and date.interval.end_date > event.interval.end_date:
            return replace(event, interval=Interval(event.interval.start, date.interval.end_date, "day"))
    return event
