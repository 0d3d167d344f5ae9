"""RSS, Atom and JSON Feed: titles, order, identity, escaping, stable bytes, default window, filters."""

from __future__ import annotations

import datetime as dt
import json
import time
import xml.etree.ElementTree as ET

import pytest
from sample_events import EXPECTED, fill, stored

from feeds.models import TZ
from feeds.present.syndication import FeedInfo, item_title, render_atom, render_json_feed, render_rss
from feeds.web import clock
from feeds.web.filters import QueryError, apply_patterns, parse_query
from feeds.web.syndication import default_window_start

SITE = "https://feeds.example.org/"
SELF = SITE + "feed.rss"
UPDATED = dt.datetime(2024, 3, 2, 9, 30, tzinfo=dt.UTC)
INFO = FeedInfo("feeds · 全部活动", "报纸文章中提到的活动", SITE, SELF, UPDATED)
ATOM_NS = "{http://www.w3.org/2005/Atom}"


# --- item titles ----------------------------------------------------------------------------------


def test_item_title_has_the_day_and_the_place():
    assert item_title(stored()) == "[11月29日] 2022世界工业互联网产业大会 @ 青岛"


def test_item_title_leaves_out_an_unknown_place():
    assert item_title(stored(location="")) == "[11月29日] 2022世界工业互联网产业大会"


def test_item_title_of_a_month_event_has_only_the_month():
    event = stored(title="招商月", start="2023-05-01", end="2023-05-31", precision="month", location="")
    assert item_title(event) == "[5月] 招商月（日期待定）"


def test_item_title_marks_a_cancelled_event():
    assert item_title(stored(status="cancelled")) == "[11月29日] [已取消] 2022世界工业互联网产业大会 @ 青岛"


def test_item_title_of_a_timed_event_uses_the_beijing_day():
    event = stored(start="2022-11-22T01:00:00+08:00", end="2022-11-22T02:00:00+08:00", precision="time")
    assert item_title(event).startswith("[11月22日]")


# --- RSS ------------------------------------------------------------------------------------------


def rss_channel(data: bytes) -> ET.Element:
    return ET.fromstring(data).find("channel")


def test_rss_channel_link_is_the_site_and_atom_self_is_the_feed():
    channel = rss_channel(render_rss([stored()], INFO))
    assert channel.findtext("link") == SITE
    assert channel.find(f"{ATOM_NS}link").attrib == {"href": SELF, "rel": "self"}


def test_rss_items_are_newest_change_first():
    events = [
        stored(uid="old", updated="2024-03-01T08:00:00Z"),
        stored(uid="new", updated="2024-03-03T08:00:00Z"),
        stored(uid="mid", updated="2024-03-02T08:00:00Z"),
    ]
    guids = [item.findtext("guid") for item in rss_channel(render_rss(events, INFO)).iter("item")]
    assert guids == [SITE + "events/new", SITE + "events/mid", SITE + "events/old"]


def test_rss_guid_is_the_event_page_as_a_permalink():
    [item] = rss_channel(render_rss([stored(uid="u1@feeds")], INFO)).iter("item")
    guid = item.find("guid")
    assert (guid.text, guid.attrib["isPermaLink"]) == (SITE + "events/u1@feeds", "true")


def test_rss_dates_come_from_the_data():
    channel = rss_channel(render_rss([stored(updated="2024-03-02T09:30:00Z")], INFO))
    assert channel.findtext("lastBuildDate") == "Sat, 02 Mar 2024 09:30:00 +0000"
    # the item is dated by the news (its article's day, Beijing time), not by when it was ingested
    assert channel.find("item").findtext("pubDate") == "Tue, 22 Nov 2022 00:00:00 +0800"


def test_rss_content_is_escaped_html_with_when_where_category_evidence_and_source():
    event = stored(title="<script>alert(1)</script>展会", location="A&B <厅>")
    [item] = rss_channel(render_rss([event], INFO)).iter("item")
    html = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert "<script>" not in html
    assert "<strong>时间：</strong>2022年11月29日（周二）至12月1日（周四）" in html
    assert "<strong>地点：</strong>A&amp;B &lt;厅&gt;" in html
    assert "<strong>类别：</strong>会议" in html
    assert "<blockquote>2022世界工业互联网产业大会将于11月29日至12月1日在青岛举行。</blockquote>" in html
    assert '<a href="https://news.example.org/a.html">工博会在青岛开幕</a>（2022-11-22）' in html


@pytest.mark.slow
@pytest.mark.parametrize("render", [render_rss, render_atom, render_json_feed])
def test_feed_bytes_do_not_change_while_the_data_does_not(render):
    first = render([stored(), stored(uid="u2")], INFO)
    time.sleep(1.1)
    assert render([stored(), stored(uid="u2")], INFO) == first


# --- Atom -----------------------------------------------------------------------------------------


def test_atom_links_self_and_site():
    feed = ET.fromstring(render_atom([stored()], INFO))
    links = {link.attrib["rel"]: link.attrib["href"] for link in feed.findall(f"{ATOM_NS}link")}
    assert links == {"self": SELF, "alternate": SITE}


def test_atom_feed_has_the_author_atom_requires():
    feed = ET.fromstring(render_atom([stored()], INFO))
    assert feed.find(f"{ATOM_NS}author").findtext(f"{ATOM_NS}name") == "feeds"


def test_atom_updated_comes_from_the_data():
    feed = ET.fromstring(render_atom([stored()], INFO))
    assert feed.findtext(f"{ATOM_NS}updated") == "2024-03-02T09:30:00+00:00"
    assert feed.find(f"{ATOM_NS}entry").findtext(f"{ATOM_NS}published") == "2022-11-22T00:00:00+08:00"


def test_atom_entry_content_is_typed_html():
    entry = ET.fromstring(render_atom([stored()], INFO)).find(f"{ATOM_NS}entry")
    content = entry.find(f"{ATOM_NS}content")
    assert content.attrib["type"] == "html"
    assert content.text.startswith("<p><strong>时间：</strong>")


# --- JSON Feed ------------------------------------------------------------------------------------


def test_json_feed_is_version_1_1_with_our_urls():
    feed = json.loads(render_json_feed([stored()], INFO))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert (feed["home_page_url"], feed["feed_url"]) == (SITE, SELF)


def test_json_feed_item_has_id_title_content_and_dates():
    [item] = json.loads(render_json_feed([stored(uid="u1@feeds")], INFO))["items"]
    assert item["id"] == item["url"] == SITE + "events/u1@feeds"
    assert item["title"] == "[11月29日] 2022世界工业互联网产业大会 @ 青岛"
    assert item["content_html"].startswith("<p><strong>时间：</strong>")
    assert item["content_text"].startswith("时间：2022年11月29日")
    assert (item["date_published"], item["date_modified"]) == ("2022-11-21T16:00:00Z", "2022-11-21T16:00:00Z")


def test_items_are_dated_by_the_news_and_by_ingest_only_without_a_date():
    from dataclasses import replace

    from feeds.present.syndication import news_dates

    first = stored(created="2024-03-01T08:00:00Z", updated="2024-03-01T08:00:00Z")
    day = dt.datetime(2022, 11, 22, tzinfo=TZ)
    assert news_dates(first) == (day, day)
    later = replace(first.mentions[0], published="2022-11-25")
    changed = replace(first, updated="2024-03-02T09:30:00Z", mentions=[first.mentions[0], later])
    assert news_dates(changed) == (day, dt.datetime(2022, 11, 25, tzinfo=TZ))
    undated = replace(first, mentions=[replace(first.mentions[0], published=None)])
    ingested = dt.datetime(2024, 3, 1, 8, tzinfo=dt.UTC)
    assert news_dates(undated) == (ingested, ingested)


# --- default window -------------------------------------------------------------------------------


def test_window_is_relative_to_today_when_events_reach_past_it():
    assert default_window_start(dt.date(2027, 1, 1), dt.date(2026, 11, 22), 90) == dt.date(2026, 8, 24)


def test_window_is_relative_to_the_newest_event_in_an_archive():
    assert default_window_start(dt.date(2024, 3, 10), dt.date(2026, 11, 22), 90) == dt.date(2023, 12, 11)


def test_window_of_an_empty_store_is_relative_to_today():
    assert default_window_start(None, dt.date(2026, 11, 22), 90) == dt.date(2026, 8, 24)


@pytest.fixture
def uids(db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 11, 22))
    return fill(db)


def feed_uids(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.data
    return [item["_feeds"]["uid"] for item in response.json["items"]]


def test_feed_of_an_archive_shows_its_last_90_days(client, uids):
    assert feed_uids(client, "/feed.json") == [uids["hostile"]]


def test_feed_window_length_is_configurable(app, client, uids):
    app.config["WINDOW_DAYS"] = 365
    assert set(feed_uids(client, "/feed.json")) == {uids["hostile"], uids["month"], uids["cancelled"]}


def test_feed_window_follows_today_when_the_store_reaches_past_it(client, uids, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2023, 6, 1))
    assert set(feed_uids(client, "/feed.json")) == {uids["hostile"], uids["month"], uids["cancelled"]}


def test_from_replaces_the_window(client, uids):
    assert set(feed_uids(client, "/feed.json?from=2022-01-01")) == set(uids.values())


def test_feed_route_lists_newest_change_first(client, uids):
    order = feed_uids(client, "/feed.json?from=2000-01-01")
    rank = {uid: order.index(uid) for uid in order}
    assert rank[uids["hostile"]] == 0
    assert {order[1], order[2]} == {uids["month"], uids["cancelled"]}
    assert rank[uids["deadline"]] == 3


def test_limit_keeps_the_newest_changes(client, uids):
    assert set(feed_uids(client, "/feed.json?from=2000-01-01&limit=3")) == {
        uids["hostile"],
        uids["month"],
        uids["cancelled"],
    }


def test_cap_keeps_the_newest_changes(app, client, uids):
    app.config["MAX_ITEMS"] = 1
    assert feed_uids(client, "/feed.json?from=2000-01-01") == [uids["hostile"]]


# --- routes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/feed.rss", "application/rss+xml; charset=utf-8"),
        ("/feed.atom", "application/atom+xml; charset=utf-8"),
        ("/feed.json", "application/feed+json; charset=utf-8"),
    ],
)
def test_feed_content_types(client, uids, url, content_type):
    assert client.get(url).headers["Content-Type"] == content_type


def test_feed_self_link_is_the_requested_url_with_its_query(client, uids):
    channel = rss_channel(client.get("/feed.rss?category=fair&from=2022-01-01").data)
    assert (
        channel.find(f"{ATOM_NS}link").attrib["href"]
        == "http://localhost/feed.rss?category=fair&from=2022-01-01"
    )
    assert channel.findtext("link") == "http://localhost/"


def test_site_url_setting_replaces_the_request_host(app, client, uids):
    app.config["SITE_URL"] = "https://feeds.example.org/"
    channel = rss_channel(client.get("/feed.rss?from=2022-01-01").data)
    assert (
        channel.find(f"{ATOM_NS}link").attrib["href"] == "https://feeds.example.org/feed.rss?from=2022-01-01"
    )
    assert channel.find("item").findtext("link").startswith("https://feeds.example.org/events/")


def test_feed_title_says_what_the_filters_selected(client, uids):
    assert rss_channel(client.get("/feed.rss?category=fair&location=青岛").data).findtext("title") == (
        "feeds · 展会 · 青岛活动"
    )


def test_rsshub_filterout_drops_items_that_match_in_title_or_description(client, uids):
    # 青岛 is in the cancelled marathon's title and in the headline that reports the three expo events.
    assert set(feed_uids(client, "/feed.json?from=2000-01-01&filterout=青岛")) == {
        uids["deadline"],
        uids["month"],
        uids["hostile"],
    }


def test_rsshub_filters_are_case_sensitive_unless_asked(client, uids):
    assert feed_uids(client, "/feed.json?from=2000-01-01&filter_title=expo") == []
    assert feed_uids(client, "/feed.json?from=2000-01-01&filter_title=expo&filter_case_sensitive=false") == [
        uids["hostile"]
    ]


def test_a_pattern_that_would_backtrack_forever_is_refused_quickly(client, uids):
    started = time.monotonic()
    # (?!) never matches, so (.|.)* tries all 2^n ways of splitting every text before giving up.
    response = client.get("/feed.json", query_string={"from": "2000-01-01", "filter": "(.|.)*(?!)", "lang": "en"})
    assert response.status_code == 400
    assert "took too long" in response.get_data(as_text=True)
    assert time.monotonic() - started < 5


def test_filter_time_budget_covers_the_whole_request():
    query = parse_query({"filter": "展"}, max_items=10)
    with pytest.raises(QueryError, match="took too long"):
        apply_patterns([stored()], query, SITE, budget=0.0)


def test_an_overlong_pattern_is_refused(client, uids):
    assert client.get("/feed.json?filter=" + "a" * 201).status_code == 400


@pytest.mark.parametrize("url", ["/feed.rss", "/feed.atom"])
def test_hostile_title_never_becomes_markup_in_xml_feeds(client, uids, url):
    body = client.get(url).get_data(as_text=True)
    assert "Expo &lt;script&gt;" in body
    assert "<script" not in body


def test_hostile_title_is_plain_text_in_the_json_feed_and_escaped_in_its_html(client, uids):
    [item] = client.get("/feed.json?from=2024-01-01").json["items"]
    assert item["title"] == "[3月10日] " + EXPECTED["hostile"].title + " @ A&B <厅>"
    assert "<script" not in item["content_html"]


def test_atom_entries_of_one_days_news_do_not_share_an_instant():
    """Papers date articles by the day: each entry's `updated` keeps that day and second, and differs."""
    events = [stored(uid=f"u{i}@feeds") for i in range(30)]
    stamps = [entry.findtext(f"{ATOM_NS}updated") for entry in ET.fromstring(render_atom(events, INFO)).iter(
        f"{ATOM_NS}entry")]
    assert len(set(stamps)) == 30
    assert all(stamp.startswith("2022-11-22T00:00:00.") and stamp.endswith("+08:00") for stamp in stamps), stamps


def test_items_follow_the_news_before_the_ingest():
    from dataclasses import replace

    older_news = stored(uid="a", updated="2024-03-03T08:00:00Z")
    newer_news = stored(uid="b", updated="2024-03-01T08:00:00Z")
    newer_news = replace(newer_news, mentions=[replace(newer_news.mentions[0], published="2022-11-25")])
    guids = [item.findtext("guid") for item in rss_channel(render_rss([older_news, newer_news], INFO)).iter("item")]
    assert guids == [SITE + "events/b", SITE + "events/a"]
