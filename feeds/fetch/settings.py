"""How politely and how far `feeds fetch` goes: read from the app config (FETCH_*), with defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from ..files import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class FetchSettings:
    """The limits and manners of fetching; tests shrink the delays."""

    user_agent: str
    delay: float = 1.0
    """Seconds between two requests to one host (a robots.txt Crawl-delay can make it longer)."""
    timeout: float = 10.0
    """Seconds to connect, or to wait for the next bytes of an answer."""
    total_timeout: float = 30.0
    """Seconds a whole answer may take: a page that trickles in forever is cut off."""
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    retry_after_max: float = 60.0
    """A 429 / 503 asking to wait at most this long is waited for and retried once; longer, the page waits a run."""
    backoff_max: float = 24 * 3600.0
    """The longest a failing source is left before it is tried again (the wait doubles per failure)."""
    trust_env: bool = True
    """Honour HTTP_PROXY / HTTPS_PROXY / NO_PROXY and SSL_CERT_FILE from the environment, as other clients do."""


def _version() -> str:
    try:
        return version("feeds")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0"


def user_agent(site_url: str | None) -> str:
    """The project's name and version and where its operator can be found, as crawlers are expected to say."""
    where = site_url or "https://localhost/"
    return f"feeds/{_version()} (event calendar; +{where})"


def from_config(config: Mapping[str, Any]) -> FetchSettings:
    """FETCH_DELAY, FETCH_TIMEOUT, FETCH_TOTAL_TIMEOUT, FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS,
    FETCH_RETRY_AFTER_MAX, FETCH_BACKOFF_MAX, FETCH_TRUST_ENV and FETCH_USER_AGENT (else one naming SITE_URL)."""
    defaults = FetchSettings(user_agent="")
    return FetchSettings(
        user_agent=str(config.get("FETCH_USER_AGENT") or user_agent(config.get("SITE_URL"))),
        delay=float(config.get("FETCH_DELAY", defaults.delay)),
        timeout=float(config.get("FETCH_TIMEOUT", defaults.timeout)),
        total_timeout=float(config.get("FETCH_TOTAL_TIMEOUT", defaults.total_timeout)),
        max_bytes=int(config.get("FETCH_MAX_BYTES") or config.get("MAX_FILE_BYTES") or defaults.max_bytes),
        max_redirects=int(config.get("FETCH_MAX_REDIRECTS", defaults.max_redirects)),
        retry_after_max=float(config.get("FETCH_RETRY_AFTER_MAX", defaults.retry_after_max)),
        backoff_max=float(config.get("FETCH_BACKOFF_MAX", defaults.backoff_max)),
        trust_env=bool(config.get("FETCH_TRUST_ENV", defaults.trust_env)),
    )
