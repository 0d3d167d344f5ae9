"""One event per name in an article: later mentions widen or extend the first instead of repeating it."""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Article, Event

NAME_KEY = re.compile(r"\W")
"""What two mentions of one name may differ in: spaces and punctuation."""


def one_per_name(events: list[Event], _article: Article) -> list[Event]:
    """The first mention of each name, widened when a later one gives the full span or a later deadline."""
    seen: dict[str, int] = {}
    result: list[Event] = []
    for event in events:
        key = NAME_KEY.sub("", event.title)
        if key not in seen and any(_shortens(key, k) and result[i].interval == event.interval for k, i in seen.items()):
            continue  # `战略对话` after `首轮中美战略与经济对话` on the same day: the same event, named shorter
        if key not in seen:
            seen[key] = len(result)
            result.append(event)
            continue
        first = result[seen[key]]
        wider = (event.interval.start_date == first.interval.start_date
                 and event.interval.end_date > first.interval.end_date)
        extended = event.category == first.category == "deadline" and event.interval.end_date > first.interval.end_date
        if extended:  # `报名截止时间延长至5月31日`
            result[seen[key]] = replace(first, interval=event.interval, evidence=event.evidence,
                                        evidence_start=event.evidence_start, evidence_end=event.evidence_end)
        elif wider:
            result[seen[key]] = replace(first, interval=event.interval, location=first.location or event.location)
    return result


def _shortens(short: str, full: str) -> bool:
    """`常委会议` shortens `十一届全国人大常委会第九次会议`: its characters stand in the full name, in order."""
    if len(short) >= len(full) or len(short) < 2:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)
