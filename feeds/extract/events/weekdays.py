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
    span: Event | None = None  # the last event of several days before this one
    for event in events:
        result.append(_moved(event, span) if span is not None else event)
        if event.category in SPAN_CATEGORIES and event.interval.end_date > event.interval.start_date:
            span = event
    return result


def _moved(event: Event, span: Event) -> Event:
    day, first, last = event.interval.start_date, span.interval.start_date, span.interval.end_date
    if (EventFlag.RELATIVE not in event.flags or event.category not in SPAN_CATEGORIES
            or event.interval.start != event.interval.end or not 0 < (first - day).days <= REACH_DAYS):
        return event
    same = first + dt.timedelta(days=(day.weekday() - first.weekday()) % 7)  # the festival's first such weekday
    if same > last or same + dt.timedelta(days=7) <= last:
        return event  # the festival has none of that weekday, or more than one
    return replace(event, interval=Interval(same, same, event.interval.precision),
                   location=event.location or span.location)  # where the festival is, unless it says otherwise
