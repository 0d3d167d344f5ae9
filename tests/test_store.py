"""The store: schema, merging the same event across articles, stable uids, queries and the data version."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest
from conftest import NOW, dump, make_event, make_report, save

from feeds import store
from feeds.models import Selection

LATER = NOW + dt.timedelta(days=3)

CONGRESS = "2022世界工业互联网产业大会"


# --- schema ----------------------------------------------------------------------------------


def test_schema_has_the_three_tables_with_their_columns(db):
    assert db["articles"].columns_dict.keys() >= {
        "id",
        "source",
        "source_url",
        "headline",
        "published",
        "published_method",
        "text",
        "ingested",
    }
    assert db["events"].columns_dict.keys() >= {
        "uid",
        "key",
        "title",
        "category",
        "start",
        "end",
        "all_day",
        "precision",
        "location",
        "status",
        "sequence",
        "created",
        "updated",
    }
    assert db["mentions"].columns_dict.keys() >= {"event_uid", "article_id", "evidence", "start", "end"}
    assert db["events"].pks == ["uid"]
    assert db["articles"].pks == ["id"]


def test_mentions_are_unique_per_event_article_and_offset(db):
    unique = [set(index.columns) for index in db["mentions"].indexes if index.unique]
    assert {"event_uid", "article_id", "start"} in unique


@pytest.mark.skipif(not store.HAS_TRIGRAM, reason="SQLite older than 3.34 has no trigram tokenizer")
def test_full_text_search_indexes_each_events_title_location_and_evidence_with_trigrams(db):
    """One document per event (migration _add_event_search); the tables' own indexes are gone (_drop_unread_...)."""
    assert "trigram" in db["event_search"].schema
    assert db["events"].detect_fts() is None and db["mentions"].detect_fts() is None
    assert {"events_search_ai", "events_search_au", "events_search_ad", "mentions_search_ai"} <= {
        t.name for t in db.triggers}


def test_database_is_in_wal_mode_with_a_busy_timeout(db):
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS


def test_schema_version_counts_the_migrations_applied(db):
    assert store.schema_version(db) == len(store.MIGRATIONS) >= 1


def test_reopening_a_migrated_database_changes_nothing(db_path):
    store.open_db(db_path).close()
    again = store.open_db(db_path)
    assert store.schema_version(again) == len(store.MIGRATIONS)
    again.close()


def test_a_database_from_a_newer_version_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(store.MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(store.SchemaTooNew):
        store.open_db(db_path)


def test_a_failed_migration_leaves_the_database_at_its_old_version(db_path, monkeypatch):
    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store.schema, "MIGRATIONS", [*store.schema.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        store.open_db(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


# --- identity --------------------------------------------------------------------------------


def test_event_key_ignores_spaces_punctuation_quotes_and_a_leading_year():
    assert store.event_key("2022 世界工业互联网产业大会") == store.event_key("“世界工业互联网产业大会”")
    assert store.event_key("《青岛日报》读者见面会") == store.event_key("青岛日报读者见面会")
    assert store.event_key("２０２３年 东亚海洋博览会") == store.event_key("东亚海洋博览会")


def test_event_key_keeps_what_tells_events_apart():
    assert store.event_key("第二届人才周") != store.event_key("第三届人才周")


def test_uid_is_the_same_in_two_fresh_databases(tmp_path):
    uids = []
    for name in ("one.db", "two.db"):
        db = store.open_db(tmp_path / name)
        save(db, make_report("大会下月举行", "2022-11-22", make_event(CONGRESS, "2022-11-29", "2022-11-30")))
        uids.append([e.uid for e in store.query_events(db, Selection())])
        db.close()
    assert uids[0] == uids[1]
    assert re.fullmatch(r"[0-9a-f]{24}@feeds", uids[0][0])


def test_article_id_is_a_content_hash():
    one = make_report("标题", "2022-11-22", make_event(CONGRESS, "2022-11-29")).article
    two = make_report("标题", None, make_event(CONGRESS, "2022-11-29")).article
    assert store.article_id(one) == store.article_id(two)
    assert re.fullmatch(r"[0-9a-f]{64}", store.article_id(one))


# --- saving and merging ----------------------------------------------------------------------


def test_a_new_event_is_stored_with_its_mention(db):
    counts = save(
        db,
        make_report(
            "大会下月举行", "2022-11-22", make_event(CONGRESS, "2022-11-29", "2022-11-30", location="青岛")
        ),
    )
    assert (counts.new, counts.updated, counts.unchanged) == (1, 0, 0)
    [event] = store.query_events(db, Selection())
    assert (event.title, event.start, event.end, event.location) == (
        CONGRESS,
        "2022-11-29",
        "2022-11-30",
        "青岛",
    )
    assert event.all_day and event.precision == "day" and event.status == "confirmed"
    assert event.sequence == 0
    assert event.created == event.updated == "2024-03-01T08:00:00Z"
    [mention] = event.mentions
    assert (mention.headline, mention.published, mention.source) == ("大会下月举行", "2022-11-22", "page.txt")


def test_the_same_event_in_two_articles_is_one_event_with_two_mentions(db):
    save(db, make_report("早先的报道", "2022-11-22", make_event(CONGRESS, "2022-11-29", "2022-11-30")))
    save(
        db,
        make_report(
            "后来的报道", "2022-12-15", make_event("世界工业互联网产业大会", "2022-11-29", "2022-11-30")
        ),
        now=LATER,
    )
    [event] = store.query_events(db, Selection())
    assert [m.headline for m in event.mentions] == ["早先的报道", "后来的报道"]


def test_the_later_publication_wins_and_bumps_the_sequence_keeping_the_uid(db):
    save(
        db,
        make_report(
            "早先的报道", "2022-11-22", make_event(CONGRESS, "2022-11-29", "2022-11-30", location="青岛")
        ),
    )
    [before] = store.query_events(db, Selection())
    counts = save(
        db,
        make_report(
            "延期通知",
            "2022-12-15",
            make_event(CONGRESS, "2022-12-15", "2022-12-16", location="青岛国际会议中心"),
        ),
        now=LATER,
    )
    [after] = store.query_events(db, Selection())
    assert (counts.new, counts.updated, counts.unchanged) == (0, 1, 0)
    assert after.uid == before.uid
    assert (after.start, after.end, after.location) == ("2022-12-15", "2022-12-16", "青岛国际会议中心")
    assert after.sequence == before.sequence + 1
    assert after.created == before.created
    assert after.updated == "2024-03-04T08:00:00Z"


def test_an_older_publication_ingested_later_does_not_override_newer_facts(db):
    save(db, make_report("后来的报道", "2022-12-15", make_event(CONGRESS, "2022-12-15", "2022-12-16")))
    [first] = store.query_events(db, Selection())
    counts = save(
        db,
        make_report("早先的报道", "2022-11-22", make_event(CONGRESS, "2022-11-29", "2022-11-30")),
        now=LATER,
    )
    [event] = store.query_events(db, Selection())
    assert (event.start, event.end, event.sequence) == ("2022-12-15", "2022-12-16", 0)
    assert len(event.mentions) == 2
    # the uid is the earliest report's, as if the articles had come in publication order; the first uid
    # is retracted and names the event as its successor
    assert (counts.new, counts.retracted) == (1, 1)
    assert db.execute("SELECT successor FROM retractions WHERE uid = ?", [first.uid]).fetchone() == (event.uid,)


def test_a_second_report_with_the_same_facts_changes_neither_sequence_nor_updated(db):
    save(
        db, make_report("一", "2022-11-22", make_event(CONGRESS, "2022-11-29", "2022-11-30", location="青岛"))
    )
    counts = save(
        db, make_report("二", "2022-11-25", make_event(CONGRESS, "2022-11-29", "2022-11-30")), now=LATER
    )
    [event] = store.query_events(db, Selection())
    assert counts.unchanged == 1
    assert (event.sequence, event.updated, event.location) == (0, "2024-03-01T08:00:00Z", "青岛")


def test_a_later_cancellation_is_a_change(db):
    save(db, make_report("一", "2022-11-22", make_event(CONGRESS, "2022-11-29")))
    save(
        db, make_report("二", "2022-11-25", make_event(CONGRESS, "2022-11-29", status="cancelled")), now=LATER
    )
    [event] = store.query_events(db, Selection())
    assert (event.status, event.sequence) == ("cancelled", 1)


def test_the_same_title_a_year_apart_is_two_events(db):
    save(db, make_report("去年", "2021-11-01", make_event(CONGRESS, "2021-11-29")))
    save(db, make_report("今年", "2022-11-01", make_event(CONGRESS, "2022-11-29")))
    assert [e.start for e in store.query_events(db, Selection())] == ["2021-11-29", "2022-11-29"]


def test_an_event_moved_twice_and_its_first_report_ingested_again_stay_one_event(db):
    """Three reports of one fair, published 1 Jan / 1 Feb / 1 Mar, for 10 Jan / 20 Jun / 1 Dec: each move is
    within the window of the one before, so they are one event; ingesting the first again changes nothing."""
    first = make_report("一", "2022-01-01", make_event(CONGRESS, "2022-01-10"))
    save(db, first)
    save(db, make_report("二", "2022-02-01", make_event(CONGRESS, "2022-06-20")), now=LATER)
    save(db, make_report("三", "2022-03-01", make_event(CONGRESS, "2022-12-01")), now=LATER)
    [moved] = store.query_events(db, Selection())
    before = dump(db)
    counts = save(db, first, now=LATER)
    assert (counts.new, counts.updated, counts.unchanged) == (0, 0, 1)
    assert dump(db) == before
    assert (moved.start, len(moved.mentions)) == ("2022-12-01", 3)


def test_saving_the_same_article_again_changes_nothing(db):
    report = make_report(
        "一", "2022-11-22", make_event(CONGRESS, "2022-11-29"), make_event("采洽会", "2022-11-22")
    )
    save(db, report)
    before = dump(db)
    counts = save(db, report, now=LATER)
    assert (counts.new, counts.updated, counts.unchanged) == (0, 0, 2)
    assert dump(db) == before


def test_re_saving_an_undated_article_does_not_undo_a_later_report(db):
    first = make_report("无日期一", None, make_event(CONGRESS, "2022-11-29"))
    save(db, first)
    save(db, make_report("无日期二", None, make_event(CONGRESS, "2022-12-15")), now=LATER)
    before = dump(db)
    counts = save(db, first, now=LATER + dt.timedelta(days=1))
    assert counts.unchanged == 1
    assert dump(db) == before


def test_reports_within_one_file_revise_an_event_without_bumping_its_sequence(db):
    fresh: set[str] = set()
    with store.transaction(db):
        store.save_article_events(
            db,
            "p.txt",
            None,
            make_report("一", "2022-11-22", make_event(CONGRESS, "2022-11-29")),
            now=NOW,
            fresh=fresh,
        )
        store.save_article_events(
            db,
            "p.txt",
            None,
            make_report("二", "2022-11-22", make_event(CONGRESS, "2022-11-29", "2022-11-30")),
            now=NOW,
            fresh=fresh,
        )
    [event] = store.query_events(db, Selection())
    assert (event.end, event.sequence) == ("2022-11-30", 0)


def test_a_failure_inside_a_transaction_leaves_nothing(db):
    empty = dump(db)
    with pytest.raises(RuntimeError), store.transaction(db):
        store.save_article_events(
            db, "p.txt", None, make_report("一", "2022-11-22", make_event(CONGRESS, "2022-11-29"))
        )
        raise RuntimeError("crash mid-file")
    assert dump(db) == empty


def test_two_connections_saving_the_same_report_make_one_event(db_path):
    first, second = store.open_db(db_path), store.open_db(db_path)
    report = make_report("一", "2022-11-22", make_event(CONGRESS, "2022-11-29"))
    save(first, report)
    save(second, make_report("二", "2022-11-22", make_event(CONGRESS, "2022-11-29")))
    [event] = store.query_events(first, Selection())
    assert len(event.mentions) == 2
    first.close()
    second.close()


# --- queries ---------------------------------------------------------------------------------


@pytest.fixture
def filled(db):
    save(
        db,
        make_report(
            "会展",
            "2022-11-20",
            make_event(CONGRESS, "2022-11-29", "2022-11-30", location="青岛国际会议中心"),
            make_event(
                "青岛中小企业国际采洽会",
                "2022-11-22T09:30:00+08:00",
                "2022-11-22T11:30:00+08:00",
                category="fair",
                location="青岛",
            ),
            make_event(
                "首届国际女水彩画家作品展",
                "2023-02-01",
                "2023-03-31",
                category="exhibition",
                evidence="画展在青岛市美术馆开展。",
            ),
            make_event("东京时尚展", "2022-10-01", "2022-10-31", category="fair", status="cancelled"),
        ),
    )
    return db


def titles(events):
    return [e.title for e in events]


def test_query_orders_by_start(filled):
    assert titles(store.query_events(filled, Selection())) == [
        "东京时尚展",
        "青岛中小企业国际采洽会",
        CONGRESS,
        "首届国际女水彩画家作品展",
    ]


def test_query_by_category_and_status(filled):
    assert titles(store.query_events(filled, Selection(category="fair"))) == [
        "东京时尚展",
        "青岛中小企业国际采洽会",
    ]
    assert titles(store.query_events(filled, Selection(status="cancelled"))) == ["东京时尚展"]


def test_query_by_location_substring(filled):
    assert titles(store.query_events(filled, Selection(location="会议中心"))) == [CONGRESS]


def test_query_date_window_keeps_events_overlapping_it(filled):
    found = store.query_events(filled, Selection(start=dt.date(2022, 11, 22), end=dt.date(2022, 11, 29)))
    assert titles(found) == ["青岛中小企业国际采洽会", CONGRESS]


def test_query_date_window_includes_timed_events_on_its_last_day(filled):
    found = store.query_events(filled, Selection(start=dt.date(2022, 11, 22), end=dt.date(2022, 11, 22)))
    assert titles(found) == ["青岛中小企业国际采洽会"]


def test_full_text_query_finds_titles(filled):
    assert titles(store.query_events(filled, Selection(q="互联网产业"))) == [CONGRESS]


def test_full_text_query_finds_evidence(filled):
    assert titles(store.query_events(filled, Selection(q="市美术馆"))) == ["首届国际女水彩画家作品展"]


def test_short_query_words_fall_back_to_substring_search(filled):
    assert titles(store.query_events(filled, Selection(q="画展"))) == ["首届国际女水彩画家作品展"]


def test_every_query_word_must_match(filled):
    assert titles(store.query_events(filled, Selection(q="青岛 采洽会"))) == ["青岛中小企业国际采洽会"]
    assert store.query_events(filled, Selection(q="青岛 北京")) == []


def test_query_text_is_not_sql_or_fts_syntax(filled):
    for nasty in ['"', "' OR 1=1 --", "NEAR(", "%", "_", "a*"]:
        assert store.query_events(filled, Selection(q=nasty)) == []


def test_query_can_keep_the_latest_events_first(filled):
    assert titles(store.query_events(filled, Selection(order="-start", limit=2))) == [
        "首届国际女水彩画家作品展",
        CONGRESS,
    ]


def test_query_can_order_by_latest_change(db):
    save(
        db,
        make_report(
            "一", "2022-11-01", make_event("甲博览会", "2022-11-29"), make_event("乙论坛", "2022-12-01")
        ),
    )
    save(db, make_report("二", "2022-11-10", make_event("甲博览会", "2022-11-30")), now=LATER)
    assert titles(store.query_events(db, Selection(order="-updated"))) == ["甲博览会", "乙论坛"]


def test_query_refuses_an_unknown_order(filled):
    with pytest.raises(ValueError):
        store.query_events(filled, Selection(order="title"))


def test_query_limit(filled):
    assert len(store.query_events(filled, Selection(limit=2))) == 2


def test_query_loads_mentions_in_one_extra_query(filled):
    """The events with their columns, the data version and all their mentions: three, not one per event (the
    events not kept yet are built from the rows the query read, not looked up again)."""
    from feeds.store.memo import EVENTS

    EVENTS.clear()
    statements = []
    with filled.tracer(lambda sql, params: statements.append(sql)):
        events = store.query_events(filled, Selection())
    assert len(events) > 1 and all(e.mentions for e in events)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3


def test_get_event_and_missing_event(filled):
    [first] = store.query_events(filled, Selection(limit=1))
    assert store.get_event(filled, first.uid) == first
    assert store.get_event(filled, "nothing@feeds") is None


def test_get_article(filled):
    [event] = store.query_events(filled, Selection(q="互联网产业"))
    article = store.get_article(filled, event.mentions[0].article_id)
    assert article["headline"] == "会展"
    assert article["published"] == "2022-11-20"
    assert article["published_method"] == "given"
    assert article["text"][event.mentions[0].start : event.mentions[0].end] == event.mentions[0].evidence
    assert store.get_article(filled, "0" * 64) is None


def test_past_events_are_listed_most_recent_first(filled):
    assert titles(store.past_events(filled, before=dt.date(2022, 12, 1))) == [
        CONGRESS,
        "青岛中小企业国际采洽会",
        "东京时尚展",
    ]


def test_recent_changes_lists_the_latest_updates_first(db):
    save(
        db,
        make_report(
            "一", "2022-11-01", make_event("甲博览会", "2022-11-29"), make_event("乙论坛", "2022-12-01")
        ),
    )
    save(db, make_report("二", "2022-11-10", make_event("甲博览会", "2022-11-30")), now=LATER)
    assert titles(store.recent_changes(db, 10)) == ["甲博览会", "乙论坛"]
    assert titles(store.recent_changes(db, 1)) == ["甲博览会"]


# --- data version ----------------------------------------------------------------------------


def test_data_version_of_an_empty_store_is_the_epoch(db):
    tag, modified = store.data_version(db)
    assert tag and modified == store.EPOCH


def test_data_version_changes_with_events_and_mentions_only(db):
    save(db, make_report("一", "2022-11-22", make_event(CONGRESS, "2022-11-29")))
    first = store.data_version(db)
    assert first[1] == NOW
    save(db, make_report("一", "2022-11-22", make_event(CONGRESS, "2022-11-29")), now=LATER)
    assert store.data_version(db) == first
    save(db, make_report("二", "2022-11-23", make_event(CONGRESS, "2022-11-29")), now=LATER)
    second = store.data_version(db)
    assert second[0] != first[0]
    assert second[1] == LATER


def test_backup_copies_every_event(db, tmp_path):
    save(db, make_report("一", "2022-11-22", make_event(CONGRESS, "2022-11-29")))
    store.backup(db, tmp_path / "copy.db")
    copy = store.open_db(tmp_path / "copy.db")
    assert titles(store.query_events(copy, Selection())) == [CONGRESS]
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
