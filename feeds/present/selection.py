"""A selection in words: the terms every page heading and feed title is made of (`展会 · 青岛 · “论坛”`)."""

from __future__ import annotations

from ..models import Selection
from .i18n import category_name, message


def describe(selection: Selection, lang: str) -> list[str]:
    """What the selection picks besides its dates, in `lang`: category, place, search words, status."""
    terms = []
    if selection.category:
        terms.append(category_name(selection.category, lang))
    if selection.location:
        terms.append(selection.location)
    if selection.q:
        terms.append(f"“{selection.q}”")
    if selection.status:
        terms.append(message(lang, f"status.{selection.status}"))
    return terms


def date_range(selection: Selection) -> str:
    """The selection's days as a heading shows them (`2022-11-01 – …`), or "" when it has none."""
    if not selection.dated:
        return ""
    start = selection.start.isoformat() if selection.start else "…"
    end = selection.end.isoformat() if selection.end else "…"
    return f"{start} – {end}"


def feed_span(selection: Selection, lang: str = "zh") -> str:
    """The selection's days as a feed's description says them (`2022-11-01 以来及即将举行`)."""
    if lang == "en":
        return _feed_span_en(selection)
    if selection.window and selection.start:
        return f"{selection.start.isoformat()} 以来及即将举行"
    if selection.start and selection.end:
        return f"{selection.start.isoformat()} 至 {selection.end.isoformat()}"
    if selection.start:
        return f"{selection.start.isoformat()} 起"
    if selection.end:
        return f"至 {selection.end.isoformat()}"
    return ""


def _feed_span_en(selection: Selection) -> str:
    start = selection.start.isoformat() if selection.start else None
    end = selection.end.isoformat() if selection.end else None
    if selection.window and start:
        return f"since {start} and upcoming"
    if start and end:
        return f"{start} to {end}"
    return f"from {start}" if start else f"until {end}" if end else ""
