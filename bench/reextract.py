"""Reextract: `feeds reextract` over 10,000 stored articles, beside a fresh ingest of the same articles.

The articles are the ingest benchmark's (textgen's newspaper templates, with follow-up reports). One
child process ingests them into an empty database (timed: the fresh ingest); a second child marks every
article as an older extractor's and re-extracts them all (timed: the reextract). Each child's peak
resident memory (ru_maxrss) is its own. The reextract must end with the store the ingest made.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import ingest as ingest_bench


@dataclass(frozen=True)
class Run:
    seconds: float
    articles: int
    peak_rss_mb: float

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class ReextractResult:
    articles: int
    events: int
    ingest: Run
    reextract: Run
    same_store: bool

    @property
    def ratio(self) -> float:
        """Reextract time over fresh-ingest time, measured in the same run."""
        return self.reextract.seconds / self.ingest.seconds if self.ingest.seconds else 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _state(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute('SELECT uid, title, start, "end", location, status FROM events ORDER BY uid').fetchall()
    finally:
        conn.close()


def child_ingest(count: int, path: str) -> dict:
    from feeds import ingest, store
    from feeds.extract.pipeline import extract_page

    items = ingest_bench.pages(count)
    extract_page(items[0][0], items[0][1])  # imports and regexes loaded before the clock starts
    db = store.open_db(path)
    started = time.perf_counter()
    for i, (text, published) in enumerate(items):
        ingest.ingest_text(db, text, f"bench/{i:05d}.txt", published=published)
    elapsed = time.perf_counter() - started
    db.close()
    return {"seconds": elapsed, "articles": count, "peak_rss_mb": _peak_mb()}


def child_reextract(path: str) -> dict:
    from feeds import store
    from feeds.extract.pipeline import extract_page
    from feeds.reextract import reextract, select_articles

    extract_page("# 预热\n\n本报讯 第一届论坛将于5月1日举行。", None)
    db = store.open_db(path)
    db.execute("UPDATE articles SET extractor_version = 0")
    db.conn.commit()
    ids = select_articles(db)
    started = time.perf_counter()
    report = reextract(db, ids)
    elapsed = time.perf_counter() - started
    db.close()
    return {"seconds": elapsed, "articles": report.articles, "peak_rss_mb": _peak_mb()}


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True,
                         timeout=3600).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(count: int = 10_000) -> ReextractResult:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.db"
        first = Run(**_child("--ingest", str(count), str(path)))
        before = _state(path)
        second = Run(**_child("--reextract", str(path)))
        after = _state(path)
    return ReextractResult(count, len(before), first, second, before == after)


def markdown(result: ReextractResult) -> str:
    rows = [
        "| run | articles | seconds | articles/s | peak RSS (MB) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, run in (("fresh ingest", result.ingest), ("reextract", result.reextract)):
        rows.append(f"| {name} | {run.articles:,} | {run.seconds:.1f} | {run.per_second:,.0f} "
                    f"| {run.peak_rss_mb:.0f} |")
    rows.append("")
    rows.append(f"Reextract takes {result.ratio:.2f}× the fresh ingest's time; {result.events:,} events; "
                f"store after reextract {'equals' if result.same_store else 'DIFFERS from'} the fresh ingest's.")
    return "\n".join(rows)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--ingest"]:
        print(json.dumps(child_ingest(int(sys.argv[2]), sys.argv[3])))
    elif sys.argv[1:2] == ["--reextract"]:
        print(json.dumps(child_reextract(sys.argv[2])))
    else:
        articles = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
        print(markdown(measure(articles)))
