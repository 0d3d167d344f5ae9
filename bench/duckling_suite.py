"""Duckling's Chinese time corpus, scored for our date parser: a second peer's suite, read at run time.

    .venv/bin/python bench/duckling_suite.py [-v] [--json FILE] [--duckling-git DIR]

Why: JioNLP's suite (`bench/jio_suite.py`) was written for jionlp; Duckling's (facebook/duckling) was
written elsewhere, for another parser, so it shows what we do not read beyond one peer. None of it
is stored here: `Duckling/Time/ZH/Corpus.hs` and `Duckling/Time/ZH/CN/Corpus.hs` (the mainland
locale's examples: 国庆 is 1 October) are read from a local git mirror (`git show HEAD:…`) and their
`examples (datetime … Grain) ["…", …]` records parsed with a regular expression, never executed.

Cases. Every phrase of every record, at Duckling's reference time 2013-02-12 04:30:00 (a Tuesday; the
corpus's `testContext`), which ours gets as the moment of publication, exactly as
`feeds dates PHRASE --published 2013-02-12T04:30:00 --json` (the function behind it, in this
process). Records with an open interval (`datetimeOpenInterval`: `before …`) are skipped and listed.

Intervals: [start, end), end exclusive, to the second, wall-clock time:

- Duckling's: `datetime (Y, M, D, h, m, s) Grain` is the grain starting there (a Day, an Hour, a Week
  from its Monday, a Month, a Year); `datetimeInterval ((…), (…)) Grain` is the pair as written (a
  day or month of 0 is the first, as Duckling's own tests fill it);
- ours: precision `day`, `week`, `month`, … from the first day's midnight to the midnight after the
  last day; precision `time`, a range from its start to its end (an end at hh:mm:59 or 23:59:59 is
  the start of the next minute or day), one clock time the grain Duckling gives that starts there
  (`三点` is 15:00 for the hour when Duckling says Hour, `现在` the second) — our output says a clock
  time, not how long it lasts.

A case is right when the set of intervals found in its phrase equals {expected}: nothing, a second
match, another interval or an error is a miss. Each case gets a capability label read from its text
(first rule that matches) for the per-group table, and refused groups (holidays of other religions'
calendars, English clock forms, US month/day/year order) are named in `REFUSED` with their reason:
they still count as misses.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peer_suite
from jio_suite import git, label
from peer_suite import SECOND, STAMP, Result, Span, show

MIRRORS = "/work/.mirror/*[Dd]uckling*"
CORPORA = ("Duckling/Time/ZH/Corpus.hs", "Duckling/Time/ZH/CN/Corpus.hs")
REFERENCE = dt.datetime(2013, 2, 12, 4, 30, 0)

RECORD = re.compile(
    r"examples\s*\(\s*(?P<form>datetime(?:Interval)?(?:Holiday)?|datetimeOpenInterval)\s+"
    r"(?P<args>.*?)\s+(?P<grain>Second|Minute|Hour|Day|Week|Month|Quarter|Year)(?:\s+\"(?P<holiday>[^\"]*)\")?\s*\)"
    r"\s*\[(?P<phrases>.*?)\]", re.DOTALL)
PHRASE = re.compile(r'"((?:[^"\\]|\\.)*)"')
TUPLE = re.compile(r"\(\s*(-?\d+(?:\s*,\s*-?\d+){5})\s*\)")
GRAINS = ("Second", "Minute", "Hour", "Day", "Week", "Month", "Quarter", "Year")


@dataclass(frozen=True)
class Case:
    """One phrase of a record, the interval Duckling expects and the grain it gives."""

    text: str
    expected: Span
    grain: str
    holiday: str
    corpus: str
    label: str

    def accepts(self, ours: list[Span]) -> bool:
        return set(ours) == {self.expected}

    def expected_text(self) -> str:
        return f"{show(self.expected)} ({self.grain})"


@dataclass(frozen=True)
class Skipped:
    text: str
    reason: str


def read_corpus(git_dir: Path, path: str, rev: str = "HEAD") -> str:
    """A corpus file's source, straight from the mirror (nothing copied here)."""
    return git(git_dir, "show", f"{rev}:{path}")


def commit_of(git_dir: Path, rev: str = "HEAD") -> str:
    return git(git_dir, "rev-parse", rev).strip()


def read_cases(source: str, corpus: str) -> tuple[list[Case], list[Skipped]]:
    """Every phrase of every `examples (…) [ … ]` record of one corpus file."""
    cases, skipped = [], []
    code = re.sub(r"--[^\n]*", "", source)  # Haskell comments
    for record in RECORD.finditer(code):
        phrases = [p.encode().decode("unicode_escape") if "\\" in p else p for p in PHRASE.findall(record["phrases"])]
        if record["form"] == "datetimeOpenInterval":
            skipped.extend(Skipped(text, "open interval") for text in phrases)
            continue
        stamps = [_stamp(t) for t in TUPLE.findall(record["args"])]
        grain = record["grain"]
        if record["form"].startswith("datetimeInterval"):
            expected = (stamps[0], stamps[1])
        else:
            expected = (stamps[0], _grain_end(stamps[0], grain))
        span = (expected[0].strftime(STAMP), expected[1].strftime(STAMP))
        cases.extend(Case(text, span, grain, record["holiday"] or "", corpus, label(text, LABELS)) for text in phrases)
    return cases, skipped


def _stamp(fields: str) -> dt.datetime:
    """`2013, 2, 0, 0, 0, 0` as a datetime; a month or day of 0 is the first (Duckling's tests fill them so)."""
    y, mo, d, h, mi, s = (int(v) for v in fields.split(","))
    return dt.datetime(y, max(mo, 1), max(d, 1), h, mi, s)


def _grain_end(start: dt.datetime, grain: str) -> dt.datetime:
    """Where the grain starting at `start` ends (exclusive)."""
    if grain in ("Second", "Minute", "Hour", "Day", "Week"):
        return start + {"Second": SECOND, "Minute": 60 * SECOND, "Hour": 3600 * SECOND,
                        "Day": dt.timedelta(days=1), "Week": dt.timedelta(days=7)}[grain]
    months = {"Month": 1, "Quarter": 3, "Year": 12}[grain]
    index = start.year * 12 + start.month - 1 + months
    return start.replace(year=index // 12, month=index % 12 + 1)


# --- capability labels --------------------------------------------------------------------------

LABELS: tuple[tuple[str, str], ...] = (
    ("english", r"[A-Za-z]"),
    ("cantonese", r"晏晝|[踏搭][一三半]|個字|宜家|而家|依家|尋日|聽日|今個"),
    ("us-numeric", r"^\d{1,2}/\d{1,2}(?:/\d{2,4})?$"),
    ("easter", r"复活节|復活節|受难|受難|棕枝主日|圣枝主日|圣灵降临|聖靈降臨|五旬节|大斋首日|圣灰星期三|圣周四"),
    ("other-calendars", r"复活|復活|受难|受難|斋|齋|赎罪|贖罪|逾越|住棚|光明节|修殿|献殿|獻殿|烛光|哈努卡|馬加比|七七节"
                        r"|沙夫幼特|週日節|收获节|收穫節|新果|犹太|猶太|伊斯兰|古尔邦|古爾邦|宰牲|开斋|開齋|肉孜|尔代|爾代"
                        r"|登霄|法令之夜|权力之夜|圣纪|聖紀|阿舒拉|印度|龐格爾|庞格尔|排灯|万灯|燈節|侯丽|荷麗|洒红|灑紅"
                        r"|欢悦|五彩|胡里|好利|霍利|克哈特|九夜|难近母|難近母|卫塞|衛塞|威瑟|比萨|比薩|欧南|圣殿|聖殿"
                        r"|禁食|三一主日|天主三一|聖三|圣三|十勝|凯旋|圣母|圣灵|聖靈|五旬|圣会|聖会|西赫|诵经|誦經|转经|轉經|律法"
                        r"|聖法|忏悔|煎餅|棕枝|圣枝|聖樹|苦難|聖體|圣体|大斋|圣灰|聖灰|灰日|濯足|圣周|聖週|神聖|神圣"
                        r"|拉撒路|拉匝路|东正教|東正教|黑色星期六|沈默|主受|主復活|设立|設立|四旬|以色列|老板|老闆|篝火"
                        r"|地球一小|拉克沙|淡米|图比舍|圖比舍|树木新年|樹木新年|青年服务日|青年服務日"),
    ("holiday", r"节|節|元旦|新年|新春|国庆|國慶|纪念日|紀念日|权益日|權益日|三一五|圣诞|聖誕|正月"),
    ("offset", r"[上下前后後][两兩二三]|[两兩二三][个個]?(?:秒|分|小|钟|鐘|天|日|星期|禮拜|礼拜|周|週|月|年)"),
    ("now", r"现在|現在|此时|此時|此刻|当前|當前|宜家|而家|依家"),
    ("weekend", r"周末|週末"),
    ("part-of-day", r"早上|早晨|晚上|今晚"),
    ("clock", r"点|點|时|時|:"),
    ("weekday-relative", r"[上下这這今].{0,2}(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]"),
    ("weekday", r"(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]"),
    ("week", r"周|週|星期|礼拜|禮拜"),
    ("relative-day", r"[今昨明后後前]天|[今昨明後前]日|尋日|聽日"),
    ("date", r"[年月日号號/-]"),
)


REFUSED = {
    "cantonese": "spoken Cantonese (`晏晝三點踏三`, `宜家`, `今個禮拜`): not the written Chinese of a newspaper",
    "english": "English clock forms in a Chinese corpus: an hour alone (`3pm`) and `4pm CET` (a time zone "
               "conversion); `3:15pm` after minutes is read",
    "us-numeric": "month/day/year order (`10/31/74`, `3/3/15`): not how a Chinese paper writes a date",
    "other-calendars": "feasts of the Christian, Jewish, Islamic and Hindu calendars and observances "
                       "(`逾越节`, `开斋节`, `排灯节`, `地球一小时`): tables Duckling keeps itself; no well-kept "
                       "library gives them with the lunar and Chinese holiday ones we use",
}


# --- ours ---------------------------------------------------------------------------------------


def our_spans(records: list[dict[str, Any]], grain: str) -> list[Span]:
    """Our records as [start, end) intervals: one clock time is the grain Duckling gives, starting there."""
    return peer_suite.our_spans(
        records, lambda start: _grain_end(start, grain) if grain in GRAINS[:4] else start + SECOND)


def run(git_dir: Path, rev: str = "HEAD") -> tuple[list[Result], list[Skipped], dict[str, Any]]:
    cases, skipped = [], []
    for path in CORPORA:
        more, left = read_cases(read_corpus(git_dir, path, rev), path)
        cases += more
        skipped += left
    results = peer_suite.run_cases(cases, lambda case: REFERENCE, lambda found, case: our_spans(found, case.grain))
    return results, skipped, {"commit": commit_of(git_dir, rev), "paths": list(CORPORA),
                              "reference": REFERENCE.strftime(STAMP)}


SUITE = peer_suite.Suite(__doc__.splitlines()[0], MIRRORS, "--duckling-git", "fetch github:facebook/duckling",
                         REFUSED, run)


if __name__ == "__main__":
    peer_suite.main(SUITE)
