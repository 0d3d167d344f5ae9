"""Saving an article and merging its events into the store; the caller holds the transaction."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from sqlite_utils import Database

from ..models import ArticleEvents, Event
from . import scrub
from .identity import article_id, event_key, find_match, make_uid
from .read import has_article


def utc_stamp(moment: dt.datetime | None = None) -> str:
    """An ingest time as the store writes it: UTC, whole seconds, `Z`."""
    moment = moment or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        raise ValueError("ingest time must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Counts:
    """What saving did to the events it was given."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass(frozen=True)
class _Facts:
    """The parts of an event a later report may correct."""

    start: str
    end: str
    all_day: bool
    precision: str
    location: str
    status: str


def _facts_of(event: Event, previous: _Facts | None = None) -> _Facts:
    start, end = event.interval.iso()
    location = event.location or (previous.location if previous else "")
    return _Facts(start, end, event.interval.all_day, event.interval.precision, location, event.status)


def save_article_events(
    db: Database,
    source: str,
    source_url: str | None,
    article_events: ArticleEvents,
    *,
    now: dt.datetime | None = None,
    fresh: set[str] | None = None,
    outcomes: list[tuple[str, str]] | None = None,
) -> Counts:
    """Store one article and merge its events into the store; the caller holds the transaction.

    `fresh` collects the uids created or revised in the caller's transaction (one per file), so a
    second report of the same event within one file does not bump `sequence` again. `outcomes`,
    when given, receives (uid, "new" / "updated" / "unchanged") per event, in report order.
    """
    stamp = utc_stamp(now)
    fresh = set() if fresh is None else fresh
    aid = article_id(article_events.article)
    article_events = _scrubbed(article_events)
    article = article_events.article
    source = scrub.line(source)
    known = has_article(db, aid)
    published = article.published.date.isoformat() if article.published.date else None
    if not known:
        db.execute(
            "INSERT INTO articles (id, source, source_url, headline, subheadlines, byline, dateline,"
            " published, published_method, text, ingested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ],
        )
    counts = Counts()
    for event in article_events.events:
        uid, outcome = _save_event(db, event, aid, published, known, stamp, fresh)
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        if outcomes is not None:
            outcomes.append((uid, outcome))
    return counts


def _scrubbed(article_events: ArticleEvents) -> ArticleEvents:
    """The article and its events with controls and odd line breaks replaced, offsets unchanged."""
    article = article_events.article
    clean = replace(
        article,
        headline=scrub.line(article.headline),
        body=scrub.block(article.body),
        subheadlines=[scrub.line(s) for s in article.subheadlines],
        byline=scrub.line(article.byline),
        dateline=scrub.line(article.dateline),
    )
    events = [
        replace(ev, title=scrub.line(ev.title), location=scrub.line(ev.location), evidence=scrub.block(ev.evidence))
        for ev in article_events.events
    ]
    return ArticleEvents(clean, events)


def _save_event(
    db: Database, event: Event, aid: str, published: str | None, known: bool, stamp: str, fresh: set[str]
) -> tuple[str, str]:
    """Insert or merge one reported event; returns its uid and "new", "updated" or "unchanged"."""
    key = event_key(event.title)
    row = find_match(db, key, event.interval.start_date)
    if row is None:
        uid = _insert_event(db, key, event, published, stamp)
        _add_mention(db, uid, aid, event, stamp)
        fresh.add(uid)
        return uid, "new"
    uid = row["uid"]
    _add_mention(db, uid, aid, event, stamp)
    if known or (published or "") < (row["facts_published"] or ""):
        return uid, "unchanged"  # a report we have already applied, or one older than the facts we hold
    old = _Facts(
        row["start"], row["end"], bool(row["all_day"]), row["precision"], row["location"], row["status"]
    )
    new = _facts_of(event, old)
    if new == old:
        if published != row["facts_published"]:
            db.execute("UPDATE events SET facts_published = ? WHERE uid = ?", [published, uid])
        return uid, "unchanged"
    bump = 0 if uid in fresh else 1
    db.execute(
        'UPDATE events SET start = ?, "end" = ?, all_day = ?, precision = ?, location = ?, status = ?,'
        " sequence = sequence + ?, updated = CASE WHEN ? THEN ? ELSE updated END, facts_published = ?"
        " WHERE uid = ?",
        [new.start, new.end, int(new.all_day), new.precision, new.location, new.status,
         bump, bump, stamp, published, uid],
    )
    fresh.add(uid)
    return uid, "updated"


def _insert_event(db: Database, key: str, event: Event, published: str | None, stamp: str) -> str:
    """Insert a new event under the first free uid its key and start give; returns the uid."""
    facts = _facts_of(event)
    for attempt in range(1000):
        uid = make_uid(key, event.interval.start_date, attempt)
        inserted = db.execute(
            'INSERT INTO events (uid, key, title, category, start, "end", all_day, precision, location,'
            " status, sequence, created, updated, facts_published)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
            [uid, key, event.title, event.category, facts.start, facts.end, int(facts.all_day),
             facts.precision, facts.location, facts.status, stamp, stamp, published],
        ).rowcount
        if inserted:
            return uid
    raise RuntimeError(f"no free uid for {key!r} starting {event.interval.start_date}")


def _add_mention(db: Database, uid: str, aid: str, event: Event, stamp: str) -> None:
    db.execute(
        'INSERT OR IGNORE INTO mentions (event_uid, article_id, evidence, start, "end", created)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        [uid, aid, event.evidence, event.evidence_start, event.evidence_end, stamp],
    )
