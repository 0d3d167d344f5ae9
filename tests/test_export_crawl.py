"""The static export is a website: from its index every internal link resolves on a plain file server (issue 17, 2)."""

from __future__ import annotations

import functools
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from clients import serving
from conftest import make_event, make_report, save
from lxml import html as lxml_html

from feeds import create_app, store

MAX_PAGES = 400
"""The crawl's bound: the sample export has a few dozen addresses."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def file_server(root: Path) -> Iterator[str]:
    """`python -m http.server` on 127.0.0.1: no rewrites, no extensions guessed, only files and folders."""
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))) as url:
        yield url + "/"


@pytest.fixture
def exported(db_path, tmp_path) -> Path:
    db = store.open_db(db_path)
    save(db, make_report("海洋博览会开幕", "2024-03-01", make_event("海洋博览会", "2024-03-20", "2024-03-22"),
                         make_event("跨境电商论坛", "2024-04-05")))
    db.close()
    out = tmp_path / "site"
    app = create_app({"DATABASE": str(db_path), "TESTING": True})
    result = app.test_cli_runner().invoke(args=["export", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _links(page: bytes, base: str) -> list[str]:
    doc = lxml_html.fromstring(page)
    found = doc.xpath("//a/@href | //link[@rel='stylesheet' or @rel='alternate']/@href | //script/@src")
    return [urljoin(base, link).split("#")[0] for link in found]


@pytest.mark.slow
def test_a_crawl_of_the_export_finds_no_broken_link(exported):
    with file_server(exported) as root:
        host = urlsplit(root).netloc
        queue, seen, broken = [root], set(), []
        while queue and len(seen) < MAX_PAGES:
            url = queue.pop()
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
                queue.extend(_links(body, url))
        assert not broken, broken
        assert len(seen) > 10
        assert any("/events/" in url for url in seen) and any("/calendar/2024/3" in url for url in seen)


def test_exported_interactive_calendar_reads_the_exported_list(exported):
    page = (exported / "calendar" / "interactive" / "index.html").read_text(encoding="utf-8")
    events = lxml_html.fromstring(page).xpath("//div[@id='fc']/@data-events")[0]
    assert events == "/api/events.json"
    assert (exported / "api" / "events.json").exists()


def test_export_holds_the_embed_and_a_calendar_that_redirects(exported):
    assert (exported / "embed" / "index.html").exists() and (exported / "embed.js").exists()
    redirect = (exported / "calendar" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in redirect and "/calendar/2024/4" in redirect  # the archive's latest month
