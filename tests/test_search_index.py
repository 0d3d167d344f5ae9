"""The full-text indexes caught up once per group of files hold exactly what row-by-row triggers give (issue 19)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from feeds import store
from feeds.store import schema, search_index

pytestmark = pytest.mark.skipif(not store.HAS_TRIGRAM, reason="no trigram tokenizer: no full-text index")


def index_of(db, table: str) -> list[tuple]:
    """Every (term, rowid, column, offset) the table's full-text index holds."""
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_terms USING fts5vocab(main, {table}_fts, instance)")
    return db.execute(f"SELECT term, doc, col, offset FROM temp.{table}_terms ORDER BY 1, 2, 3, 4").fetchall()


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
def test_an_index_caught_up_at_the_end_equals_one_kept_row_by_row(tmp_path, before):
    at_once, later = store.open_db(tmp_path / "now.db"), store.open_db(tmp_path / "later.db")
    for db in (at_once, later):
        if before:
            stored_before(db)
    with store.transaction(at_once):
        changes(at_once) if not before else at_once.execute("UPDATE events SET location = '崂山' WHERE uid = 'a'")
    with store.transaction(later), search_index.deferred(later):
        changes(later) if not before else later.execute("UPDATE events SET location = '崂山' WHERE uid = 'a'")
        assert later.execute("SELECT count(*) FROM events_fts_pending").fetchone()[0] > 0
    for table in ("events", "mentions"):
        assert index_of(later, table) == index_of(at_once, table) != []
        assert later.execute(f"SELECT count(*) FROM {table}_fts_pending").fetchone()[0] == 0
    assert later.execute("SELECT count(*) FROM fts_paused").fetchone()[0] == 0
    assert [r[0] for r in later.execute("SELECT uid FROM events WHERE rowid IN"
                                        " (SELECT rowid FROM events_fts WHERE events_fts MATCH '啤酒节')")] == ["a"]


def test_the_events_search_documents_are_rebuilt_once_at_the_end_and_equal_a_row_by_row_store(tmp_path):
    at_once, later = store.open_db(tmp_path / "now.db"), store.open_db(tmp_path / "later.db")
    with store.transaction(at_once):
        changes(at_once)
    with store.transaction(later), search_index.deferred(later):
        changes(later)
        assert later.execute("SELECT count(*) FROM event_search").fetchone()[0] == 0  # noted, not yet written
        assert later.execute(f"SELECT count(*) FROM {search_index.EVENT_SEARCH_PENDING}").fetchone()[0] > 0
    documents = "SELECT rowid, body FROM event_search ORDER BY rowid"
    assert later.execute(documents).fetchall() == at_once.execute(documents).fetchall() != []
    assert dict(later.execute(documents).fetchall()) == dict(later.execute(schema.EVENT_DOCUMENT).fetchall())
    assert later.execute(f"SELECT count(*) FROM {search_index.EVENT_SEARCH_PENDING}").fetchone()[0] == 0


def test_a_part_rolled_back_leaves_nothing_noted(db):
    with store.transaction(db), search_index.deferred(db):
        with pytest.raises(RuntimeError), store.savepoint(db):
            changes(db)
            raise RuntimeError("a file that fails")
        assert db.execute("SELECT count(*) FROM events_fts_pending").fetchone()[0] == 0
    assert index_of(db, "events") == [] and db.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_an_index_written_outside_a_deferred_group_stays_current(db):
    with store.transaction(db):
        changes(db)
    assert db.execute("SELECT count(*) FROM events_fts_pending").fetchone()[0] == 0
    db.execute("CREATE VIRTUAL TABLE temp.check_terms USING fts5vocab(main, events_fts, row)")
    assert ("博览会", 2) in db.execute("SELECT term, doc FROM temp.check_terms").fetchall()


def test_an_error_while_deferred_undoes_the_group_so_the_pause_is_never_committed(db):
    with store.transaction(db), pytest.raises(RuntimeError), search_index.deferred(db):
        changes(db)
        raise RuntimeError("a bug, not a storage fault")
    assert db.execute("SELECT count(*) FROM fts_paused").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    with store.transaction(db):
        changes(db)  # indexed at once again, not noted for later
    assert db.execute("SELECT count(*) FROM events_fts_pending").fetchone()[0] == 0
    assert db.execute("SELECT uid FROM events WHERE rowid IN"
                      " (SELECT rowid FROM events_fts WHERE events_fts MATCH '啤酒节')").fetchall() == [("a",)]


def test_deferring_needs_a_transaction(db):
    with pytest.raises(RuntimeError), search_index.deferred(db):
        pass


def test_a_store_indexed_by_the_old_triggers_keeps_its_index_and_searches_what_changes_after(tmp_path):
    conn = sqlite3.connect(tmp_path / "older.db")
    older = Database(conn)
    before_this = store.MIGRATIONS[:store.MIGRATIONS.index(schema._cheaper_ingest_writes)]
    with store.transaction(older):
        for version, step in enumerate(before_this, start=1):
            step(older)
            older.execute(f"PRAGMA user_version = {version}")
    with store.transaction(older):
        changes(older)
    conn.close()
    migrated, fresh = store.open_db(tmp_path / "older.db"), store.open_db(tmp_path / "fresh.db")
    with store.transaction(fresh):
        changes(fresh)
    for db in (migrated, fresh):
        with store.transaction(db):
            db.execute("UPDATE events SET title = '东北亚国际会展周' WHERE uid = 'd'")
    for table in ("events", "mentions"):
        assert index_of(migrated, table) == index_of(fresh, table) != []
