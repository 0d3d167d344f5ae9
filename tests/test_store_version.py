"""The response cache's check that the store changed: no query per request, yet every commit seen (issue 19)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from conftest import make_event, make_report, save

from feeds import store
from feeds.web.store_version import StoreVersion


def _no_pragma(monkeypatch, version: StoreVersion) -> None:
    def refuse():
        raise AssertionError("a query ran")

    monkeypatch.setattr(version, "_pragma", refuse)


def test_a_wal_store_is_read_from_shared_memory_without_a_query(db, db_path, monkeypatch):
    version = StoreVersion(lambda: str(db_path))
    first = version.current()
    assert isinstance(first, bytes)
    _no_pragma(monkeypatch, version)
    assert all(version.current() == first for _ in range(100))
    version.close()


def test_a_commit_by_this_process_changes_it(db, db_path):
    version = StoreVersion(lambda: str(db_path))
    before = version.current()
    save(db, make_report("会议", "2024-03-01", make_event("青岛海洋论坛", "2024-05-01")))
    assert version.current() != before
    version.close()


def test_a_commit_by_another_process_changes_it(db, db_path, monkeypatch):
    version = StoreVersion(lambda: str(db_path))
    before = version.current()
    _no_pragma(monkeypatch, version)
    script = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
              " c.execute(\"UPDATE meta SET value = value + 1 WHERE key = 'changes'\"); c.commit()")
    subprocess.run([sys.executable, "-c", script, str(db_path)], check=True)
    assert version.current() != before
    version.close()


def test_a_store_not_in_wal_mode_asks_sqlite(tmp_path):
    path = tmp_path / "rollback.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    version = StoreVersion(lambda: str(path))
    before = version.current()
    assert isinstance(before, int)
    other = sqlite3.connect(path)
    other.execute("INSERT INTO t VALUES (1)")
    other.commit()
    assert version.current() != before
    version.close()


def test_no_file_no_version(tmp_path):
    assert StoreVersion(lambda: str(tmp_path / "missing.db")).current() is None
    assert not (tmp_path / "missing.db").exists()


def test_every_commit_is_seen_across_checkpoints_that_restart_the_log(db, db_path):
    version = StoreVersion(lambda: str(db_path))
    seen = [version.current()]
    for n in range(3):
        save(db, make_report(f"会议{n}", "2024-03-01", make_event(f"论坛{n}", "2024-05-01")))
        seen.append(version.current())
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert len(set(seen)) == len(seen)
    assert store.count_events(db) == 3
    version.close()


def test_a_forked_worker_opens_its_own(db, db_path):
    import os

    version = StoreVersion(lambda: str(db_path))
    version.current()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a fresh connection, then a commit seen
        try:
            fresh = version._conn is None
            before = version.current()
            other = sqlite3.connect(db_path)
            other.execute("UPDATE meta SET value = value + 1 WHERE key = 'changes'")
            other.commit()
            os.write(write, b"1" if fresh and version.current() != before else b"0")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1"
    version.close()
