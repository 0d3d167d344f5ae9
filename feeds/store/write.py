"""Saving an article and its reports, and deriving the events they touch; the caller holds the transaction."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlite_utils import Database

from ..models import Article, ArticleEvents, Event
from . import scrub
from .identity import article_id
from .reconcile import Change, reconcile
from .reports import assign_anchors, replace_reports, reports_of_article, unchanged

T = TypeVar("T", Article, Event)


def utc_stamp(moment: dt.datetime | None = None) -> str:
    """An ingest time as the store writes it: UTC, whole seconds, `Z`."""
    moment = moment or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        raise ValueError("ingest time must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Counts:
    """What saving did to the events it was given, and how many events no report supports any more."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    retracted: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.retracted += other.retracted
        return self

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


_OUTCOME = {"new": "new", "changed": "updated", "unchanged": "unchanged"}


def save_article_events(
    db: Database,
    source: str,
    source_url: str | None,
    article_events: ArticleEvents,
    *,
    now: dt.datetime | None = None,
    fresh: set[str] | None = None,
    outcomes: list[tuple[str, str]] | None = None,
    extractor_version: int = 0,
    changes: dict[str, Change] | None = None,
    known_id: str | None = None,
    stored_articles: set[str] | None = None,
) -> Counts:
    """Store one article and its reports, and derive the events they touch; the caller holds the transaction.

    The article's reports replace those it had (the same article ingested again, or re-extracted), so
    the store ends the same whatever the order or number of ingests. `fresh` collects the uids created or
    revised in the caller's transaction (one per file), so a second report of the same event within one
    file does not bump `sequence` again. `outcomes`, when given, receives (uid, "new" / "updated" /
    "unchanged") per event, in report order; `changes` every touched event's Change by uid (retractions
    too). `extractor_version` is recorded with the article: the extractor that gave these events.
    `known_id` is the article's id when the caller has it: a stored article being re-extracted (its stored
    text is already scrubbed), or the page being ingested. `stored_articles`, when given, receives the id of an
    article this call stored (one the store did not have), so the caller needs no lookup of its own.
    """
    stamp = utc_stamp(now)
    fresh = set() if fresh is None else fresh
    aid = known_id or article_id(article_events.article)
    article_events = _scrubbed(article_events)
    article = article_events.article
    source = scrub.line(source)
    published = article.published.date.isoformat() if article.published.date else None
    stored = db.execute("SELECT extractor_version FROM articles WHERE id = ?", [aid]).fetchone()
    if stored is None:
        db.execute(
            "INSERT INTO articles (id, source, source_url, headline, subheadlines, byline, dateline,"
            " published, published_method, text, ingested, extractor_version, published_year)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                aid,
                source,
                source_url,
                article.headline,
                json.dumps(article.subheadlines, ensure_ascii=False),
                article.byline,
                article.dateline,
                published,
                article.published.method,
                article.text,
                stamp,
                extractor_version,
                article.published.year,
            ],
        )
        if stored_articles is not None:
            stored_articles.add(aid)
    else:
        db.execute("UPDATE articles SET extractor_version = ? WHERE id = ?", [extractor_version, aid])
    old = [] if stored is None else reports_of_article(db, aid)  # a new article has no reports yet
    incoming = assign_anchors(aid, old, article_events.events, stamp)
    if stored == (extractor_version,) and unchanged(old, incoming):
        # the events are a function of the reports, and these were derived by this version: nothing to do
        for row in old:
            if outcomes is not None:
                outcomes.append((row["event_uid"], "unchanged"))
            if changes is not None:
                changes.setdefault(row["event_uid"], Change(row["event_uid"], "unchanged", row["title"]))
        return Counts(unchanged=len(incoming))
    replace_reports(db, aid, incoming, had_reports=bool(old))
    done = reconcile(db, {r["family"] for r in old} | {i.family for i in incoming}, stamp, fresh)
    changed = done.changes
    if changes is not None:
        changes.update(changed)
    counts = Counts(retracted=sum(c.kind == "retracted" for c in changed.values()))
    for item in incoming:
        uid = done.uid_of[(aid, item.anchor)]
        outcome = _OUTCOME[changed[uid].kind] if uid in changed else "unchanged"
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        if outcomes is not None:
            outcomes.append((uid, outcome))
    return counts


def _scrubbed(article_events: ArticleEvents) -> ArticleEvents:
    """The article and its events with controls and odd line breaks replaced, offsets unchanged."""
    article = article_events.article
    texts = {"headline": scrub.line(article.headline), "body": scrub.block(article.body),
             "subheadlines": [scrub.line(s) for s in article.subheadlines], "byline": scrub.line(article.byline),
             "dateline": scrub.line(article.dateline)}
    events = [_with_texts(ev, {"title": scrub.line(ev.title), "location": scrub.line(ev.location),
                               "evidence": scrub.block(ev.evidence)}) for ev in article_events.events]
    return ArticleEvents(_with_texts(article, texts), events)


def _with_texts(record: T, texts: dict[str, object]) -> T:
    """The record with these scrubbed texts; the record itself when they are what it holds (the usual clean text)."""
    return record if all(getattr(record, name) == value for name, value in texts.items()) else replace(record, **texts)


