"""JioNLP's own time-parser test suite, scored for our date parser and for jionlp, in one run.

    .venv/bin/python bench/jio_suite.py [-v] [--json FILE] [--jionlp-git DIR] [--feeds PATH]

Why: `tests/test_dates_table.py` is our table, written around newspaper text; this is the peer's,
written for jionlp, so it shows what jionlp understands and we do not. None of it is stored here:
`test/test_time_parser.py` is read at run time from a local git mirror of dongrixinyu/JioNLP
(`git show HEAD:…`) and parsed with `ast`, never executed. jionlp is an optional bench dependency:
without it only our side runs (this module imports without it).

Cases. Every `[text, time_base, expected]` row of a list the suite passes to `jio.parse_time` with
`time_base` alone (default options), whose expected `type` is `time_point` or `time_span` and whose
`time` is a closed pair. Skipped, and listed with their reason (`-v`, `--json`):

- `time_delta` and `time_period` rows (`三天`, `每周三`): durations and recurrences, not spans of the
  calendar;
- open answers (`今晚八点以后` → [20:00:00, inf], `两天之前` → [-inf, …]): no closed interval to compare,
  and our parser has no open end (`起` is its anchor day with a cue);
- rows run under non-default options: `ret_future=True` (answers moved to the future),
  `period_results_num` (periods) and `lunar_date=False`.

Time base, as the suite gives it: a timestamp (read in UTC+8, which the suite assumes:
`_ts_1 = 1623604000  # 2021-06-14 01:06:40`; jionlp converts timestamps with the local clock, so it
runs with `TZ=Asia/Shanghai`), a `datetime`, a list or a dict (possibly partial, `{'year': 2021}`),
or `time.time()` (the time of the run, as when the suite runs). jionlp gets it exactly as the suite
passes it. Ours gets it to the second through `feeds dates --published YYYY-MM-DDTHH:MM:SS`
(`base_clock` in the JSON says the base had a time of day), and a partial base becomes
its first day (missing month and day are 1, jionlp's own filling; `base_partial`). Cases whose answer
depends on the base's time of day (an end at the base instant, as in `年底前` or `近30天`, or hours and
minutes counted from it, `半小时前`) are marked `needs_clock` and also counted apart.

Intervals: [start, end], both inclusive, to the second, wall-clock time in Beijing, as jionlp's
answers are written. Our JSON answers become intervals so:

- precision `day` or `month` (dates; a month or a year is already its first and last day):
  start 00:00:00 to end 23:59:59;
- precision `time`, start == end (one clock time): with seconds, that second; with a minute
  (minute ≠ 0, or the matched text has `:` or `分`: `3:00`), hh:mm:00–hh:mm:59; an hour alone
  (`10点`, `十一点整`), hh:00:00–hh:59:59 — jionlp's reading (`10点` → 10:00:00–10:59:59);
- precision `time`, start ≠ end (a range): start as given; the end as given when it has seconds or
  is an hour alone (`至下午8点` → 20:00:00), else widened to its minute's 59th second (`3点十分`,
  `14:00`) — jionlp's convention for the end of a range in the suite (`明天下午3点至下午8点` →
  15:00:00–20:00:00, `中午12：00—14:00` → 12:00:00–14:00:59).

A case is right when the set of intervals found in its text equals {expected}: for ours, every match
`feeds dates` reports in the text; for jionlp, the one answer of `parse_time`, when it is a closed
`time_point` or `time_span`. Nothing found, one interval too many (a second match, a list read as
separate days), another interval, or an error is a miss. No partial credit, no comparison on days.

Each case also gets a short capability label read from its text (`label`, first rule that matches:
range, holiday, lunar, …), for the per-group table; the labels are ours, not the suite's sections.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from jio import load, quiet

ROOT = Path(__file__).resolve().parent.parent
FEEDS = ROOT / ".venv" / "bin" / "feeds"
MIRRORS = "/work/.mirror/*[Jj]io[Nn][Ll][Pp]*"
SUITE = "test/test_time_parser.py"
SUITE_TEST = "test_time_parser"
STAMP = "%Y-%m-%d %H:%M:%S"
UTC8 = dt.timezone(dt.timedelta(hours=8))
KINDS = ("time_point", "time_span")
SECOND = dt.timedelta(seconds=1)

Span = tuple[str, str]
"""An interval as jionlp writes it: ('YYYY-MM-DD HH:MM:SS', 'YYYY-MM-DD HH:MM:SS'), both inclusive."""


# --- the peer's suite ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One row of the suite: what jionlp is given, what ours is given, and the expected interval."""

    text: str
    base: Any
    """The time base as the suite passes it (timestamp, datetime, list or dict); jionlp gets a copy."""
    base_source: str
    """The base as written in the suite (`_ts_1`, `{'year': 2021}`, `time.time()`)."""
    moment: dt.datetime
    """The base as a Beijing wall-clock time, missing fields filled as jionlp fills them."""
    base_partial: bool
    kind: str
    definition: str
    expected: Span
    line: int
    label: str

    @property
    def published(self) -> dt.date:
        """What our CLI gets: the base's date."""
        return self.moment.date()

    @property
    def base_clock(self) -> bool:
        """The base has a time of day, which the CLI cannot take."""
        return self.moment.time() != dt.time(0)

    @property
    def needs_clock(self) -> bool:
        """The expected answer depends on the base's time of day, so a date-only call cannot get it."""
        if not self.base_clock:
            return False
        instant = self.moment.strftime(STAMP)
        widened = (self.moment.replace(second=0) + 59 * SECOND).strftime(STAMP)
        return bool({instant, widened} & set(self.expected)) or bool(re.search(RELATIVE_CLOCK, self.text))


@dataclass(frozen=True)
class Skipped:
    """A row left out, and why."""

    text: str
    line: int
    reason: str


def default_mirror(pattern: str = MIRRORS) -> Path | None:
    """The git directory the `fetch` tool leaves under /work/.mirror/ for a peer (JioNLP by default), if any."""
    for candidate in sorted(glob.glob(pattern)) + sorted(glob.glob(pattern + "/*")):
        if (Path(candidate) / "HEAD").is_file() and (Path(candidate) / "objects").is_dir():
            return Path(candidate)
    return None


def git(git_dir: Path, *args: str) -> str:
    """A git command's output in a mirror (read only: `show`, `rev-parse`)."""
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def read_suite(git_dir: Path, rev: str = "HEAD") -> tuple[str, str]:
    """The suite's source and the commit it was read at, straight from the mirror (nothing copied here)."""
    return git(git_dir, "show", f"{rev}:{SUITE}"), git(git_dir, "rev-parse", rev).strip()


def read_cases(source: str, now: float) -> tuple[list[Case], list[Skipped]]:
    """Every scoreable row of `test_time_parser`, read with `ast`; the other rows with their reason.

    The test assigns `time_string_list = [...]`, then loops over it calling
    `jio.parse_time(item[0], time_base=item[1], …)`; the keywords of that call are the options
    the list runs under. Names such as `_ts_1` are the test's own constant assignments.
    """
    tree = ast.parse(source)
    test = next(node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == SUITE_TEST)
    names: dict[str, Any] = {}
    rows: ast.List | None = None
    cases: list[Case] = []
    skipped: list[Skipped] = []
    for statement in test.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name):
            name = statement.targets[0].id
            if name == "time_string_list" and isinstance(statement.value, ast.List):
                rows = statement.value
            else:
                with contextlib.suppress(ValueError, TypeError, SyntaxError):
                    names[name] = ast.literal_eval(statement.value)
        elif isinstance(statement, ast.For) and rows is not None:
            base_index, options = _call_options(statement)
            for row in rows.elts:
                case, reason = _row(row, base_index, options, names, now, source)
                if case is not None:
                    cases.append(case)
                else:
                    text = row.elts[0].value if isinstance(row, ast.List) else ast.unparse(row)
                    skipped.append(Skipped(str(text), row.lineno, reason))
            rows = None
    return cases, skipped


def _call_options(loop: ast.For) -> tuple[int, list[str]]:
    """Which element of a row is the time base, and the non-default options of the loop's call."""
    call = next(node for node in ast.walk(loop) if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute) and node.func.attr == "parse_time")
    base_index, options = 1, []
    for keyword in call.keywords:
        if keyword.arg == "time_base":
            if isinstance(keyword.value, ast.Subscript) and isinstance(keyword.value.slice, ast.Constant):
                base_index = keyword.value.slice.value
        else:
            options.append(f"{keyword.arg}={ast.unparse(keyword.value)}")
    return base_index, options


def _row(row: ast.expr, base_index: int, options: list[str], names: dict[str, Any], now: float,
         source: str) -> tuple[Case | None, str]:
    """One row as a case, or None and the reason it is left out."""
    if not isinstance(row, ast.List) or not isinstance(row.elts[0], ast.Constant):
        return None, "not a [text, base, expected] row"
    try:
        expected = ast.literal_eval(row.elts[-1])
    except ValueError:
        return None, "expected answer not a literal"
    kind = expected.get("type") if isinstance(expected, dict) else None
    if options:
        return None, "non-default option " + ", ".join(options)
    if kind not in KINDS:
        return None, f"{kind}: not a span of the calendar"
    times = expected.get("time")
    if not (isinstance(times, list) and len(times) == 2 and all(_is_stamp(t) for t in times)):
        return None, f"open answer {times}"
    try:
        base = _base(row.elts[base_index], names, now)
        moment, partial = _moment(base)
    except (ValueError, KeyError, TypeError) as error:
        return None, f"time base not understood ({error})"
    text = row.elts[0].value
    return Case(text=text, base=base, base_source=ast.get_source_segment(source, row.elts[base_index]) or "",
                moment=moment, base_partial=partial, kind=kind, definition=expected.get("definition", ""),
                expected=(times[0], times[1]), line=row.lineno, label=label(text)), ""


def _is_stamp(value: Any) -> bool:
    try:
        dt.datetime.strptime(value, STAMP)
    except (TypeError, ValueError):
        return False
    return True


def _base(node: ast.expr, names: dict[str, Any], now: float) -> Any:
    """The time base a row passes: a constant, one of the test's names, `time.time()` or a `datetime`."""
    if isinstance(node, ast.Name):
        return names[node.id]
    if isinstance(node, ast.Call):
        function = ast.unparse(node.func)
        if function == "time.time":
            return now
        if function in ("datetime.datetime", "datetime"):
            return dt.datetime(*[ast.literal_eval(arg) for arg in node.args])
        raise ValueError(function)
    value = ast.literal_eval(node)
    if value is None:
        raise ValueError("no time base")
    return value


def _moment(base: Any) -> tuple[dt.datetime, bool]:
    """The base as a naive Beijing datetime, and whether a part of its date was missing."""
    if isinstance(base, dt.datetime):
        return base.replace(tzinfo=None), False
    if isinstance(base, int | float) and not isinstance(base, bool):
        return dt.datetime.fromtimestamp(base, UTC8).replace(tzinfo=None), False
    if isinstance(base, list):
        fields = list(base) + [-1] * (6 - len(base))
    elif isinstance(base, dict):
        fields = [base.get(key, -1) for key in ("year", "month", "day", "hour", "minute", "second")]
    else:
        raise TypeError(type(base).__name__)
    filled = [value if value >= 0 else (1 if index < 3 else 0) for index, value in enumerate(fields)]
    return dt.datetime(*filled), any(value < 0 for value in fields[1:3])


# --- capability labels --------------------------------------------------------------------------

_COUNT = r"(?<![\d〇零一二两三四五六七八九十百千])(?:\d{1,3}|\d+(?=[个多半])|[一二两三四五六七八九十百千几仨俩]+|半)"
_CLOCK_UNIT = r"(?:小时|钟头|分钟|分半钟?|分|秒钟?|刻钟)"
_DAY_UNIT = r"(?:天|日|周|星期|礼拜|月|年|季度|交易日|工作日)"
_DAY_UNIT_AFTER = r"(?:天|日|周|星期|礼拜|(?<=[个多半])月|年|季度|交易日|工作日)"
"""A bare `6月之前` is a month of the calendar, not six months: counted months say 个 (`两个半月前`)."""
_AROUND = r"(?:以|之)?(?:前|后|内|来)"
_FROM_NOW = r"(?:未来|最近|过去的?|再过|今后|近|过|前)"
RELATIVE_CLOCK = rf"{_COUNT}[个多半]*{_CLOCK_UNIT}[多半]*{_AROUND}|{_FROM_NOW}{_COUNT}[个多半]*{_CLOCK_UNIT}"
"""Hours, minutes or seconds counted from the base (`半小时前`, `未来48小时`, `前两分钟`)."""

LABELS: tuple[tuple[str, str], ...] = (
    ("range", r"(?<![冬夏])至|到|—|~|～|－|[年月]\d+[日号月]?-[\d一二三四五六七八九十]"
              r"|\.\d+-\d{4}|\d-\d{4}\.|[，,]\s*\d+号"),
    ("holiday", r"节|元旦|春节|国庆|端午|中秋|元宵|七夕|除夕|大年三十|^十一$"),
    ("lunar", r"农历|阴历|闰|腊月|正月|冬月|廿|初[一二三四五六七八九十]"
              r"|月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十)"
              r"(?![日号\d〇零一二三四五六七八九十])"),
    ("solar-term", r"立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降"
                   r"|立冬|小雪|大雪|冬至|小寒|大寒"),
    ("season", r"[春夏秋冬][季天]|年[春夏秋冬]$|暑假|寒假"),
    ("quarter", r"季度"),
    ("century", r"世纪|年代"),
    ("relative-clock", RELATIVE_CLOCK),
    ("ordinal", r"第|首月|[年月](?:前|后|最后|头)[\d一二两三四五六七八九十]+个?[月天]"),
    ("relative-span", rf"{_COUNT}[个多半]*{_DAY_UNIT_AFTER}[个多半]*{_AROUND}|{_FROM_NOW}{_COUNT}[个多半]*{_DAY_UNIT}"),
    ("since-until", r"起|以来|之前|以前|前$|之后|以后|以内|内$|止|截至"),
    ("part-of-year", r"年[底初末]|伊始|[上下]半年|[上中下]旬|月[初底末]|[初末前后]期"),
    ("week", r"周|星期|礼拜"),
    ("numeric", r"^[\d\s/.\-:：·]+$"),
    ("clock", r"[\d〇零一二两三四五六七八九十][点时]|[:：]\d"),
    ("part-of-day", r"上午|下午|中午|早上|晚上|夜|凌晨|黎明|白天|午后|午夜|傍晚|全天"),
    ("relative-day", r"[今明昨前后]天|[本当今明昨次]日|现在|[今当昨]晚"),
    ("relative-ym", r"[上下本当同这]个?月|上一个月|[去明今前后次]年|上一年|这一年|今明"),
    ("date", r"[年月日号]"),
)
"""Capability labels, first match wins: a range of lunar dates is a range, a clock on a holiday a holiday."""


def label(text: str, labels: tuple[tuple[str, str], ...] = LABELS) -> str:
    """A short name for what a case exercises, read from its text (see LABELS; another suite's, given)."""
    return next((name for name, pattern in labels if re.search(pattern, text)), "other")


# --- the two parsers ----------------------------------------------------------------------------


def ours(text: str, base: dt.datetime, feeds: Path = FEEDS,
         found: list[dict[str, Any]] | None = None) -> list[tuple[dt.datetime, dt.datetime]]:
    """Our parser as a user calls it, `feeds dates TEXT --published DAY[THH:MM] --json`, answers as intervals.

    The base reaches the CLI to the second (`--published` takes a time of day since issue 12). `found`, if
    given, receives the CLI's JSON records (matched text, rule, precision) for the report.
    """
    published = base.strftime("%Y-%m-%dT%H:%M:%S") if base.time() != dt.time(0) else base.date().isoformat()
    done = subprocess.run([str(feeds), "dates", text, "--published", published, "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    if done.returncode:
        raise RuntimeError(f"feeds dates exited {done.returncode}: {done.stderr.strip()[-300:]}")
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if found is not None:
        found.extend(records)
    return [_interval(record) for record in records]


def dates_records(text: str, base: dt.datetime) -> list[dict[str, Any]]:
    """What `feeds dates TEXT --published BASE --json` prints, one dict per line, without a process:
    the same call the command makes (`normalize`, then `find_dates(…, every_kind=True, now=…)`)."""
    from feeds.extract.dates import find_dates
    from feeds.extract.normalize import normalize
    from feeds.models import TZ

    now = base.replace(tzinfo=TZ) if base.time() != dt.time(0) else None
    return [match.as_json() for match in find_dates(normalize(text), base.date(), every_kind=True, now=now)]


def ours_in_process(text: str, base: dt.datetime,
                    found: list[dict[str, Any]] | None = None) -> list[tuple[dt.datetime, dt.datetime]]:
    """`ours` without the CLI (`--in-process`): the same records, in a fraction of the time."""
    records = dates_records(text, base)
    if found is not None:
        found.extend(records)
    return [_interval(record) for record in records]


def _interval(record: dict[str, Any]) -> tuple[dt.datetime, dt.datetime]:
    """One of our JSON answers as jionlp writes an interval (see the module docstring)."""
    if record["precision"] != "time":
        start, end = dt.date.fromisoformat(record["start"][:10]), dt.date.fromisoformat(record["end"][:10])
        return dt.datetime.combine(start, dt.time(0)), dt.datetime.combine(end, dt.time(23, 59, 59))
    start = dt.datetime.fromisoformat(record["start"]).replace(tzinfo=None)
    end = dt.datetime.fromisoformat(record["end"]).replace(tzinfo=None)
    text = record.get("text", "")
    if start == end:
        if start.second:
            return start, start
        if start.minute or _spells_minute(text):
            return start, start + 59 * SECOND
        return start, start + 3599 * SECOND
    last = re.split(r"至|到|—+|~|～|－|-", text)[-1]
    if end.second or not (end.minute or _spells_minute(last)):
        return start, end
    return start, end + 59 * SECOND


def _spells_minute(text: str) -> bool:
    """The text gives a minute, even a zero one (`3:00`, `8点0分`), so the answer is to the minute."""
    return bool(re.search(r"[:：]\d|分", text))


def jionlp(jio: ModuleType, case: Case) -> dict[str, Any]:
    """`jio.parse_time` on the case, as the suite calls it; call inside `quiet()` and `beijing_clock()`."""
    return jio.parse_time(case.text, time_base=copy.deepcopy(case.base))  # it extends a list base in place


def jionlp_spans(answer: dict[str, Any]) -> set[Span]:
    """jionlp's answer as a set of intervals: one closed time_point or time_span, else nothing."""
    times = answer.get("time") if isinstance(answer, dict) else None
    if answer.get("type") in KINDS and isinstance(times, list) and len(times) == 2 and all(map(_is_stamp, times)):
        return {(times[0], times[1])}
    return set()


@contextlib.contextmanager
def beijing_clock() -> Iterator[None]:
    """Local time in UTC+8 while jionlp runs: it reads timestamp bases with the local clock."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


# --- a run --------------------------------------------------------------------------------------


@dataclass
class Result:
    """Both parsers on one case."""

    case: Case
    ours: list[Span] = field(default_factory=list)
    ours_found: list[dict[str, Any]] = field(default_factory=list)
    ours_error: str = ""
    jionlp: list[Span] = field(default_factory=list)
    jionlp_answer: Any = None
    jionlp_error: str = ""

    @property
    def ours_ok(self) -> bool:
        return not self.ours_error and set(self.ours) == {self.case.expected}

    @property
    def jionlp_ok(self) -> bool | None:
        if self.jionlp_answer is None and not self.jionlp_error:
            return None
        return not self.jionlp_error and set(self.jionlp) == {self.case.expected}

    @property
    def ours_miss(self) -> str:
        """How ours missed: nothing, something else, or the right interval among others."""
        if self.ours_ok:
            return ""
        if self.ours_error:
            return "error"
        if not self.ours:
            return "nothing"
        return "extra" if self.case.expected in self.ours else "wrong"


@dataclass
class Run:
    """Everything one run measured, with where the suite came from."""

    git_dir: str
    commit: str
    feeds: str
    jionlp_version: str | None
    results: list[Result]
    skipped: list[Skipped]
    seconds: float = 0.0

    def score(self, who: str, results: list[Result] | None = None) -> tuple[int, int]:
        chosen = self.results if results is None else results
        return sum(bool(getattr(r, f"{who}_ok")) for r in chosen), len(chosen)

    def groups(self) -> dict[str, list[Result]]:
        """Results by capability label, biggest group first."""
        out: dict[str, list[Result]] = {}
        for result in self.results:
            out.setdefault(result.case.label, []).append(result)
        return dict(sorted(out.items(), key=lambda item: (-len(item[1]), item[0])))


def run(git_dir: Path, feeds: Path | None = FEEDS, rev: str = "HEAD", jobs: int = 4, with_jionlp: bool = True) -> Run:
    """Read the suite from the mirror, run both parsers on every case (ours in a pool of CLI calls, or in
    this process when `feeds` is None)."""
    started = time.perf_counter()
    if feeds is not None and not Path(feeds).is_file():
        raise FileNotFoundError(f"no feeds executable at {feeds} (give --feeds PATH)")
    source, commit = read_suite(git_dir, rev)
    cases, skipped = read_cases(source, time.time())
    results = [Result(case) for case in cases]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending = [pool.submit(_ours_on, result, feeds) for result in results]
        jio = load() if with_jionlp else None  # while our CLI calls run
        if jio is not None:
            with quiet(), beijing_clock():
                for result in results:
                    _jionlp_on(jio, result)
        for future in pending:
            future.result()
    version = getattr(jio, "__version__", "?") if jio is not None else None
    return Run(str(git_dir), commit, str(feeds), version, results, skipped, time.perf_counter() - started)


def _ours_on(result: Result, feeds: Path | None) -> None:
    try:
        found = ours_in_process(result.case.text, result.case.moment, result.ours_found) if feeds is None \
            else ours(result.case.text, result.case.moment, feeds, result.ours_found)
        result.ours = [(start.strftime(STAMP), end.strftime(STAMP)) for start, end in found]
    except Exception as error:  # a crash is a miss, never the end of the run
        result.ours_error = f"{type(error).__name__}: {error}"


def _jionlp_on(jio: ModuleType, result: Result) -> None:
    try:
        result.jionlp_answer = jionlp(jio, result.case)
        result.jionlp = sorted(jionlp_spans(result.jionlp_answer))
    except Exception as error:  # jionlp raises on what it cannot parse
        result.jionlp_error = f"{type(error).__name__}: {error}"


# --- output -------------------------------------------------------------------------------------


def _ratio(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total if total else 0:.2f})"


def summary(result: Run) -> str:
    """The one line: `ours N/M (0.xx)  jionlp N/M (0.xx)`."""
    line = f"ours {_ratio(*result.score('ours'))}"
    if result.jionlp_version is not None:
        line += f"  jionlp {_ratio(*result.score('jionlp'))}"
    return line


def clock_line(result: Run) -> str:
    """The same scores without the cases a date-only call cannot get (their answer needs the base's clock)."""
    rest = [r for r in result.results if not r.case.needs_clock]
    line = f"without the {len(result.results) - len(rest)} cases that need the base's time of day: " \
           f"ours {_ratio(*result.score('ours', rest))}"
    if result.jionlp_version is not None:
        line += f"  jionlp {_ratio(*result.score('jionlp', rest))}"
    return line


def group_table(result: Run) -> str:
    """Ours beside jionlp, per capability label."""
    lines = [f"{'group':<15} {'cases':>5}  {'ours':<13} {'jionlp':<13}"]
    for name, members in result.groups().items():
        jio = _ratio(*result.score("jionlp", members)) if result.jionlp_version is not None else "-"
        lines.append(f"{name:<15} {len(members):>5}  {_ratio(*result.score('ours', members)):<13} {jio:<13}")
    return "\n".join(lines)


def show(span: Span) -> str:
    """An interval compactly: a day alone, days alone, or times (the end's date only when it differs)."""
    start, end = span
    if start.endswith("00:00:00") and end.endswith("23:59:59"):
        return start[:10] if start[:10] == end[:10] else f"{start[:10]}..{end[:10]}"
    return f"{start}..{end[11:]}" if start[:10] == end[:10] else f"{start}..{end}"


def _answer(spans: list[Span], error: str) -> str:
    if error:
        return error
    return " + ".join(show(span) for span in spans) or "nothing"


def _base_text(case: Case) -> str:
    shown = case.base_source if case.base_source.startswith(("{", "[")) else case.moment.strftime(STAMP)
    notes = [] if case.published == case.moment else [f"ours: {case.published}"]
    if case.needs_clock:
        notes.append("needs the clock")
    return shown + (f" ({', '.join(notes)})" if notes else "")


def report(result: Run) -> str:
    """Per case, grouped by capability: text, base, expected, ours, jionlp, ok/miss; then the table."""
    out = []
    for name, members in result.groups().items():
        ours_right, total = result.score("ours", members)
        out.append(f"\n## {name}: ours {ours_right}/{total}"
                   + (f", jionlp {result.score('jionlp', members)[0]}/{total}" if result.jionlp_version else ""))
        for r in members:
            mark = "ok  " if r.ours_ok else "MISS"
            jmark = "" if r.jionlp_ok is None else ("jio ok  " if r.jionlp_ok else "jio MISS")
            out.append(f"  {mark} {jmark}  {r.case.text}   [base {_base_text(r.case)}]")
            out.append(f"      expected {show(r.case.expected)}")
            matched = "; ".join(f"{f['text']} {f['rule']}" for f in r.ours_found)
            out.append(f"      ours     {_answer(r.ours, r.ours_error)}" + (f"   ({matched})" if matched else ""))
            if r.jionlp_ok is not None:
                kind = r.jionlp_answer.get("type", "") if isinstance(r.jionlp_answer, dict) else ""
                extra = f"   ({kind})" if kind and kind not in KINDS else ""
                out.append(f"      jionlp   {_answer(r.jionlp, r.jionlp_error)}{extra}")
    out.append(f"\nskipped {len(result.skipped)} rows:")
    by_reason: dict[str, list[str]] = {}
    for row in result.skipped:
        by_reason.setdefault("open answer" if row.reason.startswith("open") else row.reason, []).append(row.text)
    for reason, texts in sorted(by_reason.items(), key=lambda item: -len(item[1])):
        out.append(f"  {len(texts):>3} {reason}: {' | '.join(texts)}")
    out.append("\n" + group_table(result))
    return "\n".join(out)


def markdown(result: Run) -> str:
    """The section bench/run.py prints: the scores and the per-group table."""
    jio = result.jionlp_version is not None
    rows = ["| group | cases | ours | jionlp |", "| --- | ---: | ---: | ---: |"]
    for name, members in result.groups().items():
        rows.append(f"| {name} | {len(members)} | {_ratio(*result.score('ours', members))} | "
                    f"{_ratio(*result.score('jionlp', members)) if jio else '—'} |")
    rows.append(f"| **all** | **{len(result.results)}** | **{_ratio(*result.score('ours'))}** | "
                f"**{_ratio(*result.score('jionlp')) if jio else '—'}** |")
    head = (f"## Date parser on JioNLP's time-parser suite (`{SUITE}` at {result.commit[:7]}, "
            f"{len(result.results)} cases, {len(result.skipped)} rows skipped)")
    rest = clock_line(result)
    return "\n\n".join([head, "\n".join(rows), rest[0].upper() + rest[1:] + "."])


def as_json(result: Run) -> dict[str, Any]:
    """Per-case results for later analysis, with what was skipped and where the suite came from."""
    cases = []
    for r in result.results:
        case = r.case
        cases.append({
            "text": case.text, "label": case.label, "line": case.line, "type": case.kind,
            "definition": case.definition, "base": case.base_source, "base_resolved": case.moment.strftime(STAMP),
            "published": case.published.isoformat(), "base_clock": case.base_clock,
            "base_partial": case.base_partial, "needs_clock": case.needs_clock, "expected": list(case.expected),
            "ours": [list(span) for span in r.ours], "ours_found": r.ours_found, "ours_error": r.ours_error,
            "ours_ok": r.ours_ok, "ours_miss": r.ours_miss,
            "jionlp": [list(span) for span in r.jionlp], "jionlp_answer": r.jionlp_answer,
            "jionlp_error": r.jionlp_error, "jionlp_ok": r.jionlp_ok,
        })
    ours_right, total = result.score("ours")
    jio_right = result.score("jionlp")[0] if result.jionlp_version is not None else None
    return {
        "suite": {"git_dir": result.git_dir, "commit": result.commit, "path": SUITE},
        "feeds": result.feeds, "jionlp_version": result.jionlp_version, "seconds": round(result.seconds, 1),
        "summary": {"cases": total, "ours": ours_right, "jionlp": jio_right,
                    "needs_clock": sum(r.case.needs_clock for r in result.results)},
        "groups": {name: {"cases": len(members), "ours": result.score("ours", members)[0],
                          "jionlp": result.score("jionlp", members)[0] if jio_right is not None else None}
                   for name, members in result.groups().items()},
        "skipped": [asdict(s) for s in result.skipped],
        "cases": cases,
    }


def arguments() -> argparse.Namespace:
    mirror = default_mirror()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jionlp-git", type=Path, default=mirror,
                        help=f"git directory of a JioNLP mirror (default: the first match of {MIRRORS}: {mirror})")
    parser.add_argument("--rev", default="HEAD", help="revision of the suite to read (default: HEAD)")
    parser.add_argument("--feeds", type=Path, default=FEEDS, help=f"the feeds executable (default: {FEEDS})")
    parser.add_argument("--in-process", action="store_true",
                        help="call the function behind `feeds dates` here instead of the CLI (same answers, faster)")
    parser.add_argument("--jobs", type=int, default=4, help="CLI calls in parallel (default: 4)")
    parser.add_argument("--no-jionlp", action="store_true", help="our side only")
    parser.add_argument("-v", "--verbose", action="store_true", help="every case, grouped, and the per-group table")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the per-case results to FILE")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    if args.jionlp_git is None:
        sys.exit(f"no JioNLP mirror found ({MIRRORS}); fetch github:dongrixinyu/JioNLP and give --jionlp-git DIR")
    result = run(args.jionlp_git, None if args.in_process else args.feeds, args.rev,
                 1 if args.in_process else args.jobs, not args.no_jionlp)
    if result.jionlp_version is None and not args.no_jionlp:
        print("jionlp is not installed (`.venv/bin/pip install jionlp`, or `.[bench]`): our side only")
    if args.verbose:
        print(report(result))
        print()
    print(summary(result))
    if args.verbose:
        print(clock_line(result))
    if args.json:
        args.json.write_text(json.dumps(as_json(result), ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
