"""The response cache in front of calendars, feeds and the API: same bytes, no render, and never stale."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from conftest import make_event, make_report, save
from sample_events import fill

from feeds import create_app, store
from feeds.web import cache as response_cache
from feeds.web import clock, syndication

LISTINGS = ["/calendar.ics", "/categories/fair.ics", "/feed.rss", "/feed.atom", "/feed.json",
            "/api/events?start=2022-01-01&end=2024-12-31"]


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """Every render of a listing, by kind: a cached answer adds none."""
    calls: list[str] = []
    real = syndication._render

    def counting(kind, query, *rest):
        calls.append(kind)
        return real(kind, query, *rest)

    monkeypatch.setattr(syndication, "_render", counting)
    return calls


@pytest.fixture
def stocked(db):
    fill(db)
    return db


@pytest.mark.parametrize("url", LISTINGS)
@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_a_cached_answer_is_byte_identical_and_not_rendered_again(client, stocked, renders, url, encoding):
    first = client.get(url, headers={"Accept-Encoding": encoding})
    second = client.get(url, headers={"Accept-Encoding": encoding})
    assert first.status_code == second.status_code == 200
    assert second.data == first.data
    assert second.headers == first.headers
    assert len(renders) == 1


@pytest.mark.parametrize("url", LISTINGS)
def test_a_data_change_invalidates(client, stocked, url):
    before = client.get(url)
    save(stocked, make_report("新闻", "2023-03-01",
                              make_event("全新的青岛测试展览会", "2024-06-01", category="fair", location="青岛")))
    after = client.get(url)
    assert after.headers["ETag"] != before.headers["ETag"]
    assert "全新的青岛测试展览会" in after.get_data(as_text=True)


def test_a_change_by_another_process_invalidates(client, stocked, db_path):
    """data_version counts commits by any connection: here one the app never saw."""
    client.get("/calendar.ics")
    other = store.open_db(db_path)
    try:
        save(other, make_report("外部", "2023-03-01", make_event("外部写入的论坛", "2023-06-02")))
    finally:
        other.close()
    assert "外部写入的论坛" in client.get("/calendar.ics").get_data(as_text=True)


def test_revalidation_is_answered_from_the_cache(client, stocked, renders):
    etag = client.get("/feed.rss").headers["ETag"]
    answers = [client.get("/feed.rss", headers={"If-None-Match": etag}) for _ in range(3)]
    assert [a.status_code for a in answers] == [304, 304, 304]
    assert all(a.data == b"" and a.headers == answers[0].headers for a in answers)
    assert answers[0].headers["ETag"] == etag
    assert len(renders) == 1


def test_a_stale_etag_gets_the_full_answer(client, stocked):
    fresh = client.get("/calendar.ics")
    stale = client.get("/calendar.ics", headers={"If-None-Match": '"not-this-one"'})
    assert stale.status_code == 200 and stale.data == fresh.data


def test_gzip_etag_validates_the_plain_answer_too(client, stocked):
    zipped = client.get("/feed.json", headers={"Accept-Encoding": "gzip"}).headers["ETag"]
    client.get("/feed.json", headers={"If-None-Match": zipped})
    assert client.get("/feed.json", headers={"If-None-Match": zipped}).status_code == 304


def test_each_host_gets_its_own_links(client, stocked):
    a = client.get("/calendar.ics", base_url="http://a.example").get_data(as_text=True)
    b = client.get("/calendar.ics", base_url="http://b.example").get_data(as_text=True)
    assert "a.example" in a and "a.example" not in b


def test_the_feed_window_moves_with_the_day(client, stocked, monkeypatch, renders):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2023, 1, 1))
    client.get("/feed.rss")
    monkeypatch.setattr(clock, "today", lambda: dt.date(2023, 1, 2))
    client.get("/feed.rss")
    assert len(renders) == 2


def test_if_modified_since_repeating_last_modified_is_answered_from_the_cache(client, stocked, renders):
    modified = client.get("/feed.atom").headers["Last-Modified"]
    answers = [client.get("/feed.atom", headers={"If-Modified-Since": modified}) for _ in range(3)]
    assert [a.status_code for a in answers] == [304, 304, 304]
    assert client.application.extensions["feeds.response_cache"].hits == 2
    assert len(renders) == 1


def test_if_none_match_decides_over_if_modified_since(client, stocked):
    first = client.get("/feed.atom")
    both = {"If-None-Match": '"stale"', "If-Modified-Since": first.headers["Last-Modified"]}
    assert client.get("/feed.atom", headers=both).status_code == 200


@pytest.mark.parametrize("headers", [{"If-Modified-Since": "Wed, 01 Mar 2023 08:00:00 GMT"}, {"Range": "bytes=0-9"}])
def test_requests_it_does_not_model_go_to_flask(client, stocked, renders, headers):
    client.get("/calendar.ics")
    client.get("/calendar.ics", headers=headers)
    assert len(renders) >= 1
    cache = client.application.extensions["feeds.response_cache"]
    assert cache.hits == 0


def test_errors_and_pages_are_not_cached(client, stocked):
    client.get("/api/events?category=nonsense")
    client.get("/")
    assert len(client.application.extensions["feeds.response_cache"]) == 0


def test_memory_is_bounded(db_path, stocked):
    app = create_app({"DATABASE": str(db_path), "TESTING": True, "RESPONSE_CACHE_BYTES": 20_000})
    client = app.test_client()
    for category in ("conference", "fair", "exhibition", "festival", "other", "deadline"):
        for encoding in ("gzip", "identity"):
            client.get(f"/calendar.ics?category={category}", headers={"Accept-Encoding": encoding})
    cache = app.extensions["feeds.response_cache"]
    assert 0 < cache.size <= 20_000


def _held_bytes(cache: response_cache.ResponseCache) -> int:
    """What the cached entries' strings really occupy, measured by Python rather than by the cache."""
    held = 0
    for key, entry in cache._entries.items():
        held += sum(sys.getsizeof(part) for part in key) + sum(sys.getsizeof(tag) for tag in entry.tags)
        for answer in (entry.full, entry.not_modified):
            if answer is not None:
                held += sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in answer[1]) + sys.getsizeof(answer[-1])
    return held


def test_hostile_keys_cannot_grow_it_past_its_cap(db_path, stocked):
    """Distinct long query strings with an 8 KB Accept-Encoding: the cap counts keys and headers, not just bodies."""
    cap = 100_000
    app = create_app({"DATABASE": str(db_path), "TESTING": True, "RESPONSE_CACHE_BYTES": cap})
    client = app.test_client()
    accept_encoding = "identity, " + ", ".join(f"x-{i}" for i in range(1600))
    assert len(accept_encoding) > 8000
    for i in range(200):
        # every parameter a known one (an unknown name is a 400), repeated to make a 2 KB key
        query = "&".join([f"q=zzzz{i}", *[f"location={'y' * 290}"] * 7])
        response = client.get(f"/api/events?{query}", headers={"Accept-Encoding": accept_encoding})
        assert response.status_code == 200
    cache = app.extensions["feeds.response_cache"]
    assert 0 < len(cache) < 200
    assert cache.size <= cap
    assert _held_bytes(cache) <= cap


def test_it_can_be_turned_off(db_path, stocked, renders):
    app = create_app({"DATABASE": str(db_path), "TESTING": True, "RESPONSE_CACHE_BYTES": 0})
    client = app.test_client()
    assert client.get("/calendar.ics").data == client.get("/calendar.ics").data
    assert len(renders) == 2
    assert "feeds.response_cache" not in app.extensions


def test_if_none_match_parsing():
    assert response_cache._matches('W/"abc-gzip", "def"', "abc")
    assert response_cache._matches("*", "abc")
    assert not response_cache._matches('"abcd"', "abc")
