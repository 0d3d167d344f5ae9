"""Fixtures: a temporary database per test, the app and its test client, and hand-made extraction records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from sqlite_utils import Database

from feeds import create_app, store
from feeds.models import Article, ArticleEvents, Event, Interval, PublicationDate

NOW = dt.datetime(2024, 3, 1, 8, 0, 0, tzinfo=dt.UTC)
"""A fixed ingest time, so stored timestamps can be compared exactly."""


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "feeds.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = store.open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def app(db_path: Path) -> Flask:
    return create_app({"DATABASE": str(db_path), "TESTING": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def make_event(
    title: str,
    start: str,
    end: str | None = None,
    *,
    location: str = "",
    status: str = "confirmed",
    category: str = "conference",
    evidence: str | None = None,
) -> Event:
    """An event as the extraction would report it; start/end are ISO dates or datetimes."""
    first, last = _parse(start), _parse(end or start)
    precision = "time" if isinstance(first, dt.datetime) else "day"
    evidence = evidence or f"{title}将于{start}举行。"
    interval = Interval(first, last, precision)
    return Event(title, category, interval, evidence, 0, len(evidence), location, status)


def _parse(value: str) -> dt.date | dt.datetime:
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


def make_report(headline: str, published: str | None, *events: Event) -> ArticleEvents:
    """An article whose text is its events' evidence, one after another, with matching offsets."""
    body, placed = "", []
    for event in events:
        start = len(body)
        body += event.evidence
        placed.append(replace(event, evidence_start=start, evidence_end=len(body)))
    date = dt.date.fromisoformat(published) if published else None
    article = Article(headline, body, published=PublicationDate(date, "given" if date else "unknown", 1.0))
    return ArticleEvents(article, placed)


def save(
    db: Database,
    report: ArticleEvents,
    *,
    source: str = "page.txt",
    source_url: str | None = None,
    now: dt.datetime = NOW,
) -> store.Counts:
    """Save one article in its own transaction, as ingesting a one-article file does."""
    with store.transaction(db):
        return store.save_article_events(db, source, source_url, report, now=now)


def dump(db: Database) -> dict[str, list[tuple]]:
    """Every row of the store's own tables, to compare a database before and after."""
    return {
        table: db.execute(f"SELECT * FROM [{table}] ORDER BY 1, 2").fetchall()
        for table in ("articles", "events", "mentions", "meta")
    }


_LINE = re.compile(
    r"^(?P<title>[^|]+?)\s*\|\s*(?P<start>\S+)\s*(?:\|\s*(?P<end>\S*)\s*)?(?:\|\s*(?P<place>.*))?$"
)


def fake_extract_page(text: str, published: dt.date | None = None) -> list[ArticleEvents]:
    """A stand-in for the extraction pipeline that reads events written as `title | start | end | place`.

    `# ` lines start articles; a `published: YYYY-MM-DD` line sets the article's date.
    """
    pages: list[ArticleEvents] = []
    for chunk in re.split(r"^# ", text, flags=re.MULTILINE)[1:]:
        headline, _, rest = chunk.partition("\n")
        date = published
        events = []
        for line in rest.splitlines():
            if line.startswith("published:"):
                date = dt.date.fromisoformat(line.split(":", 1)[1].strip())
            elif match := _LINE.match(line.strip()):
                events.append(
                    make_event(
                        match["title"],
                        match["start"],
                        match["end"] or None,
                        location=(match["place"] or "").strip(),
                        evidence=line.strip(),
                    )
                )
        report = make_report(headline.strip(), None, *events)
        report.article.published = PublicationDate(date, "given" if date else "unknown", 1.0)
        pages.append(report)
    return pages


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Callable:
    """Replace the extraction with `fake_extract_page`, so store and ingest tests do not depend on it."""
    monkeypatch.setattr("feeds.ingest.extract_page", fake_extract_page)
    return fake_extract_page
