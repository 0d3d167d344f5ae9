"""The app factory, its settings, and the HTML pages: home, event and article."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path

import pytest
from conftest import make_event, make_report, save
from flask import Flask

from feeds import create_app, store
from feeds.models import TZ, Selection

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.datetime.now(TZ).date()


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


# --- settings --------------------------------------------------------------------------------


def test_the_instance_folder_is_the_checkouts_instance_folder():
    assert Path(create_app().instance_path) == ROOT / "instance"


def test_the_database_defaults_to_feeds_db_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("FEEDS_DATABASE", raising=False)
    monkeypatch.setattr(Flask, "auto_find_instance_path", lambda self: str(tmp_path))
    assert Path(create_app().config["DATABASE"]) == tmp_path / "feeds.db"


def test_feeds_environment_variables_override_the_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("FEEDS_DATABASE", str(tmp_path / "env.db"))
    monkeypatch.setenv("FEEDS_SITE_TITLE", "青岛活动")
    app = create_app()
    assert app.config["DATABASE"] == str(tmp_path / "env.db")
    assert app.config["SITE_TITLE"] == "青岛活动"


def test_the_config_mapping_overrides_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FEEDS_DATABASE", str(tmp_path / "env.db"))
    app = create_app({"DATABASE": str(tmp_path / "given.db")})
    assert app.config["DATABASE"] == str(tmp_path / "given.db")


def test_instance_config_py_is_read_before_the_environment(monkeypatch, tmp_path):
    (tmp_path / "config.py").write_text('SITE_TITLE = "from config.py"\nMAX_FILE_BYTES = 1234\n')
    monkeypatch.setattr(Flask, "auto_find_instance_path", lambda self: str(tmp_path))
    monkeypatch.setenv("FEEDS_MAX_FILE_BYTES", "999")
    app = create_app()
    assert app.config["SITE_TITLE"] == "from config.py"
    assert app.config["MAX_FILE_BYTES"] == 999


def test_wsgi_exposes_the_app():
    spec = importlib.util.spec_from_file_location("wsgi", ROOT / "wsgi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert isinstance(module.app, Flask)


# --- home page -------------------------------------------------------------------------------


def test_home_page_is_html(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"


def test_home_page_of_an_empty_database_says_how_to_fill_it(client):
    assert "feeds ingest" in client.get("/").get_data(as_text=True)


def test_home_page_runs_only_its_own_scripts_and_refuses_framing(client):
    headers = client.get("/").headers
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


@pytest.fixture
def events(db):
    save(
        db,
        make_report(
            "人才周下月举行",
            day(-20),
            make_event(
                "蓝色经济国际人才洽谈会",
                day(10),
                day(12),
                location="青岛国际会议中心",
                category="fair",
                evidence="洽谈会将在青岛国际会议中心举行。",
            ),
            make_event("工业互联网产业大会", day(-5), day(-4), location="青岛"),
            make_event("东京时尚展", day(3), status="cancelled", category="fair"),
        ),
    )
    return db


def test_home_page_lists_upcoming_events_with_date_place_and_category(client, events):
    html = client.get("/").get_data(as_text=True)
    upcoming = html.split('id="past"')[0]
    assert "蓝色经济国际人才洽谈会" in upcoming
    assert f"{day(10)} – {day(12)}" in upcoming
    assert "青岛国际会议中心" in upcoming
    assert "展会" in upcoming
    assert upcoming.index("东京时尚展") < upcoming.index("蓝色经济国际人才洽谈会")


def test_home_page_keeps_past_events_as_a_record(client, events):
    past = client.get("/").get_data(as_text=True).split('id="past"')[1]
    assert "工业互联网产业大会" in past
    assert "蓝色经济国际人才洽谈会" not in past


def test_home_page_marks_cancelled_events(client, events):
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'class="event cancelled".*?东京时尚展.*?已取消', html, re.S)


def test_home_page_links_each_event_to_its_evidence(client, events):
    html = client.get("/").get_data(as_text=True)
    assert "洽谈会将在青岛国际会议中心举行。" in html
    link = re.search(r'href="(/articles/[0-9a-f]{64}#m-\d+)"', html).group(1)
    path, anchor = link.split("#")
    article = client.get(path).get_data(as_text=True)
    assert f'<mark id="{anchor}">' in article


def test_article_text_is_escaped_everywhere(client, db):
    save(
        db,
        make_report(
            "<script>alert(1)</script>",
            day(-1),
            make_event(
                '<img src=x onerror="alert(2)">会', day(5), evidence="</blockquote><script>x</script>"
            ),
        ),
    )
    for path in [
        "/",
        *re.findall(r'href="(/(?:articles|events)/[^"#.]+)"', client.get("/").get_data(as_text=True)),
    ]:
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and "<img" not in html, path
        assert "&lt;" in html


# --- event and article pages -----------------------------------------------------------------


def test_event_page_shows_the_event_and_its_sources(client, events):
    [event] = store.query_events(events, Selection(q="人才洽谈会"))
    response = client.get(f"/events/{event.uid}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "蓝色经济国际人才洽谈会" in html and "人才周下月举行" in html and "青岛国际会议中心" in html


def test_unknown_event_and_article_are_404(client):
    assert client.get("/events/nothing@feeds").status_code == 404
    assert client.get("/articles/" + "0" * 64).status_code == 404


def test_source_urls_link_out_only_when_they_are_web_addresses(client, db):
    save(db, make_report("一", day(0), make_event("甲论坛", day(1))), source_url="https://news.example/1")
    save(db, make_report("二", day(0), make_event("乙论坛", day(2))), source_url="javascript:alert(1)")
    html = client.get("/").get_data(as_text=True)
    assert 'href="https://news.example/1"' in html
    assert 'href="javascript' not in html
