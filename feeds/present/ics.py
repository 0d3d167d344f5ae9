"""iCalendar (RFC 5545 / RFC 7986) from stored events: byte-identical while the data is unchanged."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path

from icalendar import Calendar, Timezone, vDuration

from ..models import TZ, EventPart, Recurrence, StoredEvent
from . import common, i18n, recurrence
from .common import (
    category_label,
    clean_block,
    clean_line,
    display_title,
    event_url,
    exclusive_end_day,
    first_day,
    parse_utc,
    plain_description,
    timed_end,
    timed_start,
)
from .memo import PARTS, content_key, remembered
from .recurrence import exdates, first_session, rrule, session_start, sessions

PRODID = "-//feeds//Newspaper events//ZH"
TZID = "Asia/Shanghai"
DEFAULT_REFRESH = dt.timedelta(hours=1)
_STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}
_TZ_FIRST_DAY = dt.date(1992, 1, 1)
"""China has kept +08:00 without daylight saving since 1992; older timed events widen the VTIMEZONE."""


def render_calendar(
    events: Iterable[StoredEvent],
    *,
    name: str,
    description: str,
    url: str,
    base_url: str,
    refresh: dt.timedelta | None = DEFAULT_REFRESH,
    lang: str = "zh",
) -> bytes:
    """A subscribable calendar: `url` is where it is served, `base_url` the site its event links point to.

    The header, the VTIMEZONE and each event's VEVENT (rendered once per event version, see memo.PARTS),
    concatenated: the same bytes icalendar would serialize for the whole calendar.
    """
    parts = [calendar_part(ev, base_url, lang) for ev in events]
    return assemble_calendar(parts, name=name, description=description, url=url, refresh=refresh)


def assemble_calendar(
    parts: Iterable[EventPart],
    *,
    name: str,
    description: str,
    url: str,
    refresh: dt.timedelta | None = DEFAULT_REFRESH,
) -> bytes:
    """The calendar of these events' parts (from calendar_part, or as the store kept them): its header, the
    VTIMEZONE and the VEVENTs in calendar order, byte for byte what render_calendar gives for the events."""
    parts = sorted(parts, key=_part_order)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.calendar_name = clean_line(name)
    cal.description = clean_block(description)
    cal.add("x-wr-timezone", TZID)
    cal.add("url", clean_line(url))
    if refresh is not None:
        cal.add("source", clean_line(url), parameters={"VALUE": "URI"})
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(refresh))
    if parts:
        cal.add("last-modified", parse_utc(max(part.updated for part in parts)))
    header = to_ical(cal)
    timed = [dt.date.fromisoformat(part.day) for part in parts if part.timed]
    blocks = [header[: -len(_CALENDAR_END)], _timezone_block(_tz_first_day(timed))]
    blocks.extend(part.body for part in parts)
    blocks.append(_CALENDAR_END)
    return b"".join(blocks)


def calendar_part(ev: StoredEvent, base_url: str, lang: str = "zh") -> EventPart:
    """The event's VEVENT with its place in a calendar, for this site URL and language."""
    return remembered(ev, f"_calendar_part:{lang}:{base_url}", lambda ev: _calendar_part(ev, base_url, lang))


def _calendar_part(ev: StoredEvent, base_url: str, lang: str) -> EventPart:
    repeated = sessions(ev)
    timed = not ev.all_day or (repeated is not None and repeated.time is not None)
    return EventPart(ev.uid, first_day(ev).isoformat(), ev.start, f"{parse_utc(ev.updated):%Y-%m-%dT%H:%M:%SZ}",
                     timed, event_block(ev, base_url, lang))


def part_variant(base_url: str, lang: str) -> str:
    """What a stored VEVENT depends on besides its event: the site URL its links point to and the language."""
    return f"ics|{lang}|{base_url}"


PART_FORMAT = hashlib.sha1(b"".join(Path(module.__file__).read_bytes()
                                    for module in (common, i18n, recurrence))
                           + Path(__file__).read_bytes()).hexdigest()[:16]
"""The code that renders a VEVENT (this module, common.py, i18n.py, recurrence.py), hashed: stored parts of other
code are stale."""


_CALENDAR_END = b"END:VCALENDAR\r\n"
_part_order = attrgetter("day", "start", "uid")
"""A VEVENT's place in a calendar: its first day in Beijing, its start, its uid."""


FOLD_OCTETS = 74
"""The most bytes icalendar puts on one physical line (RFC 5545: lines SHOULD NOT exceed 75 octets)."""


def fold(line: str) -> bytes:
    """One content line folded exactly as icalendar folds it, but by slicing bytes.

    icalendar walks every character in Python, a third of a calendar's render time with Chinese text;
    here a cut backs off only to the start of a UTF-8 character, and, as in icalendar, never leaves a
    `\\` or `^` escape at the end of a line.
    """
    data = line.encode("utf-8")
    parts, start = [], 0
    while len(data) - start > FOLD_OCTETS:
        end = start + FOLD_OCTETS
        while data[end] & 0xC0 == 0x80:  # a continuation byte: the cut would split a character
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def to_ical(cal: Calendar) -> bytes:
    """`cal.to_ical()`, byte for byte, with the faster fold."""
    return b"\r\n".join(fold(line) for line in cal.content_lines() if line) + b"\r\n"


def render_event(ev: StoredEvent, *, url: str, base_url: str, lang: str = "zh") -> bytes:
    """One event as a calendar file to download or import ("add to calendar")."""
    name = display_title(ev, lang)
    return render_calendar([ev], name=name, description=name, url=url, base_url=base_url, refresh=None, lang=lang)


def event_block(ev: StoredEvent, base_url: str, lang: str = "zh") -> bytes:
    """The event's VEVENT, folded, as it appears in every calendar that holds it (cached per event version)."""
    return PARTS.get(("ics", base_url, lang, content_key(ev)), lambda: _render_event_block(ev, base_url, lang))


def _render_event_block(ev: StoredEvent, base_url: str, lang: str = "zh") -> bytes:
    """The VEVENT written line by line in icalendar's order and escaping (properties in Event.canonical_order,
    then alphabetically); every timestamp comes from the data, never from the clock."""
    updated = _utc_stamp(ev.updated)
    lines = ["BEGIN:VEVENT", "SUMMARY:" + _text(display_title(ev, lang))]
    repeated = sessions(ev)
    if repeated is not None:
        lines += _first_session(repeated, first_session(ev))
    elif ev.all_day:
        lines.append(f"DTSTART;VALUE=DATE:{first_day(ev):%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{exclusive_end_day(ev):%Y%m%d}")
    else:
        lines.append(f"DTSTART;TZID={TZID}:{timed_start(ev):%Y%m%dT%H%M%S}")
        end = timed_end(ev)
        if end is not None:
            lines.append(f"DTEND;TZID={TZID}:{end:%Y%m%dT%H%M%S}")
    lines += [
        "DTSTAMP:" + updated,
        "UID:" + _text(ev.uid),
        f"SEQUENCE:{max(ev.sequence, 0)}",
    ]
    if repeated is not None:
        lines.append("RRULE:" + rrule(repeated))
        if skipped := exdates(repeated):
            kind = f"TZID={TZID}" if repeated.time is not None else "VALUE=DATE"
            lines.append(f"EXDATE;{kind}:" + ",".join(skipped))
    lines += [
        "CATEGORIES:" + _text(category_label(ev.category, lang)),
        "CLASS:PUBLIC",
        "CREATED:" + _utc_stamp(ev.created),
        "DESCRIPTION:" + _text(plain_description(ev, base_url, lang)),
        "LAST-MODIFIED:" + updated,
    ]
    location = clean_line(ev.location)
    if location:
        lines.append("LOCATION:" + _text(location))
    lines += [
        "STATUS:" + _STATUS.get(ev.status, "CONFIRMED"),
        "TRANSP:TRANSPARENT",
        "URL:" + event_url(base_url, ev.uid),
        "END:VEVENT",
    ]
    return _folded(lines)


def _first_session(repeated: Recurrence, day: dt.date) -> list[str]:
    """DTSTART and DTEND of a recurring event's first session (RFC 5545 §3.8.5.3: the rule repeats them)."""
    start = session_start(repeated, day)
    if not isinstance(start, dt.datetime):
        return [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"]
    lines = [f"DTSTART;TZID={TZID}:{start:%Y%m%dT%H%M%S}"]
    if repeated.minutes:
        lines.append(f"DTEND;TZID={TZID}:{start + dt.timedelta(minutes=repeated.minutes):%Y%m%dT%H%M%S}")
    return lines


def _folded(lines: list[str]) -> bytes:
    """Content lines folded and ended with CRLF; a line of at most FOLD_OCTETS bytes (most are) as it is."""
    encoded = [line.encode("utf-8") for line in lines]
    return b"\r\n".join(data if len(data) <= FOLD_OCTETS else fold(line) for line, data in zip(lines, encoded,
                                                                                               strict=True)) + b"\r\n"


def _text(value: str) -> str:
    """RFC 5545 TEXT escaping, exactly icalendar's (vText.to_ical), replacements in its order."""
    return (
        value.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _utc_stamp(value: str) -> str:
    """A store timestamp as an iCalendar UTC DATE-TIME (`20221101T083000Z`); the store's own form
    (`2022-11-01T08:30:00Z`, what utc_stamp writes) by slicing, any other through parse_utc."""
    if len(value) == 20 and value[19] == "Z" and value[4] == value[7] == "-" and value[13] == value[16] == ":":
        return f"{value[0:4]}{value[5:7]}{value[8:10]}T{value[11:13]}{value[14:16]}{value[17:19]}Z"
    return f"{parse_utc(value):%Y%m%dT%H%M%SZ}"


def _tz_first_day(timed: list[dt.date]) -> dt.date:
    """The first day the VTIMEZONE covers, from the first days of the timed events."""
    earliest = min(timed, default=_TZ_FIRST_DAY)
    return _TZ_FIRST_DAY if earliest >= _TZ_FIRST_DAY else dt.date(earliest.year, 1, 1)


@functools.lru_cache(maxsize=8)
def _timezone_block(first: dt.date) -> bytes:
    """The VTIMEZONE's folded lines, as they appear inside a calendar."""
    return b"".join(fold(line) + b"\r\n" for line in shanghai_timezone(first).content_lines() if line)


@functools.lru_cache(maxsize=8)
def _timezone_ical(first: dt.date) -> bytes:
    vtimezone = Timezone.from_tzinfo(TZ, tzid=TZID, first_date=first, last_date=dt.date(2100, 1, 1))
    vtimezone.pop("COMMENT", None)  # RFC 5545 allows COMMENT only inside STANDARD/DAYLIGHT; libical flags it
    return vtimezone.to_ical()


def shanghai_timezone(first: dt.date = _TZ_FIRST_DAY) -> Timezone:
    """The VTIMEZONE that TZID=Asia/Shanghai refers to, from zoneinfo, valid from `first` on."""
    return Timezone.from_ical(_timezone_ical(first))
