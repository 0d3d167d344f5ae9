"""The records that flow through the pipeline: article → dates → events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from urllib.parse import urlencode
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
"""The precisions an event's date can have."""
DATE_PRECISIONS = ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
"""Every precision the date parser reports, finest first (events use the first three)."""


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


class Cue(StrEnum):
    """What the words around a date say it is; the events layer decides on it."""

    NONE = ""
    DEADLINE = "deadline"
    """`截至X`, `X前`: something is due by then."""
    SINCE = "since"
    """`X起`: something starts then and goes on."""
    UNTIL = "until"
    """`展期至X`, `至X结束`: something already open lasts until then."""
    POSTPONED = "postponed"
    """`延期至X`: the new date of a moved event."""
    PLANNED = "planned"
    """`原定于X`: the first plan's date, before a change."""
    REPORTED = "reported"
    """`X日获悉`: the day a reporter learned something, not an event's day."""
    PERIOD = "period"
    """`自X以来`: the start of a period reaching to now."""
    TARGET = "target"
    """`到X`: a goal's date, not a schedule."""


class DateKind(StrEnum):
    """What sort of time a date expression names; events stand on points and spans only."""

    POINT = "point"
    """A day, a time, or a range of them: a schedule's date."""
    PERIOD = "period"
    """A part of a year (`上半年`, `年底`, `一季度`), a year, a season, a decade, a statistics period
    (`1—4月`): a plan's or a statistic's time, never an event's day."""
    DURATION = "duration"
    """A length of time anchored to the publication date (`20天后`, `近三个月`, `60日内`)."""
    CLOCK = "clock"
    """A clock time with no date of its own (`晚上十一点`), read on the publication day."""
    CALENDAR = "calendar"
    """A week, a festival, a lunar date read from the calendar (`下周`, `中秋节`, `农历正月十五`)."""


@dataclass(frozen=True)
class DateMatch:
    """One date expression found in a text, resolved to an interval."""

    text: str
    start: int
    end: int
    interval: Interval
    rule: str
    cue: Cue = Cue.NONE
    """What the words around it say."""
    kind: DateKind = DateKind.POINT
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
            "kind": self.kind.value,
            "cue": self.cue.value,
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


class EventFlag(StrEnum):
    """Why a reader would hold an event's date less sure than one written out in full."""

    TENTATIVE = "tentative"
    """`拟于`, `初步定于`, `暂定`, `计划于`, `具体日期待定`: a plan, not a fixed date."""
    YEAR_INFERRED = "year_inferred"
    """The text gives no year: it comes from the publication date."""
    RELATIVE = "relative"
    """`明天`, `下周三`, `9日`: counted from the publication date."""
    MONTH_ONLY = "month_only"
    """Only the month is known."""
    PUBLICATION_INFERRED = "publication_inferred"
    """The publication date the relative date is counted from was itself inferred."""


FLAG_DOUBT = {EventFlag.TENTATIVE: 0.3, EventFlag.YEAR_INFERRED: 0.1, EventFlag.RELATIVE: 0.1,
              EventFlag.MONTH_ONLY: 0.2, EventFlag.PUBLICATION_INFERRED: 0.2}


def flag_confidence(flags: tuple[str, ...]) -> float:
    """1.0 less the doubt each flag adds (a reader's doubt, not a probability)."""
    return round(max(0.0, 1.0 - sum(FLAG_DOUBT.get(flag, 0.0) for flag in flags)), 2)


class Frequency(StrEnum):
    """How often a recurring event's sessions come round (RFC 5545 FREQ)."""

    DAILY = "daily"
    WEEKLY = "weekly"
    """On the weekdays named (`每周六`, `Tuesdays to Sundays`)."""


WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
"""RFC 5545 BYDAY codes by Python weekday (Monday 0)."""


@dataclass(frozen=True)
class Recurrence:
    """An event held again and again over its span: `每晚19:30上演`, `每周六上午9时至12时`, `every Saturday`.

    The event's interval stays the whole span (first day to `until`), so lists, windows and identity read it as
    before; this record says which days of the span it is on and at what time of day (Beijing).
    """

    frequency: Frequency
    until: dt.date
    """The span's last day: the last day a session can fall on."""
    weekdays: tuple[int, ...] = ()
    """Weekly: the days it is on (Monday 0 … Sunday 6), sorted; daily: empty."""
    time: dt.time | None = None
    """When each session starts; None for a whole day each time (`每周六开放`)."""
    minutes: int | None = None
    """How long each session lasts, when an end time is given."""
    excluded: tuple[dt.date, ...] = ()
    """Days of the span it is not held (`9月1日停演`): EXDATE."""
    opening_hours: bool = False
    """A venue's visiting hours (`开放时间：9:00-17:00，周一闭馆`): calendars keep the span one all-day event and say
    the hours in words, not sixty timed blocks (README, "Recurring events")."""

    @property
    def days(self) -> tuple[int, ...]:
        """The weekdays it is on, every day for a daily one."""
        return self.weekdays if self.frequency is Frequency.WEEKLY else tuple(range(7))

    @property
    def end_time(self) -> dt.time | None:
        if self.time is None or self.minutes is None:
            return None
        start = dt.datetime.combine(dt.date(2000, 1, 1), self.time)
        return (start + dt.timedelta(minutes=self.minutes)).time()

    def occurrences(self, first: dt.date, last: dt.date | None = None) -> list[dt.date]:
        """The days it is held from `first` to `until` (or `last`, when that is earlier), in order."""
        found, day, stop = [], first, min(self.until, last) if last else self.until
        while day <= stop:
            if day.weekday() in self.days and day not in self.excluded:
                found.append(day)
            day += dt.timedelta(days=1)
        return found

    def first_occurrence(self, first: dt.date) -> dt.date | None:
        """The first day on or after `first` that it is held (what DTSTART must be), None when none is."""
        day = first
        while day <= self.until:
            if day.weekday() in self.days and day not in self.excluded:
                return day
            day += dt.timedelta(days=1)
        return None

    def with_until(self, until: dt.date) -> Recurrence:
        return replace(self, until=until)

    def as_json(self) -> dict:
        """The JSON API's and the store's form: weekdays as RFC 5545 codes, times as `HH:MM`."""
        return {
            "frequency": self.frequency.value,
            "weekdays": [WEEKDAY_CODES[d] for d in self.weekdays],
            "time": self.time.strftime("%H:%M") if self.time else None,
            "minutes": self.minutes,
            "until": self.until.isoformat(),
            "excluded": [day.isoformat() for day in self.excluded],
            "opening_hours": self.opening_hours,
        }

    @classmethod
    def from_json(cls, value: dict) -> Recurrence:
        """The record `as_json` wrote; raises ValueError (or KeyError, TypeError) on anything else."""
        frequency = Frequency(value["frequency"])
        weekdays = tuple(sorted({WEEKDAY_CODES.index(code) for code in value.get("weekdays") or ()}))
        if frequency is Frequency.WEEKLY and not weekdays:
            raise ValueError("a weekly recurrence names its weekdays")
        if frequency is Frequency.DAILY:
            weekdays = ()
        time = dt.time.fromisoformat(value["time"]) if value.get("time") else None
        minutes = value.get("minutes")
        if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int)
                                    or not 0 < minutes < 24 * 60 or time is None):
            raise ValueError("minutes is a session's length under a day, with a time")
        return cls(frequency, dt.date.fromisoformat(value["until"]), weekdays, time, minutes,
                   tuple(sorted({dt.date.fromisoformat(day) for day in value.get("excluded") or ()})),
                   bool(value.get("opening_hours", False)))


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
    flags: tuple[str, ...] = ()
    """How sure the dates are: see EventFlag; none means a date written out in full and announced plainly."""

    @property
    def confidence(self) -> float:
        """1.0 for a plain, fully written date; less for each flag (a reader's doubt, not a probability)."""
        return flag_confidence(self.flags)
    parent_title: str | None = None
    """For a part of a named event (`X开幕式`, reported beside X): the title of X."""
    opened: dt.date | None = None
    """For a deadline read from a span (`即日起至12月15日`): the day it opened; the interval is then the due day."""
    recurrence: Recurrence | None = None
    """For an event held again and again over its span (`每晚19:30上演`): which days and at what time."""

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
            "flags": list(self.flags),
            "confidence": self.confidence,
            "recurrence": self.recurrence.as_json() if self.recurrence else None,
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
    flags: tuple[str, ...] = ()
    """How sure its dates are (EventFlag values), from the report its facts come from."""
    note: str = ""
    """An editor's public note (plain text)."""
    recurrence: Recurrence | None = None
    """Which days of its span it is held and at what time, for an event held again and again."""

    @property
    def confidence(self) -> float:
        """As `Event.confidence`: 1.0 for a plain, fully written date, less for each flag."""
        return flag_confidence(self.flags)


@dataclass(frozen=True)
class EventPart:
    """One event's rendered VEVENT and what a calendar needs of it besides (its order, LAST-MODIFIED, and
    whether it is timed, which widens the VTIMEZONE), as the store keeps it for one site URL and language."""

    uid: str
    day: str
    """The first day in Beijing (ISO date); with `start` and `uid`, the event's place in a calendar."""
    start: str
    updated: str
    """When it last changed, UTC to the second (`2024-01-01T08:00:00Z`): the largest is the calendar's."""
    timed: bool
    body: bytes


@dataclass(frozen=True)
class EventSpan:
    """What a month grid lays an event out by (its days, its order), read without the rest of the event: a month of
    a big store holds thousands, of which the grid shows a few a day."""

    uid: str
    title: str
    start: str
    end: str
    all_day: bool
    precision: str
    recurrence: Recurrence | None = None
    """A recurring event's sessions: the grid shows it on each of their days instead of a bar over its span."""


@dataclass(frozen=True)
class FeedPart:
    """One event's rendered feed item (an RSS <item>, an Atom <entry> or a JSON Feed item) and its place in a feed,
    as the store keeps it for one kind of feed, site URL and language."""

    uid: str
    news: str
    """When the news last changed the event (syndication.news_dates), UTC, fixed width: newest first."""
    updated: str
    """When the event last changed, UTC, fixed width: the tie-breaker after `news`, and the largest is the feed's."""
    body: bytes


@dataclass(frozen=True)
class Retraction:
    """An event no stored report supports any more: its page answers 410 Gone and links the article."""

    uid: str
    title: str
    article_id: str | None
    successor: str | None
    """The event its reports now belong to, when they moved to one (then the page redirects there)."""
    retracted: str


@dataclass(frozen=True)
class Pattern:
    """One RSSHub filter: where it looks, whether it keeps or drops what matches, and the pattern."""

    param: str
    source: str
    where: str
    keep: bool


PAGE_PARAMS = ("category", "q", "location", "from", "to")
"""The query parameters of a selection that pages pass on to their calendar, feeds, embed and links."""


@dataclass(frozen=True)
class Selection:
    """Which events a page, calendar, feed or API request shows: one record from query parameters to SQL.

    Every field is optional; equal requests give equal selections (their `key()` names ETags).
    """

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
    patterns: tuple[Pattern, ...] = ()
    """RSSHub's filter / filterout patterns, applied after the store's query."""
    case_sensitive: bool = True
    window: bool = False
    """True when `start` was not asked for but set by a feed's default window."""

    @property
    def active(self) -> bool:
        return any((self.category, self.q, self.location, self.start, self.end))

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def key(self) -> str:
        """A canonical text of the selection, for ETags: the same request always gives the same key."""
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "order" and value == "start":
                continue
            if value not in (None, (), False) or f.name == "case_sensitive":
                parts.append(f"{f.name}={value!r}")
        return "&".join(parts)

    def args(self) -> dict[str, str]:
        """The page parameters (`PAGE_PARAMS`) that reproduce this selection, in a stable order."""
        values = {
            "category": self.category,
            "q": self.q,
            "location": self.location,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }
        return {name: value for name, value in values.items() if value}

    def query_string(self, **extra: str | None) -> str:
        """`?category=fair&…` (with `extra` parameters), or "" when there is nothing to say."""
        args = {**self.args(), **{k: v for k, v in extra.items() if v}}
        return "?" + urlencode(args) if args else ""


class SourceKind(StrEnum):
    """What a source's address serves: known after its first fetch."""

    UNKNOWN = "unknown"
    FEED = "feed"
    PAGE = "page"


class PublishedFrom(StrEnum):
    """Where a fetched article's publication date is taken from first (the other is the fallback)."""

    FEED = "feed"
    PAGE = "page"


class SourceStatus(StrEnum):
    """How a source's last fetch went."""

    NEVER = "never"
    OK = "ok"
    NOT_MODIFIED = "not_modified"
    PARTIAL = "partial"
    """The feed was read but some of its pages failed or must wait: they are tried again next time."""
    FAILED = "failed"


class ItemStatus(StrEnum):
    """What fetching one page of a source did; also the keys of a fetch's counts."""

    KNOWN = "known"
    """Listed again by its feed as before: not asked for."""
    INGESTED = "ingested"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    NOT_MODIFIED = "not_modified"
    DUPLICATE = "duplicate"
    DISALLOWED = "disallowed"
    DEFERRED = "deferred"
    NO_LINK = "no_link"
    FAILED = "failed"


@dataclass(frozen=True)
class Source:
    """A news site's feed or an article page that `feeds fetch` reads on a schedule."""

    name: str
    url: str
    every_seconds: int
    published_from: PublishedFrom = PublishedFrom.FEED
    kind: SourceKind = SourceKind.UNKNOWN
    added: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    last_status: SourceStatus = SourceStatus.NEVER
    last_error: str = ""
    last_counts: dict[str, int] = field(default_factory=dict)
    last_problems: list[dict[str, str]] = field(default_factory=list)
    failures: int = 0
    next_due: str = ""
    articles: int = 0
    events: int = 0


@dataclass(frozen=True)
class SourceItem:
    """One page address fetched from a source: its HTTP validators and the hash of its main text."""

    url: str
    source: str
    status: ItemStatus
    fetched: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    entry_hash: str | None = None
    """The fingerprint of the feed entry that listed it (None for a page followed on its own)."""
    article_id: str | None = None
    reason: str = ""
