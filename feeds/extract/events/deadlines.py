"""Deadlines: the day something is due (`即日起至X`, `报名截止日期为X`)."""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Article, Cue, DateKind, DateMatch, Event, Interval
from ..dates import OPEN_CLOSE_RULE
from ..sentences import CLAUSE_BREAK
from . import vocabulary as v
from .names import Name, is_bare
from .sentences import Sentence, as_printed, usable


def deadlines(sentence: Sentence, article: Article, known: list[Name], names: list[Name],
              previous: Sentence | None = None) -> list[Event]:
    """`即日起至12月15日…提出意见建议`, `报名截止日期为X`: the day something is due; under a notice's item
    `（一）用人单位报名。`, the item says what."""
    opened = [d for d in sentence.dates
              if d.text.startswith(v.FROM_TODAY) and d.interval.end_date > d.interval.start_date]
    if opened and any(not is_bare(n) for n in names) and v.HOLDING_VERBS.search(sentence.text):
        opened = []  # `自即日起至6月30日…举办“网络招聘月”活动`: the event's own span, not a deadline
    labelled = [d for d in sentence.dates if d.cue == Cue.DEADLINE and _before(sentence, d, v.DEADLINE_LABELLED)]
    moved = [d for d in sentence.dates if d.cue == Cue.TARGET and _before(sentence, d, v.DEADLINE_MOVED)]
    closing = [d for d in sentence.dates if d.rule == OPEN_CLOSE_RULE
               and v.CLOSES_AFTER.match(sentence.text, d.end - sentence.start)]
    due = [d for d in sentence.dates if d.cue in (Cue.DEADLINE, Cue.UNTIL, Cue.POSTPONED)
           and not _as_of(sentence, d)] + opened + closing
    due.sort(key=lambda d: (d.cue != Cue.POSTPONED, d.start))  # `由5月10日延长至5月31日`: the new date
    due = moved + due
    english = v.ENGLISH_DEADLINE.search(sentence.text) or v.ENGLISH_DEADLINE_IS.search(sentence.text)
    applying = None if english else v.ENGLISH_APPLY_BY.search(sentence.text)
    if english and not due:  # `Applications close on July 10`, `… received by the end of the day October 1`
        due = [d for d in sentence.dates if 0 <= d.start - sentence.start - english.end() <= ENGLISH_DUE_REACH][:1]
    edge = _period_edge(sentence) or _opened_then_moved(sentence, due) or ([] if due else _registration_opens(sentence))
    if edge:
        return edge
    if not due and not any(not is_bare(n) for n in names):
        return _windows(sentence)
    itself = _itself_due(sentence, due)
    if itself:
        return itself
    item = v.ITEM_LABEL.match(previous.text) if previous is not None else None
    item_due = bool(due and item and v.DEADLINE_WORDS.search(item.group("label")))
    if not due or not (v.DEADLINE_WORDS.search(sentence.text) or english or applying or labelled or moved
                       or item_due):
        return []
    if re.search(r"完成|实现|达到|建成|确保", sentence.text[due[0].end - sentence.start:]):
        return []  # `将在6月底前完成…登记`: what an office must achieve, not what a reader must do
    date = due[0]
    if english:
        rest = english.groupdict().get("rest") or ""
        what = english.group("what")
        headline = HEADLINE_CLAUSE_END.sub("", article.headline)[:80]
        if VAGUE_WHAT.match(what):  # `The deadline for this round is May 15`: the round of what the page is about
            what, rest = headline, ""
        elif headline and not headline.isupper() and not rest.strip() and v.ENGLISH_CALL_WORD.fullmatch(what) \
                and what not in headline:
            what = f"{what[:1].upper()}{what[1:]} for {headline}"  # `Nominations will be open until …`
        title = f"{what}{rest.rstrip()} deadline"
    elif applying:
        what = (applying.group("what") or "").strip(" \"“”")
        title = f"{what} application deadline" if what else "Application deadline"
    elif item_due:
        title = item.group("label") + "截止"  # `（一）用人单位报名。请于5月10日前登录…`
    else:
        title = _deadline_title(sentence, date, article, known, names)
    interval = date.interval
    if date.cue == Cue.DEADLINE:
        interval = Interval(interval.end_date, interval.end_date, interval.precision)
    return [sentence.event(title, "deadline", interval, date=date)]


def _itself_due(sentence: Sentence, due: list[DateMatch]) -> list[Event]:
    """`该调查将在本月30日截止`: what closes on the date, named as the sentence's subject."""
    for date in due:
        if not sentence.text.startswith("截止", date.end - sentence.start):
            continue
        what = v.ITSELF_DUE.match(sentence.text[:date.start - sentence.start].strip())
        if what and not v.DEADLINE_WORDS.search(what.group("what")):
            interval = Interval(date.interval.end_date, date.interval.end_date, date.interval.precision)
            return [sentence.event(as_printed(what.group("what"), sentence) + "截止", "deadline", interval, date=date)]
    return []


def _as_of(sentence: Sentence, date: DateMatch) -> bool:
    """`截至4月13日，已有…`: the day a count was taken."""
    return _before(sentence, date, v.AS_OF) and bool(v.STATISTIC_AFTER.match(sentence.text, date.end - sentence.start))


def _before(sentence: Sentence, date: DateMatch, words: re.Pattern[str]) -> bool:
    """Whether `words` end right where `date` begins, within its sentence."""
    return bool(words.search(sentence.text, 0, date.start - sentence.start))


def _opened_then_moved(sentence: Sentence, due: list[DateMatch]) -> list[Event]:
    """`综合所得税申报自5月1日开始，…延长至6月底`: what a reader files, from the day it opens to the day it
    is now due."""
    opens = next((d for d in sentence.dates if d.cue == Cue.SINCE and d.interval.start == d.interval.end), None)
    moved = next((d for d in due if d.cue == Cue.POSTPONED and opens is not None and d.start > opens.start), None)
    if moved is None:
        return []
    what = v.FILED_FROM.search(sentence.text, 0, opens.start - sentence.start)
    if what is None:
        return []
    interval = Interval(opens.interval.start_date, moved.interval.end_date, "day")
    return [sentence.event(what.group("what"), "deadline", interval, date=opens)]


def _registration_opens(sentence: Sentence) -> list[Event]:
    """`2026国考15日开始报名`: the day registration opens, for what its clause names (a day already running,
    `即日起开始报名`, is dated by its deadline instead)."""
    for date in sentence.dates:
        at = date.end - sentence.start
        if not usable(date) or date.text.startswith(v.FROM_TODAY) or not v.REGISTRATION_OPENS.match(sentence.text, at) \
                or date.interval.start_date != date.interval.end_date:
            continue
        clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.text, 0, date.start - sentence.start)),
                           default=0)
        what = sentence.text[clause_start:date.start - sentence.start].strip()
        if len(what) >= 2 and not v.DEADLINE_WORDS.search(what):
            return [sentence.event(what + "报名", "deadline", date.interval, date=date)]
    return []


def _period_edge(sentence: Sentence) -> list[Event]:
    """`…公众咨询今日结束`: a consultation's last day (a deadline); `…提名期昨日开始`: a nomination period's first."""
    if not v.PERIOD_WORD.search(sentence.text):
        return []
    for m in v.PERIOD_EDGE.finditer(sentence.masked):
        at = sentence.start + m.end("what")
        date = next((d for d in sentence.dates if usable(d) and d.start >= at
                     and not sentence.masked[d.end - sentence.start:m.start("edge")].strip()), None)
        if date is not None:
            what = as_printed(m.group("what"), sentence)
            title = what + "截止" if m.group("edge") in v.PERIOD_ENDS else what + "开始"
            return [sentence.event(title, "deadline", date.interval, date=date)]
    return []


def _windows(sentence: Sentence) -> list[Event]:
    """`请于6月15日至16日…办理听证报名`: a span of days in which a reader must apply is a deadline over the span."""
    for date in sentence.dates:
        if date.kind is not DateKind.POINT or date.cue != Cue.NONE or date.interval.precision == "month" \
                or date.interval.end_date <= date.interval.start_date:
            continue
        after = date.end - sentence.start
        action = v.WINDOW_ACTION.search(sentence.text[after:after + v.WINDOW_REACH])
        if action and not v.HOLDING_VERBS.search(sentence.text, after, after + action.start()):
            return [sentence.event(action.group("what"), "deadline", date.interval, date=date)]
    return []


def _deadline_title(sentence: Sentence, date: DateMatch, article: Article, known: list[Name],
                    names: list[Name]) -> str:
    """What is due: a quoted name, the clause that says what is submitted, or the event it is for."""
    what = next(label for word, label in (*v.DEADLINE_LABELS, ("", "截止")) if word in sentence.text)
    offset = date.start - sentence.start
    consulted = v.WORK_CONSULTED.search(sentence.text, 0, offset)
    if consulted:
        return f"《{consulted.group('work')}》征求意见截止"
    consultation = v.CONSULTATION.search(article.headline) if "意见" in sentence.text else None
    if consultation:
        return consultation.group("what") + "截止"  # `…提交意见` under `规划条件图草案收集意见（…）`
    quoted = [m for m in v.QUOTED_NAME.finditer(sentence.text) if m.end() <= offset
              or re.match(r"[^，,。]{0,8}?(?:活动|征集|作品|大赛|评选|比赛|计划)", sentence.text[m.end():])]
    if quoted:
        return f"“{quoted[-1].group('name')}”{what}"
    named = [n for n in names if not is_bare(n)]
    if named:
        return named[0].title + what  # `报名参加2023青岛国际马拉松`
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.text, 0, date.start - sentence.start)),
                       default=0)
    first_date = min((d.start for d in sentence.dates if d.start >= sentence.start + clause_start), default=date.start)
    before = sentence.text[clause_start:first_date - sentence.start]
    before = re.split(r"(?:将于|须于|请于|应于|可于|于|将|请|须|需|可|务必|在|由)(?=[^将于请须需可在由]*$)", before)[0]
    before = re.sub(r"(?:延长|推迟|调整|改)(?:至|到|为)$", "", before)
    before = re.sub(r"(?:的)?(?:截止|截至)(?:时间|日期)?(?:为|是)?$|(?:工作|活动)$", "", before)
    before = STARTED.sub("", before)
    subject = v.DEADLINE_WORDS.sub("", before)
    parent = next((k for k in reversed(known) if k.head == subject), None)
    if parent is not None and v.DEADLINE_WORDS.search(before):
        return parent.title + what  # `大赛报名截止时间延长至…`: the contest named before
    if len(subject) >= 2 \
            and (v.DEADLINE_WORDS.search(before) or _before(sentence, date, v.DEADLINE_LABELLED)):
        return before + "截止"
    if v.DEADLINE_WORDS.search(sentence.text, date.end - sentence.start):
        who = v.EFFORT.sub("", before)
        if len(who) >= 3:
            return who + what  # `已购票观众可于6月10日前…申请全额退票`: who must act, and what
        if who != before:
            return what  # `会力拼在4日截止日前送件`: only what is due
    if known:
        return known[-1].title + what
    headline = re.sub(r"[,，。:：!！?？].*$", "", article.headline)[:30]
    if date.text in headline:
        return what  # the page is this one sentence: its headline says nothing more
    return STARTED.sub("", headline) + what


HEADLINE_CLAUSE_END = re.compile(r"(?:[,:;!?]|(?<![A-Z][a-z])(?<![A-Z])\.)(?:\s|$).*$")
"""Where a headline's first clause ends: a comma, colon or full stop before a space (`Dr. Lee …` keeps its title)."""
VAGUE_WHAT = re.compile(r"(?:this|that|the|each|every)\b", re.I)
"""`this round`: what is due is named only by the page."""
ENGLISH_DUE_REACH = 40
"""How far after `… must be received` its day may stand (`by the end of the day October 1`)."""
STARTED = re.compile(r"(?:启动|开始|正式)(?:征集|报名|申报)?$|(?:征集|报名|申报)?(?:启动|开始)$")
"""`…资助启动申报`: the words that say a call opened, which the deadline's label says again."""


def calls_with_deadlines(events: list[Event], article: Article) -> list[Event]:
    """`…作品征集活动即日起启动。…截止时间为1月20日`: a call opened today runs to the deadline given after it."""
    published = article.published.date
    absorbed: set[int] = set()
    result = []
    for event in events:
        opened = (v.DEADLINE_WORDS.search(event.title) and event.category != "deadline"
                  and event.interval.start_date == event.interval.end_date == published)
        deadline = next((d for d in events if d.category == "deadline" and id(d) not in absorbed
                         and 0 <= d.evidence_start - event.evidence_end < 200), None) if opened else None
        if deadline is None:
            result.append(event)
            continue
        absorbed.add(id(deadline))
        result.append(replace(event, title=v.CALL_SUFFIX.sub("", event.title) + "截止", category="deadline",
                              interval=Interval(event.interval.start_date, deadline.interval.end_date, "day"),
                              evidence=event.evidence + deadline.evidence, evidence_end=deadline.evidence_end))
    return [e for e in result if id(e) not in absorbed]
