"""Named gatherings: each date of a sentence with the event name of its clause, if the clause says it takes place."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from ...models import Cue, DateMatch, Event, Interval
from ..normalize import is_latin
from . import vocabulary as v
from .names import Name, category_of, full_title, is_bare
from .places import location_of, without
from .sentences import CONTEXT_WORDS, MASK, Sentence, as_printed, usable


def named_events(sentence: Sentence, names: list[Name], known: list[Name], due: list[Event],
                 before: str = "") -> list[Event]:
    """Named gatherings: each date with the name of its clause, if the clause says it takes place (`before`: the
    sentence before, where a bare launch's work may be named)."""
    due_spans = {(e.interval.start_date, e.interval.end_date) for e in due}
    dates = [d for d in sentence.dates if (usable(d) or d.cue == Cue.PLANNED) and d.cue != Cue.DEADLINE
             and (d.interval.start_date, d.interval.end_date) not in due_spans]
    if not dates or not names:
        return []
    dates = _not_reports(sentence, dates)
    masked = sentence.masked
    if v.POSTPONED_UNDATED.search(sentence.text):
        return []
    postponed = [d for d in dates if d.cue == Cue.POSTPONED]
    cancelled = bool(v.CANCELLED.search(sentence.text))
    if postponed:
        dates = postponed
    elif cancelled:
        dates = [d for d in sentence.dates if d.cue == Cue.PLANNED] or dates
    severally = _severally(sentence, masked, dates, names)
    if severally:
        return severally
    chooser = _NameChooser(sentence, names, dates)
    in_order = sorted(names, key=lambda n: n.start)
    full_names = [n for n in in_order if not is_bare(n)]

    def held(date: DateMatch, name: Name) -> Event | None:
        """The event `name` is on `date`, if its clause says it takes place then."""
        if _opens_registration(sentence, date, name) or _its_own_day(date, name) or _of_another_time(
                sentence, date, name) or (name.head in v.SPAN_ONLY_HEADS and date.interval.start_date
                                          == date.interval.end_date):
            return None
        if sentence.latin and _english_not_on(sentence, date, name):
            return None
        clause = _clause_text(sentence, masked, date, name)
        happens = (v.HAPPENING_VERBS.search(clause) or v.ENGLISH_VERBS.search(clause)
                   or _named_on_its_day(sentence, date, name) or chooser.held_after(date) is name)
        if not happens or (v.NOT_EVENTS.search(clause) and not _tied(masked, name, sentence)) \
                or (v.SUB_EVENT_SUFFIX.search(name.title) and v.WON.search(clause)) or _a_topic(sentence, name) \
                or v.ATTENDEES_AFTER.match(sentence.masked, name.end - sentence.start) \
                or v.EVE_AFTER.match(sentence.masked, name.end - sentence.start):
            return None
        chooser.take(name)
        named_before = [n for n in full_names if n.start < name.start]  # the full names before it, in order
        title = full_title(name, known + named_before) or _organiser_title(sentence, name) \
            or _work_title(sentence, name, before)
        if title is None:
            return None
        title = _ceremony_of(title, known + named_before)
        place = location_of(without(masked, name.start - sentence.start, name.end - sentence.start))
        category, interval = name.category if name.category != "other" else category_of(title), date.interval
        if v.OPENING_OF.search(sentence.text, 0, name.start - sentence.start):
            interval = Interval(interval.start, interval.start, interval.precision)
        opened = sentence.published
        if date.cue == Cue.UNTIL and opened is not None and opened < interval.start_date:
            interval = Interval(opened, interval.end_date, "day")  # `…日前开展，展期至9月30日`: open now, until then
        if v.DEADLINE_WORDS.search(title) and date.text.startswith(v.FROM_TODAY) \
                and date.interval.end_date > date.interval.start_date:
            title, category = v.CALL_SUFFIX.sub("", title) + "截止", "deadline"  # `征片自即日起至7月15日`
        return sentence.event(title, category, interval, place, "cancelled" if cancelled else "confirmed", date=date)

    events = []
    for date in dates:
        name = chooser.name_for(date)
        event = held(date, name) if name is not None else None
        if event is not None:
            events += [event, *(e for n in _coordinated(sentence, name, in_order) if (e := held(date, n)))]
    if len(events) == 1 and len(dates) == 1 and chooser.leads(dates[0]):
        events += [event for name in _held_in_other_clauses(sentence, chooser, full_names)
                   if (event := held(dates[0], name)) is not None]
    return events


def _coordinated(sentence: Sentence, name: Name, in_order: list[Name]) -> list[Name]:
    """`attended the … Convention 2026 and the Asia Summit on Global Health`, `在…会议后举行记者会`: the names joined
    to this one, held when it is."""
    joined = []
    for later in in_order:
        if later.start < name.end:
            continue
        if not v.COORDINATION.fullmatch(sentence.masked, (joined[-1] if joined else name).end - sentence.start,
                                        later.start - sentence.start):
            break
        joined.append(later)
    first = name
    for earlier in reversed(in_order):  # `「X」与「Y」，将于…举行`, the date's nearest name being Y
        if earlier.end > first.start:
            continue
        if not v.COORDINATION.fullmatch(sentence.masked, earlier.end - sentence.start, first.start - sentence.start):
            break
        joined.append(earlier)
        first = earlier
    return joined


def _held_in_other_clauses(sentence: Sentence, chooser: _NameChooser, full_names: list[Name]) -> list[Name]:
    """`6月17日下午，…创意节开幕第一天，由…举办的“…发布会”在戛纳隆重举行`: the sentence's lead date is also the day
    of another name whose own undated clause says it is held."""
    taken = {sentence.clause_of(n.start) for n in full_names if chooser.is_taken(n)}
    return [n for n in full_names if (clause := sentence.clause_of(n.start)) not in taken and not chooser.dated[clause]
            and v.HELD_AFTER_NAME.match(sentence.masked, n.end - sentence.start)]


def _not_reports(sentence: Sentence, dates: list[DateMatch]) -> list[DateMatch]:
    """`The ministry on Sunday said the meeting was held on Nov. 6`, `昨晚产生了16强，今晚将进行…`: the day
    something was said or results came is not the event's when the sentence gives another."""
    reports = [d for d in dates if v.SAID_AFTER.match(sentence.text, d.end - sentence.start)
               or v.RESULTS_AFTER.match(sentence.text, d.end - sentence.start)
               or v.SAID_ON.search(sentence.text, 0, d.start - sentence.start)]
    return [d for d in dates if d not in reports] if 0 < len(reports) < len(dates) else dates


def carried_date(previous: Sentence, sentence: Sentence, later_that_day: bool = False) -> Sentence | None:
    """`陈健2日表示…。陈健在…洽谈会新闻发布会上说`: a sentence with no date of its own that says where the
    words before were spoken, or that goes on to a later part of that day (`代表团晚上出席…交流会`), is read with
    the one day of the sentence before it, as if that day opened it."""
    if any(usable(d) for d in sentence.dates):
        return None
    days = [d for d in previous.dates if usable(d) and d.cue == Cue.NONE]
    if len(days) > 1:  # `…in mid-November, a spokesperson said Thursday.`: the day the words were said
        days = [d for d in days if v.SAID_ON.search(previous.text, 0, d.start - previous.start)][-1:]
    if len(days) != 1 or days[0].interval.start_date != days[0].interval.end_date:
        return None
    later_that_day = later_that_day and not _quoted(previous, days[0])
    if not (previous.opens_with(days[0]) or v.AT_GATHERING.search(sentence.masked) or later_that_day):
        return None
    lead = replace(days[0], start=sentence.start, end=sentence.start, parts=((sentence.start, sentence.start),))
    return Sentence(sentence.text, sentence.start, sentence.end, [lead], sentence.published)


def _quoted(sentence: Sentence, date: DateMatch) -> bool:
    """`林郑指：「所有2022年6月30号后发生嘅嘢…」`: a date inside someone's words, not the day the story tells."""
    before = sentence.text[:date.start - sentence.start]
    return before.count("「") + before.count("“") > before.count("」") + before.count("”")


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
    return [sentence.event(f"{name.title}({place})", name.category, date.interval, place, date=date)
            for date, place in zip(dates, where, strict=True)]


def _opens_registration(sentence: Sentence, date: DateMatch, name: Name) -> bool:
    """`大赛即日起开始报名`, `竞赛今(3)日起开放报名`: the day a contest opens its registration is not the contest's
    day (a call for entries that is itself the event, `…作品征集活动即日起启动`, is)."""
    if v.DEADLINE_WORDS.search(name.title):
        return False
    return bool(v.REGISTRATION_OPENS.match(sentence.text, date.end - sentence.start)) or (
        date.text.startswith(v.FROM_TODAY) and date.interval.start == date.interval.end
        and bool(v.DEADLINE_WORDS.search(sentence.text)))


QUOTE_AFTER = re.compile(r"\s*“")
"""A quoted title right after a date (corner brackets read as quotes in `masked`)."""


class _NameChooser:
    """Which name a date belongs to: in its clause, else the next clause, else the one before.

    Names are grouped by clause once, so choosing is a lookup per date, not a scan of the sentence.
    """

    def __init__(self, sentence: Sentence, names: list[Name], dates: list[DateMatch]) -> None:
        self.sentence = sentence
        self.names = names
        self.taken: set[int] = set()
        self.by_clause: dict[int, list[Name]] = {}
        for name in names:
            self.by_clause.setdefault(sentence.clause_of(name.start), []).append(name)
        self.dated = Counter(sentence.clause_of(d.start) for d in sentence.dates if usable(d))
        self.held: set[int] = {id(n) for d in dates if (n := self.held_after(d)) is not None}
        """Names the `…举行的` after one of the dates points at: that date's, not another date's of their clause."""
        self.followed: dict[int, Name] = {id(d): n for d in dates if (n := self._followed_by(d)) is not None}
        """The English name right before each date (`the Tokyo summit last May`), by the date's id."""
        self.dated_by: dict[int, DateMatch] = {id(n): d for d in dates if (n := self.followed.get(id(d)))}
        """English names their own date follows: that date's, not another's."""
        self.quote_listed = self._quote_listed(dates)
        """In a list of dates each followed by a quoted title (`7月6日“A”在X、7月11日“B”在Y`), each date's name: the
        one its quote opens, or None when the quote names no event of ours (a listed date is no other item's)."""

    def _quote_listed(self, dates: list[DateMatch]) -> dict[int, Name | None]:
        masked, start = self.sentence.masked, self.sentence.start
        quoted = [(d, quote) for d in dates if (quote := QUOTE_AFTER.match(masked, d.end - start))]
        if len(quoted) < 2:
            return {}
        listed: dict[int, Name | None] = {}
        for date, quote in quoted:
            at = start + quote.end() - 1
            name = listed[id(date)] = next((n for n in self.names if n.start <= at + 1 and at < n.end), None)
            if name is not None:
                self.dated_by.setdefault(id(name), date)
        return listed if any(name is not None for name in listed.values()) else {}

    def take(self, name: Name) -> None:
        self.taken.add(id(name))

    def is_taken(self, name: Name) -> bool:
        return id(name) in self.taken

    def _followed_by(self, date: DateMatch) -> Name | None:
        """The English name standing right before the date (`the Tokyo summit last May`)."""
        if not self.sentence.latin:
            return None
        return next((n for n in self.names if _right_before(self.sentence, n, date)), None)

    def name_for(self, date: DateMatch) -> Name | None:
        sentence = self.sentence
        own = self.followed.get(id(date))
        if own is not None and id(own) not in self.taken:
            return own
        if id(date) in self.quote_listed:
            return self.quote_listed[id(date)]
        if v.HELD_ON_DATE.match(sentence.masked, date.end - sentence.start):
            return self.held_after(date)  # `7月登场的实兵验证`: what follows is held then, named or not
        clause = sentence.clause_of(date.start)
        for wanted in (clause, clause + 1, clause - 1):
            if wanted != clause and self.dated[wanted]:
                continue  # the next clause's name belongs to that clause's own date
            here = [n for n in self.by_clause.get(wanted, ()) if id(n) not in self.taken and id(n) not in self.held
                    and self.dated_by.get(id(n), date) is date]
            if here:
                return min(here, key=lambda n: (is_bare(n) and not n.refers_back, abs(n.start - date.start)))
        if date.cue == Cue.POSTPONED or v.HAPPENING_VERBS.match(sentence.text, date.end - sentence.start):
            before = [n for n in self.names if id(n) not in self.taken and n.end <= date.start and not is_bare(n)]
            return before[-1] if before else None  # `…展览会，经组委会研究，将推迟到7月3日至7日…举办`
        which = self.which_clause(date)
        if which is not None:
            return which
        if sum(self.dated.values()) == 1:
            later = self._first_name_after(sentence.clause_of(date.start))
            if later is not None:
                return later  # `…在6月20日晚8点起，进行熄灯接力，将…“绿色一小时”环保活动呈现给市民`
        if self.closes(date):
            captioned = [n for n in self.names if id(n) not in self.taken and n.end <= date.start and not is_bare(n)]
            if captioned:
                return captioned[0]
        if self.leads(date):
            later = [n for n in self.names if id(n) not in self.taken and n.start > date.end
                     and not self.dated[sentence.clause_of(n.start)] and not (is_bare(n) and not n.refers_back)]
            return later[0] if later else None  # `11月4日、5日，由…主办的“…工作坊”活动于北京举办`
        if sum(self.dated.values()) == 1:
            opening = sentence.text[:len(sentence.text) - len(sentence.text.lstrip())]
            subject = [n for n in self.names if id(n) not in self.taken and self._is_subject(n, len(opening))]
            if subject:
                return subject[0]  # `The summit, organized by …, will be held from June 13-14`
            if sentence.latin:  # `is hosting a CME conference for nurses, physicians and … on May 20-23`
                before = [n for n in self.names if id(n) not in self.taken and n.end <= date.start]
                return before[-1] if before else None
        return None

    def _is_subject(self, name: Name, opening: int) -> bool:
        """A name the sentence opens on: `The summit` named before, or an English name after at most its article or
        a quote mark (`A dialogue and exchange event between …, …, was held on Monday`, `The annual … pilgrimage,
        …, began … early Friday`)."""
        before = self.sentence.text[opening:name.start - self.sentence.start].strip("\"“‘'")
        if name.refers_back:
            return not before
        return (self.sentence.latin and not is_bare(name)
                and (not before or bool(v.ENGLISH_SUBJECT_LEAD.fullmatch(before))))

    def held_after(self, date: DateMatch) -> Name | None:
        """`下月召开的东北亚地方政府首脑峰会`: the name a `…举行的` after the date leads to, in its clause, is the one
        held then."""
        held = v.HELD_ON_DATE.match(self.sentence.masked, date.end - self.sentence.start)
        if held is None:
            return None
        at = self.sentence.start + held.end()
        clause = self.sentence.clause_of(at)
        return next((n for n in self.names if n.start >= at and self.sentence.clause_of(n.start) == clause
                     and id(n) not in self.taken), None)

    def _first_name_after(self, clause: int) -> Name | None:
        """The full name in the first clause after `clause` that holds names, the sentence's only date being before."""
        later = [k for k in self.by_clause if k > clause]
        if not later:
            return None
        full = [n for n in self.by_clause[min(later)] if id(n) not in self.taken and not is_bare(n)
                and not v.FIXTURE_HEAD.fullmatch(n.head)]
        return full[0] if full else None

    def which_clause(self, date: DateMatch) -> Name | None:
        """`the World Ocean Conference, which is scheduled to take place in Qingdao, from June 19 to 23`."""
        sentence = self.sentence
        before = [n for n in self.names if id(n) not in self.taken and n.end <= date.start
                  and v.ENGLISH_WHICH.match(sentence.text, n.end - sentence.start)]
        if not before:
            return None
        name = before[-1]
        between = [d for d in sentence.dates if name.end <= d.start < date.start and usable(d)]
        return None if between else name

    def closes(self, date: DateMatch) -> bool:
        """`X attends the 12th BRICS summit via video link in Beijing, Nov. 17, 2020.`: an English caption's date,
        closing its sentence, is the day of all of it."""
        text, at = self.sentence.text, date.start - self.sentence.start
        return (self.sentence.latin and not text[date.end - self.sentence.start:].strip(" .)")
                and text[:at].rstrip().endswith(",") and sum(self.dated.values()) == 1)

    def leads(self, date: DateMatch) -> bool:
        """A date that opens its sentence (`10月15日-16日，…`) governs all of it, not only its clause."""
        first = next((d for d in self.sentence.dates if usable(d)), None)
        return date is first and self.sentence.opens_with(date) and self.sentence.clause_of(date.start) == 0


SPOKESPERSON = re.compile(r"(?:新闻)?发言人[\u4e00-\u9fff·]*$")
"""`商务部新闻发言人何亚东`: a spokesperson speaks for the body named before the title, which holds the briefing."""


def _organiser_title(sentence: Sentence, name: Name) -> str | None:
    """`最高人民法院今天召开新闻发布会`: a bare head takes its title from who holds it."""
    if not is_bare(name) or name.refers_back:
        return None
    before = sentence.masked[:name.start - sentence.start]
    clause = max((end for _, end in sentence.masked_breaks if end <= len(before)), default=0)
    holder = v.ORGANISER_BEFORE.search(before, clause)
    if holder:
        who = holder.group("who")
        return ((SPOKESPERSON.sub("", who) or who) if who else holder.group("work")) + name.title
    owner = v.OWNER_BEFORE_DE.search(before, clause)
    if owner:
        return owner.group("what") + name.title
    person = v.PRESS_HOLDER.search(before, clause) if name.title in v.PRESS_HEADS else None
    if person:
        return person.group("who") + name.title
    themed = v.THEMED.search(before)
    if themed:
        return as_printed(f"“{themed.group('theme')}”", sentence) + name.title
    speaker = v.SPEAKER_AT.search(before, clause)
    if speaker:
        return speaker.group("who") + name.title
    topic = v.TOPIC_BEFORE.search(before, clause)
    if topic and name.title in v.PRESS_HEADS and not v.NAME_STOP.search(topic.group("what")):
        return topic.group("what") + name.title
    speaker = v.SPEAKER_AFTER.match(sentence.masked, name.end - sentence.start)
    if speaker and name.title in v.PRESS_HEADS:
        return speaker.group("who") + name.title
    spoke_there = v.SPOKE_AT.match(sentence.masked, name.end - sentence.start)
    at = sentence.masked[max(0, name.start - sentence.start - 12):name.start - sentence.start]
    if not (spoke_there and "在" in at and name.title in v.PRESS_HEADS):
        return None
    speaker = v.SPEAKER_OPENS.search(before)
    return (speaker.group("who") if speaker else "") + name.title


def _of_another_time(sentence: Sentence, date: DateMatch, name: Name) -> bool:
    """Whether the name has a time of its own: a time word between the date and it (`去年参加赛车比赛`) or right
    before it (`the recent 79th session`, `曾荣获…影展`, `继…演出后`), a whole the dated part belongs to (`as part of
    the … exhibition`), or a past ceremony dated only by a part of a month (`于10月下旬在上海举行纪念仪式`)."""
    at = name.start - sentence.start
    if v.WON_AT_BEFORE.search(sentence.masked, max(0, at - 8), at) or (
            v.FOLLOWING_ON.search(sentence.masked, max(0, at - 40), at)
            and v.FOLLOWED_ON.match(sentence.masked, name.end - sentence.start)):
        return True
    if date.end <= name.start and (v.OWN_TIME.search(sentence.text, date.end - sentence.start, at)
                                   or v.PART_OF_BEFORE.search(sentence.text, max(0, at - 60), at)
                                   or v.OWN_TIME_BEFORE.search(sentence.text, max(0, at - 20), at)):
        return True
    published = sentence.published
    return (date.interval.precision == "month" and bool(v.ONE_DAY.search(name.title))
            and published is not None and date.interval.end_date < published)


def _ceremony_of(title: str, known: list[Name]) -> str:
    """`The … Exhibition closed in the DPRK. … A closing ceremony took place on October 11.`: an opening or closing
    ceremony with no name of its own is the one of the event named before."""
    if title not in v.ENGLISH_BARE_CEREMONIES:
        return title
    named = [k for k in known if is_latin(k.title) and not k.refers_back and k.title not in v.ENGLISH_BARE_CEREMONIES]
    return f"{title} of the {named[-1].title}" if named else title


def _its_own_day(date: DateMatch, name: Name) -> bool:
    """`首场双选会当天，…`: the day is that named session's own, not the last date the text gave (a bare
    `启动仪式当日` is the event the text is about, on the day it gave)."""
    return name.end == date.start and date.text.startswith(CONTEXT_WORDS) and not is_bare(name)


def _work_title(sentence: Sentence, name: Name, before: str) -> str | None:
    """`新书《海风里的城》今天与读者见面。发布会现场，…`: a bare launch is the launch of the work named before it."""
    if not is_bare(name) or name.title not in v.LAUNCH_HEADS:
        return None
    works = list(v.WORK.finditer(before + sentence.text[:name.start - sentence.start]))
    return f"《{works[-1].group('work')}》{name.title}" if works else None


def _named_on_its_day(sentence: Sentence, date: DateMatch, name: Name) -> bool:
    """`下一战就是4月19日香港电影金像奖颁奖典礼。`: a date right before a name that ends its clause is its day, as is
    an English date standing right before or after its name (`who qualified for the Oct 21-28 WTA Finals`, `a
    November 19 news conference`, `the Venice summit on June 8-10`, `the Tokyo summit last May`, `the Harbour Expo in
    Qingdao on 19 May`, `at the … Summit today (May 11)`), and a date in brackets right after a name (`还有“…”二手市集
    （3月28日至29日）`)."""
    if _in_brackets_after(sentence, name, date):
        return True
    between = sentence.text[date.end - sentence.start:name.start - sentence.start]
    after = sentence.text[name.end - sentence.start:name.end - sentence.start + 1]
    english = sentence.latin
    if english and (_right_before(sentence, name, date) or name.end <= date.start and v.ENGLISH_PLACE_BETWEEN.fullmatch(
            sentence.text, name.end - sentence.start, date.start - sentence.start)) \
            and not v.ENGLISH_RELEASED.search(sentence.text, 0, name.start - sentence.start):
        return True  # `the Venice summit on June 8-10`, `the Harbour Expo in Qingdao on 19 May`
    return name.start >= date.end and not between.strip(" 的") and (
        not after or after in "，,。；;！!？?" or english)


def _in_brackets_after(sentence: Sentence, name: Name, date: DateMatch) -> bool:
    """`二手市集（3月28日至29日）`: the date alone in the brackets that follow the name."""
    text, start = sentence.text, sentence.start
    return (text[name.end - start:date.start - start].strip() in ("（", "(")
            and text[date.end - start:date.end - start + 1] in ("）", ")"))


def _right_before(sentence: Sentence, name: Name, date: DateMatch) -> bool:
    """Whether only spaces, quote marks, a comma and an opening bracket stand between the name and the date after it
    (`the Tao Conference (Sept. 24–26, 2025)`, `Write the Docs Atlantic, on September 10-12, 2023, a new …`)."""
    return name.end <= date.start and not sentence.text[name.end - sentence.start:date.start
                                                        - sentence.start].strip(" '\"’”(,")


def _english_not_on(sentence: Sentence, date: DateMatch, name: Name) -> bool:
    """`will not hold a press conference`: no event; `… told a news conference the bank will … from March 30`: the
    date is of what was told, not of the conference."""
    before = sentence.text[max(0, name.start - sentence.start - 60):name.start - sentence.start]
    if v.ENGLISH_NOT_HELD.search(before):
        return True
    carried = date.start == date.end  # the day of the sentence before, which dates the conference itself
    return bool(v.TOLD_AT.search(before)) and not carried and not _named_on_its_day(sentence, date, name)


def _a_topic(sentence: Sentence, name: Name) -> bool:
    """`…将在会谈上就朝鲜参加平昌冬奥会事宜开展讨论`: a name that talks are about."""
    at = name.start - sentence.start
    return "就" in sentence.text and any(m.start() <= at < m.end() for m in v.TALKS_TOPIC.finditer(sentence.text))


def _clause_text(sentence: Sentence, masked: str, date: DateMatch, name: Name) -> str:
    """The clauses from the date's or name's to the one after: where the verb saying it happens stands."""
    lo = min(date.start, name.start) - sentence.start
    hi = max(date.end, name.end) - sentence.start
    breaks = sentence.masked_breaks
    before = bisect.bisect_left(breaks, (lo, 0)) - 1
    left = breaks[before][1] if before >= 0 and breaks[before][1] <= lo else 0
    after = bisect.bisect_left(breaks, (hi, 0))
    right = breaks[after + 1][0] if after + 1 < len(breaks) else len(masked)  # the verb may stand in the next clause
    return masked[left:right]


def _tied(masked: str, name: Name, sentence: Sentence) -> bool:
    """`…大会在…举行，发布了…`, `在…大会上，…发布了…`: a launch at a gathering held then; the gathering stands."""
    after = masked[name.end - sentence.start:name.end - sentence.start + 30]
    return bool(TIED_AFTER.match(after))


TIED_AFTER = re.compile(r"\s*(?:[\x00\s]*(?:在[^，。]{1,20})?)(?:举行|召开|举办|开幕|启动)|[”》]?(?:上|期间)[，,]")


