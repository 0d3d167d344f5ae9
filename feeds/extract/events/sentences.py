"""Sentences and clauses of an article, with the dates that stand in each."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from ...models import Cue, DateKind, DateMatch, Event, Interval
from ..dates.grammar import CONTEXT_DAYS
from ..normalize import is_latin
from ..sentences import SENTENCE, clause_breaks
from .confidence import date_flags

MASK = "\x00"
CONTEXT_WORDS = tuple(CONTEXT_DAYS)
"""`当天`, `次日`: days counted from a day the text gave before."""


SCHEDULED_FOR = re.compile(r"(?:Scheduled|Set|Slated|Planned|Slotted)\s+(?:for|on|from)|(?:Running|Held)\s+(?:on|from)"
                           r"|Then|And then|Next")
"""The words an English sentence may open with before its lead date (`Set for August 5-7, the festival …`)."""


@dataclass
class Sentence:
    text: str
    start: int
    end: int
    dates: list[DateMatch]
    published: dt.date | None = None
    """The article's publication date: when an event that is `展期至9月30日` is already open."""

    @cached_property
    def clause_breaks(self) -> list[int]:
        """Where the sentence's clause breaks stand, relative to its start."""
        return [start for start, _ in clause_breaks(self.text)]

    @cached_property
    def latin(self) -> bool:
        """An English sentence (Latin script), asked once per sentence by every rule that reads English."""
        return is_latin(self.text)

    @cached_property
    def masked(self) -> str:
        """The sentence with its dates blanked out (see `masked_text`), made once."""
        return masked_text(self)

    @cached_property
    def masked_breaks(self) -> list[tuple[int, int]]:
        """The clause breaks of `masked`, as (start, end) relative to the sentence's start."""
        return clause_breaks(self.masked)

    def clause_of(self, position: int) -> int:
        """The index of the clause the article offset `position` stands in."""
        return bisect.bisect_left(self.clause_breaks, position - self.start)

    def opens_with(self, date: DateMatch) -> bool:
        """Whether `date` is what the sentence begins with (`10月15日-16日，…`, `Scheduled for April 9th to 10th, …`):
        a lead date."""
        before = self.text[:date.start - self.start].strip(" \u3000\n")
        return not before or bool(SCHEDULED_FOR.fullmatch(before))

    def event(self, title: str, category: str, interval: Interval, location: str = "",
              status: str = "confirmed", date: DateMatch | None = None) -> Event:
        """An event this sentence reports on `date`, citing the sentence as its evidence."""
        flags = date_flags(self.text, date.start - self.start, date) if date is not None else ()
        return Event(title=title, category=category, interval=interval, evidence=self.text.strip(),
                     evidence_start=self.start, evidence_end=self.end, location=location, status=status,
                     flags=flags)


def split_sentences(text: str, dates: list[DateMatch], published: dt.date | None = None) -> list[Sentence]:
    """The article's sentences, each with the dates that start in it (`dates` in text order)."""
    result, i = [], 0
    for m in SENTENCE.finditer(text):
        while i < len(dates) and dates[i].start < m.start():
            i += 1
        first = i
        while i < len(dates) and dates[i].start < m.end():
            i += 1
        result.append(Sentence(m.group(0), m.start(), m.end(), dates[first:i], published))
    return result


def usable(date: DateMatch) -> bool:
    """Dates an event can stand on: not a plan's years, a half-year, or what is `原定` before a postponement."""
    return date.cue not in (Cue.PLANNED, Cue.REPORTED, Cue.PERIOD) and date.kind is DateKind.POINT


CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")
"""Hong Kong and Taiwan papers quote in corner brackets: the rules read them as the quotes they are."""
PRINTED_QUOTES = str.maketrans("“”‘’", "「」『』")


def as_printed(words: str, sentence: Sentence) -> str:
    """Words read from `masked`, with the sentence's own corner brackets back."""
    return words.translate(PRINTED_QUOTES) if "「" in sentence.text or "『" in sentence.text else words


def masked_text(sentence: Sentence) -> str:
    """The sentence with its dates blanked out, so names and places do not swallow them; corner brackets read
    as quotes."""
    chars = list(sentence.text.translate(CORNER_QUOTES))
    for d in sentence.dates:
        for start, end in d.pieces:
            for i in range(max(start - sentence.start, 0), min(end - sentence.start, len(chars))):
                chars[i] = MASK
    return "".join(chars)
