"""The JSON API: events in the shape FullCalendar's JSON event source reads, plus our own fields."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any

from ..models import Mention, StoredEvent
from .common import (
    article_url,
    category_label,
    clean_block,
    clean_line,
    display_title,
    event_ics_url,
    event_url,
    evidence,
    exclusive_end_day,
    first_day,
    last_day,
    timed_end,
    timed_start,
)
from .i18n import schedule
from .memo import remembered
from .recurrence import first_session, fullcalendar_fields, rrule, session_start, sessions


def fullcalendar_event(ev: StoredEvent, base_url: str, lang: str = "zh") -> dict[str, Any]:
    """One event for FullCalendar: `end` exclusive for all-day events, absent when a timed end is unknown."""
    repeated = sessions(ev)
    item: dict[str, Any] = {"id": ev.uid, "title": display_title(ev, lang), "allDay": ev.all_day}
    if repeated is not None and repeated.time is not None:  # timed sessions: the first one, as DTSTART
        start = session_start(repeated, first_session(ev))
        item["allDay"] = False
        item["start"] = start.isoformat()
        if repeated.minutes:
            item["end"] = (start + dt.timedelta(minutes=repeated.minutes)).isoformat()
    elif ev.all_day:
        item["start"] = first_day(ev).isoformat()
        item["end"] = exclusive_end_day(ev).isoformat()
    else:
        item["start"] = timed_start(ev).isoformat()
        end = timed_end(ev)
        if end is not None:
            item["end"] = end.isoformat()
    item["url"] = event_url(base_url, ev.uid)
    item["classNames"] = [f"feeds-{ev.category}", f"feeds-{ev.status}", f"feeds-precision-{ev.precision}"]
    item.update(
        {
            "name": clean_line(ev.title),
            "category": ev.category,
            "categoryLabel": category_label(ev.category, lang),
            "location": clean_line(ev.location),
            "status": ev.status,
            "precision": ev.precision,
            "sequence": ev.sequence,
            "evidence": evidence(ev),
            "firstDay": first_day(ev).isoformat(),
            "lastDay": last_day(ev).isoformat(),
            "created": ev.created,
            "updated": ev.updated,
            "ics": event_ics_url(base_url, ev.uid),
            "previous": [{"start": start, "end": end} for start, end in ev.previous],
            "opened": ev.opened,
            "parent": ev.parent_uid,
            "flags": list(ev.flags),
            "confidence": ev.confidence,
            "note": clean_line(ev.note),
            "recurrence": recurrence_item(ev, lang),
            **fullcalendar_fields(ev),
        }
    )
    return item


def recurrence_item(ev: StoredEvent, lang: str = "zh") -> dict[str, Any] | None:
    """The `recurrence` field: the days and time the event comes round, its RRULE (none for opening hours, which
    calendars keep as one span) and the words the pages say it in; null for an event held once."""
    recurrence = ev.recurrence
    if recurrence is None:
        return None
    stored = recurrence.as_json()
    repeated = sessions(ev)
    return {
        "frequency": stored["frequency"],
        "weekdays": stored["weekdays"],
        "time": stored["time"],
        "endTime": f"{recurrence.end_time:%H:%M}" if recurrence.end_time else None,
        "minutes": stored["minutes"],
        "until": stored["until"],
        "excluded": stored["excluded"],
        "openingHours": recurrence.opening_hours,
        "rrule": rrule(repeated) if repeated else None,
        "text": schedule(recurrence, lang),
    }


def event_detail(
    ev: StoredEvent, base_url: str, paper: Callable[[Mention], str], lang: str = "zh"
) -> dict[str, Any]:
    """One event with every article that mentions it, for `/api/events/<uid>`.

    Each article is named by its paper (`paper`, see present.sources.paper_name), never by the file it was read from.
    """
    item = fullcalendar_event(ev, base_url, lang)
    item["mentions"] = [
        {
            "articleId": mention.article_id,
            "paper": clean_line(paper(mention)),
            "headline": clean_line(mention.headline),
            "published": mention.published,
            "evidence": clean_block(mention.evidence),
            "evidenceStart": mention.start,
            "evidenceEnd": mention.end,
            "url": article_url(base_url, mention),
        }
        for mention in ev.mentions
    ]
    return item


def render_events(events: Iterable[StoredEvent], base_url: str, lang: str = "zh") -> bytes:
    """A JSON array in start order, which is what FullCalendar's `events: URL` source expects: each event's item
    as dump() writes it inside the array, rendered once per event object (events are kept per data version)."""
    ordered = sorted(events, key=lambda ev: (first_day(ev), ev.start, ev.uid))
    if not ordered:
        return dump([])
    return b"[\n" + b",\n".join(listed_event(ev, base_url, lang) for ev in ordered) + b"\n]"


def listed_event(ev: StoredEvent, base_url: str, lang: str = "zh") -> bytes:
    """The event's item in an array of events, indented one level deeper than dump() writes it alone (a JSON
    string holds no raw line break, so every line break is the layout's)."""
    return remembered(ev, f"_api_item:{lang}:{base_url}",
                      lambda ev: b" " + dump(fullcalendar_event(ev, base_url, lang)).replace(b"\n", b"\n "))


def dump(value: Any) -> bytes:
    """JSON as UTF-8, readable Chinese, stable key order."""
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
