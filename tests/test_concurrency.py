"""Concurrent use and crashes: the server answers during an ingest, two ingests at once neither duplicate
nor lose anything, and an ingest killed with SIGKILL leaves a sound database that a rerun completes."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from werkzeug.serving import make_server

from feeds import create_app, store
from feeds.ingest import ingest_paths

pytestmark = pytest.mark.slow

FEEDS = Path(sys.executable).with_name("feeds")
PUBLISHED = "2023-01-05"
CITIES = ["青岛", "济南", "烟台", "威海", "潍坊", "日照", "临沂", "淄博"]
PRODUCTS = ["食品", "机械", "纺织", "海洋", "家电", "茶叶", "汽车", "电子"]
KINDS = ["博览会", "交易会", "洽谈会", "推介会", "文化节", "论坛"]
ARTICLES = 300


def title(i: int) -> str:
    return f"第{i % 30 + 1}届{CITIES[i % 8]}国际{PRODUCTS[i // 8 % 8]}{KINDS[i // 64 % 6]}"


def sentence(i: int) -> str:
    month, day = i % 12 + 1, i % 25 + 1
    return f"{title(i)}将于{month}月{day}日至{day + 2}日在{CITIES[i % 8]}国际会展中心举行。"


def article(i: int) -> str:
    """A short news item with one event; every third one also reports the previous item's event again."""
    text = f"# {CITIES[i % 8]}会展动态之{i}\n\n本报讯 {sentence(i)}\n"
    if i % 3 == 2:
        text += f"另据介绍，{sentence(i - 1)}\n"
    return text


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    paths = []
    for i in range(ARTICLES):
        path = folder / f"{i:03d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def reference(articles, tmp_path_factory) -> dict[str, list[tuple]]:
    """The store after one uninterrupted ingest of every article into a fresh database."""
    db = store.open_db(tmp_path_factory.mktemp("reference") / "feeds.db")
    report = ingest_paths(db, [articles[0].parent], dt.date.fromisoformat(PUBLISHED))
    assert report.ok and report.events.new == ARTICLES
    state = content(db.conn)
    db.close()
    return state


def content(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """What the store holds, without the ingest times: equal for equal work done in any order."""
    return {
        "articles": conn.execute(
            "SELECT id, source, headline, published, published_method, text FROM articles ORDER BY id"
        ).fetchall(),
        "events": conn.execute(
            'SELECT uid, key, title, category, start, "end", all_day, precision, location, status, sequence,'
            " facts_published FROM events ORDER BY uid"
        ).fetchall(),
        "mentions": conn.execute(
            'SELECT event_uid, article_id, evidence, start, "end" FROM mentions ORDER BY 1, 2, 4'
        ).fetchall(),
    }


def ingest_process(db_path: Path, paths: list[Path] | Path) -> subprocess.Popen:
    names = [str(paths)] if isinstance(paths, Path) else [str(p) for p in paths]
    env = {**os.environ, "FEEDS_DATABASE": str(db_path), "FEEDS_LOG_LEVEL": "WARNING"}
    return subprocess.Popen(
        [str(FEEDS), "ingest", "--published", PUBLISHED, *names],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(process: subprocess.Popen, timeout: float = 30) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, out + err
    return out


def read_only(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


# --- two ingests at once -------------------------------------------------------------------------


def test_two_ingests_of_overlapping_files_at_once_equal_one_ingest(articles, reference, tmp_path):
    """One process reads the first two thirds in order, the other the last two thirds backwards:
    they meet on the same events in the middle."""
    db_path = tmp_path / "feeds.db"
    first = ingest_process(db_path, articles[:200])
    second = ingest_process(db_path, articles[100:][::-1])
    finish(first)
    finish(second)
    conn = read_only(db_path)
    state = content(conn)
    conn.close()
    assert len(state["events"]) == ARTICLES
    assert state == reference


OPEN_AT = """
import sys, time
from feeds import store
start = float(sys.argv[1])
for i, path in enumerate(sys.argv[2:]):
    while time.time() < start + i * 0.05:
        pass
    store.open_db(path).close()
"""
"""Open each database at an agreed moment, so every process creates and migrates it at once."""


def test_processes_creating_the_same_database_at_once_all_succeed(tmp_path):
    """Switching a new file to WAL fails at once, without waiting, while another process does the same."""
    paths = [str(tmp_path / f"{n}.db") for n in range(20)]
    start = time.time() + 1.5  # after every interpreter has started
    processes = [
        subprocess.Popen([sys.executable, "-c", OPEN_AT, str(start), *paths], stderr=subprocess.PIPE, text=True)
        for _ in range(6)
    ]
    failures = [err for process in processes if (err := process.communicate(timeout=30)[1]) or process.returncode]
    assert failures == []
    for path in paths:
        conn = read_only(Path(path))
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS)
        conn.close()


# --- killed mid-ingest ---------------------------------------------------------------------------


def wait_for_articles(db_path: Path, at_least: int, process: subprocess.Popen, timeout: float = 20) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if db_path.exists():
            try:
                conn = read_only(db_path)
                count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                conn.close()
                if count >= at_least:
                    return count
            except sqlite3.OperationalError:  # the schema is being created
                pass
        time.sleep(0.005)
    raise AssertionError(f"the ingest did not reach {at_least} articles while running")


@pytest.fixture(scope="module")
def killed(articles, tmp_path_factory) -> Path:
    """A database whose ingest of every article was killed with SIGKILL partway through."""
    db_path = tmp_path_factory.mktemp("killed") / "feeds.db"
    process = ingest_process(db_path, articles[0].parent)
    wait_for_articles(db_path, 20, process)
    workers = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    gone_within(workers, seconds=10)
    return db_path


def children(pid: int) -> set[int]:
    """The processes `pid` started (its `--jobs` workers), from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.add(int(stat.parent.name))
    return found


def gone_within(pids: set[int], seconds: float) -> None:
    """The workers of a killed ingest end on their own: none is left waiting for work."""
    deadline = time.monotonic() + seconds
    while (alive := {pid for pid in pids if _running(pid)}) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive, f"workers left behind by the killed ingest: {sorted(alive)}"


def _running(pid: int) -> bool:
    """Whether the process exists and has not ended (an ended one no parent has reaped yet is a zombie)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_killed_ingest_stopped_partway(killed):
    conn = read_only(killed)
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    assert 20 <= count < ARTICLES


def test_a_killed_ingest_leaves_a_sound_database(killed):
    conn = sqlite3.connect(killed)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_a_killed_ingest_leaves_no_half_ingested_article(killed):
    conn = read_only(killed)
    without_mentions = conn.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM mentions)"
    ).fetchone()[0]
    orphans = conn.execute(
        "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
        " OR event_uid NOT IN (SELECT uid FROM events)"
    ).fetchone()[0]
    unmentioned = conn.execute(
        "SELECT count(*) FROM events WHERE uid NOT IN (SELECT event_uid FROM mentions)"
    ).fetchone()[0]
    incomplete = conn.execute(  # every third article reports two events: both or neither
        "SELECT count(*) FROM articles a WHERE headline GLOB '*之*' AND"
        " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)"
        " != 1 + (CAST(substr(headline, instr(headline, '之') + 1) AS INTEGER) % 3 = 2)"
    ).fetchone()[0]
    conn.close()
    assert (without_mentions, orphans, unmentioned, incomplete) == (0, 0, 0, 0)


def test_running_the_killed_ingest_again_completes_it(killed, articles, reference):
    out = finish(ingest_process(killed, articles[0].parent))
    assert f"{ARTICLES} file(s) ingested" in out
    conn = read_only(killed)
    state = content(conn)
    conn.close()
    assert state == reference


# --- the server during an ingest -----------------------------------------------------------------


class Load:
    """Loopback clients requesting pages, calendars, feeds and the API until told to stop."""

    def __init__(self, port: int, urls: list[str], threads: int = 3, max_requests: int = 2000):
        self.port, self.urls, self.max_requests = port, urls, max_requests
        self.statuses: list[int] = []
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(threads)]

    def run(self, offset: int) -> None:
        n = offset
        while not self.stop.is_set():
            url = self.urls[n % len(self.urls)]
            n += 1
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                conn.request("GET", url, headers={"Accept-Encoding": "gzip"})
                response = conn.getresponse()
                response.read()
                conn.close()
                status = response.status
            except Exception as error:  # every failure is a finding
                with self.lock:
                    self.errors.append(f"{url}: {type(error).__name__}: {error}")
                continue
            with self.lock:
                self.statuses.append(status)
                if status >= 500:
                    self.errors.append(f"{url}: HTTP {status}")
                if len(self.statuses) >= self.max_requests:
                    self.stop.set()

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=15)


def test_the_server_answers_every_request_while_an_ingest_runs(articles, tmp_path):
    db_path = tmp_path / "feeds.db"
    db = store.open_db(db_path)
    ingest_paths(db, articles[:30], dt.date.fromisoformat(PUBLISHED))
    uids = store.event_uids(db)[:5]
    article_ids = store.article_ids(db)[:3]
    db.close()
    urls = ["/", "/calendar.ics", "/feed.rss", "/feed.atom", "/feed.json", "/api/events",
            "/api/events?q=" + quote("国际会展中心"), "/categories/fair.ics", "/api/openapi.json"]
    urls += [f"/events/{quote(uid, safe='@')}" for uid in uids] + [f"/api/events/{quote(u, safe='@')}" for u in uids]
    urls += [f"/articles/{aid}" for aid in article_ids]
    server = make_server("127.0.0.1", 0, create_app({"DATABASE": str(db_path)}), threaded=True)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        with Load(server.port, urls) as load:
            process = ingest_process(db_path, articles[0].parent)
            started = time.monotonic()
            while process.poll() is None and time.monotonic() - started < 20:
                time.sleep(0.05)
            during = len(load.statuses)
            finish(process)
    finally:
        server.shutdown()
        serving.join(timeout=10)
    assert load.errors == []
    assert during >= 20, "too few requests overlapped the ingest to test anything"
    assert set(load.statuses) == {200}
    conn = read_only(db_path)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == ARTICLES
    conn.close()
