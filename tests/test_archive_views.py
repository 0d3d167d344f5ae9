"""An archive never looks empty: with nothing upcoming every view opens where the events are (issue 17, item 1)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_event, make_report, save
from lxml import html as lxml_html

from feeds.web import clock

TODAY = dt.date(2026, 12, 1)
"""Long after the archive's last event, as on a fresh clone of the seed data."""


@pytest.fixture
def archive(db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    save(db, make_report("旧闻", "2024-03-01",
                         make_event("第一届海洋博览会", "2024-03-20", "2024-03-22", category="fair"),
                         make_event("跨境电商论坛", "2023-11-05")))
    return db


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code in (200, 302), (path, response.status_code)
    return response.get_data(as_text=True)


def test_calendar_opens_on_the_latest_month_with_events(client, archive):
    response = client.get("/calendar")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/calendar/2024/3")


def test_an_empty_month_links_to_the_nearest_month_with_events(client, archive):
    doc = lxml_html.fromstring(page(client, "/calendar/2026/12"))
    empty = doc.xpath("//p[@class='empty']")[0]
    assert "这个月没有活动" in empty.text_content()
    assert "最近一个有活动的月份" in empty.text_content()
    assert empty.xpath(".//a/@href") == ["/calendar/2024/3"]
    # a quiet month between events points forward, to the next month that has some
    quiet = lxml_html.fromstring(page(client, "/calendar/2024/1?lang=en")).xpath("//p[@class='empty']")[0]
    assert "The next month with events" in quiet.text_content()
    assert quiet.xpath(".//a/@href") == ["/calendar/2024/3?lang=en"]
    # and the month page keeps its link back to today
    assert lxml_html.fromstring(page(client, "/calendar/2024/3")).xpath("//nav[@class='month-nav']//a/@href")[1] \
        == "/calendar/2026/12"


def test_interactive_calendar_opens_on_the_latest_month(client, archive):
    doc = lxml_html.fromstring(page(client, "/calendar/interactive"))
    assert doc.xpath("//div[@id='fc']/@data-initial") == ["2024-03-01"]


def test_list_embed_shows_recent_events_when_nothing_is_upcoming(client, archive):
    doc = lxml_html.fromstring(page(client, "/embed"))
    assert doc.xpath("//h1/text()") == ["最近的活动"]
    assert doc.xpath("//a[contains(@class,'p-name')]/text()") == ["第一届海洋博览会", "跨境电商论坛"]
    assert not doc.xpath("//p[@class='empty']")
    english = lxml_html.fromstring(page(client, "/embed?lang=en"))
    assert english.xpath("//h1/text()") == ["Recent events"]


def test_month_embed_opens_on_a_month_with_events(client, archive):
    doc = lxml_html.fromstring(page(client, "/embed?view=month"))
    assert "第一届海洋博览会" in doc.text_content()


def test_home_page_says_where_the_archive_ends(client, archive):
    doc = lxml_html.fromstring(page(client, "/"))
    note = doc.xpath("//p[contains(@class,'archive-end')]")[0]
    assert "档案中的活动截至" in note.text_content()
    assert note.xpath(".//a/@href") == ["/calendar/2024/3"]
    assert note.text_content().startswith("暂无即将举行的活动。")
    assert "2024年3月22日" in note.text_content()


def test_live_site_still_opens_on_the_next_event(client, archive):
    save(archive, make_report("新闻", "2026-11-20", make_event("新年音乐节", "2027-01-02", category="festival")))
    assert client.get("/calendar").headers["Location"].endswith("/calendar/2027/1")
    assert "新年音乐节" in page(client, "/embed")
    assert not lxml_html.fromstring(page(client, "/")).xpath("//p[contains(@class,'archive-end')]")
