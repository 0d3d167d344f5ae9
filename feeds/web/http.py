"""HTTP for calendars, feeds and the API: validators and 304s, caching, gzip, CORS.

Clients poll these URLs every few minutes; most polls should cost a 304 and no rendering.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from flask import Response, request
from werkzeug.http import http_date

from ..present import subscribe_links

__all__ = ["Validators", "add_cors", "respond", "subscribe_links", "validators"]

RENDER_VERSION = "2"
"""Part of every ETag: bump it when the output format changes, so caches fetch the new bytes."""
GZIP_SUFFIX = "-gzip"
"""The gzip representation has its own ETag (they are different bytes); either one validates."""
GZIP_LEVEL = 4
"""Half the time of zlib's default (6) on a 500-event calendar for 9% more bytes: a new filter's answer is
compressed while its subscriber waits, and the response cache keeps what it gave."""


@dataclass(frozen=True)
class Validators:
    """An opaque tag for the bytes a request would get, and when their data last changed."""

    etag: str
    last_modified: dt.datetime


def validators(*parts: str, last_modified: dt.datetime) -> Validators:
    """Validators from all that determines the body: data version, route, normalized query, site."""
    digest = hashlib.sha256("\x1f".join((RENDER_VERSION, *parts)).encode()).hexdigest()[:24]
    return Validators(digest, last_modified.astimezone(dt.UTC).replace(microsecond=0))


def is_fresh(v: Validators) -> bool:
    """Whether the client's copy is current: If-None-Match decides when sent, else If-Modified-Since."""
    if request.if_none_match:
        if request.if_none_match.star_tag:
            return True
        tags = request.if_none_match.as_set(include_weak=True)
        return any(tag.removesuffix(GZIP_SUFFIX) == v.etag for tag in tags)
    since = request.if_modified_since
    return since is not None and v.last_modified <= since


def _wants_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0


def respond(
    render: Callable[[], bytes],
    content_type: str,
    v: Validators,
    *,
    max_age: int,
    filename: str | None = None,
) -> Response:
    """A cacheable response; `render` runs only when the client's copy is stale."""
    gzipped = _wants_gzip()
    headers = {
        "ETag": f'"{v.etag}{GZIP_SUFFIX if gzipped else ""}"',
        "Last-Modified": http_date(v.last_modified),
        "Cache-Control": f"public, max-age={max_age}",
        "Vary": "Accept-Encoding, Accept-Language",  # titles and words follow the reader's language
    }
    if is_fresh(v):
        return Response(status=304, headers=headers)
    body = render()
    if gzipped:
        body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        headers["Content-Encoding"] = "gzip"
    if filename:
        headers["Content-Disposition"] = f'inline; filename="{filename}"'
    headers["X-Content-Type-Options"] = "nosniff"
    return Response(body, status=200, headers=headers, content_type=content_type)


def add_cors(response: Response) -> Response:
    """Let pages on any origin read calendars, feeds and the API (they carry no credentials)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Content-Length"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since, Cache-Control"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response
