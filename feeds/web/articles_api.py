"""POST /api/articles: a newsroom script pushes an article and gets back the events found in it.

Off unless INGEST_TOKEN is set; then it needs `Authorization: Bearer <token>`, is rate-limited per
client address and size-limited, and is idempotent like `feeds ingest` (same text, same result).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import re
import sqlite3
from pathlib import PurePath
from typing import Any

from flask import Blueprint, Response, current_app, request
from sqlite_utils import Database
from werkzeug.exceptions import RequestEntityTooLarge

from .. import files, store
from ..ingest import PageResult, check_source_url, ingest_page
from ..kept_parts import keep_events
from ..present.api import dump
from ..present.common import clean_line, event_url
from .db import get_db
from .ratelimit import RateLimiter

bp = Blueprint("articles_api", __name__)
log = logging.getLogger(__name__)

JSON = "application/json; charset=utf-8"
MIN_TOKEN_CHARS = 16
"""A shorter INGEST_TOKEN is a mistake (guessable): the endpoint stays off and says so in the log."""
DEFAULT_RATE_PER_MINUTE = 30
FORM_OVERHEAD_BYTES = 64 * 1024
"""Room for the multipart envelope and the small fields around an uploaded file."""
TEXT_TYPES = {"text/plain": False, "text/markdown": False, "text/html": True}
"""Body types taken as the article itself, and whether they are HTML."""
DEFAULT_SOURCE = "HTTP POST"
"""The source name of an article sent as the request body (an upload keeps its file name)."""
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ApiError(Exception):
    """A request this endpoint refuses: the status, a message for the sender, and extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


@bp.errorhandler(ApiError)
def _refused(error: ApiError) -> Response:
    return _json({"error": error.message}, error.status, error.headers)


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_error: RequestEntityTooLarge) -> Response:
    return _json({"error": f"the article is larger than {_max_bytes()} bytes"}, 413)


@bp.post("/api/articles", provide_automatic_options=False)
def post_article() -> Response:
    """Ingest one article (the body, or a multipart `file`); 201 with its events, 200 when already known."""
    token = _token()
    if token is None:
        raise ApiError(404, "ingesting over HTTP is off: set INGEST_TOKEN to turn it on")
    _check_rate()
    _check_token(token)
    request.max_content_length = _max_bytes() + FORM_OVERHEAD_BYTES
    source, fields = _read_article()
    published = _published(fields.get("published"))
    try:
        source_url = check_source_url(fields.get("source_url") or None)
    except ValueError as error:
        raise ApiError(400, f"source_url: {error}") from None
    db = get_db()
    try:
        result = ingest_page(db, source.text, source.name, source_url, published)
    except Exception as error:
        raise _ingest_failure(error, source.name) from None
    keep_events(db, current_app.config, [uid for uid, change in result.events if change != "unchanged"])
    log.info(
        "POST /api/articles from %s: %s, %d article(s); events: %d new, %d updated, %d unchanged",
        request.remote_addr, source.name, len(result.articles),
        result.counts.new, result.counts.updated, result.counts.unchanged,
    )
    return _json(_answer(db, result), 201 if result.created else 200)


def _ingest_failure(error: Exception, name: str) -> Exception:
    """What a failed ingest answers: the storage fault (503 with its reason, web/health.py), 503 for a lock
    held past the busy timeout, or 422 when the extraction failed on this text (the file is named in the log)."""
    fault = store.storage_fault(error, current_app.config["DATABASE"])
    if fault is not None:
        return fault
    if isinstance(error, sqlite3.OperationalError):
        log.warning("POST /api/articles from %s: database busy: %s", request.remote_addr, error)
        return ApiError(503, f"the database is busy ({error}); try again", {"Retry-After": "5"})
    log.exception("POST /api/articles from %s: ingesting %s failed", request.remote_addr, name)
    return ApiError(422, f"failed: {type(error).__name__}: {error}")


def _token() -> str | None:
    """The configured token, or None when the endpoint is off (unset, empty or too short)."""
    value = current_app.config.get("INGEST_TOKEN")
    if value is None or value == "":
        return None
    token = str(value)  # FEEDS_INGEST_TOKEN=123… is parsed as a number
    if len(token) < MIN_TOKEN_CHARS:
        log.error("INGEST_TOKEN is shorter than %d characters: POST /api/articles stays off", MIN_TOKEN_CHARS)
        return None
    return token


def _check_rate() -> None:
    """Every attempt counts, authorized or not, so guessing the token is as slow as flooding."""
    limiter = current_app.extensions.get("feeds.ingest_rate")
    if limiter is None:
        rate = int(current_app.config.get("INGEST_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE))
        limiter = current_app.extensions.setdefault("feeds.ingest_rate", RateLimiter(rate))
    wait = limiter.acquire(request.remote_addr or "unknown")
    if wait:
        raise ApiError(429, f"too many requests: try again in {wait} s", {"Retry-After": str(wait)})


def _check_token(token: str) -> None:
    """Bearer token, compared in constant time (digests, so not even its length leaks)."""
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "send Authorization: Bearer <token>", {"WWW-Authenticate": 'Bearer realm="feeds"'})
    expected = hashlib.sha256(token.encode()).digest()
    if not hmac.compare_digest(hashlib.sha256(given.strip().encode()).digest(), expected):
        log.warning("POST /api/articles from %s: wrong token", request.remote_addr)
        raise ApiError(
            401, "wrong token", {"WWW-Authenticate": 'Bearer realm="feeds", error="invalid_token"'}
        )


def _max_bytes() -> int:
    config = current_app.config
    return int(config.get("INGEST_MAX_BYTES") or config.get("MAX_FILE_BYTES") or files.DEFAULT_MAX_BYTES)


def _read_article() -> tuple[files.SourceText, dict[str, str]]:
    """The article from the body or the upload, decoded, and the optional fields (query or form)."""
    limit = _max_bytes()
    mimetype = request.mimetype
    fields = {k: request.args[k] for k in ("published", "source_url") if k in request.args}
    if mimetype == "multipart/form-data":
        upload = _form_file()
        if upload is None:
            raise ApiError(400, "multipart body without a `file` field")
        fields.update({k: request.form[k] for k in ("published", "source_url") if k in request.form})
        data = upload.stream.read(limit + 1)
        name = clean_line(PurePath(upload.filename or "").name)[:200] or DEFAULT_SOURCE
        charset, html = upload.mimetype_params.get("charset"), upload.mimetype == "text/html"
    elif mimetype in TEXT_TYPES:
        data = request.get_data(cache=False)
        name, charset, html = DEFAULT_SOURCE, request.mimetype_params.get("charset"), TEXT_TYPES[mimetype]
    else:
        raise ApiError(415, "send text/plain, text/markdown or text/html, or a multipart/form-data `file`")
    if len(data) > limit:
        raise RequestEntityTooLarge()
    try:
        return files.source_from_bytes(data, name, charset=charset, html=html), fields
    except files.RejectedFile as rejected:
        log.warning("POST /api/articles from %s: rejected %s: %s", request.remote_addr, name, rejected.reason)
        raise ApiError(422, rejected.reason) from None


def _form_file() -> Any:
    """The upload of a multipart body; a form past Werkzeug's part and field limits is 413 with those limits."""
    try:
        return request.files.get("file")
    except RequestEntityTooLarge:
        if request.content_length is not None and request.content_length > (request.max_content_length or 0):
            raise
        raise ApiError(
            413,
            f"the form has more than {request.max_form_parts} parts or a field other than `file` larger than "
            f"{request.max_form_memory_size} bytes",
        ) from None


def _published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        if not _DAY.match(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, "published: expected a day as YYYY-MM-DD") from None


def _answer(db: Database, result: PageResult) -> dict[str, Any]:
    """The articles and every event they report, as stored now (merged with earlier reports)."""
    base = request.url_root
    events = []
    for uid, change in result.events:
        ev = store.get_event(db, uid)
        if ev is None:  # events are never deleted; only a database swapped underneath could do this
            continue
        events.append({
            "uid": ev.uid,
            "title": clean_line(ev.title),
            "start": ev.start,
            "end": ev.end,
            "allDay": ev.all_day,
            "category": ev.category,
            "location": clean_line(ev.location),
            "status": ev.status,
            "sequence": ev.sequence,
            "change": change,
            "url": event_url(base, ev.uid),
        })
    articles = [
        {"id": a.id, "headline": clean_line(a.headline), "published": a.published, "new": a.new,
         "url": f"{base.rstrip('/')}/articles/{a.id}"}
        for a in result.articles
    ]
    counts = {"new": result.counts.new, "updated": result.counts.updated, "unchanged": result.counts.unchanged}
    return {"articles": articles, "events": events, "counts": counts}


def _json(value: Any, status: int, headers: dict[str, str] | None = None) -> Response:
    response = Response(dump(value), status=status, content_type=JSON, headers=headers)
    response.headers["Cache-Control"] = "no-store"
    return response
