"""Time expressions in an article, each resolved to an absolute interval with its precision and kind.

`find_dates(text, published, year)` is the whole public interface: Chinese through our own grammar
(grammar.py, the schedule's dates) and rules (rules.py, named records for everything else: years,
quarters, weeks, festivals, lunar dates, clock times alone, durations), calendars computed by
libraries (calendars.py), English through dateparser with our range handling (english.py).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter

from ...models import Cue, DateKind, DateMatch, Interval
from .. import sentences
from . import grammar as g
from . import rules
from .calendars import ERA_FIRST_YEARS, REIGN_NAMES
from .english import find_english_dates
from .resolve import Context, Point, Tense, Unresolvable, clock, make_interval, number, resolve_point, resolve_year

__all__ = ["find_dates"]

MAX_DATES_PER_SENTENCE = 40
"""A work budget: the dates of one sentence beyond this many are not resolved (`1日` × 10,000 is no schedule)."""



def find_dates(text: str, published: dt.date | None = None, year: int | None = None,
               every_kind: bool = False, now: dt.datetime | None = None) -> list[DateMatch]:
    """The date expressions in `text`, in order; what cannot be resolved is left out.

    By default, the schedule's reading the event layer works on: points and spans, and the year parts
    it has always seen (kind PERIOD). With `every_kind`, every time expression the rules read too
    (years, quarters, seasons, weeks, festivals, lunar dates, clock times alone, durations), each
    with its kind; a rule's longer reading then replaces the grammar's (`2013年一季度末`). `now`, the
    moment of publication (Beijing time), lets `3小时后` be read.
    """
    if year is None and published is not None:
        year = published.year
    if TRADITIONAL_DATE_CHARACTER.search(text):  # rare: a search in C, not a translation of every page
        text = text.translate(TRADITIONAL_DATE_CHARACTERS)
    sentence_ends = sentences.sentence_ends(text)
    found: list[DateMatch] = []
    grammar = g.DATE_EXPRESSION_SPACED if g.SPACED_DIGITS.search(text) else g.DATE_EXPRESSION
    per_sentence: Counter[int] = Counter()
    previous_sentence = -1  # the sentence of found[-1]
    last_day: dt.date | None = None  # `当日` is the day told last: a month or a year before it is no day
    for match in grammar.finditer(text):
        here = _sentence(sentence_ends, match.start())
        per_sentence[here] += 1
        if per_sentence[here] > MAX_DATES_PER_SENTENCE:
            continue  # no sentence a person writes holds this many dates: the rest is not read (a work budget)
        previous = found[-1] if found else None
        same_sentence = previous if previous and previous_sentence == here else None
        last_here = same_sentence.interval.start_date if same_sentence else None
        # a 将于 before the date before, in a clause of its own, is that date's (`将于7月1日起实施的新规，陈健9日表示`)
        floor = same_sentence.end if same_sentence and _OTHER_CLAUSE.search(text, same_sentence.end,
                                                                            match.start()) else 0
        if floor and _SAYS.match(text, match.end()):
            last_here = None  # `…新规，陈健9日表示`: the day someone spoke is the paper's, not the date before's
        ctx = Context(published, year, last_here, _tense(text, match.start(), match.end(), floor),
                      year_told=_year_told_before(text, match.start(), match.group(0)), general=every_kind)
        try:
            date_match = _resolve(text, match, ctx, last_day, every_kind)
        except (Unresolvable, ValueError, OverflowError):
            continue
        if date_match is not None:
            found.append(date_match)
            previous_sentence = here
            if date_match.interval.precision in ("day", "time"):
                last_day = date_match.interval.start_date
    found, clocks_used = _attach_clock_times(text, found, sentence_ends)
    if re.search(r"[A-Za-z]{3}", text):
        found = sorted(found + find_english_dates(text, published), key=lambda d: d.start)
    found = _weekday_before_date(text, _merge_glosses(text, found), published)
    found = _join_day_lists(text, _apply_sentence_rules(text, found, sentence_ends, published))
    found = _bind_clocks(text, _add_rule_dates(text, found, clocks_used, published, year, every_kind, now))
    if not every_kind:
        return found
    found = _from_now_to(text, _join_ranges(text, _parts_of_day(text, found)), published, now)
    return _to_now(text, _parts_on_day_told(found), published, now)


_TRADITIONAL_TIME_WORDS = "週禮後個點時鐘號這兩曆農節聖誕慶國現當間復難穌東來過內兒勞動師陽陰臘淩婦紀歸門長黃雙幾開"
TRADITIONAL_DATE_CHARACTERS = str.maketrans(_TRADITIONAL_TIME_WORDS,
                                            "周礼后个点时钟号这两历农节圣诞庆国现当间复难稣东来过内儿劳动师阳阴腊凌妇纪归门长黄双几开")
TRADITIONAL_DATE_CHARACTER = re.compile(f"[{_TRADITIONAL_TIME_WORDS}]")
"""Traditional characters of time words, each with one simplified form: `normalize` converts a page only
when a sample of it reads traditional, so a short text or a quotation (`週一早上`) keeps them (one for one,
so every offset holds)."""

SINCE_TO_NOW = re.compile(r"\s*(?:起|开始)?\s*(?:至今|迄今|到现在|至现在|到目前|至目前|到今天|至今天|以来)")
SINCE = re.compile(r"\s*起(?![草来义诉步飞身码])")
BEFORE = re.compile(r"\s*(?:之前|以前|前)(?![往进来夕身列后景沿线台排面])")
ENDS_TODAY = re.compile(r"(?:到|至)\s*(?:今天|今日)$")


def _to_now(text: str, found: list[DateMatch], published: dt.date | None,
            now: dt.datetime | None) -> list[DateMatch]:
    """The general reading of a time measured from publication: `2019年5月8日起` and `去年至今` (a past
    start) run to the moment of publication, `年底前` (a coming end) from it; kind DURATION, the cue kept.
    Without `now`, the publication day stands for the moment."""
    if published is None:
        return found
    result: list[DateMatch] = []
    absorbed = -1  # where the last reading's words end: the dates inside them (`到现在`) are its own
    for date in found:
        if date.start < absorbed:
            continue
        interval = date.interval
        since = SINCE_TO_NOW.match(text, date.end)
        if since is None and interval.end_date < published:
            since = SINCE.match(text, date.end)
        until = BEFORE.match(text, date.end) if interval.end_date >= published and since is None else None
        if until is not None and now is not None and interval.precision == "time" \
                and interval.end < (now if now.tzinfo else now.replace(tzinfo=interval.end.tzinfo)):
            until = None  # `早上8点前` read at 10:00: a time already past is no coming end (nor an interval)
        if since is not None and interval.start_date <= published:
            span = _since(interval, published, now)
            end, rule = since.end(), date.rule + "+to-now"
        elif until is not None:
            span = _until(interval, published, now)
            end, rule = until.end(), date.rule + "+from-now"
        elif now is not None and ENDS_TODAY.search(date.text) and interval.precision != "time":
            span, end, rule = _since(interval, published, now), date.end, date.rule + "+to-now"
        else:
            result.append(date)
            continue
        result.append(DateMatch(text[date.start:end], date.start, end, span, rule, date.cue, DateKind.DURATION))
        absorbed = end
    return result


NOW_TO = re.compile(r"\s*(?:到|至)\s*")


def _from_now_to(text: str, found: list[DateMatch], published: dt.date | None,
                 now: dt.datetime | None) -> list[DateMatch]:
    """`从现在到年底`, `现在至6月底`: from the moment of publication (its day, without `now`) to the end of the
    date after, kind DURATION."""
    result: list[DateMatch] = []
    for date in found:
        previous = result[-1] if result else None
        if (published is not None and previous is not None and previous.rule == "now"
                and NOW_TO.fullmatch(text, previous.end, date.start) and date.interval.end_date >= published):
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end,
                                   _until(date.interval, published, now), f"range:now-{date.rule}", date.cue,
                                   DateKind.DURATION)
            continue
        result.append(date)
    return result


def _since(interval: Interval, published: dt.date, now: dt.datetime | None) -> Interval:
    if now is None:
        return Interval(interval.start_date, published, "day")
    start = interval.start if interval.precision == "time" else dt.datetime.combine(interval.start_date, dt.time(0),
                                                                                    now.tzinfo)
    return Interval(start, now, "time")


def _until(interval: Interval, published: dt.date, now: dt.datetime | None) -> Interval:
    if now is None:
        return Interval(published, interval.end_date, "day")
    end = interval.end if interval.precision == "time" else dt.datetime.combine(interval.end_date, rules.DAY_END,
                                                                                now.tzinfo)
    return Interval(now, end, "time")


DAY_LIST = re.compile(r"(?:\s*(?:[，,、]|和|及)\s*(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
                      r"\s*[日号](?![报本元游]))+")
LIST_ITEM = re.compile(r"(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]")


def _join_day_lists(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """`9月10号，11号，12号`, `11月4日、5日`, `5月6日和5月7日`: consecutive days listed are one span (days
    that skip, or a sentence that says `分别` or counts its sessions, stay apart: `3月8日、9日举行两场招聘会`)."""
    result: list[DateMatch] = []
    covered = -1  # where the last joined list ends: the days inside it are no dates of their own
    for date in found:
        if date.start < covered:
            continue
        date = _with_listed_before(text, date, max(covered, result[-1].end if result else 0))
        previous = result[-1] if result else None
        if previous is not None and _next_listed_day(text, previous, date):
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end,
                                   Interval(previous.interval.start_date, date.interval.end_date, "day"),
                                   previous.rule.removesuffix("+list") + "+list", previous.cue, previous.kind)
            continue
        result.append(date)
        listed = DAY_LIST.match(text, date.end) if _is_day(date) else None  # `6月17和18日`: its 日 comes after
        if listed is None or _says_severally(text, listed.end()):
            continue
        day, last = date.interval.start_date, date.interval.start_date
        items = list(LIST_ITEM.finditer(listed.group(0)))
        if len(items) < 1 or (len(items) == 1 and SESSIONS_COUNTED.match(text, listed.end(), listed.end() + 30)):
            continue
        for item in items:
            try:
                value = number(item.group(1))
            except Unresolvable:
                break
            if value != (last + ONE_DAY).day or (last + ONE_DAY).month != last.month:
                break
            last += ONE_DAY
        else:
            result[-1] = DateMatch(text[date.start:listed.end()], date.start, listed.end(),
                                   Interval(day, last, "day"), date.rule + "+list", date.cue, date.kind)
            covered = listed.end()
    return result


LISTED_BEFORE = re.compile(r"(?:(?<![\d.:/月第-])(?P<n>\d{1,2})\s*(?:、|和|及)\s*)+$")
"""`17、18日两天`: days listed before the one that carries its 日."""
RANGE_START_BEFORE = re.compile(r"(?<![\d.:/月年第—–~～-])(?P<n>\d{1,2})\s*(?:—+|–|-|~|～|至|到)\s*$")
"""`20—22日`: a range's first day written without 日 before the last day that carries it."""


def _with_listed_before(text: str, date: DateMatch, floor: int) -> DateMatch:
    """A bare day with the days listed before it (when they run on), or with a range's first day before it
    (`20—22日`): the span from the first."""
    if not date.text[:1].isdigit() or "月" in date.text or not _is_day(date) \
            or not date.text.rstrip().endswith(("日", "号")):
        return date
    day = date.interval.start_date
    first = RANGE_START_BEFORE.search(text, max(floor, date.start - 6), date.start) \
        if date.cue in (None, Cue.NONE, Cue.TARGET) else None
    if first is not None and 1 <= int(first.group("n")) < day.day:
        cue = _cue(text, first.start(), date.end)  # the range's own: the 至 inside it is no target
        if cue is not g.NOT_A_DATE:
            return DateMatch(text[first.start():date.end], first.start(), date.end,
                             Interval(day.replace(day=int(first.group("n"))), day, "day"), "range:d-d", cue, date.kind)
    if date.cue not in (None, Cue.NONE):
        return date
    listed = LISTED_BEFORE.search(text, max(floor, date.start - 16), date.start)
    if listed is None or _says_severally(text, date.end):
        return date
    values = [int(n) for n in re.findall(r"\d{1,2}", listed.group(0))]
    if values != [day.day - k for k in range(len(values), 0, -1)] or values[0] < 1:
        return date
    return DateMatch(text[listed.start():date.end], listed.start(), date.end,
                     Interval(day.replace(day=values[0]), day, "day"), date.rule + "+list", date.cue, date.kind)


LIST_SEPARATOR = re.compile(r"\s*(?:[，,、]|和|及|与)\s*")


def _next_listed_day(text: str, previous: DateMatch, date: DateMatch) -> bool:
    """`5月6日和5月7日`: a day written out with its month after a list separator, the day after the days
    before it (weekdays listed stay apart: `本周六、周日`)."""
    return (_is_day(date) and "月" in date.text and previous.interval.precision == "day" and previous.kind is date.kind
            and date.interval.start_date == previous.interval.end_date + ONE_DAY
            and LIST_SEPARATOR.fullmatch(text, previous.end, date.start) is not None
            and not _says_severally(text, date.end)
            and not SESSIONS_COUNTED.match(text, date.end, date.end + 30))


def _day_after_listed(text: str, previous: DateMatch, date: DateMatch) -> bool:
    """`3月9日、3月10日上午9时`: the day after a day listed before it, whatever hour it carries."""
    return (previous.interval.precision == "day" and date.interval.start_date == previous.interval.end_date + ONE_DAY
            and LIST_SEPARATOR.fullmatch(text, previous.end, date.start) is not None)


SESSIONS_COUNTED = re.compile(r"[^。；;]*?(?:两场|两次|两轮|两期|两届|各)")
"""`3月8日、9日举行两场招聘会`: two days that are two sessions, not one span."""


ONE_DAY = dt.timedelta(days=1)


def _is_day(date: DateMatch) -> bool:
    return date.interval.precision == "day" and date.interval.start == date.interval.end


def _says_severally(text: str, position: int) -> bool:
    return "分别" in text[position:position + 30].split("。")[0]


def _parts_on_day_told(found: list[DateMatch]) -> list[DateMatch]:
    """`20日，论坛开幕。下午，嘉宾参观园区`: a part of the day alone is on the day told last, as a reader takes it
    (the publication day's when none was told before it)."""
    result: list[DateMatch] = []
    last: dt.date | None = None
    for date in found:
        interval = date.interval
        if date.rule == "part-of-day" and last is not None:
            shift = last - interval.start_date
            date = DateMatch(date.text, date.start, date.end, Interval(interval.start + shift, interval.end + shift,
                                                                       "time"), date.rule, date.cue, date.kind)
        elif date.kind in (DateKind.POINT, DateKind.CALENDAR) and interval.precision in ("day", "time") \
                and interval.start_date == interval.end_date:
            last = interval.start_date
        result.append(date)
    return result


def _parts_of_day(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """`9日上午`, `周二早上`, `昨天黎明`: a day followed by a part of it is those hours."""
    result = []
    for date in found:
        part = PART_AT_END.search(date.text)
        if part is None and _is_day(date) and (short := _short_part(text, date)) is not None:
            date, part = short
        following = PART_AFTER.match(text, date.end) if part is None and _is_day(date) else None
        if following:  # `昨天黎明`, `前天后半夜`: parts the schedule grammar does not read
            part = following
            date = DateMatch(text[date.start:following.end()], date.start, following.end(), date.interval,
                             date.rule, date.cue, date.kind)
        if part and _is_day(date) and not CLOCK_FOLLOWS.match(text, date.end):
            hours = rules.part_of_day(date.interval.start_date, SHORT_PARTS.get(part.group(0), part.group(0)))
            date = DateMatch(date.text, date.start, date.end, hours, date.rule + "+part", date.cue, date.kind)
        elif date.interval.precision == "day" and date.interval.start != date.interval.end:
            date = _range_parts(text, date, part)
        result.append(date)
    return result


def _short_part(text: str, date: DateMatch) -> tuple[DateMatch, re.Match] | None:
    """`25日晚`, `7月5日早间`, `今晨`, `昨晚`: a part of the day in one character at the end of a day, unless
    the word goes on (`早已`, `晚于`, `晚些`); `早间` takes its 间."""
    part = SHORT_PART_AT_END.search(date.text)
    if part is None or SHORT_PART_NOT_BEFORE.match(text, date.end):
        return None
    if part.group(0) == "早" and text.startswith("间", date.end):
        end = date.end + 1
        date = DateMatch(text[date.start:end], date.start, end, date.interval, date.rule, date.cue, date.kind)
        part = SHORT_PART_AT_END.search(date.text)
    return date, part


def _range_parts(text: str, date: DateMatch, last: re.Match | None) -> DateMatch:
    """`前天中午到明天晚上`, `今天上午至明天`: a range that starts at a part of a day runs from its first hour
    to the end of its last part or day (`5月8日至10日晚上`, the evenings of three days, stays days)."""
    first = PART_BEFORE_RANGE.search(date.text)
    if first is None or CLOCK_FOLLOWS.match(text, date.end):
        return date
    start_day, end_day = date.interval.start_date, date.interval.end_date
    start = _part_start(start_day, first.group(1))
    end = rules.part_of_day(end_day, last.group(0)).end if last else dt.datetime.combine(
        end_day, rules.DAY_END, rules.TZ)
    return DateMatch(date.text, date.start, date.end, Interval(start, end, "time"), date.rule + "+part",
                     date.cue, date.kind)


def _part_start(day: dt.date, part: str) -> dt.datetime:
    """Where a range that starts at a part of a day starts: its first hour, but noon at `中午` (`从中午到晚上`
    starts at 12:00, though `中午` as a time of its own is the hours around it)."""
    if part == "中午":
        return dt.datetime.combine(day, dt.time(12), rules.TZ)
    return rules.part_of_day(day, part).start


PART_AT_END = re.compile(rf"(?:{rules.PART_WORDS})$")
SHORT_PARTS = {"早": "早上", "早间": "早上", "晨": "早晨", "晚": "晚上"}
"""Parts of the day a paper writes in one character after a day (`25日晚`, `今晨`), and the hours they mean."""
SHORT_PART_AT_END = re.compile(r"(?<=[日号天晚今昨明当])(?:早间|早|晨|晚)$|(?<=[今昨明当])晚$")
SHORT_PART_NOT_BEFORE = re.compile(r"[已就在些于点时年期于起稻餐饭报市]")
PART_BEFORE_RANGE = re.compile(rf"({rules.PART_WORDS})\s*(?:至|到|—+|–|~)")
CLOCK_FOLLOWS = re.compile(r"\s*[\d一二两三四五六七八九十]+\s*[点时:：]")
"""`明天下午七八点`: hours the grammar did not read follow, so the part of the day is not the answer."""
PART_AFTER = re.compile(rf"(?:{rules.PART_WORDS})(?![\d一二三四五六七八九十两])")
RANGE_BETWEEN = re.compile(r"\s*(?:至|到|—+|–|-|~)\s*")


def _join_ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """`去年春节到元宵节`, `2019年感恩节到2021年母亲节`: two calendar days joined by 到 are one span; so are two
    weeks, quarters or seasons (`上周到本周`, `一季度至三季度`), the later ending after the earlier."""
    result: list[DateMatch] = []
    for date in found:
        previous = result[-1] if result else None
        joined = previous is not None and RANGE_BETWEEN.fullmatch(text[previous.end:date.start]) \
            and previous.interval.precision == date.interval.precision
        if joined and DateKind.CALENDAR in (previous.kind, date.kind) and date.interval.precision == "day":
            end = _reread_after(text, date, previous.interval.end_date)
            if end is not None and end.interval.end_date >= previous.interval.start_date:
                result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end,
                                       Interval(previous.interval.start, end.interval.end, "day"),
                                       f"range:{previous.rule}-{date.rule}", previous.cue, DateKind.CALENDAR)
                continue
        if joined and date.interval.precision in UNITS_JOINED and previous.kind is date.kind \
                and date.interval.end_date > previous.interval.end_date:
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end,
                                   Interval(previous.interval.start, date.interval.end, date.interval.precision),
                                   f"range:{previous.rule}-{date.rule}", previous.cue, previous.kind)
            continue
        result.append(date)
    return result


UNITS_JOINED = ("week", "quarter", "season")
"""Units the rules read alone that a range joins (months and years the grammar and the year rules join)."""


def _reread_after(text: str, date: DateMatch, start: dt.date) -> DateMatch | None:
    """A range end named without a year, read as the first such day on or after the range start."""
    rule = next((r for r in rules.RULES if r.name == date.rule), None)
    m = rule.pattern.match(text, date.start) if rule else None
    if m is None or m.end() != date.end or rules.year_of(m, Context(start, start.year)) is not None:
        return date
    try:
        interval = rule.read(m, Context(start, start.year, None, Tense.ANNOUNCED))
    except (Unresolvable, ValueError):
        return None
    return DateMatch(date.text, date.start, date.end, interval, date.rule, date.cue, date.kind)


YEAR_TOLD_REACH = 300
"""How far back (within its paragraph) a `次年` or `同年` looks for the year it counts from."""


def _year_told_before(text: str, position: int, expression: str) -> int | None:
    """For an expression holding `次年`, `同年`: the year written last before it in its paragraph
    (`2019年，公司成立，次年上市`), else None (then it counts from publication)."""
    if not g.CONTEXT_YEAR_WORD.search(expression):
        return None
    start = max(text.rfind("\n", 0, position) + 1, position - YEAR_TOLD_REACH)
    years = [m.group(1) for m in g.YEAR_TOLD.finditer(text, start, position)]
    return int(years[-1]) if years else None


def _rule_candidates(text: str, published: dt.date | None, year: int | None,
                     every_kind: bool, now: dt.datetime | None = None) -> list[DateMatch]:
    """What the rules of rules.py read in `text` (only the POINT rules unless `every_kind`); where two
    overlap, the longer (then the earlier rule) stays."""
    candidates: list[tuple[int, int, int, DateMatch]] = []
    for index, rule in enumerate(rules.RULES):
        if (not every_kind and rule.kind is not DateKind.POINT) or not rule.may_match(text):
            continue
        for m in rule.pattern.finditer(text):
            if m.end() == m.start():
                continue
            tense = _tense(text, m.start(), m.end())
            if tense is Tense.UNSAID and ANNOUNCED_AFTER.match(text, m.end()):
                tense = Tense.ANNOUNCED  # `腊月二十三，庙会将在…举行`: the clause announces
            try:
                interval = rule.read(m, Context(published, year, None, tense, now,
                                                year_told=_year_told_before(text, m.start(), m.group(0))))
            except (Unresolvable, ValueError, OverflowError, KeyError):
                continue
            match = DateMatch(m.group(0), m.start(), m.end(), interval, rule.name, _rule_cue(text, m), rule.kind)
            candidates.append((m.start(), -(m.end() - m.start()), index, match))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[DateMatch] = []
    for _, _, _, match in candidates:
        if chosen and match.start < chosen[-1].end:
            if match.end - match.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = match
            continue
        chosen.append(match)
    return chosen


ANNOUNCED_AFTER = re.compile(r"[^。；;！？!?]{0,30}?(?:将|拟|计划|预计|即将)")


def _rule_cue(text: str, m: re.Match) -> Cue:
    cue = _cue(text, m.start(), m.end())
    return Cue.NONE if cue is g.NOT_A_DATE else cue


def _add_rule_dates(text: str, found: list[DateMatch], blocked: list[tuple[int, int]], published: dt.date | None,
                    year: int | None, every_kind: bool, now: dt.datetime | None) -> list[DateMatch]:
    """The grammar's dates and the rules' together: a rule's reading replaces grammar matches it
    wholly covers and outreaches (`2013年一季度末` over `2013年一季度`); else the grammar's stays."""
    starts = [d.start for d in found]
    blocked_starts = [b[0] for b in blocked]
    replaced: set[int] = set()
    added: list[DateMatch] = []
    for match in _rule_candidates(text, published, year, every_kind, now):
        k = bisect.bisect_left(blocked_starts, match.end) - 1
        if k >= 0 and blocked[k][1] > match.start:
            continue
        hi = bisect.bisect_left(starts, match.end)
        lo = hi
        while lo > 0 and found[lo - 1].end > match.start:
            lo -= 1
        inside = range(lo, hi)
        if all(found[i].start >= match.start and found[i].end <= match.end
               and found[i].end - found[i].start < match.end - match.start for i in inside):
            replaced.update(inside)
            added.append(match)
    kept = [d for i, d in enumerate(found) if i not in replaced]
    return _apposed(text, sorted(kept + added, key=lambda d: d.start))


def _apposed(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """`农历正月十五元宵节`, `10月1日国庆节`, `中秋节当天`: the same day named twice in a row is one expression;
    `耶稣受难日翌日`, `万圣节当晚`: a day counted from the one just named is that one's next day or evening."""
    result: list[DateMatch] = []
    for date in found:
        previous = result[-1] if result else None
        adjacent = previous is not None and not text[previous.end:date.start].strip()
        same_day = previous is not None and (previous.interval == date.interval or (
            date.rule == "context-day" and date.text in ("当天", "当日") and _is_day(previous)))
        if same_day and adjacent:
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end, previous.interval,
                                   previous.rule, previous.cue, previous.kind)
            continue
        if adjacent and date.rule == "context-day" and date.text in COUNTED_FROM_BEFORE and _is_day(previous):
            day = previous.interval.start_date + dt.timedelta(days=g.CONTEXT_DAYS[date.text])
            interval = rules.part_of_day(day, "晚上") if date.text == "当晚" else Interval(day, day, "day")
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end, interval,
                                   previous.rule + "+" + date.rule, previous.cue, previous.kind)
            continue
        result.append(date)
    return result


COUNTED_FROM_BEFORE = ("次日", "翌日", "第二天", "当晚")


def _bind_clocks(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """`农历八月十五晚8点`, `除夕夜里12点`: a clock time right after a day is that day's time."""
    result: list[DateMatch] = []
    for date in found:
        previous = result[-1] if result else None
        if (date.kind is DateKind.CLOCK and previous is not None and previous.interval.precision == "day"
                and previous.interval.start == previous.interval.end
                and not text[previous.end:date.start].strip(" 的")):
            shift = previous.interval.start_date - published_day(date)
            interval = Interval(date.interval.start + shift, date.interval.end + shift, "time")
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end, interval,
                                   previous.rule + "+clock", previous.cue, previous.kind)
            continue
        result.append(date)
    return result


def published_day(clock_match: DateMatch) -> dt.date:
    """The day a CLOCK match was read on (its start, less a day when the time is past midnight)."""
    return clock_match.interval.start_date


def _merge_glosses(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """`下周三（6月18日）`, `Wednesday (Sept. 10)`: a date glossed in parentheses is one expression,
    and the written-out date inside wins; weekdays inside only restate the date before them, which stays
    (`下周末（周六、周日）`, `6月20日—22日（周四至周六）`)."""
    result: list[DateMatch] = []
    i = 0
    while i < len(found):
        date = found[i]
        opening = GLOSS_OPEN.match(text, date.end)
        close = text.find(")", opening.end(), opening.end() + GLOSS_REACH) if opening else -1
        inner = []
        j = i + 1
        while close >= 0 and j < len(found) and found[j].start < close:
            if opening.end() <= found[j].start and found[j].end <= close:
                inner.append(found[j])
            j += 1
        if not inner or not re.fullmatch(r"[\s、,，和及]*", _between(text, opening.end(), close, inner)):
            result.append(date)
            i += 1
            continue
        restates = all(d.rule.startswith(("weekday", "range:weekday")) for d in inner)  # `20日—22日（周四至周六）`
        if restates:
            interval = date.interval
        elif len(inner) == 1:
            interval = inner[0].interval
        else:
            interval = Interval(inner[0].interval.start_date, inner[-1].interval.end_date, "day")
        end = close + 1
        after = g.CLOCK_ONLY.match(text, end + len(text[end:]) - len(text[end:].lstrip(" ")))
        if after and interval.precision == "day" and interval.start == interval.end:
            interval = make_interval(interval.start_date, interval.end_date, "day", *_clock_span(after))
            end = after.end()
        result.append(DateMatch(text[date.start:end], date.start, end, interval,
                                (date.rule if restates else inner[0].rule) + "+gloss", date.cue or inner[0].cue,
                                date.kind if restates else inner[0].kind))
        i += 1 + len(inner)
    return result


WEEKDAY_ALONE = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
DATE_AFTER_WEEKDAY = re.compile(r"\s*[,，]?\s*")
WEEKDAY_AFTER_DATE = re.compile(r"\s*[,，]\s*")
WEEKDAY_LISTED = re.compile(r"\s*(?:和|及|与|、|至|到|—|-|~)")
"""`3月20日，周一和周三各一场`: weekdays in a list are days of their own."""


def _weekday_before_date(text: str, found: list[DateMatch], published: dt.date | None) -> list[DateMatch]:
    """`周日，2月10日`, `2月10日，周日`: a weekday written beside the date it falls on names that date, once
    (the weekday alone would be read on its own, a week away)."""
    result: list[DateMatch] = []
    for date in found:
        previous = result[-1] if result else None
        weekday = WEEKDAY_ALONE.fullmatch(previous.text) if previous is not None else None
        if (weekday and _is_day(date) and "月" in date.text
                and DATE_AFTER_WEEKDAY.fullmatch(text, previous.end, date.start)
                and date.interval.start_date.weekday() == g.WEEKDAYS[weekday.group(1)]):
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end, date.interval,
                                   date.rule + "+weekday", date.cue, date.kind)
            continue
        if (previous is not None and WEEKDAY_ALONE.fullmatch(date.text) and _is_day(previous)
                and "月" in previous.text and WEEKDAY_AFTER_DATE.fullmatch(text, previous.end, date.start)
                and not WEEKDAY_LISTED.match(text, date.end)):
            # `10月12日，星期六`: the weekday restates the date before it, and decides its year if none is written
            interval = previous.interval
            if "年" not in previous.text and not previous.rule.startswith("numeric-ymd"):
                day = _year_of_weekday(interval.start_date, g.WEEKDAYS[date.text[-1]], published)
                interval = Interval(day, day, "day")
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end, interval,
                                   previous.rule + "+weekday", previous.cue, previous.kind)
            continue
        result.append(date)
    return result


GLOSS_OPEN = re.compile(r"\s*\(\s*(?:北京时间|即|Beijing time)?\s*")
GLOSS_REACH = 60
"""How far a gloss's closing parenthesis may stand from its opening."""


def _between(text: str, start: int, end: int, inner: list[DateMatch]) -> str:
    """What stands in the parentheses besides the dates."""
    pieces, position = [], start
    for d in inner:
        pieces.append(text[position:d.start])
        position = d.end
    return "".join(pieces) + text[position:end]


def _clock_span(m: re.Match) -> tuple[dt.time | None, dt.time | None]:
    """Start and end times of a CLOCK_ONLY match (`上午9时至11时`, `9:00—17:00`)."""
    if m.group("hh"):
        start = dt.time(int(m.group("hh")), int(m.group("mm")))
        return start, dt.time(min(int(m.group("ehh")), 23), int(m.group("emm"))) if m.group("ehh") else None
    start, part = clock(m, "")
    has_end = m.group("eh") or m.group("eh2")
    return start, clock(m, "e", m.group("etp") or part)[0] if has_end else None


def _sentence(ends: list[int], position: int) -> int:
    return sentences.sentence_index(ends, position)


_SAYS = re.compile(r"\s*(?:上午|下午|晚间|晚)?\s*(?:表示|说|称|指出|透露|宣布|介绍|强调|证实|回应)")
_OTHER_CLAUSE = re.compile(r"[，,；;][^，,；;]*[\u4e00-\u9fff]{2}")
"""Between two dates: a clause break and words of a clause of its own (not a list's `、` or a range's `至`)."""


AHEAD_OF = re.compile(rf"\s*(?:{g.BEFORE_DAY}(?!后)|之前|以前)")
"""`X前报名`: a day something must happen before (`前后` is around it)."""


def _tense(text: str, start: int, end: int, floor: int = 0) -> Tense:
    """What the clause around the date at `start`–`end` says of its time (see Tense)."""
    before_start = sentences.clause_start(text, start, 40)
    before, after = text[before_start:start], text[end:end + 24]
    if g.DIRECTION_FORWARD.search(before[-8:]) or g.DIRECTION_FORWARD.match(after.lstrip(" ,，")):
        return Tense.ANNOUNCED
    if g.POSTPONED_TO.search(text[max(0, start - 8):start]) or AHEAD_OF.match(after):
        return Tense.ANNOUNCED  # `延期至…`: a new date is ahead; `X前报名`: a deadline is ahead
    if g.PLANNED_BEFORE.search(before[-8:]):
        return Tense.UNSAID
    if g.DIRECTION_BACKWARD.search(before) or re.match(r"[,，]?[^。；;，,将拟]{0,14}?(?:已|曾|了)", after):
        return Tense.PAST
    sentence_start = max((m.end() for m in sentences.SENTENCE_END.finditer(text, max(0, start - 120), start)),
                         default=max(0, start - 120))
    if g.DIRECTION_FORWARD.search(text, max(sentence_start, floor), start):
        return Tense.ANNOUNCED  # `将于7月21日开幕,8月13日闭幕`: the sentence announces
    reported = g.REPORTED_AFTER.match(after)
    return Tense.REPORTED if reported and not g.DIRECTION_FORWARD.search(after[:reported.end()]) else Tense.UNSAID


def _cue(text: str, start: int, end: int) -> Cue | None:
    """What the words around a date say of it; None when they show it is not a date (a habit, a statistic)."""
    before, after = text[max(0, start - 8):start], text[end:end + 6]
    if re.search(r"[自从]\s*$", before) and re.match(r"[^，,。；;]{0,24}?以来", text[end:end + 30]):
        return Cue.PERIOD  # `自今年3月启动作品征集以来`: a real date, but the start of a period reaching to now
    clause = text[sentences.clause_start(text, start, 30):start]
    if re.search(r"往年|历年|以往|每年|通常", clause):
        return g.NOT_A_DATE  # `往年双选会均安排在6月举办`: a habit, not a date
    if re.search(r"(?:至|到)\s*$", before) and re.match(r"\s*(?:结束|止|闭幕|落幕)", after):
        return Cue.UNTIL  # `本周六开市，至10月7日结束`
    for name, pattern in g.CUES_AFTER:
        if pattern.match(after):
            return name
    for name, pattern in g.CUES_BEFORE:
        if pattern.search(before):
            return name
    return Cue.NONE


def _resolve(text: str, m: re.Match, ctx: Context, last_day: dt.date | None,
             every_kind: bool = False) -> DateMatch | None:
    """The match as a date; a statistics period or a habit (`今年1—4月`, `每年5月`) is none, or with
    `every_kind` a PERIOD."""
    if m.group("s_m") and not m.group("s_y") and not m.group("s_yr") and text.startswith("年", m.start() - 1) \
            and ERA_YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return None  # `康熙20年9月`, `民国38年5月`: a month of an era's year (rules.py reads the eras it can)
    if m.group("s_m") and (LUNAR_BEFORE.search(text, max(0, m.start() - 10), m.start())
                           or (_bare_month(m) and LUNAR_DAY_AFTER.match(text, m.end()))):
        return None  # `农历2月2日`, `八月十五`, `五月初五`: a lunar date (rules.py reads it), no Gregorian month
    if m.group("s_rel") and (_in_title(text, m.start()) or NAMED_AFTER_DAY.match(text, m.end("s_rel"))):
        return None  # `《明日之后》`, `今日头条`: a title or a name, not a day
    if m.group("s_rel") in g.CONTEXT_DAYS and last_day is not None:
        ctx = Context(ctx.published, ctx.year, last_day, ctx.tense)
    start = resolve_point(m, "s_", ctx)
    if start is None:
        return None
    has_end = any(m.group(k) for k in _END_GROUPS)
    span_end = m.end() if has_end else (m.start("sep") if m.group("sep") else m.end())
    span_end = _trim(text, m.start(), span_end)
    end = resolve_point(m, "e_", ctx, anchor=start) if has_end else None
    start = _check_weekday(m, "s_", start, ctx.published)

    start_time, part = clock(m, "s_", _evening(m.group("s_rel")))
    end_time, _ = clock(m, "e_", part if end is None else _evening(m.group("e_rel")))
    if m.group("s_d2") is None and start.precision == "month" and end is not None and end.precision == "month" \
            and start.first.month == 1 and m.group("s_m"):
        if not every_kind:
            return None  # `今年1—4月`: a statistics period, not a schedule
        period = True
    else:
        period = False
    cue = _cue(text, m.start(), span_end)
    if cue is g.NOT_A_DATE:
        if not every_kind:
            return None
        cue, period = Cue.NONE, True
    month_range = (g.MONTH_RANGE_START.search(text, max(0, m.start() - 6), m.start())
                   or _month_listed_before(text, m.start(), start.last.month))
    if month_range and _bare_month(m) and end is None:
        first = number(month_range.group("m"))
        begin = month_range.start()
        written = g.YEAR_BEFORE.search(text, max(0, begin - 10), begin)
        last = start.last
        if written:  # `2018年2——4月`: the year is written before the range's start
            year = resolve_year(written.group("y"), written.group("yr"), ctx)
            begin, last = written.start(), last.replace(year=year)
        if not first < last.month:
            return None
        kind = DateKind.PERIOD if period or first == 1 else DateKind.POINT
        return DateMatch(text[begin:span_end], begin, span_end,
                         Interval(last.replace(month=first, day=1), last, "month"), "range:m-m", cue, kind)
    last = end.last if end is not None else start.last
    precision = "month" if start.precision == "month" or (end is not None and end.precision == "month") else "day"
    if end is not None and end.first < start.first:
        raise Unresolvable("range end before its start")
    interval = make_interval(start.first, max(last, start.last), precision, start_time,
                             end_time if (end is None or end.first == start.first) else None)
    if start_time is not None and end is not None and end_time is not None and end.first != start.first:
        interval = make_interval(start.first, end.last, "time", start_time, end_time)
    rule = _rule_name(m, has_end)
    kind = DateKind.PERIOD if period or rule.startswith("year-part") else DateKind.POINT
    return DateMatch(text[m.start():span_end], m.start(), span_end, interval, rule, cue, kind)


_END_GROUPS = ("e_dm2", "e_dm", "e_nm", "e_sm",
               "e_iy", "e_y", "e_yr", "e_m", "e_mr", "e_d", "e_d2", "e_d3", "e_mp", "e_rel", "e_wd", "e_we",
               "e_yp", "e_yp2", "e_h", "e_h2", "e_h4")


LUNAR_BEFORE = re.compile(r"(?:农历|阴历|夏历|旧历)\s*(?:(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年)?\s*(?:闰\s*)?$")
LUNAR_DAY_AFTER = re.compile(r"\s*(?:初[一二三四五六七八九十]|廿|卅|[二三]十[一二三四五六七八九]?(?![日号几多余个天])"
                             r"|十[一二三四五六七八九]?(?![日号几多余个天]))")
"""A month followed by a day as the lunar calendar writes it (no 日): `正月十五`, `八月十五`, `五月初五`."""
NAMED_AFTER_DAY = re.compile(r"头条|说法|关注(?!度)")
"""Words that make a relative day part of a name (`今日头条`, `今日说法`, `今日关注`)."""
TITLE_REACH = 30


def _in_title(text: str, position: int) -> bool:
    """Whether a position is inside a 《title》 opened within the last few characters."""
    floor = max(0, position - TITLE_REACH)
    return text.rfind("《", floor, position) > text.rfind("》", floor, position)


ERA_YEAR_BEFORE = re.compile(rf"(?:{'|'.join((*ERA_FIRST_YEARS, *REIGN_NAMES))})"
                             r"[\d〇零一二三四五六七八九十百]{1,4}年$")
"""An era's year just before a month (`康熙20年9月`)."""


def _month_listed_before(text: str, position: int, month: int) -> re.Match[str] | None:
    """`11、12月`: the month listed right before this one, written without 月, when it is the month before (`3、5月`
    are two months, not a span)."""
    listed = g.MONTH_LIST_START.search(text, max(0, position - 6), position)
    return listed if listed is not None and number(listed.group("m")) == month - 1 else None


def _bare_month(m: re.Match) -> bool:
    """A month with nothing else: no year, day or part (`6—8月` reads its start from before)."""
    return bool(m.group("s_m")) and not any(m.group(k) for k in ("s_y", "s_yr", "s_d", "s_part"))


def _evening(word: str | None) -> str | None:
    return "晚" if word in g.EVENING_WORDS else None


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n(":
        end -= 1
    return end


def _check_weekday(m: re.Match, p: str, point: Point, published: dt.date | None) -> Point:
    """`5月8日(周三)`: when the weekday disagrees and no year was written, take a near year it fits."""
    wanted = m.group(p + "chk") or (m.group(p + "chk2") if p == "s_" else None)
    if not wanted or point.year_given or point.precision != "day":
        return point
    day = _year_of_weekday(point.first, g.WEEKDAYS[wanted], published)
    return point if day == point.first else Point(day, day, "day", False, True)


def _year_of_weekday(day: dt.date, weekday: int, published: dt.date | None) -> dt.date:
    """The day itself when it falls on the weekday, else the same day of a near year that does (within
    200 days of publication), else the day itself: the weekday decides a year that was not written."""
    if day.weekday() == weekday:
        return day
    for offset in (1, -1, 2, -2):
        try:
            other = day.replace(year=day.year + offset)
        except ValueError:
            continue
        if other.weekday() == weekday and (published is None or abs((other - published).days) <= 200):
            return other
    return day


def _rule_name(m: re.Match, has_end: bool) -> str:
    def kind(p: str) -> str:
        get = m.group
        if get(p + "rel"):
            return "context-day" if get(p + "rel") in g.CONTEXT_DAYS else "relative-day"
        if get(p + "rt"):
            return "relative-day"
        if get(p + "wd"):
            return "weekday"
        if get(p + "we"):
            return "weekend"
        if get(p + "iy"):
            return "numeric-ymd"
        if get(p + "nm") or get(p + "sm"):
            return "numeric-md"
        if get(p + "yp") or get(p + "yp2"):
            return "year-part"
        if get(p + "mr"):
            return "relative-month" + ("-part" if get(p + "part") else "")
        if get(p + "m"):
            year = "y" if get(p + "y") else ("relative-y" if get(p + "yr") else "")
            if get(p + "d"):
                return f"{year}md"
            return f"{year}m" + ("-part" if get(p + "part") else "")
        if get(p + "d2") or get(p + "d3"):
            return "d"
        if get(p + "mp"):
            return "month-part"
        return "time" if (get(p + "h") or get(p + "h2") or get(p + "h4")) else ""

    name = kind("s_")
    if m.group("s_h") or m.group("s_h2") or m.group("s_h3") or m.group("s_h4"):
        name += "+time"
    if has_end:
        name = f"range:{name}-{kind('e_') or 'time'}"
    return name


def _attach_clock_times(text: str, found: list[DateMatch],
                        sentence_ends: list[int]) -> tuple[list[DateMatch], list[tuple[int, int]]]:
    """`22日，…于上午10时举行`: a clock time with no date of its own sets the time of the date before it;
    also where those clock times stand, so no rule reads them again."""
    if not found:
        return found, []
    starts = [d.start for d in found]
    result = list(found)
    used: list[tuple[int, int]] = []
    opening: list[DateMatch] = []  # clock times that open a sentence of their own, on the day spoken of last
    for m in g.CLOCK_ONLY.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or found[i].end > m.start():
            continue
        date = result[i]
        if date.interval.precision not in ("day", "time") or date.interval.start_date != date.interval.end_date:
            continue
        start_time, end_time = _clock_span(m)
        if start_time is None:
            continue
        day = date.interval.start_date
        if _sentence(sentence_ends, date.start) != _sentence(sentence_ends, m.start()):
            if _opens_sentence(text, m.start(), sentence_ends) and not _dated_later(starts, i, m, sentence_ends):
                opening.append(DateMatch(m.group(0), m.start(), m.end(),
                                         make_interval(day, day, "day", start_time, end_time), "context-day+clock",
                                         Cue.NONE, DateKind.POINT))
                used.append((m.start(), m.end()))
            continue
        if date.interval.precision != "day":
            continue
        result[i] = DateMatch(date.text, date.start, date.end, make_interval(day, day, "day", start_time, end_time),
                              date.rule + "+clock", date.cue, date.kind)
        used.append((m.start(), m.end()))
    return (sorted(result + opening, key=lambda d: d.start) if opening else result), used


def _opens_sentence(text: str, position: int, sentence_ends: list[int]) -> bool:
    """`…当天，…。上午9时45分，于礼堂举行毕业典礼`: a clock time that opens its sentence."""
    k = _sentence(sentence_ends, position)
    return not text[sentence_ends[k - 1] + 1 if k else 0:position].strip()


def _dated_later(starts: list[int], i: int, m: re.Match[str], sentence_ends: list[int]) -> bool:
    """Whether the clock's own sentence gives a date after it (`上午10时，6月9日…`: that date's)."""
    return i + 1 < len(starts) and _sentence(sentence_ends, starts[i + 1]) == _sentence(sentence_ends, m.start())


OPEN_CLOSE_RULE = "span:open-close"
"""The rule of a span from the day something opens to the day it closes (`3月15日开启，3月25日截止`)."""


def _apply_sentence_rules(text: str, found: list[DateMatch], sentence_ends: list[int],
                          published: dt.date | None) -> list[DateMatch]:
    """Spans a sentence gives in words: `为期三天`, `X日开幕…Y日闭幕`, `持续至X`."""
    result: list[DateMatch] = []
    durations = _durations(text, sentence_ends, found)
    for index, date in enumerate(found):
        previous = result[-1] if result else None
        same_sentence = previous is not None and _sentence(sentence_ends, previous.start) == _sentence(
            sentence_ends, date.start)
        after = text[date.end:date.end + 40]
        opens = previous is not None and g.OPEN_CLOSE[0].match(text[previous.end:previous.end + 8])
        if same_sentence and opens and g.OPEN_CLOSE[1].match(after):
            result[-1] = _span(text, previous, date, OPEN_CLOSE_RULE)
            continue
        if date.cue == Cue.UNTIL and same_sentence and date.interval.start_date >= previous.interval.start_date \
                and previous.cue not in (Cue.UNTIL, Cue.DEADLINE):  # an end does not start a span
            result[-1] = _span(text, previous, date, "span:until")
            continue
        duration = durations.get(index)
        days = _length(duration, date) if duration else None
        if days and date.interval.start_date == date.interval.end_date and date.interval.precision != "month":
            day = date.interval.start_date
            if re.match(r"[^。；;]{0,70}?(?:闭幕|落幕|结束|收官|落下帷幕)", text[date.end:date.end + 80]):
                first, last = day - dt.timedelta(days=days - 1), day  # `为期六天的…于9日闭幕`
            elif same_sentence and _day_after_listed(text, previous, date):
                # `3月9日(星期日)、3月10日(星期一)…为期两日`: the length is the listed days', from the first
                while len(result) > 1 and _next_listed_day(text, result[-2], result[-1]):
                    result.pop()
                listed = result.pop()
                first = listed.interval.start_date
                last = max(day, first + dt.timedelta(days=days - 1))
                date = DateMatch(text[listed.start:date.end], listed.start, date.end, date.interval,
                                 listed.rule + "+list", listed.cue, listed.kind)
            else:
                first, last = day, day + dt.timedelta(days=days - 1)
            date = DateMatch(date.text, date.start, date.end, Interval(first, last, "day"),
                             date.rule + "+duration", date.cue, date.kind)
        result.append(date)
    return result


def _durations(text: str, sentence_ends: list[int], found: list[DateMatch]) -> dict[int, re.Match]:
    """`为期三天` in a sentence, keyed by the index of the date it belongs to: the last date before it
    (or the first one after it: `为期六天的时装周于9日闭幕`). One pass over the dates, sentence by sentence."""
    owners: dict[int, re.Match] = {}
    i = 0
    while i < len(found):
        index = _sentence(sentence_ends, found[i].start)
        j = i
        while j < len(found) and _sentence(sentence_ends, found[j].start) == index:
            j += 1
        start = sentence_ends[index - 1] + 1 if index > 0 else 0
        end = sentence_ends[index] if index < len(sentence_ends) else len(text)
        duration = g.DURATION.search(text, start, end)
        if duration is not None:
            before = [k for k in range(i, j) if found[k].end <= duration.start()]
            owner = before[-1] if before else next((k for k in range(i, j) if found[k].start >= duration.end()), None)
            if owner is not None:
                owners[owner] = duration
        i = j
    return owners


def _span(text: str, first: DateMatch, last: DateMatch, rule: str) -> DateMatch:
    interval = Interval(first.interval.start_date, last.interval.end_date,
                        "month" if "month" in (first.interval.precision, last.interval.precision) else "day")
    return DateMatch(text[first.start:last.end], first.start, last.end, interval, rule, first.cue,
                     parts=first.pieces + last.pieces)


def _length(duration: re.Match, date: DateMatch) -> int | None:
    """How many days `为期三天` gives; None for a numeral no reader could read (`为期十十天`)."""
    if duration.group("en"):
        return int(g.ENGLISH_NUMBERS.get(duration.group("en"), duration.group("en")))
    try:
        days = _days(duration.group("n"), duration.group("unit"), date.interval.start_date)
    except (Unresolvable, OverflowError):
        return None
    return days if 0 < days <= 3660 else None


def _days(n: str, unit: str, start: dt.date) -> int:
    count = number(n)
    if unit == "周":
        return count * 7
    if unit == "个月":
        month_index = start.year * 12 + start.month - 1 + count
        end = start.replace(year=month_index // 12, month=month_index % 12 + 1, day=1) if start.day == 1 else None
        return (end - start).days if end else count * 30
    return count
