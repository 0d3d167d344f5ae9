"""The HTML pages people read: events by day, a month, one event, one article, and the embed for other sites.

Every page works without JavaScript (the embed's height messages and the optional FullCalendar view
are the only scripts). Filters are the query parameters calendars and feeds take, so each page can
offer "subscribe to this". Language, links and template filters are in templating.py.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from sqlite_utils import Database
from werkzeug.exceptions import HTTPException, NotFound

from .. import store
from ..models import Selection, StoredEvent
from ..present import i18n
from ..present.article_text import highlight, marks_of, superseded
from ..present.common import event_url, first_day, last_day
from ..present.event_page import (
    evidence_context,
    google_calendar_url,
    json_ld,
    outlook_calendar_url,
    script_json,
)
from ..present.month import (
    DEFAULT_LANES,
    MonthGrid,
    grid_bounds,
    month_grid,
    month_key,
    shift_month,
    upcoming_month,
    valid_month,
)
from ..present.selection import date_range, describe
from . import clock, health, templating
from .db import get_db
from .embed import LIST_LIMIT, accent_css, embed_options, snippet
from .filters import QueryError
from .page_cache import cacheable_page
from .page_query import ended_before, group_by_day, page_filters, subscriptions
from .syndication import site_url
from .templating import page_url, t

bp = Blueprint("pages", __name__)
templating.register(bp)

EMBED_JS_MAX_AGE = 3600
"""Host pages load embed.js on every view; an hour keeps that cheap and still picks up fixes."""
NOT_FOUND_SUGGESTIONS = 5
"""Upcoming events a 404 page offers instead of what was not there."""
_DATA_SUFFIXES = (".ics", ".rss", ".atom", ".json", ".js", ".css", ".xml", ".txt")


# --- pages -----------------------------------------------------------------------------------


def _past(db: Database, filters: Selection, today: dt.date, limit: int, upcoming_limit: int) -> list[StoredEvent]:
    """Events that ended before today, latest first; a query by start also returns running ones, dropped here."""
    if not filters.active:
        return store.past_events(db, before=today, limit=limit)
    yesterday = today - dt.timedelta(days=1)
    fetched = store.query_events(db, replace(filters, end=yesterday, order="-start", limit=limit + upcoming_limit))
    ended = sorted(ended_before(fetched, today), key=lambda ev: (last_day(ev), ev.start), reverse=True)
    return ended[:limit]


def _latest(db: Database, filters: Selection, today: dt.date) -> StoredEvent | None:
    """The event that ended last before today: where an archive (or a quiet spell) opens."""
    found = _past(db, filters, today, 1, current_app.config["UPCOMING_LIMIT"])
    return found[0] if found else None


def _opening_month(db: Database, filters: Selection, today: dt.date) -> tuple[int, int]:
    """The month a calendar opens on: the next event's, else the latest past event's, else this month.

    An archive whose events all lie in the past must not open on an empty month.
    """
    upcoming = store.query_events(db, replace(filters, start=today, limit=1))
    if upcoming:
        return upcoming_month(upcoming, today)
    latest = _latest(db, filters, today)
    if latest is None:
        return today.year, today.month
    day = last_day(latest)
    return day.year, day.month


def _nearest_month(db: Database, filters: Selection, year: int, month: int) -> tuple[str, dt.date] | None:
    """For an empty month: ("next", first of the next month with events), else ("previous", …), else None."""
    after = dt.date(*shift_month(year, month, 1), 1)
    following = store.query_events(db, replace(filters, start=after, limit=1))
    if following:
        day = max(first_day(following[0]), after)
        return "next", day.replace(day=1)
    before = dt.date(year, month, 1) - dt.timedelta(days=1)
    earlier = _past(db, filters, before + dt.timedelta(days=1), 1, current_app.config["UPCOMING_LIMIT"])
    if earlier:
        return "previous", last_day(earlier[0]).replace(day=1)
    return None


def _heading(filters: Selection) -> str:
    """The page's h1: what the filters select (`展会 · 青岛 · “论坛”`), or "upcoming events"."""
    parts = [*describe(filters, templating.current_lang()), date_range(filters)]
    return " · ".join(p for p in parts if p) or str(t("home.title"))


@bp.get("/")
def index() -> str:
    """Upcoming events by day, then the most recent past ones; with from/to, the events of those days."""
    db = get_db()
    today = clock.today()
    filters = page_filters(request.args)
    upcoming_limit, past_limit = current_app.config["UPCOMING_LIMIT"], current_app.config["PAST_LIMIT"]
    if filters.dated:
        listed = store.query_events(db, replace(filters, limit=upcoming_limit))
        groups, past = group_by_day(listed, since=filters.start), []
    else:
        listed = store.query_events(db, replace(filters, start=today, limit=upcoming_limit))
        groups = group_by_day(listed, since=today)
        past = _past(db, filters, today, past_limit, upcoming_limit)
    return render_template(
        "index.html",
        today=today,
        filters=filters,
        heading=_heading(filters),
        groups=groups,
        count=len(listed),
        past=past,
        archive_end=last_day(past[0]) if past and not groups and not filters.dated else None,
        subs=subscriptions(site_url(), filters, current_app.config.get("STATIC_EXPORT", False)),
        empty_store=not filters.active and not listed and not past,
    )


@bp.get("/calendar")
def calendar_now() -> Response:
    """The month of the next event (or this month), with the same filters."""
    filters = replace(page_filters(request.args), start=None, end=None)
    year, month = _opening_month(get_db(), filters, clock.today())
    return redirect(page_url("pages.month", year=year, month=month, **filters.args()))


@bp.get("/calendar/<int:year>/<int:month>")
@cacheable_page
def month(year: int, month: int) -> str:
    """A month grid, Monday first; events over several days span them; month-only events listed apart."""
    if not valid_month(year, month):
        abort(404)
    filters = replace(page_filters(request.args), start=None, end=None)
    db = get_db()
    grid = _grid(db, filters, year, month)
    empty = not grid.undated and not any(week.lanes for week in grid.weeks)
    prev, following = shift_month(year, month, -1), shift_month(year, month, 1)
    today = clock.today()
    if current_app.config.get("STATIC_EXPORT"):  # only the months from the first event's to the last's exist
        months = store.event_months(db)
        in_export = (lambda ym: bool(months) and months[0] <= ym <= months[-1])  # noqa: E731
        prev, following = (prev if in_export(prev) else None), (following if in_export(following) else None)
        today = today if in_export((today.year, today.month)) else None
    return render_template(
        "month.html",
        grid=grid,
        empty=empty,
        nearest=_nearest_month(db, filters, year, month) if empty else None,
        filters=filters,
        today=today,
        first=dt.date(year, month, 1),
        prev=prev,
        next=following,
        subs=subscriptions(site_url(), filters, current_app.config.get("STATIC_EXPORT", False)),
    )


@bp.get("/calendar/interactive")
def interactive() -> str:
    """FullCalendar over /api/events, opened on the month of the next event; the month page is its fallback."""
    filters = replace(page_filters(request.args), start=None, end=None)
    year, month = _opening_month(get_db(), filters, clock.today())
    # A static export has no /api/events to ask: the exported list (FullCalendar picks the month's out of it).
    exported = url_for("syndication.api_events") + ".json" if current_app.config.get("STATIC_EXPORT") else None
    return render_template("interactive.html", filters=filters, initial=dt.date(year, month, 1), events_url=exported)


def _grid(db: Database, filters: Selection, year: int, month: int) -> MonthGrid:
    """The month laid out from its events' spans, a few lanes a week (MONTH_LANES), and only the events drawn read."""
    start, end = grid_bounds(year, month)
    spans = store.query_spans(db, replace(filters, start=start, end=end))
    grid = month_grid(year, month, spans, int(current_app.config.get("MONTH_LANES", DEFAULT_LANES)))
    return grid.with_events({ev.uid: ev for ev in store.events_by_uid(db, grid.uids())})


@bp.get("/events/<uid>")
@cacheable_page
def event(uid: str) -> str:
    """One event: when, where, status, "add to calendar", and each report with its sentence in context."""
    db = get_db()
    found = store.get_event(db, uid)
    if found is None:
        return _gone(db, uid)
    site = site_url()
    sources = []
    for mention in found.mentions:
        article = store.get_article(db, mention.article_id)
        context = evidence_context(article["text"], mention.start, mention.end) if article else None
        sources.append((mention, context))
    url = event_url(site, found.uid)
    return render_template(
        "event.html",
        event=found,
        sources=sources,
        url=url,
        google=google_calendar_url(found, site, templating.current_lang()),
        outlook=outlook_calendar_url(found, site, templating.current_lang()),
        json_ld=script_json(json_ld(found, url, t("event.no_location"), templating.current_lang())),
        parent=store.get_event(db, found.parent_uid) if found.parent_uid else None,
    )


def _gone(db: Database, uid: str) -> Response:
    """A retracted event: to the event its reports moved to, else 410 Gone with the article that had it."""
    retraction = store.get_retraction(db, uid)
    if retraction is None:
        abort(404)
    if retraction.successor and store.get_event(db, retraction.successor):
        return redirect(page_url("pages.event", uid=retraction.successor), 301)
    html = render_template("gone.html", retraction=retraction,
                           article=store.get_article(db, retraction.article_id) if retraction.article_id else None)
    return make_response(html, 410)


@bp.get("/articles/<article_id>")
@cacheable_page
def article(article_id: str) -> str:
    """A stored article with each event's sentence marked and numbered: the evidence, in context."""
    db = get_db()
    found = store.get_article(db, article_id)
    if found is None:
        abort(404)
    events = store.events_of_article(db, article_id)
    return render_template(
        "article.html",
        article=found,
        segments=highlight(found["text"], marks_of(article_id, events)),
        events=events,
        superseded=superseded(article_id, events, store.reported_spans(db, article_id)),
    )


@bp.get("/sources")
def sources() -> str:
    """The news sites followed, read-only: what `feeds sources list` shows (sources are changed on the command line)."""
    from ..present.sources import beijing_time, counts_label, every_label

    return render_template("sources.html", sources=store.list_sources(get_db()), every_label=every_label,
                           counts_label=counts_label, beijing=beijing_time)


# --- embed -----------------------------------------------------------------------------------


@bp.get("/embed")
@cacheable_page
def embed() -> str:
    """The compact calendar for other sites' iframes (frame-ancestors *, see security.FRAMEABLE_ENDPOINTS)."""
    db = get_db()
    filters = page_filters(request.args)
    options = embed_options(request.args)
    today = clock.today()
    context: dict[str, Any] = {"filters": filters, "options": options, "today": today}
    if options.view == "month":
        if options.month:
            year, number = int(options.month[:4]), int(options.month[5:])
        else:
            year, number = _opening_month(db, replace(filters, start=None, end=None), today)
        if not valid_month(year, number):
            abort(404)
        undated = replace(filters, start=None, end=None)
        context |= {
            "grid": _grid(db, undated, year, number),
            "first": dt.date(year, number, 1),
            "prev": month_key(*shift_month(year, number, -1)),
            "next": month_key(*shift_month(year, number, 1)),
        }
    else:
        since = filters.start or today
        listed = store.query_events(db, replace(filters, start=since, limit=LIST_LIMIT))
        context["groups"] = group_by_day(listed, since=since)
        if not listed and not filters.dated:  # an archive, or a quiet spell: the latest events, not an empty box
            context["recent"] = _past(db, filters, today, LIST_LIMIT, current_app.config["UPCOMING_LIMIT"])
    context["accent_css"] = accent_css(options.accent, options.theme)
    return render_template("embed.html", **context)


@bp.get("/embed.js")
def embed_js() -> Response:
    """The script site owners paste: inserts the iframe and keeps its height fitted to the content."""
    response = current_app.send_static_file("embed.js")
    response.mimetype = "text/javascript"
    response.cache_control.no_cache = None  # send_static_file's default would contradict the max-age
    response.cache_control.public = True
    response.cache_control.max_age = EMBED_JS_MAX_AGE
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/embed/builder")
def embed_builder() -> str:
    """The copy-paste snippet for the chosen filters and look, with a live preview."""
    filters = page_filters(request.args)
    options = embed_options(request.args)
    chosen_lang = request.args.get("embed_lang") if request.args.get("embed_lang") in i18n.LANGUAGES else None
    code = snippet(site_url(), filters, options, chosen_lang)
    attributes = {**filters.args(), **options.args(), **({"lang": chosen_lang} if chosen_lang else {})}
    return render_template(
        "builder.html", filters=filters, options=options, code=code, attributes=attributes, embed_lang=chosen_lang
    )


# --- errors ----------------------------------------------------------------------------------


@bp.errorhandler(QueryError)
def bad_filter(err: QueryError) -> Response:
    """A wrong filter value: say which, and offer the page without filters."""
    return make_response(render_template("error.html", title=t("error.400_title"),
                                         message=err.text(templating.current_lang())), 400)


@bp.app_errorhandler(404)
def not_found(err: HTTPException) -> Response:
    """A page that helps: search, the home page and the month. Calendars, feeds and files get a plain 404."""
    if request.path.startswith(("/api/", "/static/")) or request.path.endswith(_DATA_SUFFIXES):
        return err.get_response() if isinstance(err, HTTPException) else NotFound().get_response()
    try:
        upcoming = store.query_events(get_db(), Selection(start=clock.today(), limit=NOT_FOUND_SUGGESTIONS))
    except (store.StorageFault, sqlite3.DatabaseError) as error:  # an error handler's own exception is a 500
        if (fault := health.as_fault(error)) is None:
            raise
        return health.unavailable(fault)
    html = render_template("error.html", title=t("error.404_title"), message=t("error.404_text"), upcoming=upcoming)
    return make_response(html, 404)
