"""Fetching news sites: a fixture Chinese news site on loopback, fetched into the store as a user would."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from sites import Page, Site, busy_then, endless, redirect, reset, serve, slow

from feeds import store
from feeds.fetch.agent import Agent
from feeds.fetch.run import Fetcher
from feeds.fetch.settings import FetchSettings
from feeds.models import ItemStatus, PublishedFrom, Source, SourceStatus

pytestmark = pytest.mark.slow

UA = "feeds/test (event calendar; +https://calendar.example/)"
SETTINGS = FetchSettings(user_agent=UA, delay=0.0, timeout=0.5, total_timeout=2.0, max_bytes=100_000,
                         retry_after_max=2.0, trust_env=False)  # loopback only, whatever proxy is set

EXPO_TITLE = "第二十二届中国青岛蓝色经济国际人才暨产学研合作洽谈会"
FAIR_TITLE = "2025中国国际消费电子博览会"
EXPO = """<!doctype html><html><head><meta charset="utf-8"><title>洽谈会12月开幕 - 青岛新闻网</title>
<meta name="pubdate" content="2024-11-01"></head><body>
<nav><a href="/">首页</a> | <a href="/news/">新闻</a> | <a href="/sports/">体育</a></nav>
<div class="ad">广告：2024年12月1日至31日全场五折大促销</div>
<article><h1>第二十二届蓝色经济洽谈会12月开幕</h1>
<p>本报讯 第二十二届中国青岛蓝色经济国际人才暨产学研合作洽谈会将于12月20日至22日在青岛国际会议中心举行。</p>
<p>据介绍，洽谈会为期三天，主办方预计将有超过五百家企业参会，涵盖海洋科技、生物医药、智能制造等领域，
并设立人才对接专区。</p></article>
<aside class="related"><h3>相关新闻</h3>
<ul><li><a href="/news/old.html">2023青岛国际啤酒节将于7月15日开幕</a></li></ul></aside>
<div id="comments"><h3>网友评论</h3><p>期待！明年1月5日的马拉松也要去。</p></div>
<footer>青岛新闻网 版权所有</footer></body></html>"""

FAIR_GBK = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta property="article:published_time" content="2024-10-15T09:00:00+08:00"><title>消费电子博览会</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<div class="content"><h1>消费电子博览会明年三月举办</h1>
<p>2025中国国际消费电子博览会将于2025年3月10日至12日在青岛国际博览中心举办，展览面积达8万平方米，
预计吸引国内外一千余家企业参展。</p>
<p>博览会期间还将举办多场高峰论坛和新品发布活动，展示最新的智能家居与可穿戴设备。</p></div>
</body></html>""".encode("gbk")

SECRET = """<html><body><article><h1>内部消息</h1><p>秘密会议将于2024年12月1日举行，内容不得外传，请勿转载。
会议由主办方内部人员参加，地点另行通知。</p></article></body></html>"""


def rss(*items: str, build: str = "Sat, 02 Nov 2024 08:00:00 +0800") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>青岛新闻网</title><link>http://news.example/</link>
<description>新闻</description><lastBuildDate>{build}</lastBuildDate>
{"".join(items)}
</channel></rss>""".encode()


def item(title: str, link: str | None, pub: str | None = None) -> str:
    link_xml = f"<link>{link}</link>" if link else ""
    pub_xml = f"<pubDate>{pub}</pubDate>" if pub else ""
    return f"<item><title>{title}</title>{link_xml}{pub_xml}</item>"


def news_site(site: Site) -> None:
    """A Chinese news site: an RSS feed of two good articles (one in GBK) and four bad items."""
    site.routes.update({
        "/robots.txt": Page(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/rss.xml": Page(rss(
            item("洽谈会12月开幕", "/news/expo.html", "Sat, 02 Nov 2024 07:30:00 +0800"),
            item("消费电子博览会", "/news/fair.html"),
            item("一条没有链接的新闻", None, "Sat, 02 Nov 2024 07:00:00 +0800"),
            item("内部消息", "/private/secret.html", "Sat, 02 Nov 2024 06:00:00 +0800"),
            item("年报", "/files/report.pdf", "Sat, 02 Nov 2024 05:00:00 +0800"),
            item("已删除", "/news/gone.html", "Sat, 02 Nov 2024 04:00:00 +0800"),
        ), "application/rss+xml; charset=utf-8"),
        "/news/expo.html": Page(EXPO.encode()),
        "/news/fair.html": Page(FAIR_GBK, "text/html"),
        "/private/secret.html": Page(SECRET.encode()),
        "/files/report.pdf": Page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf"),
    })


@pytest.fixture
def site() -> Iterator[Site]:
    fixture = Site()
    news_site(fixture)
    with serve(fixture):
        yield fixture


@pytest.fixture
def fetcher(db) -> Iterator[Fetcher]:
    agent = Agent(SETTINGS)
    yield Fetcher(db, agent)
    agent.close()


def add(db, name: str, url: str, every: int = 1800, published_from: PublishedFrom = PublishedFrom.FEED) -> Source:
    with store.transaction(db):
        return store.add_source(db, Source(name, url, every, published_from, added=store.utc_stamp(),
                                           next_due=store.utc_stamp()))


def events_by_title(db) -> dict[str, dict]:
    rows = db.execute(
        "SELECT e.title, e.start, e.\"end\", e.sequence, a.source, a.source_url, a.published FROM events e"
        " JOIN mentions m ON m.event_uid = e.uid JOIN articles a ON a.id = m.article_id"
    ).fetchall()
    return {r[0]: dict(zip(("title", "start", "end", "sequence", "source", "url", "published"), r, strict=True))
            for r in rows}


# --- a feed's pages become events ----------------------------------------------------------------


def test_a_feeds_pages_become_events_with_their_addresses_and_publication_dates(db, site, fetcher):
    add(db, "qingdao", site.url("/rss.xml"))
    report = fetcher.run()
    events = events_by_title(db)
    expo = events[EXPO_TITLE]
    assert (expo["start"], expo["end"]) == ("2024-12-20", "2024-12-22")
    assert expo["url"] == site.url("/news/expo.html") and expo["source"] == "qingdao"
    assert expo["published"] == "2024-11-02"  # the item's pubDate (in the feed's own time zone), before the page's
    fair = events[FAIR_TITLE]  # a GBK page, its charset in <meta http-equiv>
    assert fair["url"] == site.url("/news/fair.html")
    assert fair["published"] == "2024-10-15"  # no pubDate: the page's metadata
    assert report.sources[0].counts[ItemStatus.INGESTED] == 2


def test_navigation_ads_related_links_and_comments_are_left_out(db, site, fetcher):
    add(db, "qingdao", site.url("/rss.xml"))
    fetcher.run()
    (text,) = [row[0] for row in db.execute("SELECT text FROM articles WHERE source_url LIKE '%expo.html'")]
    assert "洽谈会为期三天" in text
    for junk in ("首页", "五折", "啤酒节", "马拉松", "版权所有"):
        assert junk not in text
    assert set(events_by_title(db)) == {EXPO_TITLE, FAIR_TITLE}


def test_every_request_names_the_project_and_its_site(db, site, fetcher):
    add(db, "qingdao", site.url("/rss.xml"))
    fetcher.run()
    assert {r.headers["User-Agent"] for r in site.requests} == {UA}


def test_bad_items_are_counted_with_their_reasons_and_do_not_stop_the_others(db, site, fetcher):
    add(db, "qingdao", site.url("/rss.xml"))
    (report,) = fetcher.run().sources
    assert report.counts == {ItemStatus.INGESTED: 2, ItemStatus.NO_LINK: 1, ItemStatus.DISALLOWED: 1,
                             ItemStatus.FAILED: 2}
    reasons = {p.url.removeprefix(site.base): p.reason for p in report.problems}
    assert reasons == {
        "一条没有链接的新闻": "item without a link",
        "/private/secret.html": "disallowed by robots.txt",
        "/files/report.pdf": "not an HTML page: a PDF document",
        "/news/gone.html": "HTTP 404 Not Found",
    }
    source = store.get_source(db, "qingdao")
    assert source.last_status is SourceStatus.PARTIAL
    assert source.last_counts == {"ingested": 2, "no_link": 1, "disallowed": 1, "failed": 2}
    assert (source.articles, source.events) == (2, 2)


def test_a_page_robots_txt_disallows_is_never_requested(db, site, fetcher):
    add(db, "qingdao", site.url("/rss.xml"))
    fetcher.run()
    fetcher.run(force=True)
    assert not [p for p in site.paths() if p.startswith("/private/")]
    assert site.paths().count("/robots.txt") == 1  # kept by the agent for a day (RFC 9309)


# --- never twice ---------------------------------------------------------------------------------


def _without_failing_items(site: Site) -> None:
    site.routes["/rss.xml"] = Page(rss(
        item("洽谈会12月开幕", "/news/expo.html", "Sat, 02 Nov 2024 07:30:00 +0800"),
        item("消费电子博览会", "/news/fair.html"),
        item("内部消息", "/private/secret.html"),
    ), "application/rss+xml")


def test_the_second_fetch_sends_conditional_requests_and_downloads_nothing_new(db, site, fetcher):
    _without_failing_items(site)
    add(db, "qingdao", site.url("/rss.xml"))
    fetcher.run()
    before = db.execute("SELECT count(*) FROM articles").fetchone()
    site.clear()
    (report,) = fetcher.run(force=True).sources
    (feed_request,) = site.requests
    assert feed_request.path == "/rss.xml" and feed_request.status == 304
    assert feed_request.headers["If-None-Match"] == site.routes["/rss.xml"].etag
    assert feed_request.headers["If-Modified-Since"] == site.routes["/rss.xml"].last_modified
    assert report.status is SourceStatus.NOT_MODIFIED
    assert db.execute("SELECT count(*) FROM articles").fetchone() == before


def test_a_feed_that_changed_only_its_build_date_costs_no_page_request(db, site, fetcher):
    _without_failing_items(site)
    add(db, "qingdao", site.url("/rss.xml"))
    fetcher.run()
    site.routes["/rss.xml"].body = site.routes["/rss.xml"].body.replace(b"08:00:00", b"09:00:00")  # lastBuildDate
    site.clear()
    (report,) = fetcher.run(force=True).sources
    assert site.paths() == ["/rss.xml"]
    assert report.counts == {ItemStatus.KNOWN: 2, ItemStatus.DISALLOWED: 1} and report.events.total == 0


def test_an_entry_the_feed_revised_has_its_page_asked_for_conditionally(db, site, fetcher):
    _without_failing_items(site)
    add(db, "qingdao", site.url("/rss.xml"))
    fetcher.run()
    site.routes["/rss.xml"].body = site.routes["/rss.xml"].body.replace(b"07:30:00", b"07:45:00")  # expo's pubDate
    site.clear()
    (report,) = fetcher.run(force=True).sources
    (page,) = [r for r in site.requests if r.path.startswith("/news/")]
    assert (page.path, page.status) == ("/news/expo.html", 304)
    assert page.headers["If-None-Match"] == site.routes["/news/expo.html"].etag
    assert report.counts == {ItemStatus.NOT_MODIFIED: 1, ItemStatus.KNOWN: 1, ItemStatus.DISALLOWED: 1}


def test_recheck_asks_for_every_listed_page_conditionally(db, site):
    _without_failing_items(site)
    add(db, "qingdao", site.url("/rss.xml"))
    agent = Agent(SETTINGS)
    Fetcher(db, agent).run()
    site.routes["/rss.xml"].body += b" "  # a new ETag: the feed is read again
    site.clear()
    (report,) = Fetcher(db, agent, recheck=True).run(force=True).sources
    agent.close()
    pages = [r for r in site.requests if r.path.startswith("/news/")]
    assert {r.path: r.status for r in pages} == {"/news/expo.html": 304, "/news/fair.html": 304}
    assert all("If-None-Match" in r.headers for r in pages)
    assert report.counts == {ItemStatus.NOT_MODIFIED: 2, ItemStatus.DISALLOWED: 1}


def test_a_page_whose_text_changed_is_reingested_as_an_update(db, site, fetcher):
    add(db, "expo", site.url("/news/expo.html"))  # a single article page followed as a source
    fetcher.run()
    site.routes["/news/expo.html"] = Page(EXPO.replace("12月20日至22日", "12月27日至29日").encode())
    (report,) = fetcher.run(force=True).sources
    assert report.counts == {ItemStatus.UPDATED: 1}
    assert (report.events.new, report.events.updated) == (0, 1)
    (expo,) = events_by_title(db).values()
    assert (expo["start"], expo["end"], expo["sequence"]) == ("2024-12-27", "2024-12-29", 1)
    assert store.get_source(db, "expo").kind == "page"
    (text,) = db.execute("SELECT text FROM articles").fetchone()  # the old version gave way to the new
    assert "12月27日至29日" in text
    (evidence,) = db.execute("SELECT evidence FROM mentions").fetchone()
    assert "12月27日至29日" in evidence


def test_an_event_only_the_old_version_reported_keeps_it_as_its_source(db, site, fetcher):
    add(db, "expo", site.url("/news/expo.html"))
    fetcher.run()
    site.routes["/news/expo.html"] = Page(EXPO.replace(
        "第二十二届中国青岛蓝色经济国际人才暨产学研合作洽谈会将于12月20日至22日在青岛国际会议中心举行",
        "2025中国国际消费电子博览会将于2025年3月10日至12日在青岛国际博览中心举办").encode())
    (report,) = fetcher.run(force=True).sources
    assert report.counts == {ItemStatus.UPDATED: 1} and report.events.new == 1
    assert set(events_by_title(db)) == {EXPO_TITLE, FAIR_TITLE}
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_the_same_text_met_at_another_address_is_not_ingested_twice(db, site, fetcher):
    site.routes["/rss.xml"] = Page(rss(item("a", "/news/expo.html"), item("b", "/news/expo.html?from=rss")))
    site.routes["/news/expo.html?from=rss"] = Page(EXPO.encode())
    add(db, "qingdao", site.url("/rss.xml"))
    (report,) = fetcher.run().sources
    assert report.counts == {ItemStatus.INGESTED: 1, ItemStatus.DUPLICATE: 1}
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_page_that_answers_200_with_the_same_text_is_not_ingested_again(db, site, fetcher):
    site.routes["/news/expo.html"] = Page(EXPO.encode(), validators=False)
    add(db, "expo", site.url("/news/expo.html"))
    fetcher.run()
    (report,) = fetcher.run(force=True).sources
    assert report.counts == {ItemStatus.UNCHANGED: 1} and report.events.total == 0


# --- politeness ----------------------------------------------------------------------------------


def test_requests_to_one_host_are_spaced_by_the_delay(db, site):
    _without_failing_items(site)
    agent = Agent(FetchSettings(user_agent=UA, delay=0.15, timeout=1.0, trust_env=False))
    add(db, "qingdao", site.url("/rss.xml"))
    Fetcher(db, agent).run()
    agent.close()
    times = [r.at for r in site.requests]
    assert len(times) == 4  # robots.txt, the feed, two pages
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.14


def test_a_503_with_retry_after_is_waited_for_then_retried(db, site, fetcher):
    site.routes["/news/expo.html"] = busy_then(Page(EXPO.encode()), "1")
    add(db, "expo", site.url("/news/expo.html"))
    (report,) = fetcher.run().sources
    first, second = site.asked("/news/expo.html")
    assert first.status == 503 and second.status == 200
    assert second.at - first.at >= 0.95
    assert report.counts == {ItemStatus.INGESTED: 1}


def test_a_retry_after_longer_than_the_setting_defers_the_page_to_a_later_run(db, site, fetcher):
    _without_failing_items(site)
    site.routes["/news/fair.html"] = busy_then(Page(FAIR_GBK, "text/html"), "3600")
    add(db, "qingdao", site.url("/rss.xml"))
    (report,) = fetcher.run().sources
    assert report.counts[ItemStatus.DEFERRED] == 1 and report.status is SourceStatus.PARTIAL
    source = store.get_source(db, "qingdao")
    assert source.etag is None  # so the next fetch reads the feed again and gets the deferred page
    assert source.next_due >= store.utc_stamp(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3500))
    assert len(site.asked("/news/fair.html")) == 1  # not asked again while the site said to wait


def test_a_failing_source_is_tried_again_later_and_later(db, site):
    site.routes["/rss.xml"] = Page(b"oops", "text/plain", status=500, validators=False)
    now = dt.datetime(2024, 11, 2, 8, 0, tzinfo=dt.UTC)
    agent = Agent(SETTINGS)
    fetcher = Fetcher(db, agent, clock=lambda: now)
    add(db, "qingdao", site.url("/rss.xml"), every=600)
    waits = []
    for _ in range(3):
        fetcher.run(force=True)
        source = store.get_source(db, "qingdao")
        waits.append(dt.datetime.fromisoformat(source.next_due.replace("Z", "+00:00")) - now)
    agent.close()
    assert [w.total_seconds() for w in waits] == [600, 1200, 2400]
    assert source.last_status is SourceStatus.FAILED and source.failures == 3
    assert source.last_error == "HTTP 500 Internal Server Error"


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Page(b"this is not xml at all", "text/plain"), "not a feed"),
        (Page(b"<html><body><p>", "application/rss+xml"), "not a feed"),
        (redirect("/feed-b"), "redirect loop"),
        (slow(1.5, Page(rss())), "timeout after 0.5 s"),
        (reset, "connection broken"),
        (endless(), "too large: more than 100000 bytes"),
    ],
    ids=["not-xml", "html-as-feed", "redirect-loop", "timeout", "reset", "endless"],
)
def test_a_source_that_cannot_be_read_is_counted_with_its_reason(db, site, fetcher, route, reason):
    site.routes["/feed-a"] = route
    site.routes["/feed-b"] = redirect("/feed-a")
    add(db, "bad", site.url("/feed-a"))
    add(db, "good", site.url("/rss.xml"))
    report = fetcher.run()
    bad = store.get_source(db, "bad")
    assert bad.last_status is SourceStatus.FAILED and reason in bad.last_error
    assert not report.ok
    assert store.get_source(db, "good").articles == 2


def test_a_broken_item_among_good_ones_costs_only_itself(db, site, fetcher):
    site.routes["/rss.xml"] = Page(rss(
        item("坏", "/slow.html"), item("坏", "/reset.html"), item("坏", "/huge.html"),
        item("好", "/news/expo.html", "Sat, 02 Nov 2024 07:30:00 +0800"), item("<b>未闭合", None),
        item("坏", "javascript:alert(1)"),
    ), "application/rss+xml")
    site.routes["/slow.html"] = slow(1.5, Page(EXPO.encode()))
    site.routes["/reset.html"] = reset
    site.routes["/huge.html"] = endless()
    add(db, "qingdao", site.url("/rss.xml"))
    (report,) = fetcher.run().sources
    assert report.counts == {ItemStatus.FAILED: 4, ItemStatus.INGESTED: 1, ItemStatus.NO_LINK: 1}
    assert "bad link: source URL must be an http:// or https:// address" in [p.reason for p in report.problems]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    failed = "SELECT count(*) FROM source_items WHERE status = 'failed' AND article_id IS NULL"
    assert db.execute(failed).fetchone()[0] == 3


def test_a_feed_that_is_not_well_formed_gives_what_it_can_and_says_so(db, site, fetcher):
    body = rss(item("洽谈会12月开幕", "/news/expo.html", "Sat, 02 Nov 2024 07:30:00 +0800"))
    site.routes["/rss.xml"] = Page(body.replace(b"</channel></rss>", b"<item><title>broken &nbsp; <"),
                                   "application/rss+xml")
    add(db, "qingdao", site.url("/rss.xml"))
    (report,) = fetcher.run().sources
    assert report.counts[ItemStatus.INGESTED] == 1
    (problem,) = [p.reason for p in report.problems if p.url == site.url("/rss.xml")]
    assert problem.startswith("feed not well-formed, read as far as possible")


def test_a_wrong_charset_label_does_not_garble_the_page(db, site, fetcher):
    site.routes["/news/fair.html"] = Page(FAIR_GBK, "text/html; charset=utf-8")  # the server lies
    add(db, "fair", site.url("/news/fair.html"))
    fetcher.run()
    assert FAIR_TITLE in events_by_title(db)


def test_a_feed_in_gbk_declared_as_gb2312_is_read(db, site, fetcher):
    body = rss(item("镕基博览会", "/news/expo.html", "Sat, 02 Nov 2024 07:30:00 +0800"))  # 镕: GBK, not GB2312
    site.routes["/rss.xml"] = Page(body.decode().replace('encoding="utf-8"', 'encoding="gb2312"').encode("gbk"),
                                   "text/xml")
    add(db, "qingdao", site.url("/rss.xml"))
    (report,) = fetcher.run().sources
    assert report.counts == {ItemStatus.INGESTED: 1} and not report.problems
    assert events_by_title(db)[EXPO_TITLE]["published"] == "2024-11-02"


def test_a_plain_text_page_takes_its_headline_from_the_feed(db, site, fetcher):
    site.routes["/rss.xml"] = Page(rss(item("博览会明年三月举办", "/news/fair.txt", "Sat, 02 Nov 2024 07:30:00 +0800")))
    text = "2025中国国际消费电子博览会将于2025年3月10日至12日在青岛国际博览中心举办。\n"
    site.routes["/news/fair.txt"] = Page(text.encode(), "text/plain; charset=utf-8")
    add(db, "qingdao", site.url("/rss.xml"))
    fetcher.run()
    assert db.execute("SELECT headline FROM articles").fetchone() == ("博览会明年三月举办",)
    assert FAIR_TITLE in events_by_title(db)


def test_atom_feeds_are_read_too(db, site, fetcher):
    site.routes["/atom.xml"] = Page(b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>\xe9\x9d\x92\xe5\xb2\x9b</title><id>urn:x</id>
<updated>2024-11-02T08:00:00+08:00</updated>
<entry><title>expo</title><id>urn:1</id><link rel="alternate" href="/news/expo.html"/>
<published>2024-11-02T07:30:00+08:00</published><updated>2024-11-03T07:30:00+08:00</updated></entry>
</feed>""", "application/atom+xml")
    add(db, "atom", site.url("/atom.xml"))
    fetcher.run()
    (expo,) = events_by_title(db).values()
    assert (expo["url"], expo["published"]) == (site.url("/news/expo.html"), "2024-11-02")


def test_json_feeds_are_read_too(db, site, fetcher):
    site.routes["/feed.json"] = Page(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "青岛",
        "items": [{"id": "1", "url": "/news/expo.html", "date_published": "2024-11-02T07:30:00+08:00"}],
    }).encode(), "application/feed+json")
    add(db, "json", site.url("/feed.json"))
    fetcher.run()
    (expo,) = events_by_title(db).values()
    assert expo["published"] == "2024-11-02"


def test_published_from_page_prefers_the_pages_metadata(db, site, fetcher):
    site.routes["/rss.xml"] = Page(rss(item("博览会", "/news/fair.html", "Mon, 04 Nov 2024 07:30:00 +0800")))
    add(db, "qingdao", site.url("/rss.xml"), published_from=PublishedFrom.PAGE)
    fetcher.run()
    (fair,) = events_by_title(db).values()
    assert fair["published"] == "2024-10-15"


def test_only_due_sources_are_fetched_unless_forced(db, site, fetcher):
    _without_failing_items(site)
    add(db, "qingdao", site.url("/rss.xml"))
    assert len(fetcher.run().sources) == 1
    assert fetcher.run().sources == []
    assert len(fetcher.run(["qingdao"], force=True).sources) == 1


def test_redirects_are_followed_up_to_the_cap_and_each_hop_is_checked_against_robots_txt(db, site, fetcher):
    for hop in range(12):
        site.routes[f"/r{hop}"] = redirect(f"/r{hop + 1}")
    site.routes["/r2"] = redirect("/news/expo.html")  # /r0 → /r1 → /r2 → the page
    site.routes["/to-private"] = redirect("/private/secret.html")
    site.routes["/rss.xml"] = Page(rss(item("a", "/r0", "Sat, 02 Nov 2024 07:30:00 +0800"), item("b", "/r3"),
                                       item("c", "/to-private")), "application/rss+xml")
    add(db, "qingdao", site.url("/rss.xml"))
    (report,) = fetcher.run().sources
    reasons = {p.url.removeprefix(site.base): p.reason for p in report.problems}
    assert reasons == {"/r3": "more than 5 redirects", "/to-private": "disallowed by robots.txt"}
    assert events_by_title(db)[EXPO_TITLE]["url"] == site.url("/r0")  # the address the feed gave
    assert "/private/secret.html" not in site.paths()


def test_a_429_without_retry_after_fails_the_page_for_this_run(db, site, fetcher):
    site.routes["/news/expo.html"] = Page(b"slow down", "text/plain", status=429, validators=False)
    add(db, "expo", site.url("/news/expo.html"))
    (report,) = fetcher.run().sources
    assert report.status is SourceStatus.FAILED and report.error == "HTTP 429"


def test_a_site_that_cannot_be_reached_fails_its_source_with_the_reason(db, site, fetcher):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    add(db, "down", f"http://127.0.0.1:{port}/rss.xml")
    add(db, "qingdao", site.url("/rss.xml"))
    fetcher.run()
    down = store.get_source(db, "down")
    assert down.last_status is SourceStatus.FAILED and down.failures == 1
    assert down.last_error.startswith("robots.txt unreachable (cannot connect")
    assert store.get_source(db, "qingdao").articles == 2
