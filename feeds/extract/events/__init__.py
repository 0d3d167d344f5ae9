"""Events in an article: a named gathering, a trade mission or a deadline, tied to a date.

Reading is sentence by sentence: the dates in a sentence are paired with the event names,
destinations or things due that stand in the same clause (or the one next to it).
"""

from __future__ import annotations

import re

from ...models import Article, DateMatch, Event, Interval
from ..dates import find_dates
from ..sentences import CLAUSE_BREAK
from . import vocabulary as v
from .deadlines import calls_with_deadlines, deadlines
from .listings import listed_events
from .missions import trade_missions
from .names import Name, find_names, full_title, is_bare
from .places import fill_places, location_of, without
from .sentences import MASK, Sentence, masked_text, split_sentences, usable


def extract_events(article: Article) -> list[Event]:
    """The events this article reports, each with the sentence it comes from."""
    text = article.body
    published = article.published
    dates = find_dates(text, published.date, published.year)
    sentences = split_sentences(text, dates, published.date)
    events, listed = listed_events(sentences, article)
    known_names: list[Name] = []
    for i, sentence in enumerate(sentences):
        names = find_names(sentence)
        if i not in listed:  # a listing's lines were read as a listing
            due = deadlines(sentence, article, known_names, names)
            events += due + (trade_missions(sentence) or _named_events(sentence, names, known_names, due))
        known_names += [n for n in names if n.head != n.title]
    return fill_places(_unique(calls_with_deadlines(events, published.date)), text)


def _named_events(sentence: Sentence, names: list[Name], known: list[Name], due: list[Event]) -> list[Event]:
    """Named gatherings: each date with the name of its clause, if the clause says it takes place."""
    due_spans = {(e.interval.start_date, e.interval.end_date) for e in due}
    dates = [d for d in sentence.dates if (usable(d) or d.cue == "planned") and d.cue != "deadline"
             and (d.interval.start_date, d.interval.end_date) not in due_spans]
    if not dates or not names:
        return []
    masked = masked_text(sentence)
    if v.POSTPONED_UNDATED.search(sentence.text):
        return []
    postponed = [d for d in dates if d.cue == "postponed"]
    cancelled = bool(v.CANCELLED.search(sentence.text))
    if postponed:
        dates = postponed
    elif cancelled:
        dates = [d for d in sentence.dates if d.cue == "planned"] or dates
    severally = _severally(sentence, masked, dates, names)
    if severally:
        return severally
    events = []
    taken: set[int] = set()
    for date in dates:
        name = _name_for(sentence, date, names, taken)
        if name is None:
            continue
        if _opens_registration(sentence, date, name):
            continue
        clause = _clause_text(sentence, masked, date, name)
        happens = v.HAPPENING_VERBS.search(clause) or v.ENGLISH_VERBS.search(clause)
        if not happens or (v.NOT_EVENTS.search(clause) and not _tied(masked, name, sentence)):
            continue
        taken.add(id(name))
        title = full_title(name, known + [n for n in names if n.start < name.start and not is_bare(n)])
        if title is None:
            continue
        place = location_of(without(masked, name.start - sentence.start, name.end - sentence.start))
        category, interval = name.category, date.interval
        opened = sentence.published
        if date.cue == "until" and opened is not None and opened < interval.start_date:
            interval = Interval(opened, interval.end_date, "day")  # `…日前开展，展期至9月30日`: open now, until then
        if v.DEADLINE_WORDS.search(title) and date.text.startswith(("即日", "今起")) \
                and date.interval.end_date > date.interval.start_date:
            title, category = re.sub(r"(?:活动|工作)$", "", title) + "截止", "deadline"  # `征片自即日起至7月15日`
        events.append(sentence.event(title, category, interval, place, "cancelled" if cancelled else "confirmed"))
    return events


def _severally(sentence: Sentence, masked: str, dates: list[DateMatch], names: list[Name]) -> list[Event]:
    """`…运动会分别于6月10日、17日在市南区、市北区举行`: one event per date, at its place."""
    full = [n for n in names if not is_bare(n)]
    places = v.PLACE_LIST.search(masked)
    if len(dates) < 2 or len(full) != 1 or not places or not v.SEVERALLY.search(masked):
        return []
    where = [p for p in v.DESTINATION_SPLIT.split(places.group("places")) if p and MASK not in p]
    if len(where) != len(dates):
        return []
    name = full[0]
    return [sentence.event(f"{name.title}({place})", name.category, date.interval, place)
            for date, place in zip(dates, where, strict=True)]


def _opens_registration(sentence: Sentence, date: DateMatch, name: Name) -> bool:
    """`大赛即日起开始报名`: the day a contest opens its registration is not the contest's day
    (a call for entries that is itself the event, `…作品征集活动即日起启动`, is)."""
    return (date.text.startswith(("即日", "今起")) and date.interval.start == date.interval.end
            and bool(v.DEADLINE_WORDS.search(sentence.text)) and not v.DEADLINE_WORDS.search(name.title))


def _name_for(sentence: Sentence, date: DateMatch, names: list[Name], taken: set[int]) -> Name | None:
    """The name the date belongs to: in its clause, else the next clause, else the one before."""
    clause = sentence.clause_of(date.start)
    free = [n for n in names if id(n) not in taken]
    dated = {sentence.clause_of(d.start) for d in sentence.dates if d is not date and usable(d)}
    for wanted in (clause, clause + 1, clause - 1):
        if wanted != clause and wanted in dated:
            continue
        here = [n for n in free if sentence.clause_of(n.start) == wanted]
        if here:
            return min(here, key=lambda n: (is_bare(n) and not n.refers_back, abs(n.start - date.start)))
    if date.cue == "postponed" or v.HAPPENING_VERBS.match(sentence.text, date.end - sentence.start):
        before = [n for n in free if n.end <= date.start and not is_bare(n)]
        return before[-1] if before else None  # `…展览会，经组委会研究，将推迟到7月3日至7日…举办`
    return None


def _clause_text(sentence: Sentence, masked: str, date: DateMatch, name: Name) -> str:
    lo = min(date.start, name.start) - sentence.start
    hi = max(date.end, name.end) - sentence.start
    left = max((m.end() for m in CLAUSE_BREAK.finditer(masked, 0, lo)), default=0)
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(masked, hi)]
    right = breaks[1] if len(breaks) > 1 else len(masked)  # the verb may stand in the next clause
    return masked[left:right]


def _tied(masked: str, name: Name, sentence: Sentence) -> bool:
    after = masked[name.end - sentence.start:name.end - sentence.start + 30]
    return bool(re.match(r"\s*(?:[\x00\s]*(?:在[^，。]{1,20})?)(?:举行|召开|举办|开幕|启动)", after))


def _unique(events: list[Event]) -> list[Event]:
    """One event per name in an article: the first mention, widened when a later one gives the full span."""
    seen: dict[str, int] = {}
    result: list[Event] = []
    for event in events:
        key = re.sub(r"\W", "", event.title)
        if key not in seen:
            seen[key] = len(result)
            result.append(event)
            continue
        first = result[seen[key]]
        wider = (event.interval.start_date == first.interval.start_date
                 and event.interval.end_date > first.interval.end_date)
        extended = event.category == first.category == "deadline" and event.interval.end_date > first.interval.end_date
        if extended:  # `报名截止时间延长至5月31日`
            first.interval, first.evidence = event.interval, event.evidence
            first.evidence_start, first.evidence_end = event.evidence_start, event.evidence_end
        elif wider:
            first.interval = event.interval
            first.location = first.location or event.location
    return result
