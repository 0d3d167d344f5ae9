"""Microsoft Recognizers-Text's Chinese date-time specs, scored for our date parser: a third peer's suite.

    .venv/bin/python bench/recognizers_suite.py [-v] [--json FILE] [--recognizers-git DIR]

Why: JioNLP's suite and Duckling's corpus were each written for one parser; Recognizers-Text's specs
(microsoft/Recognizers-Text, `Specs/DateTime/Chinese/*.json`) were written by a third team, for the
end-to-end model and for each of its parsers, each case with its own reference time. None of it is
stored here: the JSON files are read at run time from a local git mirror (`git show HEAD:…`; fetch
`github:microsoft/Recognizers-Text`) and only their data is read.

Cases. Every `{"Input", "Context": {"ReferenceDateTime"}, "Results"}` record of `DateTimeModel.json`
(the model: what a whole sentence yields) and of the parser specs for dates, date periods, clock
times, time periods, date-times, date-time periods and holidays (each its own expression), the same
input at the same reference time counted once. Ours gets the reference time as the moment of
publication, exactly as `feeds dates INPUT --published YYYY-MM-DDTHH:MM:SS --json` (the function
behind it, in this process). A case whose expected results include a duration (`三天`), a recurrence
(`每周一`), an open interval (`2018年以前`, `Mod: before`), a value the spec leaves unresolved
(`not resolved`, a season with no dates) is skipped and listed: no closed interval to compare.
A case expecting no result (`12号` alone, a phone number) is kept: right when we find nothing.

Intervals: [start, end), end exclusive, to the second, wall-clock time.

- Theirs: a `date` is that day; a `datetime` or a `time` one instant (a `time` on the reference
  day); a `daterange`, `timerange` or `datetimerange` its `start` and `end` as written (a month is
  its first day to the next month's first), except that a range written from one unit to another
  (`从一月十日到十二日`, `1995 - 1997年`: the text has a connector and the timex is a pair) names its
  last unit, which Recognizers gives by its start: that unit is counted in, as a reader counts it.
  A lunar date (`isLunar`, or a result that names one: `中秋节`, `正月初一`, `农历…`, whose value the
  parser specs write as its lunar month and day) is converted to its Gregorian day with lunar-python,
  the library our parser uses; a lunar day that does not exist (`除夕` as the 31st) leaves the case
  skipped. An ambiguous expression (`29日`, `元旦`: Recognizers gives the past and the future
  reading, the model as several values) accepts any of its readings.
- Ours: precision `day`, `week`, `month`, … from the first day's midnight to the midnight after the
  last; precision `time`, one clock time an instant, a range from its start to its end (an end at
  hh:mm:59 or 23:59:59 is the start of the next minute or day).

A case is right when our intervals can be paired one to one with the expected results, each with
one of its readings: nothing, one too many, another interval or an error is a miss. Each case gets a
capability label read from its text (first rule that matches) for the per-group table.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peer_suite
from jio_suite import git, label
from peer_suite import DAY, Result, Span, show, span

MIRRORS = "/work/.mirror/*[Rr]ecognizers-[Tt]ext*"
SPECS = "Specs/DateTime/Chinese"
FILES = ("DateTimeModel", "DateParser", "DatePeriodParser", "TimeParser", "TimePeriodParser", "DateTimeParser",
         "DateTimePeriodParser", "HolidayParser")
UNCOMPARABLE = ("duration", "set")

RANGE_CONNECTOR = re.compile(r"到|至|-|－|—|~|～|间|間")
TIMEX_UNIT = re.compile(r"^\([^,]+,[^,]+,P\d*(?:\.\d+)?([YMWD])\)$")
NAMES_LUNAR = re.compile(r"农历|農曆|阴历|陰曆|正月|腊月|臘月|初[一二三四五六七八九十]"
                         r"|春节|春節|元宵|端午|中秋|重阳|重陽|除夕|大年")
"""A result naming a lunar date: the parser specs write its lunar month and day as the value (中秋节 XXXX-08-15)."""


@dataclass(frozen=True)
class Expected:
    """One expression the spec finds in the input, with every reading it accepts."""

    text: str
    readings: tuple[Span, ...]


@dataclass(frozen=True)
class Case:
    text: str
    reference: str
    expected: tuple[Expected, ...]
    spec: str
    label: str

    def accepts(self, ours: list[Span]) -> bool:
        return paired(ours, self.expected)

    def expected_text(self) -> str:
        readings = " + ".join(f"{e.text}: " + " | ".join(map(show, e.readings)) for e in self.expected)
        return f"{readings or 'nothing'}   (at {self.reference}, {self.spec})"


@dataclass(frozen=True)
class Skipped:
    text: str
    spec: str
    reason: str


class Uncomparable(ValueError):
    """An expected result with no closed interval (a duration, a recurrence, an open end, unresolved)."""


# --- theirs -------------------------------------------------------------------------------------


def read_spec(git_dir: Path, name: str, rev: str = "HEAD") -> list[dict[str, Any]]:
    """One spec file's records, straight from the mirror (nothing copied here)."""
    return json.loads(git(git_dir, "show", f"{rev}:{SPECS}/{name}.json"))


def commit_of(git_dir: Path, rev: str = "HEAD") -> str:
    return git(git_dir, "rev-parse", rev).strip()


def read_cases(records: list[dict[str, Any]], spec: str,
               seen: set[tuple[str, str]]) -> tuple[list[Case], list[Skipped]]:
    """The comparable cases of one spec file, and the others with their reason."""
    cases, skipped = [], []
    for record in records:
        text = record["Input"]
        reference = (record.get("Context", {}).get("ReferenceDateTime")
                     or dt.datetime.now().strftime("%Y-%m-%dT%H:%M:%S"))
        if (text, reference) in seen:
            continue
        seen.add((text, reference))
        base = dt.datetime.fromisoformat(reference)
        try:
            expected = tuple(_expected(result, base) for result in record["Results"])
        except Uncomparable as why:
            skipped.append(Skipped(text, spec, str(why)))
            continue
        tag = "none-expected" if not expected else label(text, LABELS)
        cases.append(Case(text, reference, expected, spec, tag))
    return cases, skipped


def _expected(result: dict[str, Any], base: dt.datetime) -> Expected:
    """A model result (`Resolution.values`) or a parser result (`Value.Future/PastResolution`) as readings."""
    kind = (result.get("TypeName") or result.get("Type") or "").removeprefix("datetimeV2.")
    if kind in UNCOMPARABLE:
        raise Uncomparable(kind)
    if "Resolution" in result:
        values = [(v.get("timex", ""), v) for v in result["Resolution"]["values"]]
    else:
        value = result["Value"]
        values = [(value.get("Timex", ""), _model_keys(value[which]))
                  for which in ("PastResolution", "FutureResolution")]
    readings = tuple(dict.fromkeys(r for timex, v in values if (r := _reading(kind, timex, v, result["Text"], base))))
    if not readings:
        raise Uncomparable("lunar date that does not exist")
    return Expected(result["Text"], readings)


def _model_keys(resolution: dict[str, str]) -> dict[str, str]:
    """A parser spec's resolution keys (`startDate`, `dateTime`, `time`) as the model's (`start`, `value`)."""
    keys = {"date": "value", "time": "value", "dateTime": "value", "startDate": "start", "endDate": "end",
            "startTime": "start", "endTime": "end", "startDateTime": "start", "endDateTime": "end"}
    return {keys[k]: v for k, v in resolution.items() if k in keys}


def _reading(kind: str, timex: str, value: dict[str, str], text: str, base: dt.datetime) -> Span | None:
    """One reading as an interval; None for a lunar value no lunar month has (`正月三十` in a short month)."""
    if value.get("Mod") or value.get("value") == "not resolved":
        raise Uncomparable("open interval" if value.get("Mod") else "not resolved")
    if "value" in value:
        if "start" in value or "end" in value:
            raise Uncomparable("value and range")
        moment = _moment(value["value"], base)
        if value.get("isLunar") or NAMES_LUNAR.search(text):
            day = _lunar(moment.date())
            if day is None:
                return None
            moment = dt.datetime.combine(day, moment.time())
        if kind == "date":
            return span(moment, moment + DAY)
        return span(moment, moment)
    if "start" not in value or "end" not in value:
        raise Uncomparable("no resolution" if not value else "open interval")
    start, end = _moment(value["start"], base), _moment(value["end"], base)
    if kind == "daterange" and RANGE_CONNECTOR.search(text) and (unit := TIMEX_UNIT.match(timex)):
        end = _unit_after(end, unit[1])
    return span(start, end)


def _lunar(lunar: dt.date) -> dt.date | None:
    """A lunar date as the spec writes it (`2015-10-01`: lunar year, month, day) on the Gregorian calendar."""
    from lunar_python import Lunar

    try:
        solar = Lunar.fromYmd(lunar.year, lunar.month, lunar.day).getSolar()
    except Exception:  # noqa: BLE001 - the library raises a bare Exception for a day its month lacks
        return None
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _moment(value: str, base: dt.datetime) -> dt.datetime:
    """`2016-11-06 14:00:00`, `2016-11-06` or a clock time `14:00:00` (on the reference day)."""
    if re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", value):
        return dt.datetime.combine(base.date(), dt.time.fromisoformat(value))
    return dt.datetime.fromisoformat(value)


def _unit_after(end: dt.datetime, unit: str) -> dt.datetime:
    """The end of the range's last named unit, the unit its timex counts in (`P2Y` years, `P2M`, `P2W`, `P2D`)."""
    if unit == "Y":
        return end.replace(year=end.year + 1)
    if unit == "M":
        return end.replace(year=end.year + end.month // 12, month=end.month % 12 + 1)
    return end + (7 * DAY if unit == "W" else DAY)


# --- capability labels --------------------------------------------------------------------------

LABELS: tuple[tuple[str, str], ...] = (
    ("numeric-order", r"(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)|^\d{1,2}/\d{1,2}$"),
    ("reign", r"康熙|雍正|乾隆|神龙|神龍"),
    ("holiday", r"节|節|元旦|除夕|新年|国庆|國慶|圣诞|聖誕|情人|愚人|万圣|重阳|端午|中秋|清明|七夕|元宵|腊八"),
    ("lunar", r"农历|農曆|阴历|陰曆|正月|腊月|初[一二三四五六七八九十]|廿"),
    ("offset", r"(?:\d+|[一二两三四五六七八九十半几]+)[个個]?(?:秒|分钟|小时|钟头|天|日|周|星期|礼拜|月|年)"
               r"[以之]?[前后後内]"
               r"|[前后後过近未来最][一二两三四五六七八九十几\d]+"),
    ("range", r"到|至|－|—|~|～|间|間|\d\s*-\s*\d|[和与及]"),
    ("part-of-day", r"早上|早晨|上午|中午|下午|晚上|傍晚|夜|凌晨|早间|晚间|早|晚"),
    ("clock", r"点|點|时|時|:|：|分|秒"),
    ("weekday", r"(?:周|週|星期|礼拜|禮拜)[一二三四五六日天末]"),
    ("week", r"周|週|星期|礼拜|禮拜"),
    ("relative-day", r"[今昨明前后後大]天|[今昨明]日"),
    ("part-of-year", r"季|半年|上旬|中旬|下旬|月初|月底|月末|年初|年底|年末|年中"),
    ("relative-ym", r"[今去明前后上下本这這][个個]?[年月]"),
    ("era", r"民国|民國|令和|平成|昭和"),
    ("numeric", r"\d+[-./]\d+"),
    ("date", r"[年月日号號]"),
)


REFUSED: dict[str, str] = {
    "numeric-order": "day-first and month-first numbers (`13.5.2015`, `3-7-07`, `05/05/89`, `1/2/2020` as 1 "
                     "February, `12/1`): the same digits give another day in each order, and a Chinese paper "
                     "writes year, month, day",
    "reign": "years of imperial reigns (`康熙20年9月`, `神龙二年正月初一`): history, which no calendar library we use "
             "converts; such a year is never read as this century's (`20年9月` is none)",
}
"""Groups judged no newspaper reading: still counted, as misses."""


# --- ours ---------------------------------------------------------------------------------------


def paired(ours: list[Span], expected: tuple[Expected, ...]) -> bool:
    """Whether each of our intervals is one reading of its own expected result, none left over."""
    if len(ours) != len(expected):
        return False
    if not ours:
        return True
    first, rest = ours[0], ours[1:]
    return any(first in e.readings and paired(rest, expected[:i] + expected[i + 1:]) for i, e in enumerate(expected))


def run(git_dir: Path, rev: str = "HEAD") -> tuple[list[Result], list[Skipped], dict[str, Any]]:
    cases: list[Case] = []
    skipped: list[Skipped] = []
    seen: set[tuple[str, str]] = set()
    for name in FILES:
        more, left = read_cases(read_spec(git_dir, name, rev), name, seen)
        cases += more
        skipped += left
    results = peer_suite.run_cases(cases, lambda case: dt.datetime.fromisoformat(case.reference),
                                   lambda found, case: peer_suite.our_spans(found, lambda start: start))
    return results, skipped, {"commit": commit_of(git_dir, rev), "paths": [f"{SPECS}/{name}.json" for name in FILES]}


SUITE = peer_suite.Suite(__doc__.splitlines()[0], MIRRORS, "--recognizers-git",
                         "fetch github:microsoft/Recognizers-Text", REFUSED, run)


if __name__ == "__main__":
    peer_suite.main(SUITE)
