"""A database that cannot be used says so in one line, exits non-zero, answers 503 with the reason, and loses nothing.

Read-only folders (as `nobody` when root), full disks (SQLite's max_page_count), corrupted, truncated
and foreign files (bytes overwritten in a copy), and a schema from a newer feeds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_event, make_report, save
from privileges import shared_folder, unprivileged
from sample_events import fill

from feeds import create_app, store
from feeds.cli import main

PAGE = "# 采洽会开幕\n\n2022青岛中小企业国际采购洽谈会于11月22日至24日在青岛国际会展中心举行。\n"
ROUTES = ["/", "/calendar", "/calendar/2023/7", "/calendar/interactive", "/embed", "/events/x",
          "/articles/x", "/no-such-page", "/calendar.ics", "/categories/fair.ics", "/feed.rss", "/feed.atom",
          "/feed.json", "/api/events", "/api/events/x", "/events/x.ics"]
"""Every route that reads the database (the 404 page does too: it suggests upcoming events)."""


def articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"page{i:03}.txt").write_text(PAGE.replace("2022青岛", f"第{i + 1}届青岛"), encoding="utf-8")
    return folder


def stocked(path: Path) -> Path:
    db = store.open_db(path)
    fill(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:3000])


def foreign(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(b"PK\x03\x04 not a database header" + data[28:])


def pages_overwritten(path: Path) -> None:
    """The pages of the events table and its indexes overwritten: the header still opens, the schema reads."""
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    query = "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'events' AND rootpage > 0"  # triggers have none
    roots = [row[0] for row in conn.execute(query)]
    conn.close()
    data = bytearray(path.read_bytes())
    for page in roots:
        data[(page - 1) * size:page * size] = b"\xff" * size
    path.write_bytes(bytes(data))


def newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(store.MIGRATIONS) + 1}")
    conn.commit()
    conn.close()


BROKEN: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "truncated": (truncated, "corrupt", "corrupted"),
    "foreign header": (foreign, "not_a_database", "not a feeds database"),
    "pages overwritten": (pages_overwritten, "corrupt", "corrupted"),
    "newer schema": (newer, "too_new", "newer version of feeds"),
}


@pytest.fixture(params=list(BROKEN))
def broken(request, tmp_path) -> tuple[Path, str, str]:
    damage, kind, words = BROKEN[request.param]
    path = stocked(tmp_path / "feeds.db")
    damage(path)
    return path, kind, words


def test_a_broken_database_stops_the_ingest_in_one_line(broken, tmp_path):
    path, _kind, words = broken
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["--db", str(path), "ingest", str(articles(tmp_path / "in", 3))])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1, result.output
    assert str(path) in result.output and words in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


def test_a_broken_database_answers_503_with_the_reason_on_every_route(broken):
    path, kind, words = broken
    client = create_app({"DATABASE": str(path), "TESTING": True}).test_client()
    for route in ROUTES:
        response = client.get(route)
        assert response.status_code == 503, (route, response.get_data(as_text=True)[:300])
        assert words in response.get_data(as_text=True), route
        assert str(path) not in response.get_data(as_text=True)
        assert response.headers["Retry-After"]
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json["fault"] == kind and words in health.json["error"]
    if kind == "too_new":
        assert health.json["schema_version"] > health.json["schema_expected"]
        assert health.json["schema_current"] is False


def test_a_broken_database_is_not_backed_up(broken, tmp_path):
    """A backup of a damaged file would pass for a good one; a newer schema is refused too (it cannot be checked)."""
    path, _kind, words = broken
    result = CliRunner().invoke(main, ["--db", str(path), "backup", str(tmp_path / "copy.db")])
    assert result.exit_code == 1 and words in result.output
    assert list(tmp_path.glob("copy.db*")) == []


def test_health_of_a_sound_database(client, db):
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json == {"status": "ok", "readable": True, "schema_version": len(store.MIGRATIONS),
                           "schema_expected": len(store.MIGRATIONS), "schema_current": True, "writable": True}
    assert health.headers["Cache-Control"] == "no-store"


# --- a full disk ----------------------------------------------------------------------------------


@pytest.fixture
def full_disk(monkeypatch):
    """Every database the app opens is full once it has grown by `room` pages (SQLite's max_page_count)."""
    room = {"pages": 0}
    real = store.open_db

    def open_full(path):
        db = real(path)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + room['pages']}")
        return db

    monkeypatch.setattr(store, "open_db", open_full)
    return room


def test_a_full_disk_stops_the_ingest_with_one_message_and_a_count(db_path, tmp_path, full_disk):
    store.open_db(db_path).close()
    full_disk["pages"] = 6
    folder = articles(tmp_path / "in", 200)
    result = CliRunner().invoke(main, ["--db", str(db_path), "ingest", "--published", "2022-11-01", str(folder)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    [stopped] = [line for line in result.output.splitlines() if line.startswith("stopped:")]
    assert str(db_path) in stopped and "disk is full" in stopped
    ingested = int(result.output.split(" file(s) ingested")[0])
    assert 0 < ingested < 200
    assert f"{200 - ingested} file(s) not ingested" in stopped
    assert len(result.output.splitlines()) == 2, result.output
    db = store.open_db(db_path)  # what went in went in whole: one article and one event per file
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.count_events(db) == len(store.article_ids(db)) == ingested
    db.close()


def test_a_post_to_a_full_database_is_503_with_the_reason(db_path, full_disk):
    token = "k7Hq2mV9xR4tL8pZ3wN6"
    app = create_app({"DATABASE": str(db_path), "TESTING": True, "INGEST_TOKEN": token})
    filler = (f"第{i}段：本届洽谈会共有来自各地的采购商参加。" for i in range(2000))  # more than the free pages
    long_page = PAGE + "\n".join(filler)
    response = app.test_client().post("/api/articles?published=2022-11-01", data=long_page.encode(),
                                      content_type="text/plain; charset=utf-8",
                                      headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 503
    assert "disk is full" in response.json["error"] and "busy" not in response.json["error"]


def test_a_backup_to_a_full_disk_leaves_no_partial_file(db_path, db, tmp_path, monkeypatch):
    save(db, make_report("新闻", "2023-03-01", *[make_event(f"第{i}届测试展览会", "2024-06-01") for i in range(50)]))
    real_connect = sqlite3.connect

    def tiny_disk(path, *args, **kwargs):  # the backup's target has room for two pages
        conn = real_connect(path, *args, **kwargs)
        if str(path).endswith(".partial"):
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(store.schema.sqlite3, "connect", tiny_disk)
    result = CliRunner().invoke(main, ["--db", str(db_path), "backup", str(tmp_path / "copy.db")])
    assert result.exit_code == 1 and "backup failed" in result.output
    assert list(tmp_path.glob("copy.db*")) == []


# --- a read-only folder ---------------------------------------------------------------------------


def test_a_read_only_folder_stops_the_ingest_answers_503_and_changes_nothing():
    with shared_folder() as folder:
        path = stocked(folder / "data" / "feeds.db")
        incoming = articles(folder / "in", 2)
        (folder / "data").chmod(0o555)
        path.chmod(0o444)
        before = sorted(p.name for p in (folder / "data").iterdir()), path.read_bytes()

        def attempt() -> tuple[int, str, list[int], dict]:
            result = CliRunner().invoke(main, ["--db", str(path), "ingest", str(incoming)])
            client = create_app({"DATABASE": str(path), "TESTING": True}).test_client()
            statuses = [client.get(route).status_code for route in ROUTES]
            return result.exit_code, result.output, statuses, client.get("/healthz").json

        exit_code, output, statuses, health = unprivileged(attempt)
        assert (sorted(p.name for p in (folder / "data").iterdir()), path.read_bytes()) == before
    assert exit_code == 1
    assert output.count("\n") == 1 and str(path) in output and "cannot be written" in output, output
    assert set(statuses) == {503}
    assert health["fault"] == "read_only" and health["writable"] is False and health["readable"] is True
