"""Every benchmark in one command: `.venv/bin/python bench/run.py` (what `make bench` runs).

Prints a Markdown report and saves it, with the raw numbers, in bench/results/ (not versioned).
Sections: extraction (and date accuracy), ingest, jobs (`feeds ingest --jobs 2` beside one job), reextract,
queries, serving, fetch, parts (what keeping calendar parts adds to an ingest); `--extraction`, `--ingest`,
`--jobs`, `--reextract`, `--queries`, `--serving`, `--fetch`, `--parts` run only those named. Bounded: about ten
minutes on the reference machine (bench/README.md) with the defaults; 1M events (`--sizes-events 1000000`)
is opt-in. So is `--jionlp-suite` (JioNLP's own time-parser suite, bench/jio_suite.py): it reads a local
mirror of JioNLP's repository, which a checkout of ours does not have.
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
import fetch  # noqa: E402
import hotspots  # noqa: E402
import index_cost  # noqa: E402
import ingest  # noqa: E402
import jio  # noqa: E402
import jio_suite  # noqa: E402
import queries  # noqa: E402
import reextract  # noqa: E402
import report  # noqa: E402
import report_scale  # noqa: E402
import serving  # noqa: E402
import writer_parts  # noqa: E402

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
                        help="extraction corpus sizes in MB of UTF-8 text (default: 1 4)")
    parser.add_argument("--jionlp-max-mb", type=float, default=4.0,
                        help="run jionlp only on sizes up to this (it is the slow one; default: 4)")
    parser.add_argument("--rounds", type=int, default=3, help="timed extraction rounds per contender (default: 3)")
    parser.add_argument("--no-jionlp", action="store_true", help="our side only")
    parser.add_argument("--profile", action="store_true",
                        help="also print a pyinstrument profile of the pipeline on the first size")
    sections = parser.add_argument_group("sections (none named: all but --jionlp-suite)")
    for name in SECTIONS:
        sections.add_argument(f"--{name}", action="store_true", help=f"run the {name} section")
    sections.add_argument("--jionlp-suite", action="store_true",
                          help="score our parser and jionlp on JioNLP's own time-parser suite (only when named: "
                               "needs a JioNLP git mirror, see bench/jio_suite.py)")
    parser.add_argument("--jionlp-git", type=Path, default=None,
                        help=f"JioNLP git directory for --jionlp-suite (default: the first of {jio_suite.MIRRORS})")
    parser.add_argument("--feeds", type=Path, default=jio_suite.FEEDS,
                        help=f"the feeds executable --jionlp-suite calls (default: {jio_suite.FEEDS})")
    parser.add_argument("--sizes-events", type=_counts, default=[1_000, 10_000, 100_000],
                        help="store sizes for queries and serving, e.g. 1000,10000,100000,1000000 "
                             "(default: 1000,10000,100000; a 1M store takes minutes to generate, once)")
    parser.add_argument("--ingest-articles", type=int, default=10_000, help="articles to ingest (default: 10000)")
    parser.add_argument("--jobs-rounds", type=int, default=2,
                        help="for --jobs: rounds of one job then two, each pair side by side (default: 2)")
    parser.add_argument("--parts-articles", type=int, default=3000,
                        help="for --parts: articles ingested before the writer keeps their parts (default: 3000)")
    parser.add_argument("--parts-rounds", type=int, default=3, help="for --parts: rounds (default: 3)")
    parser.add_argument("--fetch-items", type=int, default=1000, help="pages on the loopback site (default: 1000)")
    parser.add_argument("--serving-seconds", type=int, default=2,
                        help="whole seconds per load run, as wrk takes them (default: 2)")
    parser.add_argument("--serving-rounds", type=int, default=4,
                        help="warm and 304 runs per route, each beside the constant body; the median ratio counts "
                             "(default: 4)")
    args = parser.parse_args()
    if not any(getattr(args, name) for name in SECTIONS) and not args.jionlp_suite:
        for name in SECTIONS:
            setattr(args, name, True)
    return args


SECTIONS = ("extraction", "ingest", "jobs", "reextract", "queries", "serving", "fetch", "parts")


def _counts(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def run_ingest_jobs(args: argparse.Namespace, parts: list[str], raw: dict) -> None:
    """`feeds ingest --jobs 2` beside one job on the same files, round after round, with the CPU and the load."""
    print(f"ingest --jobs: {args.ingest_articles:,} article files, one job then two, {args.jobs_rounds} round(s)",
          flush=True)
    jobs = ingest.measure_jobs(args.ingest_articles, rounds=args.jobs_rounds)
    parts += [f"## `feeds ingest --jobs`: {jobs.articles:,} article files, {os.cpu_count()} CPUs",
              report_scale.jobs_table(jobs)]
    raw["ingest_jobs"] = jobs


def run_index_cost(args: argparse.Namespace, parts: list[str], raw: dict) -> None:
    """What the full-text indexes dropped by migration 10 cost storing, the same pages with and without, in turn."""
    pages = min(args.ingest_articles, index_cost.PAGES)
    print(f"ingest: {pages:,} pages stored with and without the dropped indexes, alternately", flush=True)
    cost = index_cost.measure(pages)
    parts += ["## Ingest: what the indexes dropped by migration 10 cost storing", index_cost.markdown(cost)]
    raw["index_cost"] = cost


def run_writer_parts(args: argparse.Namespace, parts: list[str], raw: dict) -> None:
    """Issue 19: what keeping the calendar parts of the events it changed adds to an ingest."""
    print(f"parts: {args.parts_articles:,} articles ingested, then their parts kept, {args.parts_rounds} round(s)",
          flush=True)
    rounds = writer_parts.measure(args.parts_articles, args.parts_rounds)
    parts += [f"## Calendar parts kept by `feeds ingest`: {args.parts_articles:,} generated articles",
              writer_parts.markdown(rounds)]
    raw["writer_parts"] = rounds


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


def save(markdown: str, raw: dict) -> None:
    """bench/results/latest.md and latest.json, for the README and for comparing runs."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(markdown, encoding="utf-8")
    raw = {"machine": report.machine(), **raw}
    (RESULTS / "latest.json").write_text(json.dumps(raw, indent=2, ensure_ascii=False, default=_plain),
                                         encoding="utf-8")


def _plain(value: object) -> object:
    return asdict(value) if hasattr(value, "__dataclass_fields__") else str(value)


def run_extraction(args: argparse.Namespace, parts: list[str], raw: dict) -> None:
    """Issue 3 and issue 8 §1, pinned to one core (the serving sections that follow need both again)."""
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    print(f"extraction: {pin_to_one_core()}", flush=True)
    yardstick = None if args.no_jionlp else jio.load()
    if yardstick is None and not args.no_jionlp:
        print("jionlp is not installed (`.venv/bin/pip install -e '.[bench]'`): our side only", flush=True)
    results = throughput(args, yardstick)
    scores = accuracy.measure(accuracy.table_cases(), yardstick)
    if affinity:
        os.sched_setaffinity(0, affinity)
    parts.append(report.extraction_markdown(results, scores))
    raw["throughput"] = [{"megabytes": r.corpus.megabytes, "copies": r.corpus.copies, "articles": r.corpus.articles,
                          **{t.name: {**asdict(t), "chars_per_second": t.chars_per_second}
                             for t in (r.parser, r.pipeline, r.jionlp) if t}}
                         for r in results]
    raw["accuracy"] = [{"name": s.name, "right": s.right, "total": s.total} for s in scores]
    if args.profile:
        print(hotspots.pipeline_profile(results[0].corpus))


def run_jionlp_suite(args: argparse.Namespace, parts: list[str], raw: dict) -> None:
    """JioNLP's suite read from its mirror at run time; our CLI and jionlp on the same cases."""
    git_dir = args.jionlp_git or jio_suite.default_mirror()
    if git_dir is None or not args.feeds.is_file():
        missing = "no JioNLP mirror" if git_dir is None else f"no {args.feeds}"
        print(f"jionlp suite: {missing}, skipped (see bench/jio_suite.py)", flush=True)
        return
    print(f"jionlp suite: {git_dir}", flush=True)
    result = jio_suite.run(git_dir, args.feeds, with_jionlp=not args.no_jionlp)
    print(jio_suite.summary(result), flush=True)
    parts.append(jio_suite.markdown(result))
    raw["jionlp_suite"] = jio_suite.as_json(result)


def main() -> None:
    args = arguments()
    started = time.perf_counter()
    parts: list[str] = []
    raw: dict = {}
    if args.extraction:
        run_extraction(args, parts, raw)
    if args.ingest:
        print(f"ingest: {args.ingest_articles:,} articles, twice", flush=True)
        result = ingest.measure(args.ingest_articles)
        parts += [f"## Ingest: {result.articles:,} generated articles through `ingest_text`",
                  report_scale.ingest_table(result)]
        raw["ingest"] = result
        run_index_cost(args, parts, raw)
    if args.jobs:
        run_ingest_jobs(args, parts, raw)
    if args.reextract:
        print(f"reextract: {args.ingest_articles:,} stored articles, beside a fresh ingest of them", flush=True)
        redone = reextract.measure(args.ingest_articles)
        parts += [f"## Reextract: {redone.articles:,} stored articles through `feeds reextract`",
                  reextract.markdown(redone)]
        raw["reextract"] = redone
    if args.queries:
        print(f"queries: {args.sizes_events}", flush=True)
        timings = queries.measure(args.sizes_events)
        parts += ["## Queries (`store.query_events`, median of 9, with mentions)", report_scale.query_table(timings)]
        raw["queries"] = timings
    if args.serving:
        print(f"serving: {args.sizes_events}", flush=True)
        sizes = serving.measure(args.sizes_events, args.serving_seconds, args.serving_rounds)
        parts += ["## Serving: gunicorn, 2 gthread workers × 2 threads, 127.0.0.1, `Accept-Encoding: gzip`",
                  report_scale.serving_table(sizes), report_scale.cold_calendar_verdict(sizes),
                  report_scale.hit_lines(sizes),
                  "## Serving: memory", report_scale.memory_table(sizes)]
        raw["serving"] = sizes
    if args.parts:
        run_writer_parts(args, parts, raw)
    if args.fetch:
        print(f"fetch: {args.fetch_items:,} pages from a loopback site", flush=True)
        baseline, passes = fetch.measure(args.fetch_items)
        parts += [f"## Fetch: {args.fetch_items:,} article pages behind one RSS feed, from 127.0.0.1",
                  fetch.table(baseline, passes)]
        raw["fetch"] = {"baseline_rss_mb": baseline, "passes": passes}
    if args.jionlp_suite:
        run_jionlp_suite(args, parts, raw)
    parts.append(f"Machine: {report.machine()}. Whole run: {time.perf_counter() - started:.0f} s.")
    markdown = "\n\n".join(parts) + "\n"
    print(markdown)
    save(markdown, raw)


if __name__ == "__main__":
    main()
