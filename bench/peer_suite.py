"""What the interval-scored peer suites share (Duckling's corpus, Recognizers-Text's specs): our records as
[start, end) intervals, one result per case, the run, the reports by capability and the command line.

Why one module: each suite reads its own files and knows what its expected answers mean (its `Case`
says which of our intervals it accepts); how our side is run, scored and reported is the same for all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from jio_suite import dates_records, default_mirror

STAMP = "%Y-%m-%d %H:%M:%S"
SECOND = dt.timedelta(seconds=1)
DAY = dt.timedelta(days=1)

Span = tuple[str, str]
"""[start, end) as 'YYYY-MM-DD HH:MM:SS' strings, end exclusive."""


class Case(Protocol):
    """What a suite's case gives the shared run and reports."""

    text: str
    label: str

    def accepts(self, ours: list[Span]) -> bool: ...

    def expected_text(self) -> str: ...


def span(start: dt.datetime, end: dt.datetime) -> Span:
    return start.strftime(STAMP), end.strftime(STAMP)


def our_spans(records: list[dict[str, Any]], clock_end: Callable[[dt.datetime], dt.datetime]) -> list[Span]:
    """Our records as [start, end) intervals: precision `day`, `week`, `month`, … from the first day's
    midnight to the midnight after the last; a clock range from its start to its end (an end at hh:mm:59
    is the start of the next minute); one clock time from it to `clock_end(it)`, which the suite decides
    (our output says when, not how long)."""
    spans = []
    for record in records:
        start = dt.datetime.fromisoformat(record["start"]).replace(tzinfo=None)
        end = dt.datetime.fromisoformat(record["end"]).replace(tzinfo=None)
        if record["precision"] != "time":
            start = dt.datetime.combine(start.date(), dt.time(0))
            end = dt.datetime.combine(end.date(), dt.time(0)) + DAY
        elif start == end:
            end = clock_end(start)
        elif end.second == 59:
            end += SECOND
        spans.append(span(start, end))
    return spans


@dataclass
class Result:
    """Our parser on one case: the intervals, the records they came from, or the error."""

    case: Any
    ours: list[Span] = field(default_factory=list)
    found: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and self.case.accepts(self.ours)


def run_cases(cases: Iterable[Any], moment: Callable[[Any], dt.datetime],
              spans: Callable[[list[dict[str, Any]], Any], list[Span]]) -> list[Result]:
    """Every case through the function behind `feeds dates`, at the moment the case gives."""
    results = []
    for case in cases:
        result = Result(case)
        try:
            result.found = dates_records(case.text, moment(case))
            result.ours = spans(result.found, case)
        except Exception as error:  # a crash is a miss, never the end of the run
            result.error = f"{type(error).__name__}: {error}"
        results.append(result)
    return results


def groups(results: list[Result]) -> dict[str, list[Result]]:
    out: dict[str, list[Result]] = {}
    for result in results:
        out.setdefault(result.case.label, []).append(result)
    return dict(sorted(out.items(), key=lambda item: (-len(item[1]), item[0])))


def ratio(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total if total else 0:.2f})"


def show(interval: Span) -> str:
    return f"{interval[0]} .. {interval[1]}"


def report(results: list[Result], refused: dict[str, str]) -> str:
    """The misses by capability, then the per-group table."""
    out = []
    for name, members in groups(results).items():
        note = f"  (refused: {refused[name]})" if name in refused else ""
        out.append(f"\n## {name}: {sum(r.ok for r in members)}/{len(members)}{note}")
        for r in members:
            if r.ok:
                continue
            matched = "; ".join(f"{f['text']} {f['rule']}" for f in r.found)
            ours = r.error or " + ".join(map(show, r.ours)) or "nothing"
            out.append(f"  MISS {r.case.text}   expected {r.case.expected_text()}")
            out.append(f"       ours {ours}" + (f"   ({matched})" if matched else ""))
    out.append("\n" + table(results, refused))
    return "\n".join(out)


def table(results: list[Result], refused: dict[str, str]) -> str:
    lines = [f"{'group':<17} {'cases':>5}  ours"]
    for name, members in groups(results).items():
        lines.append(f"{name:<17} {len(members):>5}  {ratio(sum(r.ok for r in members), len(members))}"
                     + ("  refused" if name in refused else ""))
    return "\n".join(lines)


def summary(results: list[Result], refused: dict[str, str], skipped: int) -> str:
    kept = [r for r in results if r.case.label not in refused]
    line = f"ours {ratio(sum(r.ok for r in results), len(results))}"
    if skipped:
        line += f" ({skipped} skipped)"
    if len(kept) != len(results):
        line += f"; without the refused groups {ratio(sum(r.ok for r in kept), len(kept))}"
    return line


def as_json(results: list[Result], skipped: list[Any], refused: dict[str, str], suite: dict[str, Any],
            seconds: float) -> dict[str, Any]:
    return {
        "suite": suite,
        "seconds": round(seconds, 1),
        "summary": {"cases": len(results), "ours": sum(r.ok for r in results), "skipped": len(skipped)},
        "groups": {name: {"cases": len(m), "ours": sum(r.ok for r in m), "refused": refused.get(name, "")}
                   for name, m in groups(results).items()},
        "skipped": [asdict(s) for s in skipped],
        "cases": [{**asdict(r.case), "ours": [list(s) for s in r.ours], "ours_found": r.found, "error": r.error,
                   "ok": r.ok} for r in results],
    }


@dataclass(frozen=True)
class Suite:
    """A peer suite's command line: where its mirror is, how to read and run it, what it refuses."""

    description: str
    mirrors: str
    flag: str
    fetch_hint: str
    refused: dict[str, str]
    run: Callable[[Path, str], tuple[list[Result], list[Any], dict[str, Any]]]
    """(git directory, revision) -> (results, skipped cases, what the JSON says of the suite)."""


def main(suite: Suite) -> None:
    mirror = default_mirror(suite.mirrors)
    parser = argparse.ArgumentParser(description=suite.description)
    parser.add_argument(suite.flag, dest="git_dir", type=Path, default=mirror,
                        help=f"git directory of a mirror (default: the first match of {suite.mirrors}: {mirror})")
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("-v", "--verbose", action="store_true", help="the misses by capability and the group table")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the per-case results to FILE")
    args = parser.parse_args()
    if args.git_dir is None:
        sys.exit(f"no mirror found ({suite.mirrors}); {suite.fetch_hint} and give {suite.flag} DIR")
    started = time.perf_counter()
    results, skipped, about = suite.run(args.git_dir, args.rev)
    if args.verbose:
        print(report(results, suite.refused))
        print()
    print(summary(results, suite.refused, len(skipped)))
    if args.json:
        args.json.write_text(json.dumps(as_json(results, skipped, suite.refused, about,
                                                time.perf_counter() - started), ensure_ascii=False, indent=1),
                             encoding="utf-8")
