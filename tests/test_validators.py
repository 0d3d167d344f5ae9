"""Outside checkers over every page in both languages: the Nu HTML Checker (vnu.jar from npm, on Debian's JRE)
and axe-core (from npm) in Debian's chromium. Neither reports anything (issue 17, items 6 and 7).

Each page is checked twice by the HTML checker: as the server sends it, and as the browser holds it once its
scripts ran (FullCalendar draws the interactive calendar, embed.js inserts the iframe).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browsing import embed_frame, host_site, launched_browser, sample_site
from clients import INSTALL_NPM, JS, missing, require_tool, run

pytestmark = pytest.mark.slow

VNU = JS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = JS / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_JRE = "sudo apt-get install -y default-jre-headless  (or: sudo .ci/install-clients)"
PAGES = (
    "/", "/?category=fair&q=人才", "/?q=没有这样的活动", "/?from=yesterday", "/calendar/{year}/{month}",
    "/calendar/interactive", "/events/{fair}", "/events/{cancelled}", "/events/{month}", "/events/{opening}",
    "/events/{postponed}", "/events/{hostile}", "/articles/{article}", "/embed", "/embed?view=month&theme=dark",
    "/embed/builder", "/sources", "/no/such/page",
)
"""Every kind of page: the lists (filtered, empty, a bad filter), month, interactive, each kind of event, an
article, the embed's two views, the builder, the sources, the 404."""
LANGUAGES = ("zh", "en")
HOST = "host"
"""The stranger's page that pastes embed.js, checked with the frame it gets."""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[dict[str, str]]:
    with sample_site(tmp_path_factory.mktemp("validators")) as served:
        yield served


def addresses(site: dict[str, str]) -> dict[str, str]:
    """A name for each page in each language, and its URL."""
    sample = {k: v for k, v in site.items() if k != "root"}
    start = _api(site, site["fair"])["firstDay"]
    values = {**sample, "year": start[:4], "month": int(start[5:7])}
    month_uid = site["month"]
    found = {}
    for lang in LANGUAGES:
        for index, pattern in enumerate(PAGES):
            path = pattern.replace("{month}", month_uid) if pattern == "/events/{month}" else pattern
            path = quote(path.format(**values), safe="/?&=@")
            found[f"{index:02d}-{lang}"] = f"{site['root']}{path}{'&' if '?' in path else '?'}lang={lang}"
    return found


def _api(site: dict[str, str], uid: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{site['root']}/api/events/{uid}") as answer:
        return json.load(answer)


def _fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url) as answer:
            return answer.read()
    except urllib.error.HTTPError as error:  # the 400 and 404 pages are pages too
        return error.read()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def host(site) -> Iterator[str]:
    with host_site(site["root"]) as url:
        yield url


@pytest.fixture(scope="module")
def rendered(browser, site, host) -> dict[str, str]:
    """Each page's DOM after its scripts ran (the embed's host page with it), serialized by chromium."""
    found = {}
    pages = {**addresses(site), HOST: host}
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    try:
        for name, url in pages.items():
            page = context.new_page()
            settle(page, url)
            found[name] = page.content()
            page.close()
    finally:
        context.close()
    return found


def settle(page: Any, url: str) -> None:
    """Open `url` and wait until its scripts drew what they draw: FullCalendar's grid, the embed's frame."""
    page.goto(url)
    if "/calendar/interactive" in url:
        page.wait_for_selector(".fc-daygrid-day", timeout=10000)
    framed = url.endswith("/") and "/embed" not in url and page.locator("iframe.feeds-embed").count()
    if framed or "/embed/builder" in url:
        embed_frame(page)


FULLCALENDAR_ROLES = {"The “row” role is unnecessary for element “tr”.",
                      "The “columnheader” role is unnecessary for element “th”."}
"""Two warnings, on the interactive calendar only, that are wrong there: its rows sit in layout tables
(role="presentation", see calendar-app.js), whose rows ARIA makes presentational too unless a row says
role="row" — without it the grid would have no rows. axe-core, which follows ARIA's rule, checks them."""


def nu_messages(files: list[Path]) -> list[dict[str, Any]]:
    """What the Nu HTML Checker says about each file: errors and warnings (plain information left out)."""
    java = require_tool("java", INSTALL_JRE)
    if not VNU.exists():
        missing("npm package vnu-jar", INSTALL_NPM)
    result = run([java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)], timeout=300)
    messages = json.loads(result.stderr)["messages"]
    return [m for m in messages if m["type"] != "info" or m.get("subType") == "warning"]


def test_the_html_checker_finds_nothing_on_any_page_as_sent_or_as_drawn(site, rendered, tmp_path):
    files = []
    for name, url in addresses(site).items():
        files.append(tmp_path / f"{name}-sent.html")
        files[-1].write_bytes(_fetch(url))
    for name, dom in rendered.items():
        files.append(tmp_path / f"{name}-drawn.html")
        files[-1].write_text(dom, encoding="utf-8")
    messages = [m for m in nu_messages(files)
                if not ("interactive" in named_url(m, files, site) and m["message"] in FULLCALENDAR_ROLES)]
    report = [f"{Path(m['url']).name} ({named_url(m, files, site)}): {m['type']}: {m['message']}" for m in messages]
    assert not report, "\n".join(report[:40])


def named_url(message: dict[str, Any], files: list[Path], site: dict[str, str]) -> str:
    """The page address a checker's message is about (its file is named after the page)."""
    name = Path(message.get("url", "")).name.rsplit("-", 1)[0]
    return addresses(site).get(name, HOST)


def _axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on a page and its frames (axe injected into each, as it needs for frames)."""
    if not AXE.exists():
        missing("npm package axe-core", INSTALL_NPM)
    for frame in page.frames:
        frame.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await axe.run(document, {iframes: true})).violations")


NARROW = ("/", "/calendar/{year}/{month}", "/calendar/interactive", "/events/{fair}", "/embed?view=month&theme=dark")
"""The pages whose layout changes most on a phone: the month as a list, FullCalendar's narrow toolbar."""


def _axe_violations(browser: Any, urls: list[str], width: int) -> list[str]:
    # The pages' CSP refuses inline scripts, which is how a script tag is injected: this profile lets axe in.
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, bypass_csp=True)
    found = []
    try:
        for url in urls:
            page = context.new_page()
            settle(page, url)
            found += [f"{url}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                      for v in _axe(page)]
            page.close()
    finally:
        context.close()
    return found


def test_axe_finds_no_violation_on_any_page(browser, site, host):
    found = _axe_violations(browser, [*addresses(site).values(), host], 1280)
    assert not found, "\n".join(found)


def test_axe_finds_no_violation_on_a_phone(browser, site, host):
    narrow = {f"{index:02d}" for index, pattern in enumerate(PAGES) if pattern in NARROW}
    urls = [url for name, url in addresses(site).items() if name[:2] in narrow]
    assert len(urls) == 2 * len(NARROW)
    found = _axe_violations(browser, [*urls, host], 360)
    assert not found, "\n".join(found)
