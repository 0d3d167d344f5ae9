"""Events already read, kept per process while the store's data version stays the same.

A calendar, feed or page for a new filter mostly holds events an earlier answer read: with them kept,
its query fetches only uids, and only the events not yet read are turned into StoredEvents (with their
mentions). Keyed by the store's file and data version (the ETags' version), so any change to events or
mentions empties it, exactly when every ETag changes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from ..models import EventPart, StoredEvent

DEFAULT_MAX_EVENTS = 20_000
"""About 40 MB of events with their mentions, per process."""


class _Keyed(Protocol):
    uid: str


T = TypeVar("T", bound=_Keyed)


class EventMemo(Generic[T]):
    """A thread-safe LRU of records by uid (events, or calendar parts), for one (store, data version) at a time."""

    def __init__(self, max_events: int = DEFAULT_MAX_EVENTS) -> None:
        self.max_events = max_events
        self._events: OrderedDict[str, T] = OrderedDict()
        self._version: tuple | None = None
        self._lock = threading.Lock()

    def events(self, version: tuple, uids: list[str], fetch: Callable[[list[str]], list[T]]) -> list[T]:
        """The events of `uids`, in that order; `fetch` reads those not kept (a uid gone since is left out)."""
        with self._lock:
            if version != self._version:
                self._events.clear()
                self._version = version
            kept = {}
            for uid in uids:
                ev = self._events.get(uid)
                if ev is not None:
                    kept[uid] = ev
                    self._events.move_to_end(uid)
        missing = [uid for uid in uids if uid not in kept]
        if missing:
            fetched = {ev.uid: ev for ev in fetch(missing)}
            kept.update(fetched)
            with self._lock:
                if version == self._version:
                    self._events.update(fetched)
                    while len(self._events) > self.max_events:
                        self._events.popitem(last=False)
        return [kept[uid] for uid in uids if uid in kept]

    def clear(self) -> None:
        with self._lock:
            self._events.clear()
            self._version = None

    def __len__(self) -> int:
        return len(self._events)


EVENTS: EventMemo[StoredEvent] = EventMemo()
"""The process's events of the current data version."""
PARTS: dict[str, EventMemo[EventPart]] = {}
"""The process's calendar parts of the current data version, by variant (site URL and language; a few at most)."""
MAX_PART_VARIANTS = 8


def parts_memo(variant: str) -> EventMemo[EventPart]:
    """The memo of one variant's parts; beyond MAX_PART_VARIANTS, the variant asked for first loses its memo."""
    memo = PARTS.get(variant)
    if memo is None:
        if len(PARTS) >= MAX_PART_VARIANTS:
            PARTS.pop(next(iter(PARTS)))
        memo = PARTS[variant] = EventMemo()
    return memo
