"""English date expressions: dateparser reads the words, we handle ranges and the year choice."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from ...models import TZ, Cue, DateMatch, Interval
from . import calendars as cal
from .resolve import Context, Tense, choose, maybe_date

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
TIME = r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)|(?:[01]?\d|2[0-3]):[0-5]\d"
RANGE_WORD = r"\s*(?:-|–|—|to|through|until|till|and|&)\s*"
RANGE_TO = r"\s*(?:-|–|—|to|through|until|till)\s*"
"""What joins two days of different months into one span (`Sunday 28 September to Friday 31 October`); `and`
joins two days of one month only."""
WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
"""A weekday written before its date (`on Friday 10 October`, `Sunday, December 12`): one date, not two."""
HOLIDAY = "|".join(sorted((re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]?")
                           for name in (*cal.ENGLISH_FESTIVALS, *cal.ENGLISH_FIXED_DAYS)), key=len, reverse=True))
"""`Easter Sunday`, `Boxing Day`, `St Patrick’s Day`: a feast or a national day named for its date."""
HOLIDAY_KEYS = {name.replace("'", ""): name for name in (*cal.ENGLISH_FESTIVALS, *cal.ENGLISH_FIXED_DAYS)}
START, END = r"(?<![A-Za-z0-9])(?=[A-Za-z0-9])", r"(?<=[A-Za-z0-9])(?![A-Za-z0-9])"
"""Word edges of Latin letters and digits only: a Chinese character beside an English date is no letter of it
(`展会定于June 20举行`), where `\b` counts it as one."""

ENGLISH_DATE = re.compile(
    rf"""(?:{START}at\s+(?P<t0>{TIME})\s+)?{START}(?P<cue>from|until|till|through|by|before|on|starting|since)?\s*
    (?:
        (?:{WEEKDAY_NAME},?\s+)?(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?
        (?:{RANGE_WORD}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY}){END})?
        (?:,?\s+(?P<y>{YEAR}))?
      | (?:{WEEKDAY_NAME},?\s+)?(?P<dd1>{DAY})(?:{RANGE_WORD}(?P<dd2>{DAY}))?\s+(?P<mm1>{MONTH})
        (?:{RANGE_TO}(?:{WEEKDAY_NAME},?\s+)?(?P<dd3>{DAY})\s+(?P<mm3>{MONTH}))?(?:,?\s+(?P<yy>{YEAR}))?
      | (?:in\s+)?(?P<part>early|mid|late)[-\s]+(?P<pm>{MONTH})(?:\s+(?P<pmy>{YEAR}))?
      | (?:in\s+)(?P<mo>{MONTH})(?:\s+(?P<moy>{YEAR})|\s+(?P<mow>this|last|next)\s+year)?
      | (?P<mwo>last|next|this)\s+(?P<mw>{MONTH})(?!\s*\d)
      | (?P<hol>{HOLIDAY})(?:,?\s+(?P<hy>{YEAR}))?
      | (?P<wk>(?:next|this|last)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekend)
      | (?P<rel>today|tomorrow|yesterday|tonight|last\s+night|this\s+(?:morning|afternoon|evening)
          |(?:next|this|last)\s+(?:week|month|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))
    ){END}
    (?:\s*(?:at|from)?\s*(?P<t1>{TIME})(?:{RANGE_WORD}(?P<t2>{TIME}))?)?""",
    re.VERBOSE | re.IGNORECASE,
)
EVENING_OF = {"last night": "yesterday", "this morning": "today", "this afternoon": "today", "this evening": "today"}
"""Parts of a day said relative to the paper's: `last night's Cool Products Expo` was the day before it."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend")
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
PAST = re.compile(r"\b(?:was|were|held|had|met|took place|opened|closed|ended|concluded|attended|signed|said|"
                  r"visited|arrived|began|became|won|earned|announced|launched|hosted|participated|went|came|"
                  r"died|killed|injured|reached|called|extended|told|took|gave|made|drew|lost|spoke|performed|played|"
                  r"marched|gathered|celebrated|marked|unveiled|released|awarded|crowned)\b",
                  re.I)
PAST_VERB_AFTER = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?"
                             r"\s+(?!(?:need|speed|feed|seed|proceed|exceed|succeed)\b)[a-z]{3,}ed\b")
"""`on Tuesday addressed`, `on Tuesday called for`, `on Saturday night attracted`: a verb in the past right after the
date (or its part of the day)."""
ONGOING = re.compile(r"\b(?:runs|is running|continues|is under way|is underway)\b", re.I)
"""`The competition runs from Tuesday to Saturday` in a Friday paper: the week it is running in."""
NOWADAYS_BEFORE = re.compile(r"\b(?:available|existing|used|seen|known|living|world|society|people|China|Asia|"
                             r"America|Europe)\s+$")
"""`the technologies available today`, `the world today`: `today` as these days."""
FUTURE = re.compile(r"\b(?:will|would(?! have)|to be held|is scheduled|are scheduled|plans? to|upcoming|next)\b"
                    r"|(?<=\w)['’]ll\b", re.I)
"""The words that put a date ahead: `will`, and its `'ll` (`It'll be 15th-17th September`)."""
ATTRIBUTION = re.compile(r"\b(?:said|told|announced)\b", re.I)
"""`…the Venice summit in June, sources said.`: the verb that tells who said it, after the date and a comma, says
nothing of the date's tense."""
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
YEAR_WORDS = {"last": -1, "this": 0, "next": 1}


@lru_cache(maxsize=4096)
def _parse(text: str, base: dt.date | None, prefer: str) -> dt.datetime | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return dateparser.parse(text, languages=["en"], settings=settings)


def find_english_dates(text: str, published: dt.date | None) -> list[DateMatch]:
    """English dates: `Nov 29-30, 2022`, `from June 15 to 18`, `until June 10`, `next Monday`."""
    found = []
    for m in ENGLISH_DATE.finditer(text):
        if (m.group("rel") or "").lower() == "today" and NOWADAYS_BEFORE.search(text, max(0, m.start() - 20),
                                                                                  m.start("rel")):
            continue  # `technologies available today`: these days, not the paper's day
        sentence = text[max(0, m.start() - 80):m.start()]
        ahead = FUTURE.search(sentence) or (m.group("cue") or "").lower() in ("from", "until", "till", "by", "starting")
        prefer = "future" if ahead else "current_period"
        if (m.group("cue") or "").lower() == "from" and not FUTURE.search(sentence) \
                and _said_past(text, m.start(), m.end()):
            prefer = "past"  # `From June 25 to July 2, the 68th session … was held`: a span told of as past
        try:
            date_match = _resolve(m, published, prefer)
        except (ValueError, OverflowError, TypeError):
            continue
        if date_match is not None:
            found.append(date_match)
    return _join_weekday_ranges(text, found)


WEEKDAY_JOINER = re.compile(r"\s*,?\s*(?:to|through|thru|and|-|–)\s*", re.I)
"""`Thursday to Saturday`, `on Saturday and Sunday`, `Tuesday, November 26, and Wednesday, November 27`: two days of
a week that make one span."""


def _join_weekday_ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Two English days joined by `to` or `and` (the later at most a week after the earlier) are one span."""
    result: list[DateMatch] = []
    for date in found:
        previous = result[-1] if result else None
        joined = previous is not None and WEEKDAY_JOINER.fullmatch(text, previous.end, date.start)
        if joined and date.rule == previous.rule == "en:relative" and _ongoing(text, previous, date):
            week_before = previous.interval.start_date - dt.timedelta(days=7)  # `runs from Tuesday to Saturday`
            previous = result[-1] = DateMatch(previous.text, previous.start, previous.end,
                                              Interval(week_before, week_before, "day"), previous.rule, previous.cue,
                                              previous.kind)
        if (joined and date.rule == previous.rule == "en:relative"
                and date.interval.start_date <= previous.interval.end_date):
            later = date.interval.start_date + dt.timedelta(days=7)  # `on Saturday and Sunday`: the Sunday after
            date = DateMatch(date.text, date.start, date.end, Interval(later, later, "day"), date.rule, date.cue,
                             date.kind)
        if (joined
                and previous.interval.precision == date.interval.precision == "day"
                and 0 < (date.interval.start_date - previous.interval.end_date).days <= 6
                and (text[previous.end:date.start].strip(" ,").lower() != "and"
                     or (date.interval.start_date - previous.interval.end_date).days == 1)):
            result[-1] = DateMatch(text[previous.start:date.end], previous.start, date.end,
                                   Interval(previous.interval.start_date, date.interval.end_date, "day"),
                                   previous.rule + "+range", previous.cue, previous.kind)
            continue
        result.append(date)
    return result


def _ongoing(text: str, first: DateMatch, last: DateMatch) -> bool:
    """Two weekdays read ahead, the first a week after the second, in a sentence that says the event is running:
    the span is this week's, around the paper's day."""
    sentence = _own_sentence(text, first.start, last.end)
    return (first.interval.start_date > last.interval.start_date and bool(ONGOING.search(sentence))
            and not FUTURE.search(sentence))


def _resolve(m: re.Match, published: dt.date | None, prefer: str) -> DateMatch | None:
    get = m.group
    year = get("y1") or get("y") or get("yy") or get("moy") or get("pmy") or get("hy")
    if not year and published is None and not get("rel"):
        return None
    if get("hol"):
        start = end = _holiday(m, int(year) if year else None, published, prefer)
        precision = "day"
    elif get("wd"):
        if published is None:
            return None
        start = end = _weekday(get("wd"), (get("wk") or "").strip().lower(), published, m)
        if get("wd").lower() == "weekend":
            end = start + dt.timedelta(days=1)
        precision = "day"
    elif get("part"):
        first = _parse(f"{get('pm')} 1 {year or ''}".strip(), published, prefer)
        if first is None:
            return None
        low, high = MONTH_PARTS[get("part").lower()]
        month_start, month_last, _ = _month_span(first.date())
        start, end, precision = month_start.replace(day=low), month_last.replace(day=min(high, month_last.day)), "month"
    elif get("rel"):
        if published is None:
            return None
        rel = " ".join(get("rel").lower().split())
        first = _parse(EVENING_OF.get(rel, rel), published, "future")
        if first is None:
            return None
        start = end = first.date()
        precision = "day"
        if get("rel").lower().endswith("month"):
            start, end, precision = _month_span(start)
        elif get("rel").lower().endswith("week"):  # `held in Beijing last week`: Monday to Sunday of that week
            start = start - dt.timedelta(days=start.weekday())
            end = start + dt.timedelta(days=6)
    elif get("mo") and get("mow") and published is not None:
        start, end, precision = _month_span(dt.date(published.year + YEAR_WORDS[get("mow").lower()],
                                                    _month_number(get("mo")), 1))
    elif get("mw"):
        if published is None:
            return None
        month, which = _month_number(get("mw")), get("mwo").lower()
        year = published.year + (0 if which == "this" else -1 if which == "last" and month >= published.month
                                 else 1 if which == "next" and month <= published.month else 0)
        start, end, precision = _month_span(dt.date(year, month, 1))  # `last May` in April: May a year ago
    elif get("mo"):
        coming = prefer if year else ("past" if _said_past(m.string, m.start(), m.end()) else "future")
        if not year and published is not None and _month_number(get("mo")) == published.month:
            start, end, precision = _month_span(published)  # `will take place in December` in a December paper
        else:
            first = _parse(f"{get('mo')} {year or ''}".strip(), published, coming)
            if first is None:
                return None
            start, end, precision = _month_span(first.date())
    else:
        month1 = get("m1") or get("mm1")
        day1 = re.sub(r"\D", "", get("d1") or get("dd1"))
        if year or published is None:
            first = _parse(f"{month1} {day1} {year or ''}".strip(), published, prefer)
            if first is None:
                return None
            start = first.date()
        else:
            start = _day_of_year_chosen(_month_number(month1), int(day1), published, prefer)
        end = start
        precision = "day"
        day2 = get("d2") or get("dd2") or get("dd3")
        if day2:
            month2 = get("m2") or get("mm3") or month1
            second = _parse(f"{month2} {re.sub(r'[^0-9]', '', day2)} {get('y') or start.year}", published, prefer)
            if second is None:
                return None
            end = second.date()
            if end < start:
                end = end.replace(year=end.year + 1)
    cue = (get("cue") or "").lower()
    if cue in ("until", "till", "through", "by", "before"):
        cue_name = Cue.DEADLINE if cue in ("by", "before") else Cue.UNTIL
    elif cue in ("since",):
        return None
    else:
        cue_name = Cue.SINCE if cue == "starting" else Cue.NONE
    interval = Interval(start, end, precision)
    if (get("t1") or get("t0")) and precision == "day":
        t1 = _parse(get("t1") or get("t0"), start, "current_period")
        t2 = _parse(get("t2"), start, "current_period") if get("t2") else None
        if t1 is not None:
            interval = Interval(dt.datetime.combine(start, t1.time(), TZ),
                                dt.datetime.combine(end, (t2 or t1).time(), TZ), "time")
    span_start = m.start("cue") if get("cue") and cue in ("until", "till", "by", "before", "from") else m.start() + (
        len(m.group(0)) - len(m.group(0).lstrip()))
    text = m.string[span_start:m.end()].strip()
    kind = ("holiday" if get("hol") else "relative" if get("rel") or get("wd")
            else "month" if get("mo") or get("mw") or get("part")
            else "range" if (get("d2") or get("dd2") or get("dd3")) else "date")
    rule = "en:" + kind
    return DateMatch(text, span_start, span_start + len(text), interval, rule, cue_name)


def _holiday(m: re.Match, year: int | None, published: dt.date | None, prefer: str) -> dt.date:
    """`on Easter Sunday`: the feast's day in the year written, else the one the tense points to (`was held on
    Good Friday` is the last)."""
    name = HOLIDAY_KEYS[re.sub(r"\s+", " ", m.group("hol").lower()).replace("’", "").replace("'", "")]
    if year is not None or published is None:
        return cal.festival_day(name, year or published.year)
    if prefer != "future" and _said_past(m.string, m.start(), m.end()):
        prefer = "past"
    return _year_chosen(lambda y: cal.festival_day(name, y), published, prefer)


def _month_number(name: str) -> int:
    return MONTHS.index(name[:3].lower()) + 1


def _day_of_year_chosen(month: int, day: int, published: dt.date, prefer: str) -> dt.date:
    """`June 3` with no year: the Chinese grammar's choice (`resolve.choose`), the tense told by the English words
    (`a November 19 news conference` in a March paper: last November's)."""
    return _year_chosen(lambda year: maybe_date(year, month, day), published, prefer)


def _year_chosen(day_in: Callable[[int], dt.date | None], published: dt.date, prefer: str) -> dt.date:
    """A day named without its year (`June 3`, `Easter Sunday`): last year's, this year's or next, by the tense."""
    candidates = [d for year in (published.year - 1, published.year, published.year + 1) if (d := day_in(year))]
    return choose(candidates, Context(published, published.year, tense=TENSE_OF_PREFERENCE.get(prefer, Tense.UNSAID)))


TENSE_OF_PREFERENCE = {"future": Tense.ANNOUNCED, "past": Tense.PAST}
"""The tense `choose` reads for dateparser's preference an English sentence gave."""


def _weekday(name: str, which: str, published: dt.date, m: re.Match) -> dt.date:
    """`last Thursday`, `next Monday`, or a bare `Wednesday`: ahead when the verb looks ahead, else behind."""
    wanted = WEEKDAYS.index(name.lower()) % 7 if name.lower() != "weekend" else 5
    ahead = (wanted - published.weekday()) % 7
    if which == "next":
        return published + dt.timedelta(days=ahead or 7)
    if which == "last":
        return published - dt.timedelta(days=(published.weekday() - wanted) % 7 or 7)
    if _said_past(m.string, m.start(), m.end()):
        return published - dt.timedelta(days=(published.weekday() - wanted) % 7)
    return published + dt.timedelta(days=ahead)


def _said_past(text: str, start: int, end: int) -> bool:
    """Whether the verb of the date's clause (`who became chief executive in March, will visit…`), else of its
    sentence, tells of the past; a date with no tense around it (`in January`) is the coming one."""
    if PAST_VERB_AFTER.match(text, end):
        return True  # `Xi on Tuesday addressed the summit`
    clause = _own_clause(text, start, end)
    if PAST.search(clause) or FUTURE.search(clause):
        return bool(PAST.search(clause)) and not FUTURE.search(clause)
    return _nearest_tense_is_past(text, start, end)


def _nearest_tense_is_past(text: str, start: int, end: int) -> bool:
    """The tense of the verb nearest the date in its sentence (`… will be required …, said X, at a press conference
    Tuesday`: said)."""
    begin, finish = _sentence_bounds(text, start, end, reach=240)
    markers = [(m, True) for m in PAST.finditer(text, begin, finish)
               if not (m.start() >= end and ATTRIBUTION.fullmatch(m.group()) and "," in text[end:m.start()])] + \
              [(m, False) for m in FUTURE.finditer(text, begin, finish)]
    if not markers:
        return False
    nearest, past = min(markers, key=lambda marked: min(abs(marked[0].end() - start), abs(marked[0].start() - end)))
    return past


def _own_clause(text: str, start: int, end: int) -> str:
    """The clause a date stands in: its sentence cut at the commas around it."""
    sentence = _own_sentence(text, start, end)
    at = sentence.find(text[start:end])
    before, after = sentence[:max(at, 0)], sentence[max(at, 0):]
    return before[before.rfind(",") + 1:] + after.split(",")[0]


def _month_span(day: dt.date) -> tuple[dt.date, dt.date, str]:
    first = day.replace(day=1)
    next_month = (first + dt.timedelta(days=32)).replace(day=1)
    return first, next_month - dt.timedelta(days=1), "month"


def _own_sentence(text: str, start: int, end: int) -> str:
    """The sentence a date stands in (at most 80 characters before it and 200 after): another sentence's `will`
    is not its."""
    begin, finish = _sentence_bounds(text, start, end)
    return text[begin:finish]


def _sentence_bounds(text: str, start: int, end: int, reach: int = 80) -> tuple[int, int]:
    window = text[max(0, start - reach):start]
    begin = max(0, start - reach) + max(window.rfind(". "), window.rfind("\n")) + 1
    return begin, start + len(SENTENCE_STOP.split(text[start:end + 200], 1)[0])


SENTENCE_STOP = re.compile(r"\.\s|\n")
"""Where the sentence of a date ends, looking forward: a full stop, or the end of its paragraph."""
