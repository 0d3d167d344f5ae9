"""Calendars, feeds, API answers and pages served again from memory until the database changes.

Calendar apps poll the same URL every hour, feed readers every few minutes, and a popular embed asks
the API on every page view. Each of these answers is a function of the request (path, query, host,
Accept-Encoding, Accept-Language, and the day, which moves the feeds' default window) and of the data. So this WSGI
middleware, in front of Flask, keeps each answer (the 200 and the 304 Flask gave) and replays it
while the store's version stays the same — the header SQLite rewrites at every commit, by any connection
in any process, read from the shared memory it lives in (store_version.py): a hit costs a dictionary
lookup and a comparison of 48 bytes, not a query, a Flask request, a database connection and a render.
Any commit empties the cache of every worker on its next request.

Per worker process, bounded in bytes (RESPONSE_CACHE_BYTES, 0 turns it off), keys and headers
counted with the bodies, so memory grows neither with the store nor with the variety or length of
queries. Requests it does not model exactly (HEAD, ranges and the other conditionals, an
If-Modified-Since that is not the Last-Modified it sent, other routes) go to Flask untouched.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from ..present import i18n
from . import clock
from .store_version import StoreVersion

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
"""Per worker: about 30 calendars of 500 events, gzipped and not (setting RESPONSE_CACHE_BYTES)."""
ENTRY_OVERHEAD_BYTES = 600
"""What an entry's Python objects (the entry, its tuples, the dictionary slot) cost besides the strings in it."""

CACHED_PATHS = re.compile(r"/(?:calendar\.ics|categories/[^/]+\.ics|feed\.(?:rss|atom|json)|api/events"
                          r"|events/[^/]+|articles/[^/]+|calendar/\d+/\d+|embed)")
"""Answers that depend only on the request line, Host, Accept-Encoding, the day and the data, and for pages
also Accept-Language (page_cache.py): the listings and the pages that carry an ETag."""
PAGE_PATHS = re.compile(r"/(?:events/[^/]+(?<!\.ics)|articles/[^/]+|calendar/\d+/\d+|embed)")
"""The HTML pages among them: they speak the reader's language (`Vary: Accept-Language`), so it is in their key."""
GZIP_SUFFIX = "-gzip"
DAY_CHECK_SECONDS = 1.0
"""How stale the day in the key may be: a request in the first second after midnight may be answered as the day
before's, as one racing the clock would be."""

Headers = list[tuple[str, str]]
Key = tuple[str, ...]


@dataclass
class Entry:
    """What Flask answered for one request key: the 200 and, once seen, the 304."""

    etag: str
    last_modified: str | None = None
    tags: set[str] = field(default_factory=set)
    """The ETag headers as sent, so the usual If-None-Match (one of them, verbatim) needs no parsing."""
    full: tuple[str, Headers, bytes] | None = None
    not_modified: tuple[str, Headers] | None = None
    size: int = 0
    """What the cache counts it as (see entry_size); kept so eviction subtracts what was added."""


def entry_size(key: Key, entry: Entry) -> int:
    """The bytes an entry holds: its key (query strings and Accept-Encoding are the client's to make long),
    its tags, the status and headers of both answers, and the body."""
    size = ENTRY_OVERHEAD_BYTES + sum(len(part) for part in key) + len(entry.etag) + (len(entry.last_modified or ""))
    size += sum(len(tag) for tag in entry.tags)
    for answer in (entry.full, entry.not_modified):
        if answer is not None:
            size += len(answer[0]) + sum(len(k) + len(v) for k, v in answer[1])
    return size + (len(entry.full[2]) if entry.full else 0)


class ResponseCache:
    """WSGI middleware: answers repeated listing requests from memory, everything else from `app`."""

    def __init__(self, app: Callable, database: Callable[[], str], max_bytes: int,
                 clock_today: Callable[[], Callable[[], Any]]) -> None:
        """`clock_today` gives the clock's function for today (clock.today, or what a test replaced it with)."""
        self.app = app
        self.database = database
        self.max_bytes = max_bytes
        self.clock_today = clock_today
        self._day: tuple[Callable[[], Any], str, float] | None = None
        """The day as the key holds it, which clock function gave it, and until when (monotonic) it stands."""
        self.hits = 0
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self._size = 0
        self._version: bytes | int | None = None
        self._store_version = StoreVersion(database)
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if not self._cacheable(environ) or self._personal(environ):
            return self.app(environ, start_response)
        # What changes with every commit to the store, by any connection in any process (store_version.py): a
        # request racing a commit may see either version, and the next request sets things right.
        version = self._store_version.current()
        if version is None:  # no database yet: Flask creates it
            return self.app(environ, start_response)
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._size = 0
                self._version = version
            key = self._key(environ)
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
        answer = entry and self._replay(entry, environ)
        if answer is not None:
            self.hits += 1
            status, headers, body = answer
            start_response(status, headers)
            return [body]
        return self._forward(environ, start_response, key, version)

    @staticmethod
    def _cacheable(environ: dict) -> bool:
        """Written out rather than looped: it runs before every request, cached or not."""
        return (environ.get("REQUEST_METHOD") == "GET"
                and CACHED_PATHS.fullmatch(environ.get("PATH_INFO", "")) is not None
                and "HTTP_RANGE" not in environ and "HTTP_IF_RANGE" not in environ
                and "HTTP_IF_MATCH" not in environ and "HTTP_IF_UNMODIFIED_SINCE" not in environ)

    @staticmethod
    def _personal(environ: dict) -> bool:
        """A page asked for with a cookie or credentials: it may show what a signed-in editor sees."""
        return ("HTTP_COOKIE" in environ or "HTTP_AUTHORIZATION" in environ) \
            and PAGE_PATHS.fullmatch(environ.get("PATH_INFO", "")) is not None

    def _key(self, environ: dict) -> Key:
        return (environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""), environ.get("HTTP_HOST", ""),
                environ.get("wsgi.url_scheme", ""), environ.get("SCRIPT_NAME", ""),
                environ.get("HTTP_ACCEPT_ENCODING", ""), browser_language(environ.get("HTTP_ACCEPT_LANGUAGE", "")),
                self._today())

    def _today(self) -> str:
        """The day, asked of the clock at most every DAY_CHECK_SECONDS (reading the time zone's clock costs more than
        the rest of a hit), and again at once when the clock function is another (a test moving it)."""
        today, day = self.clock_today(), self._day
        if day is not None and day[0] is today and time.monotonic() < day[2]:
            return day[1]
        self._day = (today, str(today()), time.monotonic() + DAY_CHECK_SECONDS)
        return self._day[1]

    @staticmethod
    def _replay(entry: Entry, environ: dict) -> tuple[str, Headers, bytes] | None:
        """The stored answer to this request, or None when Flask has to give it.

        As http.is_fresh: If-None-Match decides when sent; else If-Modified-Since, answered here only
        when it repeats Last-Modified verbatim (what clients do) and left to Flask otherwise.
        """
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            fresh = if_none_match in entry.tags or _matches(if_none_match, entry.etag)
        else:
            since = environ.get("HTTP_IF_MODIFIED_SINCE")
            if since is not None and since != entry.last_modified:
                return None
            fresh = since is not None
        if fresh:
            return (entry.not_modified[0], entry.not_modified[1], b"") if entry.not_modified else None
        return entry.full

    def _forward(self, environ: dict, start_response: Callable, key: Key, version: bytes | int) -> Iterable[bytes]:
        """Ask Flask, keep a 200 or 304 that carries an ETag, and pass the answer on."""
        seen: list = []

        def capture(status: str, headers: Headers, exc_info: Any = None) -> Callable:
            seen[:] = [status, headers]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        if seen:
            self._store(key, version, seen[0], seen[1], body)
        return [body]

    def _store(self, key: Key, version: bytes | int, status: str, headers: Headers, body: bytes) -> None:
        etag = next((v for k, v in headers if k.lower() == "etag"), None)
        code = status[:3]
        if etag is None or code not in ("200", "304") or any(k.lower() == "set-cookie" for k, _ in headers):
            return
        base = _bare(etag)
        with self._lock:
            if version != self._version:
                return  # the data moved while Flask rendered: this answer may already be stale
            entry = self._entries.get(key)
            if entry is None or entry.etag != base:
                if entry is not None:
                    self._size -= entry.size
                entry = self._entries[key] = Entry(base)
            entry.tags.add(etag)
            # A 304 carries no Last-Modified (Werkzeug drops it): the 200's is the one to compare.
            entry.last_modified = next((v for k, v in headers if k.lower() == "last-modified"), entry.last_modified)
            if code == "200":
                entry.full = (status, list(headers), body)  # two threads may both store it: replaced, not added
            else:
                entry.not_modified = (status, list(headers))
            size = entry_size(key, entry)
            self._size += size - entry.size
            entry.size = size
            self._entries.move_to_end(key)
            while self._size > self.max_bytes and self._entries:
                _, evicted = self._entries.popitem(last=False)
                self._size -= evicted.size

    @property
    def size(self) -> int:
        return self._size

    def __len__(self) -> int:
        return len(self._entries)


@functools.lru_cache(maxsize=256)
def browser_language(accept_language: str) -> str:
    """The language an Accept-Language header chooses (i18n.choose_language): the key holds it, not the header,
    so the many ways browsers spell "Chinese" share one entry."""
    return i18n.choose_language(None, parse_accept_header(accept_language, LanguageAccept) if accept_language else None)


def _bare(tag: str) -> str:
    """An entity tag without W/, quotes or the gzip suffix: what http.is_fresh compares."""
    tag = tag.strip()
    if tag.startswith("W/"):
        tag = tag[2:]
    return tag.strip('"').removesuffix(GZIP_SUFFIX)


def _matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match as http.is_fresh reads it: `*`, or any listed tag, weak or not, gzip or not."""
    tags = [t for t in if_none_match.split(",") if t.strip()]
    return any(t.strip() == "*" or _bare(t) == etag for t in tags)


def init_app(app: Flask) -> None:
    """Put the cache in front of the app, unless RESPONSE_CACHE_BYTES is 0."""
    max_bytes = int(app.config.get("RESPONSE_CACHE_BYTES", DEFAULT_MAX_BYTES))
    if max_bytes <= 0:
        return
    cache = ResponseCache(app.wsgi_app, lambda: str(app.config["DATABASE"]), max_bytes, lambda: clock.today)
    app.extensions["feeds.response_cache"] = cache
    app.wsgi_app = cache
