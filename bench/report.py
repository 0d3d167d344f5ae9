"""The results as Markdown: one table for throughput, one for accuracy, and the machine they ran on."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata

from accuracy import Score
from extraction import SizeResult, Timing

PARSER_TARGET = 10.0
PIPELINE_TARGET = 2.0
"""Issue 12 (was 3× in issue 3): parser ≥ 10× jionlp's throughput; issue 8: whole pipeline ≥ 2× jionlp's."""


def machine() -> str:
    """CPU, cores and Python: throughput means nothing without them."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
    except OSError:
        pass
    return (f"{model}, {os.cpu_count()} cores (nproc), extraction pinned to one; "
            f"Python {platform.python_version()} ({sys.implementation.name}), {platform.system()}; "
            f"jionlp {_version('jionlp')}")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _rate(t: Timing | None) -> str:
    return f"{t.chars_per_second / 1000:,.0f} k" if t else "not run"


def _ms(t: Timing | None) -> str:
    return f"{t.ms_per_article:.2f}" if t else "—"


def _ratio(value: float | None, target: float) -> str:
    if value is None:
        return "—"
    verdict = "met" if value >= target else "MISSED"
    return f"**{value:.1f}×** (target ≥ {target:g}×: {verdict})"


def throughput_table(results: list[SizeResult]) -> str:
    """Characters per second of each contender, per size, with the ratios of the same run."""
    rows = ["| text | contender | chars/s | ms/article | found | vs jionlp |",
            "| --- | --- | ---: | ---: | ---: | --- |"]
    for r in results:
        size = f"{r.corpus.megabytes:.2f} MB ({r.corpus.copies}× seeds, {r.corpus.articles} articles)"
        rows.append(f"| {size} | our date parser (`find_dates`, per article) | {_rate(r.parser)} | "
                    f"{_ms(r.parser)} | {r.parser.found:,} dates | {_ratio(r.ratio(r.parser), PARSER_TARGET)} |")
        rows.append(f"| | our pipeline (`extract_page`, per page) | {_rate(r.pipeline)} | {_ms(r.pipeline)} | "
                    f"{r.pipeline.found:,} events | {_ratio(r.ratio(r.pipeline), PIPELINE_TARGET)} |")
        jio_found = f"{r.jionlp.found:,} times" if r.jionlp else "—"
        rows.append(f"| | jionlp `ner.extract_time` (per article) | {_rate(r.jionlp)} | {_ms(r.jionlp)} | "
                    f"{jio_found} | 1.0× |")
    return "\n".join(rows)


def accuracy_table(scores: list[Score]) -> str:
    """Cases right, by group (one row each) and overall, one column per parser."""
    if not scores:
        return "_The table `tests/test_dates_table.py` was not found (or pytest is missing): accuracy not measured._"
    groups = list(dict.fromkeys(g for s in scores for g in s.by_group))
    rows = ["| group | " + " | ".join(s.name for s in scores) + " |",
            "| --- | " + " | ".join("---:" for _ in scores) + " |"]
    for g in groups:
        cells = [f"{s.by_group[g][0]}/{s.by_group[g][1]}" if g in s.by_group else "—" for s in scores]
        rows.append(f"| {g} | " + " | ".join(cells) + " |")
    rows.append("| **all** | " + " | ".join(
        f"**{s.right}/{s.total} = {100 * s.accuracy:.1f}%**" for s in scores) + " |")
    return "\n".join(rows)


def extraction_markdown(results: list[SizeResult], scores: list[Score]) -> str:
    """The extraction sections, as printed and as saved."""
    return "\n\n".join([
        "## Extraction: throughput (single core, fastest of the rounds)",
        throughput_table(results),
        "## Date parser accuracy on `tests/test_dates_table.py`",
        accuracy_table(scores),
    ])
