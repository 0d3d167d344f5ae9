"""The pages in a real browser: Debian's chromium, driven by playwright (tests/browsing.py), against the app on
127.0.0.1. A second loopback server (another port, so another origin) plays a stranger's site that pastes embed.js.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browsing import (
    INITIAL_IFRAME_HEIGHT,
    browsing,
    embed_frame,
    host_site,
    launched_browser,
    open_page,
    sample_site,
    screenshot,
)
from clients import live_server
from conftest import make_event, make_report, save
from page_data import TODAY, day

from feeds import create_app, store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[dict[str, str]]:
    with sample_site(tmp_path_factory.mktemp("browser")) as served:
        yield served


@pytest.fixture(scope="module")
def host(site) -> Iterator[str]:
    with host_site(site["root"]) as url:
        yield url


@pytest.fixture
def context(browser) -> Iterator[Any]:
    """A fresh browser profile reading Chinese, as the site's readers do."""
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1200, "height": 900})
    yield ctx
    ctx.close()


# --- home, month, event ----------------------------------------------------------------------


def test_home_page_shows_the_upcoming_events_in_chinese(context, site):
    watched = open_page(context, site["root"] + "/")
    page = watched.page
    assert page.locator("h1").inner_text() == "近期活动"
    titles = page.locator("section[aria-labelledby=upcoming] h4").all_inner_texts()
    assert titles[:2] == ["东京时尚展 已取消", "开幕式"] and "蓝色经济国际人才洽谈会" in titles
    screenshot(page, "home.png")
    assert watched.errors == []


def test_home_page_event_link_opens_the_event(context, site):
    page = open_page(context, site["root"] + "/").page
    page.get_by_role("link", name="蓝色经济国际人才洽谈会").first.click()
    page.wait_for_url(re.compile(r"/events/"))
    assert page.locator("h1").inner_text().startswith("蓝色经济国际人才洽谈会")


def test_filters_work_without_javascript(browser, site):
    ctx = browser.new_context(locale="zh-CN", java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(site["root"] + "/")
        page.get_by_label("搜索").fill("国际会议中心")
        page.get_by_role("button", name="筛选").click()
        page.wait_for_url(re.compile(r"q="))
        assert page.locator("section[aria-labelledby=upcoming] h4").all_inner_texts() == ["蓝色经济国际人才洽谈会"]
    finally:
        ctx.close()


def test_month_page_draws_the_fair_across_its_three_days(context, site):
    start = site_day(site, "fair")
    watched = open_page(context, f"{site['root']}/calendar/{start[:4]}/{int(start[5:7])}")
    page = watched.page
    bars = page.locator("td.bar", has_text="蓝色经济国际人才洽谈会")
    spans = [int(bars.nth(i).get_attribute("colspan") or 1) for i in range(bars.count())]
    assert sum(spans) == 3
    column = page.locator("table.month thead th").first.bounding_box()["width"]
    widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
    assert sum(widths) == pytest.approx(3 * column, abs=4)
    screenshot(page, "month.png")
    assert watched.errors == []


def site_day(site: dict[str, str], name: str) -> str:
    """The first day of a sample event, as the API gives it."""
    from urllib.request import urlopen

    with urlopen(f"{site['root']}/api/events/{site[name]}") as answer:
        return json.load(answer)["firstDay"]


def test_event_page_json_ld_parses_and_its_calendar_links_work(context, site):
    watched = open_page(context, f"{site['root']}/events/{site['fair']}")
    page = watched.page
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    for field in ("name", "startDate", "endDate", "location", "eventStatus"):
        assert data[field], field
    ics = page.get_by_role("link", name="下载 .ics 文件").get_attribute("href")
    answer = page.request.get(site["root"] + ics)
    assert answer.ok and answer.headers["content-type"].startswith("text/calendar")
    assert "蓝色经济国际人才洽谈会" in answer.text()
    highlighted = page.locator("section.evidence mark").first.inner_text()
    assert highlighted == "蓝色经济国际人才洽谈会将在青岛国际会议中心举行。"
    # the source is named by its paper (the article's site), never by the file it was read from (item 4)
    assert page.locator("section.evidence .paper").first.inner_text() == "news.example.org"
    assert "page.txt" not in page.content()
    screenshot(page, "event.png")
    assert watched.errors == []


def test_cancelled_event_page_says_so(context, site):
    page = open_page(context, f"{site['root']}/events/{site['cancelled']}").page
    assert page.locator("h1 .status").inner_text() == "已取消"
    screenshot(page, "event-cancelled.png")


def test_interactive_calendar_shows_the_api_events(context, site):
    watched = open_page(context, f"{site['root']}/calendar/interactive")
    page = watched.page
    page.wait_for_selector(".fc-event")
    assert page.locator(".fc-toolbar-title").inner_text().endswith("月")
    page.locator(".fc-event", has_text="东京时尚展").first.click()
    page.wait_for_url(re.compile(r"/events/"))
    assert page.locator("h1").inner_text().startswith("东京时尚展")
    # FullCalendar's stylesheet declares its icon font as a data: URL, which the CSP refuses; the
    # calendar uses text buttons (buttonIcons: false), so nothing is missing.
    assert [e for e in watched.errors if "data:application/x-font-ttf" not in e] == []


def test_interactive_calendar_screenshot(context, site):
    page = open_page(context, f"{site['root']}/calendar/interactive").page
    page.wait_for_selector(".fc-event")
    screenshot(page, "interactive.png")


# --- the embed on another site ---------------------------------------------------------------


def test_embed_on_another_origin_fits_its_content(context, site, host):
    watched = open_page(context, host)
    page = watched.page
    frame = embed_frame(page)
    assert frame.url.startswith(site["root"] + "/embed?")
    titles = frame.locator("a.p-name").all_inner_texts()
    assert titles[:2] == ["东京时尚展", "开幕式"] and "蓝色经济国际人才洽谈会" in titles
    content = frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    iframe = page.evaluate("document.querySelector('iframe.feeds-embed').getBoundingClientRect().height")
    assert iframe > INITIAL_IFRAME_HEIGHT
    assert iframe == pytest.approx(content, abs=2)
    assert frame.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")
    screenshot(page, "embed-host.png")
    assert watched.errors == []


def test_embed_link_opens_the_event_in_a_new_tab(context, site, host):
    page = open_page(context, host).page
    frame = embed_frame(page)
    with context.expect_page() as opened:
        frame.get_by_role("link", name="蓝色经济国际人才洽谈会").click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url.startswith(f"{site['root']}/events/{site['fair']}")
    assert tab.locator("h1").inner_text().startswith("蓝色经济国际人才洽谈会")
    assert page.url == host  # the host page stays where it was


def test_embed_ignores_height_messages_from_other_origins(context, host):
    page = open_page(context, host).page
    embed_frame(page)
    before = page.evaluate("document.querySelector('iframe.feeds-embed').getBoundingClientRect().height")
    page.evaluate(
        """() => {
          const frame = new URL(document.querySelector('iframe.feeds-embed').src).searchParams.get('frame');
          window.postMessage({type: 'feeds:height', frame: frame, height: 5}, '*');
        }"""
    )
    page.wait_for_timeout(300)
    after = page.evaluate("document.querySelector('iframe.feeds-embed').getBoundingClientRect().height")
    assert after == before


# --- small screens ---------------------------------------------------------------------------


SMALL_SCREEN_PAGES = {
    "home": "/",
    "month": "/calendar/{y}/{m}",
    "event": "/events/{fair}",
    "article": "/articles/{article}",
    "builder": "/embed/builder",
    "embed-month": "/embed?view=month",
    "interactive": "/calendar/interactive",
}


def test_a_cancelled_event_on_a_sunday_keeps_the_month_within_a_360px_screen(browser, tmp_path):
    """Regression: the status hidden in a narrow bar stood where the title would end, past the Sunday column."""
    sunday = TODAY + dt.timedelta(days=(6 - TODAY.weekday()) % 7)
    path = tmp_path / "feeds.db"
    db = store.open_db(path)
    save(db, make_report("周日展会取消", day(-1), make_event("周日举行的海洋装备博览会", sunday.isoformat(),
                                                          status="cancelled", category="fair",
                                                          evidence="周日举行的海洋装备博览会取消举办。")))
    db.close()
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, device_scale_factor=1)
    try:
        with live_server(create_app({"DATABASE": str(path)})) as root:
            page = open_page(ctx, f"{root}/calendar/{sunday.year}/{sunday.month}").page
            assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        ctx.close()


@pytest.mark.parametrize("name", SMALL_SCREEN_PAGES)
def test_page_fits_a_360px_screen(browser, site, name):
    start = site_day(site, "fair")
    path = SMALL_SCREEN_PAGES[name].format(y=start[:4], m=int(start[5:7]), **site)
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, device_scale_factor=1)
    try:
        page = open_page(ctx, site["root"] + path).page
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        screenshot(page, f"{name}-360.png")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
    finally:
        ctx.close()


def test_embed_on_a_360px_host_fits_too(browser, host):
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740})
    try:
        page = open_page(ctx, host).page
        frame = embed_frame(page)
        assert frame.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, "embed-host-360.png")
    finally:
        ctx.close()


# --- what a visitor meets first (issue 17) -----------------------------------------------------


AFTER_THE_ARCHIVE = "2031-06-15"
"""A "today" after every sample event: the archive a fresh clone of old seed data is."""


@pytest.fixture
def archive_day(monkeypatch):
    import datetime as dt

    from feeds.web import clock

    monkeypatch.setattr(clock, "today", lambda: dt.date.fromisoformat(AFTER_THE_ARCHIVE))


def test_an_archive_opens_on_its_events(context, site, archive_day):
    """With nothing upcoming, the builder's preview and the interactive calendar show events, not an empty box."""
    builder = open_page(context, site["root"] + "/embed/builder")
    frame = embed_frame(builder.page)
    assert frame.locator("h1").inner_text() == "最近的活动"
    assert frame.locator("a.p-name").count() > 0
    screenshot(builder.page, "builder-archive.png")
    interactive = open_page(context, site["root"] + "/calendar/interactive").page
    interactive.wait_for_selector(".fc-event", timeout=10000)
    assert interactive.locator(".fc-event").count() > 0
    screenshot(interactive, "interactive-archive.png")
    assert builder.errors == []


def test_an_english_visitor_gets_an_english_embed_named_in_english(browser, host):
    """No data-lang: the frame follows the visitor's browser, and the iframe's name follows the frame."""
    with browsing(browser, "en-GB", 1200) as ctx:
        page = open_page(ctx, host).page
        frame = embed_frame(page)
        assert frame.evaluate("document.documentElement.lang") == "en"
        page.wait_for_function("document.querySelector('iframe.feeds-embed').title.startsWith('Events calendar')")
        iframe = page.locator("iframe.feeds-embed")
        assert iframe.get_attribute("scrolling") is None  # obsolete in HTML; the frame is sized to fit instead
        assert frame.locator("main").count() == 0  # the host page's landmarks are its own
        assert not re.search(r"[\u4e00-\u9fff]", frame.locator("h1").inner_text())


def test_interactive_calendar_keeps_contrast_and_valid_aria(browser, site):
    """Out-of-month day numbers at 4.5:1 or more; no aria-label on an anchor without href or role; whole weekdays."""
    with browsing(browser, "en-GB", 360) as ctx:
        page = open_page(ctx, site["root"] + "/calendar/interactive?lang=en").page
        page.wait_for_selector(".fc-daygrid-day", timeout=10000)
        assert page.locator("a[aria-label]:not([href]):not([role])").count() == 0
        ratio = page.evaluate(
            """() => {
              const cell = document.querySelector('.fc-day-other .fc-daygrid-day-top');
              const parse = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
              const lum = rgb => { const [r, g, b] = rgb.map(v => { v /= 255;
                return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const fg = lum(parse(getComputedStyle(cell.querySelector('a') || cell).color));
              const bg = lum(parse(getComputedStyle(document.documentElement).backgroundColor));
              const opacity = Number(getComputedStyle(cell).opacity);
              return opacity < 1 ? 0 : (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            }"""
        )
        assert ratio >= 4.5
        lines = page.evaluate(
            "[...document.querySelectorAll('.fc-col-header-cell-cushion')].map(e => e.getClientRects().length)")
        assert lines and all(count == 1 for count in lines)  # one line box each: "Wed" is not broken
        screenshot(page, "interactive-360-en.png")


def test_date_fields_do_not_stretch_across_the_row(browser, site):
    with browsing(browser, "zh-CN", 1280) as ctx:
        page = open_page(ctx, site["root"] + "/").page
        widths = page.evaluate(
            "[...document.querySelectorAll('form.filters input[type=date]')].map(e => e.getBoundingClientRect().width)")
        assert widths and max(widths) <= 200
        screenshot(page, "home-1280.png")


def test_month_titles_stay_readable_on_a_360px_screen(browser, site):
    """A day's column is 48 px there: the grid keeps each title to one line, and a list under it gives them whole,
    never three or four characters a line. At 1280 px the grid is enough and the list stays hidden."""
    start = site_day(site, "fair")
    path = f"{site['root']}/calendar/{start[:4]}/{int(start[5:7])}"
    with browsing(browser, "zh-CN", 360) as ctx:
        page = open_page(ctx, path).page
        bars = page.evaluate("""[...document.querySelectorAll('table.month td.bar a')].map(a =>
            a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).fontSize))""")
        assert bars and max(bars) < 2, bars  # one line each: two would be 2.4 font sizes or more
        listed = page.evaluate("""[...document.querySelectorAll('.month-list li > a')].map(a =>
            [a.textContent.length, a.getClientRects().length])""")
        assert listed, "no list under the grid"
        assert all(length / lines >= min(length, 12) for length, lines in listed), listed
        screenshot(page, "month-360.png")
    with browsing(browser, "zh-CN", 1280) as ctx:
        page = open_page(ctx, path).page
        assert not page.locator(".month-list").is_visible()
        assert page.locator("table.month td.bar .status").first.is_visible()
        screenshot(page, "month-1280.png")


# --- the static export, clicked ------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Iterator[str]:
    """The export for https://example.org/calendar/ on a plain file server, as /calendar/; yields its address."""
    from clients import file_server
    from test_export_crawl import PUBLIC, export_site

    folder = tmp_path_factory.mktemp("published")
    export_site(folder / "feeds.db", folder / "www" / "calendar", "--base-url", PUBLIC)
    with file_server(folder / "www") as root:
        yield root + "calendar/"


def test_the_export_works_when_clicked_in_both_languages(browser, published):
    """The interactive calendar draws the exported events; the language switch leads to the English copy."""
    with browsing(browser, "zh-CN", 1280) as ctx:
        watched = open_page(ctx, published + "calendar/interactive/")
        page = watched.page
        page.wait_for_selector(".fc-event", timeout=10000)
        assert page.locator(".fc-event", has_text="跨境电商论坛").count() == 1
        page.get_by_role("link", name="English").click()
        page.wait_for_url(published + "en/calendar/interactive/")
        page.wait_for_selector(".fc-event", timeout=10000)
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.locator(".fc-toolbar-title").inner_text() == "April 2024"
        page.get_by_role("link", name="Events", exact=True).click()
        assert page.locator("h1").inner_text() != "近期活动"
        screenshot(page, "export-en.png")
        assert [e for e in watched.errors if "data:application/x-font-ttf" not in e] == []


def test_the_exported_embed_works_on_another_site(browser, published):
    with host_site(published.rstrip("/")) as host, browsing(browser, "zh-CN", 1000) as ctx:
        watched = open_page(ctx, host)
        frame = embed_frame(watched.page)
        assert frame.url.startswith(published + "embed/?")
        assert "跨境电商论坛" in frame.locator("a.p-name").all_inner_texts()
        with ctx.expect_page() as opened:
            frame.get_by_role("link", name="跨境电商论坛").click()
        opened.value.wait_for_load_state()
        assert opened.value.url.startswith(published + "events/")
        assert watched.errors == []
