"""What calendars repeat of a recurring event: its sessions (the days it is held and their times), RFC 5545's
RRULE and EXDATE for them, and the days a month grid shows it on. Pure: from a StoredEvent."""

from __future__ import annotations

import datetime as dt

from ..models import TZ, WEEKDAY_CODES, Frequency, Recurrence, StoredEvent
from .common import first_day, last_day


def sessions(ev: StoredEvent) -> Recurrence | None:
    """The recurrence a calendar repeats the event by: none for an event held once, for a venue's opening hours
    (one all-day span, the hours in words) or for one whose span holds none of its days."""
    recurrence = ev.recurrence
    if recurrence is None or recurrence.opening_hours or ev.precision == "month" or first_session(ev) is None:
        return None  # a month whose day is not known has no days to repeat on
    return recurrence


def first_session(ev: StoredEvent) -> dt.date | None:
    """The first day of the span the event is held (what DTSTART must be)."""
    return ev.recurrence.first_occurrence(first_day(ev)) if ev.recurrence else None


def session_days(ev: StoredEvent) -> list[dt.date]:
    """Every day the event is held: each session's for a recurring one, else every day of its span."""
    recurrence = sessions(ev)
    if recurrence is None:
        first, last = first_day(ev), last_day(ev)
        return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    return recurrence.occurrences(first_day(ev))


def session_start(recurrence: Recurrence, day: dt.date) -> dt.datetime | dt.date:
    """When the session of `day` starts: a Beijing time, or the day for sessions of a whole day."""
    return dt.datetime.combine(day, recurrence.time, TZ) if recurrence.time is not None else day


def rrule(recurrence: Recurrence) -> str:
    """The RRULE value, in icalendar's order of parts: `FREQ=WEEKLY;UNTIL=20260829T155959Z;BYDAY=SA`.

    UNTIL is the span's last day: its last second in Beijing as UTC for timed sessions (RFC 5545 §3.3.10 asks
    UTC when DTSTART has a TZID), the date itself for sessions of a whole day."""
    if recurrence.time is not None:
        last = dt.datetime.combine(recurrence.until, dt.time(23, 59, 59), TZ).astimezone(dt.UTC)
        until = f"{last:%Y%m%dT%H%M%SZ}"
    else:
        until = f"{recurrence.until:%Y%m%d}"
    value = f"FREQ={'DAILY' if recurrence.frequency is Frequency.DAILY else 'WEEKLY'};UNTIL={until}"
    if recurrence.frequency is Frequency.WEEKLY:
        value += ";BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in recurrence.weekdays)
    return value


def exdates(recurrence: Recurrence) -> list[str]:
    """The EXDATE values of the excluded days that are session days (others are no session anyway)."""
    held = [day for day in recurrence.excluded if day.weekday() in recurrence.days]
    if recurrence.time is None:
        return [f"{day:%Y%m%d}" for day in held]
    return [f"{session_start(recurrence, day):%Y%m%dT%H%M%S}" for day in held]


def fullcalendar_fields(ev: StoredEvent) -> dict:
    """FullCalendar's simple recurrence (`daysOfWeek`, `startRecur`, `endRecur`, `startTime`, `endTime`), so the
    interactive calendar shows each session; none when a day is excluded, which that form cannot say."""
    recurrence = sessions(ev)
    if recurrence is None or recurrence.excluded:
        return {}
    fields: dict = {"daysOfWeek": [(d + 1) % 7 for d in recurrence.days],
                    "startRecur": first_day(ev).isoformat(),
                    "endRecur": (recurrence.until + dt.timedelta(days=1)).isoformat()}
    if recurrence.time is not None:
        fields["startTime"] = f"{recurrence.time:%H:%M}"
        if recurrence.end_time is not None:
            end = recurrence.end_time
            fields["endTime"] = f"{end:%H:%M}" if end > recurrence.time else f"{24 + end.hour}:{end:%M}"
    return fields
