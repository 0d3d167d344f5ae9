"""A polite GET: robots.txt checked and the host's turn awaited before every hop, redirects and Retry-After handled."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from .hosts import HostGate
from .http import Answer, FetchError, HttpClient
from .robots import Robots, RobotsAnswer
from .settings import FetchSettings

log = logging.getLogger(__name__)

REDIRECTS = (301, 302, 303, 307, 308)
WAIT_STATUSES = (429, 503)


class Disallowed(FetchError):
    """robots.txt forbids the page: it was not requested."""


@dataclass(frozen=True)
class Validators:
    """What a previous answer said to send back, so an unchanged page costs a 304."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class Agent:
    """Every request `feeds fetch` makes goes through here; it is safe to share between threads."""

    def __init__(self, settings: FetchSettings, *, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], object] | None = None):
        self.settings = settings
        self.http = HttpClient(settings, transport)
        self.gate = HostGate(settings.delay, **({"sleep": sleep} if sleep else {}))
        self.robots = Robots(self._read_robots)
        self.requests = 0

    def close(self) -> None:
        self.http.close()

    def get(self, url: str, validators: Validators | None = None, *, accept: str = "*/*") -> Answer:
        """The final answer for `url` (200 or 304); raises Disallowed or FetchError with the reason."""
        headers = {"Accept": accept, **(validators or Validators()).headers()}
        seen = {url}
        retried = False
        while True:
            closed = self.robots.closed(url)
            if closed:
                raise FetchError(closed)
            if not self.robots.allowed(url):
                raise Disallowed("disallowed by robots.txt")
            self.gate.slow_down(host_of(url), self.robots.crawl_delay(url))
            answer = self._once(url, headers)
            if answer.status in REDIRECTS:
                target = answer.headers.get("location")
                if not target:
                    raise FetchError(f"HTTP {answer.status} without a Location")
                url = urljoin(url, target)
                if url in seen:
                    raise FetchError(f"redirect loop at {url}")
                if len(seen) > self.settings.max_redirects:
                    raise FetchError(f"more than {self.settings.max_redirects} redirects")
                seen.add(url)
                continue
            if answer.status in WAIT_STATUSES:
                wait = answer.retry_after()
                if wait is not None:
                    self.gate.block(host_of(url), wait)
                if wait is not None and wait <= self.settings.retry_after_max and not retried:
                    log.info("%s: HTTP %d, retrying after %g s", url, answer.status, wait)
                    retried = True
                    continue
                said = f", retry after {wait:g} s" if wait is not None else ""
                raise FetchError(f"HTTP {answer.status}{said}", retry_after=wait)
            if answer.status == 304 or 200 <= answer.status < 300:
                if answer.status == 204:
                    raise FetchError("HTTP 204: no content")
                return answer
            raise FetchError(f"HTTP {answer.status} {_phrase(answer.status)}".rstrip())

    def _once(self, url: str, headers: dict[str, str]) -> Answer:
        with self.gate.turn(host_of(url)):
            self.requests += 1
            return self.http.get(url, headers)

    def _read_robots(self, robots_url: str) -> RobotsAnswer:
        """robots.txt through the same gate, following a few redirects; unreachable is not the same as missing."""
        url = robots_url
        try:
            for _ in range(self.settings.max_redirects + 1):
                answer = self._once(url, {"Accept": "text/plain"})
                if answer.status in REDIRECTS and answer.headers.get("location"):
                    url = urljoin(url, answer.headers["location"])
                    continue
                return RobotsAnswer(answer.status, answer.body.decode("utf-8", errors="replace"))
        except FetchError as error:
            return RobotsAnswer(None, problem=error.reason)
        return RobotsAnswer(None, problem="too many redirects")


def host_of(url: str) -> str:
    """The host (and port) a request goes to: the unit of politeness."""
    return urlsplit(url).netloc.lower()


def _phrase(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status)
    except ValueError:
        return ""
