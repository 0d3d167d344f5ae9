"""The per-event search documents caught up once per group of files are exactly what row-by-row triggers give
(issue 19); the two indexes no query read are gone (migration `_drop_unread_search_indexes`)."""

from __future__ import annotations

import re
import sqlite3

import pytest
from sqlite_utils import Database

from feeds import store
from feeds.store import schema, search_index
from feeds.store.search_index import EVENT_SEARCH_PENDING

pytestmark = pytest.mark.skipif(not store.HAS_TRIGRAM, reason="no trigram tokenizer: no full-text index")

DOCUMENTS = "SELECT rowid, body FROM event_search ORDER BY rowid"
DROPPED = ("events_fts", "mentions_fts", "events_fts_pending", "mentions_fts_pending")


def documents_current(db) -> bool:
    """The search documents are what the events and mentions say now, and FTS5 finds its index sound."""
    db.execute("INSERT INTO event_search (event_search) VALUES ('integrity-check')")
    return dict(db.execute(DOCUMENTS).fetchall()) == dict(db.execute(schema.EVENT_DOCUMENT).fetchall())


def noted(db) -> int:
    return db.execute(f"SELECT count(*) FROM {EVENT_SEARCH_PENDING}").fetchone()[0]


def found(db, words: str) -> list[str]:
    """The uids of the events whose documents match (a key ends in its event's rowid: schema.document_key)."""
    return [row[0] for row in db.execute("SELECT uid FROM events WHERE rowid IN (SELECT rowid & ? FROM event_search"
                                         " WHERE event_search MATCH ?)", [schema.EVENT_ROWID_MASK, words])]


def changes(db) -> None:
    """Inserts, updates of indexed and other columns, deletes, a rowid used again, all in the open transaction."""
    insert = ('INSERT INTO events (uid, key, title, category, start, "end", all_day, precision, location, created,'
              " updated) VALUES (?, ?, ?, 'fair', '2024-05-01', '2024-05-02', 1, 'day', ?, 'x', 'x')")
    db.execute(insert, ["a", "a", "青岛国际啤酒节", "金沙滩"])
    db.execute(insert, ["b", "b", "中国国际消费品博览会", "海口"])
    db.execute(insert, ["c", "c", "世界智能大会", "天津"])
    db.execute("UPDATE events SET title = '第三十三届青岛国际啤酒节', location = '西海岸' WHERE uid = 'a'")
    db.execute("UPDATE events SET sequence = sequence + 1 WHERE uid = 'b'")
    db.execute("DELETE FROM events WHERE uid = 'c'")
    db.execute(insert, ["d", "d", "东北亚博览会", "长春"])  # takes the rowid 'c' had
    db.execute("INSERT INTO articles (id, source, headline, text, ingested) VALUES ('art', 's', 'h', 't', 'x')")
    db.execute("INSERT INTO mentions (event_uid, article_id, evidence, start, \"end\", created)"
               " VALUES ('a', 'art', '青岛国际啤酒节将于8月开幕', 0, 12, 'x')")
    db.execute("UPDATE mentions SET evidence = '啤酒节8月在西海岸开幕' WHERE event_uid = 'a'")


def stored_before(db) -> None:
    """Rows indexed before the transaction that defers: their old terms must leave the index."""
    with store.transaction(db):
        changes(db)


@pytest.mark.parametrize("before", [False, True], ids=["empty store", "rows indexed before"])
def test_the_documents_are_rebuilt_once_at_the_end_and_equal_a_row_by_row_store(tmp_path, before):
    at_once, later = store.open_db(tmp_path / "now.db"), store.open_db(tmp_path / "later.db")
    for db in (at_once, later):
        if before:
            stored_before(db)
    with store.transaction(at_once):
        changes(at_once) if not before else at_once.execute("UPDATE events SET location = '崂山' WHERE uid = 'a'")
    with store.transaction(later), search_index.deferred(later):
        written = later.execute("SELECT count(*) FROM event_search").fetchone()[0]
        changes(later) if not before else later.execute("UPDATE events SET location = '崂山' WHERE uid = 'a'")
        assert later.execute("SELECT count(*) FROM event_search").fetchone()[0] == written  # noted, not yet written
        assert noted(later) > 0
    assert later.execute(DOCUMENTS).fetchall() == at_once.execute(DOCUMENTS).fetchall() != []
    assert documents_current(later)
    assert noted(later) == 0 and later.execute("SELECT count(*) FROM fts_paused").fetchone()[0] == 0
    assert found(later, "啤酒节") == ["a"]


def test_a_part_rolled_back_leaves_nothing_noted(db):
    with store.transaction(db), search_index.deferred(db):
        with pytest.raises(RuntimeError), store.savepoint(db):
            changes(db)
            raise RuntimeError("a file that fails")
        assert noted(db) == 0
    assert db.execute("SELECT count(*) FROM event_search").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_documents_written_outside_a_deferred_group_stay_current(db):
    with store.transaction(db):
        changes(db)
    assert noted(db) == 0
    assert documents_current(db) and found(db, "博览会") == ["b", "d"]


def test_an_error_while_deferred_undoes_the_group_so_the_pause_is_never_committed(db):
    with store.transaction(db), pytest.raises(RuntimeError), search_index.deferred(db):
        changes(db)
        raise RuntimeError("a bug, not a storage fault")
    assert db.execute("SELECT count(*) FROM fts_paused").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    with store.transaction(db):
        changes(db)  # indexed at once again, not noted for later
    assert noted(db) == 0 and found(db, "啤酒节") == ["a"]


def test_deferring_needs_a_transaction(db):
    with pytest.raises(RuntimeError), search_index.deferred(db):
        pass


def test_a_store_has_no_index_but_the_events_documents(db):
    """Every search reads event_search: the indexes of titles and of evidence, and their triggers, are not kept."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "event_search" in tables and not tables & set(DROPPED)
    assert not [t.name for t in db.triggers if re.search(r"\b(?:events|mentions)_fts", t.sql)]


def migrated_from(tmp_path, migration, name: str) -> Database:
    """A store written by the migrations before `migration` (with changes made there), then opened: migrated."""
    conn = sqlite3.connect(tmp_path / name)
    older = Database(conn)
    with store.transaction(older):
        for version, step in enumerate(store.MIGRATIONS[:store.MIGRATIONS.index(migration)], start=1):
            step(older)
            older.execute(f"PRAGMA user_version = {version}")
    with store.transaction(older):
        changes(older)
    conn.close()
    return store.open_db(tmp_path / name)


@pytest.mark.parametrize("migration", [schema._cheaper_ingest_writes, schema._drop_unread_search_indexes],
                         ids=["from version 6", "from version 9"])
def test_a_migrated_store_drops_the_unread_indexes_and_searches_as_a_fresh_one(tmp_path, migration):
    migrated, fresh = migrated_from(tmp_path, migration, "older.db"), store.open_db(tmp_path / "fresh.db")
    with store.transaction(fresh):
        changes(fresh)
    for db in (migrated, fresh):
        with store.transaction(db), search_index.deferred(db):
            db.execute("UPDATE events SET title = '东北亚国际会展周' WHERE uid = 'd'")
    tables = {row[0] for row in migrated.execute("SELECT name FROM sqlite_master")}
    assert not tables & set(DROPPED)
    assert {t.name for t in migrated.triggers} == {t.name for t in fresh.triggers}
    assert migrated.execute(DOCUMENTS).fetchall() == fresh.execute(DOCUMENTS).fetchall() != []
    assert documents_current(migrated) and found(migrated, "会展周") == ["d"]
