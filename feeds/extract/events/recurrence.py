"""Events held again and again over their span: `即日起至8月31日，每晚19:30上演`, `每周六上午9时至12时开放`,
`The market runs every Saturday from 8 a.m. until December 20`.

The span is already the event's interval; this reads, from the event's sentence and the one after it, on which
days of the span it is held (every day, weekdays, days it is closed) and at what time of day. Pure: no store.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ...models import Article, Event, Frequency, Interval, Recurrence
from ..dates import find_dates

OPEN_ALL_DAY = 6 * 60
"""Minutes a day's session lasts at least to be opening hours (a book fair `每天10:00—20:00`), not a session."""
SPAN_CATEGORIES = frozenset({"conference", "fair", "exhibition", "competition", "festival", "other"})
"""A deadline is one day and a trade mission a journey: neither comes round again."""

_WEEK = r"(?:周|週|星期|礼拜|禮拜)"
_DAY_ZH = r"[一二三四五六日天七]"
_DAY_INDEX_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_DAY_LIST_ZH = rf"{_DAY_ZH}(?:\s*[、和及与,，]?\s*{_WEEK}?{_DAY_ZH})*"

DAILY_ZH = re.compile(r"每天|每日|天天|每晚|每夜|每个晚上|每天晚上|逐日")
EVENING_ZH = re.compile(r"每晚|每夜|每个晚上|每天晚上|夜场")
"""Words that put a bare `7时半` in the evening (a `晚上` before a time is read with the time)."""
WEEKLY_ZH = re.compile(rf"(?:每逢|每个|每|逢){_WEEK}({_DAY_LIST_ZH})(?!\s*(?:至|到|—|-|~|～)\s*{_WEEK})")
WEEKEND_ZH = re.compile(r"(?:每逢|每个|每|逢)(?:周末|週末|双休日)")
DAY_RANGE_ZH = re.compile(rf"(?:每逢|每|逢)?{_WEEK}({_DAY_ZH})\s*(?:至|到|—|-|~|～)\s*{_WEEK}?({_DAY_ZH})")
CLOSED_ZH = re.compile(rf"(?:每逢|每|逢)?{_WEEK}({_DAY_LIST_ZH})(?:（[^）]{{0,12}}）)?\s*"
                       r"(?:全天)?(?:闭馆|休馆|閉館|休館|闭园|休息|停演|休演|停业|不开放|不對外開放|不对外开放|暂停开放)")
VISITING_ZH = re.compile(rf"开放时间|開放時間|开馆时间|開館時間|参观时间|參觀時間|营业时间|營業時間"
                         rf"|{_WEEK}{_DAY_LIST_ZH}(?:（[^）]{{0,12}}）)?\s*(?:闭馆|休馆|閉館|休館|闭园)")
"""Words of a venue's visiting hours: an hours label, or a weekday it is closed (`周一闭馆`; `停演` is a show's)."""

_MERIDIEM_ZH = r"(?:上午|早上|早晨|清晨|中午|下午|傍晚|晚上|晚间|晚|夜间|夜里)"
_CN_NUMBER = r"[零〇一二两三四五六七八九十]{1,3}"
_HOUR_ZH = (rf"({_MERIDIEM_ZH})?\s*(\d{{1,2}}|{_CN_NUMBER})\s*(?:时|時|点|點)"
            rf"(?:\s*(半|\d{{1,2}}\s*分|{_CN_NUMBER}分|整))?")
_CLOCK = r"(\d{1,2}):(\d{2})"
_TO = r"\s*(?:至|到|—{1,2}|-|–|~|～|－)\s*"
CLOCK_RANGE = re.compile(rf"({_MERIDIEM_ZH})?\s*{_CLOCK}{_TO}({_MERIDIEM_ZH})?\s*{_CLOCK}")
HOUR_RANGE_ZH = re.compile(_HOUR_ZH + _TO + _HOUR_ZH)
CLOCK_ONE = re.compile(rf"({_MERIDIEM_ZH})?\s*(?<![\d:]){_CLOCK}(?![\d:])")
HOUR_ONE_ZH = re.compile(_HOUR_ZH)

_DAYS_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_EN = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b\.?"
_DAY_LIST_EN = rf"{_DAY_EN}(?:\s*(?:,|and|or|&|,\s*and)\s*{_DAY_EN})*"
_PLURAL_EN = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days\b"
_PLURAL_LIST_EN = rf"{_PLURAL_EN}(?:\s*(?:,|and|or|&|,\s*and)\s*{_PLURAL_EN})*"
"""`on Saturdays` is every Saturday; `on Saturday` is one."""
DAILY_EN = re.compile(r"\b(?:every\s+(?:day|night|evening)|each\s+(?:day|night|evening)|(?-i:daily)|nightly|"
                      r"seven\s+days\s+a\s+week)\b", re.I)
EVENING_EN = re.compile(r"\b(?:night|nightly|evening)s?\b", re.I)
WEEKLY_EN = re.compile(rf"\b(?:every|each)\s+({_DAY_LIST_EN})|\bon\s+({_PLURAL_LIST_EN})", re.I)
WEEKEND_EN = re.compile(r"\b(?:every|each|on)\s+weekends?\b|\bweekends\b", re.I)
DAY_RANGE_EN = re.compile(rf"\b(?:every\s+|each\s+)({_DAY_EN})\s*(?:to|through|thru|-|–)\s*({_DAY_EN})"
                          rf"|\b({_PLURAL_EN})\s*(?:to|through|thru|-|–)\s*({_PLURAL_EN})", re.I)
"""`every Tuesday to Sunday`, `Tuesdays through Sundays`; a bare `Friday to Sunday` is the span's own days."""
CLOSED_EN = re.compile(rf"\b(?:closed|shut|dark)\s+(?:on\s+)?({_DAY_LIST_EN})|\bexcept\s+(?:on\s+)?({_DAY_LIST_EN})",
                       re.I)
VISITING_EN = re.compile(r"\b(?:opening|visiting)\s+hours\b|\bopen(?:s)?\s+(?:daily|every|from)\b|\bclosed\s+on\b",
                         re.I)
_AMPM = r"(?:([ap])\.?\s*m\b\.?|(noon|midnight))"
_TIME_EN = rf"(\d{{1,2}})(?::(\d{{2}}))?\s*{_AMPM}"
TIME_RANGE_EN = re.compile(rf"{_TIME_EN}\s*(?:to|until|till|-|–|—)\s*{_TIME_EN}", re.I)
TIME_RANGE_EN_SHARED = re.compile(rf"(\d{{1,2}})(?::(\d{{2}}))?\s*(?:to|-|–)\s*{_TIME_EN}", re.I)
"""`7-9 p.m.`: the meridiem written once, after the end."""
TIME_ONE_EN = re.compile(_TIME_EN, re.I)

CLAUSE = re.compile(r"[^，,；;。！？!?]+")
ANOTHER_THING = re.compile(r"(?:有|推出|安排|设有|设置|开设|举行|举办|放映|上演|演出|开展|进行|带来|呈现|表演)"
                           r"[\u4e00-\u9fff《“\"]")
SCHEDULE_CUE = re.compile(r"每|逢|\d|[上下]午|晚上")
"""Where a clause's times and days begin: the words before them (`演出每晚…`) are the event's own."""
"""`每晚19:00至22:00有灯光秀`, `每周六举行音乐会`: the clause's times are another thing's (held within the event),
not the event's own sessions (`每晚19:30上演`, `每周六开放`)."""

_NEXT_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?]?")


NOT_HELD = re.compile(r"^\s*(?:[(（][^)）]{0,8}[)）])?\s*(?:当天|当日)?\s*"
                      r"(?:停演|休演|暂停演出|暂停|闭馆|休馆|闭园|休市|不开放|不演出|停业|不营业)"
                      r"|^\s*(?:除外|not\s+held|no\s+show|closed)", re.I)
"""`9月1日停演`, `8月15日（周六）闭馆`, `except August 15`: a day of the span the event is not held."""
EXCEPT_BEFORE = re.compile(r"(?:\bexcept(?:\s+on)?|除)\s*$", re.I)


def with_recurrences(events: list[Event], article: Article) -> list[Event]:
    """The article pass: each event of several days whose words say it comes round gets its Recurrence, with
    the days of its span it is not held (`9月1日停演`)."""
    starts = {event.evidence_start for event in events}
    found = []
    for event in events:
        text = event.evidence + _next_sentence(article.body, event.evidence_end, starts)
        recurrence = read_recurrence(text, event.interval, event.category)
        if recurrence is not None:
            recurrence = _with_days_off(recurrence, text, event.interval, article)
        found.append(_recurring(event, recurrence) if recurrence else event)
    return found


def _with_days_off(recurrence: Recurrence, text: str, interval: Interval, article: Article) -> Recurrence | None:
    """The recurrence less the single days the text says it is not held (EXDATE); none left, no recurrence."""
    days_off = set()
    for date in find_dates(text, article.published.date, article.published.year):
        day = date.interval
        if (day.precision == "day" and day.start_date == day.end_date
                and interval.start_date <= day.start_date <= interval.end_date
                and (NOT_HELD.search(text[date.end:date.end + 16]) or EXCEPT_BEFORE.search(text[:date.start]))):
            days_off.add(day.start_date)
    if not days_off:
        return recurrence
    recurrence = replace(recurrence, excluded=tuple(sorted(days_off)))
    return recurrence if recurrence.first_occurrence(interval.start_date) else None


def _next_sentence(body: str, end: int, starts: set[int]) -> str:
    """The sentence after the event's in its paragraph (`开放时间为9:00-17:00，周一闭馆。`), unless another event
    stands in it."""
    following = body[end:]
    stripped = len(following) - len(following.lstrip())
    if end + stripped in starts or "\n" in following[:stripped]:
        return ""
    match = _NEXT_SENTENCE.match(following, stripped)
    return following[stripped:match.end()] if match else ""


def _recurring(event: Event, recurrence: Recurrence) -> Event:
    """The event on its span of days (a timed span's time is each session's), with its recurrence."""
    interval = event.interval
    if not interval.all_day:
        interval = Interval(interval.start_date, interval.end_date, "day")
    return replace(event, interval=interval, recurrence=recurrence)


def read_recurrence(text: str, interval: Interval, category: str) -> Recurrence | None:
    """The recurrence the text gives the event on `interval`, or None when it says of none (or the event is one
    day, or of a kind that does not come round)."""
    first, last = interval.start_date, interval.end_date
    if category not in SPAN_CATEGORIES or last <= first or interval.precision not in ("day", "time"):
        return None
    text = "，".join(clause for clause in CLAUSE.findall(text) if not _another_things(clause))
    days = _days(text)
    closed = _closed_days(text)
    visiting = bool(VISITING_ZH.search(text) or VISITING_EN.search(text))
    if days is None and not closed:
        return None
    if days is None:
        days = set(range(7))
    days -= closed
    if not days:
        return None
    clock = _times(text)
    start_time, minutes = clock if clock else (None, None)
    if start_time is None and not interval.all_day and isinstance(interval.start, dt.datetime):
        start_time = interval.start.time().replace(tzinfo=None)
    if start_time is None and days == set(range(7)):
        return None  # `每天` alone is a span's every day: the all-day span says it already
    opening_hours = len(days) >= 5 and (visiting or category == "exhibition" or (minutes or 0) >= OPEN_ALL_DAY)
    span_days = {(first + dt.timedelta(days=k)).weekday() for k in range(min((last - first).days + 1, 7))}
    if span_days <= days:  # `周五至周日` of a three-day fair: its every day
        if start_time is None:
            return None
        days = set(range(7))
    if len(days) == 7:
        recurrence = Recurrence(Frequency.DAILY, last, (), start_time, minutes, opening_hours=opening_hours)
    else:
        recurrence = Recurrence(Frequency.WEEKLY, last, tuple(sorted(days)), start_time, minutes,
                                opening_hours=opening_hours)
    return recurrence if recurrence.first_occurrence(first) else None


def _another_things(clause: str) -> bool:
    """Whether what the clause times is another thing than the event (words after its first time or day)."""
    cue = SCHEDULE_CUE.search(clause)
    return bool(cue and ANOTHER_THING.search(clause, cue.end()))


def _days(text: str) -> set[int] | None:
    """The weekdays the text says it is on, every day for `每天`, or None when it names none."""
    found: set[int] = set()
    closed_spans = [m.span() for m in CLOSED_ZH.finditer(text)] + [m.span() for m in CLOSED_EN.finditer(text)]

    def outside_closed(match: re.Match) -> bool:
        return not any(start <= match.start() < end for start, end in closed_spans)

    for match in DAY_RANGE_ZH.finditer(text):
        if outside_closed(match):
            found |= _day_range(_DAY_INDEX_ZH[match.group(1)], _DAY_INDEX_ZH[match.group(2)])
    for match in DAY_RANGE_EN.finditer(text):
        if outside_closed(match):
            first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            found |= _day_range(_day_en(first), _day_en(last))
    for match in WEEKLY_ZH.finditer(text):
        if outside_closed(match):
            found |= {_DAY_INDEX_ZH[c] for c in match.group(1) if c in _DAY_INDEX_ZH}
    for match in WEEKLY_EN.finditer(text):
        if outside_closed(match):
            found |= _days_en(match.group(1) or match.group(2))
    if WEEKEND_ZH.search(text) or WEEKEND_EN.search(text):
        found |= {5, 6}
    if found:
        return found
    if DAILY_ZH.search(text) or DAILY_EN.search(text):
        return set(range(7))
    return None


def _closed_days(text: str) -> set[int]:
    """`周一闭馆`, `closed on Mondays`: weekdays of the span it is not on."""
    closed = {_DAY_INDEX_ZH[c] for m in CLOSED_ZH.finditer(text) for c in m.group(1) if c in _DAY_INDEX_ZH}
    for match in CLOSED_EN.finditer(text):
        closed |= _days_en(match.group(1) or match.group(2))
    return closed


def _day_range(first: int, last: int) -> set[int]:
    """`周二至周日`: every day from the first to the last, round the week's end if need be."""
    return {(first + k) % 7 for k in range((last - first) % 7 + 1)}


def _day_en(word: str) -> int:
    return _DAYS_EN.index(word.lower()[:3])


def _days_en(listed: str) -> set[int]:
    return {_day_en(word) for word in re.findall(_DAY_EN, listed, re.I)}


def _times(text: str) -> tuple[dt.time, int | None] | None:
    """The time each session starts and how many minutes it lasts (None when no end is given)."""
    evening = bool(EVENING_ZH.search(text) or EVENING_EN.search(text))
    for reader in (_zh_range, _time_range_en, _time_range_en_shared):
        found = reader(text, evening)
        if found:
            start, end = found
            return start, _minutes(start, end)
    for reader in (_time_en, _zh_one):
        start = reader(text, evening)
        if start is not None:
            return start, None
    return None


def _minutes(start: dt.time, end: dt.time) -> int | None:
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    if minutes <= 0:
        minutes += 24 * 60  # `20:00至次日2:00`: past midnight
    return minutes if minutes < 24 * 60 else None


_ZH_CLOCKS = ((CLOCK_RANGE, CLOCK_ONE, int, int), (HOUR_RANGE_ZH, HOUR_ONE_ZH, lambda h: _number(h),
                                                     lambda m: _minute_zh(m)))
"""`19:30` and `晚7时半`: the patterns of a range and of one time, and how their hour and minute are read."""


def _zh_range(text: str, evening: bool) -> tuple[dt.time, dt.time] | None:
    """`9:00-17:00`, `下午2时至5时`: the first range of either form."""
    for pattern, _, hour, minute in _ZH_CLOCKS:
        if match := pattern.search(text):
            meridiem, h, m, end_meridiem, end_h, end_m = match.groups()
            start = _hour_zh(meridiem, hour(h), minute(m), evening)
            end = _hour_zh(end_meridiem or meridiem, hour(end_h), minute(end_m), evening, start)
            if start and end:
                return start, end
    return None


def _zh_one(text: str, evening: bool) -> dt.time | None:
    """`19:30`, `晚7时半`: the first time of either form."""
    for _, pattern, hour, minute in _ZH_CLOCKS:
        for match in pattern.finditer(text):
            meridiem, h, m = match.groups()
            if start := _hour_zh(meridiem, hour(h), minute(m), evening):
                return start
    return None


_CN_DIGITS = {**dict(zip("零一二三四五六七八九", range(10), strict=True)), "〇": 0, "两": 2}
_AFTERNOON_ZH = ("下午", "傍晚", "晚上", "晚间", "晚", "夜间", "夜里")


def _hour_zh(meridiem: str | None, hour: int | None, minute: int | None, evening: bool,
             after: dt.time | None = None) -> dt.time | None:
    """A Chinese clock time in 24 hours: `下午3时` is 15:00, `每晚7时半` 19:30, the end of `下午2时至5时` 17:00."""
    if hour is None or minute is None or hour > 24 or minute > 59:
        return None
    if meridiem in _AFTERNOON_ZH or (meridiem is None and evening and 5 <= hour < 12 and after is None):
        hour = hour + 12 if hour < 12 else hour
    elif meridiem == "中午" and hour < 6:
        hour += 12
    elif meridiem is None and after is not None and hour < 12 and hour + 12 > after.hour >= hour:
        hour += 12  # `每晚7:30至9:30`: an end that would fall before its evening start is in the evening too
    hour %= 24
    return dt.time(hour, minute)


def _minute_zh(text: str | None) -> int | None:
    if not text or text == "整":
        return 0
    if text == "半":
        return 30
    return _number(text.rstrip("分").strip())


def _number(text: str) -> int | None:
    """`19`, `七`, `十九`, `二十`: up to 59."""
    if text.isdigit():
        return int(text)
    digits = _CN_DIGITS
    if "十" in text:
        tens, _, units = text.partition("十")
        if (tens and tens not in digits) or (units and units not in digits):
            return None
        return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)
    if len(text) == 1 and text in digits:
        return digits[text]
    return None


def _time_range_en(text: str, evening: bool) -> tuple[dt.time, dt.time] | None:
    match = TIME_RANGE_EN.search(text)
    if not match:
        return None
    start = _time_en_parts(*match.group(1, 2, 3, 4))
    end = _time_en_parts(*match.group(5, 6, 7, 8))
    return (start, end) if start and end else None


def _time_range_en_shared(text: str, evening: bool) -> tuple[dt.time, dt.time] | None:
    match = TIME_RANGE_EN_SHARED.search(text)
    if not match:
        return None
    end = _time_en_parts(*match.group(3, 4, 5, 6))
    start = _time_en_parts(match.group(1), match.group(2), match.group(5), match.group(6))
    if start and end and start > end and match.group(5):
        start = _time_en_parts(match.group(1), match.group(2), "a" if match.group(5).lower() == "p" else "p", None)
    return (start, end) if start and end else None


def _time_en(text: str, evening: bool) -> dt.time | None:
    match = TIME_ONE_EN.search(text)
    return _time_en_parts(*match.group(1, 2, 3, 4)) if match else None


def _time_en_parts(hour: str, minute: str | None, ampm: str | None, word: str | None) -> dt.time | None:
    """`8 a.m.`, `7:30 p.m.`, `12 noon`."""
    h, m = int(hour), int(minute or 0)
    if h > 12 or m > 59:
        return None
    if word:
        return dt.time(12 if word.lower() == "noon" else 0, m)
    if ampm and ampm.lower() == "p" and h < 12:
        h += 12
    elif ampm and ampm.lower() == "a" and h == 12:
        h = 0
    return dt.time(h, m)
