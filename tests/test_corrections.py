"""Editors' corrections: stored apart from the extracted facts, shown everywhere, kept through re-ingest,
newer reports and re-extraction; hidden events gone; merges and splits that last."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import NOW, make_event, make_report, save

from feeds import store
from feeds.edits import EditRefused, Field, validate
from feeds.models import Selection
from feeds.reextract import reextract
from feeds.store import editing
from feeds.store.editing import ActionRefused, ReportRef

LATER = NOW + dt.timedelta(hours=1)
STAMP = store.utc_stamp(LATER)


def _fair(db, published="2024-03-01", start="2024-05-10", end="2024-05-12", headline="青岛啤酒节消息"):
    save(db, make_report(headline, published, make_event("青岛国际啤酒节", start, end, location="青岛")))
    return store.query_events(db, Selection())[0].uid


def _correct(db, uid, stamp=STAMP, **given):
    with store.transaction(db):
        current = editing.state(db, uid).shown
        return editing.correct(db, uid, validate(given, current), "ann", stamp)


def test_a_corrected_date_is_what_every_read_shows_with_a_new_sequence_and_last_modified(db):
    uid = _fair(db)
    before = store.get_event(db, uid)
    _correct(db, uid, start="2024-05-11", end="2024-05-13")
    after = store.get_event(db, uid)
    assert (after.start, after.end) == ("2024-05-11", "2024-05-13")
    assert after.sequence == before.sequence + 1 and after.updated == STAMP
    assert [e.uid for e in store.query_events(db, Selection(start=dt.date(2024, 5, 13)))] == [uid]
    state = editing.state(db, uid)
    assert (state.extracted["start"], state.corrections[Field.DATES].editor) == ("2024-05-10", "ann")


def test_a_correction_equal_to_what_is_shown_changes_nothing(db):
    uid = _fair(db)
    _correct(db, uid, title="青岛国际啤酒节", start="2024-05-10", end="2024-05-12")
    assert store.get_event(db, uid).sequence == 0
    assert editing.state(db, uid).corrections == {}


def test_corrections_survive_the_same_article_again_and_a_reextraction(db):
    uid = _fair(db)
    _correct(db, uid, title="第34届青岛国际啤酒节", category="festival", note="门票免费")
    save(db, make_report("青岛啤酒节消息", "2024-03-01", make_event("青岛国际啤酒节", "2024-05-10", "2024-05-12",
                                                                   location="青岛")))
    article = store.article_ids(db)[0]
    report = reextract(db, [article], now=LATER + dt.timedelta(hours=1),
                       extract=lambda a: make_report(a.headline, "2024-03-01",
                                                     make_event("青岛国际啤酒节", "2024-05-10", "2024-05-12",
                                                                location="青岛市")))
    assert report.articles == 1
    shown = store.get_event(db, uid)
    assert (shown.title, shown.category, shown.note, shown.location) == ("第34届青岛国际啤酒节", "festival",
                                                                         "门票免费", "青岛市")


def test_a_newer_report_that_contradicts_a_correction_is_a_conflict_not_applied(db):
    uid = _fair(db)
    _correct(db, uid, start="2024-05-11", end="2024-05-13")
    _fair(db, published="2024-04-01", start="2024-06-01", end="2024-06-03", headline="啤酒节延期")
    assert store.get_event(db, uid).start == "2024-05-11"
    state = editing.state(db, uid)
    assert [c.field for c in state.conflicts] == [Field.DATES]
    extraction = store.corrections.history(db, uid)[-1]
    assert (extraction.actor, extraction.action) == ("feeds", "extraction changed")
    assert extraction.after["start"] == "2024-06-01"
    with store.transaction(db):
        editing.settle(db, uid, Field.DATES, False, "ann", STAMP)
    assert editing.state(db, uid).conflicts == [] and store.get_event(db, uid).start == "2024-05-11"
    _fair(db, published="2024-04-05", start="2024-06-02", end="2024-06-04", headline="啤酒节再延期")
    with store.transaction(db):
        editing.settle(db, uid, Field.DATES, True, "ann", store.utc_stamp(LATER + dt.timedelta(hours=2)))
    assert store.get_event(db, uid).start == "2024-06-02"
    assert Field.DATES not in editing.state(db, uid).corrections


def test_corrections_follow_an_event_whose_uid_moves_to_an_older_report(db):
    uid = _fair(db, published="2024-03-10")
    _correct(db, uid, title="青岛啤酒节（更正）")
    _fair(db, published="2024-02-01", headline="更早的报道")
    events = store.query_events(db, Selection())
    assert len(events) == 1 and events[0].uid != uid
    assert events[0].title == "青岛啤酒节（更正）"
    assert store.get_retraction(db, uid).successor == events[0].uid


def test_a_hidden_event_is_on_no_public_surface_and_stays_hidden_after_reextraction(db):
    uid = _fair(db)
    with store.transaction(db):
        editing.set_hidden(db, uid, True, "ann", STAMP)
    assert store.query_events(db, Selection()) == [] and store.get_event(db, uid) is None
    assert store.recent_changes(db, 10) == [] and store.event_uids(db) == []
    assert store.events_of_article(db, store.article_ids(db)[0]) == []
    assert store.get_retraction(db, uid).title == "青岛国际啤酒节"
    article = store.article_ids(db)[0]
    reextract(db, [article], extract=lambda a: make_report(a.headline, "2024-03-01",
                                                           make_event("青岛国际啤酒节", "2024-05-10", "2024-05-13")))
    assert store.get_event(db, uid) is None and store.get_event(db, uid, hidden=True).end == "2024-05-13"
    with store.transaction(db):
        editing.set_hidden(db, uid, False, "ann", STAMP)
    assert store.get_event(db, uid) is not None


def _two(db):
    save(db, make_report("甲", "2024-03-01", make_event("青岛啤酒节", "2024-05-10")))
    save(db, make_report("乙", "2024-03-02", make_event("青岛国际啤酒节开幕", "2024-05-10")))
    first, second = sorted(store.query_events(db, Selection()), key=lambda e: e.mentions[0].headline)
    return first.uid, second.uid


def test_a_merged_event_keeps_both_mentions_and_the_other_redirects_through_reextraction(db):
    kept, gone = _two(db)
    with store.transaction(db):
        editing.merge(db, kept, gone, "ann", STAMP)
    [event] = store.query_events(db, Selection())
    assert event.uid == kept and {m.headline for m in event.mentions} == {"甲", "乙"}
    assert event.title == "青岛国际啤酒节开幕"
    assert store.get_retraction(db, gone).successor == kept
    reextract(db, store.article_ids(db), now=LATER + dt.timedelta(hours=1),
              extract=lambda a: make_report(a.headline, "2024-03-01",
                                            make_event("青岛啤酒节" if a.headline == "甲" else "青岛国际啤酒节开幕",
                                                       "2024-05-10")))
    assert [e.uid for e in store.query_events(db, Selection())] == [kept]


def test_a_split_takes_the_chosen_reports_to_a_new_event_and_stays_split(db):
    kept, gone = _two(db)
    with store.transaction(db):
        editing.merge(db, kept, gone, "ann", STAMP)
        leaving = [ReportRef(r["article_id"], r["anchor"])
                   for r in editing.reports_of(db, kept) if r["headline"] == "乙"]
        new = editing.split(db, kept, leaving, "ann", STAMP)
    assert {e.uid for e in store.query_events(db, Selection())} == {kept, new.uid}
    assert [m.headline for m in store.get_event(db, new.uid).mentions] == ["乙"]
    reextract(db, store.article_ids(db), now=LATER + dt.timedelta(hours=1),
              extract=lambda a: make_report(a.headline, "2024-03-01",
                                            make_event("青岛啤酒节" if a.headline == "甲" else "青岛国际啤酒节开幕",
                                                       "2024-05-10")))
    assert {e.uid for e in store.query_events(db, Selection())} == {kept, new.uid}
    with pytest.raises(ActionRefused), store.transaction(db):
        editing.split(db, kept, [ReportRef(r["article_id"], r["anchor"]) for r in editing.reports_of(db, kept)],
                      "ann", STAMP)


def test_every_change_is_in_the_history(db):
    uid = _fair(db)
    _correct(db, uid, title="新标题")
    with store.transaction(db):
        editing.confirm(db, uid, "ann", STAMP)
        editing.set_hidden(db, uid, True, "ann", STAMP)
    actions = [(e.actor, e.action) for e in store.corrections.history(db, uid)]
    assert actions == [("feeds", "extracted"), ("ann", "corrected"), ("ann", "confirmed"), ("ann", "hidden")]
    corrected = store.corrections.history(db, uid)[1]
    assert (corrected.before, corrected.after) == ({"title": "青岛国际啤酒节"}, {"title": "新标题"})


@pytest.mark.parametrize(("given", "name", "key"), [
    ({"start": "2024-05-12", "end": "2024-05-10"}, "end", "edit.end_before_start"),
    ({"category": "party"}, "category", "edit.category_unknown"),
    ({"start": "2024-02-30"}, "start", "edit.date_invalid"),
    ({"title": "长" * 500}, "title", "edit.too_long"),
    ({"title": "  "}, "title", "edit.required"),
    ({"status": "maybe"}, "status", "edit.status_unknown"),
    ({"start": "2024-05-01", "end": "2024-05-02T10:00"}, "end", "edit.dates_mixed"),
    ({"start": "2024-05-01", "all_day": "false"}, "all_day", "edit.all_day_time"),
    ({"colour": "red"}, "colour", "edit.unknown_field"),
])
def test_bad_input_is_refused_with_the_field_named(db, given, name, key):
    uid = _fair(db)
    with pytest.raises(EditRefused) as refused:
        validate(given, editing.state(db, uid).shown)
    assert [(e.name, e.key) for e in refused.value.errors] == [(name, key)]


def test_dates_take_a_time_of_day_or_a_month(db):
    uid = _fair(db)
    _correct(db, uid, start="2024-05-10T09:30", end="2024-05-10T17:00")
    event = store.get_event(db, uid)
    assert (event.start, event.end, event.all_day) == ("2024-05-10T09:30:00+08:00", "2024-05-10T17:00:00+08:00", False)
    _correct(db, uid, start="2024-06", end="")
    event = store.get_event(db, uid)
    assert (event.start, event.end, event.precision, event.all_day) == ("2024-06-01", "2024-06-30", "month", True)


def test_markup_in_a_title_is_stored_as_text(db):
    uid = _fair(db)
    _correct(db, uid, title="<script>alert(1)</script>啤酒节")
    assert store.get_event(db, uid).title == "<script>alert(1)</script>啤酒节"
