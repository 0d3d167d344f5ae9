"""HTTP on calendars, feeds and the API: validators and 304s, caching, gzip, HEAD and CORS."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest
from conftest import NOW, make_event, make_report, save
from sample_events import fill
from werkzeug.http import http_date

from feeds.web import clock

LISTINGS = [
    "/calendar.ics",
    "/calendar.ics?category=fair",
    "/categories/conference.ics",
    "/feed.rss",
    "/feed.atom",
    "/feed.json",
    "/api/events",
    "/api/openapi.json",
]


@pytest.fixture
def uids(db):
    return fill(db)


@pytest.fixture(params=[*LISTINGS, "/events/{congress}.ics", "/api/events/{congress}"])
def url(request, uids):
    return request.param.format(**uids)


def test_response_has_etag_last_modified_and_max_age(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["ETag"].startswith('"')
    assert response.headers["Last-Modified"].endswith(" GMT")
    assert response.headers["Cache-Control"] == "public, max-age=300"


def test_response_can_be_read_from_any_origin(client, url):
    assert client.get(url).headers["Access-Control-Allow-Origin"] == "*"


def test_unchanged_data_gives_identical_bytes(client, url):
    assert client.get(url).data == client.get(url).data


def test_if_none_match_with_the_etag_gives_304_without_a_body(client, url):
    etag = client.get(url).headers["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.data == b""
    assert response.headers["ETag"] == etag


def test_if_modified_since_last_modified_gives_304(client, url):
    modified = client.get(url).headers["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304


def test_head_has_the_headers_and_no_body(client, url):
    full = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["ETag"] == full.headers["ETag"]
    assert head.headers["Content-Length"] == str(len(full.data))


def test_gzip_when_asked_with_the_same_content(client, url):
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert packed.headers["Vary"] == "Accept-Encoding, Accept-Language"  # the words follow the reader (issue 17)
    assert gzip.decompress(packed.data) == plain.data
    assert packed.headers["ETag"] != plain.headers["ETag"]


def test_weak_comparison_accepts_w_prefix(client, uids):
    etag = client.get("/calendar.ics").headers["ETag"]
    assert client.get("/calendar.ics", headers={"If-None-Match": "W/" + etag}).status_code == 304


def test_the_gzip_etag_validates_a_plain_request(client, uids):
    etag = client.get("/feed.rss", headers={"Accept-Encoding": "gzip"}).headers["ETag"]
    assert client.get("/feed.rss", headers={"If-None-Match": etag}).status_code == 304


def test_an_older_if_modified_since_gets_the_body(client, uids):
    earlier = http_date(NOW - dt.timedelta(days=1))
    assert client.get("/calendar.ics", headers={"If-Modified-Since": earlier}).status_code == 200


def test_if_none_match_decides_over_if_modified_since(client, uids):
    modified = client.get("/calendar.ics").headers["Last-Modified"]
    headers = {"If-None-Match": '"something-else"', "If-Modified-Since": modified}
    assert client.get("/calendar.ics", headers=headers).status_code == 200


def test_a_new_event_changes_etag_and_last_modified(client, db, uids):
    before = client.get("/calendar.ics")
    later = NOW + dt.timedelta(days=2)
    save(
        db,
        make_report("新消息", "2024-03-03", make_event("新展会", "2024-05-01")),
        source="new.txt",
        now=later,
    )
    response = client.get("/calendar.ics", headers={"If-None-Match": before.headers["ETag"]})
    assert response.status_code == 200
    assert response.headers["Last-Modified"] == http_date(later)


def test_each_query_has_its_own_etag(client, uids):
    assert client.get("/feed.rss").headers["ETag"] != client.get("/feed.rss?category=fair").headers["ETag"]


def test_each_site_address_has_its_own_etag(client, uids):
    here = client.get("/feed.rss").headers["ETag"]
    assert client.get("/feed.rss", base_url="https://feeds.example.org/").headers["ETag"] != here


def test_the_feed_window_is_part_of_the_etag(client, uids, monkeypatch):
    before = client.get("/feed.rss").headers["ETag"]
    monkeypatch.setattr(clock, "today", lambda: dt.date(2023, 6, 1))
    assert client.get("/feed.rss").headers["ETag"] != before


def test_max_age_is_configurable(app, client, uids):
    app.config["MAX_AGE"] = 60
    assert client.get("/feed.atom").headers["Cache-Control"] == "public, max-age=60"


def test_preflight_allows_conditional_requests_from_other_origins(client, uids):
    response = client.options(
        "/api/events",
        headers={
            "Origin": "https://elsewhere.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in response.headers["Access-Control-Allow-Headers"]
    assert "GET" in response.headers["Access-Control-Allow-Methods"]


def test_errors_are_readable_from_other_origins_too(client, uids):
    response = client.get("/api/events?limit=none")
    assert response.status_code == 400
    assert response.headers["Access-Control-Allow-Origin"] == "*"
