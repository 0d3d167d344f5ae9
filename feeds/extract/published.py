"""When an article was published: given, or read from its dateline with the year the page implies."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from ..models import Article, PublicationDate

MONTH_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
ENGLISH_DATELINE = re.compile(r",\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})")
LEADING_DATE = re.compile(r"^(\d{1,2})月(\d{1,2})日[,，]")
"""`本报青岛讯 4月2日,…`: a dateline with no date, whose first words date the news itself."""

YEAR_MENTION = re.compile(
    r"(?<![\d—–\-~至到自从])((?:19|20)\d{2})(\s*年|(?=[\u4e00-\u9fff《“]))(?![\d—–\-~]|以来|以前|前|起)")
"""A year named in the text, but not the ends of a plan period (`2023—2025年`) or `2015年以来`.

A year written with 年 counts fully; one that only prefixes a name (`2020胶东半岛工业设计促进季`)
counts half: names carry the year of an edition, which may be long past."""
TARGET_YEAR = re.compile(r"(?:到|至|截至|截止)\s*((?:19|20)\d{2})\s*年")
PAGE_HEADER = re.compile(
    r"^[^\n]{0,30}?(?P<y>(?:19|20)\d{2})\s*(?:年|[./])\s*(?P<m>\d{1,2})\s*(?:月|[./])\s*(?P<d>\d{1,2})\s*日?\s*"
    r"(?:星期|周)[一二三四五六日天]"
    r"|^[^\n]{0,40}?(?:Updated|Published|Date)\s*:?\s*(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})")
"""A page's masthead line (`青岛早报 2025年6月11日 星期三 A04`, `Xinhua | Updated: 2025-09-08`): the issue date."""
ENGLISH_YEAR = re.compile(r"\b((?:19|20)\d{2})\b(?![-–—]\d)")
MONTHS_EN = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def find_publication_date(article: Article, page: str, given: dt.date | None = None) -> PublicationDate:
    """The article's date; its dateline gives month and day, the page's years give the year."""
    if given:
        filed = _filed_before(article, given)
        return PublicationDate(filed, "dateline", 1.0, filed.year) if filed else PublicationDate(given, "given", 1.0,
                                                                                                   given.year)
    issue = page_date(page)
    month_day, confidence = _dateline_month_day(article)
    if issue and (month_day is None or month_day == (issue.month, issue.day) or confidence < 0.9):
        return PublicationDate(issue, "page", 1.0, issue.year)
    year = issue.year if issue else infer_year(article.headline + "\n" + article.body, page)
    if month_day and year:
        date = _valid_date(year, *month_day)
        if date:
            return PublicationDate(date, "dateline", confidence, date.year)
    if year:
        return PublicationDate(None, "inferred", 0.5, year)
    return PublicationDate()


FILED_WITHIN = dt.timedelta(days=3)
"""How long before its given date a report may have been filed (`BEIJING, Nov. 17` in a paper of the 18th)."""


def _filed_before(article: Article, given: dt.date) -> dt.date | None:
    """The day a dateline says the report was filed, a day or a few before the date given: what `today`, `Tuesday`
    in its text count from."""
    month_day, confidence = _dateline_month_day(article)
    if month_day is None or confidence < 0.9:
        return None
    for year in (given.year, given.year - 1):
        filed = _valid_date(year, *month_day)
        if filed is not None and dt.timedelta(0) < given - filed <= FILED_WITHIN:
            return filed
    return None


def page_date(page: str) -> dt.date | None:
    """The issue date a page's masthead prints, if it has one."""
    match = PAGE_HEADER.search(page[:200])
    if not match:
        return None
    parts = match.group("y", "m", "d") if match.group("y") else match.group("iy", "im", "id")
    try:
        return dt.date(*map(int, parts))
    except ValueError:
        return None


def infer_year(article_text: str, page: str) -> int | None:
    """The year the article speaks from: the most named year, the article's own mentions counting double.

    Ties go to the later year (`总结2023年工作，部署2024年任务` is written in 2024).
    """
    votes: Counter[int] = Counter()
    for year, vote in year_votes(article_text).items():
        votes[year] += 2 * vote
    for year, vote in year_votes(page).items():
        votes[year] += vote
    votes = Counter({y: v for y, v in votes.items() if v > 0})
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], y))


@lru_cache(maxsize=64)
def year_votes(text: str) -> Counter:
    """How strongly a text names each year (cached: every article of a page asks about the page)."""
    votes: Counter = Counter()
    for year, written_with_nian in YEAR_MENTION.findall(text):
        votes[int(year)] += 1 if written_with_nian else 0.5
    if not re.search(r"[\u4e00-\u9fff]", text[:2000]):
        for year in ENGLISH_YEAR.findall(text):
            votes[int(year)] += 0.5
    for year in TARGET_YEAR.findall(text):
        votes[int(year)] -= 1  # `到2025年` is a target, not the present
    return votes


def _dateline_month_day(article: Article) -> tuple[tuple[int, int] | None, float]:
    match = MONTH_DAY.search(article.dateline)
    if match:
        return (int(match.group(2)), int(match.group(3))), 0.9
    match = ENGLISH_DATELINE.search(article.dateline)
    if match and match.group(1)[:3].lower() in MONTHS_EN:
        return (MONTHS_EN[match.group(1)[:3].lower()], int(match.group(2))), 0.9
    match = LEADING_DATE.match(article.body)
    if article.dateline and match:
        return (int(match.group(1)), int(match.group(2))), 0.6
    return None, 0.0


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, moving a 29 February to the nearest leap year."""
    for offset in (0, 1, -1, 2, -2, 3, -3, 4, -4):
        try:
            return dt.date(year + offset, month, day)
        except ValueError:
            if (month, day) != (2, 29):
                return None
    return None
