"""HTML pages with validators: an ETag from what the page is made of, a 304, and a place in the response cache.

A page's bytes are a function of its URL, the reader's language, the day (today is marked, the embed lists
from it), the site, the stored data (events, mentions, the followed sources whose names label reports) and
the code and templates that render it. All of these go into its ETag; the data's part costs the one small
query calendars already make (store.data_version). A page that used a CSP nonce is left uncacheable.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from flask import current_app, g, request
from flask.typing import ResponseReturnValue

from .. import store
from . import clock
from .db import get_db
from .http import is_fresh, respond, validators
from .syndication import site_url
from .templating import current_lang

HTML = "text/html; charset=utf-8"
PAGE_MAX_AGE = 0
"""Browsers ask again on every view, and get a 304 while nothing changed: a correction shows at once."""
_RENDERING = Path(__file__).resolve().parent.parent
_RENDERING_SOURCES = ("templates/**/*.html", "web/*.py", "present/*.py")


@functools.cache
def rendering_version() -> str:
    """A digest of the templates and the code that renders pages: a new release gets new ETags."""
    digest = hashlib.sha256()
    for pattern in _RENDERING_SOURCES:
        for path in sorted(_RENDERING.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _sources_version() -> str:
    """The followed sites' names and addresses: they name the paper of each report."""
    rows = get_db().execute("SELECT name, url FROM sources ORDER BY name").fetchall()
    return hashlib.sha1(repr(rows).encode()).hexdigest()[:12]


PAGE_SETTINGS = ("SITE_TITLE", "PAPER_NAME", "UPCOMING_LIMIT", "PAST_LIMIT", "STATIC_EXPORT")
"""The settings pages show or obey: changed and restarted, the site's pages get new ETags."""


def _settings() -> str:
    return repr([current_app.config.get(name) for name in PAGE_SETTINGS])


def cacheable_page(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
    """Give the view's 200 an ETag and Last-Modified, and answer a current If-None-Match with a 304 unrendered.

    What the view answers otherwise (a redirect, 404, 410) goes out as it is, without validators, and
    so does a request with a cookie or credentials (whatever a signed-in session adds to a page).
    """

    @functools.wraps(view)
    def page(**kwargs: object) -> ResponseReturnValue:
        if request.headers.get("Cookie") or request.authorization:  # a signed-in editor may see more
            return view(**kwargs)
        version, modified = store.data_version(get_db())
        v = validators("page", request.endpoint or "", request.path, request.query_string.decode("latin-1"),
                       current_lang(), str(clock.today()), site_url(), _settings(), version, _sources_version(),
                       rendering_version(), last_modified=modified)
        if is_fresh(v):
            return respond(bytes, HTML, v, max_age=PAGE_MAX_AGE)
        result = view(**kwargs)
        if not isinstance(result, str) or "csp_nonce" in g:
            return result
        return respond(result.encode, HTML, v, max_age=PAGE_MAX_AGE)

    return page
