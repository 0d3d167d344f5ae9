"""robots.txt, read once per site and run: which pages may be fetched and how slowly (RFC 9309)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

MAX_AGE_SECONDS = 24 * 3600
"""How long a site's robots.txt is kept before it is read again (RFC 9309 asks for no more than a day)."""
AGENT_TOKEN = "feeds"
"""The product token robots.txt groups are matched against (`User-agent: feeds`)."""


@dataclass(frozen=True)
class RobotsAnswer:
    """How robots.txt came back: its status and text, or None when the site could not be reached."""

    status: int | None
    text: str = ""


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Robots:
    """The rules of each site, fetched through `read(robots_url)` the first time a page of the site is asked about.

    As RFC 9309 says: a 4xx robots.txt (none there) allows everything; a 5xx or an unreachable one
    disallows everything for this run.
    """

    def __init__(self, read: Callable[[str], RobotsAnswer], *, clock: Callable[[], float] = time.monotonic):
        self._read, self._clock = read, clock
        self._rules: dict[str, tuple[float, RobotFileParser | bool]] = {}

    def _rules_for(self, site: str) -> RobotFileParser | bool:
        known = self._rules.get(site)
        if known is None or self._clock() - known[0] > MAX_AGE_SECONDS:
            answer = self._read(site + "/robots.txt")
            rules: RobotFileParser | bool
            if answer.status is not None and 200 <= answer.status < 300:
                rules = RobotFileParser()
                rules.parse(answer.text.splitlines())
            else:
                rules = answer.status is not None and 400 <= answer.status < 500
            known = self._rules[site] = (self._clock(), rules)
        return known[1]

    def allowed(self, url: str) -> bool:
        rules = self._rules_for(origin(url))
        return rules if isinstance(rules, bool) else rules.can_fetch(AGENT_TOKEN, url)

    def crawl_delay(self, url: str) -> float:
        """The site's Crawl-delay for this agent, 0 when it sets none."""
        rules = self._rules_for(origin(url))
        if isinstance(rules, bool):
            return 0.0
        delay = rules.crawl_delay(AGENT_TOKEN)
        return float(delay) if delay else 0.0
