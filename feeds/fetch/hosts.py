"""One request per host at a time, a delay between two requests to a host, and waits a server asked for."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float | None = None
    delay: float = 0.0
    not_before: float = 0.0


class HostGate:
    """Turns at each host: `with gate.turn(host):` waits for the host's lock, its delay and any Retry-After."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], object] = time.sleep):
        self.delay = delay
        self._clock, self._sleep = clock, sleep
        self._hosts: dict[str, _Host] = {}
        self._guard = threading.Lock()

    def _host(self, host: str) -> _Host:
        with self._guard:
            return self._hosts.setdefault(host, _Host(delay=self.delay))

    def slow_down(self, host: str, delay: float) -> None:
        """A longer delay for one host (its robots.txt Crawl-delay); never a shorter one than the setting."""
        state = self._host(host)
        state.delay = max(self.delay, delay)

    def block(self, host: str, seconds: float) -> None:
        """No request to `host` for `seconds` (a 429 or 503 with Retry-After)."""
        state = self._host(host)
        state.not_before = max(state.not_before, self._clock() + seconds)

    def blocked_for(self, host: str) -> float:
        """Seconds until `host` may be asked again because it said so (0 when it may now)."""
        return max(0.0, self._host(host).not_before - self._clock())

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        state = self._host(host)
        with state.lock:
            ready = max(state.not_before, (state.last + state.delay) if state.last is not None else 0.0)
            wait = ready - self._clock()
            if wait > 0:
                self._sleep(wait)
            try:
                yield
            finally:
                state.last = self._clock()
