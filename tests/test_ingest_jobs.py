"""`feeds ingest --jobs N` extracts in worker processes and stores in input order: the store it leaves
is row for row the store one job leaves (issue 19)."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import NOW, fake_extract_page

from feeds import ingest as ingesting
from feeds import store
from feeds.ingest import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "events", "mentions", "reports", "retractions", "event_audit", "meta")


def rows(db) -> dict[str, list[tuple]]:
    """Every row of the store's tables (rowids, uids, sequences, stamps), and every term of its search documents."""
    found = {table: db.execute(f"SELECT rowid, * FROM [{table}] ORDER BY rowid").fetchall() for table in TABLES}
    if store.HAS_TRIGRAM:
        db.execute("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, event_search, instance)")
        found["event_search"] = db.execute("SELECT * FROM temp.search_terms ORDER BY 1, 2, 3, 4").fetchall()
    return found


def ingested(tmp_path: Path, name: str, inputs: list[Path], jobs: int, **kwargs) -> tuple[dict, str]:
    db = store.open_db(tmp_path / f"{name}.db")
    report = ingest_paths(db, inputs, now=NOW, jobs=jobs, **kwargs)
    found = rows(db)
    db.close()
    return found, report.summary()


def generated_pages(folder: Path, count: int) -> list[Path]:
    """Newspaper pages from the ingest benchmark's templates, follow-up reports among them."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import textgen
    finally:
        sys.path.remove(str(ROOT / "bench"))
    rng, recent, paths = random.Random(19), [], []
    folder.mkdir()
    for serial in range(count):
        published = dt.date(2023, 1, 1) + dt.timedelta(days=serial // 4)
        text, specs = textgen.article(rng, serial, published, recent)
        recent = (recent + specs)[-30:]
        path = folder / f"{serial:04d}.txt"
        path.write_text(f"{published:%Y年%m月%d日}\n{text}", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.slow
def test_seeds_and_generated_pages_give_the_same_store_with_three_jobs(tmp_path):
    pages = [ROOT / "seeds", *generated_pages(tmp_path / "pages", 60)]
    one, one_summary = ingested(tmp_path, "one", pages, jobs=1)
    three, three_summary = ingested(tmp_path, "three", pages, jobs=3)
    assert len(one["events"]) > 60 and len(one.get("event_search", [None])) > 1000
    assert three == one
    assert three_summary == one_summary


@contextmanager
def indexed_row_by_row(db):
    """The search index kept by its triggers row by row, as outside a group of ingested files."""
    yield


@pytest.mark.slow
def test_groups_of_files_leave_the_search_index_row_by_row_triggers_leave(tmp_path, monkeypatch):
    pages = [ROOT / "seeds", *generated_pages(tmp_path / "pages", 40)]
    monkeypatch.setattr(ingesting, "BATCH_FILES", 4)  # later groups revise and retract events of earlier ones
    grouped, _ = ingested(tmp_path, "grouped", pages, jobs=2)
    monkeypatch.setattr(store.search_index, "deferred", indexed_row_by_row)
    by_row, _ = ingested(tmp_path, "by_row", pages, jobs=1)
    assert grouped == by_row


def test_rejections_and_failures_are_reported_as_with_one_job(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("# 洽谈会\npublished: 2022-11-22\n洽谈会 | 2022-12-20 | 2022-12-22 | 青岛\n")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_broken.txt").write_text("# 标题\n坏事件 | not-a-date\n", encoding="utf-8")
    (folder / "d.txt").write_text("# 采洽会\npublished: 2022-11-22\n采洽会 | 2022-11-22 | 2022-11-24\n")
    shutil.copy(folder / "a.txt", folder / "e_again.txt")
    one, one_summary = ingested(tmp_path, "one", [folder], jobs=1, extract=fake_extract_page)
    two, two_summary = ingested(tmp_path, "two", [folder], jobs=2, extract=fake_extract_page)
    assert two == one and two_summary == one_summary
    assert "b_empty.txt: empty file" in two_summary and "c_broken.txt: failed: ValueError" in two_summary
