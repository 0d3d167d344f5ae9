"""A weekday told after a festival's days is that festival's weekday: `…German Fest, July 25-27. Don't miss … the
Dachshund Derby on Sunday.`"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...models import Article, Event, EventFlag, Interval

SPAN_CATEGORIES = {"festival", "fair", "exhibition", "competition"}
"""Events whose days hold other events (a festival's derby, a fair's contest)."""
REACH_DAYS = 21
"""How far before the span's first day the weekday was read: `on Sunday` read as the coming Sunday, three weeks or
less before the festival opens."""


def weekdays_within(events: list[Event], article: Article) -> list[Event]:
    """An event dated only by a weekday, which the coming week put before a festival named earlier whose days hold
    that weekday, is on the festival's weekday, at the festival's place unless its own sentence names one."""
    result: list[Event] = []
    for event in events:
        span = next((e for e in reversed(result) if e.category in SPAN_CATEGORIES
                     and e.interval.end_date > e.interval.start_date), None)
        result.append(_moved(event, span) if span is not None else event)
    return result


def _moved(event: Event, span: Event) -> Event:
    day, first, last = event.interval.start_date, span.interval.start_date, span.interval.end_date
    if (EventFlag.RELATIVE not in event.flags or event.category not in SPAN_CATEGORIES
            or event.interval.start != event.interval.end or not 0 < (first - day).days <= REACH_DAYS):
        return event
    inside = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    same = [d for d in inside if d.weekday() == day.weekday()]
    if len(same) != 1:
        return event
    return replace(event, interval=Interval(same[0], same[0], event.interval.precision),
                   location=event.location or span.location)  # where the festival is, unless it says otherwise
