"""Parts of calendars and feeds rendered once per event version and reused, bounded in bytes per process.

A calendar or feed is its header plus the concatenation of its events' parts; a new filter reuses the
parts every earlier answer rendered. The key of a part is everything its bytes depend on: the kind of
part, the site URL its links point to, and every field of the event and its mentions (`content_key`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import fields
from operator import attrgetter
from typing import TypeVar

from ..models import Mention, StoredEvent

DEFAULT_MAX_BYTES = 24 * 1024 * 1024
"""About 20,000 calendar events with their descriptions, per process."""
ENTRY_OVERHEAD_BYTES = 400
"""What an entry's key tuple and dictionary slot cost besides the rendered text."""

_EVENT_FIELDS = attrgetter(*(f.name for f in fields(StoredEvent) if f.name not in ("mentions", "previous")))
_MENTION_FIELDS = attrgetter(*(f.name for f in fields(Mention)))


T = TypeVar("T")


def remembered(ev: StoredEvent, name: str, compute: Callable[[StoredEvent], T]) -> T:
    """`compute(ev)`, computed once per event object: events kept by the store's memo are asked again and again.

    Kept in the instance's own dictionary, which fields, equality and `replace` ignore; nothing changes
    a StoredEvent in place (a changed event is a new object), so the value stays right.
    """
    memo = ev.__dict__
    try:
        return memo[name]
    except KeyError:
        value = memo[name] = compute(ev)
        return value


def remembered_all(events: list[StoredEvent], name: str, compute: Callable[[list[StoredEvent]], list[T]]) -> list[T]:
    """As remembered, for many events at once: `compute` gets those without a value and gives theirs, in order."""
    missing = [ev for ev in events if name not in ev.__dict__]
    if missing:
        for ev, value in zip(missing, compute(missing), strict=True):
            ev.__dict__[name] = value
    return [ev.__dict__[name] for ev in events]


def content_key(ev: StoredEvent) -> tuple:
    """Every field of the event and its mentions, hashable: two events with one key render the same bytes."""
    return remembered(ev, "_content_key", _content_key)


def _content_key(ev: StoredEvent) -> tuple:
    return (_EVENT_FIELDS(ev), tuple(map(tuple, ev.previous)), tuple(map(_MENTION_FIELDS, ev.mentions)))


class PartCache:
    """A thread-safe LRU of rendered parts (bytes or str), bounded by the size of what it holds."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._parts: OrderedDict[Hashable, bytes | str] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, render: Callable[[], bytes | str]) -> bytes | str:
        """The part stored under `key`, rendered by `render` the first time."""
        with self._lock:
            part = self._parts.get(key)
            if part is not None:
                self._parts.move_to_end(key)
                return part
        part = render()  # outside the lock: two threads may render the same part, and the bytes are equal
        size = _size(part)
        if size > self.max_bytes:
            return part
        with self._lock:
            if key not in self._parts:
                self._parts[key] = part
                self._size += size
                while self._size > self.max_bytes:
                    _, evicted = self._parts.popitem(last=False)
                    self._size -= _size(evicted)
        return part

    def clear(self) -> None:
        with self._lock:
            self._parts.clear()
            self._size = 0

    @property
    def size(self) -> int:
        return self._size

    def __len__(self) -> int:
        return len(self._parts)


def _size(part: bytes | str) -> int:
    return ENTRY_OVERHEAD_BYTES + (len(part) if isinstance(part, bytes) else 4 * len(part))


PARTS = PartCache()
"""The process's cache of event parts (calendar VEVENTs, feed item bodies)."""
