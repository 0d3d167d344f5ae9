"""Trade missions: `拟于A、B，分别组织企业赴甲、乙开展…` pairs dates with destinations in order."""

from __future__ import annotations

import datetime as dt
import re

from ...models import Event, Interval
from ..dates.grammar import ENGLISH_NUMBERS
from ..normalize import is_latin
from . import vocabulary as v
from .sentences import Sentence, usable


def trade_missions(sentence: Sentence) -> list[Event]:
    """`拟于A、B，分别组织企业赴甲、乙开展…`: dates paired in order with destinations; an English delegation's
    visit of so many days."""
    masked = sentence.masked
    if is_latin(masked):
        return _english_visit(sentence)
    mission = v.TRADE_MISSION.search(masked)
    if not mission:
        return []
    clause = sentence.clause_of(sentence.start + mission.start())
    dates = [d for d in sentence.dates if usable(d) and d.start < sentence.start + mission.start()
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
    return [sentence.event(f"{subject}赴{place}{tail}", "trade_mission", date.interval, place, date=date)
            for date, place in pairs]


def _english_visit(sentence: Sentence) -> list[Event]:
    """`A business delegation led by X arrived in Qingdao on Saturday for a five-day visit`: five days from then."""
    visit = v.ENGLISH_VISIT.search(sentence.text)
    days = [d for d in sentence.dates if usable(d) and d.interval.start_date == d.interval.end_date]
    if visit is None or not days:
        return []
    length = ENGLISH_NUMBERS.get(visit.group("days").lower()) or (int(visit.group("days"))
                                                                 if visit.group("days").isdigit() else 0)
    if length < 2:
        return []
    leader = visit.group("leader") or (m.group("who") if (m := v.ENGLISH_LEADER.match(sentence.text)) else "")
    place = visit.group("place").strip()
    title = visit.group("kind").capitalize() + (f" led by {leader.strip()}" if leader else "") + f" to {place}"
    first = days[0].interval.start_date
    interval = Interval(first, first + dt.timedelta(days=length - 1), "day")
    return [sentence.event(title, "trade_mission", interval, place, date=days[0])]
