"""POST /api/articles: off without a token, bearer auth, size and rate limits, idempotent like the CLI."""

from __future__ import annotations

import io
import logging

import pytest
from conftest import dump
from opencc import OpenCC

from feeds import create_app, store
from feeds.ingest import ingest_paths
from feeds.models import Selection
from feeds.web import articles_api
from feeds.web.ratelimit import RateLimiter

TOKEN = "k7Hq2mV9xR4tL8pZ3wN6"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BEER = (
    "# 第33届青岛国际啤酒节7月21日开幕\n\n"
    "本报讯 第33届青岛国际啤酒节将于7月21日至8月6日在西海岸新区金沙滩啤酒城举行。\n"
)
BEER_LATER = (
    "# 啤酒节闭幕时间推迟\n\n"
    "本报讯 记者从组委会获悉，第33届青岛国际啤酒节将于7月21日至8月13日在西海岸新区金沙滩啤酒城举行。\n"
)
FAIR = (
    "# 采洽会开幕\n\n"
    "2022青岛中小企业国际采购洽谈会于11月22日至24日在青岛国际会展中心举行。\n"
)


@pytest.fixture
def app(db_path):
    return create_app({"DATABASE": str(db_path), "TESTING": True, "INGEST_TOKEN": TOKEN})


def post(client, body: bytes | str = BEER, *, query: str = "?published=2023-07-01", headers=None, **kwargs):
    kwargs.setdefault("content_type", "text/plain; charset=utf-8")
    data = body.encode() if isinstance(body, str) else body
    return client.post("/api/articles" + query, data=data, headers=AUTH if headers is None else headers, **kwargs)


def events(db):
    return store.query_events(db, Selection())


# --- on, off and who may post ------------------------------------------------------------------


def test_without_a_token_configured_the_endpoint_is_not_there(db_path, db):
    client = create_app({"DATABASE": str(db_path), "TESTING": True}).test_client()
    response = post(client)
    assert response.status_code == 404
    assert events(db) == []


def test_a_token_too_short_to_be_safe_leaves_the_endpoint_off(db_path, db):
    client = create_app({"DATABASE": str(db_path), "TESTING": True, "INGEST_TOKEN": "1234"}).test_client()
    assert post(client, headers={"Authorization": "Bearer 1234"}).status_code == 404


def test_the_token_can_come_from_the_environment(db_path, monkeypatch):
    monkeypatch.setenv("FEEDS_INGEST_TOKEN", "12345678901234567890")  # read as JSON: a number
    client = create_app({"DATABASE": str(db_path), "TESTING": True}).test_client()
    assert post(client, headers={"Authorization": "Bearer 12345678901234567890"}).status_code == 201


def test_no_token_is_401_with_a_bearer_challenge(client, db):
    response = post(client, headers={})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="feeds"'
    assert events(db) == []


def test_a_wrong_token_is_401_and_stores_nothing(client, db):
    before = dump(db)
    response = post(client, headers={"Authorization": f"Bearer {TOKEN}x"})
    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    assert dump(db) == before


def test_basic_auth_with_the_token_is_not_accepted(client):
    assert post(client, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401


def test_the_token_is_compared_in_constant_time(client, monkeypatch):
    compared = []

    def compare(a, b):
        compared.append((a, b))
        return a == b

    monkeypatch.setattr(articles_api.hmac, "compare_digest", compare)
    assert post(client).status_code == 201
    assert len(compared) == 1


# --- what it stores and answers ----------------------------------------------------------------


def test_an_article_is_stored_and_its_events_listed(client, db):
    response = post(client)
    assert response.status_code == 201
    [event] = response.json["events"]
    assert event["title"] == "第33届青岛国际啤酒节"
    assert (event["start"], event["end"], event["change"]) == ("2023-07-21", "2023-08-06", "new")
    assert [e.uid for e in events(db)] == [event["uid"]]
    assert response.json["articles"][0]["published"] == "2023-07-01"


def test_posting_the_same_article_again_changes_nothing(client, db):
    first = post(client)
    before = dump(db)
    again = post(client)
    assert again.status_code == 200
    assert [e["change"] for e in again.json["events"]] == ["unchanged"]
    assert again.json["events"][0]["uid"] == first.json["events"][0]["uid"]
    assert dump(db) == before


def test_a_later_report_updates_the_event_under_the_same_uid(client, db):
    first = post(client)
    later = post(client, BEER_LATER, query="?published=2023-07-10")
    [event] = later.json["events"]
    assert (event["uid"], event["end"], event["change"]) == (first.json["events"][0]["uid"], "2023-08-13", "updated")
    assert event["sequence"] == 1


def test_the_answer_matches_what_the_cli_stores(client, tmp_path):
    """HTTP and `feeds ingest` give the same uids: a newsroom can switch between them."""
    page = tmp_path / "fair.txt"
    page.write_text(FAIR, encoding="utf-8")
    other = store.open_db(tmp_path / "cli.db")
    ingest_paths(other, [page], published=None)
    cli_uids = [e.uid for e in events(other)]
    other.close()
    answer = post(client, FAIR, query="")
    assert [e["uid"] for e in answer.json["events"]] == cli_uids


def test_a_gbk_body_with_its_charset_is_read(client):
    response = post(client, BEER.encode("gbk"), content_type="text/plain; charset=gbk")
    assert response.json["events"][0]["title"] == "第33届青岛国际啤酒节"


def test_a_gb18030_body_without_a_charset_is_detected(client):
    response = post(client, BEER.encode("gb18030"), content_type="text/plain")
    assert response.json["events"][0]["location"] == "西海岸新区金沙滩啤酒城"


def test_a_body_that_is_not_in_its_declared_charset_is_422(client, db):
    response = post(client, BEER.encode("gbk"), content_type="text/plain; charset=utf-8")
    assert response.status_code == 422
    assert response.json["error"].startswith("invalid utf-8 at byte")
    assert events(db) == []


def test_an_unknown_charset_is_422(client):
    response = post(client, content_type="text/plain; charset=klingon")
    assert response.status_code == 422
    assert "unknown charset" in response.json["error"]


@pytest.mark.parametrize("charset", ["rot13", "zlib", "base64", "hex", "bz2", "uu", "quopri", "undefined"])
def test_a_charset_that_is_not_a_text_encoding_is_422(client, db, charset):
    response = post(client, content_type=f"text/plain; charset={charset}")
    assert response.status_code == 422
    assert response.json["error"] == f"charset {charset!r} is not a text encoding"
    assert events(db) == []


def test_a_file_part_with_a_charset_that_is_not_a_text_encoding_is_422(client, db):
    data = {"file": (io.BytesIO(BEER.encode()), "beer.txt", "text/plain; charset=rot13")}
    response = client.post("/api/articles", data=data, headers=AUTH, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "not a text encoding" in response.json["error"]


def test_a_gbk_body_declared_as_big5_is_422_and_says_what_it_reads_as(client, db):
    response = post(client, BEER.encode("gbk"), content_type="text/plain; charset=big5")
    assert response.status_code == 422
    assert response.json["error"] == "the text does not read as big5, its declared charset; it reads as gb18030"
    assert events(db) == []


def test_a_form_with_too_many_parts_is_413_and_says_so(client, db):
    data = {f"field{i}": "x" for i in range(1200)} | {"file": (io.BytesIO(BEER.encode()), "beer.txt")}
    response = client.post("/api/articles", data=data, headers=AUTH, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "more than 1000 parts" in response.json["error"]
    assert events(db) == []


def test_a_huge_form_field_is_413_and_says_so(client, db):
    data = {"published": "x" * 600_000, "file": (io.BytesIO(BEER.encode()), "beer.txt")}
    response = client.post("/api/articles", data=data, headers=AUTH, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "a field other than `file` larger than 500000 bytes" in response.json["error"]


def test_an_html_body_loses_its_scripts(client, db):
    page = (
        "<html><head><script>track()</script></head><body><h1>第33届青岛国际啤酒节7月21日开幕</h1>"
        "<p>本报讯 第33届青岛国际啤酒节将于7月21日至8月6日在西海岸新区金沙滩啤酒城举行。</p>"
        "<script>alert(1)</script></body></html>"
    )
    response = post(client, page, content_type="text/html; charset=utf-8")
    assert response.status_code == 201
    article = store.get_article(db, response.json["articles"][0]["id"])
    assert "alert" not in article["text"] and "track" not in article["text"]


def test_a_big5_file_upload_with_form_fields(client, db):
    traditional = OpenCC("s2t").convert(BEER)
    data = {
        "file": (io.BytesIO(traditional.encode("big5")), "beer-festival.txt"),
        "published": "2023-07-01",
        "source_url": "https://news.example/2023/07/01/beer.html",
    }
    response = client.post("/api/articles", data=data, headers=AUTH, content_type="multipart/form-data")
    assert response.status_code == 201, response.json
    [event] = events(db)
    assert (event.start, event.end) == ("2023-07-21", "2023-08-06")
    assert event.mentions[0].source_url == "https://news.example/2023/07/01/beer.html"
    assert store.get_article(db, event.mentions[0].article_id)["source"] == "beer-festival.txt"


def test_a_form_without_a_file_is_400(client):
    response = client.post(
        "/api/articles", data={"published": "2023-07-01"}, headers=AUTH, content_type="multipart/form-data"
    )
    assert response.status_code == 400


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["?published=2023-7-1", "?published=2023-02-30", "?published=yesterday"])
def test_a_bad_publication_date_is_400(client, db, query):
    response = post(client, query=query)
    assert response.status_code == 400 and response.json["error"].startswith("published")
    assert events(db) == []


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://news.example/a", "https://news.example/a b", "https://news.example/\"><"]
)
def test_a_source_url_that_is_not_a_plain_web_address_is_400(client, db, url):
    response = client.post(
        "/api/articles", query_string={"source_url": url}, data=BEER.encode(), headers=AUTH, content_type="text/plain"
    )
    assert response.status_code == 400 and response.json["error"].startswith("source_url")
    assert events(db) == []


def test_an_empty_body_is_422(client):
    response = post(client, b"")
    assert (response.status_code, response.json["error"]) == (422, "empty file")


def test_a_binary_body_is_422(client):
    response = post(client, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, content_type="text/plain")
    assert response.status_code == 422 and response.json["error"].startswith("binary")


def test_an_unsupported_content_type_is_415(client):
    assert post(client, content_type="application/pdf").status_code == 415


def test_a_body_over_the_limit_is_413_and_stores_nothing(db_path, db):
    app = create_app({"DATABASE": str(db_path), "TESTING": True, "INGEST_TOKEN": TOKEN, "INGEST_MAX_BYTES": 1000})
    response = post(app.test_client(), BEER * 20)
    assert response.status_code == 413
    assert events(db) == []


def test_an_upload_over_the_limit_is_413(db_path):
    app = create_app({"DATABASE": str(db_path), "TESTING": True, "INGEST_TOKEN": TOKEN, "INGEST_MAX_BYTES": 1000})
    data = {"file": (io.BytesIO((BEER * 20).encode()), "big.txt")}
    response = app.test_client().post("/api/articles", data=data, headers=AUTH, content_type="multipart/form-data")
    assert response.status_code == 413


def test_an_extraction_failure_is_422_and_stores_nothing(client, db, monkeypatch):
    def broken(text, published=None):
        raise ValueError("no sentence boundary")

    monkeypatch.setattr("feeds.ingest.extract_page", broken)
    response = post(client)
    assert (response.status_code, response.json["error"]) == (422, "failed: ValueError: no sentence boundary")
    assert store.article_ids(db) == []


@pytest.mark.slow
def test_a_database_locked_by_another_writer_is_503_and_stores_nothing(client, db, db_path, monkeypatch):
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    writer = store.open_db(db_path)
    with store.transaction(writer):
        response = post(client)
    writer.close()
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert store.article_ids(db) == []


# --- rate limit --------------------------------------------------------------------------------


def limited_client(db_path, per_minute: int):
    config = {"DATABASE": str(db_path), "TESTING": True, "INGEST_TOKEN": TOKEN, "INGEST_RATE_PER_MINUTE": per_minute}
    return create_app(config).test_client()


def test_too_many_posts_from_one_address_get_429_with_retry_after(db_path):
    client = limited_client(db_path, 2)
    assert [post(client).status_code for _ in range(2)] == [201, 200]
    refused = post(client)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 30


def test_wrong_tokens_count_against_the_rate_limit(db_path):
    client = limited_client(db_path, 2)
    for _ in range(2):
        assert post(client, headers={"Authorization": "Bearer guess"}).status_code == 401
    assert post(client).status_code == 429


def test_the_rate_limit_is_per_client_address(db_path):
    client = limited_client(db_path, 1)
    assert post(client).status_code == 201
    assert post(client).status_code == 429
    other = post(client, environ_base={"REMOTE_ADDR": "127.0.0.2"})
    assert other.status_code == 200


def test_the_bucket_refills_with_time():
    now = [1000.0]
    limiter = RateLimiter(6, clock=lambda: now[0])
    assert [limiter.acquire("a") for _ in range(7)] == [0] * 6 + [10]
    now[0] += 10
    assert limiter.acquire("a") == 0
    assert limiter.acquire("a") == 10


def test_the_limiter_forgets_idle_clients_to_bound_memory(monkeypatch):
    monkeypatch.setattr("feeds.web.ratelimit.MAX_CLIENTS", 4)
    now = [0.0]
    limiter = RateLimiter(60, clock=lambda: now[0])
    for address in ("a", "b", "c", "d"):
        limiter.acquire(address)
    now[0] += 61
    limiter.acquire("e")
    assert set(limiter.buckets) == {"e"}


# --- documented and logged ---------------------------------------------------------------------


def test_the_openapi_document_describes_the_post(client):
    operation = client.get("/api/openapi.json").json["paths"]["/api/articles"]["post"]
    assert operation["security"] == [{"bearer": []}]
    assert {"201", "200", "401", "404", "413", "429"} <= set(operation["responses"])
    assert {"text/plain", "multipart/form-data"} <= set(operation["requestBody"]["content"])


def test_each_ingest_is_logged_with_its_counts(client, caplog):
    with caplog.at_level(logging.INFO, logger="feeds"):
        post(client)
    assert any("1 new, 0 updated, 0 unchanged" in record.getMessage() for record in caplog.records)
