"""Where an event takes place: a venue the sentence names, else a city."""

from __future__ import annotations

import re

from ...models import Event
from ..sentences import SENTENCE
from . import vocabulary as v
from .sentences import MASK


def without(masked: str, start: int, end: int) -> str:
    """The sentence with the event's own name blanked: `青岛国际啤酒节` names no venue."""
    return masked[:max(start, 0)] + MASK * (end - max(start, 0)) + masked[end:]


def location_of(masked: str) -> str:
    """The venue the sentence names (`在黄海饭店召开`), else a city it names."""
    labeled = v.VENUE_LABELED.search(masked)
    if labeled and MASK not in (labeled.group("place") or labeled.group("seat")):
        return labeled.group("place") or labeled.group("seat")
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


def fill_places(events: list[Event], text: str) -> list[Event]:
    """An event whose own sentence names no place: where another sentence about it, or its name, puts it."""
    for event in events:
        if event.location:
            continue
        for sentence in SENTENCE.finditer(text):
            if event.title in sentence.group(0) and sentence.start() != event.evidence_start:
                event.location = location_of(sentence.group(0).replace(event.title, MASK * len(event.title)))
                if event.location:
                    break
        if not event.location:
            own_part = re.split(r"迎战|对阵|挑战", event.title)[0]  # not the opponent's city
            event.location = next((city for city in v.CITIES if city in own_part), "")
    return events
