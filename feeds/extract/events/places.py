"""Where an event takes place: a venue the sentence names, else a city."""

from __future__ import annotations

from dataclasses import replace

from ...models import Article, Event
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
    for pattern in (v.VENUE, v.VENUE_AFTER_ASIDE):
        for m in pattern.finditer(masked):
            place = m.group("place").strip(MASK + " ")
            if len(place) >= 2 and MASK not in place and not v.NOT_PLACES.search(place):
                return v.PLACE_PREFIX.sub("", place)
    abbreviated = v.ABBREVIATED_CITY.search(masked)
    if abbreviated:
        return v.PLACE_ABBREVIATIONS[abbreviated.group(1)]
    for english in v.VENUE_EN.finditer(masked):
        place = next(p for p in english.groups() if p).strip()
        if not v.NOT_ENGLISH_PLACES.match(place):
            return place
    city = v.CITY_AFTER_PREPOSITION.search(masked)
    return city.group("city") if city else ""


def fill_places(events: list[Event], article: Article) -> list[Event]:
    """An event whose own sentence names no place: where another sentence about it, or its name, puts it."""
    sentences = [(m.start(), m.group(0)) for m in SENTENCE.finditer(article.body)]  # split once, not per event
    filed = v.DATELINE_PLACE.search(article.dateline)
    filed_at = (filed.group("place") or filed.group("city").title()) if filed else ""
    return [event if event.location else replace(event, location=_place_elsewhere(event, sentences) or (
                filed_at if _reported(event, article) else ""))
            for event in events]


def _reported(event: Event, article: Article) -> bool:
    """An event the report tells of as held (on or before its day) took place where the report was filed."""
    published = article.published.date
    return published is not None and event.interval.start_date <= published


def _place_elsewhere(event: Event, sentences: list[tuple[int, str]]) -> str:
    for start, text in sentences:
        if event.title in text and start != event.evidence_start:
            place = location_of(text.replace(event.title, MASK * len(event.title)))
            if place:
                return place
    own_part = v.FIXTURE_OPPONENT.split(event.title)[0]  # not the opponent's city
    return next((city for city in v.CITIES if city in own_part), "")
