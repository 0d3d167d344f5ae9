"""An editor's session in a real browser with JavaScript off (Debian's chromium, driven by playwright), against
the app on 127.0.0.1: log in, correct a wrong date from the queue, see it in /calendar.ics with SEQUENCE + 1,
hide an event, merge two, log out; then `feeds ingest` the same pages again and `feeds reextract --all`,
and every correction is still there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import ARTIFACTS, launched_browser
from click.testing import CliRunner
from clients import live_server

from feeds import create_app, store
from feeds.cli import main
from feeds.models import Selection


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_browser() as launched:
        yield launched


pytestmark = pytest.mark.slow

PASSWORD = "correct horse battery"
PAGES = {
    "expo.txt": "第二十届中国国际中小企业博览会将于广州开幕\n\n新华社广州2024年3月1日电 第二十届中国国际中小企业博览会"
                "将于2024年6月25日至28日在广州举行。\n\n本届博览会设置多个展区。\n",
    "beer.txt": "青岛国际啤酒节8月开幕\n\n本报青岛2024年3月2日讯 第34届青岛国际啤酒节将于2024年8月16日至9月1日在青岛"
                "西海岸新区举行。\n\n同时，2024中国（青岛）国际工业博览会将于2024年9月20日至22日在青岛国际会展中心举行。\n",
    "short.txt": "中博会6月在广州举办\n\n本报广州2024年3月3日讯 2024中博会将于2024年6月25日至28日在广州举行。\n",
}


def feeds_command(db_path: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Iterator[dict[str, Any]]:
    """The pages ingested with the real extractor, an editor, and the app served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("editors")
    pages = folder / "pages"
    pages.mkdir()
    for name, text in PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    db_path = folder / "feeds.db"
    feeds_command(db_path, "ingest", str(pages))
    db = store.open_db(db_path)
    with store.transaction(db):
        store.editors.add_editor(db, "ann", PASSWORD, store.utc_stamp())
    uids = {ev.title: ev.uid for ev in store.query_events(db, Selection())}
    db.close()
    app = create_app({"DATABASE": str(db_path), "SECRET_KEY": "s" * 40})
    with live_server(app) as root:
        yield {"root": root, "db": db_path, "pages": pages, "uids": uids}


def uid_of(newsroom: dict[str, Any], part: str) -> str:
    return next(uid for title, uid in newsroom["uids"].items() if part in title)


def vevent(calendar: str, uid: str) -> str:
    return next(block for block in calendar.split("BEGIN:VEVENT") if f"UID:{uid}" in block)


def test_an_editors_corrections_survive_ingest_and_reextract(browser, newsroom):  # noqa: F811
    root = newsroom["root"]
    beer, fair = uid_of(newsroom, "啤酒节"), uid_of(newsroom, "工业博览会")
    expo, short = uid_of(newsroom, "中小企业博览会"), uid_of(newsroom, "中博会")
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{root}/admin/")
        assert "/admin/login" in page.url
        page.fill("#name", "ann")
        page.fill("#password", PASSWORD)
        page.press("#password", "Enter")  # the keyboard, not a click
        page.wait_for_url(re.compile(r"/admin/$"))
        assert page.locator("ol.queue li").count() == 4

        before = vevent(page.request.get(f"{root}/calendar.ics").text(), beer)
        page.click(f"a.review-link[href='/admin/events/{beer}']")
        assert page.locator("blockquote mark").first.inner_text().startswith("第34届青岛国际啤酒节将于")
        page.fill("#f-start", "2024-08-17")
        page.fill("#f-end", "2024-09-02")
        page.click("button.save")
        assert page.locator("#message").inner_text() == "已保存。"
        after = vevent(page.request.get(f"{root}/calendar.ics").text(), beer)
        sequence = int(re.search(r"SEQUENCE:(\d+)", before).group(1))
        assert f"SEQUENCE:{sequence + 1}" in after and "DTSTART;VALUE=DATE:20240817" in after
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "admin-event.png"), full_page=True)

        page.goto(f"{root}/admin/events/{fair}")
        page.click("button.hide")
        assert page.request.get(f"{root}/events/{fair}").status == 410

        page.goto(f"{root}/admin/events/{expo}")
        page.fill("#f-other", short)
        page.click("button.merge")
        assert page.request.get(f"{root}/events/{short}", max_redirects=0).status == 301
        page.goto(f"{root}/admin/")
        page.screenshot(path=str(ARTIFACTS / "admin-queue.png"), full_page=True)

        page.click("button.logout")
        page.wait_for_url(re.compile(r"/admin/login"))
        page.goto(f"{root}/admin/")
        assert "/admin/login" in page.url
    finally:
        context.close()

    feeds_command(newsroom["db"], "ingest", str(newsroom["pages"]))
    feeds_command(newsroom["db"], "reextract", "--all")
    db = store.open_db(newsroom["db"])
    try:
        corrected = store.get_event(db, beer)
        assert (corrected.start, corrected.end) == ("2024-08-17", "2024-09-02")
        assert store.get_event(db, fair) is None and store.get_retraction(db, fair) is not None
        assert {m.headline for m in store.get_event(db, expo).mentions} == {
            "第二十届中国国际中小企业博览会将于广州开幕", "中博会6月在广州举办"}
        assert store.get_event(db, short) is None
    finally:
        db.close()
