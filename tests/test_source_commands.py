"""`feeds sources add|list|remove`, `feeds fetch` (once and --loop), /sources and /api/sources, progress bars."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sites import Page, Site, serve
from test_fetch import news_site

from feeds import create_app, store
from feeds.cli import main
from feeds.fetch.feed import parse_day, read_feed
from feeds.fetch.hosts import HostGate
from feeds.fetch.robots import Robots, RobotsAnswer
from feeds.ingest import ingest_paths
from feeds.progress import Silent, progress, wants_bar
from feeds.source_commands import default_name, parse_duration

FAST = {"FEEDS_FETCH_DELAY": "0", "FEEDS_FETCH_TIMEOUT": "0.5", "FEEDS_FETCH_TRUST_ENV": "false"}


def feeds(runner, db_path, *args, env=None):
    return runner.invoke(main, ["--db", str(db_path), *args], env={**FAST, **(env or {})}, catch_exceptions=False)


# --- the registry --------------------------------------------------------------------------------


def test_a_source_is_added_listed_and_removed(runner, db_path):
    added = feeds(runner, db_path, "sources", "add", "https://www.qingdaonews.example/rss.xml", "--every", "2h")
    assert added.exit_code == 0, added.output
    assert "added qingdaonews.example" in added.output
    listed = feeds(runner, db_path, "sources", "list")
    header, row = listed.output.splitlines()[:2]
    assert header.split() == ["NAME", "KIND", "EVERY", "LAST", "FETCH", "STATUS", "ARTICLES", "EVENTS", "NEXT", "DUE"]
    assert row.split()[:7] == ["qingdaonews.example", "unknown", "2h", "-", "never", "0", "0"]
    assert feeds(runner, db_path, "sources", "remove", "qingdaonews.example").exit_code == 0
    assert "no sources" in feeds(runner, db_path, "sources", "list").output


def test_a_second_source_of_one_host_gets_a_numbered_name_and_a_taken_address_is_refused(runner, db_path):
    feeds(runner, db_path, "sources", "add", "https://news.example/a.xml")
    assert "added news.example-2" in feeds(runner, db_path, "sources", "add", "https://news.example/b.xml").output
    again = feeds(runner, db_path, "sources", "add", "https://news.example/a.xml", "--name", "other")
    assert again.exit_code == 1 and "exists already: news.example" in again.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["javascript:alert(1)"], "http:// or https://"),
        (["https://news.example/", "--every", "soon"], "not a duration"),
        (["https://news.example/", "--name", "has space"], "letters, digits"),
        (["https://news.example/", "--published-from", "moon"], "'feed', 'page'"),
    ],
)
def test_bad_source_settings_are_refused_with_a_reason(runner, db_path, args, message):
    result = feeds(runner, db_path, "sources", "add", *args)
    assert result.exit_code == 2 and message in result.output


def test_removing_an_unknown_source_says_so(runner, db_path):
    result = feeds(runner, db_path, "sources", "remove", "nobody")
    assert result.exit_code == 1 and "no source named 'nobody'" in result.output


def test_durations_read_as_people_write_them():
    assert [parse_duration(d) for d in ("90s", "30m", "2h", "1d", "45", "1.5h")] == [90, 1800, 7200, 86400, 45, 5400]
    with pytest.raises(ValueError):
        parse_duration("0s")


def test_default_names_come_from_the_host():
    assert default_name("https://www.xinhuanet.com/rss", set()) == "xinhuanet.com"
    assert default_name("https://www.xinhuanet.com/rss", {"xinhuanet.com", "xinhuanet.com-2"}) == "xinhuanet.com-3"


# --- fetching from the command line ----------------------------------------------------------------


@pytest.fixture
def site():
    fixture = Site()
    news_site(fixture)
    with serve(fixture):
        yield fixture


@pytest.mark.slow
def test_feeds_fetch_prints_counts_per_source_and_sources_list_shows_them(runner, db_path, site):
    feeds(runner, db_path, "sources", "add", site.url("/rss.xml"), "--name", "qingdao")
    fetched = feeds(runner, db_path, "fetch")
    assert fetched.exit_code == 0, fetched.output
    lines = fetched.output.splitlines()
    assert lines[0] == "1 source(s) fetched"
    assert lines[1] == ("  qingdao: 1 disallowed, 2 failed, 2 ingested, 1 no link; "
                        "events: 2 new, 0 updated, 0 unchanged")
    assert f"    {site.url('/news/gone.html')}: HTTP 404 Not Found" in lines
    listed = feeds(runner, db_path, "sources", "list").output
    row = listed.splitlines()[1].split()
    assert (row[0], row[1], row[4], row[5], row[6]) == ("qingdao", "feed", "partial", "2", "2")
    assert "  last fetch: 1 disallowed, 2 failed, 2 ingested, 1 no link" in listed
    again = feeds(runner, db_path, "fetch")
    assert again.output.strip() == "no source due"
    as_json = json.loads(feeds(runner, db_path, "sources", "list", "--json").output)
    assert as_json["counts"] == {"disallowed": 1, "failed": 2, "ingested": 2, "no_link": 1}


@pytest.mark.slow
def test_feeds_fetch_exits_1_when_a_source_cannot_be_read(runner, db_path, site):
    site.routes["/down.xml"] = Page(b"down", "text/plain", status=500, validators=False)
    feeds(runner, db_path, "sources", "add", site.url("/down.xml"), "--name", "down")
    result = feeds(runner, db_path, "fetch", "--quiet")
    assert result.exit_code == 1
    assert "  down: failed: HTTP 500 Internal Server Error" in result.output


def test_fetching_an_unknown_source_name_is_an_error(runner, db_path):
    result = feeds(runner, db_path, "fetch", "nobody")
    assert result.exit_code == 1 and "no source named nobody" in result.output


@pytest.mark.slow
def test_fetch_loop_stops_cleanly_on_sigterm(tmp_path, site):
    db_path = tmp_path / "loop.db"
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, **FAST, "PYTHONPATH": str(root), "FEEDS_DATABASE": str(db_path)}
    command = [sys.executable, "-c", "from feeds.cli import main; main()"]
    subprocess.run([*command, "sources", "add", site.url("/rss.xml"), "--name", "qingdao"], env=env, check=True,
                   capture_output=True)
    loop = subprocess.Popen([*command, "fetch", "--loop"], env=env, stdout=subprocess.PIPE, text=True)
    try:
        first = loop.stdout.readline()
        assert "1 source(s) fetched" in first
        deadline = time.monotonic() + 10
        while not [p for p in site.paths() if p == "/news/gone.html"] and time.monotonic() < deadline:
            time.sleep(0.05)
        loop.send_signal(signal.SIGTERM)
        rest, _ = loop.communicate(timeout=10)
    finally:
        if loop.poll() is None:
            loop.kill()
    assert loop.returncode == 0
    assert rest.rstrip().endswith("stopped")


# --- the web ---------------------------------------------------------------------------------------


def test_sources_are_shown_read_only_on_the_web(db_path, runner):
    feeds(runner, db_path, "sources", "add", "https://www.qingdaonews.example/rss.xml", "--name", "qingdao")
    client = create_app({"DATABASE": str(db_path), "TESTING": True}).test_client()
    page = client.get("/sources?lang=en")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "News sites followed" in html and ">qingdao</a>" in html
    api = client.get("/api/sources")
    (source,) = api.json
    assert (source["name"], source["url"], source["status"], source["every"]) == (
        "qingdao", "https://www.qingdaonews.example/rss.xml", "never", "30m")
    assert client.get("/api/sources", headers={"If-None-Match": api.headers["ETag"]}).status_code == 304
    assert client.post("/api/sources").status_code == 405


def test_no_sources_page_says_so(client):
    assert "尚未关注任何网站" in client.get("/sources").get_data(as_text=True)
    assert client.get("/api/sources").json == []


# --- pieces ----------------------------------------------------------------------------------------


def test_feed_dates_keep_the_day_of_their_own_time_zone():
    assert str(parse_day("Sat, 02 Nov 2024 07:30:00 +0800")) == "2024-11-02"  # 2024-11-01 in UTC
    assert str(parse_day("2024-11-02T07:30:00+08:00")) == "2024-11-02"
    assert str(parse_day("2024年11月2日 07:30")) == "2024-11-02"
    assert parse_day("yesterday") is None and parse_day(None) is None


def test_a_json_feed_without_items_is_not_a_feed():
    from feeds.fetch.feed import NotAFeed

    with pytest.raises(NotAFeed, match="without an `items` list"):
        read_feed(b'{"version": "https://jsonfeed.org/version/1.1"}', "http://x/")


def test_an_unreachable_robots_txt_closes_the_site_and_a_missing_one_opens_it():
    answers = {"http://a/robots.txt": RobotsAnswer(503), "http://b/robots.txt": RobotsAnswer(404),
               "http://c/robots.txt": RobotsAnswer(None),
               "http://d/robots.txt": RobotsAnswer(200, "User-agent: feeds\nDisallow: /x\nCrawl-delay: 3\n")}
    robots = Robots(answers.__getitem__)
    assert [robots.allowed(f"http://{h}/page") for h in "abcd"] == [False, True, False, True]
    assert not robots.allowed("http://d/x/1") and robots.crawl_delay("http://d/") == 3
    assert robots.closed("http://a/page") == "robots.txt answered HTTP 503: the site is left alone for now"
    assert robots.closed("http://b/page") is None and robots.closed("http://d/x/1") is None


def test_a_closed_site_is_asked_again_after_a_while_and_rules_after_a_day():
    now, asked = [0.0], []

    def read(url):
        asked.append(now[0])
        return RobotsAnswer(None, problem="cannot connect") if len(asked) == 1 else RobotsAnswer(200, "")

    robots = Robots(read, clock=lambda: now[0])
    assert robots.closed("http://a/") == "robots.txt unreachable (cannot connect): the site is left alone for now"
    now[0] = 601
    assert robots.allowed("http://a/") and robots.closed("http://a/") is None
    now[0] = 601 + 86_000
    robots.allowed("http://a/")
    now[0] = 601 + 86_401
    robots.allowed("http://a/")
    assert asked == [0.0, 601, 601 + 86_401]


def test_the_host_gate_waits_the_delay_and_a_retry_after():
    now = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(round(seconds, 3))
        now[0] += seconds

    gate = HostGate(1.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(2):
        with gate.turn("a"):
            pass
    with gate.turn("b"):
        pass  # another host does not wait
    gate.block("a", 5)
    with gate.turn("a"):
        pass
    assert slept == [1.0, 5.0]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_on_a_terminal_and_not_when_quiet():
    assert wants_bar(_Terminal(), quiet=False)
    assert not wants_bar(_Terminal(), quiet=True) and not wants_bar(io.StringIO(), quiet=False)
    screen = _Terminal()
    with progress("ingest", unit="file", stream=screen) as bar:
        bar.add(2)
        bar.step("a.txt")
        bar.step("b.txt")
    shown = screen.getvalue()
    assert "ingest:   0%|" in shown and "0/2" in shown  # later redraws are throttled; the bar is gone at the end
    with progress("ingest", stream=_Terminal(), quiet=True) as bar:
        assert isinstance(bar, Silent)


def test_ingest_reports_each_file_to_its_progress(db, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("2024年12月20日，青岛举办博览会。\n", encoding="utf-8")

    class Recorder:
        def __init__(self):
            self.total, self.steps = 0, []

        def add(self, count):
            self.total += count

        def step(self, label=""):
            self.steps.append(label)

    recorder = Recorder()
    ingest_paths(db, [tmp_path], extract=lambda text, published: [], progress=recorder)
    assert (recorder.total, recorder.steps) == (2, ["a.txt", "b.txt"])
    assert store.count_events(db) == 0


@pytest.mark.parametrize(
    ("data", "mimetype", "reason"),
    [
        (b"%PDF-1.7 ...", "text/html", "not an HTML page: a PDF document"),  # whatever the header says
        (b"\x89PNG\r\n\x1a\n....", "image/png", "not an HTML page: a PNG image"),
        (b"\xff\xd8\xff\xe0....", "image/jpeg", "not an HTML page: a JPEG image"),
        (b"<html>", "application/octet-stream", "not an HTML page: application/octet-stream"),
    ],
)
def test_pages_that_are_not_html_are_refused_with_what_they_are(data, mimetype, reason):
    from feeds.fetch.page import refusal

    assert refusal(data, mimetype) == reason


def test_fetch_settings_come_from_the_config_and_the_user_agent_names_the_site():
    from feeds.fetch.settings import from_config

    settings = from_config({"SITE_URL": "https://calendar.example.org/", "FETCH_DELAY": 2, "MAX_FILE_BYTES": 1000})
    assert settings.user_agent.startswith("feeds/") and settings.user_agent.endswith(
        "(event calendar; +https://calendar.example.org/)")
    assert (settings.delay, settings.max_bytes, settings.timeout) == (2.0, 1000, 10.0)
    assert from_config({"FETCH_USER_AGENT": "mybot/1"}).user_agent == "mybot/1"
