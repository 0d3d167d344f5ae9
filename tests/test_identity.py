"""What makes two reports one event (feeds/store/identity.py): each rule, and that the result depends on the
set of reports only — not on their order, on ingesting an article again, or on the database it went into."""

from __future__ import annotations

import datetime as dt
import itertools

from conftest import NOW, dump, make_event, make_report, save

from feeds import store
from feeds.models import Selection
from feeds.store.identity import chinese_number, event_key, family_of

LATER = NOW + dt.timedelta(days=1)
FAIR = "第二十届中国青岛国际茶文化博览会"


def events(db):
    return store.query_events(db, Selection())


def visible(db):
    return sorted((e.uid, e.title, e.start, e.end, e.location, e.status) for e in events(db))


# --- names ------------------------------------------------------------------------------------


def test_chinese_numerals_read_as_numbers():
    assert [chinese_number(t) for t in ("二十", "二十三", "十", "一百零五", "20", "第")] == [20, 23, 10, 105, 20, None]


def test_a_leading_year_and_the_way_an_edition_is_written_are_variations_of_one_name():
    assert event_key("2022世界工业互联网产业大会") == event_key("世界工业互联网产业大会")
    assert event_key("第二十届中国青岛国际茶文化博览会") == event_key("第20届中国青岛国际茶文化博览会")
    assert event_key("第二十届中国青岛国际茶文化博览会") != event_key("第二十一届中国青岛国际茶文化博览会")


def test_an_added_opening_ceremony_is_the_same_name_unless_the_article_also_reports_the_event():
    assert family_of(FAIR + "开幕式", None) == event_key(FAIR)
    assert family_of(FAIR + "开幕式", FAIR) != event_key(FAIR)


def test_title_variants_in_different_articles_are_one_event(db):
    save(db, make_report("一", "2022-11-01", make_event("2022世界工业互联网产业大会", "2022-11-29", "2022-11-30")))
    save(db, make_report("二", "2022-11-10", make_event("世界工业互联网产业大会", "2022-11-29")), now=LATER)
    save(db, make_report("三", "2022-11-01", make_event(FAIR, "2022-12-04", "2022-12-07")))
    save(db, make_report("四", "2022-11-20", make_event("第20届中国青岛国际茶文化博览会", "2022-12-04")), now=LATER)
    save(db, make_report("五", "2022-11-21", make_event(FAIR + "开幕式", "2022-12-04")), now=LATER)
    found = events(db)
    assert len(found) == 2
    assert sorted(len(e.mentions) for e in found) == [2, 3]


def test_a_better_title_from_a_later_report_updates_the_event_under_its_uid(db):
    save(db, make_report("一", "2022-11-01", make_event("世界工业互联网产业大会", "2022-11-29")))
    [before] = events(db)
    counts = save(db, make_report("二", "2022-11-10", make_event("2022世界工业互联网产业大会", "2022-11-29")),
                  now=LATER)
    [after] = events(db)
    assert (after.uid, after.title, after.sequence) == (before.uid, "2022世界工业互联网产业大会", 1)
    assert counts.updated == 1


# --- dates and places ---------------------------------------------------------------------------


def test_a_moved_date_at_the_same_place_is_the_same_event(db):
    save(db, make_report("一", "2022-11-01", make_event(FAIR, "2022-12-04", "2022-12-07", location="青岛国际会展中心")))
    save(db, make_report("二", "2022-11-20", make_event(FAIR, "2023-01-11", "2023-01-14", location="青岛国际会展中心")),
         now=LATER)
    [event] = events(db)
    assert (event.start, event.end, event.sequence) == ("2023-01-11", "2023-01-14", 1)


def test_another_date_at_another_place_is_another_event(db):
    save(db, make_report("一", "2022-05-01", make_event("人才招聘会", "2022-05-10", location="青岛国际会展中心")))
    later = make_event("人才招聘会", "2022-06-15", location="济南舜耕会堂")
    save(db, make_report("二", "2022-06-01", later), now=LATER)
    assert len(events(db)) == 2


def test_a_new_place_on_the_same_days_is_a_change_of_place(db):
    save(db, make_report("一", "2022-05-01", make_event("人才招聘会", "2022-05-10", location="青岛国际会展中心")))
    elsewhere = make_event("人才招聘会", "2022-05-10", location="济南舜耕会堂")
    save(db, make_report("二", "2022-05-05", elsewhere), now=LATER)
    [event] = events(db)
    assert event.location == "济南舜耕会堂"


def test_one_name_a_year_apart_is_two_events(db):
    save(db, make_report("去年", "2021-11-01", make_event(FAIR, "2021-11-29")))
    save(db, make_report("今年", "2022-11-01", make_event(FAIR, "2022-11-29")))
    assert [e.start for e in events(db)] == ["2021-11-29", "2022-11-29"]


def test_names_with_different_years_are_different_editions_however_close(db):
    save(db, make_report("一", "2021-12-01", make_event("2021青岛国际啤酒节", "2021-12-20")))
    save(db, make_report("二", "2022-02-01", make_event("2022青岛国际啤酒节", "2022-03-01")))
    save(db, make_report("三", "2022-01-01", make_event("青岛国际啤酒节", "2022-01-20")))
    titles = sorted(e.title for e in events(db))
    assert titles[:2] == ["2021青岛国际啤酒节", "2022青岛国际啤酒节"] and len(titles) == 2


def test_two_events_on_one_day_in_one_sentence_stay_two(db):
    sentence = "12月1日，人才招聘会分别在市南区、市北区举行。"
    save(db, make_report("一", "2022-11-22",
                         make_event("人才招聘会", "2022-12-01", location="市南区", evidence=sentence),
                         make_event("人才招聘会", "2022-12-01", location="市北区", evidence=sentence)))
    assert sorted(e.location for e in events(db)) == ["市北区", "市南区"]
    save(db, make_report("二", "2022-11-25", make_event("人才招聘会", "2022-12-01", location="市南区")), now=LATER)
    assert len(events(db)) == 2


# --- the same result whatever the order ----------------------------------------------------------


REPORTS = [
    make_report("一", "2022-01-01", make_event(FAIR, "2022-01-10", location="青岛")),
    make_report("二", "2022-02-01", make_event("第20届中国青岛国际茶文化博览会", "2022-06-01")),
    make_report("三", "2022-03-01", make_event(FAIR, "2022-10-01", "2022-10-03")),
    make_report("四", "2022-03-05", make_event("2022世界工业互联网产业大会", "2022-11-29", location="青岛")),
    make_report("五", "2022-04-01", make_event("世界工业互联网产业大会", "2022-12-15")),
    make_report("六", "2023-03-05", make_event(FAIR, "2023-10-01")),
]


def test_every_order_of_ingest_ends_with_the_same_events_and_uids(tmp_path):
    results = set()
    for n, order in enumerate(itertools.islice(itertools.permutations(REPORTS), 0, None, 37)):
        db = store.open_db(tmp_path / f"{n}.db")
        for report in order:
            save(db, report)
        results.add(tuple(visible(db)))
        db.close()
    assert n > 10 and len(results) == 1
    [state] = results
    assert len(state) == 3


def test_ingesting_every_article_again_changes_nothing(db):
    for report in REPORTS:
        save(db, report)
    before = dump(db)
    for report in reversed(REPORTS):
        counts = save(db, report, now=LATER)
        assert counts.new == counts.retracted == counts.updated == 0
    assert dump(db) == before


def test_a_name_reported_every_week_for_two_years_is_not_one_event(db):
    first = dt.date(2022, 1, 3)
    for week in range(104):
        day = (first + dt.timedelta(weeks=week)).isoformat()
        save(db, make_report(f"第{week}周", day, make_event("新闻发布会", day)))
    found = events(db)
    assert 2 <= len(found) <= 104
    spans = [(dt.date.fromisoformat(e.mentions[-1].published) - dt.date.fromisoformat(e.mentions[0].published)).days
             for e in found]
    assert max(spans) <= 360
