"""Fuzzing with bounded examples: `feeds dates`, the page pipeline, bytes decoding and every GET route's
parameters end in an answer or a clear refusal, never a traceback or a 500.

Texts for the date grammar and the pipeline stay under 300 characters: their worst cases on long
inputs are a matter of speed (bench/), not of crashing.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from page_data import fill

from feeds import create_app, store
from feeds.cli import main
from feeds.extract.pipeline import extract_page
from feeds.files import RejectedFile, source_from_bytes
from feeds.ingest import ingest_text
from feeds.models import PAGE_PARAMS

DATE_CHARS = ("0123456789年月日号十一二三四五六七八九〇零两百千万为期天周个月至到—-~／/：:，。、（）()"
              "今明后昨本下上旬初底中")
WORDS = ["举行", "开幕", "闭幕", "将于", "为期", "截止", "届", "2023年", "12月", "十十", "十一九", "三十十", "\n\n# ",
         "May", "Jan.", "2024-02-30", "13月32日", "9999年", "\ud800", "\udfff", "\u2028", "\x00", "\ufeff", "𠀀"]
HOSTILE_TEXT = st.lists(st.one_of(st.sampled_from(list(DATE_CHARS)), st.sampled_from(WORDS), st.characters()),
                        max_size=120).map("".join).filter(lambda text: len(text) < 300)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
FUZZ = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
"""Derandomized: the suite tries the same examples every run (a CI failure reproduces); raise max_examples and
drop derandomize locally to explore further (1,500 random examples each, 1,000 for the routes and 300 for the
posts passed when this was written)."""


# --- numerals that are not numbers and characters that are not characters (finding 8) -------------


@pytest.mark.parametrize("text", ["5月1日举行，为期十十天", "5月1日举行，为期十一九天", "5月1日举行，为期三十十天"])
def test_feeds_dates_reads_past_a_numeral_that_is_not_one(text):
    result = CliRunner().invoke(main, ["dates", "--published", "2024-01-01", text])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("5月1日\t")


def test_a_bad_numeral_does_not_cost_the_page_its_other_events(db):
    page = ("# 两场活动\n\n第五届青岛国际会展论坛将于5月1日举行，为期十十天。\n\n"
            "2024青岛中小企业国际采购洽谈会于11月22日至24日在青岛国际会展中心举行。\n")
    _articles, counts = ingest_text(db, page, "page.txt", published=dt.date(2024, 1, 1))
    assert counts.new == 2
    assert {e.title for e in store.query_events(db, store.read.Selection())} >= {"2024青岛中小企业国际采购洽谈会"}


def test_lone_surrogates_are_dropped_before_the_traditional_to_simplified_step():
    [found] = extract_page("# 標題\n\n第33屆青島國際啤酒節將於2023年7月21日舉行\ud800\udfff。", None)
    assert found.events[0].title == "第33屆青島國際啤酒節"  # read in simplified, given back as printed
    assert "\ud800" not in found.article.body


# --- fuzz: dates, the pipeline, bytes --------------------------------------------------------------


@FUZZ
@given(text=HOSTILE_TEXT)
def test_feeds_dates_never_ends_in_a_traceback(text):
    result = CliRunner().invoke(main, ["dates", "--published", "2023-06-15", "--json", "--", text])
    assert result.exception is None, (text, result.exception)
    assert result.exit_code == 0


@FUZZ
@given(text=HOSTILE_TEXT, published=PUBLISHED)
def test_the_page_pipeline_never_raises(text, published):
    for article in extract_page(text, published):
        for event in article.events:
            assert event.interval.start <= event.interval.end


CHARSETS = [None, "utf-8", "gbk", "gb2312", "big5", "utf-16", "utf-32", "latin-1", "rot13", "zlib", "base64",
            "undefined", "utf-7", "idna", "punycode", "cp037", "klingon", "", "utf-8-sig", "shift_jis"]


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), HOSTILE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      HOSTILE_TEXT.map(lambda t: t.encode("gb18030", "replace"))),
       charset=st.sampled_from(CHARSETS), html=st.booleans())
def test_bytes_decode_to_text_or_a_reason(data, charset, html):
    try:
        source = source_from_bytes(data, "upload.txt", charset=charset or None, html=html)
    except RejectedFile as rejected:
        assert rejected.reason
    else:
        assert source.text.strip()
        source.text.encode("utf-8")  # no lone surrogate reaches the pipeline or the store


# --- every GET route x every parameter name x hostile values -------------------------------------


URL_FOR_KEYWORDS = ["endpoint", "_method", "_external", "_anchor", "_scheme", "values", "filename"]
ROUTE_ARGUMENTS = ["uid", "year", "month", "article_id", "category"]
LISTING_PARAMS = ["start", "end", "status", "limit", "filter", "filter_title", "filter_description", "filterout",
                  "filterout_title", "filterout_description", "filter_category", "filterout_category",
                  "filter_case_sensitive"]
OTHER_PARAMS = ["lang", "view", "theme", "frame", "accent", "embed_lang", "published", "source_url"]
NAMES = [*PAGE_PARAMS, *LISTING_PARAMS, *OTHER_PARAMS, *URL_FOR_KEYWORDS, *ROUTE_ARGUMENTS]
HOSTILE_VALUES = ["0001-01-01", "9999-12-31T23:59:59-12:00", "a{1000000000}", "(.|.)*(?!)", "99999999999999999999",
                  "\u202e<script>alert(1)</script>\x00\r\nX: y", "x" * 3000, "[", "2023-02-30", "１２３"]
"""Each kind once: calendar edges, a pattern too large to compile and one that backtracks, a number too large,
markup with control characters, a long value, broken syntax, an impossible day, full-width digits."""
QUERY_TEXT = st.one_of(st.text(max_size=200), HOSTILE_TEXT).map(lambda t: t.encode("utf-8", "replace").decode())
"""A URL carries UTF-8: lone surrogates cannot be sent (percent-encoded invalid bytes arrive as U+FFFD)."""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = create_app({"DATABASE": str(tmp_path_factory.mktemp("fuzz") / "feeds.db"), "TESTING": True,
                      "INGEST_TOKEN": "fuzz-token-0123456789", "INGEST_RATE_PER_MINUTE": 100000})
    with app.app_context():
        from feeds.web.db import get_db

        uids = fill(get_db())
    return app.test_client(), uids


def routes(uids) -> list[str]:
    """Every GET route of the app, its arguments filled with values that exist."""
    return ["/", "/calendar", "/calendar/2023/12", "/calendar/interactive", f"/events/{uids.fair}",
            f"/articles/{uids.article}", "/embed", "/embed.js", "/embed/builder", "/calendar.ics",
            "/categories/fair.ics", f"/events/{uids.fair}.ics", "/feed.rss", "/feed.atom", "/feed.json",
            "/api/events", f"/api/events/{uids.fair}", "/api/openapi.json", "/healthz", "/no-such-page",
            "/api/articles"]


def assert_answered(response, where) -> None:
    body = response.get_data(as_text=True)
    assert response.status_code < 500, (where, response.status_code, body[:300])
    assert "Traceback" not in body, where


GRID_VALUES = ["0001-01-01", "a{1000000000}", "99999999999999999999", "\u202e<script>alert(1)</script>\x00\r\nX: y"]
"""The grid's values (about 8 ms a request): the ones that broke a route before, each of another kind."""


@pytest.mark.slow
def test_every_route_every_parameter_name_hostile_values(site):
    client, uids = site
    for route in routes(uids):
        for name in NAMES:
            for value in GRID_VALUES:
                assert_answered(client.get(route, query_string={name: value}), (route, name, value))


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_routes_with_random_parameters(site, data):
    client, uids = site
    route = data.draw(st.sampled_from(routes(uids)))
    names = st.one_of(st.sampled_from(NAMES), QUERY_TEXT)
    values = st.one_of(st.sampled_from(HOSTILE_VALUES), QUERY_TEXT)
    query = data.draw(st.lists(st.tuples(names, values), max_size=6))
    assert_answered(client.get(route, query_string=query), (route, query))


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300), charset=st.sampled_from(CHARSETS), multipart=st.booleans())
def test_posted_articles_in_any_bytes_and_charset(site, body, charset, multipart):
    client, _uids = site
    kind = "text/plain" + (f"; charset={charset}" if charset else "")
    auth = {"Authorization": "Bearer fuzz-token-0123456789"}
    if multipart:
        response = client.post("/api/articles", headers=auth, content_type="multipart/form-data",
                               data={"file": (io.BytesIO(body), "page.txt", kind)})
    else:
        response = client.post("/api/articles", headers=auth, data=body, content_type=kind)
    assert_answered(response, (body, charset, multipart))
