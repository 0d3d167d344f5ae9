"""Ingest: generated articles into an empty database through `feeds.ingest.ingest_text`, then again.

The articles come from textgen's newspaper templates (varied names, venues, dates and categories,
some follow-up reports of earlier events). Each is one page and one transaction, as `feeds ingest`
or `POST /api/articles` would store it. The second pass must change nothing: every article known,
every event unchanged. It runs in a child process so that its peak resident memory (ru_maxrss) is
the ingest's own, not the benchmark's. `measure_jobs` writes the same pages as files and ingests
the folder as `feeds ingest --jobs N` does, for one job and for two, and compares the events.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import textgen

FIRST_PUBLISHED = dt.date(2023, 1, 1)


@dataclass(frozen=True)
class Pass:
    """One pass over all the articles."""

    seconds: float
    articles: int
    new: int
    updated: int
    unchanged: int
    peak_rss_mb: float

    @property
    def events(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass(frozen=True)
class IngestResult:
    articles: int
    baseline_rss_mb: float
    first: Pass
    second: Pass
    store_mb: float


def pages(count: int, seed: int = 8) -> list[tuple[str, dt.date]]:
    """`count` one-article pages, ten a day from 2023 on, with their publication dates."""
    rng = random.Random(seed)
    recent: list[textgen.EventSpec] = []
    result = []
    for serial in range(count):
        published = FIRST_PUBLISHED + dt.timedelta(days=serial // 10)
        text, specs = textgen.article(rng, serial, published, recent)
        recent = (recent + specs)[-60:]
        result.append((text, published))
    return result


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _one_pass(db, items: list[tuple[str, dt.date]]) -> Pass:
    from feeds import ingest, store

    counts, articles = store.Counts(), 0
    started = time.perf_counter()
    for i, (text, published) in enumerate(items):
        read, c = ingest.ingest_text(db, text, f"bench/{i:05d}.txt", published=published)
        articles += read
        counts += c
    elapsed = time.perf_counter() - started
    return Pass(elapsed, articles, counts.new, counts.updated, counts.unchanged, _peak_mb())


def child(count: int) -> dict:
    """What the child process measures and prints as JSON."""
    from feeds import store
    from feeds.extract.pipeline import extract_page

    items = pages(count)
    extract_page(items[0][0], items[0][1])  # imports, OpenCC and regexes loaded before the clock starts
    baseline = _peak_mb()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ingest.db"
        db = store.open_db(path)
        first = _one_pass(db, items)
        second = _one_pass(db, items)
        db.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
    return {"articles": count, "baseline_rss_mb": baseline, "first": first.__dict__, "second": second.__dict__,
            "store_mb": size}


def measure(count: int = 10_000) -> IngestResult:
    """Run the child and read its answer."""
    out = subprocess.run([sys.executable, __file__, "--child", str(count)], capture_output=True, text=True,
                         check=True, timeout=3600).stdout
    raw = json.loads(out.strip().splitlines()[-1])
    return IngestResult(raw["articles"], raw["baseline_rss_mb"], Pass(**raw["first"]), Pass(**raw["second"]),
                        raw["store_mb"])


@dataclass(frozen=True)
class JobsRun:
    """One ingest of the files with `jobs` jobs, in a child process of its own, into an empty database."""

    jobs: int
    seconds: float
    writer_cpu: float
    """CPU seconds of the process that stores (with one job it also reads and extracts), all its threads."""
    writer_main_cpu: float
    """Of which its main thread (storing, and taking each result); the rest is the pool's thread (pipes, unpickling)."""
    workers_cpu: float
    """CPU seconds of the worker processes that read and extract."""
    load: tuple[float, float]
    """The one-minute load average, lowest and highest, sampled each second during the run."""
    digest: str


@dataclass(frozen=True)
class JobsResult:
    """`feeds ingest --jobs` over the same files, one job then more, round after round: seconds, CPU, load."""

    articles: int
    runs: list[JobsRun]

    @property
    def same_store(self) -> bool:
        return len({run.digest for run in self.runs}) == 1

    def pairs(self, jobs: int) -> list[tuple[JobsRun, JobsRun]]:
        """Each run of `jobs` jobs with the one-job run just before it (side by side, the same minutes)."""
        return [(one, run) for one, run in zip(self.runs, self.runs[1:], strict=False)
                if one.jobs == 1 and run.jobs == jobs]

    def speedup(self, jobs: int) -> float:
        """The median over rounds of one job's seconds over `jobs` jobs' seconds, each pair run side by side."""
        return statistics.median(one.seconds / run.seconds for one, run in self.pairs(jobs))

    def bound(self, jobs: int) -> float:
        """The speedup `jobs` cores free of other work would allow (median over rounds): one job's CPU time
        over the busiest share of the parallel run, the writer's CPU or all processes' CPU spread over the
        cores (waits for the disk left out of both)."""
        return statistics.median(one.writer_cpu / max(run.writer_cpu, (run.writer_cpu + run.workers_cpu) / jobs)
                                 for one, run in self.pairs(jobs))


def jobs_child(count: int, jobs: int) -> dict:
    """Write the pages as files (each opening with its date), ingest the folder with `jobs` jobs, as
    `feeds ingest --jobs` does, into an empty database; the seconds, the CPU and a digest of every event."""
    import hashlib

    from feeds import store
    from feeds.ingest import ingest_paths

    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for i, (text, published) in enumerate(pages(count)):
            (folder / f"{i:05d}.txt").write_text(f"{published:%Y年%m月%d日}\n{text}", encoding="utf-8")
        db = store.open_db(Path(tmp) / "ingest.db")
        before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        main_before = time.thread_time()
        started = time.perf_counter()
        report = ingest_paths(db, [folder], now=now, jobs=jobs)
        elapsed = time.perf_counter() - started
        main = time.thread_time() - main_before
        after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = [a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before, strict=True)]
        rows = db.execute('SELECT uid, title, start, "end", location, status, sequence FROM events ORDER BY uid')
        digest = hashlib.sha256(repr(rows.fetchall()).encode()).hexdigest()
        db.close()
    return {"seconds": elapsed, "articles": report.articles, "digest": digest, "writer_cpu": cpu[0],
            "writer_main_cpu": main, "workers_cpu": cpu[1]}


def _run_sampling_load(command: list[str]) -> tuple[str, tuple[float, float]]:
    """Run the child, sampling the load average each second meanwhile; its output and the lowest and highest."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
        samples = [os.getloadavg()[0]]
        while True:
            try:
                out, _ = child.communicate(timeout=1)
                break
            except subprocess.TimeoutExpired:
                samples.append(os.getloadavg()[0])
        if child.returncode:
            raise subprocess.CalledProcessError(child.returncode, command)
    return out, (min(samples), max(samples))


def measure_jobs(count: int = 10_000, jobs: tuple[int, ...] = (1, 2), rounds: int = 1) -> JobsResult:
    """Each job count in its own child process, one after the other on the same pages, `rounds` times over."""
    runs, articles = [], 0
    for _round in range(rounds):
        for n in jobs:
            out, load = _run_sampling_load([sys.executable, __file__, "--jobs-child", str(count), str(n)])
            raw = json.loads(out.strip().splitlines()[-1])
            articles = raw.pop("articles")
            runs.append(JobsRun(n, raw["seconds"], raw["writer_cpu"], raw["writer_main_cpu"], raw["workers_cpu"],
                                load, raw["digest"]))
    return JobsResult(articles, runs)


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    print(json.dumps(child(int(sys.argv[2]))))
if __name__ == "__main__" and sys.argv[1:2] == ["--jobs-child"]:
    print(json.dumps(jobs_child(int(sys.argv[2]), int(sys.argv[3]))))
