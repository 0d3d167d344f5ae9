"""Facts the store keeps beside the extractor's words (feeds/report_facts.py), and every surface showing them:
a postponement with its earlier dates, a part that follows its event, a deadline that is a point in time."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import NOW

from feeds import ingest, store
from feeds.models import Selection
from feeds.report_facts import parent_of

FAIR = "第十届青岛国际茶文化博览会"
ANNOUNCED = (
    "# 茶博会下月开幕\n\n本报讯 第十届青岛国际茶文化博览会将于12月4日至7日在青岛国际会展中心举行。"
    "开幕式12月4日上午9时30分举行。\n"
)
MOVED = ("# 茶博会延期\n\n本报讯 记者从主办方获悉，第十届青岛国际茶文化博览会延期至12月11日至14日"
         "在青岛国际会展中心举行。\n")
CANCELLED = "# 茶博会取消\n\n本报讯 记者从主办方获悉，原定12月举行的第十届青岛国际茶文化博览会取消举办。\n"
DEADLINE = "# 征集意见\n\n本报讯 “我为城市发展献计策”意见建议征集活动即日起至12月15日进行。\n"


def put(db, text: str, published: str, days: int = 0) -> None:
    ingest.ingest_text(db, text, f"{published}.txt", published=dt.date.fromisoformat(published),
                       now=NOW + dt.timedelta(days=days))


def by_title(db):
    return {e.title: e for e in store.query_events(db, Selection())}


def test_a_part_names_the_event_it_belongs_to():
    assert parent_of(FAIR + "开幕式", [FAIR, FAIR + "开幕式"]) == FAIR
    assert parent_of(FAIR + "分论坛", [FAIR]) == FAIR
    assert parent_of(FAIR + "开幕式", [FAIR + "开幕式"]) is None
    assert parent_of("青岛国际啤酒节", [FAIR]) is None


# --- postponed -------------------------------------------------------------------------------------


@pytest.fixture
def moved(db):
    put(db, ANNOUNCED, "2022-11-20")
    put(db, MOVED, "2022-11-28", days=1)
    return by_title(db)


def test_a_postponement_is_a_stored_status_with_the_earlier_dates(moved):
    fair = moved[FAIR]
    assert (fair.status, fair.start, fair.end) == ("postponed", "2022-12-11", "2022-12-14")
    assert fair.previous == [("2022-12-04", "2022-12-07")]
    assert fair.sequence == 1


def test_calendars_feeds_and_the_api_carry_the_postponement(moved, client):
    uid = moved[FAIR].uid
    ics = client.get(f"/events/{uid}.ics").get_data(as_text=True).replace("\r\n ", "")
    assert "STATUS:CONFIRMED" in ics and "SUMMARY:[已延期] " + FAIR in ics
    assert "DTSTART;VALUE=DATE:20221211" in ics and "原定：2022年12月4日" in ics
    api = client.get(f"/api/events/{uid}").get_json()
    assert api["status"] == "postponed" and api["previous"] == [{"start": "2022-12-04", "end": "2022-12-07"}]
    item = next(i for i in client.get("/feed.json").get_json()["items"] if i["_feeds"]["uid"] == uid)
    assert item["_feeds"]["status"] == "postponed" and "[已延期]" in item["title"]
    page = client.get(f"/events/{uid}").get_data(as_text=True)
    assert "EventRescheduled" in page and "2022-12-04" in page


# --- related events --------------------------------------------------------------------------------


def test_an_opening_ceremony_is_linked_to_its_event_and_follows_it_when_it_moves(moved):
    opening, fair = moved[FAIR + "开幕式"], moved[FAIR]
    assert opening.parent_uid == fair.uid
    assert opening.start == "2022-12-11T09:30:00+08:00"  # the 09:30 opening moved with the fair


def test_a_part_is_cancelled_with_its_event(db):
    put(db, ANNOUNCED, "2022-11-20")
    put(db, CANCELLED, "2022-11-29", days=1)
    events = by_title(db)
    assert events[FAIR].status == events[FAIR + "开幕式"].status == "cancelled"


def test_the_part_moves_in_every_surface(moved, client):
    uid = moved[FAIR + "开幕式"].uid
    assert "DTSTART;TZID=Asia/Shanghai:20221211T093000" in client.get(f"/events/{uid}.ics").get_data(as_text=True)
    assert client.get(f"/api/events/{uid}").get_json()["parent"] == moved[FAIR].uid
    assert FAIR in client.get(f"/events/{uid}").get_data(as_text=True)


def test_the_article_page_says_a_later_report_changed_the_dates(moved, client):
    article = moved[FAIR].mentions[0].article_id
    html = client.get(f"/articles/{article}").get_data(as_text=True)
    assert "此句所说的日期已由后来的报道更新" in html and "茶博会延期" in html


# --- deadlines -------------------------------------------------------------------------------------


def test_a_deadline_from_a_span_is_due_on_its_last_day_and_keeps_the_day_it_opened(db, client):
    put(db, DEADLINE, "2022-11-22")
    [due] = store.query_events(db, Selection())
    assert (due.category, due.start, due.end, due.opened) == ("deadline", "2022-12-15", "2022-12-15", "2022-11-22")
    ics = client.get(f"/events/{due.uid}.ics").get_data(as_text=True).replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20221215" in ics and "DTEND;VALUE=DATE:20221216" in ics
    assert "开放：自2022年11月22日" in ics
    item = next(i for i in client.get("/feed.json").get_json()["items"] if i["_feeds"]["uid"] == due.uid)
    assert item["title"].startswith("[12月15日]")
    assert json.loads(json.dumps(client.get(f"/api/events/{due.uid}").get_json()))["opened"] == "2022-11-22"
