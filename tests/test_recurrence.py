"""Recurring events: a show every evening, a market every Saturday, a museum closed on Mondays.

Read from the event's sentences (extract/events/recurrence.py), kept by the store through merges and corrections,
and served as an RRULE with timed sessions, in the JSON API and feeds, in words on the pages, and on each day of a
month grid. Every sentence here is our own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from conftest import NOW, make_event, make_report, save
from dateutil.rrule import rrulestr
from icalendar import Calendar

from feeds import store
from feeds.edits import EditRefused, Field, validate
from feeds.extract.events.recurrence import read_recurrence
from feeds.extract.pipeline import extract_page
from feeds.models import Frequency, Interval, Recurrence, Selection, StoredEvent
from feeds.present import api, ics
from feeds.present.i18n import schedule
from feeds.present.month import month_grid
from feeds.store import editing

SHANGHAI = ZoneInfo("Asia/Shanghai")
SUMMER = Interval(dt.date(2026, 7, 1), dt.date(2026, 8, 31))
"""A span from a Wednesday to a Monday."""
SAT, SUN, MON = 5, 6, 0


def _read(text: str, category: str = "festival", span: Interval = SUMMER) -> Recurrence | None:
    return read_recurrence(text, span, category)


# --- reading a recurrence from words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, frequency, weekdays, time, minutes", [
    ("演出即日起至8月31日每晚19:30在大剧院上演。", Frequency.DAILY, (), dt.time(19, 30), None),
    ("演出每晚7时半开始。", Frequency.DAILY, (), dt.time(19, 30), None),
    ("灯光秀每天晚上八点至十点开放。", Frequency.DAILY, (), dt.time(20), 120),
    ("市集每周六上午9时至12时开放。", Frequency.WEEKLY, (SAT,), dt.time(9), 180),
    ("市集逢周六、周日下午2时至5时开市。", Frequency.WEEKLY, (SAT, SUN), dt.time(14), 180),
    ("演出每週六、日晚上8時至10時舉行。", Frequency.WEEKLY, (SAT, SUN), dt.time(20), 120),
    ("夜市每逢周五至周日18:00-23:00营业。", Frequency.WEEKLY, (4, SAT, SUN), dt.time(18), 300),
    ("演出每晚19:30开演，逢周一停演。", Frequency.WEEKLY, (1, 2, 3, 4, SAT, SUN), dt.time(19, 30), None),
    ("The market runs every Saturday from 8 a.m. to 1 p.m. until August 29.", Frequency.WEEKLY, (SAT,),
     dt.time(8), 300),
    ("Shows are staged Tuesdays through Sundays at 7:30 p.m.", Frequency.WEEKLY, (1, 2, 3, 4, SAT, SUN),
     dt.time(19, 30), None),
    ("The lantern show runs nightly from 7 to 10 p.m.", Frequency.DAILY, (), dt.time(19), 180),
])
def test_sessions_are_read_with_their_days_and_times(text, frequency, weekdays, time, minutes):
    found = _read(text)
    assert found is not None
    assert (found.frequency, found.weekdays, found.time, found.minutes) == (frequency, weekdays, time, minutes)
    assert found.until == SUMMER.end_date and not found.opening_hours


def test_a_weekly_session_without_a_time_is_a_whole_day_each_week():
    found = _read("跳蚤市场每周六开放。", "fair")
    assert (found.frequency, found.weekdays, found.time) == (Frequency.WEEKLY, (SAT,), None)


@pytest.mark.parametrize("text", [
    "展览开放时间：9:00-17:00，周一闭馆。",
    "展览開放時間為每天9:00至17:00，週一閉館。",
    "The museum is open daily from 9 a.m. to 5 p.m. and closed on Mondays.",
])
def test_an_exhibitions_visiting_hours_are_opening_hours_without_its_closed_day(text):
    found = _read(text, "exhibition")
    assert found.opening_hours
    assert found.days == (1, 2, 3, 4, 5, 6) and (found.time, found.minutes) == (dt.time(9), 480)


@pytest.mark.parametrize("text, category, span", [
    ("活动每天举行。", "festival", SUMMER),  # every day of a span: the span says it already
    ("China Daily reported that the fair opens on Saturday.", "fair", SUMMER),
    ("啤酒节期间每晚19:00至22:00有灯光秀。", "festival", SUMMER),  # the light show's hours, not the festival's
    ("演出每晚19:30开演。", "festival", Interval(dt.date(2026, 7, 1), dt.date(2026, 7, 1))),  # one day
    ("报名每天9:00-17:00。", "deadline", SUMMER),  # a deadline is one day
    ("The fair runs from Friday to Sunday, 9 a.m. to 5 p.m.", "fair",
     Interval(dt.date(2026, 7, 3), dt.date(2026, 7, 5))),
])
def test_words_that_name_no_sessions_of_the_event_give_none(text, category, span):
    found = _read(text, category, span)
    assert found is None or found.frequency is Frequency.DAILY  # a three-day fair is at most its every day


def test_the_days_of_a_short_span_named_one_by_one_are_its_every_day():
    fair = Interval(dt.date(2026, 7, 3), dt.date(2026, 7, 5))  # Friday to Sunday
    found = _read("展会周五至周日每天9:00-17:00开放。", "fair", fair)
    assert (found.frequency, found.time, found.minutes) == (Frequency.DAILY, dt.time(9), 480)


def test_the_pipeline_gives_a_festival_its_evening_sessions():
    text = "第五届青岛戏剧节即日起至8月31日在人艺剧场举行，每晚19:30开演，逢周一停演。"
    [article] = extract_page(text, dt.date(2026, 6, 20))
    [event] = article.events
    assert event.interval == Interval(dt.date(2026, 6, 20), dt.date(2026, 8, 31))
    assert event.recurrence == Recurrence(Frequency.WEEKLY, dt.date(2026, 8, 31), (1, 2, 3, 4, 5, 6),
                                          dt.time(19, 30))


def test_the_pipeline_reads_visiting_hours_from_the_sentence_after():
    text = "2026青岛国际艺术博览会将于7月1日至9月30日在市博物馆举办。开放时间为每天9:00-17:00，周一闭馆。"
    [article] = extract_page(text, dt.date(2026, 6, 20))
    [event] = article.events
    assert event.recurrence.opening_hours and event.recurrence.days == (1, 2, 3, 4, 5, 6)


def test_a_long_day_open_every_day_is_opening_hours_not_a_session():
    found = _read("书市每天10:00—20:00开放。", "fair", Interval(dt.date(2026, 9, 28), dt.date(2026, 10, 7)))
    assert found.opening_hours and found.minutes == 600


def test_the_next_paragraph_is_no_part_of_the_events_schedule():
    text = "2026青岛国际啤酒节将于7月18日至8月9日在西海岸新区举办。\n\n啤酒专列每周五、周六各开行一趟。"
    [article] = extract_page(text, dt.date(2026, 6, 20))
    assert [e.recurrence for e in article.events] == [None]


@pytest.mark.parametrize("words", ["8月15日停演", "8月15日（周六）休演", "8月15日除外"])
def test_a_day_of_the_span_it_is_not_held_is_excluded(words):
    text = f"第五届青岛戏剧节7月1日至8月31日在人艺剧场举行，每晚19:30开演，{words}。"
    [article] = extract_page(text, dt.date(2026, 6, 20))
    [event] = article.events
    assert event.recurrence.excluded == (dt.date(2026, 8, 15),)


def test_a_day_off_outside_the_span_is_no_exclusion():
    text = "第五届青岛戏剧节7月1日至8月31日在人艺剧场举行，每晚19:30开演。9月1日闭馆维修。"
    article = extract_page(text, dt.date(2026, 6, 20))[0]
    assert [(e.recurrence.excluded, e.recurrence.opening_hours) for e in article.events] == [((), False)]


def test_an_event_of_one_sentence_without_recurring_words_is_as_before():
    [article] = extract_page("2026青岛国际啤酒节将于7月18日至8月9日在西海岸新区举办。", dt.date(2026, 6, 20))
    assert [e.recurrence for e in article.events] == [None]


# --- the record ----------------------------------------------------------------------------------------------------

def test_occurrences_are_the_session_days_of_the_span_without_excluded_days():
    market = Recurrence(Frequency.WEEKLY, dt.date(2026, 7, 31), (SAT,), excluded=(dt.date(2026, 7, 11),))
    assert market.occurrences(dt.date(2026, 7, 1)) == [dt.date(2026, 7, 4), dt.date(2026, 7, 18),
                                                       dt.date(2026, 7, 25)]
    assert market.first_occurrence(dt.date(2026, 7, 1)) == dt.date(2026, 7, 4)


def test_the_json_form_round_trips_and_refuses_nonsense():
    show = Recurrence(Frequency.WEEKLY, dt.date(2026, 8, 31), (1, 2), dt.time(19, 30), 90, (dt.date(2026, 8, 4),))
    assert Recurrence.from_json(json.loads(json.dumps(show.as_json()))) == show
    for bad in ({"frequency": "hourly", "until": "2026-08-31"}, {"frequency": "weekly", "until": "2026-08-31"},
                {"frequency": "daily", "until": "2026-08-31", "time": "25:00"},
                {"frequency": "daily", "until": "2026-08-31", "minutes": 90}):
        with pytest.raises((ValueError, KeyError, TypeError)):
            Recurrence.from_json(bad)


@pytest.mark.parametrize("recurrence, zh, en", [
    (Recurrence(Frequency.DAILY, dt.date(2026, 8, 31), time=dt.time(19, 30)), "每天 19:30", "Every day, 19:30"),
    (Recurrence(Frequency.WEEKLY, dt.date(2026, 8, 31), (SAT,), dt.time(9), 180), "每周六 09:00–12:00",
     "Every Saturday, 09:00–12:00"),
    (Recurrence(Frequency.WEEKLY, dt.date(2026, 8, 31), (1, 2, 3, 4, 5, 6)), "每周二至周日", "Tuesday to Sunday"),
    (Recurrence(Frequency.WEEKLY, dt.date(2026, 8, 31), (4, 5), excluded=(dt.date(2026, 8, 7),)),
     "每周五、周六（8月7日除外）", "Every Friday and Saturday (except 7 Aug)"),
])
def test_a_schedule_is_said_in_words_in_both_languages(recurrence, zh, en):
    assert (schedule(recurrence, "zh"), schedule(recurrence, "en")) == (zh, en)


# --- the store -----------------------------------------------------------------------------------------------------

EVENINGS = Recurrence(Frequency.WEEKLY, dt.date(2026, 8, 31), (1, 2, 3, 4, 5, 6), dt.time(19, 30), 120)
MARKET = Recurrence(Frequency.WEEKLY, dt.date(2026, 8, 29), (SAT,), dt.time(9), 180)


def _show(recurrence=EVENINGS, start="2026-07-01", end="2026-08-31", evidence=None, title="第五届青岛戏剧节"):
    event = make_event(title, start, end, category="festival", location="人艺剧场",
                       evidence=evidence or f"{title}{start}至{end}每晚19:30开演。")
    return dataclasses.replace(event, recurrence=recurrence)


def _stored(db, *events, published="2026-06-20", now=NOW):
    save(db, make_report("戏剧节消息", published, *events), now=now)
    return store.query_events(db, Selection())


def test_the_store_keeps_the_recurrence_and_the_span(db):
    [ev] = _stored(db, _show())
    assert (ev.start, ev.end, ev.all_day) == ("2026-07-01", "2026-08-31", True)
    assert ev.recurrence == EVENINGS
    assert store.get_event(db, ev.uid).recurrence == EVENINGS


def test_an_event_without_recurrence_is_stored_as_before(db):
    [ev] = _stored(db, _show(recurrence=None))
    assert ev.recurrence is None
    assert db.execute("SELECT recurrence FROM events").fetchone() == (None,)


def test_a_later_report_of_the_dates_alone_keeps_the_sessions_and_a_longer_run_moves_until(db):
    _stored(db, _show())
    [ev] = _stored(db, _show(recurrence=None, end="2026-09-30", evidence="第五届青岛戏剧节延长至9月30日。"),
                   published="2026-08-01", now=NOW + dt.timedelta(days=1))
    assert ev.end == "2026-09-30"
    assert ev.recurrence == dataclasses.replace(EVENINGS, until=dt.date(2026, 9, 30))


def test_a_changed_schedule_is_a_new_sequence(db):
    [before] = _stored(db, _show())
    [after] = _stored(db, _show(recurrence=dataclasses.replace(EVENINGS, time=dt.time(20)),
                                evidence="第五届青岛戏剧节改为每晚20:00开演。"),
                      published="2026-07-10", now=NOW + dt.timedelta(days=1))
    assert after.recurrence.time == dt.time(20) and after.sequence == before.sequence + 1


def _correct(db, uid, **given):
    with store.transaction(db):
        current = editing.state(db, uid).shown
        return editing.correct(db, uid, validate(given, current), "ann", store.utc_stamp(NOW + dt.timedelta(hours=1)))


def test_an_editor_can_correct_the_schedule_and_it_survives_the_same_article_again(db):
    [ev] = _stored(db, _show())
    _correct(db, ev.uid, recurrence={"frequency": "weekly", "weekdays": ["FR", "SA"], "time": "20:00"})
    corrected = Recurrence(Frequency.WEEKLY, dt.date(2026, 8, 31), (4, 5), dt.time(20))
    assert store.get_event(db, ev.uid).recurrence == corrected
    _stored(db, _show())
    assert store.get_event(db, ev.uid).recurrence == corrected
    assert Field.RECURRENCE in editing.state(db, ev.uid).corrections


def test_an_editor_can_remove_the_schedule(db):
    [ev] = _stored(db, _show())
    _correct(db, ev.uid, recurrence=None)
    assert store.get_event(db, ev.uid).recurrence is None


def test_a_schedule_that_is_no_recurrence_is_refused_with_its_field():
    current = {"start": "2026-07-01", "end": "2026-08-31", "precision": "day", "recurrence": None}
    with pytest.raises(EditRefused) as refused:
        validate({"recurrence": {"frequency": "weekly"}}, current)
    assert [e.name for e in refused.value.errors] == ["recurrence"]


# --- calendars -------------------------------------------------------------------------------------------------------

def _vevent(ev):
    data = ics.render_event(ev, url="http://127.0.0.1/e.ics", base_url="http://127.0.0.1")
    return data, next(iter(Calendar.from_ical(data).walk("VEVENT")))


def _expanded(vevent):
    """The sessions' starts (days, for whole-day sessions) the RRULE and EXDATE give, as dateutil expands them."""
    start = vevent["DTSTART"].dt
    rule = rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=start)
    skipped = {d.dt for exdate in ([vevent["EXDATE"]] if "EXDATE" in vevent else []) for d in exdate.dts}
    starts = [s if isinstance(start, dt.datetime) else s.date() for s in rule]
    return [s for s in starts if s not in skipped]


def test_the_calendar_repeats_timed_sessions_by_rrule_in_beijing_time(db):
    [ev] = _stored(db, _show())
    data, vevent = _vevent(ev)
    assert vevent["DTSTART"].dt == dt.datetime(2026, 7, 1, 19, 30, tzinfo=SHANGHAI)  # a Wednesday, a session day
    assert vevent["DTEND"].dt == dt.datetime(2026, 7, 1, 21, 30, tzinfo=SHANGHAI)
    assert b"RRULE:FREQ=WEEKLY;UNTIL=20260831T155959Z;BYDAY=TU,WE,TH,FR,SA,SU\r\n" in data
    sessions = _expanded(vevent)
    assert len(sessions) == 53 and sessions[-1] == dt.datetime(2026, 8, 30, 19, 30, tzinfo=SHANGHAI)
    assert all(start.weekday() != MON and start.time() == dt.time(19, 30) for start in sessions)
    assert b"\\n\xe5\x9c\xba\xe6\xac\xa1\xef\xbc\x9a" in data.replace(b"\r\n ", b"")  # DESCRIPTION: 场次：…


def test_the_first_session_is_the_first_session_day_not_the_spans_first_day(db):
    [ev] = _stored(db, _show(MARKET, end="2026-08-29", title="2026青岛跳蚤市集"))
    _, vevent = _vevent(ev)
    sessions = _expanded(vevent)
    assert sessions[0] == dt.datetime(2026, 7, 4, 9, tzinfo=SHANGHAI)
    assert [s.day for s in sessions if s.month == 8] == [1, 8, 15, 22, 29]


def test_excluded_days_are_exdates_and_whole_day_sessions_are_dates():
    ev = _event(Recurrence(Frequency.WEEKLY, dt.date(2026, 7, 31), (SAT,), excluded=(dt.date(2026, 7, 11),)))
    data, vevent = _vevent(ev)
    assert b"DTSTART;VALUE=DATE:20260704\r\n" in data and b"RRULE:FREQ=WEEKLY;UNTIL=20260731;BYDAY=SA\r\n" in data
    assert b"EXDATE;VALUE=DATE:20260711\r\n" in data
    assert _expanded(vevent) == [dt.date(2026, 7, 4), dt.date(2026, 7, 18), dt.date(2026, 7, 25)]


def test_opening_hours_stay_one_all_day_span_with_the_hours_in_the_description():
    hours = Recurrence(Frequency.WEEKLY, dt.date(2026, 9, 30), (1, 2, 3, 4, 5, 6), dt.time(9), 480,
                       opening_hours=True)
    data, vevent = _vevent(_event(hours, end="2026-09-30", category="exhibition"))
    assert "RRULE" not in vevent and vevent["DTSTART"].dt == dt.date(2026, 7, 1)
    assert vevent["DTEND"].dt == dt.date(2026, 10, 1)
    assert "开放时间：每周二至周日 09:00–17:00" in str(vevent["DESCRIPTION"])


def test_a_recurring_events_part_is_timed_and_the_kept_parts_make_the_full_calendar(db):
    [ev] = _stored(db, _show())
    part = ics.calendar_part(ev, "http://127.0.0.1")
    assert part.timed
    whole = ics.render_calendar([ev], name="n", description="d", url="http://127.0.0.1/c.ics",
                                base_url="http://127.0.0.1")
    assert ics.assemble_calendar([part], name="n", description="d", url="http://127.0.0.1/c.ics") == whole


def _event(recurrence, end="2026-07-31", category="fair"):
    return StoredEvent("u@feeds", "2026青岛跳蚤市集", category, "2026-07-01", end, True, "day", "奥帆中心",
                             "confirmed", 0, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", recurrence=recurrence)


# --- the API, feeds and pages ---------------------------------------------------------------------------------------

def test_the_api_item_gives_the_first_session_the_recurrence_and_fullcalendars_fields(db):
    [ev] = _stored(db, _show(MARKET, end="2026-08-29", title="2026青岛跳蚤市集"))
    item = api.fullcalendar_event(ev, "http://127.0.0.1")
    assert (item["allDay"], item["start"], item["end"]) == (False, "2026-07-04T09:00:00+08:00",
                                                           "2026-07-04T12:00:00+08:00")
    assert (item["firstDay"], item["lastDay"]) == ("2026-07-01", "2026-08-29")
    assert item["recurrence"] == {"frequency": "weekly", "weekdays": ["SA"], "time": "09:00", "endTime": "12:00",
                                  "minutes": 180, "until": "2026-08-29", "excluded": [], "openingHours": False,
                                  "rrule": "FREQ=WEEKLY;UNTIL=20260829T155959Z;BYDAY=SA", "text": "每周六 09:00–12:00"}
    assert (item["daysOfWeek"], item["startTime"], item["endTime"]) == ([6], "09:00", "12:00")
    assert (item["startRecur"], item["endRecur"]) == ("2026-07-01", "2026-08-30")


def test_an_event_held_once_has_a_null_recurrence_in_the_api(db):
    [ev] = _stored(db, _show(recurrence=None))
    item = api.fullcalendar_event(ev, "http://127.0.0.1")
    assert item["recurrence"] is None and "daysOfWeek" not in item and item["allDay"] is True


def test_the_api_route_and_the_json_feed_carry_the_recurrence(app, client):
    with app.app_context():
        database = store.open_db(app.config["DATABASE"])
        [ev] = _stored(database, _show())
        database.close()
    [item] = client.get("/api/events?lang=en").get_json()
    assert item["recurrence"]["text"] == "Tuesday to Sunday, 19:30–21:30"
    feed = client.get("/feed.json").get_json()
    assert feed["items"][0]["_feeds"]["recurrence"]["rrule"].startswith("FREQ=WEEKLY;")
    assert "场次：每周二至周日 19:30–21:30" in feed["items"][0]["content_text"]
    rss = client.get("/feed.rss").get_data(as_text=True)
    assert "每周二至周日 19:30–21:30" in rss


def test_the_event_page_says_the_schedule_in_the_readers_language(app, client):
    with app.app_context():
        database = store.open_db(app.config["DATABASE"])
        [ev] = _stored(database, _show())
        database.close()
    assert "每周二至周日 19:30–21:30" in client.get(f"/events/{ev.uid}").get_data(as_text=True)
    english = client.get(f"/events/{ev.uid}?lang=en").get_data(as_text=True)
    assert "Repeats" in english and "Tuesday to Sunday, 19:30–21:30" in english


def test_the_month_grid_draws_a_weekly_market_on_its_saturdays_only():
    grid = month_grid(2026, 7, [_event(MARKET, end="2026-08-29")])
    drawn = [day for week in grid.weeks for lane in week.lanes
             for day, cell in zip(_cell_days(week, lane), lane, strict=True) if cell.event]
    assert drawn == [dt.date(2026, 7, 4), dt.date(2026, 7, 11), dt.date(2026, 7, 18), dt.date(2026, 7, 25),
                     dt.date(2026, 8, 1)]  # the grid runs to the Sunday after the month
    assert all(cell.span == 1 for week in grid.weeks for lane in week.lanes for cell in lane)


def _cell_days(week, lane):
    days, column = [], 0
    for cell in lane:
        days.append(week.days[column])
        column += cell.span
    return days


def test_the_month_page_shows_each_evening_with_its_time(app, client):
    with app.app_context():
        database = store.open_db(app.config["DATABASE"])
        _stored(database, _show())
        database.close()
    page = client.get("/calendar/2026/7").get_data(as_text=True)
    # July's 31 days less its four Mondays, and the grid's Saturday 1 and Sunday 2 August
    assert page.count('<span class="time">19:30</span>') == 27 + 2


# --- calendar clients written elsewhere (slow) ------------------------------------------------------------------

CLIENT_EVENTS = {
    # title: (recurrence, start, end, the Beijing days its sessions fall on)
    "夏夜剧场": (Recurrence(Frequency.WEEKLY, dt.date(2024, 7, 14), (1, 2, 3, 4, 5, 6), dt.time(19, 30), 120,
                          (dt.date(2024, 7, 10),)), "2024-07-01", "2024-07-14",
             [dt.date(2024, 7, d) for d in (2, 3, 4, 5, 6, 7, 9, 11, 12, 13, 14)]),
    "周六市集": (Recurrence(Frequency.WEEKLY, dt.date(2024, 7, 31), (SAT,)), "2024-07-01", "2024-07-31",
             [dt.date(2024, 7, d) for d in (6, 13, 20, 27)]),
    "夜场灯会": (Recurrence(Frequency.DAILY, dt.date(2024, 7, 5), time=dt.time(20)), "2024-07-01", "2024-07-05",
             [dt.date(2024, 7, d) for d in range(1, 6)]),
}


@pytest.fixture
def client_ics(tmp_path):
    events = [dataclasses.replace(_event(recurrence, end), uid=f"{title}@feeds", title=title, start=start)
              for title, (recurrence, start, end, _) in CLIENT_EVENTS.items()]
    path = tmp_path / "recurring.ics"
    path.write_bytes(ics.render_calendar(events, name="n", description="d", url="http://127.0.0.1/c.ics",
                                         base_url="http://127.0.0.1"))
    return path


@pytest.mark.slow
def test_recurring_ical_events_and_vobject_read_each_session_on_its_day(client_ics):
    import recurring_ical_events
    import vobject

    vobject.readOne(client_ics.read_text(encoding="utf-8")).serialize(validate=True)
    cal = Calendar.from_ical(client_ics.read_bytes())
    for title, (_, start, end, days) in CLIENT_EVENTS.items():
        span = recurring_ical_events.of(cal).between(dt.date.fromisoformat(start),
                                                     dt.date.fromisoformat(end) + dt.timedelta(days=1))
        shown = [e["DTSTART"].dt for e in span if str(e["SUMMARY"]) == title]
        assert sorted(s.date() if isinstance(s, dt.datetime) else s for s in shown) == days, title


@pytest.mark.slow
def test_libical_parses_the_rules_without_errors(client_ics):
    from clients import TESTS, require_libical, run

    parsed = json.loads(run([require_libical(), str(TESTS / "libical_dump.py"), str(client_ics)]).stdout)
    assert parsed["errors"] == []
    assert {e["summary"] for e in parsed["events"]} == set(CLIENT_EVENTS)


@pytest.mark.slow
@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York"])
def test_calcurse_shows_each_session_on_its_day(client_ics, tmp_path, zone):
    from test_clients import calcurse_days

    shown = calcurse_days(client_ics, tmp_path, zone)
    for title, (recurrence, _, _, days) in CLIENT_EVENTS.items():
        if recurrence.time is not None:  # a session's day where the calendar is
            days = [dt.datetime.combine(d, recurrence.time, SHANGHAI).astimezone(ZoneInfo(zone)).date() for d in days]
        assert shown.get(title) == set(days), title


# --- editors over HTTP ----------------------------------------------------------------------------------------------

def test_an_editor_sets_a_schedule_by_patch_and_sees_it_in_words_on_the_review_page(db_path, db):
    from test_admin import add_editor, log_in, token_for

    from feeds import create_app

    app = create_app({"DATABASE": str(db_path), "TESTING": True, "SECRET_KEY": "k" * 40})
    client = app.test_client()
    [ev] = _stored(db, _show(recurrence=None))
    add_editor(db)
    headers = {"Authorization": f"Bearer {token_for(db)}"}
    done = client.patch(f"/api/events/{ev.uid}", json={"recurrence": {"frequency": "weekly", "weekdays": ["SA"],
                                                                       "time": "09:00", "minutes": 180}},
                        headers=headers)
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["recurrence"]["rrule"] == "FREQ=WEEKLY;UNTIL=20260831T155959Z;BYDAY=SA"
    assert done.get_json()["sequence"] == 1 and "recurrence" in done.get_json()["corrections"]
    assert b"RRULE:FREQ=WEEKLY;UNTIL=20260831T155959Z;BYDAY=SA" in client.get(f"/events/{ev.uid}.ics").data
    bad = client.patch(f"/api/events/{ev.uid}?lang=en", json={"recurrence": {"frequency": "hourly"}},
                       headers=headers)
    assert bad.status_code == 400 and [f["field"] for f in bad.get_json()["fields"]] == ["recurrence"]
    log_in(client)
    assert "每周六 09:00–12:00" in client.get(f"/admin/events/{ev.uid}").get_data(as_text=True)
    gone = client.patch(f"/api/events/{ev.uid}", json={"recurrence": None}, headers=headers)
    assert gone.get_json()["recurrence"] is None


def _review_form(client, uid):
    """The review page's edit form as it is sent back unchanged: every input with its value."""
    import re

    page = client.get(f"/admin/events/{uid}").get_data(as_text=True)
    form = page[page.index('class="edit"'):page.index("</form>", page.index('class="edit"'))]
    data: dict[str, list[str]] = {}
    for tag in re.findall(r"<input [^>]*>", form):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and ('type="checkbox"' not in tag or " checked" in tag):
            data.setdefault(name.group(1), []).append(value.group(1) if value else "")
    for name, options in re.findall(r'<select [^>]*name="([^"]+)">(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', options) or re.search(r'<option value="([^"]*)"',
                                                                                       options)
        data[name] = [chosen.group(1)]
    data["note"] = [""]
    return data


def test_the_review_form_shows_the_schedule_sends_it_back_unchanged_and_corrects_it(db_path, db):
    from test_admin import add_editor, log_in

    from feeds import create_app

    app = create_app({"DATABASE": str(db_path), "TESTING": True, "SECRET_KEY": "k" * 40})
    client = app.test_client()
    [ev] = _stored(db, _show())
    add_editor(db)
    log_in(client)
    form = _review_form(client, ev.uid)
    assert (form["repeat_frequency"], form["repeat_days"], form["repeat_time"], form["repeat_end"]) == (
        ["weekly"], ["TU", "WE", "TH", "FR", "SA", "SU"], ["19:30"], ["21:30"])
    assert client.post(f"/admin/events/{ev.uid}/edit", data=form).status_code == 303
    assert store.get_event(db, ev.uid).sequence == 0  # nothing changed, nothing corrected
    form |= {"repeat_days": ["FR", "SA"], "repeat_time": ["20:00"], "repeat_end": ["22:00"],
             "repeat_excluded": ["2026-07-10"]}
    assert client.post(f"/admin/events/{ev.uid}/edit", data=form).status_code == 303
    assert store.get_event(db, ev.uid).recurrence == Recurrence(
        Frequency.WEEKLY, dt.date(2026, 8, 31), (4, 5), dt.time(20), 120, (dt.date(2026, 7, 10),))
    refused = client.post(f"/admin/events/{ev.uid}/edit", data=form | {"repeat_time": ["25:00"]})
    assert refused.status_code == 400 and "重复：不是有效的重复规则" in refused.get_data(as_text=True)
    assert client.post(f"/admin/events/{ev.uid}/edit", data=form | {"repeat_frequency": [""]}).status_code == 303
    assert store.get_event(db, ev.uid).recurrence is None
