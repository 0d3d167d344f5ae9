"""The static export is a website: from its index every internal link resolves on a plain file server, at the
server's root or under a sub-path, in Chinese and in English (issue 17, item 2)."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from clients import file_server
from conftest import make_event, make_report, save
from lxml import html as lxml_html

from feeds import create_app, store

MAX_PAGES = 400
"""The crawl's bound: the sample export has a few dozen addresses."""


PUBLIC = "https://example.org/calendar/"
"""Where the sub-path export says it will live: its feeds and subscribe links are absolute, to this address."""


def export_site(db_path: Path, out: Path, *args: str) -> Path:
    """`feeds export OUT ARGS` of the store at `db_path` (two events in March and April 2024 if it is empty)."""
    db = store.open_db(db_path)
    if not db["events"].count:
        save(db, make_report("海洋博览会开幕", "2024-03-01", make_event("海洋博览会", "2024-03-20", "2024-03-22"),
                             make_event("跨境电商论坛", "2024-04-05")))
    db.close()
    app = create_app({"DATABASE": str(db_path), "TESTING": True})
    result = app.test_cli_runner().invoke(args=["export", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def exported(db_path, tmp_path) -> Path:
    return export_site(db_path, tmp_path / "site")


@pytest.fixture
def under_a_sub_path(db_path, tmp_path) -> Path:
    """The export for PUBLIC, put where a file server rooted at the returned folder serves it as /calendar/."""
    export_site(db_path, tmp_path / "www" / "calendar", "--base-url", PUBLIC)
    return tmp_path / "www"


def _links(page: bytes, base: str) -> list[str]:
    doc = lxml_html.fromstring(page)
    found = doc.xpath("//a/@href | //link[@rel='stylesheet' or @rel='alternate']/@href | //script/@src"
                      " | //*[@data-events]/@data-events")
    return [urljoin(base, link).split("#")[0] for link in found]


def crawl(start: str, public: str | None = None) -> dict[str, bytes]:
    """Every page and file reached from `start` by links on the same server (absolute links to `public` read as
    links to `start`); fails on the first broken one it lists. Returns each HTML page reached."""
    host = urlsplit(start).netloc
    queue, seen, broken, pages = [start], set(), [], {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop()
        if public and url.startswith(public):
            url = start + url[len(public):]
        if url in seen or urlsplit(url).netloc != host:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body, kind = response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append(f"{url}: {error.code}")
            continue
        if kind == "text/html":
            assert b"Directory listing for" not in body, url
            pages[url] = body
            queue.extend(_links(body, url))
    assert not broken, broken
    return pages


@pytest.mark.slow
def test_a_crawl_of_the_export_finds_no_broken_link(exported):
    with file_server(exported) as root:
        pages = crawl(root)
    assert len(pages) > 10
    assert any("/events/" in url for url in pages) and any("/calendar/2024/3" in url for url in pages)


@pytest.mark.slow
def test_an_export_under_a_sub_path_is_whole_in_both_languages(under_a_sub_path):
    with file_server(under_a_sub_path) as root:
        pages = crawl(root + "calendar/", PUBLIC)
    english = {url: body for url, body in pages.items() if "/calendar/en/" in url}
    chinese = {url: body for url, body in pages.items() if url not in english}
    for found in (english, chinese):
        assert any("/events/" in url for url in found) and any("/calendar/2024/3" in url for url in found)
        assert any(url.rstrip("/").endswith("/calendar/interactive") for url in found)
    assert all(b'<html lang="en"' in body for body in english.values() if b"http-equiv" not in body)
    assert all(b'<html lang="zh-CN"' in body for body in chinese.values() if b"http-equiv" not in body)
    english_home = lxml_html.fromstring(english[root_of(pages) + "en/"])
    assert english_home.xpath("//li[@class='lang-switch']/a/@href") == ["/calendar/"]
    assert english_home.xpath("//h1")[0].text_content() != "近期活动"


def root_of(pages: dict[str, bytes]) -> str:
    """The export's root URL: the shortest page address crawled."""
    return min(pages, key=len)


def test_english_pages_are_exported_under_en(under_a_sub_path):
    site = under_a_sub_path / "calendar"
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and 'href="/calendar/en/api/events.json"' in english
    interactive = lxml_html.fromstring((site / "en" / "calendar" / "interactive" / "index.html").read_bytes())
    assert interactive.xpath("//div[@id='fc']/@data-events") == ["/calendar/en/api/events.json"]
    feed = (site / "en" / "feed.rss").read_text(encoding="utf-8")
    assert "<title>feeds · all events</title>" in feed and "<link>https://example.org/calendar/en/events/" in feed
    assert "<title>feeds · 全部活动</title>" in (site / "feed.rss").read_text(encoding="utf-8")


def test_exported_interactive_calendar_reads_the_exported_list(exported):
    page = (exported / "calendar" / "interactive" / "index.html").read_text(encoding="utf-8")
    events = lxml_html.fromstring(page).xpath("//div[@id='fc']/@data-events")[0]
    assert events == "/api/events.json"
    assert (exported / "api" / "events.json").exists()


def test_export_holds_the_embed_and_a_calendar_that_redirects(exported):
    assert (exported / "embed" / "index.html").exists() and (exported / "embed.js").exists()
    redirect = (exported / "calendar" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in redirect and "/calendar/2024/4" in redirect  # the archive's latest month
