"""The JSON API: FullCalendar's event-source shape, one event with its mentions, and the OpenAPI document."""

from __future__ import annotations

import json
import re

import pytest
from clients import node_json
from sample_events import fill

from feeds.web import articles_api, editor_api
from feeds.web.syndication import bp


@pytest.fixture
def uids(db):
    return fill(db)


def by_id(client, url: str) -> dict[str, dict]:
    response = client.get(url)
    assert response.status_code == 200, response.data
    return {event["id"]: event for event in response.json}


# --- FullCalendar's shape -------------------------------------------------------------------------


def test_events_are_a_json_array_in_start_order(client, uids):
    starts = [event["start"][:10] for event in client.get("/api/events").json]
    assert starts == sorted(starts) and len(starts) == len(uids)


def test_all_day_event_has_dates_and_an_exclusive_end(client, uids):
    event = by_id(client, "/api/events")[uids["congress"]]
    assert (event["start"], event["end"], event["allDay"]) == ("2022-11-29", "2022-12-02", True)
    assert (event["firstDay"], event["lastDay"]) == ("2022-11-29", "2022-12-01")


def test_timed_event_has_beijing_datetimes(client, uids):
    event = by_id(client, "/api/events")[uids["opening"]]
    assert (event["start"], event["end"], event["allDay"]) == (
        "2022-11-22T09:00:00+08:00",
        "2022-11-22T11:30:00+08:00",
        False,
    )


def test_timed_event_with_unknown_end_has_no_end(client, uids):
    assert "end" not in by_id(client, "/api/events")[uids["signing"]]


def test_month_event_spans_the_month_and_says_so(client, uids):
    event = by_id(client, "/api/events")[uids["month"]]
    assert (event["start"], event["end"], event["precision"]) == ("2023-05-01", "2023-06-01", "month")
    assert event["title"] == "招商月（日期待定）"


def test_event_links_to_its_page_and_its_calendar_file(client, uids):
    event = by_id(client, "/api/events")[uids["congress"]]
    assert event["url"] == f"http://localhost/events/{uids['congress']}"
    assert event["ics"] == f"http://localhost/events/{uids['congress']}.ics"


def test_event_carries_our_own_fields(client, uids):
    event = by_id(client, "/api/events")[uids["cancelled"]]
    assert event["title"] == "[已取消] 青岛马拉松"
    assert event["name"] == "青岛马拉松"
    assert (event["category"], event["categoryLabel"], event["status"]) == (
        "competition",
        "比赛",
        "cancelled",
    )
    assert (event["location"], event["sequence"]) == ("青岛", 0)
    assert event["evidence"] == "青岛马拉松将于2023-04-16举行。"
    assert "feeds-cancelled" in event["classNames"]


# --- FullCalendar's range parameters ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("start=2022-11-01&end=2022-12-01", {"opening", "signing", "congress"}),
        ("start=2022-11-01&end=2022-11-29", {"opening", "signing"}),  # end is exclusive
        ("start=2022-11-30&end=2022-12-31", {"congress", "deadline"}),  # overlapping counts
        ("start=2022-11-01T00:00:00%2B08:00&end=2022-11-29T00:00:00%2B08:00", {"opening", "signing"}),
        ("start=2022-10-31T16:00:00Z&end=2022-11-28T16:00:00Z", {"opening", "signing"}),
        ("from=2022-11-23&to=2022-11-29", {"signing", "congress"}),  # from / to are inclusive
    ],
)
def test_range_parameters(client, uids, query, keys):
    assert set(by_id(client, f"/api/events?{query}")) == {uids[k] for k in keys}


def test_filters_combine_with_the_range(client, uids):
    assert set(by_id(client, "/api/events?start=2022-11-01&end=2022-12-31&category=fair")) == {
        uids["opening"]
    }


def test_bad_parameter_is_a_json_error(client, uids):
    response = client.get("/api/events?start=yesterday")
    assert response.status_code == 400
    assert "start" in response.json["error"]


# --- one event ------------------------------------------------------------------------------------


def test_one_event_has_its_mentions(client, uids):
    event = client.get(f"/api/events/{uids['congress']}").json
    [mention] = event["mentions"]
    assert mention["headline"] == "工博会在青岛开幕"
    assert mention["published"] == "2022-11-22"
    assert mention["url"] == "https://news.example.org/2022/11/22/expo.html"
    assert mention["evidence"] == "2022世界工业互联网产业大会将于2022-11-29举行。"


def test_mention_without_source_url_links_to_the_article_page(client, uids):
    [mention] = client.get(f"/api/events/{uids['deadline']}").json["mentions"]
    assert mention["url"] == f"http://localhost/articles/{mention['articleId']}"


def test_unknown_event_is_a_json_404(client, uids):
    response = client.get("/api/events/nobody@feeds")
    assert response.status_code == 404
    assert response.json == {"error": "no event 'nobody@feeds'"}


# --- OpenAPI --------------------------------------------------------------------------------------


def openapi_path(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)


def test_openapi_describes_every_route_of_the_blueprint(app, client):
    documented = set(client.get("/api/openapi.json").json["paths"])
    blueprints = (bp.name + ".", articles_api.bp.name + ".", editor_api.bp.name + ".")
    served = {openapi_path(r.rule) for r in app.url_map.iter_rules() if r.endpoint.startswith(blueprints)}
    assert served == documented


def test_openapi_lists_each_path_parameter(client):
    doc = client.get("/api/openapi.json").json
    parameters = doc["components"]["parameters"]
    for path, item in doc["paths"].items():
        declared = {
            parameters[ref["$ref"].rsplit("/", 1)[1]]["name"]
            for operation in item.values()
            for ref in operation["parameters"]
            if "$ref" in ref
            if parameters[ref["$ref"].rsplit("/", 1)[1]]["in"] == "path"
        }
        assert declared == set(re.findall(r"{(\w+)}", path)), path


def test_openapi_names_this_server(client):
    assert client.get("/api/openapi.json").json["servers"] == [{"url": "http://localhost"}]


def test_openapi_document_is_valid_by_the_official_schema(client, tmp_path):
    path = tmp_path / "openapi.json"
    path.write_bytes(client.get("/api/openapi.json").data)
    result = node_json("openapi.mjs", str(path), module="@seriousme/openapi-schema-validator")
    assert result["valid"], json.dumps(result["errors"], indent=1)
    assert result["version"] == "3.1"
