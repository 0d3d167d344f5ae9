"""From a matched date expression to an absolute interval, relative to the publication date."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import Enum

import cn2an

from ...models import TZ, Interval
from . import grammar as g


class Tense(Enum):
    """What the clause around a date says of its time, which decides the year or month it is read in."""

    UNSAID = "unsaid"
    """Nothing tells: the nearest reading."""
    ANNOUNCED = "announced"
    """`将于`, `拟于`, `X前报名`: ahead of the publication date."""
    REPORTED = "reported"
    """`X日，…会议召开`: a happening reported, within REPORT_REACH_DAYS behind."""
    PAST = "past"
    """`了`, `日前`, `已于`: it happened, within a year behind."""


@dataclass(frozen=True)
class Context:
    """What a date expression is resolved against."""

    published: dt.date | None
    year: int | None
    """The article's year when the exact day is unknown."""
    last: dt.date | None = None
    """The date the text spoke of last, for `同日`, `次日` and a bare `28日`."""
    tense: Tense = Tense.UNSAID
    now: dt.datetime | None = None
    """The moment of publication, when known to the minute or second: what `3小时后` counts from, and
    where `近30天` and `年底前` start or end."""
    year_told: int | None = None
    """The year the text wrote last before the date, for `次年`, `同年` (`2019年成立，次年上市`)."""
    general: bool = False
    """The general reading (`feeds dates`, every kind): fuzzy parts as a reader takes them
    (grammar.READER_PARTS_OF_MONTH); the event layer keeps the schedule's."""

    def parts_of_month(self) -> dict[str, tuple[int, int]]:
        return g.READER_PARTS_OF_MONTH if self.general else g.PARTS_OF_MONTH

    def parts_of_year(self) -> dict[str, tuple[int, int]]:
        return g.READER_PARTS_OF_YEAR if self.general else g.PARTS_OF_YEAR


class Unresolvable(ValueError):
    """The expression is a date, but nothing tells which one (no publication date, an impossible day)."""


def number(text: str) -> int:
    """`12`, `十二`, `二〇二三` as integers; a numeral no reader could read (`十十`) is Unresolvable."""
    text = text.replace(" ", "")
    if text.isdigit() and text.isascii():
        return int(text)
    text = text.replace("两", "二")
    if len(text) >= 2 and all(ch in "〇零一二三四五六七八九" for ch in text):
        return int("".join(str("〇一二三四五六七八九".index(ch.replace("零", "〇"))) for ch in text))
    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise Unresolvable(f"not a numeral: {text}") from error


def full_year(text: str, base_year: int | None) -> int:
    """A written year; two digits (`15年`, `九八年`) are of the 2000s when that is at most ten years past
    the base year, else of the 1900s (`九零年` in a paper of 1973 is 1990)."""
    value = number(text)
    if len(text) > 2 or "千" in text:
        return value
    base = base_year or 2000
    return 2000 + value if 2000 + value <= base + 10 else 1900 + value


def month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _gap(first: dt.date, last: dt.date, base: dt.date) -> int:
    return 0 if first <= base <= last else min(abs((first - base).days), abs((last - base).days))


def choose(candidates: list[dt.date], ctx: Context, spans: list[dt.date] | None = None,
           this_year: bool = False) -> dt.date:
    """The candidate the writer meant: ahead for announcements, behind for reports, else the nearest.

    `spans` gives each candidate's last day when it covers more than one (a month, `3月底`):
    `将于3月举办`, written on 10 March, is this March. With `this_year` (a month and day without a
    year) and no tense, the nearest when one is close (YEAR_BOUNDARY_DAYS: `12月28日` written on
    3 January is last December's); else this year's, or near the year's turn the one ahead (`7月4日`
    written on 1 January is this July, `6月1日` written on 5 December next June).
    """
    if not candidates:
        raise Unresolvable("no such date")
    ends = dict(zip(candidates, spans or candidates, strict=True))
    base = ctx.published or ctx.last
    boundary_near = min((base - dt.date(base.year, 1, 1)).days,
                        (dt.date(base.year, 12, 31) - base).days) < g.YEAR_BOUNDARY_DAYS if base else True
    if this_year and base is not None and ctx.tense is Tense.UNSAID and not any(
            _gap(c, ends[c], base) < g.YEAR_BOUNDARY_DAYS for c in candidates):
        same = [c for c in candidates if c.year == base.year]
        ahead = [c for c in candidates if ends[c] >= base]
        if boundary_near and ahead:
            return min(ahead)  # `6月1日，新规施行` on 5 December: next June, not half a year back
        if same and not boundary_near:
            return same[0]
    if base is None:
        if ctx.year is not None:
            same_year = [c for c in candidates if c.year == ctx.year]
            if same_year:
                return same_year[0]
        raise Unresolvable("no year")
    slack = dt.timedelta(days=1)
    if ctx.tense is Tense.ANNOUNCED:
        ahead = [c for c in candidates if ends[c] >= base - slack]
        if ahead:
            return min(ahead)
    elif ctx.tense in (Tense.REPORTED, Tense.PAST):
        reach = 366 if ctx.tense is Tense.PAST else g.REPORT_REACH_DAYS
        behind = [c for c in candidates if c <= base + slack and (base - c).days <= reach]
        if behind:
            return max(behind)

    def distance(c: dt.date) -> int:
        return 0 if c <= base <= ends[c] else min(abs((c - base).days), abs((ends[c] - base).days))

    return min(candidates, key=lambda c: (distance(c), c < base))


def _base_year(ctx: Context) -> int:
    if ctx.published:
        return ctx.published.year
    if ctx.year:
        return ctx.year
    raise Unresolvable("no year")


def _base_day(ctx: Context) -> dt.date:
    if ctx.published:
        return ctx.published
    raise Unresolvable("relative day without a publication date")


@dataclass(frozen=True)
class Point:
    """A resolved date point: the first and last day it covers and its precision."""

    first: dt.date
    last: dt.date
    precision: str  # "day" | "month"
    year_given: bool = False
    month_given: bool = False


def resolve_point(m, p: str, ctx: Context, anchor: Point | None = None) -> Point | None:
    """The point with prefix p in match m; `anchor` is the range start, which an end inherits from."""
    get = m.group
    if get(p + "rel"):
        word = get(p + "rel")
        if word in g.CONTEXT_DAYS:
            base = anchor.first if anchor else (ctx.last or _base_day(ctx))
            day = base + dt.timedelta(days=g.CONTEXT_DAYS[word])
            return Point(day, day, "day", True, True)
        day = _base_day(ctx) + dt.timedelta(days=g.RELATIVE_DAYS[word])
        return Point(day, day + dt.timedelta(days=g.SPAN_DAYS.get(word, 0)), "day", True, True)
    if get(p + "rt"):
        return _told_day(g.TOLD_DAYS[get(p + "rt")], number(get(p + "rtd")), ctx)
    if get(p + "wd"):
        week_of = anchor.first if anchor is not None and not get(p + "wo") else _base_day(ctx)
        monday = week_of - dt.timedelta(days=week_of.weekday())
        day = monday + dt.timedelta(weeks=g.WEEK_OFFSETS[get(p + "wo") or ""], days=g.WEEKDAYS[get(p + "wd")])
        return Point(day, day, "day", True, True)
    if get(p + "iy"):
        day = dt.date(int(get(p + "iy")), int(get(p + "im")), int(get(p + "id")))
        return Point(day, day, "day", True, True)
    if get(p + "we"):
        week_of = anchor.first if anchor is not None and not get(p + "wko") else _base_day(ctx)
        saturday = week_of - dt.timedelta(days=week_of.weekday()) + dt.timedelta(
            weeks=g.WEEK_OFFSETS[get(p + "wko") or ""], days=5)
        return Point(saturday, saturday + dt.timedelta(days=1), "day", True, True)
    if get(p + "mp"):
        base = _base_day(ctx)
        first_day, last_day = ctx.parts_of_month()[g.PARTS_OF_THIS_MONTH[get(p + "mp")]]
        end = min(last_day, month_end(base.year, base.month))
        return Point(base.replace(day=first_day), base.replace(day=end), "month", True, True)
    if get(p + "yp") or get(p + "yp2"):
        part = get(p + "yp") or get(p + "yp2")
        year = _year(get(p + "yy"), get(p + "yyr"), ctx)
        first_month, last_month = ctx.parts_of_year()[part]
        return Point(dt.date(year, first_month, 1), dt.date(year, last_month, month_end(year, last_month)),
                     "month", True, True)
    if p == "e_" and get("e_dm2") and anchor is not None:
        day = maybe_date(anchor.first.year, int(get("e_dm2")), int(get("e_dd2")))
        if day is None:
            raise Unresolvable("no such day")
        return Point(day, day, "day", True, True)
    if get(p + "m") or get(p + "mr") or get(p + "dm") or get(p + "nm") or get(p + "sm"):
        return _month_point(m, p, ctx, anchor)
    if get(p + "d2") or get(p + "d3"):
        return _day_only(number(get(p + "d2") or get(p + "d3")), ctx, anchor)
    return None


def _told_day(offset: int, day_of_month: int, ctx: Context) -> Point:
    """`今（15）日`: the day the word counts from publication, or, where the paper's number says otherwise (a page
    printed the day after), the day of that number nearest to it."""
    counted = _base_day(ctx) + dt.timedelta(days=offset)
    months = (counted.year * 12 + counted.month - 1 + k for k in (-1, 0, 1))
    candidates = [d for index in months if (d := maybe_date(index // 12, index % 12 + 1, day_of_month))]
    if not candidates:
        raise Unresolvable("no such day")
    day = min(candidates, key=lambda d: abs((d - counted).days))
    return Point(day, day, "day", True, True)


def resolve_year(digits: str | None, relative: str | None, ctx: Context) -> int:
    """A year written (`2018`, `18`, `二〇一八`) or relative (`去年`), else the base year."""
    return _year(digits, relative, ctx)


def _year(digits: str | None, relative: str | None, ctx: Context) -> int:
    if digits:
        return full_year(digits, ctx.published.year if ctx.published else ctx.year)
    if relative:
        if relative in g.CONTEXT_YEARS and ctx.year_told is not None:
            return ctx.year_told + g.CONTEXT_YEARS[relative]
        return _base_year(ctx) + g.RELATIVE_YEARS[relative]
    return _base_year(ctx)


def _month_point(m, p: str, ctx: Context, anchor: Point | None) -> Point:
    get = m.group
    year_text, rel_year = get(p + "y"), get(p + "yr")
    if get(p + "mr"):
        base = _base_day(ctx)
        index = base.year * 12 + base.month - 1 + g.RELATIVE_MONTHS[get(p + "mr")]
        if rel_year:  # `去年本月十日`: the month counted from publication, in the year named before it
            index += 12 * g.RELATIVE_YEARS[rel_year]
        years, months = [index // 12], index % 12 + 1
        year_given = True
    else:
        months = number(get(p + "m") or get(p + "dm") or get(p + "nm") or get(p + "sm"))
        year_given = bool(year_text or rel_year)
        if year_given and rel_year in g.CONTEXT_YEARS and anchor is not None:
            years = [anchor.first.year + g.CONTEXT_YEARS[rel_year]]  # `2023年11月15日至次年3月15日`
        elif year_given:
            years = [_year(year_text, rel_year, ctx)]
        elif anchor is not None:
            years = [anchor.first.year, anchor.first.year + 1]
        else:
            years = [_base_year(ctx) + k for k in (-1, 0, 1)]
    if not 1 <= months <= 12:
        raise Unresolvable("no such month")
    day_text, part = get(p + "d") or get(p + "dd") or get(p + "nd") or get(p + "sd"), get(p + "part")
    if day_text:
        day = number(day_text)
        candidates = [maybe_date(y, months, day) for y in years]
        candidates = [c for c in candidates if c]
        if not candidates and (months, day) == (2, 29) and not year_given:
            candidates = [dt.date(y, 2, 29) for y in range(years[0] - 4, years[-1] + 5) if calendar.isleap(y)]
        if anchor is not None and not year_given:
            later = [c for c in candidates if c >= anchor.first]
            first = min(later) if later else None
        else:
            first = candidates[0] if len(candidates) == 1 else choose(candidates, _untensed(m, p, ctx), this_year=True)
        if first is None:
            raise Unresolvable("range end before its start")
        return Point(first, first, "day", year_given, True)
    first_day, last_day = ctx.parts_of_month().get(part, (1, 31))
    starts = [dt.date(y, months, first_day) for y in years]
    ends = [dt.date(y, months, min(last_day, month_end(y, months))) for y in years]
    if anchor is not None and not year_given:
        later = [s for s in starts if (s.year, s.month) >= (anchor.first.year, anchor.first.month)]
        start = min(later) if later else starts[-1]
    else:
        start = starts[0] if len(starts) == 1 else choose(starts, _untensed(m, p, ctx), ends, this_year=True)
    end_day = min(last_day, month_end(start.year, start.month))
    return Point(start, start.replace(day=end_day), "month", year_given, True)


def _untensed(m, p: str, ctx: Context) -> Context:
    """`于10月12日至15日在…举办`: a report verb after `于 + date` carries no tense, so the date reads
    as this year's; `12月29日举办的年会` (no 于) still looks back."""
    if ctx.tense is Tense.REPORTED and m.string[max(0, m.start() - 1):m.start()] in ("于", "在"):
        return Context(ctx.published, ctx.year, ctx.last, Tense.UNSAID)
    return ctx


def maybe_date(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None where the calendar has none (`2月30日`)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_only(day: int, ctx: Context, anchor: Point | None) -> Point:
    """A bare `28日`: in the month of the range start, of the date last spoken of, or of publication
    (the month before for `28日`–`31日` in a paper of the 1st–3rd); `已于`/`将于` look back or ahead."""
    if anchor is not None:
        base = anchor.first
        for k in range(3):
            month_index = base.year * 12 + base.month - 1 + k
            candidate = maybe_date(month_index // 12, month_index % 12 + 1, day)
            if candidate and candidate >= anchor.first:
                return Point(candidate, candidate, "day")
        raise Unresolvable("range end before its start")
    base = ctx.last or ctx.published
    if base is None:
        raise Unresolvable("a day with no month")
    candidates = []
    for k in (-1, 0, 1):
        month_index = base.year * 12 + base.month - 1 + k
        candidate = maybe_date(month_index // 12, month_index % 12 + 1, day)
        if candidate:
            candidates.append(candidate)
    if ctx.last is not None:
        same = [c for c in candidates if (c.year, c.month) == (ctx.last.year, ctx.last.month)]
        if same:
            return Point(same[0], same[0], "day")
    elif ctx.tense in (Tense.UNSAID, Tense.REPORTED):
        wanted = base.replace(day=1) - dt.timedelta(days=1) if base.day <= 3 and day >= 28 else base
        same = [c for c in candidates if (c.year, c.month) == (wanted.year, wanted.month)]
        if same:  # `9日开幕`: a report verb carries no tense, so the month is the paper's own
            return Point(same[0], same[0], "day")
    day = choose(candidates, ctx)
    return Point(day, day, "day")


def clock(m, p: str, inherited_part: str | None = None) -> tuple[dt.time | None, str | None]:
    """The clock reading with prefix p, shifted to the afternoon when `下午`/`晚` says so."""
    get = m.group
    part = get(p + "tp") or inherited_part
    hour_text = get(p + "h") or get(p + "h2") or _group(m, p + "h3") or _group(m, p + "h4")
    if hour_text is None:
        return None, part
    hour = number(hour_text)
    english_half = _group(m, p + "ap") or _group(m, p + "ap2")
    if english_half:  # `3:00pm`, `3 PM`: the half of the day written after the hour, not a part before it
        if not 1 <= hour <= 12:
            return None, part
        hour, part = hour % 12 + (12 if english_half.strip()[0] in "Pp" else 0), None
    minute_text = get(p + "mi") or get(p + "mi2")
    minute = QUARTERS.get(minute_text or "")
    if minute is None:
        minute = number(minute_text) if minute_text else 0
    second_text = _group(m, p + "se") or _group(m, p + "se2")
    second = number(second_text) if second_text else 0
    if part in g.TIMES_OF_DAY:
        afternoon_from, offset = g.TIMES_OF_DAY[part]
        if hour < 12 and not (part == "中午" and hour >= afternoon_from):
            hour += offset
    if hour == 24 or (hour == 12 and minute == 0 and part in g.EVENING):
        hour, minute = 23, 59  # midnight, kept on the day it ends
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None, part
    return dt.time(hour, minute, second), part


QUARTERS = {"半": 30, "一刻": 15, "1刻": 15, "二刻": 30, "2刻": 30, "三刻": 45, "3刻": 45}
"""Minutes that `点` takes in words: half and quarters of the hour."""


def _group(m, name: str) -> str | None:
    """A group of m, or None where the pattern has no such group (CLOCK_ONLY has no seconds)."""
    return m.group(name) if name in m.re.groupindex else None


def make_interval(first: dt.date, last: dt.date, precision: str,
                  start_time: dt.time | None, end_time: dt.time | None) -> Interval:
    """An interval; with a clock time it becomes timed (an end time alone is ignored)."""
    if start_time is None:
        return Interval(first, last, precision if precision != "time" else "day")
    start = dt.datetime.combine(first, start_time, TZ)
    end = dt.datetime.combine(last, end_time or start_time, TZ)
    if end < start:
        end = start if end_time is None else end + dt.timedelta(days=1)
    return Interval(start, end, "time")
