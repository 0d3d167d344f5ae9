"""Driving Debian's chromium from tests: launch it through playwright, open pages, watch their console, take
screenshots, and play a stranger's site that pastes embed.js.

Playwright never downloads a browser here: it launches /usr/bin/chromium. Screenshots land in tests/artifacts/
(git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from clients import live_server, missing, serving
from page_data import fill
from werkzeug.serving import make_server
from werkzeug.wrappers import Response

from feeds import create_app, store

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INSTALL_BROWSER = "sudo apt-get install -y chromium fonts-noto-cjk  (or: sudo .ci/install-clients)"
INSTALL_PLAYWRIGHT = ".venv/bin/pip install -e '.[test]'  (never `playwright install`: the system chromium is used)"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
INITIAL_IFRAME_HEIGHT = 150
"""What embed.js sets before the frame reports its height."""


def _has_cjk_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


@contextmanager
def launched_browser() -> Iterator[Any]:
    """Debian's chromium under playwright, or skip (fail under CI=true) saying what to install."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright Python package", INSTALL_PLAYWRIGHT)
    if not Path(CHROMIUM).exists():
        missing("chromium", INSTALL_BROWSER)
    if not _has_cjk_font():
        missing("a Chinese font (fonts-noto-cjk)", INSTALL_BROWSER)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A stranger's site</title>
<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Community news</h1><p>Our calendar:</p>
<script src="{root}/embed.js" {attributes}></script>
<p id="after">Text after the calendar.</p></main></body></html>"""


@contextmanager
def host_site(root: str, attributes: str = 'data-view="list"') -> Iterator[str]:
    """Another origin (its own port) serving a page that pastes the embed line of the site at `root`."""
    body = HOST_PAGE.format(root=root, attributes=attributes)

    def app(environ, start_response):
        return Response(body, content_type="text/html; charset=utf-8")(environ, start_response)

    with serving(make_server("127.0.0.1", 0, app, threaded=True)) as url:
        yield url + "/"


@contextmanager
def sample_site(folder: Path) -> Iterator[dict[str, str]]:
    """The app with the sample events (page_data.fill) in `folder`, served on 127.0.0.1; yields its root and the
    sample uids."""
    path = folder / "feeds.db"
    db = store.open_db(path)
    uids = fill(db)
    db.close()
    with live_server(create_app({"DATABASE": str(path)})) as root:
        yield {"root": root, **vars(uids)}


class Watched:
    """A page whose console errors (CSP violations, failed loads, script errors) are collected."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda err: self.errors.append(str(err)))


def open_page(context: Any, url: str) -> Watched:
    watched = Watched(context.new_page())
    response = watched.page.goto(url)
    assert response is not None and response.ok, url
    return watched


def screenshot(page: Any, name: str, folder: Path = ARTIFACTS, full_page: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=full_page)


def embed_frame(page: Any) -> Any:
    """The embed's frame once it has reported its height and the host resized it."""
    page.wait_for_function(
        f"() => {{ const f = document.querySelector('iframe.feeds-embed');"
        f" return f && f.getBoundingClientRect().height !== {INITIAL_IFRAME_HEIGHT}; }}",
        timeout=10000,
    )
    return next(f for f in page.frames if re.search(r"/embed/?\?", f.url))  # /embed/?… on a static host


@contextmanager
def browsing(browser: Any, locale: str, width: int) -> Iterator[Any]:
    """A fresh profile reading `locale` on a screen `width` px wide."""
    ctx = browser.new_context(locale=locale, viewport={"width": width, "height": 740 if width < 600 else 900})
    try:
        yield ctx
    finally:
        ctx.close()
