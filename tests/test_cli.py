"""The `feeds` command line: help texts, ingest, the `extract --json` contract, dates, export and backup."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from feeds import store
from feeds.cli import main
from feeds.commands import _export_file
from feeds.models import DateMatch, Interval, Selection

PAGE = """# 洽谈会下月举行
published: 2022-11-22
第二十二届蓝色经济国际人才洽谈会 | 2022-12-20 | 2022-12-22 | 青岛国际会议中心
青岛中小企业国际采洽会 | 2022-11-22T09:30:00+08:00 | 2022-11-22T11:30:00+08:00
"""

CONTRACT = {
    "source": str,
    "article": str,
    "title": str,
    "category": str,
    "start": str,
    "end": str,
    "all_day": bool,
    "precision": str,
    "location": str,
    "status": str,
    "evidence": str,
    "flags": list,
    "confidence": float,
    "recurrence": (dict, type(None)),
}


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def run(runner, db_path, *args, **kwargs):
    return runner.invoke(main, ["--db", str(db_path), *map(str, args)], **kwargs)


# --- help ------------------------------------------------------------------------------------


def test_main_help_lists_every_command_and_the_database_option(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "extract", "dates", "serve", "export", "backup"):
        assert command in result.output
    assert "--db" in result.output and "FEEDS_DATABASE" in result.output


@pytest.mark.parametrize(
    ("command", "phrases"),
    [
        ("ingest", ["--published", "--source-url", "--if-empty", "changes nothing", "rejected"]),
        ("extract", ["--json", "--published", "without touching the database", "evidence"]),
        ("dates", ["--published", "standard input", "--json"]),
        ("serve", ["--host", "--port", "127.0.0.1", "gunicorn wsgi:app"]),
        ("export", ["DIRECTORY", "static", "--base-url"]),
        ("backup", ["DEST", "online backup", "restore"]),
    ],
)
def test_each_command_explains_itself(runner, command, phrases):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for phrase in phrases:
        assert phrase in text


@pytest.mark.slow
def test_the_commands_also_run_under_flask(tmp_path):
    flask = Path(sys.executable).with_name("flask")
    result = subprocess.run(
        [str(flask), "--app", "feeds", "--help"], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    for command in ("ingest", "extract", "dates", "serve", "export", "backup"):
        assert command in result.stdout


# --- ingest ----------------------------------------------------------------------------------


def test_ingest_prints_a_summary(runner, db_path, page, fake_pipeline):
    result = run(runner, db_path, "ingest", page)
    assert result.exit_code == 0, result.output
    assert "1 file(s) ingested, 1 article(s) read; events: 2 new, 0 updated, 0 unchanged" in result.output
    assert db_path.exists()


def test_ingest_exits_1_naming_the_rejected_file(runner, db_path, page, tmp_path, fake_pipeline):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(runner, db_path, "ingest", page, empty)
    assert result.exit_code == 1
    assert f"{empty}: empty file" in result.output
    assert "2 new" in result.output


def test_ingest_if_empty_leaves_a_filled_database_alone(runner, db_path, page, tmp_path, fake_pipeline):
    run(runner, db_path, "ingest", page)
    other = tmp_path / "other.txt"
    other.write_text("# 另一篇\n东亚海洋博览会 | 2023-05-01\n", encoding="utf-8")
    result = run(runner, db_path, "ingest", "--if-empty", other)
    assert result.exit_code == 0
    assert "not ingesting" in result.output
    db = store.open_db(db_path)
    assert store.count_events(db) == 2
    db.close()


def test_ingest_if_empty_fills_an_empty_database(runner, db_path, page, fake_pipeline):
    result = run(runner, db_path, "ingest", "--if-empty", page)
    assert "2 new" in result.output


def test_ingest_takes_the_database_from_the_environment(runner, tmp_path, page, fake_pipeline):
    target = tmp_path / "from-env.db"
    result = runner.invoke(main, ["ingest", str(page)], env={"FEEDS_DATABASE": str(target)})
    assert result.exit_code == 0, result.output
    assert target.exists()


def test_ingest_passes_publication_date_and_source_url(runner, db_path, tmp_path, fake_pipeline):
    path = tmp_path / "undated.txt"
    path.write_text("# 无日期\n采洽会 | 2022-11-22\n", encoding="utf-8")
    run(
        runner, db_path, "ingest", "--published", "2022-11-21", "--source-url", "https://news.example/a", path
    )
    db = store.open_db(db_path)
    [event] = store.query_events(db, Selection())
    assert (event.mentions[0].published, event.mentions[0].source_url) == (
        "2022-11-21",
        "https://news.example/a",
    )
    db.close()


def test_ingest_refuses_a_malformed_date(runner, db_path, page):
    result = run(runner, db_path, "ingest", "--published", "22/11/2022", page)
    assert result.exit_code == 2
    assert "--published" in result.output


# --- extract ---------------------------------------------------------------------------------


def test_extract_json_prints_one_contract_object_per_event(runner, db_path, page, fake_pipeline):
    result = run(runner, db_path, "extract", "--json", page)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 2
    for record in records:
        assert record.keys() == CONTRACT.keys()
        for key, kind in CONTRACT.items():
            assert isinstance(record[key], kind), key
        assert record["source"] == "page.txt"
        assert record["article"] == "洽谈会下月举行"
    assert (records[0]["start"], records[0]["end"], records[0]["all_day"]) == (
        "2022-12-20",
        "2022-12-22",
        True,
    )
    assert records[1]["start"] == "2022-11-22T09:30:00+08:00" and records[1]["precision"] == "time"


def test_extract_json_keeps_chinese_readable(runner, db_path, page, fake_pipeline):
    result = run(runner, db_path, "extract", "--json", page)
    assert "青岛国际会议中心" in result.output
    assert "\\u" not in result.output


def test_extract_writes_nothing_to_the_database(runner, db_path, page, fake_pipeline):
    run(runner, db_path, "extract", "--json", page)
    assert not db_path.exists()


def test_extract_without_json_prints_a_readable_table(runner, db_path, page, fake_pipeline):
    result = run(runner, db_path, "extract", page)
    lines = result.output.splitlines()
    assert lines[0] == "== page.txt"
    assert lines[1].startswith("2022-12-20 – 2022-12-22")
    assert "第二十二届蓝色经济国际人才洽谈会" in lines[1] and "@ 青岛国际会议中心" in lines[1]


def test_extract_reports_unreadable_files_and_exits_1(runner, db_path, page, tmp_path, fake_pipeline):
    missing = tmp_path / "missing.txt"
    result = run(runner, db_path, "extract", "--json", missing, page)
    assert result.exit_code == 1
    assert f"{missing}: rejected: no such file" in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_extract_json_on_the_seed_articles_finds_events(runner, db_path):
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    result = run(runner, db_path, "extract", "--json", seeds)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r.keys() == CONTRACT.keys() for r in records)


# --- dates -----------------------------------------------------------------------------------


@pytest.fixture
def fake_dates(monkeypatch):
    """A stand-in for feeds.dates that finds `12月20日` and records what it was asked."""
    asked = []

    def find_dates(text, published, every_kind=False, now=None):
        asked.append((text, published))
        at = text.find("12月20日")
        day = dt.date(published.year, 12, 20)
        return [] if at < 0 else [DateMatch("12月20日", at, at + 6, Interval(day, day), "month_day")]

    monkeypatch.setitem(sys.modules, "feeds.extract.dates", types.SimpleNamespace(find_dates=find_dates))
    return asked


def test_dates_json_prints_each_match(runner, db_path, fake_dates):
    result = run(runner, db_path, "dates", "将于12月20日启动", "--published", "2022-12-15", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "text": "12月20日",
        "start": "2022-12-20",
        "end": "2022-12-20",
        "precision": "day",
        "kind": "point",
        "cue": "",
        "rule": "month_day",
    }
    assert fake_dates == [("将于12月20日启动", dt.date(2022, 12, 15))]


def test_dates_reads_standard_input(runner, db_path, fake_dates):
    result = run(runner, db_path, "dates", "-", "--published", "2022-12-15", input="人才周将于12月20日启动")
    assert result.output == "12月20日\t2022-12-20\tday\tpoint\tmonth_day\n"


def test_dates_needs_the_publication_date(runner, db_path, fake_dates):
    result = run(runner, db_path, "dates", "12月20日")
    assert result.exit_code == 2


# --- serve, export, backup -------------------------------------------------------------------


def test_serve_runs_the_app_on_the_given_address(runner, db_path, monkeypatch):
    calls = []
    monkeypatch.setattr(
        "werkzeug.serving.run_simple", lambda host, port, app, **kw: calls.append((host, port, app.name, kw))
    )
    result = run(runner, db_path, "serve", "--port", "5055")
    assert result.exit_code == 0, result.output
    assert calls == [
        ("127.0.0.1", 5055, "feeds", {"use_reloader": False, "use_debugger": False, "threaded": True})
    ]


def test_export_writes_the_pages_and_skips_missing_routes(runner, db_path, page, tmp_path, fake_pipeline):
    run(runner, db_path, "ingest", page)
    out = tmp_path / "site"
    result = run(runner, db_path, "export", out)
    assert result.exit_code == 0, result.output
    assert "第二十二届蓝色经济国际人才洽谈会" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "static" / "style.css").exists()
    db = store.open_db(db_path)
    for uid in store.event_uids(db):
        assert (out / "events" / uid / "index.html").exists()
    db.close()


def test_export_writes_the_month_pages_and_the_embed_script(runner, db_path, page, tmp_path, fake_pipeline):
    run(runner, db_path, "ingest", page)
    out = tmp_path / "site"
    assert run(runner, db_path, "export", out).exit_code == 0
    db = store.open_db(db_path)
    months = store.event_months(db)
    db.close()
    assert months
    for year, month in months:
        assert (out / "calendar" / str(year) / str(month) / "index.html").exists()
    assert (out / "embed.js").exists()


@pytest.mark.parametrize(
    ("url", "mimetype", "file"),
    [
        ("/", "text/html", "index.html"),
        ("/calendar.ics", "text/calendar", "calendar.ics"),
        ("/api/events", "application/json", "api/events.json"),
        ("/events/abc@feeds", "text/html", "events/abc@feeds/index.html"),
        ("/events/abc@feeds.ics", "text/calendar", "events/abc@feeds.ics"),
    ],
)
def test_exported_addresses_get_file_names(url, mimetype, file):
    assert _export_file(url, mimetype) == file


def test_backup_copies_the_database(runner, db_path, page, tmp_path, fake_pipeline):
    run(runner, db_path, "ingest", page)
    copy = tmp_path / "backups" / "feeds-copy.db"
    result = run(runner, db_path, "backup", copy)
    assert result.exit_code == 0, result.output
    db = store.open_db(copy)
    assert store.count_events(db) == 2
    db.close()
