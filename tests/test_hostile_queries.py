"""Hostile query strings: patterns that would take a worker's memory, names that collide with url_for's
arguments or a route's, and dates at the edge of the calendar, answer 200, 400 or 404, never 500."""

from __future__ import annotations

import time

import pytest
from lxml import html as lxml_html
from page_data import fill

from feeds.web import filters
from feeds.web.filters import QueryError, apply_patterns, parse_query
from feeds.web.pattern_size import PatternTooLarge, check_pattern_size


@pytest.fixture
def uids(db):
    return fill(db)


# --- filter patterns ------------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", ["a{3000000}", "a{1000000000}", "((a{50}){50}){50}", "(?:x{40}|y){40}{40}",
                                     "[a-z]{1001}", r"\p{Han}{5000,}", "a{2}{1000}{1000}"])
def test_a_pattern_that_would_compile_huge_is_refused_before_compiling(client, uids, monkeypatch, pattern):
    compiled: list[str] = []
    monkeypatch.setattr(filters, "_compile", lambda source, flags: compiled.append(source))
    started = time.monotonic()
    response = client.get("/api/events", query_string={"filter": pattern})
    assert response.status_code == 400
    assert "filter repeats" in response.json["error"]
    assert compiled == []
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("pattern", ["会{1,3}议", r"\d{4}年", "(论坛|峰会){1,2}", "x{e<=1}", r"\p{Han}{2,10}",
                                     "[{]", "a{,5}", "[a-z]{1000}"])
def test_ordinary_patterns_are_still_taken(client, uids, pattern):
    assert client.get("/api/events", query_string={"filter": pattern}).status_code == 200


def test_the_estimate_multiplies_nested_counts_and_ignores_braces_that_are_not_counts():
    assert check_pattern_size("ab{3}") == 4
    assert check_pattern_size("(ab){3}") == 6
    assert check_pattern_size("((ab){3}c){2}") == 14
    assert check_pattern_size(r"\p{L}{10}") == 10
    assert check_pattern_size("[{}]{5}") == 5
    assert check_pattern_size("a*b+c?") == 3
    with pytest.raises(PatternTooLarge):
        check_pattern_size("(?:(?:a{20}){20}){20}")


def test_compiling_counts_against_the_matching_budget():
    query = parse_query({"filter": "(论坛|峰会){1,2}"}, max_items=10)
    with pytest.raises(QueryError, match="took too long"):
        apply_patterns([], query, "http://localhost/", budget=-1.0)


# --- names a route or url_for already uses -----------------------------------------------------


COLLIDING = ["endpoint", "_method", "_external", "_anchor", "_scheme", "values", "uid", "year", "month",
             "article_id", "category", "filename", "lang"]


@pytest.mark.parametrize("name", COLLIDING)
def test_query_names_that_collide_with_url_building_are_plain_parameters(client, uids, name):
    pages = ["/", "/calendar/2023/12", f"/events/{uids.fair}", f"/articles/{uids.article}", "/calendar/interactive",
             "/embed", "/embed/builder", "/no-such-page"]
    for page in pages:
        response = client.get(page, query_string={name: "1"})
        assert response.status_code in (200, 400, 404), (page, name, response.status_code)
        links = lxml_html.fromstring(response.get_data(as_text=True)).xpath("//a[@hreflang]/@href")
        for link in links:  # the language link: this page, relative, with the query as it came
            assert link.startswith("/") and "#" not in link, (page, link)
            assert "lang=" in link


def test_the_language_link_keeps_the_query_and_ignores_url_for_keywords(client, uids):
    page = client.get("/calendar/2023/12?_external=1&_anchor=top&month=1&q=论坛").get_data(as_text=True)
    [link] = lxml_html.fromstring(page).xpath("//a[@hreflang]/@href")
    assert link.startswith("/calendar/2023/12?")
    assert "_external=1" in link and "_anchor=top" in link and "month=1" in link and "lang=en" in link


# --- dates at the edge of the calendar -----------------------------------------------------------


EDGES = [("end", "0001-01-01"), ("start", "9999-12-31T23:59:59-12:00"), ("end", "0001-01-01T00:00:00+14:00"),
         ("from", "9999-12-31"), ("to", "0001-01-01"), ("start", "0001-01-01T00:00:00+14:00"),
         ("end", "9999-12-31T23:59:59-12:00")]
SYNDICATION = ["/api/events", "/calendar.ics", "/categories/fair.ics", "/feed.rss", "/feed.atom", "/feed.json"]
PAGES = ["/", "/calendar", "/calendar/interactive", "/embed"]
"""Pages take `from` and `to` only (start and end are FullCalendar's, for the API)."""


@pytest.mark.parametrize(("name", "value"), EDGES)
def test_dates_at_the_edge_of_the_calendar_are_a_400(client, uids, name, value):
    paths = SYNDICATION + (PAGES if name in ("from", "to") else [])
    for path in paths:
        response = client.get(path, query_string={name: value, "lang": "en"})
        assert response.status_code == 400, (path, response.status_code)
        assert "between 0001-01-02 and 9999-12-30" in response.get_data(as_text=True)
        if not path.startswith("/api/"):  # the API's `error` stays English, for scripts; pages and feeds follow lang
            assert "0001-01-02 到 9999-12-30" in client.get(path, query_string={name: value}).get_data(as_text=True)


def test_the_days_next_to_the_edges_are_taken(client, uids):
    assert client.get("/api/events?start=0001-01-02&end=9999-12-30").status_code == 200


# --- embed.js ------------------------------------------------------------------------------------


def test_embed_js_is_cacheable_for_an_hour_and_nothing_contradicts_it(client):
    response = client.get("/embed.js")
    assert response.headers["Cache-Control"] == "public, max-age=3600"
