"""Files in, events stored: read each file, extract its articles' events, save them in one transaction."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from . import sources, store
from .models import ArticleEvents

log = logging.getLogger(__name__)

Extractor = Callable[[str, dt.date | None], list[ArticleEvents]]
"""Page text and publication date in, articles with their events out: `feeds.pipeline.extract_page`."""


def extract_page(text: str, published: dt.date | None = None) -> list[ArticleEvents]:
    """The extraction pipeline, imported when first needed so the store works without it."""
    from . import pipeline

    return pipeline.extract_page(text, published)


@dataclass(frozen=True)
class Rejection:
    """A file that was not ingested, and why."""

    path: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest did: the summary `feeds ingest` prints."""

    files: int = 0
    articles: int = 0
    events: store.Counts = field(default_factory=store.Counts)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        lines = [
            f"{self.files} file(s) ingested, {self.articles} article(s) read; events: "
            f"{self.events.new} new, {self.events.updated} updated, {self.events.unchanged} unchanged"
        ]
        if self.rejected:
            lines.append(f"{len(self.rejected)} file(s) rejected:")
            lines.extend(f"  {r.path}: {r.reason}" for r in self.rejected)
        return "\n".join(lines)


def ingest_paths(
    db: Database,
    paths: Iterable[str | Path],
    published: dt.date | None = None,
    source_url: str | None = None,
    *,
    max_bytes: int = sources.DEFAULT_MAX_BYTES,
    now: dt.datetime | None = None,
    extract: Extractor | None = None,
) -> IngestReport:
    """Ingest files and folders, one transaction per file; a refused file does not stop the others."""
    report = IngestReport()
    for path in sources.expand_paths(paths):
        try:
            source = sources.read_source(path, max_bytes=max_bytes)
        except sources.RejectedFile as rejected:
            report.rejected.append(Rejection(str(path), rejected.reason))
            continue
        try:
            articles, counts = ingest_text(
                db, source.text, source.name, source_url, published, now=now, extract=extract
            )
        except Exception as error:  # one bad file must not stop an unattended ingest of the rest
            log.exception("ingesting %s failed", path)
            report.rejected.append(Rejection(str(path), f"failed: {type(error).__name__}: {error}"))
            continue
        report.files += 1
        report.articles += articles
        report.events += counts
    return report


def ingest_text(
    db: Database,
    text: str,
    source: str,
    source_url: str | None = None,
    published: dt.date | None = None,
    *,
    now: dt.datetime | None = None,
    extract: Extractor | None = None,
) -> tuple[int, store.Counts]:
    """Extract one page's articles and store them all in a single transaction; returns (articles, counts)."""
    page = (extract or extract_page)(text, published)
    now = now or dt.datetime.now(dt.UTC)
    counts = store.Counts()
    fresh: set[str] = set()
    with store.transaction(db):
        for article_events in page:
            counts += store.save_article_events(db, source, source_url, article_events, now=now, fresh=fresh)
    return len(page), counts
