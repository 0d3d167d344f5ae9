"""A reader can tell a sure date from a guessed one: flags travel from extraction to the store, the API and pages."""

from dataclasses import replace

from conftest import make_event, make_report, save

from feeds import store
from feeds.models import Selection


def test_the_store_keeps_a_report_s_flags_and_the_api_shows_them(db_path, db, client):
    guessed = replace(make_event("青岛国际茶叶博览会", "2022-12-09"), flags=("tentative", "year_inferred"))
    save(db, make_report("茶博会拟于下月举行", "2022-11-22", guessed))
    [event] = store.query_events(db, Selection())
    assert event.flags == ("tentative", "year_inferred") and event.confidence == 0.6
    [item] = client.get("/api/events").get_json()
    assert (item["flags"], item["confidence"]) == (["tentative", "year_inferred"], 0.6)


def test_a_sure_date_has_no_flags_and_full_confidence(db, client):
    save(db, make_report("博览会", "2022-11-22", make_event("青岛国际茶叶博览会", "2022-12-09")))
    [item] = client.get("/api/events").get_json()
    assert (item["flags"], item["confidence"]) == ([], 1.0)


def test_the_event_page_says_how_the_dates_were_worked_out(db, client):
    guessed = replace(make_event("青岛国际茶叶博览会", "2022-12-09"), flags=("relative",))
    save(db, make_report("博览会", "2022-11-22", guessed))
    [event] = store.query_events(db, Selection())
    page = client.get(f"/events/{event.uid}").get_data(as_text=True)
    assert "日期由推算得出" in page and "按发布日期推算" in page
    english = client.get(f"/events/{event.uid}?lang=en").get_data(as_text=True)
    assert "counted from the publication date" in english


def test_a_changed_flag_is_a_changed_report(db):
    save(db, make_report("博览会", "2022-11-22", make_event("青岛国际茶叶博览会", "2022-12-09")))
    later = replace(make_event("青岛国际茶叶博览会", "2022-12-09"), flags=("tentative",))
    save(db, make_report("博览会改期待定", "2022-11-25", later))
    [event] = store.query_events(db, Selection())
    assert event.flags == ("tentative",)
