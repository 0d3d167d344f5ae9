"""What makes two reports one event, and the ids that follow from it: one module for the whole policy.

A *report* is one event as one article describes it (title, dates, place, status, its sentence).
The store keeps every report and derives the events from them, so the events are a function of the
set of reports alone — not of the order they came in, of how often an article was ingested, or of
how many processes ingested at once. The rules, also in the README ("What is one event"):

1. Reports are compared within a *family*: titles with one `event_key` — the name without spaces,
   punctuation, quotes or a leading year, editions in digits (`第二十届` = `第20届`), and a
   trailing `开幕式` / `启动仪式` … removed when the article does not report the event itself too.
2. Two reports of one family are one event when their starts lie within `MERGE_WINDOW_DAYS`,
   unless they contradict each other: both name a year (`2021…` / `2022…`) and the years differ,
   they come from the same article (the extractor already reports each event of an article once:
   two reports there are two events — two events on one day in one sentence stay two), or their
   dates do not overlap and both name places that differ.
3. Events are the connected groups of rule 2, joined closest pair first and never across a
   contradiction, nor beyond `MAX_SPREAD_DAYS` from first to last start; ties are broken by
   content, so every order gives the same groups.
4. Each report carries an *anchor*, fixed when its mention (article and sentence) is first stored
   and inherited by the report that replaces it when the article is re-extracted. An event's uid
   is the anchor of its earliest report (by publication date, then file, article and offset): a better
   title or new dates keep the uid, and a store upgraded from an older version keeps its uids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Article

MERGE_WINDOW_DAYS = 180
"""Reports of one family whose starts lie this close together are the same event (rule 2)."""
MAX_SPREAD_DAYS = 2 * MERGE_WINDOW_DAYS
"""No event's reports lie further apart than this (rule 3): a name reported every week is no one event."""


_LEADING_YEAR = re.compile(r"^((?:19|20)\d{2})(?:年度|年)?")
_EDITION = re.compile(r"第([零〇一二两三四五六七八九十百\d]+)(届|次|期)")
PART_SUFFIXES = ("开幕式", "开幕仪式", "闭幕式", "启动仪式", "开幕典礼", "颁奖典礼", "开营仪式")
"""A part of a named event: `X开幕式` is the opening of X."""
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """`二十三` → 23, `一百零五` → 105, `23` → 23; None for anything else."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _plain(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def _editions_in_digits(text: str) -> str:
    def digits(match: re.Match) -> str:
        number = chinese_number(match.group(1))
        return match.group(0) if number is None else f"第{number}{match.group(2)}"

    return _EDITION.sub(digits, text)


def title_year(title: str) -> int | None:
    """The year a title leads with (`2022世界工业互联网产业大会` → 2022): the edition it names."""
    match = _LEADING_YEAR.match(_plain(title))
    return int(match.group(1)) if match else None


def strip_part(title: str) -> str | None:
    """The named event a part's title belongs to (`X开幕式` → `X`), or None when it names no part."""
    text = title.strip()
    for suffix in PART_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)].rstrip(" ·-—")
    return None


def event_key(title: str) -> str:
    """The family of a title (rule 1): no spaces, punctuation, quotes or leading year; editions in digits.

    `2022世界工业互联网产业大会` and `“世界工业互联网产业大会”` share a key, and so do
    `第二十届…` and `第20届…`; the date window tells years apart.
    """
    kept = _plain(title)
    return _editions_in_digits(_LEADING_YEAR.sub("", kept) or kept) or title.strip()


def family_of(title: str, parent_title: str | None) -> str:
    """A report's family: its own key, or for a name variant `X开幕式` that is no part (rule 1) X's key."""
    base = strip_part(title)
    if base is not None and parent_title is None:
        return event_key(base)
    return event_key(title)


@dataclass(frozen=True)
class Report:
    """What identity needs of one stored report."""

    id: int
    article_id: str
    anchor: str
    family: str
    start: str
    end: str
    published: str | None
    location: str
    evidence_start: int
    year: int | None
    source: str = ""


def _days(report: Report) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(report.start[:10]), dt.date.fromisoformat(report.end[:10])


def _gap(a: Report, b: Report) -> int:
    return abs((_days(a)[0] - _days(b)[0]).days)


def _overlap(a: Report, b: Report) -> bool:
    (a0, a1), (b0, b1) = _days(a), _days(b)
    return a0 <= b1 and b0 <= a1


def _places_differ(a: Report, b: Report) -> bool:
    x, y = _plain(a.location), _plain(b.location)
    return bool(x and y) and x not in y and y not in x


def may_join(a: Report, b: Report) -> bool:
    """Rule 2 for one pair: one family, starts within the window, nothing that contradicts."""
    if a.family != b.family or a.article_id == b.article_id or _gap(a, b) > MERGE_WINDOW_DAYS:
        return False
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    return _overlap(a, b) or not _places_differ(a, b)


def _contradict(a: Report, b: Report) -> bool:
    """Two reports that may never stand in one event, however others link them."""
    return a.article_id == b.article_id or (a.year is not None and b.year is not None and a.year != b.year)


def canonical_order(report: Report) -> tuple:
    """Earliest report first: by publication date (unknown last), then the file it came from (folders are
    ingested in name order, so a day's first report stays first), then article and offset."""
    return (report.published is None, report.published or "", report.source, report.article_id,
            report.evidence_start, report.id)


def group(reports: Iterable[Report]) -> list[list[Report]]:
    """Rule 3: the events of one family, each its reports in canonical order, the groups by their first."""
    items = sorted(reports, key=canonical_order)
    starts = [_days(r)[0] for r in items]
    parent = list(range(len(items)))
    members: list[list[int]] = [[i] for i in range(len(items))]
    bounds = [(day, day) for day in starts]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _gap_days, i, j in _candidate_pairs(items, starts):
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        first, last = min(bounds[ri][0], bounds[rj][0]), max(bounds[ri][1], bounds[rj][1])
        if (last - first).days > MAX_SPREAD_DAYS:
            continue
        if any(_contradict(items[x], items[y]) for x in members[ri] for y in members[rj]):
            continue
        parent[rj] = ri
        members[ri] += members[rj]
        members[rj] = []
        bounds[ri] = (first, last)
    groups = [sorted((items[i] for i in m), key=canonical_order) for m in members if m]
    return sorted(groups, key=lambda g: canonical_order(g[0]))


def _candidate_pairs(items: list[Report], starts: list[dt.date]) -> list[tuple[int, int, int]]:
    """Pairs that may join, closest first (ties by canonical position): a sweep over starts, not every pair."""
    by_start = sorted(range(len(items)), key=lambda i: (starts[i], i))
    pairs = []
    for n, i in enumerate(by_start):
        for j in by_start[n + 1:]:
            if (starts[j] - starts[i]).days > MERGE_WINDOW_DAYS:
                break
            if may_join(items[i], items[j]):
                pairs.append((abs((starts[j] - starts[i]).days), min(i, j), max(i, j)))
    return sorted(pairs)


def make_anchor(aid: str, evidence_start: int, evidence_end: int, family: str, attempt: int = 0) -> str:
    """A new mention's anchor, alike in every process for the same article and sentence (rule 4)."""
    seed = f"{aid}|{evidence_start}|{evidence_end}|{family}" + (f"|{attempt}" if attempt else "")
    return f"{hashlib.sha1(seed.encode()).hexdigest()[:24]}@feeds"


def make_uid(key: str, first_start: dt.date, attempt: int = 0) -> str:
    """The uid the versions before reports derived from title key and first start (kept for their stores)."""
    seed = f"{key}|{first_start.isoformat()}" + (f"|{attempt}" if attempt else "")
    return f"{hashlib.sha1(seed.encode()).hexdigest()[:24]}@feeds"


def article_id(article: Article) -> str:
    """Content hash of the article's normalized headline and text: the same article has the same id."""
    return hashlib.sha256(f"{article.headline}\n\n{article.text}".encode()).hexdigest()


def records(cursor: sqlite3.Cursor) -> list[dict]:
    """Rows as dicts keyed by column name, whatever columns later migrations add."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
