"""What the page templates share: the reader's language, links that keep it, and date and status filters.

Registered on the pages blueprint (`register`), so every template of the app sees the same helpers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, g, request, url_for
from markupsafe import Markup

from ..models import CATEGORIES, EventSpan, Selection, StoredEvent
from ..present import i18n
from ..present.event_page import display_status
from ..present.recurrence import sessions
from . import clock

# --- language --------------------------------------------------------------------------------


def current_lang() -> str:
    """The interface language of this request (see i18n.choose_language), decided once."""
    if "lang" not in g:
        g.lang = i18n.choose_language(request.args.get("lang"), request.accept_languages)
    return g.lang


def _explicit_lang() -> str | None:
    """`lang` when the reader chose it in the URL: links carry it on, since the browser will not."""
    asked = request.args.get("lang")
    return current_lang() if asked else None


def page_url(endpoint: str, **values: Any) -> str:
    """url_for, keeping `?lang=` when the reader chose a language by URL."""
    values.setdefault("lang", _explicit_lang())
    return url_for(endpoint, **values)


def filter_url(filters: Selection, endpoint: str | None = None, **changes: str | None) -> str:
    """A page with these filters, some changed: `filter_url(f, category="fair")`; None drops one.

    `from_` stands for `from`, which templates cannot use as a name.
    """
    args: dict[str, str | None] = {**filters.args(), **{k.rstrip("_"): v for k, v in changes.items()}}
    endpoint = endpoint or request.endpoint or "pages.index"
    view_args = (request.view_args or {}) if endpoint == request.endpoint else {}
    return page_url(endpoint, **view_args, **args)


EXPORT_TREES = {"zh": "", "en": "/en"}
"""Where a static export keeps each language's copy of the site, under its root (see commands.export_command)."""


def lang_url(lang: str) -> str:
    """This page in another language: its path from the route, the query string copied, not given to url_for.

    Handing query parameters to url_for as keywords lets `?endpoint=`, `?_method=`, `?_external=` or a
    route argument's name (`/events/<uid>?uid=`) break or change the link. A static export has no query
    strings: there the other language is the same page in the other language's tree.
    """
    path = url_for(request.endpoint or "pages.index", **(request.view_args or {}))
    if current_app.config.get("STATIC_EXPORT"):
        here = request.script_root
        root = here.removesuffix(EXPORT_TREES[current_lang()]) if EXPORT_TREES[current_lang()] else here
        return root + EXPORT_TREES[lang] + path[len(here):]
    args = [(name, value) for name, value in request.args.items(multi=True) if name != "lang"]
    return f"{path}?{urlencode([*args, ('lang', lang)])}"


def t(key: str, **values: object) -> Markup:
    """A message in the reader's language, as HTML: values are escaped unless already Markup."""
    text = Markup.escape(i18n.message(current_lang(), key))
    return text.format(**values) if values else text


def _template_globals() -> dict[str, Any]:
    lang = current_lang()
    return {
        "lang": lang,
        "html_lang": i18n.HTML_LANG[lang],
        "t": t,
        "page_url": page_url,
        "lang_url": lang_url,
        "filter_url": filter_url,
        "categories": [(key, i18n.category_name(key, lang)) for key in CATEGORIES],
    }


def _language_headers(response: Response) -> Response:
    """The same URL answers in two languages: caches must key on Accept-Language."""
    if response.mimetype == "text/html":
        response.vary.add("Accept-Language")
        response.headers["Content-Language"] = i18n.HTML_LANG[current_lang()]
    return response


# --- template filters ------------------------------------------------------------------------


def when(event: StoredEvent) -> str:
    """An event's dates in short ISO form: one day, a span, a month, or times of day."""
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


def when_long(event: StoredEvent) -> str:
    """When, in the reader's language, with weekdays (Beijing time)."""
    return i18n.when(event, current_lang())


def schedule(event: StoredEvent) -> str:
    """A recurring event's days and times in the reader's language (`每晚19:30` as `每天 19:30`), else ""."""
    return i18n.schedule(event.recurrence, current_lang()) if event.recurrence else ""


def session_time(event: StoredEvent | EventSpan) -> str:
    """The time of day a recurring event's sessions start, as a month grid's cell shows it (`19:30`), else ""."""
    repeated = sessions(event)
    return f"{repeated.time:%H:%M}" if repeated and repeated.time else ""


def category_label(category: str) -> str:
    return i18n.category_name(category, current_lang())


def status_label(event: StoredEvent) -> str:
    """The status worth pointing out (cancelled, postponed, tentative), or "" for a confirmed event."""
    status = display_status(event)
    return "" if status == "confirmed" else t(f"status.{status}")


def status(event: StoredEvent) -> str:
    return display_status(event)


def day_name(day: dt.date) -> str:
    return i18n.day_name(day, current_lang(), clock.today())


def month_name(day: dt.date) -> str:
    return i18n.month_name(day.year, day.month, current_lang())


def weekday(index: int) -> str:
    return i18n.weekday_short(index, current_lang())


def weekday_long(index: int) -> str:
    return i18n.weekday_long(index, current_lang())


def web_url(value: str | None) -> str | None:
    """The address when it is a web page; `javascript:` and file names are not links."""
    return value if value and value.startswith(("https://", "http://")) else None


def paper(item: Any) -> str:
    """The paper a mention or an article (dict) is from (see present.sources.paper_name); followed sites read once."""
    from .. import store
    from ..present.sources import paper_name
    from .db import get_db

    if "followed" not in g:
        g.followed = store.list_sources(get_db())
    url = item.get("source_url") if isinstance(item, dict) else item.source_url
    return paper_name(url, g.followed, current_app.config.get("PAPER_NAME", ""))


FILTERS: dict[str, Callable[..., Any]] = {
    "when": when,
    "when_long": when_long,
    "schedule": schedule,
    "session_time": session_time,
    "category_label": category_label,
    "status_label": status_label,
    "status": status,
    "day_name": day_name,
    "month_name": month_name,
    "weekday": weekday,
    "weekday_long": weekday_long,
    "web_url": web_url,
    "paper": paper,
}


def register(bp: Blueprint) -> None:
    """Give every template the helpers and filters, and mark HTML answers with their language."""
    bp.app_context_processor(_template_globals)
    bp.after_request(_language_headers)
    for name, func in FILTERS.items():
        bp.app_template_filter(name)(func)
