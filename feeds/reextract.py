"""Stored articles through the current extractor again: the store follows every improvement to it.

Each article is one transaction: its reports are replaced by what the extractor now finds, and the
events they touch are derived anew (identity keeps their uids). A kill between articles leaves the
ones before done and the one it was on as it was; running again finishes, since each article records
the extractor version that produced its events.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

from . import store
from .extract import EXTRACTOR_VERSION
from .extract.published import infer_year
from .models import Article, ArticleEvents, PublicationDate
from .report_facts import derive

log = logging.getLogger(__name__)

ArticleExtractor = Callable[[Article], ArticleEvents]
"""A stored article in, its events out: `feeds.extract.pipeline.extract_article`."""

_RANK = {"unchanged": 0, "changed": 1, "new": 2, "retracted": 3}


def extract_article(article: Article) -> ArticleEvents:
    """The extraction pipeline, imported when first needed."""
    from .extract import pipeline

    return pipeline.extract_article(article)


@dataclass
class ReextractReport:
    """What a re-extraction did, or would do: every touched event's change, by uid."""

    articles: int = 0
    dry_run: bool = False
    changes: dict[str, store.Change] = field(default_factory=dict)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(change.kind == kind for change in self.changes.values())

    def summary(self) -> str:
        head = f"{self.articles} article(s) re-extracted" + (" (dry run: nothing written)" if self.dry_run else "")
        line = (f"{head}; events: {self.count('new')} new, {self.count('changed')} changed, "
                f"{self.count('unchanged')} unchanged, {self.count('retracted')} retracted")
        lines = [line] + [f"  failed {aid}: {reason}" for aid, reason in self.failed]
        return "\n".join(lines)

    def details(self) -> list[str]:
        """What changed, one event a line (a changed one with a line per field): what --dry-run prints."""
        lines = []
        for uid, change in sorted(self.changes.items(), key=lambda item: (_RANK[item[1].kind], item[1].title)):
            if change.kind == "unchanged":
                continue
            lines.append(f"{change.kind:<9} {uid}  {change.title}"
                         + (f"  (now {change.successor})" if change.successor else ""))
            for name, (old, new) in change.diff.items():
                lines.append(f"            {name}: {old!r} → {new!r}")
        return lines


def select_articles(db: Database, *, since: dt.date | None = None, source: str | None = None,
                    everything: bool = False) -> list[str]:
    """The articles to re-extract: those of an older extractor, or every one matching `since` / `source`.

    `since` keeps articles published on or after that day (undated ones ingested since then);
    `source` is the file name or URL they came from, `*` and `?` as wildcards.
    """
    where, params = [], []
    if since:
        where.append("(published >= ? OR (published IS NULL AND ingested >= ?))")
        params += [since.isoformat(), since.isoformat()]
    if source:
        where.append("(source GLOB ? OR source_url GLOB ?)")
        params += [source, source]
    if not (since or source or everything):
        where.append("extractor_version < ?")
        params.append(EXTRACTOR_VERSION)
    sql = "SELECT id FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
    return [row[0] for row in db.execute(sql + " ORDER BY published IS NULL, published, ingested, id", params)]


def stored_article(row: dict, page: str = "") -> Article:
    """An article as it was stored, dated as it was at ingest.

    Stores before migration 3 kept no year for an article dated by its page's years alone: `page`
    (the articles stored from the same file) names them again.
    """
    date = dt.date.fromisoformat(row["published"]) if row["published"] else None
    year = row.get("published_year") or (date.year if date else None)
    if year is None and row["published_method"] == "inferred":
        year = infer_year(row["headline"] + "\n" + row["text"], page or row["text"])
    published = PublicationDate(date, row["published_method"], 1.0 if date else 0.5 if year else 0.0, year)
    return Article(row["headline"], row["text"], list(row["subheadlines"]), row["byline"], row["dateline"],
                   published)


def _page_of(db: Database, row: dict) -> str:
    """The text of every article stored from the same file, in ingest order: the page, near enough."""
    if row.get("published_year") or row["published"] or row["published_method"] != "inferred":
        return ""
    parts = db.execute("SELECT headline, text FROM articles WHERE source = ? ORDER BY ingested, rowid",
                       [row["source"]]).fetchall()
    return "\n\n".join(f"{headline}\n{text}" for headline, text in parts)


class _DryRun(Exception):
    """Raised inside an article's transaction to roll it back after measuring what it would change."""


def reextract(
    db: Database,
    article_ids: Iterable[str],
    *,
    dry_run: bool = False,
    now: dt.datetime | None = None,
    extract: ArticleExtractor | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReextractReport:
    """Re-extract these stored articles, one transaction each; with `dry_run` every one is rolled back."""
    report = ReextractReport(dry_run=dry_run)
    for aid in article_ids:
        changes: dict[str, store.Change] = {}
        try:
            with store.transaction(db):
                row = store.get_article(db, aid)
                if row is None:
                    continue
                found = derive((extract or extract_article)(stored_article(row, _page_of(db, row))))
                store.save_article_events(db, row["source"], row["source_url"], found, now=now,
                                          extractor_version=EXTRACTOR_VERSION, changes=changes, known_id=aid)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        except Exception as error:  # one article the extractor fails on must not stop the others
            log.exception("re-extracting article %s failed", aid)
            report.failed.append((aid, f"{type(error).__name__}: {error}"))
            continue
        finally:
            if progress:
                progress(1)
        report.articles += 1
        for uid, change in changes.items():
            if uid not in report.changes or _RANK[change.kind] >= _RANK[report.changes[uid].kind]:
                report.changes[uid] = change
    log.info(report.summary().splitlines()[0])
    return report
