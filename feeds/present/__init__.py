"""Pure renderers: stored events in, iCalendar / RSS / Atom / JSON bytes out; no Flask, no database."""

from __future__ import annotations

from urllib.parse import quote, urlsplit


def subscribe_links(url: str) -> dict[str, str]:
    """Ways to subscribe to a calendar URL: `https`, `webcal` (opens the calendar app), `google`."""
    parts = urlsplit(url)
    webcal = "webcal://" + url[len(parts.scheme) + 3 :] if parts.scheme in ("http", "https") else url
    return {
        "https": url,
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe=":/"),
    }
