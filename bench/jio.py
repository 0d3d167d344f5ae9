"""jionlp, the yardstick: loaded quietly, called the way its documentation shows, its answers read as days.

jionlp prints a banner on import and logs a full traceback (on the root logger) for many candidate
strings it fails to parse. Neither is useful here, and the logging would flood the terminal, so both
are silenced; jionlp still does the work of formatting those tracebacks, which is part of its cost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
from collections.abc import Iterator
from types import ModuleType
from typing import Any

Days = tuple[str, str]
"""An interval as (first day, last day), ISO dates; what both parsers are compared on."""

SKIPPED_TYPES = ("time_delta", "time_period")
"""jionlp types that are not a span on the calendar (`三天`, `每周一`): not a date claim, so left out."""


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """No banner, no logged tracebacks while jionlp runs."""
    logging.disable(logging.CRITICAL)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        logging.disable(logging.NOTSET)


def load() -> ModuleType | None:
    """jionlp if installed (it is a bench-only dependency), warmed up so its dictionaries load untimed."""
    try:
        with quiet():
            import jionlp

            jionlp.ner.extract_time("2023年12月15日上午10时", time_base=dt.datetime(2023, 1, 1))
    except ImportError:
        return None
    return jionlp


def time_base(day: dt.date | dict[str, int]) -> dt.datetime | dict[str, int]:
    """Midnight of the reference day (midnight prefers no part of the day); a `{'year': …}` as it is."""
    return day if isinstance(day, dict) else dt.datetime(day.year, day.month, day.day)


def extract(jio: ModuleType, text: str, base: dt.date | dict[str, int]) -> list[dict[str, Any]]:
    """`jio.ner.extract_time` on one text; call inside `quiet()`."""
    return jio.ner.extract_time(text, time_base=time_base(base))


def days(found: list[dict[str, Any]]) -> list[Days]:
    """jionlp's entities as (first day, last day), in text order.

    `detail.time` is a pair of 'YYYY-MM-DD HH:MM:SS' strings, both inclusive (a day ends 23:59:59),
    so their date parts are the first and last day. An open end (`9月1日起` → [9-01, 'inf']) becomes
    the one day it is anchored to, which is how our parser and the table write `起` and `前` (the day,
    with a cue); that reading favours jionlp, never us.
    """
    out = []
    for entity in found:
        detail = entity.get("detail") or {}
        if detail.get("type", entity.get("type")) in SKIPPED_TYPES:
            continue
        times = detail.get("time")
        if isinstance(times, list | tuple) and len(times) == 2:
            out.append(_closed(_day(times[0]), _day(times[1])))
    return out


def _closed(start: str, end: str) -> Days:
    """An interval with an open side ('inf' / '-inf') as the day on its closed side."""
    if "inf" in end:
        return start, start
    if "inf" in start:
        return end, end
    return start, end


def _day(stamp: Any) -> str:
    """The date part of a jionlp time string; anything else as text, so it matches nothing."""
    text = str(stamp)
    return text[:10] if len(text) >= 10 and text[4] == "-" else text
