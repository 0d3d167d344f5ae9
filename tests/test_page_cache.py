"""Event, article, month and embed pages carry an ETag, answer 304, and are served from the response cache
per language (issue 19): their inline style is allowed by its hash, so nothing in them changes per request."""

from __future__ import annotations

import pytest
from conftest import make_event, make_report, save
from page_data import TODAY, fill

from feeds.web import clock, pages

ACCENT = "/embed?accent=%23006400&theme=light"


@pytest.fixture
def urls(db) -> list[str]:
    uids = fill(db)
    return [f"/events/{uids.fair}", f"/articles/{uids.article}", f"/calendar/{TODAY.year}/{TODAY.month}", "/embed",
            ACCENT, "/embed?view=month"]


@pytest.fixture
def views(monkeypatch) -> list[str]:
    """Every render of a page template: a 304 or a cached answer adds none."""
    calls: list[str] = []
    real = pages.render_template

    def counting(name, **context):
        calls.append(name)
        return real(name, **context)

    monkeypatch.setattr(pages, "render_template", counting)
    return calls


def test_each_page_carries_validators_and_varies_by_language(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["ETag"] and response.headers["Last-Modified"], url
        assert "Accept-Language" in response.headers["Vary"], url


def test_a_current_etag_gets_a_304_without_a_render(client, urls, views):
    for url in urls:
        etag = client.get(url).headers["ETag"]
        views.clear()
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b"", url
        assert views == [], url
        # A 304 updates the headers of the copy the browser holds: it must not replace that page's policy.
        assert "Content-Security-Policy" not in again.headers, url


def test_the_same_request_twice_is_the_same_bytes_and_headers(client, urls):
    for url in urls:
        first, second = client.get(url), client.get(url)
        assert second.data == first.data, url
        assert second.headers == first.headers, url


def _warmed(app, client, urls, views):
    """Every url asked once, so the response cache holds it; the cache and its hits so far, no view counted."""
    cache = app.extensions["feeds.response_cache"]
    for url in urls:
        client.get(url)
    views.clear()
    return cache, cache.hits


def test_the_second_request_is_answered_from_the_response_cache(app, client, urls, views):
    cache, hits = _warmed(app, client, urls, views)
    for url in urls:
        client.get(url)
    assert views == [] and cache.hits == hits + len(urls)


def _in_english(url: str, by: str) -> tuple[str, dict[str, str]]:
    if by == "lang":
        return url + ("&" if "?" in url else "?") + "lang=en", {}
    return url, {"Accept-Language": "en"}


@pytest.mark.parametrize("by", ["lang", "Accept-Language"])
def test_each_language_has_its_own_etag_and_cached_copy(client, urls, by):
    for url in urls:
        english_url, headers = _in_english(url, by)
        chinese = client.get(url)
        english = client.get(english_url, headers=headers)
        assert english.headers["Content-Language"] == "en" and chinese.headers["Content-Language"] != "en", url
        assert english.headers["ETag"] != chinese.headers["ETag"], url
        assert client.get(url).data == chinese.data, url  # the English copy did not replace the Chinese one
        assert client.get(english_url, headers=headers).data == english.data, url


def test_a_data_change_gives_every_page_a_new_etag(client, db, urls):
    before = {url: client.get(url).headers["ETag"] for url in urls}
    save(db, make_report("新闻", None, make_event("全新的青岛测试展览会", TODAY.isoformat(), category="fair")))
    for url in urls:
        response = client.get(url, headers={"If-None-Match": before[url]})
        assert response.status_code == 200 and response.headers["ETag"] != before[url], url


def test_the_next_day_gives_every_page_a_new_etag(client, urls, monkeypatch):
    before = {url: client.get(url).headers["ETag"] for url in urls}
    monkeypatch.setattr(clock, "today", lambda: TODAY.replace(year=TODAY.year + 1))
    for url in urls:
        assert client.get(url).headers["ETag"] != before[url], url


def test_the_accent_style_is_allowed_by_hash_in_the_cached_answer_too(client):
    first, cached = client.get(ACCENT), client.get(ACCENT)
    policy = cached.headers["Content-Security-Policy"]
    assert "'sha256-" in policy and "nonce" not in policy
    assert policy == first.headers["Content-Security-Policy"]


def test_a_missing_page_has_no_validators(client, urls):
    for url in ("/events/nothing@feeds", "/articles/0000"):
        response = client.get(url)
        assert response.status_code == 404 and "ETag" not in response.headers, url


def test_a_request_with_a_cookie_or_credentials_is_rendered_for_it_alone(app, client, urls, views):
    cache, hits = _warmed(app, client, urls, views)
    for url in urls:
        response = client.get(url, headers={"Authorization": "Bearer k7Hq2mV9xR4tL8pZ3wN6"})
        assert response.status_code == 200 and "ETag" not in response.headers, url
    client.set_cookie("session", "editor")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200 and "ETag" not in response.headers, url
    assert cache.hits == hits and len(views) == 2 * len(urls)


def test_changed_settings_give_pages_new_etags(db, urls):
    from feeds import create_app

    def etags(title: str) -> dict[str, str]:
        path = db.execute("PRAGMA database_list").fetchone()[2]
        client = create_app({"DATABASE": path, "TESTING": True, "SITE_TITLE": title}).test_client()
        return {url: client.get(url).headers["ETag"] for url in urls}

    before, after = etags("feeds"), etags("青岛活动")
    assert all(before[url] != after[url] for url in urls)
