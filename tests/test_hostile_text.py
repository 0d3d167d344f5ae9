"""Article text is untrusted: script tags, quotes, CR/LF, control characters and huge lines in an article
must come out escaped or stripped in every page, calendar, feed and API answer."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import feedparser
import icalendar
import pytest
from conftest import make_event, make_report, save
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from feeds import create_app, store
from feeds.models import Selection

TOKEN = "hostile-test-token-0123456789"
SCRIPT = "<script>alert(1)</script>"
TITLE = f"青岛国际啤酒节{SCRIPT}\"开幕\"'式</script><!--\r\nX-INJECTED:1\x00\x07\x1b\u2028\u2029\u202e"
PLACE = "金沙滩啤酒城<img src=x onerror=alert(2)>\r\nLOCATION:evil"
HEADLINE = f"<b>{SCRIPT}</b>啤酒节\r\n开幕</title><!--"
LONG_LINE = "来自世界各地的上百个啤酒品牌将在节日期间集中亮相。" * 6000
"""About 450 KB on one line."""
EVIDENCE = f"第33届{TITLE}将于7月21日至8月6日在{PLACE}举行，{LONG_LINE}"
PIPELINE_PAGE = (
    f"# {HEADLINE}\n\n"
    f"本报讯 青岛国际啤酒节{SCRIPT}将于7月21日至8月6日在西海岸新区“金沙滩啤酒城</script>”开幕。\n"
    f"{LONG_LINE}\n"
)
PAYLOADS = ("<script>alert", "<img src=x", "</title><!--", "<b><script>", "</script><!--")
"""Markup from the article that must never reach a page unescaped."""
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]")


@dataclass
class Site:
    """The app with the hostile articles stored, and every page and calendar fetched once."""

    client: FlaskClient
    db_path: Path
    uids: list[str]
    articles: list[str]
    posted: TestResponse
    pages: dict[str, TestResponse] = field(default_factory=dict)
    calendars: dict[str, bytes] = field(default_factory=dict)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    """A hand-made hostile event saved directly, and a hostile page ingested through the real pipeline."""
    db_path = tmp_path_factory.mktemp("hostile") / "feeds.db"
    db = store.open_db(db_path)
    report = make_report(
        HEADLINE, "2023-07-01",
        make_event(TITLE, "2023-07-21", "2023-08-06", location=PLACE, evidence=EVIDENCE, category="festival"),
    )
    save(db, report, source="beer<script>\x07.txt", source_url="https://news.example/2023/07/beer.html?a=1&b=2")
    client = create_app({"DATABASE": str(db_path), "TESTING": True, "INGEST_TOKEN": TOKEN}).test_client()
    posted = client.post(
        "/api/articles?published=2023-07-01",
        data=PIPELINE_PAGE.encode(),
        content_type="text/plain; charset=utf-8",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert posted.status_code == 201, posted.data[:500]
    uids = [ev.uid for ev in store.query_events(db, Selection())]
    assert len(uids) == 2
    site = Site(client, db_path, uids, store.article_ids(db), posted)
    db.close()
    for url in page_urls(site):
        response = site.client.get(url)
        if response.status_code != 404:  # a route this version lacks
            site.pages[url] = response
    for url in ["/calendar.ics", "/categories/festival.ics", *(f"/events/{quote(u, safe='@')}.ics" for u in uids)]:
        site.calendars[url] = site.client.get(url).data
    return site


def page_urls(site: Site) -> list[str]:
    urls = ["/", "/calendar/2023/7", "/embed", "/embed?view=month&month=2023-07", "/embed/builder"]
    urls += [f"/events/{quote(uid, safe='@')}" for uid in site.uids]
    urls += [f"/articles/{aid}" for aid in site.articles]
    return urls


def html_pages(site: Site) -> dict[str, str]:
    """Every HTML page that shows the hostile articles (pages that answered 404 are left out)."""
    assert any(url.startswith("/events/") for url in site.pages)
    for url, response in site.pages.items():
        assert response.status_code == 200, url
        assert response.mimetype == "text/html", url
    return {url: response.get_data(as_text=True) for url, response in site.pages.items()}


def test_the_hostile_text_reaches_the_store(site):
    """Markup survives the pipeline into headlines and evidence, so the other tests test something."""
    db = store.open_db(site.db_path)
    headlines = [store.get_article(db, aid)["headline"] for aid in site.articles]
    evidence = [m.evidence for ev in store.query_events(db, Selection()) for m in ev.mentions]
    db.close()
    assert sum(SCRIPT in headline for headline in headlines) >= 2
    assert sum(SCRIPT in sentence for sentence in evidence) == 2


def test_pages_escape_markup_from_articles(site):
    for url, body in html_pages(site).items():
        for payload in PAYLOADS:
            assert payload not in body, (url, payload)


def test_pages_show_the_markup_as_text(site):
    for uid in site.uids:
        body = html_pages(site)[f"/events/{quote(uid, safe='@')}"]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_pages_carry_no_control_characters(site):
    for url, body in html_pages(site).items():
        assert not CONTROLS.search(body), (url, CONTROLS.search(body))


def test_json_ld_stays_one_valid_json_value(site):
    found = 0
    for url, body in html_pages(site).items():
        for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', body, re.S):
            data = json.loads(block)
            assert "<" not in block and "\u2028" not in block, url
            found += SCRIPT in json.dumps(data, ensure_ascii=False)
    assert found, "no JSON-LD carries the hostile title"


def test_pages_send_the_security_headers(site):
    for response in site.pages.values():
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0]
        assert "object-src 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"]


def test_only_the_embed_may_be_framed(site):
    for url, response in site.pages.items():
        csp = response.headers["Content-Security-Policy"]
        if url.split("?")[0] == "/embed":
            assert "frame-ancestors 'none'" not in csp and "X-Frame-Options" not in response.headers
        else:
            assert "frame-ancestors 'none'" in csp and response.headers["X-Frame-Options"] == "DENY", url


# --- iCalendar ---------------------------------------------------------------------------------


def test_calendar_lines_are_folded_and_free_of_injected_breaks(site):
    for url, data in site.calendars.items():
        assert data.endswith(b"\r\n")
        for line in data[:-2].split(b"\r\n"):
            assert len(line) <= 75, (url, line[:80])
            assert b"\r" not in line and b"\n" not in line, url
            assert line.startswith(b" ") or re.match(rb"^[A-Z][A-Z0-9-]*[;:]", line), (url, line[:80])
            line.decode("utf-8")  # folded between characters, never inside one


def test_calendar_text_cannot_add_properties(site):
    for url, data in site.calendars.items():
        for vevent in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            names = [name for name, _ in vevent.property_items(recursive=False)]
            assert "X-INJECTED" not in names, url
            assert names.count("LOCATION") <= 1 and names.count("SUMMARY") == 1, url
    unfolded = site.calendars["/calendar.ics"].replace(b"\r\n ", b"")
    injected = re.escape(b"<img src=x onerror=alert(2)> LOCATION:evil\r\n")
    assert re.search(rb"^LOCATION:.*" + injected, unfolded, re.M)


def test_calendar_text_has_no_control_characters(site):
    for url, data in site.calendars.items():
        text = data.decode("utf-8")
        assert not CONTROLS.search(text), url
        assert "\u2028" not in text and "\u2029" not in text, url


def test_calendar_keeps_the_hostile_title_as_plain_text(site):
    cal = icalendar.Calendar.from_ical(site.calendars["/calendar.ics"])
    summaries = [str(vevent["SUMMARY"]) for vevent in cal.walk("VEVENT")]
    expected = f"青岛国际啤酒节{SCRIPT}\"开幕\"'式</script><!-- X-INJECTED:1"
    assert any(summary.startswith(expected) for summary in summaries)


# --- feeds and JSON ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/feed.rss", "/feed.atom"])
def test_xml_feeds_are_well_formed(site, url):
    data = site.client.get(url + "?from=2000-01-01").data
    root = ET.fromstring(data)
    assert root is not None


@pytest.mark.parametrize("url", ["/feed.rss", "/feed.atom"])
def test_feedparser_reads_the_xml_feeds_without_complaint(site, url):
    parsed = feedparser.parse(site.client.get(url + "?from=2000-01-01").data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 2
    assert any(SCRIPT in entry.title for entry in parsed.entries)


HTML_ELEMENTS = {
    "description",
    "{http://purl.org/rss/1.0/modules/content/}encoded",
    "{http://www.w3.org/2005/Atom}content",
    "{http://www.w3.org/2005/Atom}summary",
}


@pytest.mark.parametrize("url", ["/feed.rss", "/feed.atom"])
def test_feed_item_html_is_escaped(site, url):
    root = ET.fromstring(site.client.get(url + "?from=2000-01-01").data)
    bodies = [element.text or "" for element in root.iter() if element.tag in HTML_ELEMENTS]
    assert sum("&lt;script&gt;alert(1)" in body for body in bodies) >= 2
    for body in bodies:
        for payload in PAYLOADS:
            assert payload not in body, payload


@pytest.mark.parametrize(
    "url", ["/feed.json?from=2000-01-01", "/api/events", "/api/events?q=啤酒节", "/api/openapi.json"]
)
def test_json_answers_are_valid_json(site, url):
    response = site.client.get(url)
    assert response.status_code == 200
    json.loads(response.data)


def test_json_feed_item_html_is_escaped(site):
    feed = json.loads(site.client.get("/feed.json?from=2000-01-01").data)
    for item in feed["items"]:
        for payload in PAYLOADS:
            assert payload not in item["content_html"], payload


def test_api_event_keeps_the_text_and_drops_controls(site):
    for uid in site.uids:
        event = json.loads(site.client.get(f"/api/events/{quote(uid, safe='@')}").data)
        assert not CONTROLS.search(json.dumps(event, ensure_ascii=False))
        assert SCRIPT in event["title"] or SCRIPT in event["evidence"]


def test_the_ingest_answer_is_valid_json_naming_the_event(site):
    answer = json.loads(site.posted.data)
    [event] = answer["events"]
    assert (event["start"], event["end"], event["change"]) == ("2023-07-21", "2023-08-06", "new")
    assert SCRIPT in answer["articles"][0]["headline"]


# --- the query string is untrusted too ---------------------------------------------------------

HOSTILE_QUERY = "?q=%3Cscript%3Ealert(1)%3C/script%3E%0d%0aX-EVIL:1&location=%E2%80%A8%00%22%3E"


def test_a_calendar_names_a_hostile_query_as_a_valid_uri(site):
    unfolded = site.client.get("/calendar.ics" + HOSTILE_QUERY).data.replace(b"\r\n ", b"")
    urls = re.findall(rb"^(?:URL|SOURCE;VALUE=URI):(.*)\r$", unfolded, re.M)
    assert urls and all(re.fullmatch(rb"[!#-;=?-~]+", url) for url in urls), urls
    assert not re.search(rb"^X-EVIL", unfolded, re.M)


@pytest.mark.parametrize("url", ["/feed.rss", "/feed.atom"])
def test_a_feed_for_a_hostile_query_is_well_formed(site, url):
    data = site.client.get(url + HOSTILE_QUERY).data
    assert not feedparser.parse(data).bozo
    assert b"<script>alert" not in data


def test_control_characters_in_a_search_do_not_reach_the_page(client):
    body = client.get("/?q=%E5%8D%9A%00%1b%E8%A7%88").get_data(as_text=True)
    assert "\x00" not in body and "\x1b" not in body
