"""The benchmark text: the seed pages repeated to a target size, and the article units inside them.

Everything is measured on the same text. The pipeline reads whole raw pages (as ingest gives them);
our date parser and jionlp read the same article bodies, one call per article, because that is how
the pipeline calls `find_dates` and because jionlp's cost is per candidate, so feeding it articles
rather than whole pages neither helps nor hurts it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from feeds.extract.pipeline import extract_page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MB = 1_000_000
"""Sizes are in bytes of UTF-8, as the seed files are stored (a Chinese character is three bytes)."""

FALLBACK_BASE = dt.date(2023, 1, 1)
"""The reference date for an article whose publication date the pipeline could not find.

Both the parser and jionlp get the same date, so neither does less work than the other
(our parser skips relative expressions when it has no date; jionlp would silently use today).
"""


@dataclass(frozen=True)
class Unit:
    """One article body and the reference date both parsers resolve it against."""

    text: str
    base: dt.date
    year: int


@dataclass(frozen=True)
class Corpus:
    """The seed pages repeated `copies` times, and the article units they split into."""

    pages: list[str]
    units: list[Unit]
    copies: int

    @property
    def page_chars(self) -> int:
        return sum(len(p) for p in self.pages)

    @property
    def unit_chars(self) -> int:
        return sum(len(u.text) for u in self.units)

    @property
    def megabytes(self) -> float:
        return sum(len(p.encode("utf-8")) for p in self.pages) / MB

    @property
    def articles(self) -> int:
        return len(self.units)


def seed_pages() -> list[str]:
    """The seed pages in a fixed order, so every run reads the same text."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not pages:
        raise SystemExit(f"no seed pages in {SEEDS}")
    return pages


def article_units(page: str) -> list[Unit]:
    """The article bodies of a page as the pipeline sees them, each with its publication date."""
    units = []
    for result in extract_page(page):
        published = result.article.published
        base = published.date or FALLBACK_BASE.replace(year=published.year or FALLBACK_BASE.year)
        units.append(Unit(result.article.text, base, base.year))
    return units


def build(target_mb: float, seeds: list[str] | None = None) -> Corpus:
    """The seeds repeated to about `target_mb` megabytes (whole copies, at least one)."""
    seeds = seeds if seeds is not None else seed_pages()
    seed_bytes = sum(len(p.encode("utf-8")) for p in seeds)
    copies = max(1, round(target_mb * MB / seed_bytes))
    seed_units = [unit for page in seeds for unit in article_units(page)]
    return Corpus(pages=seeds * copies, units=seed_units * copies, copies=copies)
