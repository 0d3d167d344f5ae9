"""Query parameters of calendars, feeds and the API, checked once; RSSHub's regex filters, time-bounded.

Patterns run in the `regex` module with a timeout, so `(a|aa)+$` on a long title cannot hang a worker;
their size is checked before they are compiled (pattern_size), so `a{1000000000}` cannot take its memory.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Mapping

import regex

from ..models import CATEGORIES, STATUSES, TZ, Pattern, Selection, StoredEvent
from ..present.common import category_label, details_text
from ..present.syndication import item_title
from ..store import scrub
from .pattern_size import PatternTooLarge, check_pattern_size

MAX_PATTERN_CHARS = 200
"""Longer patterns are refused: a filter is a few words, not a program."""
MAX_TEXT_CHARS = 300
"""`q` and `location` are search words; anything longer is a mistake or an attack."""
MIN_DAY, MAX_DAY = dt.date(1, 1, 2), dt.date(9999, 12, 30)
"""The days a query may name: one day's room at each end, for "the day after" and "the day before"."""
FILTER_BUDGET_SECONDS = 0.5
"""All regex matching for one request together; past it the request fails with 400 instead of hanging."""

# RSSHub's names: https://docs.rsshub.app/guide/parameters
_INCLUDE = {"filter": "both", "filter_title": "title", "filter_description": "description"}
_EXCLUDE = {"filterout": "both", "filterout_title": "title", "filterout_description": "description"}
_CATEGORY = {"filter_category": True, "filterout_category": False}
_PLUS_AS_SPACE = regex.compile(r" (\d\d:?\d\d)$")


class QueryError(ValueError):
    """A query parameter the client got wrong; the route answers 400 with this message in the reader's language.

    `str(err)` is the English text (the API's `error`, stable for scripts); `err.text("zh")` the Chinese.
    """

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)


def parse_query(args: Mapping[str, str], *, max_items: int) -> Selection:
    """Check and normalize the query string; raises QueryError with a message a person can act on."""
    start = _day(args, "from")
    end = _day(args, "to")
    fc_start = _day(args, "start")
    fc_end = _day(args, "end", exclusive=True)
    start = max((d for d in (start, fc_start) if d), default=None)
    end = min((d for d in (end, fc_end) if d), default=None)
    return Selection(
        category=_choice(args, "category", CATEGORIES),
        q=_text(args, "q"),
        location=_text(args, "location"),
        start=start,
        end=end,
        status=_choice(args, "status", STATUSES),
        limit=_limit(args, max_items),
        patterns=_patterns(args),
        case_sensitive=args.get("filter_case_sensitive", "true").strip().lower() not in ("false", "0", "no"),
    )


def _choice(args: Mapping[str, str], name: str, allowed: Iterable[str]) -> str | None:
    value = args.get(name, "").strip()
    if not value:
        return None
    if value not in allowed:
        raise QueryError(f"{name} must be one of {', '.join(allowed)}; got {value!r}",
                         f"{name} 只能是 {', '.join(allowed)} 之一，收到的是 {value!r}")
    return value


def _text(args: Mapping[str, str], name: str) -> str | None:
    value = " ".join(scrub.line(args.get(name, "")).split())  # no control character reaches a page
    if len(value) > MAX_TEXT_CHARS:
        raise QueryError(f"{name} is longer than {MAX_TEXT_CHARS} characters", f"{name} 超过了 {MAX_TEXT_CHARS} 个字符")
    return value or None


def _day(args: Mapping[str, str], name: str, *, exclusive: bool = False) -> dt.date | None:
    """A day from `YYYY-MM-DD` or an ISO datetime (FullCalendar sends those; read in Beijing time).

    With `exclusive` (FullCalendar's `end`), a bare day or midnight means "up to the day before".
    """
    value = args.get(name, "").strip()
    if not value:
        return None
    try:
        return _read_day(value, exclusive)
    except ValueError:
        raise QueryError(f"{name} must be a date like 2022-11-29; got {value!r}",
                         f"{name} 应是形如 2022-11-29 的日期，收到的是 {value!r}") from None
    except OverflowError:  # 0001-01-01 as an exclusive end, or 9999-12-31T23:00-12:00 in Beijing time
        raise QueryError(f"{name} must be a date between {MIN_DAY} and {MAX_DAY}; got {value!r}",
                         f"{name} 应是 {MIN_DAY} 到 {MAX_DAY} 之间的日期，收到的是 {value!r}") from None


def _read_day(value: str, exclusive: bool) -> dt.date:
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
    else:
        # A `+` in an unencoded query string arrives as a space: `2022-11-01T00:00:00 08:00`.
        moment = dt.datetime.fromisoformat(_PLUS_AS_SPACE.sub(r"+\1", value).replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(TZ)
        day = moment.date()
        exclusive = exclusive and moment.time() == dt.time(0)
    if exclusive:
        day -= dt.timedelta(days=1)
    if not MIN_DAY <= day <= MAX_DAY:
        raise OverflowError(day)
    return day


def _limit(args: Mapping[str, str], max_items: int) -> int | None:
    value = args.get("limit", "").strip()
    if not value:
        return None
    try:
        limit = int(value)
    except ValueError:
        raise QueryError(f"limit must be a whole number; got {value!r}",
                         f"limit 应是整数，收到的是 {value!r}") from None
    if limit < 1:
        raise QueryError("limit must be at least 1", "limit 至少为 1")
    return min(limit, max_items)


def _patterns(args: Mapping[str, str]) -> tuple[Pattern, ...]:
    found = []
    for names, keep in ((_INCLUDE, True), (_EXCLUDE, False)):
        for name, where in names.items():
            if args.get(name):
                found.append(Pattern(name, _pattern_source(args, name), where, keep))
    for name, keep in _CATEGORY.items():
        if args.get(name):
            found.append(Pattern(name, _pattern_source(args, name), "category", keep))
    return tuple(found)


def _pattern_source(args: Mapping[str, str], name: str) -> str:
    source = args[name]
    if len(source) > MAX_PATTERN_CHARS:
        raise QueryError(f"{name} is longer than {MAX_PATTERN_CHARS} characters",
                         f"{name} 超过了 {MAX_PATTERN_CHARS} 个字符")
    try:
        check_pattern_size(source)  # before compiling: `a{1000000000}` would take the worker's memory
        _compile(source, 0)
    except PatternTooLarge as err:
        raise QueryError(f"{name} {err}; use a simpler pattern",
                         f"{name} 过于复杂（{err}），请用更简单的表达式") from None
    except regex.error as err:
        raise QueryError(f"{name} is not a valid regular expression: {err}",
                         f"{name} 不是有效的正则表达式：{err}") from None
    return source


def _compile(source: str, flags: int) -> regex.Pattern:
    """A client's pattern, kept out of the regex module's cache: a worker holds no pattern past its request."""
    return regex.compile(source, flags, cache_pattern=False)


def apply_patterns(
    events: Iterable[StoredEvent], query: Selection, base_url: str, *, budget: float = FILTER_BUDGET_SECONDS
) -> list[StoredEvent]:
    """The events RSSHub's filter / filterout / filter_category keep; a pattern matches if any field does."""
    if not query.patterns:
        return list(events)
    flags = 0 if query.case_sensitive else regex.IGNORECASE
    deadline = time.monotonic() + budget
    compiled = [(p, _compile(p.source, flags)) for p in query.patterns]
    if time.monotonic() > deadline:
        raise QueryError("the filter patterns took too long to compile; use simpler patterns",
                         "筛选表达式编译太久，请用更简单的表达式")
    kept = []
    for ev in events:
        texts = {
            "title": [item_title(ev)],
            "description": [details_text(ev, base_url)],
            "category": [ev.category, category_label(ev.category)],
        }
        texts["both"] = texts["title"] + texts["description"]
        if all(_matches(rx, texts[p.where], deadline, p.param) == p.keep for p, rx in compiled):
            kept.append(ev)
    return kept


def _matches(rx: regex.Pattern, texts: list[str], deadline: float, param: str) -> bool:
    for text in texts:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _too_slow(param)
        try:
            if rx.search(text, timeout=remaining):
                return True
        except TimeoutError:
            raise _too_slow(param) from None
    return False


def _too_slow(param: str) -> QueryError:
    return QueryError(f"{param} took too long to match; use a simpler pattern", f"{param} 匹配太久，请用更简单的表达式")
