"""Timing for the tests that compare two runs as a ratio (never a bare time)."""

import gc
import time
from collections.abc import Callable

DOUBLING_LIMIT = 2.7
"""Twice the input may take at most this many times as long (2 is linear; the rest is noise)."""


def best_time(call: Callable[[], object]) -> float:
    """The best of three runs of `call`, with the cyclic garbage collector held off while it runs: its full
    passes walk every object of the process (dateparser's and OpenCC's tables too) and would make any long
    run look superlinear whatever the code does."""
    times = []
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)
