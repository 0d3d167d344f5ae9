"""iCalendar output: what RFC 5545 / 7986 and real calendar apps need, from the renderer and the routes."""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest
from icalendar import Calendar
from sample_events import EXPECTED, HOSTILE_TITLE, fill, stored

from feeds.present import subscribe_links
from feeds.present.ics import render_calendar, render_event

BASE = "https://feeds.example.org/"
URL = BASE + "calendar.ics"


def render(*events, **kwargs) -> bytes:
    return render_calendar(events, name="测试日历", description="说明", url=URL, base_url=BASE, **kwargs)


def vevent(data: bytes):
    [event] = Calendar.from_ical(data).walk("VEVENT")
    return event


def lines(data: bytes) -> list[str]:
    """Content lines, unfolded."""
    return data.decode().replace("\r\n ", "").split("\r\n")


# --- the calendar --------------------------------------------------------------------------------


def test_calendar_declares_prodid_and_version_and_no_method():
    cal = Calendar.from_ical(render(stored()))
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"].startswith("-//feeds//")
    assert "METHOD" not in cal


def test_calendar_names_itself_for_rfc7986_and_older_clients():
    cal = Calendar.from_ical(render(stored()))
    assert cal["NAME"] == cal["X-WR-CALNAME"] == "测试日历"
    assert cal["X-WR-CALDESC"] == "说明"


def test_calendar_asks_subscribers_to_refresh_hourly():
    text = lines(render(stored()))
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in text
    assert "X-PUBLISHED-TTL:PT1H" in text


def test_calendar_says_where_it_is_served():
    cal = Calendar.from_ical(render(stored()))
    assert cal["URL"] == URL
    assert cal["SOURCE"] == URL


def test_calendar_carries_the_shanghai_timezone_at_plus_eight():
    cal = Calendar.from_ical(
        render(stored(start="2022-11-22T09:00:00+08:00", end="2022-11-22T10:00:00+08:00", precision="time"))
    )
    [tz] = cal.walk("VTIMEZONE")
    assert tz["TZID"] == "Asia/Shanghai"
    assert {str(sub["TZOFFSETTO"].to_ical()) for sub in tz.subcomponents} == {"+0800"}
    assert cal["X-WR-TIMEZONE"] == "Asia/Shanghai"


def test_vtimezone_reaches_back_for_timed_events_before_1992():
    cal = Calendar.from_ical(
        render(stored(start="1988-06-01T09:00:00+09:00", end="1988-06-01T10:00:00+09:00", precision="time"))
    )
    [tz] = cal.walk("VTIMEZONE")
    assert "DAYLIGHT" in {sub.name for sub in tz.subcomponents}  # China observed DST 1986–1991


def test_events_are_sorted_by_start_whatever_order_they_come_in():
    events = [stored(uid=f"u{i}", start=f"2022-11-{i:02d}", end=f"2022-11-{i:02d}") for i in range(1, 10)]
    shuffled = events[:]
    random.Random(5).shuffle(shuffled)
    assert render(*shuffled) == render(*events)


# --- times ----------------------------------------------------------------------------------------


def test_timed_event_is_in_beijing_time_with_tzid():
    data = render(
        stored(start="2022-11-22T09:00:00+08:00", end="2022-11-22T11:30:00+08:00", precision="time")
    )
    text = lines(data)
    assert "DTSTART;TZID=Asia/Shanghai:20221122T090000" in text
    assert "DTEND;TZID=Asia/Shanghai:20221122T113000" in text


def test_timed_event_with_unknown_end_has_no_dtend():
    event = vevent(
        render(stored(start="2022-11-23T14:00:00+08:00", end="2022-11-23T14:00:00+08:00", precision="time"))
    )
    assert "DTEND" not in event and "DURATION" not in event


def test_multi_day_event_is_all_day_with_exclusive_end():
    text = lines(render(stored(start="2022-11-29", end="2022-12-01")))
    assert "DTSTART;VALUE=DATE:20221129" in text
    assert "DTEND;VALUE=DATE:20221202" in text


def test_one_day_event_ends_the_next_day():
    event = vevent(render(stored(start="2022-12-15", end="2022-12-15")))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(days=1)


def test_month_precision_spans_the_month_and_says_the_date_is_to_be_confirmed():
    event = vevent(render(stored(title="招商月", start="2023-05-01", end="2023-05-31", precision="month")))
    assert event.decoded("DTSTART") == dt.date(2023, 5, 1)
    assert event.decoded("DTEND") == dt.date(2023, 6, 1)
    assert event["SUMMARY"] == "招商月（日期待定）"
    assert "2023年5月内，具体日期待定" in event["DESCRIPTION"]


def test_events_do_not_block_the_subscribers_free_time():
    assert vevent(render(stored()))["TRANSP"] == "TRANSPARENT"


# --- identity and change -------------------------------------------------------------------------


def test_uid_is_the_stored_uid():
    assert vevent(render(stored(uid="abc123@feeds")))["UID"] == "abc123@feeds"


def test_stamps_come_from_the_data_not_the_clock():
    event = vevent(render(stored(created="2024-03-01T08:00:00Z", updated="2024-03-02T09:30:00Z")))
    updated = dt.datetime(2024, 3, 2, 9, 30, tzinfo=dt.UTC)
    assert event.decoded("DTSTAMP") == updated
    assert event.decoded("LAST-MODIFIED") == updated
    assert event.decoded("CREATED") == dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.UTC)


@pytest.mark.slow
def test_bytes_do_not_change_while_the_data_does_not():
    first = render(
        stored(),
        stored(
            uid="u2", start="2022-11-22T09:00:00+08:00", end="2022-11-22T09:00:00+08:00", precision="time"
        ),
    )
    time.sleep(1.1)
    second = render(
        stored(),
        stored(
            uid="u2", start="2022-11-22T09:00:00+08:00", end="2022-11-22T09:00:00+08:00", precision="time"
        ),
    )
    assert first == second


def test_sequence_is_the_stored_sequence():
    assert vevent(render(stored(sequence=3)))["SEQUENCE"] == 3


def test_cancelled_event_stays_with_status_cancelled_and_a_marked_summary():
    event = vevent(render(stored(status="cancelled")))
    assert event["STATUS"] == "CANCELLED"
    assert event["SUMMARY"] == "[已取消] 2022世界工业互联网产业大会"


def test_tentative_event_is_tentative():
    assert vevent(render(stored(status="tentative")))["STATUS"] == "TENTATIVE"


# --- text -----------------------------------------------------------------------------------------


def test_description_says_what_when_why_and_where_to_read_more():
    description = vevent(render(stored(uid="u1@feeds")))["DESCRIPTION"]
    assert description.startswith("2022世界工业互联网产业大会\n时间：2022年11月29日（周二）至12月1日（周四）")
    assert "依据：2022世界工业互联网产业大会将于11月29日至12月1日在青岛举行。" in description
    assert "来源：工博会在青岛开幕（2022-11-22） https://news.example.org/a.html" in description
    assert description.endswith("活动页面：https://feeds.example.org/events/u1@feeds")


def test_source_without_address_links_to_the_article_page_here():
    description = vevent(render(stored(source_url=None)))["DESCRIPTION"]
    assert "https://feeds.example.org/articles/art-1" in description


def test_location_category_and_url_are_set():
    event = vevent(render(stored(uid="u1@feeds")))
    assert event["LOCATION"] == "青岛"
    assert event["CATEGORIES"].cats == ["会议"]
    assert event["URL"] == "https://feeds.example.org/events/u1@feeds"


def test_unknown_location_is_left_out():
    assert "LOCATION" not in vevent(render(stored(location="  ")))


def test_control_characters_are_stripped_and_text_trimmed():
    event = vevent(render(stored(title="  展\x07会\u2028开幕\x00 ", location="\t青岛\x1b ")))
    assert event["SUMMARY"] == "展会 开幕"
    assert event["LOCATION"] == "青岛"


def test_one_event_file_has_the_event_and_no_refresh_interval():
    cal = Calendar.from_ical(render_event(stored(), url=BASE + "events/u.ics", base_url=BASE))
    assert len(cal.walk("VEVENT")) == 1
    assert cal["NAME"] == "2022世界工业互联网产业大会"
    assert "REFRESH-INTERVAL" not in cal


# --- subscribe links ------------------------------------------------------------------------------


def test_subscribe_links_offer_webcal_google_and_https():
    links = subscribe_links("https://feeds.example.org/calendar.ics?category=fair&q=青岛")
    assert links["https"] == "https://feeds.example.org/calendar.ics?category=fair&q=青岛"
    assert links["webcal"] == "webcal://feeds.example.org/calendar.ics?category=fair&q=青岛"
    assert links["google"] == (
        "https://calendar.google.com/calendar/r?cid="
        "webcal://feeds.example.org/calendar.ics%3Fcategory%3Dfair%26q%3D%E9%9D%92%E5%B2%9B"
    )


# --- routes ---------------------------------------------------------------------------------------


@pytest.fixture
def uids(db):
    return fill(db)


def served(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200, response.data
    return Calendar.from_ical(response.data)


def served_uids(client, url: str) -> set[str]:
    return {str(event["UID"]) for event in served(client, url).walk("VEVENT")}


def test_calendar_route_is_text_calendar_in_utf8(client, uids):
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"


def test_calendar_route_has_every_event_however_old(client, uids):
    assert served_uids(client, "/calendar.ics") == set(uids.values())


def test_calendar_route_strips_hostile_text(client, uids):
    summaries = {str(event["SUMMARY"]) for event in served(client, "/calendar.ics").walk("VEVENT")}
    assert EXPECTED["hostile"].title in summaries
    assert HOSTILE_TITLE not in summaries


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("category=fair", {"opening"}),
        ("q=马拉松", {"cancelled"}),
        ("location=会议中心", {"congress"}),
        ("from=2023-01-01&to=2023-12-31", {"month", "cancelled"}),
        ("status=cancelled", {"cancelled"}),
        ("filter=签约", {"signing"}),
        ("filterout=2022|2023", {"hostile"}),
        ("filter_category=截止", {"deadline"}),
    ],
)
def test_calendar_route_filters(client, uids, query, keys):
    assert served_uids(client, f"/calendar.ics?{query}") == {uids[k] for k in keys}


def test_category_path_has_only_that_category(client, uids):
    assert served_uids(client, "/categories/competition.ics") == {uids["cancelled"]}


def test_category_path_names_the_calendar_after_the_category(client, uids):
    assert served(client, "/categories/competition.ics")["X-WR-CALNAME"] == "feeds · 比赛日历"


def test_unknown_category_path_is_not_found(client, uids):
    assert client.get("/categories/nonsense.ics").status_code == 404


@pytest.mark.parametrize(
    "query", ["category=nonsense", "from=tomorrow", "status=maybe", "limit=0", "filter=(a", "q=" + "长" * 301]
)
def test_invalid_query_is_a_bad_request_that_says_why(client, uids, query):
    response = client.get(f"/calendar.ics?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.get_data(as_text=True)


def test_event_route_serves_that_event_alone(client, uids):
    assert served_uids(client, f"/events/{uids['congress']}.ics") == {uids["congress"]}


def test_event_route_for_an_unknown_uid_is_not_found(client, uids):
    assert client.get("/events/nobody@feeds.ics").status_code == 404


def test_cap_keeps_the_latest_events(app, client, uids):
    app.config["MAX_ITEMS"] = 2
    assert served_uids(client, "/calendar.ics") == {uids["hostile"], uids["month"]}


def test_limit_cannot_exceed_the_cap(app, client, uids):
    app.config["MAX_ITEMS"] = 3
    assert len(served_uids(client, "/calendar.ics?limit=100")) == 3


def test_the_evidence_shown_is_the_latest_reports_whose_facts_the_event_has():
    from feeds.models import Mention, StoredEvent
    from feeds.present.common import evidence

    def mention(published: str, sentence: str) -> Mention:
        return Mention("a" + published, "page.txt", "标题", published, sentence, 0, len(sentence))

    ev = StoredEvent("u@feeds", "2022世界工业互联网产业大会", "conference", "2022-12-15", "2022-12-15",
                     True, "day", "青岛", "confirmed", 1, "2022-11-22T00:00:00Z", "2022-12-15T00:00:00Z",
                     [mention("2022-11-22", "大会将于11月29日至30日举办。"),
                      mention("2022-12-15", "今天上午,在大会上…")])
    assert evidence(ev) == "今天上午,在大会上…"
