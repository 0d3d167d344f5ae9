"""Extraction throughput: our date parser, our whole pipeline and jionlp, on the same text in one run.

Each contender reads the whole corpus once per round; rounds alternate between contenders so that a
noisy neighbour slows all of them alike, and the fastest round of each counts (the least disturbed
one, the usual choice for throughput). Ratios are taken inside one run, never across runs.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from corpus import Corpus
from jio import extract, quiet

from feeds.extract.dates import find_dates
from feeds.extract.pipeline import extract_page


@dataclass(frozen=True)
class Timing:
    """One contender on one corpus: the fastest round, and what it read."""

    name: str
    seconds: float
    chars: int
    articles: int
    found: int
    """Date expressions (or events, for the pipeline) found in one round: proof the work was done."""

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.seconds / self.articles


@dataclass(frozen=True)
class SizeResult:
    """Every contender on one corpus size; jionlp is None when it was not run at this size."""

    corpus: Corpus
    parser: Timing
    pipeline: Timing
    jionlp: Timing | None

    def ratio(self, ours: Timing) -> float | None:
        """Our throughput over jionlp's, or None without jionlp."""
        return ours.chars_per_second / self.jionlp.chars_per_second if self.jionlp else None


def run_parser(corpus: Corpus) -> int:
    """`find_dates` on every article body, exactly as the pipeline calls it."""
    return sum(len(find_dates(u.text, u.base, u.year)) for u in corpus.units)


def run_pipeline(corpus: Corpus) -> int:
    """`extract_page` on every raw page: normalize, split, date, parse, extract events."""
    return sum(len(a.events) for page in corpus.pages for a in extract_page(page))


def jionlp_runner(jio: ModuleType) -> Callable[[Corpus], int]:
    """`jio.ner.extract_time` on the same article bodies, with the same reference dates."""

    def run(corpus: Corpus) -> int:
        with quiet():
            return sum(len(extract(jio, u.text, u.base)) for u in corpus.units)

    return run


def _once(run: Callable[[Corpus], int], corpus: Corpus) -> tuple[float, int]:
    """One timed round; garbage from the previous round is collected first, outside the clock."""
    gc.collect()
    start = time.perf_counter()
    found = run(corpus)
    return time.perf_counter() - start, found


def measure(corpus: Corpus, jio: ModuleType | None, rounds: int) -> SizeResult:
    """All contenders on `corpus`, `rounds` interleaved rounds each, the fastest round kept."""
    runners: dict[str, tuple[Callable[[Corpus], int], int]] = {
        "parser": (run_parser, corpus.unit_chars),
        "pipeline": (run_pipeline, corpus.page_chars),
    }
    if jio is not None:
        runners["jionlp"] = (jionlp_runner(jio), corpus.unit_chars)
    best: dict[str, tuple[float, int]] = {}
    for _ in range(rounds):
        for name, (run, _chars) in runners.items():
            seconds, found = _once(run, corpus)
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, found)
    timings = {name: Timing(name, best[name][0], chars, corpus.articles, best[name][1])
               for name, (_run, chars) in runners.items()}
    return SizeResult(corpus, timings["parser"], timings["pipeline"], timings.get("jionlp"))


def warm_up(corpus: Corpus, jio: ModuleType | None) -> None:
    """One untimed pass over the seed copy: regexes compile, OpenCC and dateparser load, caches settle."""
    one = Corpus(corpus.pages[: len(corpus.pages) // corpus.copies],
                 corpus.units[: len(corpus.units) // corpus.copies], 1)
    run_parser(one)
    run_pipeline(one)
    if jio is not None:
        jionlp_runner(jio)(one)
