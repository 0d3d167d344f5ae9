"""Ingesting files: idempotent, each file whole or not at all, refused files named and the rest still stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import NOW, dump, fake_extract_page

from feeds import store
from feeds.ingest import ingest_paths
from feeds.models import Selection

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PAGE = """# 洽谈会下月举行
published: 2022-11-22
第二十二届蓝色经济国际人才洽谈会 | 2022-12-20 | 2022-12-22 | 青岛国际会议中心
2022世界工业互联网产业大会 | 2022-11-29 | 2022-11-30 | 青岛

# 采洽会开幕
published: 2022-11-22
青岛中小企业国际采洽会 | 2022-11-22 | 2022-11-24
"""

LATER_PAGE = """# 大会日期调整
published: 2022-12-15
世界工业互联网产业大会 | 2022-12-15 | 2022-12-16 | 青岛国际会议中心
"""


def ingest(db, *paths, **kwargs):
    kwargs.setdefault("now", NOW)
    return ingest_paths(db, paths, extract=fake_extract_page, **kwargs)


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_ingest_reports_articles_and_new_events(db, page):
    report = ingest(db, page)
    assert (report.files, report.articles) == (1, 2)
    assert (report.events.new, report.events.updated, report.events.unchanged) == (3, 0, 0)
    assert report.ok


def test_ingesting_the_same_file_twice_changes_nothing(db, page):
    ingest(db, page)
    before = dump(db)
    again = ingest(db, page, now=NOW + dt.timedelta(hours=1))
    assert (again.events.new, again.events.updated, again.events.unchanged) == (0, 0, 3)
    assert dump(db) == before


def test_a_later_page_updates_the_event_instead_of_duplicating_it(db, page, tmp_path):
    ingest(db, page)
    later = tmp_path / "later.txt"
    later.write_text(LATER_PAGE, encoding="utf-8")
    report = ingest(db, later, now=NOW + dt.timedelta(days=1))
    assert report.events.updated == 1
    [event] = store.query_events(db, Selection(q="工业互联网"))
    assert (event.start, event.location, event.sequence) == ("2022-12-15", "青岛国际会议中心", 1)
    assert [m.source for m in event.mentions] == ["page.txt", "later.txt"]


def test_a_failure_mid_file_leaves_nothing_of_that_file(db, page, tmp_path, monkeypatch):
    saved = store.save_article_events
    calls = []

    def fail_on_second_article(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk full")
        return saved(*args, **kwargs)

    empty = dump(db)
    monkeypatch.setattr(store, "save_article_events", fail_on_second_article)
    report = ingest(db, page)
    assert len(calls) == 2
    assert dump(db) == empty
    assert [(r.path, r.reason) for r in report.rejected] == [(str(page), "failed: OSError: disk full")]


def test_rejected_files_are_named_and_the_others_still_go_in(db, page, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x00\x01\x02GIF89a\x00\x00" * 10)
    report = ingest(db, tmp_path)
    assert not report.ok
    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    assert reasons.keys() == {"empty.txt", "image.html"}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["image.html"].startswith("binary")
    assert report.files == 1
    assert len(store.query_events(db, Selection())) == 3


def test_a_file_that_breaks_extraction_is_rejected_and_the_others_go_in(db, page, tmp_path):
    broken = tmp_path / "a_broken.txt"
    broken.write_text("# 标题\n坏事件 | not-a-date\n", encoding="utf-8")
    report = ingest(db, broken, page)
    assert [Path(r.path).name for r in report.rejected] == ["a_broken.txt"]
    assert report.rejected[0].reason.startswith("failed: ValueError")
    assert report.files == 1


def test_the_given_publication_date_and_source_url_are_stored(db, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("# 无日期\n采洽会 | 2022-11-22\n", encoding="utf-8")
    ingest(db, path, published=dt.date(2022, 11, 21), source_url="https://news.example/1.html")
    [event] = store.query_events(db, Selection())
    [mention] = event.mentions
    assert (mention.published, mention.source_url) == ("2022-11-21", "https://news.example/1.html")


def test_the_summary_names_counts_and_rejections(db, page, tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    summary = ingest(db, tmp_path).summary()
    assert "1 file(s) ingested, 2 article(s) read; events: 3 new, 0 updated, 0 unchanged" in summary
    assert f"{tmp_path / 'empty.md'}: empty file" in summary


def test_the_seed_articles_yield_events_and_ingest_idempotently(db):
    first = ingest_paths(db, [SEEDS], now=NOW)
    assert first.ok, first.summary()
    assert first.files == 5 and first.events.new > 0
    before = dump(db)
    second = ingest_paths(db, [SEEDS], now=NOW + dt.timedelta(hours=1))
    assert second.events.new == second.events.updated == 0
    assert dump(db) == before


def _pages(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        text = f"# 第{n}篇\npublished: 2022-11-22\n第{n}届洽谈会 | 2022-12-{n % 28 + 1:02d}\n"
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_files_committed_in_groups_leave_the_store_one_transaction_per_file_leaves(tmp_path, monkeypatch):
    from feeds import ingest as ingesting

    folder = _pages(tmp_path / "in", 30)
    grouped = store.open_db(tmp_path / "grouped.db")
    commits: list[str] = []
    grouped.conn.set_trace_callback(lambda sql: sql.startswith("COMMIT") and commits.append(sql))
    monkeypatch.setattr(ingesting, "BATCH_FILES", 8)
    ingest(grouped, folder)
    assert len(commits) == 4  # 8 + 8 + 8 + 6 files
    monkeypatch.setattr(ingesting, "BATCH_FILES", 1)
    alone = store.open_db(tmp_path / "alone.db")
    ingest(alone, folder)
    assert dump(grouped) == dump(alone)


def test_a_file_that_fails_within_a_group_leaves_nothing_and_the_rest_of_its_group_goes_in(db, tmp_path, monkeypatch):
    folder = _pages(tmp_path / "in", 5)
    saved = store.save_article_events

    def fail_on_the_third(db, source, *args, **kwargs):
        if source.endswith("002.txt"):
            saved(db, source, *args, **kwargs)  # written, then undone with its savepoint
            raise OSError("disk full")
        return saved(db, source, *args, **kwargs)

    monkeypatch.setattr(store, "save_article_events", fail_on_the_third)
    report = ingest(db, folder)
    assert report.files == 4 and [Path(r.path).name for r in report.rejected] == ["002.txt"]
    assert sorted(ev.title for ev in store.query_events(db, Selection())) == ["第0届洽谈会", "第1届洽谈会",
                                                                            "第3届洽谈会", "第4届洽谈会"]
    assert len(store.article_ids(db)) == 4


def test_by_default_a_few_files_are_extracted_without_workers(db, tmp_path, monkeypatch):
    from feeds import ingest as ingesting

    monkeypatch.setattr(ingesting, "default_jobs", lambda: 4)
    monkeypatch.setattr(ingesting, "ProcessPoolExecutor", None)  # starting workers would fail
    assert ingest(db, _pages(tmp_path / "in", 15), jobs=None).files == 15  # 15 files: fewer than 8 per worker
