"""What an event page adds to the stored event: "add to calendar" links, schema.org JSON-LD, and context.

Pure functions: the Google and Outlook links carry the event itself (they cannot subscribe to a
single .ics), JSON-LD lets search engines read the event, and the evidence is shown in its sentence.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from ..models import StoredEvent
from .common import (
    category_label,
    clean_line,
    details_text,
    display_title,
    evidence,
    exclusive_end_day,
    first_day,
    last_day,
    timed_end,
    timed_start,
)

MAX_DETAILS_CHARS = 1000
"""Google and Outlook take the details in the URL; browsers and servers refuse very long URLs."""
CONTEXT_CHARS = 80
"""How much article text to show on each side of the evidence sentence."""

_SCHEMA_STATUS = {"cancelled": "https://schema.org/EventCancelled"}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def is_postponed(ev: StoredEvent) -> bool:
    """Whether the event was put off to the dates it now has (a stored status, set when a report said so)."""
    return ev.status == "postponed"


def display_status(ev: StoredEvent) -> str:
    """The status a reader should see: cancelled, postponed, tentative or confirmed."""
    return ev.status


def _details(ev: StoredEvent, base_url: str, lang: str) -> str:
    text = details_text(ev, base_url, lang)
    return text if len(text) <= MAX_DETAILS_CHARS else text[: MAX_DETAILS_CHARS - 1] + "…"


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_url(ev: StoredEvent, base_url: str, lang: str = "zh") -> str:
    """Google Calendar's "create event" template: all-day dates with an exclusive end, times in UTC."""
    if ev.all_day:
        dates = f"{first_day(ev):%Y%m%d}/{exclusive_end_day(ev):%Y%m%d}"
    else:
        start = timed_start(ev)
        dates = f"{_utc(start)}/{_utc(timed_end(ev) or start)}"
    params = {
        "action": "TEMPLATE",
        "text": display_title(ev, lang),
        "dates": dates,
        "details": _details(ev, base_url, lang),
        "location": clean_line(ev.location),
        "ctz": "Asia/Shanghai",
    }
    return "https://calendar.google.com/calendar/render?" + urlencode({k: v for k, v in params.items() if v})


def outlook_calendar_url(ev: StoredEvent, base_url: str, lang: str = "zh") -> str:
    """Outlook on the web's compose deep link; all-day events end on the day after, as Outlook expects."""
    params = {"path": "/calendar/action/compose", "rru": "addevent", "subject": display_title(ev, lang)}
    if ev.all_day:
        params |= {"startdt": first_day(ev).isoformat(), "enddt": exclusive_end_day(ev).isoformat(), "allday": "true"}
    else:
        start = timed_start(ev)
        params |= {"startdt": start.isoformat(), "enddt": (timed_end(ev) or start).isoformat()}
    params |= {"body": _details(ev, base_url, lang), "location": clean_line(ev.location)}
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(
        {k: v for k, v in params.items() if v}
    )


def _schema_dates(ev: StoredEvent) -> tuple[str, str]:
    """ISO 8601 as precise as the article: `2023-05` for a month, a day, or a time with its offset."""
    if ev.precision == "month":
        return f"{first_day(ev):%Y-%m}", f"{last_day(ev):%Y-%m}"
    if ev.all_day:
        return first_day(ev).isoformat(), last_day(ev).isoformat()
    start = timed_start(ev)
    return start.isoformat(), (timed_end(ev) or start).isoformat()


def schema_status(ev: StoredEvent) -> str:
    """schema.org's eventStatus: cancelled; postponed without a known day; rescheduled; or scheduled."""
    status = display_status(ev)
    if status == "postponed":
        dated = ev.precision != "month" and ev.status != "tentative"
        return "https://schema.org/EventRescheduled" if dated else "https://schema.org/EventPostponed"
    return _SCHEMA_STATUS.get(status, "https://schema.org/EventScheduled")


def json_ld(ev: StoredEvent, url: str, no_location: str, lang: str = "zh") -> dict[str, Any]:
    """The schema.org Event for search engines; a place not yet known is named as such, not left out."""
    start, end = _schema_dates(ev)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": clean_line(ev.title) or display_title(ev, lang),
        "startDate": start,
        "endDate": end,
        "eventStatus": schema_status(ev),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": clean_line(ev.location) or no_location},
        "description": evidence(ev) or display_title(ev, lang),
        "url": url,
        "keywords": category_label(ev.category, lang),
    }
    return data


def script_json(data: Any) -> Markup:
    """JSON safe inside <script>: `<`, `>`, `&` and the JavaScript line separators are \\u-escaped,
    so a title containing `</script>` cannot end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _JSON_ESCAPES.items():
        text = text.replace(char, escaped)
    return Markup(text)


@dataclass(frozen=True)
class Context:
    """The evidence sentence with some of the article around it."""

    before: str
    evidence: str
    after: str


def evidence_context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> Context | None:
    """The sentence at [start, end) of `text` and up to `width` characters either side (None if out of range)."""
    if not 0 <= start < end <= len(text):
        return None
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0:
        before = "…" + before.lstrip()
    if end + width < len(text):
        after = after.rstrip() + "…"
    return Context(before, text[start:end], after)
