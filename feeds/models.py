"""The records that flow through the pipeline: article → dates → events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")
"""Every clock time in a Chinese newspaper is Beijing time."""

CATEGORIES = (
    "conference",
    "fair",
    "exhibition",
    "trade_mission",
    "deadline",
    "competition",
    "festival",
    "other",
)
STATUSES = ("confirmed", "tentative", "cancelled", "postponed")
PRECISIONS = ("time", "day", "month")


@dataclass(frozen=True)
class Interval:
    """An absolute span of time; `end` is inclusive.

    With precision "time", start and end are aware datetimes in Asia/Shanghai;
    otherwise they are dates ("month" spans the whole month, or its part).
    """

    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    precision: str = "day"

    @property
    def all_day(self) -> bool:
        return self.precision != "time"

    @property
    def start_date(self) -> dt.date:
        return _as_date(self.start)

    @property
    def end_date(self) -> dt.date:
        return _as_date(self.end)

    def iso(self) -> tuple[str, str]:
        """Start and end as the JSON contract writes them."""
        return self.start.isoformat(), self.end.isoformat()


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


@dataclass(frozen=True)
class DateMatch:
    """One date expression found in a text, resolved to an interval."""

    text: str
    start: int
    end: int
    interval: Interval
    rule: str
    cue: str = ""
    """What the words around it say: deadline | since | until | postponed | planned | reported | period | ""."""
    parts: tuple[tuple[int, int], ...] = ()
    """For a span read from words (`X日开幕，Y日闭幕`): where its dates stand; the words between are not date."""

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.end),)

    def as_json(self) -> dict:
        start, end = self.interval.iso()
        return {
            "text": self.text,
            "start": start,
            "end": end,
            "precision": self.interval.precision,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class PublicationDate:
    """When an article appeared, and how we know."""

    date: dt.date | None = None
    method: str = "unknown"
    """given | dateline | inferred | unknown"""
    confidence: float = 0.0
    year: int | None = None
    """The year alone, when the page names it but no day is known: enough for `今年5月`."""


@dataclass
class Article:
    """One article of a page: headline(s), byline, dateline and body."""

    headline: str
    body: str
    subheadlines: list[str] = field(default_factory=list)
    byline: str = ""
    dateline: str = ""
    published: PublicationDate = field(default_factory=PublicationDate)

    @property
    def text(self) -> str:
        """The text that evidence offsets point into."""
        return self.body


@dataclass
class Event:
    """A scheduled happening, as one article describes it."""

    title: str
    category: str
    interval: Interval
    evidence: str
    evidence_start: int = 0
    evidence_end: int = 0
    location: str = ""
    status: str = "confirmed"
    parent_title: str | None = None
    """For a part of a named event (`X开幕式`, reported beside X): the title of X."""
    opened: dt.date | None = None
    """For a deadline read from a span (`即日起至12月15日`): the day it opened; the interval is then the due day."""

    def as_json(self, source: str, article: Article) -> dict:
        """The `feeds extract --json` contract."""
        start, end = self.interval.iso()
        return {
            "source": source,
            "article": article.headline,
            "title": self.title,
            "category": self.category,
            "start": start,
            "end": end,
            "all_day": self.interval.all_day,
            "precision": self.interval.precision,
            "location": self.location,
            "status": self.status,
            "evidence": self.evidence,
        }


@dataclass
class ArticleEvents:
    """An article together with the events found in it."""

    article: Article
    events: list[Event]


@dataclass
class Mention:
    """Where a stored event was reported: an article and the sentence that says so."""

    article_id: str
    source: str
    headline: str
    published: str | None
    evidence: str
    start: int
    end: int
    source_url: str | None = None
    """Where the article can be read, when it was ingested with one."""


@dataclass
class StoredEvent:
    """An event as the store keeps it, merged across every article that mentions it.

    `start` and `end` are ISO strings as in the JSON contract (inclusive end);
    `created` and `updated` are UTC timestamps (ISO 8601, `Z`), set from ingest times.
    """

    uid: str
    title: str
    category: str
    start: str
    end: str
    all_day: bool
    precision: str
    location: str
    status: str
    sequence: int
    created: str
    updated: str
    mentions: list[Mention] = field(default_factory=list)
    previous: list[tuple[str, str]] = field(default_factory=list)
    """Earlier (start, end) of a postponed event, oldest first."""
    opened: str | None = None
    """A deadline's opening day (ISO date), when the report gave one."""
    parent_uid: str | None = None
    """The named event this one is a part of (an opening ceremony, a side forum)."""


@dataclass(frozen=True)
class Retraction:
    """An event no stored report supports any more: its page answers 410 Gone and links the article."""

    uid: str
    title: str
    article_id: str | None
    successor: str | None
    """The event its reports now belong to, when they moved to one (then the page redirects there)."""
    retracted: str


@dataclass
class EventFilter:
    """What a calendar, feed or API request asks for; every field is optional."""

    category: str | None = None
    q: str | None = None
    location: str | None = None
    start: dt.date | None = None
    """Events that end on or after this day."""
    end: dt.date | None = None
    """Events that start on or before this day."""
    status: str | None = None
    limit: int | None = None
    order: str = "start"
    """Which events a `limit` keeps, in this order: "start" (earliest first), "-start" (latest first)
    or "-updated" (most recently created or revised first). Calendars and feeds need the latter two."""
