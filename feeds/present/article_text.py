"""An article's text cut into plain and evidence pieces, each evidence piece naming the events it reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Mention, StoredEvent


@dataclass
class Segment:
    """A piece of article text; `anchor` is set on evidence, `refs` are the numbers of its events."""

    text: str
    anchor: str | None = None
    refs: list[int] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    """Anchors of overlapping spans folded into this one, so links to them still land here."""


@dataclass(frozen=True)
class Mark:
    """Evidence for event number `ref` (1-based, as listed above the text) at [start, end)."""

    start: int
    end: int
    ref: int


def marks_of(article_id: str, events: list[StoredEvent]) -> list[Mark]:
    """Every span of this article that reports one of `events`, numbered by the event's place in the list."""
    return [
        Mark(m.start, m.end, number)
        for number, ev in enumerate(events, start=1)
        for m in ev.mentions
        if m.article_id == article_id
    ]


def highlight(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Cut `text` into plain and evidence segments.

    Identical or overlapping spans join the first one (two events in one sentence share a mark);
    spans outside the text are skipped.
    """
    segments: list[Segment] = []
    position = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end, m.ref)):
        start, end = max(mark.start, 0), min(mark.end, len(text))
        if end <= start:
            continue
        if start < position:
            last = next((s for s in reversed(segments) if s.anchor), None)
            if last is not None:
                if mark.ref not in last.refs:
                    last.refs.append(mark.ref)
                anchor = f"m-{mark.start}"
                if anchor != last.anchor and anchor not in last.aliases:
                    last.aliases.append(anchor)
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], f"m-{start}", [mark.ref]))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


@dataclass(frozen=True)
class Superseded:
    """An event whose dates a later report changed: what this article's sentence said, and that report."""

    said: tuple[str, str]
    later: Mention


def superseded(article_id: str, events: list[StoredEvent],
               spans: dict[int, list[tuple[str, str]]]) -> dict[str, Superseded]:
    """By uid, the events of this article whose sentence gives other dates than the event now has."""
    found = {}
    for ev in events:
        for mention in ev.mentions:
            said = spans.get(mention.start, []) if mention.article_id == article_id else []
            if said and (ev.start, ev.end) not in said and ev.mentions[-1].article_id != article_id:
                found[ev.uid] = Superseded(said[0], ev.mentions[-1])
    return found
