"""Every public answer for the seeds, written to a folder, so two versions of the code can be diffed.

A refactoring that promises no change in behaviour is checked with it: run it before and after,
then `diff -r BEFORE AFTER`. The ingest time and "today" are fixed; CSP nonces are blanked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOW = dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.UTC)
ROUTES = (
    "/calendar.ics", "/calendar.ics?lang=en", "/feed.atom", "/feed.rss", "/feed.json", "/api/events",
    "/api/events?start=2021-01-01&end=2025-01-01", "/categories/conference.ics", "/", "/?lang=en",
    "/calendar", "/calendar/2022/12", "/embed", "/embed?view=month&month=2022-12", "/api/openapi.json",
)
EVENT_ROUTES = (("/events/", ""), ("/events/", ".ics"), ("/api/events/", ""))
NONCE = re.compile(rb'nonce(?:=|-)["\']?[A-Za-z0-9_+/=-]{8,}')


def clock_patches(today: dt.date) -> list:
    """Every place the web layer asks for today's date (one since the layout of issue 11; three before)."""
    targets = [name for name in ("feeds.web.clock.today", "feeds.web.templating.today",
                                 "feeds.web.syndication.today") if _exists(name)]
    return [mock.patch(name, lambda: today) for name in targets]


def _exists(dotted: str) -> bool:
    module, _, attribute = dotted.rpartition(".")
    try:
        return hasattr(__import__(module, fromlist=[attribute]), attribute)
    except ImportError:
        return False


@contextmanager
def seeded_client(today: dt.date) -> Iterator[Any]:
    """A test client of the app with the seeds ingested at NOW, answering as on `today`."""
    from feeds import create_app
    from feeds.ingest import ingest_paths
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE": str(Path(tmp) / "feeds.db"), "TESTING": True})
        with app.app_context():
            from feeds.web.db import get_db
            ingest_paths(get_db(), [ROOT / "seeds"], now=NOW)
        patches = clock_patches(today)
        for p in patches:
            p.start()
        try:
            yield app.test_client()
        finally:
            for p in patches:
                p.stop()


def snapshot(out: Path, today: dt.date) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with seeded_client(today) as client:
        uids = [e["id"] for e in client.get("/api/events").get_json()]
        routes = list(ROUTES) + [f"{prefix}{uid}{suffix}" for uid in uids
                                  for prefix, suffix in EVENT_ROUTES]
        for route in routes:
            body = NONCE.sub(b"nonce", client.get(route).data)
            name = re.sub(r"[^A-Za-z0-9.=-]+", "_", route.strip("/")) or "index"
            (out / name).write_bytes(body)
    from feeds.cli import main  # noqa: F401  (the extract command's JSON, for every annotated page)
    from feeds.extract.pipeline import extract_page
    lines = []
    for folder in ("seeds", "tests/data/heldout", "tests/data/heldout2"):
        for path in sorted((ROOT / folder).glob("*.txt")):
            for result in extract_page(path.read_text(encoding="utf-8")):
                for event in result.events:
                    lines.append(json.dumps(event.as_json(path.name, result.article), ensure_ascii=False))
    (out / "extract.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2022, 11, 1))
    args = parser.parse_args()
    snapshot(args.out, args.today)
