"""The year an event's name gives, over the one its date was read in when the text printed none."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ...models import Article, Event, EventFlag, Interval

NAME_YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2})(?:\s*年)?(?![\d年度终末底-])")
"""`2026年国际数学家大会`, `2026法国电影展映`: an edition named by its year (`2025年度总结会` is held after it)."""


def year_from_name(events: list[Event], article: Article) -> list[Event]:
    """An event whose year was inferred, behind the year its name opens with by one, is that year's:
    `…撤回7月在美国费城举办本届大会的决定` about the `2026年国际数学家大会`, written in April 2026, is July 2026."""
    return [_in_year(event, int(m.group("year"))) if (m := NAME_YEAR.match(event.title))
            and EventFlag.YEAR_INFERRED in event.flags else event for event in events]


def _in_year(event: Event, year: int) -> Event:
    shift = year - event.interval.start_date.year
    if shift != 1 or event.category == "deadline" or event.interval.end_date.year != event.interval.start_date.year:
        return event  # a call for `2026年…文化节` from 12月19日 to 1月20日 runs before the edition it names
    try:
        interval = Interval(_shifted(event.interval.start, shift), _shifted(event.interval.end, shift),
                            event.interval.precision)
    except ValueError:  # 29 February
        return event
    return replace(event, interval=interval)


def _shifted(moment: dt.date | dt.datetime, years: int) -> dt.date | dt.datetime:
    return moment.replace(year=moment.year + years)
