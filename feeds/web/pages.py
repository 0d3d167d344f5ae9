"""The HTML pages people read: the home page with upcoming and past events and where each was reported."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote

from flask import Blueprint, abort, current_app, render_template

from .. import store
from ..db import get_db
from ..models import TZ, EventFilter, StoredEvent

bp = Blueprint("pages", __name__)

CATEGORY_LABELS = {
    "conference": "会议",
    "fair": "展会",
    "exhibition": "展览",
    "trade_mission": "经贸出访",
    "deadline": "截止日期",
    "competition": "比赛",
    "festival": "节庆活动",
    "other": "其他",
}
STATUS_LABELS = {"confirmed": "", "tentative": "待定", "cancelled": "已取消"}



@dataclass(frozen=True)
class Link:
    """A subscription link shown in the header, and announced in <head> when it is a feed."""

    href: str
    label: str
    type: str


_SUBSCRIPTIONS = (
    ("/calendar.ics", "日历 (iCal)", "text/calendar"),
    ("/feed.atom", "Atom", "application/atom+xml"),
    ("/feed.rss", "RSS", "application/rss+xml"),
    ("/feed.json", "JSON Feed", "application/feed+json"),
    ("/api/events", "API", "application/json"),
)
_EVENT_ICS = re.compile(r"^/events/<[^>]+>\.ics$")


def _routes() -> set[str]:
    """The app's URL rules with converters dropped, to link only to routes that exist."""
    rules = current_app.url_map.iter_rules()
    return {re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"<\1>", rule.rule) for rule in rules}


def _today() -> dt.date:
    return dt.datetime.now(TZ).date()


@bp.get("/")
def index() -> str:
    """Upcoming events by date, then the most recent past ones: a calendar is also a record."""
    db = get_db()
    today = _today()
    upcoming = store.query_events(db, EventFilter(start=today, limit=current_app.config["UPCOMING_LIMIT"]))
    past = store.past_events(db, before=today, limit=current_app.config["PAST_LIMIT"])
    routes = _routes()
    subscriptions = [Link(href, label, kind) for href, label, kind in _SUBSCRIPTIONS if href in routes]
    event_ics = any(_EVENT_ICS.match(rule) for rule in routes)
    return render_template(
        "index.html",
        today=today,
        upcoming=upcoming,
        past=past,
        subscriptions=subscriptions,
        event_ics=event_ics,
    )


@bp.get("/events/<uid>")
def event(uid: str) -> str:
    """One event: when, where, and every article that reported it, with the sentence it came from."""
    found = store.get_event(get_db(), uid)
    if found is None:
        abort(404)
    routes = _routes()
    return render_template(
        "event.html",
        event=found,
        subscriptions=[Link(h, label, kind) for h, label, kind in _SUBSCRIPTIONS if h in routes],
        event_ics=any(_EVENT_ICS.match(rule) for rule in routes),
    )


@bp.get("/articles/<article_id>")
def article(article_id: str) -> str:
    """A stored article with the sentences its events came from highlighted: the evidence, in context."""
    db = get_db()
    found = store.get_article(db, article_id)
    if found is None:
        abort(404)
    events = store.events_of_article(db, article_id)
    spans = [
        (m.start, m.end)
        for ev in events
        for m in ev.mentions
        if m.article_id == article_id
    ]
    routes = _routes()
    return render_template(
        "article.html",
        article=found,
        segments=highlight(found["text"], spans),
        events=events,
        subscriptions=[Link(h, label, kind) for h, label, kind in _SUBSCRIPTIONS if h in routes],
    )


@dataclass(frozen=True)
class Segment:
    """A piece of article text; `anchor` is set on the pieces that are evidence for an event."""

    text: str
    anchor: str | None = None


def highlight(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Cut `text` into plain and evidence segments; overlapping or out-of-range spans are skipped."""
    segments, position = [], 0
    for start, end in sorted(set(spans)):
        start, end = max(start, 0), min(end, len(text))
        if start < position or end <= start:
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], f"m-{start}"))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


@bp.app_template_filter("when")
def when(event: StoredEvent) -> str:
    """An event's dates as a reader wants them: one day, a span, a month, or times of day."""
    if event.precision == "month":
        start, end = event.start[:7], event.end[:7]
        return start if start == end else f"{start} – {end}"
    if event.precision == "time":
        start, end = dt.datetime.fromisoformat(event.start), dt.datetime.fromisoformat(event.end)
        if start.date() == end.date():
            suffix = "" if end == start else f"–{end:%H:%M}"
            return f"{start:%Y-%m-%d %H:%M}{suffix}"
        return f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
    return event.start if event.start == event.end else f"{event.start} – {event.end}"


@bp.app_template_filter("category_label")
def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


@bp.app_template_filter("status_label")
def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


@bp.app_template_filter("uid_path")
def uid_path(uid: str) -> str:
    """A uid as a URL path segment."""
    return quote(uid, safe="@")
