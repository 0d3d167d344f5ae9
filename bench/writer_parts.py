"""What keeping calendar parts costs an ingest (issue 19): generated articles ingested into an empty store, then the
parts of every event the ingest changed rendered and kept as `feeds ingest` does on its way out, both timed in
one child process, round after round, so the ratio is the part of an ingest's time the parts take."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import ingest

SITE = "http://localhost/"


@dataclass(frozen=True)
class WriterRound:
    articles: int
    events: int
    ingest_s: float
    keep_s: float
    ingest_cpu_s: float
    keep_cpu_s: float

    @property
    def share(self) -> float:
        """What keeping the parts adds to the ingest's time."""
        return self.keep_s / self.ingest_s


def child(count: int) -> dict:
    from feeds import kept_parts, store
    from feeds.extract.pipeline import extract_page
    from feeds.ingest import ingest_text

    items = ingest.pages(count)
    extract_page(items[0][0], items[0][1])  # imports and regexes loaded before the clock starts
    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_db(Path(tmp) / "ingest.db")
        since = kept_parts.revision(db)
        started, cpu = time.perf_counter(), time.process_time()
        for i, (text, published) in enumerate(items):
            ingest_text(db, text, f"bench/{i:05d}.txt", published=published)
        ingest_s, ingest_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        events = kept_parts.keep(db, kept_parts.changed_since(db, since), [(SITE, "zh")])
        keep_s, keep_cpu = time.perf_counter() - started, time.process_time() - cpu
        db.close()
    return WriterRound(count, events, ingest_s, keep_s, ingest_cpu, keep_cpu).__dict__


def measure(count: int, rounds: int) -> list[WriterRound]:
    rounds_done = []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, __file__, "--child", str(count)], capture_output=True, text=True,
                             check=True, timeout=3600).stdout
        rounds_done.append(WriterRound(**json.loads(out.strip().splitlines()[-1])))
    return rounds_done


def markdown(rounds: list[WriterRound]) -> str:
    rows = ["| round | articles | events kept | ingest s (CPU) | keeping the parts s (CPU) | added to the ingest |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for number, r in enumerate(rounds, 1):
        rows.append(f"| {number} | {r.articles:,} | {r.events:,} | {r.ingest_s:.1f} ({r.ingest_cpu_s:.1f}) | "
                    f"{r.keep_s:.2f} ({r.keep_cpu_s:.2f}) | {r.share:.1%} |")
    median = statistics.median(r.keep_cpu_s / r.ingest_cpu_s for r in rounds)
    return "\n".join(rows) + f"\n\nMedian, in CPU time: keeping the parts adds {median:.1%} to an ingest."


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    print(json.dumps(child(int(sys.argv[2]))))
