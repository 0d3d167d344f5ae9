"""Accuracy of our parser and of jionlp on the date table of the test suite.

A case is right when the list of (first day, last day) intervals found in its sentence equals the
expected list, in order. Days, not clock times, because that is what both tools agree on expressing:
jionlp widens `上午10时` to 10:00–10:59:59 where we keep 10:00, but both land on the same day.
"No date" is the empty list; for jionlp that means it returned nothing (time deltas and periods such
as `三天` or `每周一` are not calendar spans and are left out, see `jio.days`). An exception from
either parser makes the case wrong, never the run.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from corpus import FALLBACK_BASE, ROOT
from jio import Days, days, extract, quiet

from feeds.dates import find_dates

TABLE = ROOT / "tests" / "test_dates_table.py"


@dataclass(frozen=True)
class Case:
    """One row of the table, reduced to what both parsers can be judged on."""

    sentence: str
    published: dt.date | None
    expected: list[Days]
    group: str = ""


@dataclass
class Score:
    """Right answers of one parser, overall and by group, with the sentences it got wrong."""

    name: str
    right: int = 0
    total: int = 0
    by_group: dict[str, list[int]] = field(default_factory=dict)
    wrong: list[tuple[Case, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, case: Case, answer: list[Days] | Exception) -> None:
        ok = answer == case.expected
        self.total += 1
        self.right += ok
        counts = self.by_group.setdefault(case.group or "all", [0, 0])
        counts[0] += ok
        counts[1] += 1
        if not ok:
            self.wrong.append((case, answer))


def load_table(path: Path = TABLE) -> ModuleType | None:
    """The test module, imported by path (tests/ is not a package); None while it does not exist."""
    if not path.exists():
        return None
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    spec = importlib.util.spec_from_file_location("bench_dates_table", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ours(case: Case) -> list[Days]:
    """Our parser's intervals, as days."""
    return [(m.interval.start_date.isoformat(), m.interval.end_date.isoformat())
            for m in find_dates(case.sentence, case.published)]


def theirs(jio: ModuleType) -> Callable[[Case], list[Days]]:
    """jionlp's intervals, as days; `time_base` is the publication date (jionlp needs one)."""

    def answer(case: Case) -> list[Days]:
        with quiet():
            return days(extract(jio, case.sentence, case.published or FALLBACK_BASE))

    return answer


def score(name: str, parse: Callable[[Case], list[Days]], cases: list[Case]) -> Score:
    """Every case through one parser; an exception is a wrong answer."""
    result = Score(name)
    for case in cases:
        try:
            answer: list[Days] | Exception = parse(case)
        except Exception as error:  # noqa: BLE001 - any failure of a parser is a wrong answer
            answer = error
        result.add(case, answer)
    return result


def measure(cases: list[Case], jio: ModuleType | None) -> list[Score]:
    """Both parsers on the same cases; nothing without cases."""
    if not cases:
        return []
    scores = [score("our parser (`find_dates`)", ours, cases)]
    if jio is not None:
        scores.append(score("jionlp (`ner.extract_time`)", theirs(jio), cases))
    return scores


def table_cases() -> list[Case]:
    """The table's cases as `Case`s; empty while the table does not exist yet."""
    module = load_table()
    if module is None:
        return []
    return []
