"""Every benchmark in one command: `.venv/bin/python bench/run.py` (what `make bench` runs).

Prints a Markdown report and saves it, with the raw numbers, in bench/results/ (not versioned).
Bounded: about a minute on the reference machine (bench/README.md) with the defaults.
"""

from __future__ import annotations

import argparse
import json
import os

# Single core means single-threaded libraries too (jionlp pulls in numpy): set before they load.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import time  # noqa: E402
from dataclasses import asdict  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402

import accuracy  # noqa: E402
import corpus  # noqa: E402
import extraction  # noqa: E402
import hotspots  # noqa: E402
import jio  # noqa: E402
import report  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def pin_to_one_core() -> str:
    """Run on one CPU, so 'single core' holds even on a machine with more."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def arguments() -> argparse.Namespace:
    """Sizes and rounds can shrink for a quick look; the defaults are what the README reports."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 4.0],
                        help="corpus sizes in MB of UTF-8 text (default: 1 4)")
    parser.add_argument("--jionlp-max-mb", type=float, default=4.0,
                        help="run jionlp only on sizes up to this (it is the slow one; default: 4)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per contender (default: 3)")
    parser.add_argument("--no-jionlp", action="store_true", help="our side only")
    parser.add_argument("--profile", action="store_true",
                        help="also print a pyinstrument profile of the pipeline on the first size")
    return parser.parse_args()


def throughput(args: argparse.Namespace, yardstick: ModuleType | None) -> list[extraction.SizeResult]:
    """Each corpus size, all contenders interleaved."""
    seeds = corpus.seed_pages()
    results = []
    for size in args.sizes:
        text = corpus.build(size, seeds)
        if not results:
            extraction.warm_up(text, yardstick)
        with_jio = yardstick if size <= args.jionlp_max_mb else None
        results.append(extraction.measure(text, with_jio, args.rounds))
    return results


def save(markdown: str, results: list[extraction.SizeResult], scores: list[accuracy.Score]) -> None:
    """bench/results/latest.md and latest.json, for the README and for comparing runs."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(markdown, encoding="utf-8")
    raw = {
        "machine": report.machine(),
        "throughput": [{"megabytes": r.corpus.megabytes, "copies": r.corpus.copies,
                        "articles": r.corpus.articles,
                        **{t.name: {**asdict(t), "chars_per_second": t.chars_per_second}
                           for t in (r.parser, r.pipeline, r.jionlp) if t}}
                       for r in results],
        "accuracy": [{"name": s.name, "right": s.right, "total": s.total} for s in scores],
    }
    (RESULTS / "latest.json").write_text(json.dumps(raw, indent=2, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    args = arguments()
    started = time.perf_counter()
    print(f"feeds bench: {pin_to_one_core()}", flush=True)
    yardstick = None if args.no_jionlp else jio.load()
    if yardstick is None and not args.no_jionlp:
        print("jionlp is not installed (`.venv/bin/pip install -e '.[bench]'`): our side only", flush=True)
    results = throughput(args, yardstick)
    scores = accuracy.measure(accuracy.table_cases(), yardstick)
    markdown = report.markdown(results, scores, time.perf_counter() - started)
    print(markdown)
    save(markdown, results, scores)
    if args.profile:
        print(hotspots.pipeline_profile(results[0].corpus))


if __name__ == "__main__":
    main()
