"""A month as a grid of weeks (Monday first) with multi-day events laid out in lanes across their days.

Pure: events in, rows of cells out; the template turns each lane into a table row whose cells span
the days an event runs (`colspan`), so no inline style or script is needed to draw a bar.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..models import EventSpan, StoredEvent
from .common import first_day, last_day
from .recurrence import sessions

MIN_YEAR, MAX_YEAR = 1900, 2200
"""Months outside these years are 404: nothing was reported then, and links must not run forever."""


@dataclass(frozen=True)
class Cell:
    """One cell of a lane: an event over `span` days of the week, or an empty day (`event` None)."""

    span: int
    event: StoredEvent | None = None
    continues_before: bool = False
    continues_after: bool = False


@dataclass(frozen=True)
class Week:
    days: tuple[dt.date, ...]
    lanes: tuple[tuple[Cell, ...], ...]
    more: tuple[int, ...] = (0,) * 7
    """Per day, the events on it not drawn (beyond the grid's lanes a week): the day's list shows them."""


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: tuple[Week, ...]
    undated: tuple[StoredEvent, ...]
    """Month-precision events: they happen within this month, on a day not yet known."""

    def in_month(self, day: dt.date) -> bool:
        return (day.year, day.month) == (self.year, self.month)

    def dated(self) -> tuple[StoredEvent, ...]:
        """The events drawn on the grid, each once, in the order they start: the month as a list, for screens
        too narrow for a title in a day's column."""
        seen: dict[str, StoredEvent] = {}
        for week in self.weeks:
            for lane in week.lanes:
                for cell in lane:
                    if cell.event is not None:
                        seen.setdefault(cell.event.uid, cell.event)
        return tuple(sorted(seen.values(), key=lambda ev: (first_day(ev), ev.start, ev.title, ev.uid)))

    def uids(self) -> list[str]:
        """The events the grid shows, drawn or undated."""
        drawn = [cell.event.uid for week in self.weeks for lane in week.lanes for cell in lane if cell.event]
        return list(dict.fromkeys([*drawn, *(ev.uid for ev in self.undated)]))

    def with_events(self, events: Mapping[str, StoredEvent]) -> MonthGrid:
        """The grid laid out from spans (EventSpan), with the events themselves in its cells (one gone since is
        left out)."""
        def cell(c: Cell) -> Cell:
            if c.event is None:
                return c
            return replace(c, event=events[c.event.uid]) if c.event.uid in events else Cell(c.span)

        weeks = tuple(replace(week, lanes=tuple(tuple(map(cell, lane)) for lane in week.lanes)) for week in self.weeks)
        return replace(self, weeks=weeks, undated=tuple(events[ev.uid] for ev in self.undated if ev.uid in events))

    @property
    def hidden(self) -> int:
        """How many events the grid leaves to the days' lists (an event counts once a week it is left out of)."""
        return sum(sum(week.more) for week in self.weeks)


def valid_month(year: int, month: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """The month `delta` months away: (2022, 12) + 1 is (2023, 1)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_key(year: int, month: int) -> str:
    """`2022-11`: how the embed names a month in its query string."""
    return f"{year:04d}-{month:02d}"


def grid_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The Monday before (or on) the 1st and the Sunday after (or on) the last day."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, _calendar.monthrange(year, month)[1])
    return first - dt.timedelta(days=first.weekday()), last + dt.timedelta(days=6 - last.weekday())


DEFAULT_LANES = 4
"""Events drawn a day at most (lanes a week): a month of a big archive holds thousands, which nobody reads in a grid;
the others are counted under their days, whose lists show them all (MONTH_LANES)."""


def month_grid(year: int, month: int, events: Iterable[StoredEvent | EventSpan],
               max_lanes: int | None = None) -> MonthGrid:
    """Lay out `events` (any order) on the month's weeks, at most `max_lanes` lanes a week (the rest counted per day
    in Week.more); month-precision ones are set apart."""
    start, end = grid_bounds(year, month)
    dated, undated = [], []
    for ev in events:
        (undated if ev.precision == "month" else dated).append(ev)
    dated.sort(key=lambda ev: (first_day(ev), -(last_day(ev) - first_day(ev)).days, ev.start, ev.title, ev.uid))
    spans = [span for ev in dated for span in _days_held(ev, start, end)]
    weeks = []
    monday = start
    while monday <= end:
        days = tuple(monday + dt.timedelta(days=i) for i in range(7))
        weeks.append(_week(days, spans, max_lanes))
        monday += dt.timedelta(days=7)
    first = dt.date(year, month, 1)
    month_last = dt.date(year, month, _calendar.monthrange(year, month)[1])
    undated = [ev for ev in undated if first_day(ev) <= month_last and last_day(ev) >= first]
    return MonthGrid(year, month, tuple(weeks), tuple(sorted(undated, key=lambda ev: (ev.start, ev.title))))


Run = tuple[dt.date, dt.date, StoredEvent | EventSpan]
"""Days an event is drawn over in a grid: the first, the last (inclusive) and the event."""


def _days_held(ev: StoredEvent | EventSpan, start: dt.date, end: dt.date) -> list[Run]:
    """The runs of days the grid draws an event over: its span, or each day of a recurring event's sessions
    (a show every evening is drawn on each evening, a market every Saturday on Saturdays only)."""
    recurrence = sessions(ev)
    if recurrence is None:
        return [(first_day(ev), last_day(ev), ev)]
    return [(day, day, ev) for day in recurrence.occurrences(max(first_day(ev), start), end)]


def _week(days: tuple[dt.date, ...], spans: list[Run],
          max_lanes: int | None) -> Week:
    """Each event in the first lane where its days are free, longest first among those starting together; with
    `max_lanes`, an event that fits none of them is counted on its days instead (the lanes drawn are the same)."""
    monday, sunday = days[0], days[-1]
    lanes: list[tuple[int, list[tuple[int, int, StoredEvent | EventSpan, bool, bool]]]] = []
    more = [0] * 7
    for first, last, ev in spans:
        if last < monday or first > sunday:
            continue
        col, end = max((first - monday).days, 0), min((last - monday).days, 6)
        days_taken = ((1 << (end + 1)) - 1) ^ ((1 << col) - 1)
        for index, (taken, lane) in enumerate(lanes):
            if not taken & days_taken:
                lane.append((col, end, ev, first < monday, last > sunday))
                lanes[index] = (taken | days_taken, lane)
                break
        else:
            if max_lanes is None or len(lanes) < max_lanes:
                lanes.append((days_taken, [(col, end, ev, first < monday, last > sunday)]))
            else:
                for day in range(col, end + 1):
                    more[day] += 1
    return Week(days, tuple(_cells(lane, monday, sunday) for _, lane in lanes), tuple(more))


def _cells(lane: list[tuple[int, int, StoredEvent, bool, bool]], monday: dt.date, sunday: dt.date
           ) -> tuple[Cell, ...]:
    cells, column = [], 0
    for col, end, ev, before, after in sorted(lane, key=lambda item: item[0]):
        cells.extend(Cell(1) for _ in range(col - column))
        cells.append(Cell(end - col + 1, ev, before, after))
        column = end + 1
    cells.extend(Cell(1) for _ in range(7 - column))
    return tuple(cells)


def upcoming_month(events: Iterable[StoredEvent], today: dt.date) -> tuple[int, int]:
    """The month of the first event still to come (or running), else this month."""
    for ev in events:
        if last_day(ev) >= today:
            day = max(first_day(ev), today)
            return day.year, day.month
    return today.year, today.month
