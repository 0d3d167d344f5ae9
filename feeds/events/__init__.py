"""Events in an article: a named gathering, a trade mission or a deadline, tied to a date.

Reading is sentence by sentence: the dates in a sentence are paired with the event names,
destinations or things due that stand in the same clause (or the one next to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import find_dates
from ..models import Article, DateMatch, Event, Interval
from . import vocabulary as v

SENTENCE = re.compile(r"(?:[^。！？!?；;\n.]|\.(?!\s+[A-Z\u4e00-\u9fff]))+(?:[。！？!?；;]|\.(?=\s)|$)")
"""A sentence: up to 。！？； or a full stop before the next English sentence (not `Sept. 30`)."""
CLAUSE_BREAK = re.compile(r"[，,：]|(?<!\d):|:(?!\d)")
"""Commas and colons part clauses; the colon of a clock time (`19:30`) does not."""
MASK = "\x00"


@dataclass
class Sentence:
    text: str
    start: int
    end: int
    dates: list[DateMatch]

    def clause_of(self, position: int) -> int:
        return len(CLAUSE_BREAK.findall(self.text, 0, position - self.start))


@dataclass
class Name:
    """An event's name found in a sentence, with where it stands."""

    title: str
    head: str
    start: int
    end: int
    category: str
    refers_back: bool = False
    """`本届时装周`: a bare name that points at the event named before."""


def extract_events(article: Article) -> list[Event]:
    """The events this article reports, each with the sentence it comes from."""
    text = article.body
    published = article.published
    dates = find_dates(text, published.date, published.year)
    events: list[Event] = []
    known_names: list[Name] = []
    for sentence in _sentences(text, dates):
        names = _names(sentence, text)
        found = (_deadlines(sentence, text, article, known_names) or _trade_missions(sentence, text)
                 or _named_events(sentence, text, names, known_names))
        known_names += [n for n in names if n.head != n.title]
        events += found
    return _with_places(_unique(_calls_with_deadlines(events, published.date)), text)


def _with_places(events: list[Event], text: str) -> list[Event]:
    """An event whose own sentence names no place: where another sentence about it, or its name, puts it."""
    for event in events:
        if event.location:
            continue
        for sentence in SENTENCE.finditer(text):
            if event.title in sentence.group(0) and sentence.start() != event.evidence_start:
                event.location = _location(sentence.group(0).replace(event.title, MASK * len(event.title)))
                if event.location:
                    break
        if not event.location:
            event.location = next((city for city in v.CITIES if city in event.title), "")
    return events


def _calls_with_deadlines(events: list[Event], published) -> list[Event]:
    """`…作品征集活动即日起启动。…截止时间为1月20日`: a call opened today runs to the deadline given after it."""
    absorbed: set[int] = set()
    for event in events:
        opened = (v.DEADLINE_WORDS.search(event.title) and event.category != "deadline"
                  and event.interval.start_date == event.interval.end_date == published)
        if not opened:
            continue
        deadline = next((d for d in events if d.category == "deadline" and id(d) not in absorbed
                         and 0 <= d.evidence_start - event.evidence_end < 200), None)
        if deadline is None:
            continue
        absorbed.add(id(deadline))
        event.title = re.sub(r"(?:活动|工作)$", "", event.title) + "截止"
        event.category = "deadline"
        event.interval = Interval(event.interval.start_date, deadline.interval.end_date, "day")
        event.evidence = event.evidence + deadline.evidence
        event.evidence_end = deadline.evidence_end
    return [e for e in events if id(e) not in absorbed]


def _sentences(text: str, dates: list[DateMatch]) -> list[Sentence]:
    result = []
    for m in SENTENCE.finditer(text):
        inside = [d for d in dates if m.start() <= d.start < m.end()]
        result.append(Sentence(m.group(0), m.start(), m.end(), inside))
    return result


def _usable(date: DateMatch) -> bool:
    """Dates an event can stand on: not a plan's years, a half-year, or what is `原定` before a postponement."""
    return date.cue not in ("planned", "reported", "period") and not date.rule.startswith("year-part")


def _masked(sentence: Sentence) -> str:
    """The sentence with its dates blanked out, so names and places do not swallow them."""
    chars = list(sentence.text)
    for d in sentence.dates:
        for start, end in d.pieces:
            for i in range(max(start - sentence.start, 0), min(end - sentence.start, len(chars))):
                chars[i] = MASK
    return "".join(chars)


def _names(sentence: Sentence, text: str) -> list[Name]:
    """Event names in the sentence, longest first where one contains another."""
    masked = _masked(sentence)
    in_book_title = _book_title_spans(masked)
    names = []
    for head in v.EVENT_HEAD.finditer(masked):
        if any(a <= head.start() < b for a, b in in_book_title):
            continue
        if v.NOT_A_GATHERING_BEFORE.search(masked, max(0, head.start() - 3), head.start()):
            continue
        left = _name_start(masked, head.start())
        title = _clean_title(masked[left:head.end()])
        if not title or MASK in title:
            continue
        start = sentence.start + head.end() - len(title)
        end = sentence.start + head.end()
        inner = v.OPENING_SUFFIX.sub("", title)
        if inner != title and v.EVENT_HEAD.search(inner[-6:]):
            title = inner
        refers_back = bool(v.COREFERENCE.search(masked[max(0, left - 3):left])) or not masked[:left].strip()
        names.append(Name(title, head.group(0), start, end, _category(title), refers_back))
    for m in v.ENGLISH_NAME.finditer(masked):
        if m.group(0) != m.group("head"):
            category = next(c for p, c in v.ENGLISH_CATEGORY if p.search(m.group("head")))
            names.append(Name(m.group(0).strip(), m.group("head"), sentence.start + m.start(),
                              sentence.start + m.end(), category))
    return [n for n in names if not any(o is not n and o.start <= n.start and n.end <= o.end for o in names)]


def _book_title_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》", text)]


def _name_start(masked: str, head_start: int) -> int:
    """Read leftwards from the head word until a word or mark that no name contains."""
    i = head_start
    depth = 0
    while i > 0:
        ch = masked[i - 1]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if v.NAME_STOP_BEFORE.search(masked[max(0, i - 6):i]):
                if ch == "”" and _quote_opens_before(masked, i, head_start):
                    i = masked.rfind("“", 0, i)
                    continue
                break
            if ch == MASK:
                break
        i -= 1
    return i


def _quote_opens_before(masked: str, i: int, head_start: int) -> bool:
    """`“繁花似锦”首届…作品展`, `“传承与创新”活动`: a quoted phrase inside a name, or the name itself."""
    opening = masked.rfind("“", 0, i)
    if opening < 0 or i - opening > 42:
        return False
    return i == head_start or i - opening <= 20


def _clean_title(title: str) -> str:
    title = v.TITLE_TRIM_LEFT.sub("", title.strip())
    if title.count("“") < title.count("”"):
        title = title.replace("”", "", 1)
    elif title.count("“") > title.count("”"):
        title = title.replace("“", "", 1)
    if title.count("(") < title.count(")"):
        title = title[title.index(")") + 1:]
    return title.strip("\"' ")


def _category(title: str) -> str:
    for pattern, category in v.HEAD_CATEGORY:
        if pattern.search(title):
            return category
    return "other"


def _bare_form(name: Name) -> str:
    return re.sub(r"^(?:本届|此次|这次|本次|该|相关|新闻|有关|首届|一场|两场|三场|多场|本场|系列|大赛|赛事|The )", "",
                  name.title)


def _is_bare(name: Name) -> bool:
    bare = _bare_form(name)
    return bare in v.BARE_HEADS or len(bare) < len(name.head) + 2


def _named_events(sentence: Sentence, text: str, names: list[Name], known: list[Name]) -> list[Event]:
    dates = [d for d in sentence.dates if _usable(d) or d.cue == "planned"]
    if not dates or not names:
        return []
    masked = _masked(sentence)
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
        clause = _clause_text(sentence, masked, date, name)
        happens = v.HAPPENING_VERBS.search(clause) or v.ENGLISH_VERBS.search(clause)
        if not happens or (v.NOT_EVENTS.search(clause) and not _tied(masked, name, sentence)):
            continue
        taken.add(id(name))
        title = _full_title(name, known + [n for n in names if n.start < name.start and not _is_bare(n)])
        if title is None:
            continue
        events.append(Event(
            title=title,
            category=name.category,
            interval=date.interval,
            evidence=sentence.text.strip(),
            evidence_start=sentence.start,
            evidence_end=sentence.end,
            location=_location(_without(masked, name.start - sentence.start, name.end - sentence.start)),
            status="cancelled" if cancelled else "confirmed",
        ))
    return events


def _severally(sentence: Sentence, masked: str, dates: list[DateMatch], names: list[Name]) -> list[Event]:
    """`…运动会分别于6月10日、17日在市南区、市北区举行`: one event per date, at its place."""
    full = [n for n in names if not _is_bare(n)]
    places = v.PLACE_LIST.search(masked)
    if len(dates) < 2 or len(full) != 1 or not places or not v.SEVERALLY.search(masked):
        return []
    where = [p for p in v.DESTINATION_SPLIT.split(places.group("places")) if p and MASK not in p]
    if len(where) != len(dates):
        return []
    name = full[0]
    return [Event(
        title=f"{name.title}({place})",
        category=name.category,
        interval=date.interval,
        evidence=sentence.text.strip(),
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        location=place,
    ) for date, place in zip(dates, where, strict=True)]


def _full_title(name: Name, known: list[Name]) -> str | None:
    """A bare name's full title: `本届时装周` is the one named before; `决赛` is the final of it."""
    if not _is_bare(name):
        return name.title
    part = _bare_form(name)
    parents = [k for k in known if not v.SUB_EVENTS.match(_bare_form(k))]
    if v.SUB_EVENTS.match(part) and parents:
        parent = v.SUB_EVENT_SUFFIX.sub("", parents[-1].title)
        return f"{parent} {part.removeprefix('The ')}" if parent.isascii() else parent + part
    if not name.refers_back:
        return None
    earlier = next((k for k in reversed(known) if k.head == name.head), None)
    earlier = earlier or next((k for k in reversed(known) if k.head[-1:] == name.head[-1:]), None)
    return earlier.title if earlier is not None else None


def _name_for(sentence: Sentence, date: DateMatch, names: list[Name], taken: set[int]) -> Name | None:
    """The name the date belongs to: in its clause, else the next clause, else the one before."""
    clause = sentence.clause_of(date.start)
    free = [n for n in names if id(n) not in taken]
    dated = {sentence.clause_of(d.start) for d in sentence.dates if d is not date and _usable(d)}
    for wanted in (clause, clause + 1, clause - 1):
        if wanted != clause and wanted in dated:
            continue
        here = [n for n in free if sentence.clause_of(n.start) == wanted]
        if here:
            return min(here, key=lambda n: (_is_bare(n) and not n.refers_back, abs(n.start - date.start)))
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


def _without(masked: str, start: int, end: int) -> str:
    """The sentence with the event's own name blanked: `青岛国际啤酒节` names no venue."""
    return masked[:max(start, 0)] + MASK * (end - max(start, 0)) + masked[end:]


def _location(masked: str) -> str:
    """The venue the sentence names (`在黄海饭店召开`), else a city it names."""
    labeled = v.VENUE_LABELED.search(masked)
    if labeled and MASK not in labeled.group("place"):
        return labeled.group("place")
    for m in v.VENUE.finditer(masked):
        place = m.group("place").strip(MASK + " ")
        if len(place) >= 2 and MASK not in place and not v.NOT_PLACES.search(place):
            return re.sub(r"^(?:位于|地处)", "", place)
    abbreviated = re.search(r"在([青京沪深穗津渝蓉杭济烟])(?:举行|举办|召开|开幕|启动)", masked)
    if abbreviated:
        return v.PLACE_ABBREVIATIONS[abbreviated.group(1)]
    english = v.VENUE_EN.search(masked)
    if english:
        return (english.group("place") or english.group("area")).strip()
    city = v.CITY_AFTER_PREPOSITION.search(masked)
    return city.group("city") if city else ""


def _deadlines(sentence: Sentence, text: str, article: Article, known: list[Name]) -> list[Event]:
    """`即日起至12月15日…提出意见建议`, `报名截止日期为X`: the day something is due."""
    due = [d for d in sentence.dates if d.cue in ("deadline", "until")
           or (d.text.startswith(("即日", "今起")) and d.interval.end_date > d.interval.start_date)]
    english = v.ENGLISH_DEADLINE.search(sentence.text)
    if not due or not (v.DEADLINE_WORDS.search(sentence.text) or english):
        return []
    date = due[0]
    if english:
        title = f"{english.group('what')}{english.group('rest').rstrip()} closes"
    else:
        title = _deadline_title(sentence, date, article, known)
    interval = date.interval
    if date.cue == "deadline":
        interval = Interval(interval.end_date, interval.end_date, interval.precision)
    return [Event(
        title=title,
        category="deadline",
        interval=interval,
        evidence=sentence.text.strip(),
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        location="",
    )]


def _deadline_title(sentence: Sentence, date: DateMatch, article: Article, known: list[Name]) -> str:
    """What is due: a quoted name, the clause that says what is submitted, or the event it is for."""
    what = next(label for word, label in (*v.DEADLINE_LABELS, ("", "截止")) if word in sentence.text)
    quoted = [m for m in v.QUOTED_NAME.finditer(sentence.text) if m.group("name")]
    if quoted:
        return f"“{quoted[-1].group('name')}”{what}"
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.text, 0, date.start - sentence.start)),
                       default=0)
    before = sentence.text[clause_start:date.start - sentence.start]
    before = re.split(r"(?:将于|须于|请于|应于|于|将|请|须|需|务必|在)(?=[^将于请须需在]*$)", before)[0]
    if v.DEADLINE_WORDS.search(before) and len(before) >= 4:
        return re.sub(r"(?:工作|活动)$", "", before) + "截止"
    if known:
        return known[-1].title + what
    return re.sub(r"[,，。:：!！?？].*$", "", article.headline)[:30] + what


def _trade_missions(sentence: Sentence, text: str) -> list[Event]:
    """`拟于A、B，分别组织企业赴甲、乙开展…`: dates paired in order with destinations."""
    masked = _masked(sentence)
    mission = v.TRADE_MISSION.search(masked)
    if not mission:
        return []
    clause = sentence.clause_of(sentence.start + mission.start())
    dates = [d for d in sentence.dates if _usable(d) and d.start < sentence.start + mission.start()
             and sentence.clause_of(d.start) in (clause, clause - 1)]
    if not dates:
        return []
    places = [p.strip() for p in v.DESTINATION_SPLIT.split(mission.group("places").rstrip("等")) if p.strip()]
    places = [re.sub(r"等$", "", p) for p in places]
    who = mission.group("who").strip()
    tail = mission.group("what") + re.sub(r"[，,。；;].*$", "", mission.group("rest"))
    verb = masked[mission.start():mission.start() + 2]
    subject = verb + who
    if len(dates) == len(places) and len(places) > 1:
        pairs = list(zip(dates, places, strict=True))
    else:
        pairs = [(date, "、".join(places)) for date in dates]
    return [Event(
        title=f"{subject}赴{place}{tail}",
        category="trade_mission",
        interval=date.interval,
        evidence=sentence.text.strip(),
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        location=place,
    ) for date, place in pairs]


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
        if wider:
            first.interval = event.interval
            first.location = first.location or event.location
    return result
