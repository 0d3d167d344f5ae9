"""Trade missions: `拟于A、B，分别组织企业赴甲、乙开展…` pairs dates with destinations in order."""

from __future__ import annotations

import re

from ...models import Event
from . import vocabulary as v
from .sentences import Sentence, usable


def trade_missions(sentence: Sentence) -> list[Event]:
    """`拟于A、B，分别组织企业赴甲、乙开展…`: dates paired in order with destinations."""
    masked = sentence.masked
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
