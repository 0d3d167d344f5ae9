"""RSSHub output parameters work as RSSHub documents them; any other parameter is a 400 naming it (issue 17, item 5)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import NOW, make_event, make_report, save

from feeds.web import clock


@pytest.fixture
def stocked(db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2024, 3, 2))
    monkeypatch.setattr(clock, "now", lambda: NOW + dt.timedelta(hours=2))
    long_report = "国际汽车展览会将于3月20日开幕，" + "展出新车。" * 60
    show = make_event("国际汽车展览会", "2024-03-05", category="exhibition", evidence=long_report)
    save(db, make_report("旧闻", "2024-02-01", show), now=NOW - dt.timedelta(days=3))
    save(db, make_report("新闻", "2024-03-01", make_event("发展论坛", "2024-03-10")), now=NOW)
    return db


def titles(client, query: str) -> list[str]:
    response = client.get(f"/feed.json?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["title"] for item in response.get_json()["items"]]


def test_opencc_converts_titles_and_text(client, stocked):
    feed = client.get("/feed.json?opencc=s2t").get_json()
    assert "[3月10日] 發展論壇" in [item["title"] for item in feed["items"]]
    assert "國際汽車展覽會將於3月20日開幕" in feed["items"][-1]["content_text"]
    assert "[3月10日] 发展论坛" in titles(client, "opencc=t2s")


def test_filter_time_keeps_items_reported_within_the_seconds(client, stocked):
    assert titles(client, f"filter_time={3 * 3600}") == ["[3月10日] 发展论坛"]
    assert len(titles(client, f"filter_time={5 * 86400}")) == 2


def test_brief_cuts_the_text_to_n_characters(client, stocked):
    items = client.get("/feed.json?brief=100").get_json()["items"]
    assert all(len(item["content_text"]) <= 100 for item in items)
    assert any(item["content_text"].endswith("…") for item in items)
    assert client.get("/feed.json?brief=20").status_code == 400  # RSSHub's floor is 100


def test_sorted_false_lists_items_in_the_order_they_happen(client, stocked):
    assert titles(client, "") == ["[3月10日] 发展论坛", "[3月5日] 国际汽车展览会"]  # newest news first
    assert titles(client, "sorted=false") == ["[3月5日] 国际汽车展览会", "[3月10日] 发展论坛"]  # as they happen


def test_format_picks_the_feed_kind(client, stocked):
    assert client.get("/feed.rss?format=atom").mimetype == "application/atom+xml"
    assert client.get("/feed.atom?format=json").mimetype == "application/feed+json"
    assert client.get("/feed.json?format=rss3").status_code == 400


@pytest.mark.parametrize("param", ["mode=fulltext", "scihub=1", "tgiv=x", "filtr=typo", "opencc=s2hk"])
def test_unsupported_parameters_are_a_400_naming_them(client, stocked, param):
    name = param.split("=")[0]
    for path in ("/feed.json", "/feed.rss", "/calendar.ics", "/api/events"):
        response = client.get(f"{path}?{param}&lang=en")
        assert response.status_code == 400, (path, param)
        assert name in response.get_data(as_text=True)


def test_fullcalendar_time_zone_is_accepted_by_the_api(client, stocked):
    assert client.get("/api/events?start=2024-03-01&end=2024-04-01&timeZone=Asia%2FShanghai").status_code == 200
