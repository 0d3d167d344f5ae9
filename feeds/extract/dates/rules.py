"""Grammar rules as named records, each with its pattern, what it produces and an example sentence.

The core grammar (grammar.py) reads schedule dates (`5月8日至10日`); these rules read everything
else a newspaper names as time: years, quarters, seasons, decades, weeks, clock times alone, lunar
dates, festivals, solar terms, holiday periods and durations anchored to the publication date.
They run in order; an earlier rule wins where two overlap. `tests/test_dates_rules.py` runs every
rule's example at REFERENCE_DAY, as Duckling's corpus does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...models import TZ, DateKind, Interval
from . import calendars as cal
from . import grammar as g
from .resolve import Context, Tense, Unresolvable, choose, full_year, maybe_date, month_end, number

REFERENCE_DAY = dt.date(2024, 6, 12)
"""The publication date every rule's example is read at (a Wednesday)."""
REFERENCE_TIME = dt.datetime(2024, 6, 12, 8, 30, tzinfo=TZ)
"""Its moment of publication, for the rules that count hours and minutes."""

Reader = Callable[[re.Match, Context], Interval]


@dataclass(frozen=True)
class Rule:
    """One grammar rule: a name, a pattern, what it produces, and a sentence that shows it."""

    name: str
    pattern: re.Pattern[str]
    kind: DateKind
    read: Reader
    example: str
    expected: tuple[str, str, str]
    """(start, end, precision) of the example's expression, read at REFERENCE_DAY."""
    needs: tuple[str, ...] = ()
    """Words one of which a text must hold for the rule to be tried at all (a cheap test before the regex)."""
    or_holds: re.Pattern[str] | None = None
    """A pattern with a literal first character a text may hold instead of one of `needs` (as cheap a test)."""

    def may_match(self, text: str) -> bool:
        return (not self.needs or any(word in text for word in self.needs)
                or bool(self.or_holds and self.or_holds.search(text)))


# --- shared pieces ------------------------------------------------------------------------------

_CN = "〇零一二两三四五六七八九十百"
COUNT = rf"(?P<n>\d{{1,3}}|[{_CN}]{{1,4}}|几十|十几|二十几|半|仨|俩)"
YEAR_WORDS = {**g.RELATIVE_YEARS, "大前年": -3, "大后年": 3, "这一年": 0, "上一年": -1, "下一年": 1}
YEAR_WORDS.update({"上年": -1, "下年": 1})
_REL_YEAR = g._alternatives({w: v for w, v in YEAR_WORDS.items() if w not in ("上年", "下年")}) \
    + r"|(?<![马赶早晚])上年(?!纪)|下年(?!级)"
"""`上年同期`, `下年9月`; not `马上年底` (soon the year's end) nor `上年纪` (getting on in years)."""
YEAR_PREFIX = rf"(?:(?P<y>{g.YEAR})\s*年\s*|(?P<yr>{_REL_YEAR})\s*)"
"""A written or relative year before a month, a quarter, a festival."""
NOT_AFTER_YEAR = (r"(?![代级度轻纪龄初底末中来前后间多半里期报会限华刊薪鉴货金第伊\d]|以(?!来)"
                  r"|\s*(?:\d|[一二三四五六七八九十]{1,2}月|正月|腊月|[春夏秋冬]|[上下]半年|[一二三四]季度))")
"""What may not follow a year that stands alone: a month, a part of the year, or a word it is part of
(`去年以来` is a year: the general reading runs it to the publication day)."""
NOT_AFTER_WRITTEN_YEAR = (NOT_AFTER_YEAR.replace("来前后", "来后")[:-1]
                          + r"|前\s*(?:[\d一二两三四五六七八九十几]|个))")
"""The same after a year written in full, which may be followed by 前 (`2025年前完成`, not `2020年前三季度`)."""


def base_day(ctx: Context) -> dt.date:
    if ctx.published is None:
        raise Unresolvable("relative to an unknown day")
    return ctx.published


def base_year(ctx: Context) -> int:
    if ctx.published is not None:
        return ctx.published.year
    if ctx.year is not None:
        return ctx.year
    raise Unresolvable("no year")


def year_of(m: re.Match, ctx: Context, y: str = "y", yr: str = "yr") -> int | None:
    """The year a match writes (`2023年`, `23年`, `去年`), or None when it writes none (or has no year
    groups: `6·30`)."""
    if _group(m, y):
        return full_year(m.group(y), base_year(ctx) if (ctx.published or ctx.year) else None)
    if _group(m, yr):
        word = m.group(yr)
        if word in g.CONTEXT_YEARS and ctx.year_told is not None:
            return ctx.year_told + g.CONTEXT_YEARS[word]  # `2019年成立，次年上市`
        return base_year(ctx) + YEAR_WORDS[word]
    return None


def count(text: str) -> float:
    """`3`, `三`, `半`, `仨` as a number of units (`二十几年前` has no count: it is left unread)."""
    words = {"半": 0.5, "仨": 3, "俩": 2}
    return words[text] if text in words else float(number(text))


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, month_end(year, month + 1)))


def month_span(year: int, month: int) -> Interval:
    return Interval(dt.date(year, month, 1), dt.date(year, month, month_end(year, month)), "month")


def year_span(first: int, last: int | None = None) -> Interval:
    return Interval(dt.date(first, 1, 1), dt.date(last or first, 12, 31), "year")


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_span(first_day: dt.date) -> Interval:
    return Interval(first_day, first_day + dt.timedelta(days=6), "week")


def nearest_year(days: Callable[[int], dt.date | None], ctx: Context, year: int | None) -> dt.date:
    """A calendar day named without a year (a festival, a lunar date): the base year's own (a lunar
    one's by the lunar year), unless another year's is within CALENDAR_NEAR_DAYS of the paper and the
    base year's is half a year away (`春节` in December is the coming one); a tense looks ahead or back."""
    if year is not None:
        day = days(year)
        if day is None:
            raise Unresolvable("no such day that year")
        return day
    base = base_year(ctx)
    own = days(base)
    if ctx.published is None:
        if own is None:
            raise Unresolvable("no such day")
        return own
    candidates = [d for d in (days(base - 1), own, days(base + 1)) if d is not None]
    if ctx.tense is Tense.UNSAID or ctx.tense is Tense.REPORTED:
        def away(d: dt.date) -> int:
            return abs((d - ctx.published).days)
        near = [d for d in candidates if d != own and away(d) <= CALENDAR_NEAR_DAYS]
        if own is not None and not (near and away(own) > 180):
            return own
        if near:
            return min(near, key=away)
    return choose(candidates, ctx)


CALENDAR_NEAR_DAYS = 60


# --- readers ------------------------------------------------------------------------------------


def read_year(m: re.Match, ctx: Context) -> Interval:
    year = year_of(m, ctx)
    if year is None:
        raise Unresolvable("no year")
    return year_span(year)


def read_year_range(m: re.Match, ctx: Context) -> Interval:
    first = full_year(m.group("y"), base_year(ctx) if (ctx.published or ctx.year) else None)
    last = full_year(m.group("y2"), first)
    if m.group("y2") and len(m.group("y2")) == 2:
        last = first - first % 100 + number(m.group("y2"))
        if last < first:
            last += 100
    if last < first:
        raise Unresolvable("range ends before it starts")
    if m.group("m2"):
        month = number(m.group("m2"))
        return Interval(dt.date(first, 1, 1), dt.date(last, month, month_end(last, month)), "month")
    return year_span(first, last)


QUARTER_NUMBERS = {"一": 1, "1": 1, "首": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
QUARTER_WORDS = {"本": 0, "这个": 0, "这": 0, "当": 0, "上个": -1, "上": -1, "上一": -1, "下个": 1, "下": 1, "下一": 1}


def read_quarter(m: re.Match, ctx: Context) -> Interval:
    if m.group("qr"):
        base = base_day(ctx)
        index = base.year * 4 + (base.month - 1) // 3 + QUARTER_WORDS[m.group("qr")]
        year, quarter = index // 4, index % 4 + 1
    else:
        year = year_of(m, ctx) or base_year(ctx)
        if m.group("first"):
            last = QUARTER_NUMBERS.get(m.group("first")) or number(m.group("first"))
            if not 1 <= last <= 4:
                raise Unresolvable("no such quarter")
            return Interval(dt.date(year, 1, 1), dt.date(year, last * 3, month_end(year, last * 3)), "quarter")
        quarter = QUARTER_NUMBERS[m.group("q")]
    first_month = quarter * 3 - 2
    if m.group("qp") in ("初",):
        return month_span(year, first_month)
    if m.group("qp") in ("末", "底"):
        return month_span(year, first_month + 2)
    return Interval(dt.date(year, first_month, 1), dt.date(year, first_month + 2, month_end(year, first_month + 2)),
                    "quarter")


def read_season(m: re.Match, ctx: Context) -> Interval:
    year = year_of(m, ctx) or base_year(ctx)
    season = m.group("season")
    if season == "冬" and m.group("yr") is None and m.group("y") is None and ctx.published is not None \
            and ctx.published.month <= 2:
        year -= 1  # `冬季` in January is the winter under way
    span = cal.season_span(season, year)
    if span is None:
        raise Unresolvable("season outside the calendar's range")
    return Interval(*span, "season")


def read_school_holiday(m: re.Match, ctx: Context) -> Interval:
    year = year_of(m, ctx) or base_year(ctx)
    return Interval(dt.date(year, 7, 1), dt.date(year, 8, 31), "month")


CENTURY_WORDS = {"上": -1, "本": 0, "这个": 0, "下": 1}
DECADE_PARTS = {"初": (0, 2), "初期": (0, 2), "前期": (0, 2), "中": (3, 6), "中期": (3, 6), "末": (7, 9),
                "末期": (7, 9), "后期": (7, 9)}
CENTURY_PARTS = {"初": (0, 19), "初期": (0, 19), "前期": (0, 19), "中": (40, 59), "中期": (40, 59),
                 "末": (80, 99), "末期": (80, 99), "后期": (80, 99)}


def read_decade(m: re.Match, ctx: Context) -> Interval:
    if m.group("cr"):
        century = base_year(ctx) // 100 + 1 + CENTURY_WORDS[m.group("cr")]
    elif m.group("c"):
        century = number(m.group("c"))
    else:
        century = None
    decade_text = m.group("dec")
    if _group(m, "dec4"):  # `2000年代`, `1990年代`: the decade written in full
        start = int(m.group("dec4"))
        low, high = DECADE_PARTS.get(m.group("part") or "", (0, 9))
        return Interval(dt.date(start + low, 1, 1), dt.date(start + high, 12, 31), "decade")
    if not decade_text:
        if century is None:
            raise Unresolvable("no century")
        start = (century - 1) * 100
        low, high = CENTURY_PARTS.get(m.group("part") or "", (0, 99))
        return Interval(dt.date(start + low, 1, 1), dt.date(start + high, 12, 31), "century")
    decade = number(decade_text)
    if decade % 10 or not 0 <= decade <= 90:
        raise Unresolvable("not a decade")
    if century is None:
        base = base_year(ctx)
        century = base // 100 + 1 if decade <= base % 100 else base // 100
    start = (century - 1) * 100 + decade
    low, high = DECADE_PARTS.get(m.group("part") or "", (0, 9))
    return Interval(dt.date(start + low, 1, 1), dt.date(start + high, 12, 31), "decade")


UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7}
DAY_END = dt.time(23, 59, 59)


def _offset(base: dt.date, n: float, unit: str, sign: int) -> tuple[dt.date, str]:
    """The day `n` units from `base`, and the precision the reader means by it (half a month is 15 days)."""
    if unit in UNIT_DAYS:
        return base + dt.timedelta(days=sign * round(n * UNIT_DAYS[unit])), "week" if UNIT_DAYS[unit] == 7 else "day"
    if unit == "月" and n == 0.5:
        return base + dt.timedelta(days=sign * 15), "day"  # `半个月后`: fifteen days on, a day
    if unit == "月" and n != int(n):
        return add_months(base, sign * int(n)) + dt.timedelta(days=sign * 15), "month"
    months = round(n * (12 if unit == "年" else 3 if unit == "季度" else 1))
    precision = "year" if unit == "年" and n == int(n) else "month"
    return add_months(base, sign * months), precision


def _unit(m: re.Match) -> str:
    unit = m.group("unit").removeprefix("个")
    if unit.endswith("工作日"):
        return "工作日"
    return "年" if unit.endswith("年") else "季度" if unit.endswith("季度") else "月" if unit.endswith("月") else unit


def _count(m: re.Match) -> float:
    """The number of units, halves included (`3年半`, `两个半月`)."""
    return count(m.group("n")) + (0.5 if m.group("half") or _group(m, "half2") else 0)


def _more(m: re.Match) -> bool:
    """`3个多月`, `30多天`, `3年多`: more than the count says."""
    return bool(_group(m, "many") or _group(m, "more") or "多" in m.group("unit"))


def read_from_now(m: re.Match, ctx: Context) -> Interval:
    """`20天后`, `3年前`, `两个月后`: the day, week, month or year that far from the publication day."""
    base = base_day(ctx)
    n = _count(m)
    sign = 1 if m.group("dir") in ("后", "之后", "以后") else -1
    day, precision = _offset(base, n, _unit(m), sign)
    if precision == "week":
        return week_span(monday(day))
    if precision == "month":
        return month_span(day.year, day.month)
    if precision == "year":
        return year_span(day.year)
    return Interval(day, day, "day")


def read_within(m: re.Match, ctx: Context) -> Interval:
    """`60日内`, `未来两个月`, `今后10年`, `15个工作日内`: from the publication day (or moment, with `now`)
    to that far ahead; `3年半以内` to the end of its last month, `未来7天` to the same moment a week on."""
    base = base_day(ctx)
    n, unit = _count(m), _unit(m)
    if unit == "工作日":
        day = cal.workday_after(base, int(n))
        if day is None:
            raise Unresolvable("no holiday arrangement known for that year")
    else:
        day, _ = _offset(base, n, unit, 1)
    if unit in ("年", "季度", "月") and m.group("ahead") in ("未来",):
        day -= dt.timedelta(days=1)
    if unit == "年" and n != int(n):
        day = day.replace(day=month_end(day.year, day.month))
    if ctx.now is None:
        return Interval(base, day, "day")
    if unit in UNIT_DAYS and m.group("ahead") and not m.group(0).endswith("内"):
        return Interval(ctx.now, ctx.now + dt.timedelta(days=round(n * UNIT_DAYS[unit])), "time")
    return Interval(ctx.now, dt.datetime.combine(day, DAY_END, TZ), "time")


CLOCK_UNITS = {"小时": 3600, "钟头": 3600, "个小时": 3600, "个钟头": 3600, "分钟": 60, "分": 60, "刻钟": 900,
               "秒": 1, "秒钟": 1}


def _clock_seconds(m: re.Match) -> float:
    n = count(m.group("n")) + (0.5 if m.group("half") else 0)
    return (n + (0.5 if _group(m, "half2") else 0)) * CLOCK_UNITS[m.group("unit")]


def read_clock_offset(m: re.Match, ctx: Context) -> Interval:
    """`3小时后`, `半小时前`, `17分钟后`, counted from the publication time (`--now`), to the precision of the
    unit the text counts in: a count of elapsed units is a whole number of them, so `3小时后` is from three
    hours on to four, `6个小时前` from seven hours back to six, `一刻钟后` a quarter of an hour from 15
    minutes on, `半小时前` half an hour back from 30 minutes ago."""
    if ctx.now is None:
        raise Unresolvable("no time of publication to count from")
    sign = 1 if m.group("dir") in ("后", "之后", "以后") else -1
    moment = ctx.now + dt.timedelta(seconds=sign * _clock_seconds(m))
    unit = dt.timedelta(seconds=CLOCK_UNITS[m.group("unit")] * (0.5 if m.group("n") == "半" else 1))
    return Interval(moment, moment + unit, "time") if sign > 0 else Interval(moment - unit, moment, "time")


LITERARY_DAYS = {"前日": -2, "后日": 2, "大后日": 3}


def read_rest_of(m: re.Match, ctx: Context) -> Interval:
    """`年内`, `本月内`: from the publication day (or moment) to the end of its year or month."""
    base = base_day(ctx)
    last = dt.date(base.year, 12, 31) if m.group("unit") == "年" else dt.date(
        base.year, base.month, month_end(base.year, base.month))
    if ctx.now is None:
        return Interval(base, last, "day")
    return Interval(ctx.now, dt.datetime.combine(last, DAY_END, TZ), "time")


def read_half_year(m: re.Match, ctx: Context) -> Interval:
    """`上半年，全市…`: a half of the publication year, when no year is written before it."""
    first, last = g.PARTS_OF_YEAR[m.group("half")]
    year = base_year(ctx)
    return Interval(dt.date(year, first, 1), dt.date(year, last, month_end(year, last)), "month")


def read_half_month(m: re.Match, ctx: Context) -> Interval:
    """`下半月，气温回升`: a half of the publication month (1–15, 16–end), when no month is written before it."""
    day = base_day(ctx)
    first_day, last_day = g.PARTS_OF_MONTH[m.group("half")]
    return Interval(day.replace(day=first_day), day.replace(day=min(last_day, month_end(day.year, day.month))), "day")


def read_month_part(m: re.Match, ctx: Context) -> Interval:
    """`中旬，全市将迎来降雨`: that part of the publication month, when no month is written before it."""
    day = base_day(ctx)
    first, last = g.PARTS_OF_MONTH[m.group("part")]
    return Interval(day.replace(day=first), day.replace(day=min(last, month_end(day.year, day.month))), "month")


FIRST_PLAN_COUNTED = (3, 1966)
"""Five-year plans run on from the third (1966–1970): the n-th begins in 1966 + 5 × (n - 3), `十四五` in 2021."""


def read_five_year_plan(m: re.Match, ctx: Context) -> Interval:
    """`“十四五”期间`, `十三五末`: the years of the n-th five-year plan (its last year after 末, its first after 初)."""
    nth = number(m.group("n") or m.group("n2"))
    counted, year = FIRST_PLAN_COUNTED
    if nth < counted:
        raise Unresolvable("the first two plans and the gap after them are history, not a count")
    first = year + 5 * (nth - counted)
    part = m.group("part")
    if part == "末":
        return year_span(first + 4)
    if part == "初":
        return year_span(first)
    return year_span(first, first + 4)


def read_literary_day(m: re.Match, ctx: Context) -> Interval:
    """`前日`, `后日`, `大后日`: the written forms of 前天, 后天, 大后天."""
    day = base_day(ctx) + dt.timedelta(days=LITERARY_DAYS[m.group("word")])
    return Interval(day, day, "day")


def read_night_to_next_day(m: re.Match, ctx: Context) -> Interval:
    """`夜间至次日上午`, a forecast's night: from that part of the publication day into the next day's part
    (or to the next day's end)."""
    base = base_day(ctx)
    start = part_of_day(base, m.group("part")).start
    next_day = base + dt.timedelta(days=1)
    end = part_of_day(next_day, m.group("part2")).end if m.group("part2") else dt.datetime.combine(
        next_day, DAY_END, TZ)
    return Interval(start, end, "time")


def read_adjacent_units(m: re.Match, ctx: Context) -> Interval:
    """`前两天`, `上两周`, `后三天`, `下三个月`, `前两年`: the whole days, weeks, months or years next to the
    one of publication, that many before it (`前`, `上`) or after it (`后`, `下`)."""
    base, n = base_day(ctx), int(count(m.group("n")))
    unit = m.group("unit").removeprefix("个")
    before = m.group("dir") in ("前", "上")
    if unit in CLOCK_UNITS:  # `前两小时`: the whole hours (minutes, seconds) before the one of the moment
        if ctx.now is None:
            raise Unresolvable("no time of publication to count from")
        step = dt.timedelta(seconds=CLOCK_UNITS[unit])
        current = ctx.now.replace(microsecond=0, second=0 if step.seconds >= 60 else ctx.now.second,
                                  minute=0 if step.seconds >= 3600 else ctx.now.minute)
        start = current - n * step if before else current + step
        return Interval(start, start + n * step, "time")
    if unit in UNIT_DAYS:
        step = UNIT_DAYS[unit]
        first = monday(base) if step == 7 else base
        start = first + dt.timedelta(days=-n * step if before else step)
        return Interval(start, start + dt.timedelta(days=n * step - 1), "week" if step == 7 else "day")
    months = 12 if unit == "年" else 1
    first = dt.date(base.year, 1 if months == 12 else base.month, 1)
    start = add_months(first, -n * months if before else months)
    last = add_months(start, n * months) - dt.timedelta(days=1)
    return Interval(start, last, "year" if months == 12 else "month")


def read_clock_stretch(m: re.Match, ctx: Context) -> Interval:
    """`半小时内`, `未来48小时`, `过去5分钟`: from the publication moment that far ahead, or back to it."""
    if ctx.now is None:
        raise Unresolvable("no time of publication to count from")
    length = dt.timedelta(seconds=_clock_seconds(m))
    if m.group("ago"):
        return Interval(ctx.now - length, ctx.now, "time")
    return Interval(ctx.now, ctx.now + length, "time")


def read_now(m: re.Match, ctx: Context) -> Interval:
    """`现在`: the moment of publication when it is known, else its day."""
    if ctx.now is not None:
        return Interval(ctx.now, ctx.now, "time")
    day = base_day(ctx)
    return Interval(day, day, "day")


def read_lately(m: re.Match, ctx: Context) -> Interval:
    """`近30天`, `过去一周`, `3个多月以来`: from that far back to the publication day (or moment, with
    `now`); `多` and half years reach back to the start of their month or year, half days to the hour
    (`7天半以来` starts at noon)."""
    base = base_day(ctx)
    if m.group("unit") == "月" and not m.group("ago"):
        raise Unresolvable("a month's name (`三月以来`), not a count of months")
    n, unit = _count(m), _unit(m)
    if unit in UNIT_DAYS and n != int(n):
        moment = ctx.now or dt.datetime.combine(base, dt.time(0), TZ)
        start = moment - dt.timedelta(days=n * UNIT_DAYS[unit])
        return Interval(start, ctx.now or dt.datetime.combine(base, DAY_END, TZ), "time")
    day, _ = _offset(base, n, unit, -1)
    if unit == "年" and n != int(n):
        day = day.replace(day=1)
    if _more(m) and unit in ("月", "年", "季度"):
        day = day.replace(day=1) if unit != "年" else dt.date(day.year, 1, 1)
    if ctx.now is None:
        return Interval(day, base, "day")
    if unit in UNIT_DAYS:
        return Interval(dt.datetime.combine(day, ctx.now.timetz()), ctx.now, "time")
    return Interval(dt.datetime.combine(day, dt.time(0), TZ), ctx.now, "time")


WEEK_WORDS = {"上上个": -2, "下下个": 2,
              "上上": -2, "上": -1, "上个": -1, "上一": -1, "本": 0, "这": 0, "这个": 0, "这一": 0, "下": 1,
              "下个": 1, "下一": 1, "下下": 2}


def read_week(m: re.Match, ctx: Context) -> Interval:
    base = monday(base_day(ctx))
    return week_span(base + dt.timedelta(weeks=WEEK_WORDS[m.group("wk")]))


def read_next_week_day(m: re.Match, ctx: Context) -> Interval:
    """`下周周六`, `下周六`: that weekday of the calendar week named."""
    first = monday(base_day(ctx)) + dt.timedelta(weeks=WEEK_WORDS[m.group("wk")])
    day = first + dt.timedelta(days=g.WEEKDAYS[m.group("wd")])
    return Interval(day, day, "day")


def _month_of(m: re.Match, ctx: Context) -> tuple[int, int]:
    if m.group("mr"):
        base = base_day(ctx)
        index = base.year * 12 + base.month - 1 + g.RELATIVE_MONTHS[m.group("mr")]
        return index // 12, index % 12 + 1
    month = number(m.group("m"))
    if not 1 <= month <= 12:
        raise Unresolvable("no such month")
    year = year_of(m, ctx)
    if year is None:
        year = nearest_year(lambda y: dt.date(y, month, 1), ctx, None).year
    return year, month


def read_relative_month_day(m: re.Match, ctx: Context) -> Interval:
    """`下个月廿号`, `本月卅日`: 廿 (twenty) and 卅 (thirty) as a day of a month named from the publication's."""
    year, month = _month_of(m, ctx)
    day = maybe_date(year, month, number(m.group("d").replace("廿", "二十").replace("卅", "三十")))
    if day is None:
        raise Unresolvable("no such day")
    return Interval(day, day, "day")


def read_week_of_month(m: re.Match, ctx: Context) -> Interval:
    """`3月第三周`: weeks run Monday to Sunday, the first being the one that holds the month's first Monday."""
    year, month = _month_of(m, ctx)
    nth = int(count(m.group("n")))
    first = dt.date(year, month, 1)
    first_monday = first + dt.timedelta(days=(-first.weekday()) % 7)
    start = first_monday + dt.timedelta(weeks=nth - 1)
    if start.month != month or nth < 1:
        raise Unresolvable("no such week")
    return week_span(start)


def read_weekday_of_month(m: re.Match, ctx: Context) -> Interval:
    """`6月第3个星期日`, `本月第一个周二`, `5月的最后一个星期一`."""
    year, month = _month_of(m, ctx)
    if m.group("last"):
        last = dt.date(year, month, month_end(year, month))
        day = last - dt.timedelta(days=(last.weekday() - g.WEEKDAYS[m.group("wd")]) % 7)
        return Interval(day, day, "day")
    nth = int(count(m.group("n")))
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(g.WEEKDAYS[m.group("wd")] - first.weekday()) % 7 + 7 * (nth - 1))
    if day.month != month or nth < 1:
        raise Unresolvable("no such weekday")
    return Interval(day, day, "day")


def read_week_of_year(m: re.Match, ctx: Context) -> Interval:
    """`20年第52周`: weeks run Monday to Sunday, the first being the one that starts on the year's
    first Monday (as `3月第三周` counts a month's)."""
    year = year_of(m, ctx) or base_year(ctx)
    nth = int(count(m.group("n")))
    first = dt.date(year, 1, 1)
    start = first + dt.timedelta(days=(-first.weekday()) % 7, weeks=nth - 1)
    if nth < 1 or start.year != year:
        raise Unresolvable("no such week")
    return week_span(start)


def read_weeks_of_year(m: re.Match, ctx: Context) -> Interval:
    """`今年前两周`, `2021年的最后3周`: whole weeks (Monday to Sunday) from the year's first Monday, or back
    from its last Sunday."""
    year = year_of(m, ctx) or base_year(ctx)
    n = int(count(m.group("n")))
    if not 1 <= n <= 52:
        raise Unresolvable("no such weeks")
    if m.group("which") == "前":
        first = dt.date(year, 1, 1)
        start = first + dt.timedelta(days=(-first.weekday()) % 7)
        return Interval(start, start + dt.timedelta(weeks=n, days=-1), "week")
    last = dt.date(year, 12, 31)
    end = last - dt.timedelta(days=(last.weekday() + 1) % 7)
    return Interval(end - dt.timedelta(weeks=n, days=-1), end, "week")


def read_days_of_year(m: re.Match, ctx: Context) -> Interval:
    """`今年前10天`, `去年最后三天`: the first or last days of a year."""
    year = year_of(m, ctx) or base_year(ctx)
    n = int(count(m.group("n")))
    if not 1 <= n <= 366:
        raise Unresolvable("more days than a year has")
    if m.group("which") == "前":
        return Interval(dt.date(year, 1, 1), dt.date(year, 1, 1) + dt.timedelta(days=n - 1), "day")
    return Interval(dt.date(year, 12, 31) - dt.timedelta(days=n - 1), dt.date(year, 12, 31), "day")


def read_months_of_year(m: re.Match, ctx: Context) -> Interval:
    """`今年前五个月`, `2021年后三月`, `2005年首月`, `70年第8个月`."""
    year = year_of(m, ctx) or base_year(ctx)
    n = 1 if m.group("first_month") else int(count(m.group("n")))
    if not 1 <= n <= 12:
        raise Unresolvable("no such month")
    if m.group("nth"):
        return month_span(year, n)
    if m.group("which") in ("后", "最后"):
        return Interval(dt.date(year, 13 - n, 1), dt.date(year, 12, 31), "month")
    return Interval(dt.date(year, 1, 1), dt.date(year, n, month_end(year, n)), "month")


def read_day_of_year(m: re.Match, ctx: Context) -> Interval:
    """`2025年第一天`: the n-th day of a year."""
    year = year_of(m, ctx) or base_year(ctx)
    day = dt.date(year, 1, 1) + dt.timedelta(days=int(count(m.group("n"))) - 1)
    if day.year != year:
        raise Unresolvable("no such day")
    return Interval(day, day, "day")


def read_two_years(m: re.Match, ctx: Context) -> Interval:
    """`今明两年`: this year and the next."""
    year = base_year(ctx)
    return year_span(year, year + 1)


def read_days_of_month(m: re.Match, ctx: Context) -> Interval:
    """`本月前两天`, `上月最后五天`, `4月前4天`: the first or last days of a month."""
    year, month = _month_of(m, ctx)
    n = int(count(m.group("n")))
    last_day = month_end(year, month)
    if not 1 <= n <= last_day:
        raise Unresolvable("more days than the month has")
    if m.group("which") == "前":
        return Interval(dt.date(year, month, 1), dt.date(year, month, n), "day")
    return Interval(dt.date(year, month, last_day - n + 1), dt.date(year, month, last_day), "day")


PART_SPANS = {
    "凌晨": ((0, 0), (5, 59)), "黎明": ((4, 0), (6, 59)), "清晨": ((5, 0), (7, 59)), "早上": ((6, 0), (9, 59)),
    "早晨": ((6, 0), (9, 59)), "上午": ((7, 0), (11, 59)), "中午": ((11, 0), (13, 59)), "午后": ((13, 0), (14, 59)),
    "下午": ((13, 0), (17, 59)), "傍晚": ((17, 0), (18, 59)), "晚上": ((18, 0), (23, 59)), "晚间": ((18, 0), (23, 59)),
    "夜间": ((20, 0), (23, 59)), "夜里": ((20, 0), (23, 59)), "白天": ((6, 0), (18, 59)), "午夜": ((0, 0), (0, 59)),
    "后半夜": ((2, 0), (4, 59)), "前半夜": ((20, 0), (23, 59)), "全天": ((0, 0), (23, 59)), "深夜": ((23, 0), (23, 59)),
}
"""The hours a part of the day covers, to the last minute (its last second included)."""
PART_WORDS = g._alternatives(PART_SPANS)


def part_of_day(day: dt.date, part: str) -> Interval:
    (h1, m1), (h2, m2) = PART_SPANS[part]
    return Interval(dt.datetime.combine(day, dt.time(h1, m1), TZ), dt.datetime.combine(day, dt.time(h2, m2, 59), TZ),
                    "time")


def read_part_of_day(m: re.Match, ctx: Context) -> Interval:
    """`白天`, `下午`, `深夜` alone: that part of the publication day (find_dates moves it to the day told last)."""
    return part_of_day(base_day(ctx), m.group("part"))


def read_lunar(m: re.Match, ctx: Context) -> Interval:
    """`农历正月十五`, `腊月十八`, `五月廿二`: a lunar month and day, in the lunar year that reads nearest."""
    month_text = m.group("lm")
    day_word = m.group("ld") or ""
    lunar_by_day = day_word.startswith(("初", "廿", "卅")) or (day_word and not day_word.isascii()
                                                               and not _group(m, "lsuf"))
    if not (m.group("lunar") or m.group("leap") or month_text in "正冬腊" or lunar_by_day):
        raise Unresolvable("a Gregorian month")  # `五月廿二`, `八月十五` are lunar by their day; `五月二十日` is not
    if "y2" in m.re.groupindex and m.group("y2"):
        m = _Renamed(m, {"y": "y2"})
    month = {"正": 1, "冬": 11, "腊": 12}.get(month_text) or number(month_text)
    if not 1 <= month <= 12:
        raise Unresolvable("no such lunar month")
    leap = bool(m.group("leap"))
    day_text = m.group("ld")
    if day_text is None:
        year = year_of(m, ctx) or base_year(ctx)
        span = cal.lunar_month_span(year, -month if leap else month)
        if span is None:
            raise Unresolvable("no such lunar month")
        return Interval(*span, "month")
    day = _lunar_day(day_text)

    def on(year: int) -> dt.date | None:
        return cal.lunar_to_solar(year, month, day, leap)

    explicit = year_of(m, ctx)
    solar = nearest_lunar(on, ctx, explicit)
    return Interval(solar, solar, "day")


def nearest_lunar(on: Callable[[int], dt.date | None], ctx: Context, year: int | None) -> dt.date:
    """A lunar date in a written lunar year, else the lunar year whose day reads nearest (as nearest_year)."""
    if year is not None:
        day = on(year)
        if day is None:
            raise Unresolvable("no such lunar day")
        return day
    return nearest_year(on, ctx, None)


def _lunar_day(text: str) -> int:
    text = text.replace("廿", "二十").replace("卅", "三十").removeprefix("初")
    day = number(text)
    if not 1 <= day <= 30:
        raise Unresolvable("no such lunar day")
    return day


def read_new_years_day(m: re.Match, ctx: Context) -> Interval:
    """`大年初十`: a day of the first lunar month."""
    day = _lunar_day(m.group("ld"))
    solar = nearest_lunar(lambda y: cal.lunar_to_solar(y, 1, day), ctx, year_of(m, ctx))
    return Interval(solar, solar, "day")


def read_festival(m: re.Match, ctx: Context) -> Interval:
    name = m.group("fest")
    year = year_of(m, ctx)
    day = nearest_year(lambda y: cal.festival_day(name, y), ctx, year)
    if m.group("holiday"):
        period = cal.holiday_period(name, day)
        if period is None:
            raise Unresolvable("no holiday arrangement known for that year")
        return Interval(*period, "day")
    if _group(m, "eve"):
        day -= dt.timedelta(days=1)  # `复活节前夜`: the night before, on the day before
    return Interval(day, day, "day")


def read_fu(m: re.Match, ctx: Context) -> Interval:
    """`入伏`, `中伏`, `三伏天`: the dog days of the year written, else of the publication year."""
    word = m.group("fu")
    periods = cal.fu_periods(year_of(m, ctx) or base_year(ctx))
    if not periods:
        raise Unresolvable("no dog days computed for that year")
    first, last = periods[cal.FU_WORDS[word]]
    if word == "入伏":
        last = first
    return Interval(first, last, "day")


ERA_NAMES = g._alternatives(cal.ERA_FIRST_YEARS)
ERA_YEAR = rf"(?P<era>{ERA_NAMES})\s*(?P<n>\d{{1,3}}|元|[〇零一二三四五六七八九十百]{{1,5}})\s*年"


def read_era(m: re.Match, ctx: Context) -> Interval:
    """`民国113年`, `民國38年5月`, `令和6年3月1日`, `113年5月20日`: year N of an era is its first year + N - 1."""
    if _group(m, "roc"):  # `113年12月1日`: Taiwan's papers count the Republic's years without naming it
        n, era = int(m.group("roc")), "民国"
    else:
        n, era = 1 if m.group("n") == "元" else number(m.group("n")), m.group("era")
    year = cal.ERA_FIRST_YEARS[era] + n - 1
    if n < 1 or ((ctx.published or ctx.year) and year > base_year(ctx) + 10):
        raise Unresolvable("no such year of the era")
    if not m.group("m"):
        return year_span(year)
    month = number(m.group("m"))
    if not 1 <= month <= 12:
        raise Unresolvable("no such month")
    if not _group(m, "d"):
        return month_span(year, month)
    day = maybe_date(year, month, number(m.group("d")))
    if day is None:
        raise Unresolvable("no such day")
    return Interval(day, day, "day")


def read_compact_ymd(m: re.Match, ctx: Context) -> Interval:
    day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Interval(day, day, "day")


def read_dotted_md(m: re.Match, ctx: Context) -> Interval:
    month, day_of_month = int(m.group("m")), int(m.group("d"))
    day = nearest_year(lambda y: maybe_date(y, month, day_of_month), ctx, None)
    return Interval(day, day, "day")


def read_months_between(m: re.Match, ctx: Context) -> Interval:
    """`3月与5月间`, `10月和次年2月之间`: from the first month to the end of the second (in the next year when
    it comes before the first)."""
    first_month, last_month = number(m.group("m")), number(m.group("m2"))
    if not (1 <= first_month <= 12 and 1 <= last_month <= 12) or first_month == last_month:
        raise Unresolvable("no such months")
    year = year_of(m, ctx)
    if year is None:
        year = nearest_year(lambda y: dt.date(y, first_month, 1), ctx, None).year
    last_year = year + (last_month < first_month)
    return Interval(dt.date(year, first_month, 1),
                    dt.date(last_year, last_month, month_end(last_year, last_month)), "month")


def read_ym_numeric_range(m: re.Match, ctx: Context) -> Interval:
    first_month = int(m.group("m"))
    first = dt.date(int(m.group("y")), first_month, 1)
    last_year = int(m.group("y2"))
    last_month = int(m.group("m2")) if m.group("m2") else 12
    if not (1 <= first_month <= 12 and 1 <= last_month <= 12):
        raise Unresolvable("no such month")
    last = dt.date(last_year, last_month, month_end(last_year, last_month))
    if last < first:
        raise Unresolvable("range ends before it starts")
    return Interval(first, last, "month")


MORNING = {"凌晨", "清晨", "早上", "早晨", "上午", "早", "白天", "黎明"}
AFTERNOON = {"午后", "下午", "傍晚", "晚上", "晚间", "夜间", "夜里", "晚", "夜晚"}
NIGHT = {"晚上", "晚间", "夜间", "夜里", "晚", "夜晚", "半夜", "午夜"}
PARTS_OF_DAY = {part: part for part in (*MORNING, *AFTERNOON, "中午", "半夜", "午夜")}
PARTS_BY_LENGTH = sorted(PARTS_OF_DAY, key=len, reverse=True)
"""The parts of the day a clock reading may follow; `_hour_in` says what each does to the hour."""


def _hour_in(part: str | None, hour: int) -> int:
    """`下午5点` is 17, `中午1点` 13, `半夜11点` 23, `夜里2点` 2, `上午9点` 9."""
    if hour >= 12 or part is None:
        return hour
    if part in AFTERNOON:
        return hour if part in NIGHT and hour <= 4 else hour + 12
    if part == "中午":
        return hour + 12 if hour < 3 else hour
    if part in ("半夜", "午夜"):
        return hour + 12 if hour >= 6 else hour
    return hour


_PART = g._alternatives(PARTS_OF_DAY)
_HOUR = r"(?:2[0-4]|[01]?\d|十[一二]?|[一二两三四五六七八九]|零)"
_MINUTE = r"(?:[0-5]?\d|零[一二三四五六七八九]|[二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_SECOND = r"(?:[0-5]?\d|[二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])"


def _clock(p: str) -> str:
    """A clock reading with group prefix p: `下午5点多`, `九点零九`, `20时1刻`, `6:42:02`, `3pm`; a start hour
    may leave out its unit before a range end that has one (`9~12点半`)."""
    unit = "" if p else rf"|(?P<bare>)(?={_RANGE}(?:次日|第二天|明天|明日|翌日)?(?:{_PART})?\s*{_HOUR}\s*[点时:：])"
    return rf"""(?:(?P<{p}tp>{_PART})\s*)?
      (?:(?P<{p}h>{_HOUR})(?:\s*[:：]\s*(?P<{p}mi>[0-5]\d)(?:[:：](?P<{p}se>[0-5]\d))?(?![\d:]))?
         (?P<{p}ampm>\s*[AaPp]\.?[Mm]\.?(?![A-Za-z])|(?({p}mi)[AaPp](?![A-Za-z])|(?!)))?(?({p}mi)|(?({p}ampm)|(?!)))
        |(?P<{p}h2>{_HOUR})\s*(?:[点时](?![钟]头|间|期|代|候|装|尚|评|事)(?:\s*(?:(?P<{p}q>[1-3一二三])刻|(?P<{p}half>半)
              |(?P<{p}mi2>{_MINUTE})(?:\s*分(?:\s*(?P<{p}se2>{_SECOND})\s*秒)?|(?=[^分\d]|$))))?
              (?P<{p}about>多钟?|许|整|钟)?{unit}))"""


def _clock_time(m: re.Match, p: str, part: str | None) -> tuple[dt.time, bool]:
    """The time a clock reading with prefix p names, and whether it is midnight of the next day."""
    hour = number(m.group(p + "h") or m.group(p + "h2"))
    if m.group(p + "q"):
        minute = 15 * QUARTER_NUMBERS.get(m.group(p + "q"), 0)
    elif m.group(p + "half"):
        minute = 30
    else:
        minute_text = m.group(p + "mi") or m.group(p + "mi2")
        if m.group(p + "mi2") and m.group(p + "mi2") in "一二三四五六七八九" \
                and not m.string.startswith("分", m.end(p + "mi2")):
            raise Unresolvable("a decimal (`增长三点五个百分点`), not a clock time: minutes in words are 零五 or 五分")
        minute = number(minute_text) if minute_text else 0
    second_text = m.group(p + "se") or m.group(p + "se2")
    second = number(second_text) if second_text else 0
    part = m.group(p + "tp") or part
    hour = _hour_in(part, hour)
    if m.group(p + "ampm"):  # `2:00pm`, `11:30:10 p.m.`: the English half of the day, written after
        if not 1 <= hour <= 12:
            raise Unresolvable("no such hour before am or pm")
        hour = hour % 12 + (12 if m.group(p + "ampm").strip()[0] in "Pp" else 0)
    next_day = hour == 24 or (hour == 12 and minute == 0 and part in NIGHT)
    if next_day:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        raise Unresolvable("no such time")
    return dt.time(hour, minute, second), next_day


CLOCK_WORD_ENDS = "，,。；;、 \n开起到至前后左许举在止结"
"""What may follow a bare `10点` for it to be a clock time (not `三点建议`, `一点点`)."""


def _says_clock(m: re.Match) -> bool:
    """A clock reading stands on its own: a part of the day, a colon, minutes, `多`/`许`/`整`, or a range."""
    if any(m.group(name) for name in ("tp", "mi", "ampm", "q", "half", "mi2", "about")):
        return True
    if m.group("eh") or m.group("eh2"):
        return True
    if m.group("h2") and m.group("h2").isascii() and "时" in m.group(0):
        return True
    after = m.string[m.end():m.end() + 1]
    if m.group("h2") == "零" and (not after or after in CLOCK_WORD_ENDS):
        return True  # `零点起`, `零点前`: midnight
    if m.group("h2") and m.group("h2").startswith("十") and after in HOUR_WORD_ENDS:
        return m.string[m.start() - 1:m.start()] != "第"  # `十一点过去了`, `十二点的钟声`; not `第十点`
    return bool(m.group("h2")) and m.group("h2").isascii() and (not after or after in CLOCK_WORD_ENDS)


HOUR_WORD_ENDS = "过的了钟整以前后左"
"""What may follow `十点`, `十一点` in words for them to be a clock time (`十点以后`, `十点前`; not `十一点建议`)."""


def read_clock(m: re.Match, ctx: Context) -> Interval:
    """A clock time (or a range of them) with no date of its own: on the publication day."""
    if not _says_clock(m):
        raise Unresolvable("a number, not a clock time")
    day = base_day(ctx)
    start, start_next = _clock_time(m, "", None)
    first = dt.datetime.combine(day + dt.timedelta(days=start_next), start, TZ)
    if not (m.group("eh") or m.group("eh2")):
        return Interval(first, first, "time")
    end, end_next = _clock_time(m, "e", m.group("tp") if not m.group("etp") else None)
    if m.group("nextday"):
        end_next = True
    if not m.group("etp") and not end_next and m.group("tp") in PARTS_OF_DAY and end < start and end.hour < 12:
        end = end.replace(hour=end.hour + 12)
    last = dt.datetime.combine(day + dt.timedelta(days=end_next), end, TZ)
    if last < first:
        last += dt.timedelta(days=1)
    return Interval(first, last, "time")


def read_approximate_hours(m: re.Match, ctx: Context) -> Interval:
    """`七八点`: seven or eight o'clock, from the first hour to the end of the second, in the part of the
    day written just before (`晚上七八点`), on the publication day."""
    first, second = number(m.group("a")), number(m.group("b"))
    if second != first + 1:
        raise Unresolvable("not two neighbouring hours")
    before = m.string[max(0, m.start() - 2):m.start()]
    part = next((p for p in PARTS_BY_LENGTH if before.endswith(p)), None)
    day = base_day(ctx)
    start = dt.datetime.combine(day, dt.time(_hour_in(part, first)), TZ)
    return Interval(start, start + dt.timedelta(hours=2, seconds=-1), "time")


def read_approximate_months(m: re.Match, ctx: Context) -> Interval:
    """`三四月份`, `今年七八月`: two neighbouring months, from the first's first day to the second's last."""
    first = number(m.group("a"))
    second = first + 1 if m.group("b") == "二" and first == 11 else number(m.group("b"))
    if second != first + 1 or second > 12:
        raise Unresolvable("not two neighbouring months")
    year = year_of(m, ctx) or base_year(ctx)
    return Interval(dt.date(year, first, 1), dt.date(year, second, month_end(year, second)), "month")


# --- the rules ----------------------------------------------------------------------------------

_RANGE = r"\s*(?:至|到|—+|–|-|~|～|－)\s*"
_UNIT = r"(?P<unit>天|日|周|个?星期|个?礼拜|个多月|个月|个(?P<half2>半)月|个季度|季度|年)"
_HALF = r"(?P<half>半)?"
_MANY = r"(?P<many>多|余)?"
_CLOCK_UNIT = r"(?P<unit>个小时|个钟头|小时|钟头|分钟|分(?=半)|刻钟|秒钟|秒)"
_CN_YEAR = r"(?<![〇零一二三四五六七八九])[一二][〇零一二三四五六七八九]{3}"
"""A year in Chinese digits (`二〇一六`, `一九九五`)."""
_COUNT_CN = r"(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
"""A count in Chinese numerals, 1 to 99 (`三五年前` is three or five years, no count; `2025年前` no count)."""
_NOT_IN_NUMBER = r"(?<![\d〇零一二两三四五六七八九十百千几.])"
_AHEAD = r"未来的?|今后|接下来的?"
"""Words before a count that measure it from the moment on (`未来三天`, `接下来的一周`)."""
_SINCE_COME = r"来(?![回往自到去电信访华京沪港一了过看说])"
"""`三年来`, `一周来`: 来 after a count of time is 以来 (not `3天来回`, `一年来到`, `三天来一次`)."""
MONTH_PREFIX = rf"(?:{YEAR_PREFIX}?(?P<m>{g.MONTH})月份?|(?P<mr>{g._alternatives(g.RELATIVE_MONTHS)}))的?"
"""`5月`, `今年5月份`, `下个月的`: the month a rule counts days or weeks within."""

FESTIVAL_NAMES = g._alternatives([*cal.LUNAR_FESTIVALS, *cal.NEW_YEARS_EVE, *cal.GREGORIAN_FESTIVALS,
                                  *cal.OBSERVANCE_DAYS, *cal.TERM_FESTIVALS,
                                  *cal.FLOATING_FESTIVALS, *cal.EASTER_FEASTS,
                                  *(cal.ORTHODOX + name for name in cal.EASTER_FEASTS)])

RULES: tuple[Rule, ...] = (
    Rule("holiday-period",
         re.compile(rf"{YEAR_PREFIX}?(?P<fest>春节|国庆节?|中秋节?|端午节?|劳动节|五一|清明节?|元旦"
                    r"|(?<![\d〇零一二两三四五六七八九十百千第])十一)"
                    r"(?P<holiday>假期|长假|小长假|黄金周|放假期间|期间)"),
         DateKind.CALENDAR, read_festival,
         "今年国庆假期，全市景区接待游客逾千万人次。", ("2024-10-01", "2024-10-07", "day"),
         needs=('假', '黄金周', '期间')),
    Rule("lunar-date",
         re.compile(rf"{YEAR_PREFIX}?(?:(?P<lunar>农历|阴历)\s*(?:(?P<y2>{g.YEAR})\s*年\s*)?)?(?P<leap>闰)?"
                    r"(?P<lm>正|冬|腊|十[一二]?|[一二三四五六七八九]|1[0-2]|[1-9])月"
                    r"(?P<ld>初[一二三四五六七八九十]|初\d|廿[一二三四五六七八九]?|卅|三十|二十[一二三四五六七八九]?"
                    r"|十[一二三四五六七八九]?(?![几多余个天])|[12]?\d(?=\s*[日号]))?(?P<lsuf>\s*[日号])?"),
         DateKind.CALENDAR, read_lunar,
         "明年农历正月十五，灯会将在老城区举行。", ("2025-02-12", "2025-02-12", "day"),
         needs=('农历', '阴历', '闰', '正月', '腊月', '冬月', '廿', '初', '月十', '月二十', '月三十')),
    Rule("new-year-day",
         re.compile(rf"{YEAR_PREFIX}?大年(?P<ld>初[一二三四五六七八九十]|十[一二三四五])"),
         DateKind.CALENDAR, read_new_years_day,
         "大年初五，商场迎来客流高峰。", ("2024-02-14", "2024-02-14", "day"),
         needs=('大年',)),
    Rule("festival",
         re.compile(rf"{YEAR_PREFIX}?(?:农历)?(?P<fest>{FESTIVAL_NAMES})(?P<holiday>)(?P<eve>前夜)?(?!节|后|期间|前夕)"),
         DateKind.CALENDAR, read_festival,
         "中秋节当天，社区为独居老人送去月饼。", ("2024-09-17", "2024-09-17", "day"),
         needs=("节", "元宵", "端午", "七夕", "中秋", "重阳", "腊八", "除夕", "年三十", "元旦", "国庆", "平安夜",
                "圣诞", "消费者权益日", "龙抬头", "中元", "新年", "纪念日", "受难", "主日", "星期", "周四", "大斋",
                "圣灰", "新春", "双十一", "双11", "降临", "三一五", "双十二", "双12", "世界", "国际", "国家", "全国",
                "中国", "宪法日", "医师节", "消防日", "纪念日", "遗产日")),
    Rule("dog-days",
         re.compile(rf"{YEAR_PREFIX}?(?P<fu>{g._alternatives(cal.FU_WORDS)})(?![兵击])"),
         DateKind.CALENDAR, read_fu,
         "今年入伏后，全市用电负荷屡创新高。", ("2024-07-15", "2024-07-15", "day"),
         needs=("伏",)),
    Rule("solar-term",
         re.compile(rf"{YEAR_PREFIX}?(?P<fest>(?:{'|'.join(cal.SOLAR_TERMS)})节?)(?P<holiday>)"
                    r"(?!前(?!后)|后|期间|节)"),
         DateKind.CALENDAR, read_festival,
         "冬至这天，居民们在社区食堂一起包饺子。", ("2024-12-21", "2024-12-21", "day"),
         needs=cal.SOLAR_TERMS),
    Rule("era-date",
         re.compile(rf"(?:{ERA_YEAR}|(?<![\d.第])(?P<roc>1[01]\d)\s*年)\s*(?P<m>{g.MONTH})\s*月\s*(?P<d>{g.DAY})\s*[日号]"),
         DateKind.POINT, read_era,
         "民国113年5月20日，新一届领导人宣誓就职。", ("2024-05-20", "2024-05-20", "day"),
         needs=tuple(cal.ERA_FIRST_YEARS), or_holds=re.compile(r"1[01]\d\s*年")),
    Rule("era-year",
         re.compile(rf"{ERA_YEAR}(?:\s*(?P<m>{g.MONTH})\s*月)?"),
         DateKind.PERIOD, read_era,
         "这座车站建于民国三年。", ("1914-01-01", "1914-12-31", "year"),
         needs=tuple(cal.ERA_FIRST_YEARS)),
    Rule("decade",
         re.compile(r"(?:(?P<cr>上|本|这个|下)个?世纪|(?P<c>\d{1,2}|[一二三四五六七八九十]{1,3})世纪)?"
                    r"(?:(?:(?<![\d.])(?P<dec4>(?:1[5-9]|20)\d0)|(?P<dec>[1-9]0|[二三四五六七八九]十|一十))年代)"
                    r"(?P<part>初期|前期|中期|末期|后期|初|中|末)?"),
         DateKind.PERIOD, read_decade,
         "上世纪80年代，这里还是一片农田。", ("1980-01-01", "1989-12-31", "decade"),
         needs=('年代',)),
    Rule("century",
         re.compile(r"(?:(?P<cr>上|本|这个|下)个?|(?P<c>\d{1,2}|[一二三四五六七八九十]{1,3}))世纪"
                    r"(?P<dec>)(?P<part>初期|前期|中期|末期|后期|初|中叶|末)?"),
         DateKind.PERIOD, read_decade,
         "这座石桥始建于18世纪。", ("1700-01-01", "1799-12-31", "century"),
         needs=('世纪',)),
    Rule("quarter",
         re.compile(rf"{YEAR_PREFIX}?(?:(?P<qr>本|这个|这|当|上个|上一|上|下个|下一|下)(?=个?季度)个?|(?:第|Q)?(?P<q>[一二三四1-4首])"
                    rf"|前(?P<first>[一二三四两1-4])个?)季度(?P<qp>初|末|底)?"
                    rf"|(?:(?<![\d.])(?P<y3>(?:19|20)\d{{2}})\s*年?\s*|(?P<yr3>{_REL_YEAR})\s*)?"
                    r"(?<![A-Za-z])Q(?P<q3>[1-4])(?![\dA-Za-z])"),
         DateKind.PERIOD,
         lambda m, ctx: read_quarter(_Renamed(m, {"y": "y3", "yr": "yr3", "q": "q3"}) if m.group("q3") else m, ctx),
         "一季度，全市外贸进出口总值同比增长12%。", ("2024-01-01", "2024-03-31", "quarter"),
         needs=('季度', 'Q')),
    Rule("season",
         re.compile(rf"{YEAR_PREFIX}?(?P<season>[春夏秋冬])(?:季|天)(?![节里的候])|(?P<y3>)"
                    rf"(?:(?P<yy>{g.YEAR})\s*年)(?P<season2>[春夏秋冬])(?![节季天风雨装运])"),
         DateKind.PERIOD, lambda m, ctx: read_season(_season_match(m), ctx),
         "今年夏季，全市将新增城市绿道50公里。", ("2024-05-05", "2024-08-06", "season"),
         needs=('春', '夏', '秋', '冬')),
    Rule("school-holiday",
         re.compile(rf"{YEAR_PREFIX}?暑假"),
         DateKind.PERIOD, read_school_holiday,
         "今年暑假，图书馆延长开放时间。", ("2024-07-01", "2024-08-31", "month"),
         needs=('暑假',)),
    Rule("week-of-year",
         re.compile(rf"{YEAR_PREFIX}的?第(?P<n>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?:个)?(?:周|星期|礼拜)"),
         DateKind.CALENDAR, read_week_of_year,
         "今年第25周，全市将迎来高温天气。", ("2024-06-17", "2024-06-23", "week"),
         needs=('第',)),
    Rule("weeks-of-year",
         re.compile(rf"{YEAR_PREFIX}的?(?P<which>前|最后)\s*(?P<n>\d{{1,2}}|{_COUNT_CN})\s*个?(?:周|星期|礼拜)"
                    r"(?![一二三四五六日天末])"),
         DateKind.CALENDAR, read_weeks_of_year,
         "今年最后两周，全市将开展安全生产大检查。", ("2024-12-16", "2024-12-29", "week"),
         needs=('前', '最后')),
    Rule("days-of-year",
         re.compile(rf"{YEAR_PREFIX}的?(?P<which>前|最后)\s*(?P<n>\d{{1,3}}|{_COUNT_CN})\s*天"),
         DateKind.CALENDAR, read_days_of_year,
         "今年前10天，全市新增注册企业1200户。", ("2024-01-01", "2024-01-10", "day"),
         needs=('前', '最后')),
    Rule("weekday-of-month",
         re.compile(rf"{MONTH_PREFIX}"
                    r"(?:第(?P<n>[一二三四五1-5])|(?P<last>最后一))个(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])"),
         DateKind.POINT, read_weekday_of_month,
         "母亲节在5月第二个星期日。", ("2024-05-12", "2024-05-12", "day"),
         needs=('第', '最后一个')),
    Rule("relative-month-twentieth",
         re.compile(rf"(?P<mr>{g._alternatives(g.RELATIVE_MONTHS)})的?(?P<d>廿[一二三四五六七八九]?|卅一?)\s*[日号]"),
         DateKind.CALENDAR, read_relative_month_day,
         "下个月廿号，新馆将对公众开放。", ("2024-07-20", "2024-07-20", "day"),
         needs=('廿', '卅')),
    Rule("week-of-month",
         re.compile(rf"{MONTH_PREFIX}"
                    r"第(?P<n>[一二三四五1-5])(?:个)?(?:周|星期|礼拜)(?![一二三四五六日天])"),
         DateKind.CALENDAR, read_week_of_month,
         "新学期将于9月第二周开课。", ("2024-09-09", "2024-09-15", "week"),
         needs=('第',)),
    Rule("months-of-year",
         re.compile(rf"{YEAR_PREFIX}的?(?:(?P<which>前|后|最后)\s*(?P<n>[一二两三四五六七八九十]{{1,2}}|1[0-2]|[1-9])"
                    rf"\s*个?月|(?P<nth>第)(?P<n2>[一二三四五六七八九十]{{1,2}}|1[0-2]|[1-9])个月|(?P<first_month>首月))"),
         DateKind.PERIOD, lambda m, ctx: read_months_of_year(_n2(m), ctx),
         "今年前五个月，全市新增市场主体3.2万户。", ("2024-01-01", "2024-05-31", "month"),
         needs=('前', '后', '第', '首月')),
    Rule("day-of-year",
         re.compile(rf"{YEAR_PREFIX}第(?P<n>\d{{1,3}}|[一二三四五六七八九十百]{{1,4}})天"),
         DateKind.CALENDAR, read_day_of_year,
         "2025年第一天，新版条例正式施行。", ("2025-01-01", "2025-01-01", "day"),
         needs=('第',)),
    Rule("two-years",
         re.compile(r"今明两年"),
         DateKind.PERIOD, read_two_years,
         "今明两年，全市将新建保障性住房2万套。", ("2024-01-01", "2025-12-31", "year"),
         needs=('今明两年',)),
    Rule("days-of-month",
         re.compile(rf"{MONTH_PREFIX}"
                    r"(?P<which>前|最后|后)(?P<n>[一二两三四五六七八九十]{1,3}|\d{1,2})天"),
         DateKind.CALENDAR, read_days_of_month,
         "本月前两天，全市迎来强降雨。", ("2024-06-01", "2024-06-02", "day"),
         needs=('前', '最后', '后')),
    Rule("part-of-day",
         re.compile(rf"(?<![\d今明昨当前后次同上中下午凌黎清早傍晚夜白全深半日号])(?P<part>{PART_WORDS})"
                    r"(?![候然茶好班报档版场市\d一二两三四五六七八九十零]|新闻|节目|经济|模式|食堂|时段)"),
         DateKind.CLOCK, read_part_of_day,
         "白天，市区最高气温将达35℃。", ("2024-06-12T06:00:00+08:00", "2024-06-12T18:59:59+08:00", "time"),
         needs=tuple(PART_SPANS)),
    Rule("week",
         re.compile(r"(?<![每一两几])(?P<wk>上上个|下下个|上上|下下|上个|下个|上一|下一|这个|这一|上|下|本|这)(?:周|星期|礼拜)"
                    r"(?![一二三四五六日天末刊报期年])"),
         DateKind.CALENDAR, read_week,
         "下周，全市将迎来新一轮降雨。", ("2024-06-17", "2024-06-23", "week"),
         needs=('周', '星期', '礼拜')),
    Rule("from-now",
         re.compile(rf"(?<![第每近]){_NOT_IN_NUMBER}(?P<n>\d{{1,3}}|{_COUNT_CN}|半){_MANY}"
                    rf"{_UNIT}{_HALF}(?P<dir>之?后|以后|之?前|以前)(?![夕])"),
         DateKind.DURATION, read_from_now,
         "20天后，这批设备将运抵港口。", ("2024-07-02", "2024-07-02", "day"),
         needs=('前', '后')),
    Rule("clock-offset",
         re.compile(rf"{_NOT_IN_NUMBER}(?P<n>\d{{1,3}}|{_COUNT_CN}|半|一)(?P<half>个半)?"
                    rf"{_CLOCK_UNIT}(?P<half2>半)?钟?(?P<dir>之?后|以后|之?前|以前)"),
         DateKind.DURATION, read_clock_offset,
         "3小时后，救援队抵达现场。", ("2024-06-12T11:30:00+08:00", "2024-06-12T12:30:00+08:00", "time"),
         needs=("小时", "钟头", "分", "秒", "刻钟")),
    Rule("rest-of",
         re.compile(r"(?:(?<![\u4e00-\u9fff\d])|(?<=[将于在要争力确保]))(?:今|本|当)?(?P<unit>年|月)(?:以|之)?内"
                    r"(?![外容部地])|(?:今|本|当)(?P<unit2>年|月)(?:以|之)?内(?![外容部地])"),
         DateKind.DURATION, lambda m, ctx: read_rest_of(_n2(m), ctx),
         "项目力争年内建成投用。", ("2024-06-12T08:30:00+08:00", "2024-12-31T23:59:59+08:00", "time"),
         needs=("年内", "月内", "年以内", "月以内", "年之内", "月之内")),
    Rule("half-year",
         re.compile(r"(?<![马北向之以往线路坡顶身赶一二两三四五六七八九十年\d])(?P<half>上半年|下半年)(?!度)"),
         DateKind.PERIOD, read_half_year,
         "上半年，全市地区生产总值同比增长5.2%。", ("2024-01-01", "2024-06-30", "month"),
         needs=("半年",)),
    Rule("half-month",
         re.compile(r"(?<![马北向之以往线路坡顶身赶一二两三四五六七八九十月\d])(?P<half>上半月|下半月)"),
         DateKind.PERIOD, read_half_month,
         "下半月，全市气温将逐步回升。", ("2024-06-16", "2024-06-30", "day"),
         needs=("半月",)),
    Rule("month-part-alone",
         re.compile(r"(?<![月\d一二三四五六七八九十本下上当这个每旬])(?P<part>上中旬|中下旬|上旬|中旬|下旬)"),
         DateKind.CALENDAR, read_month_part,
         "中旬，全市将迎来新一轮降雨。", ("2024-06-11", "2024-06-20", "month"),
         needs=("旬",)),
    Rule("literary-day",
         re.compile(r"(?<![\u4e00-\u9fff\d])(?P<word>大后日|后日|前日)(?![子期程报])"),
         DateKind.POINT, read_literary_day,
         "前日，记者从市教育局获悉，新学期将增设课后服务。", ("2024-06-10", "2024-06-10", "day"),
         needs=("前日", "后日")),
    Rule("night-to-next-day",
         re.compile(rf"(?<![今明昨当前后次同天日])(?P<part>夜间|夜里|前半夜)\s*(?:至|到)\s*(?:次日|明天|明日|第二天)"
                    rf"(?P<part2>{PART_WORDS})?"),
         DateKind.CLOCK, read_night_to_next_day,
         "夜间至次日上午，全市有中到大雨。",
         ("2024-06-12T20:00:00+08:00", "2024-06-13T11:59:59+08:00", "time"),
         needs=("夜",)),
    Rule("adjacent-units",
         re.compile(r"(?<![\u4e00-\u9fff\d])(?P<dir>前|上|后|下)(?P<n>[两二三四五六七八九十]|[2-9])"
                    r"(?P<unit>天|日|个周|周|个星期|星期|个礼拜|礼拜|个月|月|年|个小时|小时|个钟头|钟头|分钟|秒钟|秒)"
                    r"(?![前后内来以里多半钟])"),
         DateKind.DURATION, read_adjacent_units,
         "前两天，全市普降中到大雨。", ("2024-06-10", "2024-06-11", "day"),
         needs=("前", "上", "后", "下")),
    Rule("now",
         re.compile(r"(?<![到至])现在(?![起开始以])|当前(?=[，,。；;\s]|$)|此时此刻"),
         DateKind.CLOCK, read_now,
         "现在，市民可通过手机预约入馆。", ("2024-06-12T08:30:00+08:00", "2024-06-12T08:30:00+08:00", "time"),
         needs=("现在", "当前", "此时此刻")),
    Rule("clock-stretch",
         re.compile(rf"(?:(?P<ago>近|最近|过去的?)|(?P<ahead>{_AHEAD}))?{_NOT_IN_NUMBER}"
                    rf"(?P<n>\d{{1,3}}|{_COUNT_CN}|半|一)(?P<half>个半)?{_CLOCK_UNIT}(?P<half2>半)?钟?"
                    r"(?P<within>以内|之内|内)?(?:里|以来)?(?(ago)|(?(ahead)|(?(within)|(?!))))"),
         DateKind.DURATION, read_clock_stretch,
         "未来48小时，全市将有一次明显降雨过程。",
         ("2024-06-12T08:30:00+08:00", "2024-06-14T08:30:00+08:00", "time"),
         needs=("小时", "钟头", "分", "秒")),
    Rule("within",
         re.compile(rf"(?P<ahead>{_AHEAD})?{_NOT_IN_NUMBER}(?P<n>\d{{1,3}}|{_COUNT_CN}|半){_MANY}"
                    rf"{_UNIT[:-1]}|个?工作日){_HALF}"
                    r"(?(ahead)(?:[以之]?内)?|[以之]?内)"),
         DateKind.DURATION, read_within,
         "申请人应在60日内补齐材料。", ("2024-06-12T08:30:00+08:00", "2024-08-11T23:59:59+08:00", "time"),
         needs=('内', '未来', '今后', '接下来')),
    Rule("lately",
         re.compile(rf"(?P<ago>近|最近|过去的?)?{_NOT_IN_NUMBER}(?P<n>\d{{1,3}}|{_COUNT_CN}|半|仨){_MANY}"
                    rf"{_UNIT[:-1]}|月){_HALF}(?P<more>多)?"
                    rf"(?:以来|{_SINCE_COME})?(?(ago)|(?<=来))"),
         DateKind.DURATION, read_lately,
         "近30天，全市空气质量优良天数达28天。",
         ("2024-05-13T08:30:00+08:00", "2024-06-12T08:30:00+08:00", "time"),
         needs=('近', '过去', '以来', '来')),
    Rule("year-range",
         re.compile(rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}}|{_CN_YEAR})\s*年?(?:{_RANGE}|(?P<between>\s*(?:和|与|及)\s*))"
                    rf"(?P<y2>(?:19|20)?\d{{2}}|{_CN_YEAR})\s*年"
                    rf"(?:\s*(?P<m2>{g.MONTH})\s*月)?(?(between)\s*(?:之)?间)(?!\s*\d)"),
         DateKind.PERIOD, read_year_range,
         "2008年—2018年，这座城市的人口翻了一番。", ("2008-01-01", "2018-12-31", "year"),
         needs=('年',)),
    Rule("years-from-to",
         re.compile(r"(?<=[从自])\s*(?P<y>(?:19|20)\d{2})\s*(?:到|至|—+|–|-|~)\s*(?P<y2>(?:19|20)\d{2})(?P<m2>)"
                    r"(?!\s*[\d.年月/:\-万亿千百元人个名家台辆套件吨米%％倍多余])"),
         DateKind.PERIOD, read_year_range,
         "从2016到2018，园区产值翻了一番。", ("2016-01-01", "2018-12-31", "year"),
         needs=("从", "自")),
    Rule("months-between",
         re.compile(rf"{YEAR_PREFIX}?(?P<m>{g.MONTH})\s*月份?\s*(?:和|与)\s*(?P<m2>{g.MONTH})\s*月份?\s*(?:之)?间"),
         DateKind.PERIOD, lambda m, ctx: read_months_between(m, ctx),
         "3月与5月间，园区游客量明显回升。", ("2024-03-01", "2024-05-31", "month"),
         needs=('间',)),
    Rule("ym-numeric-range",
         re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.(?P<m>0?[1-9]|1[0-2])\s*(?:—+|-|–|~|至)\s*"
                    r"(?P<y2>(?:19|20)\d{2})(?:\.(?P<m2>0?[1-9]|1[0-2]))?(?![\d.])"),
         DateKind.PERIOD, read_ym_numeric_range,
         "他1999.08-2002.02在部队服役。", ("1999-08-01", "2002-02-28", "month"),
         needs=('.',)),
    Rule("ym-numeric",
         re.compile(r"(?<![\d./-])(?P<y>(?:19|20)\d{2})(?P<sep>[./-])(?P<m>1[0-2]|0?[1-9])"
                    r"(?!\d|(?P=sep)\d|\s*(?:[万亿千百元%％倍米吨个件人家台]|美元|亿元))"),
         DateKind.PERIOD, lambda m, ctx: month_span(int(m.group("y")), int(m.group("m"))),
         "该系列产品于2023.9上市。", ("2023-09-01", "2023-09-30", "month"),
         needs=('.', '-', '/')),
    Rule("compact-ymd",
         re.compile(r"(?<![\dA-Za-z])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\dA-Za-z])"),
         DateKind.POINT, read_compact_ymd,
         "公告发布日期：20240307。", ("2024-03-07", "2024-03-07", "day"),
         needs=('19', '20')),
    Rule("dotted-month-day",
         re.compile(r"(?<![\d.·])(?P<m>1[0-2]|[1-9])·(?P<d>3[01]|[12]\d|[1-9])(?![\d·])"),
         DateKind.CALENDAR, read_dotted_md,
         "“6·30”主题活动在市民广场举行。", ("2024-06-30", "2024-06-30", "day"),
         needs=('·',)),
    Rule("five-year-plan",
         re.compile(r"[“\"](?P<n>十[一二三四五六七八九])五[”\"](?:规划|计划)?(?P<part>期间|时期|末|初)?"
                    r"|(?<![\d〇零一二两三四五六七八九十])(?P<n2>十[一二三四五六七八九])五(?=期间|时期|规划|计划)"),
         DateKind.PERIOD, read_five_year_plan,
         "“十四五”期间，全市将新建学校50所。", ("2021-01-01", "2025-12-31", "year"),
         needs=("五",)),
    Rule("year",
         re.compile(rf"(?<![\d.第])(?:(?P<y>(?:19|20)\d{{2}}|[〇零一二三四五六七八九]{{4}}|{g.YEAR_IN_WORDS})\s*年"
                    rf"{NOT_AFTER_WRITTEN_YEAR}"
                    rf"|(?:^|(?<=[在于是从自到至，,、。\s(（]))(?P<y2>\d{{2}}|[〇零一二三四五六七八九]{{2}})年{NOT_AFTER_YEAR}"
                    rf"|(?P<yr>{_REL_YEAR}){NOT_AFTER_YEAR})"),
         DateKind.PERIOD, lambda m, ctx: read_year(_year_match(m), ctx),
         "2023年，全市接待游客突破一亿人次。", ("2023-01-01", "2023-12-31", "year"),
         needs=('年',)),
    Rule("approximate-months",
         re.compile(rf"{YEAR_PREFIX}?(?<![\d〇零一二两三四五六七八九十第])(?P<a>十一|[一二三四五六七八九])"
                    r"(?P<b>十|[二三四五六七八九])月份?(?![初底末中])"),
         DateKind.PERIOD, read_approximate_months,
         "七八月份，海滨浴场游客最多。", ("2024-07-01", "2024-08-31", "month"),
         needs=("月",)),
    Rule("approximate-hours",
         re.compile(r"(?<![\d〇零一二两三四五六七八九十第])(?P<a>[一二三四五六七八九])(?P<b>[二三四五六七八九十])点"
                    r"(?![钟]头|多钟)"),
         DateKind.CLOCK, read_approximate_hours,
         "晚上七八点，广场上仍有不少市民纳凉。", ("2024-06-12T19:00:00+08:00", "2024-06-12T20:59:59+08:00", "time"),
         needs=("点",)),
    Rule("clock",
         re.compile(rf"(?<![\d.])(?<!\d[:：])(?<![\d/-]\d\s)(?:{_clock('')}(?:{_RANGE}(?P<nextday>次日|第二天|明天|明日|翌日)?{_clock('e')})?)",
                    re.VERBOSE),
         DateKind.CLOCK, read_clock,
         "上午9:00～11:30，市民可到现场咨询。", ("2024-06-12T09:00:00+08:00", "2024-06-12T11:30:00+08:00", "time"),
         needs=('点', '时', ':', '：', 'pm', 'am', 'PM', 'AM', 'p.m', 'a.m')),
)
"""Every rule, in the order they are tried; the first to claim a stretch of text keeps it."""


def _group(m, name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


class _Renamed:
    """A match seen through other group names (a rule's second alternative read by the first's reader)."""

    def __init__(self, m: re.Match, names: dict[str, str]):
        self._m, self._names = m, names

    def group(self, name: str):
        value = self._m.group(self._names.get(name, name))
        return value

    def __getattr__(self, attr):
        return getattr(self._m, attr)


def _n2(m: re.Match):
    names = {}
    if m.re.groupindex.get("n2") and m.group("n2"):
        names["n"] = "n2"
    if m.re.groupindex.get("unit2") and m.group("unit2"):
        names["unit"] = "unit2"
    return _Renamed(m, names) if names else m


def _season_match(m: re.Match):
    if m.group("season2"):
        return _Renamed(m, {"season": "season2", "y": "yy"})
    return m


def _year_match(m: re.Match):
    if m.group("y2"):
        return _Renamed(m, {"y": "y2"})
    return m
