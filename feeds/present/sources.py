"""The followed sources as JSON (`/api/sources`, `feeds sources list --json`) and as lines for the terminal."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ..models import TZ, Source
from .common import parse_utc


def paper_name(source_url: str | None, followed: Iterable[Source], setting: str = "") -> str:
    """The newspaper an article is from, as a reader names it: the followed site it came from, else the
    site's setting (PAPER_NAME), else the web address's host; "" when nothing is known (never a file name)."""
    host = _host(source_url)
    if host:
        for source in followed:
            if _host(source.url) == host:
                return source.name
    return setting or host


def _host(url: str | None) -> str:
    if not url or not url.startswith(("https://", "http://")):
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def every_label(seconds: int) -> str:
    """An interval as `feeds sources add --every` takes it: 30m, 2h, 1d, 90s."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def source_json(source: Source) -> dict[str, Any]:
    """A source as the API shows it: settings, last fetch and its counts, what it brought, when it is next due."""
    return {
        "name": source.name,
        "url": source.url,
        "kind": str(source.kind),
        "every": every_label(source.every_seconds),
        "everySeconds": source.every_seconds,
        "publishedFrom": str(source.published_from),
        "added": source.added,
        "lastFetch": source.last_fetch,
        "status": str(source.last_status),
        "error": source.last_error or None,
        "counts": dict(sorted(source.last_counts.items())),
        "problems": source.last_problems,
        "failures": source.failures,
        "nextDue": source.next_due,
        "articles": source.articles,
        "events": source.events,
    }


def beijing_time(stamp: str) -> str:
    """A stored UTC time as the pages show every time: Beijing time, to the minute."""
    return parse_utc(stamp).astimezone(TZ).strftime("%Y-%m-%d %H:%M")


def counts_label(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in sorted(counts.items()) if n)


def source_lines(sources: Iterable[Source]) -> list[str]:
    """A table of the sources, then each one's last counts and problems beneath it."""
    rows = [("NAME", "KIND", "EVERY", "LAST FETCH", "STATUS", "ARTICLES", "EVENTS", "NEXT DUE")]
    details: list[list[str]] = []
    for source in sources:
        rows.append((
            source.name, str(source.kind), every_label(source.every_seconds), source.last_fetch or "-",
            str(source.last_status), str(source.articles), str(source.events), source.next_due,
        ))
        lines = [f"{source.name}: {source.url}"]
        if source.last_error:
            lines.append(f"  error: {source.last_error}" + (f" ({source.failures} failure(s) in a row)"
                                                              if source.failures else ""))
        if source.last_counts:
            lines.append(f"  last fetch: {counts_label(source.last_counts)}")
        lines.extend(f"  {p['url']}: {p['reason']}" for p in source.last_problems if p["url"] != source.url)
        details.append(lines)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    table = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    return table + [""] + [line for lines in details for line in lines]
