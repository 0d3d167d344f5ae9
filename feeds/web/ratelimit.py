"""A token bucket per client address, in memory: enough to stop one script from flooding the ingest.

Each app instance (each gunicorn worker) counts on its own, so the effective limit is the rate times
the number of workers; a proxy in front can enforce a global one.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_CLIENTS = 10_000
"""Buckets kept at most; idle ones (full again) are dropped first, so memory stays bounded."""


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """`per_minute` requests a minute per key, in bursts of up to `per_minute`."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute < 1:
            raise ValueError("the rate must be at least one request a minute")
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60.0
        self.clock = clock
        self.buckets: dict[str, _Bucket] = {}
        self.lock = threading.Lock()

    def acquire(self, key: str) -> int:
        """Take a token for `key`: 0 when allowed, else the whole seconds until one is available."""
        with self.lock:
            now = self.clock()
            bucket = self.buckets.get(key)
            if bucket is None:
                self._make_room(now)
                bucket = self.buckets[key] = _Bucket(self.capacity, now)
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.stamp) * self.per_second)
            bucket.stamp = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0
            return max(1, math.ceil((1 - bucket.tokens) / self.per_second))

    def _make_room(self, now: float) -> None:
        if len(self.buckets) < MAX_CLIENTS:
            return
        refill = self.capacity / self.per_second
        for key in [k for k, b in self.buckets.items() if now - b.stamp >= refill]:
            del self.buckets[key]
        if len(self.buckets) >= MAX_CLIENTS:  # all busy: forget the longest idle half
            for key in sorted(self.buckets, key=lambda k: self.buckets[k].stamp)[: MAX_CLIENTS // 2]:
                del self.buckets[key]
