"""The extraction's speed on the worst inputs issue 18 found, beside ordinary newspaper text, in one run.

Each input is built to about the same size (`--chars`, default 128,000) and run through the whole
pipeline (`extract_page`) once after a warm-up; the table gives characters a second and the ratio to
the seeds' pages repeated to that size. Every step is linear, so the ratio holds at any size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feeds.extract.pipeline import extract_page  # noqa: E402

PUBLISHED = dt.date(2022, 11, 22)
HOSTILE = (
    ("one sentence repeated: 博览会于1日举行，", "博览会于1日举行，"),
    ("bare days: 1日 × N", "1日"),
    ("dates before a bracket: 5月1日( × N", "5月1日("),
    ("lunar dates: 农历正月十五 × N", "农历正月十五，"),
)


def ordinary(chars: int) -> str:
    """The seeds' pages, repeated to about `chars` characters."""
    pages = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return (pages * (chars // len(pages) + 1))[:chars]


def chars_per_second(text: str) -> float:
    extract_page(text[:2000], PUBLISHED)  # warm-up: compiled patterns, dictionaries
    gc.collect()
    start = time.perf_counter()
    extract_page(text, PUBLISHED)
    return len(text) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=128_000)
    args = parser.parse_args()
    base = chars_per_second(ordinary(args.chars))
    print(f"| input ({args.chars:,} chars) | chars/s | vs ordinary text |")
    print("| --- | ---: | ---: |")
    print(f"| ordinary text (the seeds repeated) | {base:,.0f} | 1.00 |")
    for label, unit in HOSTILE:
        speed = chars_per_second((unit * (args.chars // len(unit) + 1))[:args.chars])
        print(f"| {label} | {speed:,.0f} | {speed / base:.2f} |")


if __name__ == "__main__":
    main()
