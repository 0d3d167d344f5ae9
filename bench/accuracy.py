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

from feeds.extract.dates import find_dates
from feeds.extract.normalize import normalize

TABLE = ROOT / "tests" / "test_dates_table.py"


@dataclass(frozen=True)
class Case:
    """One row of the table, reduced to what both parsers can be judged on."""

    sentence: str
    published: dt.date | None
    year: int | None
    """The year alone, for rows whose day is unknown (`find_dates(text, None, year)`)."""
    expected: list[Days]
    exact: list[tuple[str, str, str]]
    """The table's own answer, (start, end, precision) as ISO strings: what the test compares."""
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

    def add(self, case: Case, answer: list | Exception, expected: list) -> None:
        ok = answer == expected
        self.total += 1
        self.right += ok
        counts = self.by_group.setdefault(case.group or "all", [0, 0])
        counts[0] += ok
        counts[1] += 1
        if not ok:
            self.wrong.append((case, answer))


def load_table(path: Path = TABLE) -> ModuleType | None:
    """The test module, imported by path (tests/ is not a package); None while it does not exist,
    or when its own imports (pytest, from the `test` extra) are missing."""
    if not path.exists():
        return None
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    spec = importlib.util.spec_from_file_location("bench_dates_table", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
    except ImportError:
        return None
    return module


def ours(case: Case) -> list[Days]:
    """Our parser's intervals, as days, on the normalized sentence (as the table test runs it)."""
    return [(m.interval.start_date.isoformat(), m.interval.end_date.isoformat())
            for m in find_dates(normalize(case.sentence), case.published, case.year)]


def ours_exact(case: Case) -> list[tuple[str, str, str]]:
    """Our parser's full answer, clock times and precision included, exactly as the table test reads it."""
    return [(m.interval.start.isoformat(), m.interval.end.isoformat(), m.interval.precision)
            for m in find_dates(normalize(case.sentence), case.published, case.year)]


def theirs(jio: ModuleType, normalized: bool) -> Callable[[Case], list[Days]]:
    """jionlp's intervals, as days, with the same reference as ours.

    `time_base` is the publication day, or `{'year': …}` (a form jionlp documents) when only the
    year is known. `normalized` gives it our normalized sentence instead of the raw one: the raw
    run is jionlp as a drop-in tool, the normalized run isolates the parser from our text cleanup.
    """

    def answer(case: Case) -> list[Days]:
        text = normalize(case.sentence) if normalized else case.sentence
        with quiet():
            return days(extract(jio, text, case.published or {"year": case.year or FALLBACK_BASE.year}))

    return answer


def score(name: str, parse: Callable[[Case], list], cases: list[Case], exact: bool = False) -> Score:
    """Every case through one parser; an exception is a wrong answer. `exact` compares with the
    table's full answer (times and precision) instead of days."""
    result = Score(name)
    for case in cases:
        try:
            answer: list[Days] | Exception = parse(case)
        except Exception as error:  # whatever a parser raises, the case is wrong
            answer = error
        result.add(case, answer, case.exact if exact else case.expected)
    return result


def measure(cases: list[Case], jio: ModuleType | None) -> list[Score]:
    """Both parsers on the same cases; nothing without cases."""
    if not cases:
        return []
    scores = [score("ours: `find_dates(normalize(s))`", ours, cases)]
    exact = score("ours, exact (times and precision too, as the test compares)", ours_exact, cases, exact=True)
    if jio is not None:
        scores.append(score("jionlp: `extract_time(s)`", theirs(jio, normalized=False), cases))
        scores.append(score("jionlp: `extract_time(normalize(s))`", theirs(jio, normalized=True), cases))
    return [*scores, exact]


def table_cases() -> list[Case]:
    """The table's rows as `Case`s; empty while the table does not exist yet.

    The table's `ROWS` hold (start, end, precision) with ISO dates or datetimes; the first ten
    characters of each are the day. Rows the table marks as known failures keep the right answer,
    so they count here like any other row.
    """
    module = load_table()
    if module is None:
        return []
    return [Case(row.sentence, row.published, row.year,
                 [(start[:10], end[:10]) for start, end, _precision in row.expected],
                 [tuple(span) for span in row.expected], row.group)
            for row in module.ROWS]
