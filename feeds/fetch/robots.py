"""robots.txt, read once per site and run: which pages may be fetched and how slowly (RFC 9309)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

MAX_AGE_SECONDS = 24 * 3600
"""How long a site's robots.txt is kept before it is read again (RFC 9309 asks for no more than a day)."""
UNAVAILABLE_SECONDS = 600
"""How long a site whose robots.txt could not be read stays closed before it is asked again."""
AGENT_TOKEN = "feeds"
"""The product token robots.txt groups are matched against (`User-agent: feeds`)."""


@dataclass(frozen=True)
class RobotsAnswer:
    """How robots.txt came back: its status and text, or None when the site could not be reached (and why)."""

    status: int | None
    text: str = ""
    problem: str = ""


@dataclass(frozen=True)
class _Closed:
    """A site whose robots.txt could not be read: nothing of it is fetched for a while, and this says why."""

    reason: str


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Robots:
    """The rules of each site, fetched through `read(robots_url)` the first time a page of the site is asked about.

    As RFC 9309 says: a 4xx robots.txt (none there) allows everything; a 5xx or an unreachable one
    closes the site (for UNAVAILABLE_SECONDS, then it is asked again).
    """

    def __init__(self, read: Callable[[str], RobotsAnswer], *, clock: Callable[[], float] = time.monotonic):
        self._read, self._clock = read, clock
        self._rules: dict[str, tuple[float, RobotFileParser | _Closed | None]] = {}

    def _rules_for(self, site: str) -> RobotFileParser | _Closed | None:
        """The site's rules; None when it has no robots.txt (everything allowed)."""
        known = self._rules.get(site)
        if known is not None:
            age = self._clock() - known[0]
            if age > (UNAVAILABLE_SECONDS if isinstance(known[1], _Closed) else MAX_AGE_SECONDS):
                known = None
        if known is None:
            answer = self._read(site + "/robots.txt")
            rules: RobotFileParser | _Closed | None = None
            if answer.status is None:
                rules = _Closed(f"robots.txt unreachable ({answer.problem}): the site is left alone for now")
            elif 200 <= answer.status < 300:
                rules = RobotFileParser()
                rules.parse(answer.text.splitlines())
            elif answer.status >= 500:
                rules = _Closed(f"robots.txt answered HTTP {answer.status}: the site is left alone for now")
            known = self._rules[site] = (self._clock(), rules)
        return known[1]

    def closed(self, url: str) -> str | None:
        """Why nothing of the site may be fetched now (its robots.txt could not be read), or None."""
        rules = self._rules_for(origin(url))
        return rules.reason if isinstance(rules, _Closed) else None

    def allowed(self, url: str) -> bool:
        rules = self._rules_for(origin(url))
        if isinstance(rules, RobotFileParser):
            return rules.can_fetch(AGENT_TOKEN, url)
        return rules is None

    def crawl_delay(self, url: str) -> float:
        """The site's Crawl-delay for this agent, 0 when it sets none."""
        rules = self._rules_for(origin(url))
        if not isinstance(rules, RobotFileParser):
            return 0.0
        delay = rules.crawl_delay(AGENT_TOKEN)
        return float(delay) if delay else 0.0
