"""Calendars, feeds and the JSON API: parse the query, ask the store, render, answer with HTTP validators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from flask import Blueprint, Response, abort, current_app, request
from werkzeug.urls import iri_to_uri

from .. import store
from ..models import CATEGORIES, Selection, StoredEvent
from ..present import api, i18n, ics, openapi, syndication
from ..present.common import first_day, parse_utc
from ..present.selection import describe, feed_span
from . import clock
from .calendar_parts import calendar_parts, feed_parts
from .db import get_db
from .feed_options import (
    DEFAULT_OPTIONS,
    FEED_PARAMS,
    FULLCALENDAR_PARAMS,
    SELECTION_PARAMS,
    FeedOptions,
    check_params,
    convert,
    feed_options,
    recent,
)
from .filters import QueryError, apply_patterns, parse_query
from .http import add_cors, respond, validators
from .templating import current_lang, paper

bp = Blueprint("syndication", __name__)

DEFAULT_WINDOW_DAYS = 90
DEFAULT_MAX_ITEMS = 500
DEFAULT_MAX_AGE = 300

CALENDAR = "text/calendar; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
JSON_FEED = "application/feed+json; charset=utf-8"
JSON = "application/json; charset=utf-8"
_FEEDS = {
    "rss": (syndication.render_rss, RSS),
    "atom": (syndication.render_atom, ATOM),
    "json": (syndication.render_json_feed, JSON_FEED),
}


@dataclass(frozen=True)
class Settings:
    """The configurable limits (config WINDOW_DAYS, MAX_ITEMS, MAX_AGE; env FEEDS_WINDOW_DAYS…)."""

    window_days: int
    max_items: int
    max_age: int


def settings() -> Settings:
    config = current_app.config
    return Settings(
        window_days=int(config.get("WINDOW_DAYS", DEFAULT_WINDOW_DAYS)),
        max_items=int(config.get("MAX_ITEMS", DEFAULT_MAX_ITEMS)),
        max_age=int(config.get("MAX_AGE", DEFAULT_MAX_AGE)),
    )


def site_url() -> str:
    """Where links point: SITE_URL when set (behind a proxy, static export), else this request's root."""
    return (current_app.config.get("SITE_URL") or request.url_root).rstrip("/") + "/"


def self_url() -> str:
    """This request's URL on the site, query included, as a URI: calendars and feeds carry it verbatim,
    so `<`, quotes, spaces and line separators from the query string must stay percent-encoded."""
    return iri_to_uri(site_url().rstrip("/") + request.url[len(request.url_root.rstrip("/")) :])



def default_window_start(newest: dt.date | None, today: dt.date, days: int) -> dt.date:
    """Where a feed starts by default: `days` before today, or before the newest event when that is earlier.

    A live store reads "the last 90 days and everything upcoming"; an archive (the seeds, from 2021–2024)
    still shows its latest events instead of an empty feed.
    """
    anchor = today if newest is None else min(today, newest)
    return anchor - dt.timedelta(days=days)


@bp.after_request
def _cors(response: Response) -> Response:
    return add_cors(response)


@bp.errorhandler(QueryError)
def _bad_query(err: QueryError) -> Response:
    if request.path.startswith("/api/"):
        return Response(api.dump({"error": str(err)}), status=400, content_type=JSON)
    return Response(f"{err.text(current_lang())}\n", status=400, content_type="text/plain; charset=utf-8")


# --- calendars ---------------------------------------------------------------------------------


@bp.get("/calendar.ics")
def calendar() -> Response:
    """Every event (capped), or those the query asks for; calendar apps keep history, so no window."""
    check_params(request.args, SELECTION_PARAMS)
    return _listing("ics", parse_query(request.args, max_items=settings().max_items))


@bp.get("/categories/<category>.ics")
def category_calendar(category: str) -> Response:
    """One category's calendar; the other filters still apply."""
    if category not in CATEGORIES:
        abort(404)
    check_params(request.args, SELECTION_PARAMS)
    query = parse_query(request.args, max_items=settings().max_items)
    return _listing("ics", replace(query, category=category))


@bp.get("/events/<uid>.ics")
def event_calendar(uid: str) -> Response:
    """One event as a calendar file, for "add to calendar"."""
    ev = _event_or_404(uid)
    v = validators("event.ics", ev.uid, str(ev.sequence), ev.updated, site_url(), current_lang(),
                   last_modified=_modified(ev))
    return respond(
        lambda: ics.render_event(ev, url=self_url(), base_url=site_url(), lang=current_lang()),
        CALENDAR,
        v,
        max_age=settings().max_age,
        filename="event.ics",
    )


# --- feeds -------------------------------------------------------------------------------------


@bp.get("/feed.rss")
def feed_rss() -> Response:
    return _feed("rss")


@bp.get("/feed.atom")
def feed_atom() -> Response:
    return _feed("atom")


@bp.get("/feed.json")
def feed_json() -> Response:
    return _feed("json")


def _feed(kind: str) -> Response:
    """A feed, by default limited to a window of recent and upcoming events (see default_window_start)."""
    cfg = settings()
    check_params(request.args, SELECTION_PARAMS | FEED_PARAMS)
    options = feed_options(request.args)
    query = parse_query(request.args, max_items=cfg.max_items)
    if not query.dated:
        newest = _newest_day()
        query = replace(query, start=default_window_start(newest, clock.today(), cfg.window_days), window=True)
    return _listing(options.format or kind, query, options)


# --- API ---------------------------------------------------------------------------------------


@bp.get("/api/events")
def api_events() -> Response:
    """Events as a FullCalendar JSON event source (`start` / `end` as FullCalendar sends them)."""
    check_params(request.args, SELECTION_PARAMS | FULLCALENDAR_PARAMS)
    return _listing("api", parse_query(request.args, max_items=settings().max_items))


@bp.get("/api/events/<uid>")
def api_event(uid: str) -> Response:
    """One event with every article that mentions it."""
    ev = store.get_event(get_db(), uid)
    if ev is None:
        gone = store.get_retraction(get_db(), uid)
        if gone is not None:
            body = {"error": f"event {uid!r} was retracted", "retracted": gone.retracted, "successor": gone.successor}
            return Response(api.dump(body), status=410, content_type=JSON)
        return Response(api.dump({"error": f"no event {uid!r}"}), status=404, content_type=JSON)
    v = validators("api.event", ev.uid, str(ev.sequence), ev.updated, site_url(), current_lang(),
                   last_modified=_modified(ev))
    return respond(lambda: api.dump(api.event_detail(ev, site_url(), paper, current_lang())), JSON, v,
                   max_age=settings().max_age)


@bp.get("/api/openapi.json")
def api_openapi() -> Response:
    """The OpenAPI 3.1 description of every route in this blueprint."""
    v = validators("openapi", site_url(), last_modified=openapi.UPDATED)
    return respond(lambda: api.dump(openapi.document(site_url())), JSON, v, max_age=settings().max_age)


@bp.get("/api/sources")
def api_sources() -> Response:
    """The news sites followed, read-only (they are added and removed with `feeds sources`)."""
    from ..present.sources import source_json

    records = [source_json(source) for source in store.list_sources(get_db())]
    body = api.dump(records)
    stamps = [r["lastFetch"] for r in records if r["lastFetch"]] + [r["added"] for r in records]
    modified = parse_utc(max(stamps)) if stamps else store.EPOCH
    v = validators("sources", body.decode(), last_modified=modified)
    return respond(lambda: body, JSON, v, max_age=0)


# --- shared ------------------------------------------------------------------------------------


def _listing(kind: str, query: Selection, options: FeedOptions = DEFAULT_OPTIONS) -> Response:
    """Validators first (a 304 costs one small query), then fetch, filter and render."""
    cfg = settings()
    db = get_db()
    version, modified = store.data_version(db)
    now = clock.now()
    # filter_time moves with the clock: its ETag changes every minute, not only with the data.
    moment = now.strftime("%Y-%m-%dT%H:%M") if options.filter_time else ""
    # The normalized query carries what the request resolved to (the feed window moves with the date);
    # the URL itself is in the body (atom:link rel=self, the calendar's SOURCE).
    v = validators(kind, query.key(), version, self_url(), moment, current_lang(), last_modified=modified)
    return respond(lambda: _render(kind, query, cfg, options, now), _content_type(kind), v, max_age=cfg.max_age)


def _content_type(kind: str) -> str:
    return {"ics": CALENDAR, "api": JSON}.get(kind) or _FEEDS[kind][1]


def _render(kind: str, query: Selection, cfg: Settings, options: FeedOptions, now: dt.datetime) -> bytes:
    base = site_url()
    lang = current_lang()
    if kind == "ics" and not query.patterns and options == DEFAULT_OPTIONS:
        name, description = _names(query, "calendar", lang)
        parts = calendar_parts(get_db(), _capped(kind, query, cfg), base, lang)
        return ics.assemble_calendar(parts, name=name, description=description, url=self_url())
    if kind in syndication.FEED_KINDS and not query.patterns and options == DEFAULT_OPTIONS:
        parts = feed_parts(get_db(), _capped(kind, query, cfg), kind, base, lang)
        updated = syndication.newest_change(parts) or store.data_version(get_db())[1]
        return syndication.assemble_feed(kind, parts, _feed_info(query, lang, updated, options))
    events = convert(recent(_events(kind, query, cfg), options.filter_time, now), options.opencc)
    if kind == "ics":
        name, description = _names(query, "calendar", lang)
        return ics.render_calendar(events, name=name, description=description, url=self_url(), base_url=base,
                                   lang=lang)
    if kind == "api":
        return api.render_events(events, base, lang)
    updated = max((parse_utc(ev.updated) for ev in events), default=store.data_version(get_db())[1])
    return _FEEDS[kind][0](events, _feed_info(query, lang, updated, options))


def _feed_info(query: Selection, lang: str, updated: dt.datetime, options: FeedOptions) -> syndication.FeedInfo:
    title, description = _names(query, "events", lang)
    author = current_app.config.get("SITE_TITLE", "feeds")
    return syndication.FeedInfo(title, description, site_url(), self_url(), updated, language=i18n.HTML_LANG[lang],
                                lang=lang, author=author, brief=options.brief, sort=options.sorted)


_ORDER = {"ics": "-start", "api": "start"}
"""Which events the cap keeps: a calendar the latest, the API its range in order, a feed the newest news."""


def _events(kind: str, query: Selection, cfg: Settings) -> list[StoredEvent]:
    fetched = store.query_events(get_db(), _capped(kind, query, cfg))
    return apply_patterns(fetched, query, site_url())[:query.limit or cfg.max_items]


def _capped(kind: str, query: Selection, cfg: Settings) -> Selection:
    """The store's query for a listing: its order, and its cap (all MAX_ITEMS when patterns filter afterwards)."""
    limit = query.limit or cfg.max_items
    return replace(query, limit=cfg.max_items if query.patterns else limit, order=_ORDER.get(kind, "-updated"))


def _newest_day() -> dt.date | None:
    """The start day of the latest event in the store (the feed window's anchor for archives)."""
    latest = store.query_events(get_db(), Selection(limit=1, order="-start"))
    return first_day(latest[0]) if latest else None


_NOUNS = {"calendar": ("日历", "calendar"), "events": ("活动", "events")}


def _names(query: Selection, noun: str, lang: str) -> tuple[str, str]:
    """A title and description that say what the filters selected, e.g. `feeds · 会议 · 青岛 活动`."""
    site = current_app.config.get("SITE_TITLE", "feeds")
    terms = describe(query, lang)
    zh_noun, en_noun = _NOUNS[noun]
    span = feed_span(query, lang)
    if lang == "en":
        title = f"{site} · {' · '.join(terms)} {en_noun}" if terms else f"{site} · all {en_noun}"
        return title, "Events, fairs, conferences and deadlines in newspaper articles" + (f" ({span})" if span else "")
    title = f"{site} · {' · '.join(terms)}{zh_noun}" if terms else f"{site} · 全部{zh_noun}"
    description = "报纸文章中提到的活动、展会、会议和截止日期" + (f"（{span}）" if span else "")
    return title, description


def _event_or_404(uid: str) -> StoredEvent:
    ev = store.get_event(get_db(), uid)
    if ev is None:
        abort(410 if store.get_retraction(get_db(), uid) else 404)
    return ev


def _modified(ev: StoredEvent) -> dt.datetime:
    return parse_utc(ev.updated)
