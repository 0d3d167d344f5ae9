"""One event per name in an article: later mentions widen or extend the first instead of repeating it."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace

from ...models import Article, Event, Interval
from ..dates.grammar import ENGLISH_COUNT, ENGLISH_NUMBERS
from ..dates.resolve import Unresolvable, number

NAME_KEY = re.compile(r"\W")
"""What two mentions of one name may differ in: spaces and punctuation."""


def one_per_name(events: list[Event], _article: Article) -> list[Event]:
    """The first mention of each name, widened when a later one gives the full span or a later deadline, made exact
    when a later one gives the days of a month."""
    seen: dict[str, int] = {}
    result: list[Event] = []
    for event in events:
        key = NAME_KEY.sub("", event.title)
        if key not in seen:
            day = event.interval.start_date
            if any(_shortens(key, k) and (result[i].interval.start_date == day
                                          or (k.endswith(key) and _vaguer(event, result[i]))) for k, i in seen.items()):
                continue  # `战略对话` after `首轮中美战略与经济对话` on the same day, `3、4月…举办蘭花比賽` after
                # `…蘭花比賽將在3月31日到4月5日舉行`: the same event, named shorter
            shorter = next((i for k, i in seen.items() if key.endswith(k) and result[i].interval == event.interval),
                           None)
            if shorter is not None:  # `例行新闻发布会`, then `市商务局例行新闻发布会`: the full name titles it
                result[shorter] = replace(result[shorter], title=event.title)
                seen[key] = shorter
            elif (same := next((i for k, i in seen.items() if _same_show(k, result[i], key, event)), None)) is not None:
                result[same] = replace(result[same], location=result[same].location or event.location)
            else:
                seen[key] = len(result)
                result.append(event)
            continue
        first = result[seen[key]]
        wider = (event.interval.start_date <= first.interval.start_date
                 and event.interval.end_date >= first.interval.end_date
                 and event.interval.end_date - event.interval.start_date
                 > first.interval.end_date - first.interval.start_date  # `…Cup on Friday. …runs Tue–Sat`
                 and not _vaguer(event, first))
        extended = event.category == first.category == "deadline" and event.interval.end_date > first.interval.end_date
        refined = (first.interval.precision == "month" and event.interval.precision != "month"
                   and first.interval.start_date <= event.interval.start_date
                   and event.interval.end_date <= first.interval.end_date)  # `…summit in June`, `the June 8-10 summit`
        if refined:
            result[seen[key]] = replace(first, interval=event.interval, location=first.location or event.location)
        elif extended:  # `报名截止时间延长至5月31日`
            result[seen[key]] = replace(first, interval=event.interval, evidence=event.evidence,
                                        evidence_start=event.evidence_start, evidence_end=event.evidence_end)
        elif wider:
            result[seen[key]] = replace(first, interval=event.interval, location=first.location or event.location)
    return result


SHARED_TAIL_CHARS = 4
"""How long a tail two names of one show share at least: `藝術聯展`, not `联展` (a calligraphy and a photo show)."""


def _same_show(key: str, first: Event, other_key: str, other: Event) -> bool:
    """`劉麗芬藝術聯展` in the headline, `「風生水起」藝術聯展` in the body: one exhibition, named by its artist and by
    its title, when the two end on the same day and share the tail of their names (at least half the shorter one); or
    one thing called an activity the day it is held, when the names begin alike."""
    if first.interval.start_date == other.interval.start_date and (key.endswith("活动") or other_key.endswith("活动")):
        # `小公視開台記者會`, then `「小公視」開台活動` that day: the press event, called an activity
        return len(os.path.commonprefix([key, other_key])) >= SHARED_TAIL_CHARS
    if not first.category == other.category == "exhibition" or first.interval.end_date != other.interval.end_date:
        return False  # two meetings alike in name are two cities' (`佛山…交流会`, `东莞…交流会`), not one
    shared = len(os.path.commonprefix([key[::-1], other_key[::-1]]))
    return shared >= max(SHARED_TAIL_CHARS, min(len(key), len(other_key)) / 2)


def _vaguer(later: Event, first: Event) -> bool:
    """A month-only mention whose months hold an event dated to the day."""
    return (later.interval.precision == "month" != first.interval.precision
            and later.interval.start_date <= first.interval.start_date
            and first.interval.end_date <= later.interval.end_date)


def _shortens(short: str, full: str) -> bool:
    """`常委会议` shortens `十一届全国人大常委会第九次会议`: its characters stand in the full name, in order."""
    if len(short) >= len(full) or len(short) < 2:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


LENGTH_AFTER = re.compile(r"\s*(?:本届|此次|本次|这次)?(?:为期|历时)\s*(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})"
                          r"\s*天的"
                          r"(?:会议|大会|活动|展会|展览|论坛|峰会|赛事|比赛|博览会|交易会)")
"""`…今天在香港举行。为期两天的会议将探讨…`: the sentence after a one-day event gives its length."""

LENGTH_BEFORE_NAME = re.compile(r"\b(?P<en_days>" + ENGLISH_COUNT + r")-day\b")
"""`the four-day fifth plenary session … concluded on Thursday`: the length an English name's own sentence gives it
(`for four consecutive days` and `一连四天` the date parser reads as the span itself)."""

COUNT_GROUPS = ("n", "n_this", "en_days")
"""The groups of the length patterns that hold the number of days."""

CLOSES = re.compile(r"闭幕|落幕|结束|收官|落下帷幕|\b(?:conclu\w+|closed|closes|ended|ends|wrapped up)\b")

LENGTH_LATER = re.compile(r"(?:本届|此次|本次|这次)?"
                          r"(?P<what>会议|大会|论坛|峰会|展会|展览|博览会|交易会|比赛|赛事|大赛)"
                          r"(?:为期|历时|会期|赛期)\s*(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*天(?!的)"
                          r"|(?:这场|这次|本届|此次|本次|是次)(?:[^。；;]{0,30}?[，,])?(?:为期|历时|一连|连续)\s*"
                          r"(?P<n_this>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*天"
                          r"|\b[Tt]he (?P<en_days>" + ENGLISH_COUNT + r")-day "
                          r"(?P<en_what>event|fair|expo|exhibition|show|festival|conference|forum|summit|competition|tournament|games)\b")
"""`…攀岩大赛12日在日照举行。…比赛为期两天，…`, `这场为期三天的二次元盛宴`, `本届旅博会以…为主题，一连三天吸引…`,
`The five-day event was …`: a later sentence gives a one-day event its length."""
LENGTH_LATER_REACH = 300
"""How far after an event's sentence its length may be given."""
LENGTH_NOUN_CATEGORY = {"比赛": "competition", "赛事": "competition", "大赛": "competition", "展会": "fair",
                        "展览": "exhibition", "博览会": "fair", "交易会": "fair", "fair": "fair", "expo": "fair",
                        "exhibition": "exhibition", "show": "exhibition", "festival": "festival",
                        "competition": "competition", "tournament": "competition", "games": "competition"}
"""The category of the event a bare noun stands for (`event` stands for any; the rest are meetings)."""


def length_from_next_sentence(events: list[Event], article: Article) -> list[Event]:
    """A one-day event whose own sentence gives its length (`the four-day …`), whose next sentence opens with
    `为期两天的会议`, or whose bare name is said later to last that long (`比赛为期两天`), lasts that long."""
    result = []
    for k, event in enumerate(events):
        length = _own_length(event) or LENGTH_AFTER.match(article.body, event.evidence_end) \
            or _length_later(events, k, article)
        if length and event.interval.start_date == event.interval.end_date and event.interval.precision == "day":
            days = _count(next(n for key, n in length.groupdict().items() if n and key in COUNT_GROUPS))
            if days and days > 1:
                day, length = event.interval.start_date, dt.timedelta(days=days - 1)
                closing = CLOSES.search(event.evidence)  # `…今天闭幕。为期6天的展会…`: it began days before
                event = replace(event, interval=Interval(day - length, day, "day") if closing
                                else Interval(day, day + length, "day"))
        result.append(event)
    return result


def _own_length(event: Event) -> re.Match[str] | None:
    """`the four-day …` right before the event's name (not `the award ceremony for the two-day training
    programme`)."""
    for length in LENGTH_BEFORE_NAME.finditer(event.evidence):
        if event.title in event.evidence[length.end():length.end() + len(event.title) + OWN_LENGTH_REACH]:
            return length
    return None


OWN_LENGTH_REACH = 40
"""How far before an English name its `N-day` may stand (`the four-day fifth plenary session`)."""


def _length_later(events: list[Event], k: int, article: Article) -> re.Match[str] | None:
    """`比赛为期两天` after this event, before any later event of its kind is named: this event's length (`The
    three-day conference, …, is a follow-up to the Regional Conference held …` is still the first one's)."""
    event = events[k]
    length = LENGTH_LATER.search(article.body, event.evidence_end, event.evidence_end + LENGTH_LATER_REACH)
    if length is None:
        return None
    what = length.group("what") or length.group("en_what") or "event"  # `这场为期三天的…盛宴`: whatever it is
    if what != "event" and LENGTH_NOUN_CATEGORY.get(what, "conference") != event.category:
        return None
    later = any(e.category == event.category and event.evidence_end <= e.evidence_start
                and article.body.find(e.title, e.evidence_start, length.start()) >= 0 for e in events[k + 1:])
    return None if later else length


def _count(text: str) -> int | None:
    if text in ENGLISH_NUMBERS:
        return ENGLISH_NUMBERS[text]  # `the four-day …`
    try:
        return number(text)
    except Unresolvable:
        return None
