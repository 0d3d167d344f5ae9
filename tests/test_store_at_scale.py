"""The store is a function of its articles, at the size of a real corpus (2,500 generated pages with follow-up
reports that move dates, change places, write names another way and add opening ceremonies): ingesting it in
reverse, ingesting it again, three overlapping ingests at once, an ingest or a reextract killed with SIGKILL
and run again — each ends with exactly the events, uids and mentions of one clean ingest."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feeds import store
from feeds.ingest import ingest_paths

pytestmark = pytest.mark.slow

FEEDS = Path(sys.executable).with_name("feeds")
PAGES = 2500
FIRST = dt.date(2023, 1, 2)
CITIES = ("青岛", "济南", "烟台", "潍坊", "威海", "日照", "临沂", "淄博")
TOPICS = ("国际啤酒", "海洋科技", "智能制造", "跨境电商", "现代农业", "文化旅游", "新能源汽车", "工业互联网")
HEADS = ("博览会", "交易会", "洽谈会", "论坛", "文化节", "峰会")
VENUES = ("青岛国际会展中心", "红岛国际会议展览中心", "青岛国际会议中心", "五四广场", "青岛大剧院")
NUMERALS = "一二三四五六七八九十"


def chinese(n: int) -> str:
    tens, units = divmod(n, 10)
    return ("" if tens < 2 else NUMERALS[tens - 1]) + ("十" if tens else "") + (NUMERALS[units - 1] if units else "")


def day_text(day: dt.date, published: dt.date) -> str:
    return (f"{day.year}年" if day.year != published.year else "") + f"{day.month}月{day.day}日"


def corpus() -> list[tuple[str, str]]:
    """(file name, page) pairs: one article a page, six pages a day, a third of them follow-ups."""
    rng = random.Random(14)
    recent: list[dict] = []
    pages = []
    for n in range(PAGES):
        published = FIRST + dt.timedelta(days=n // 6)
        if recent and rng.random() < 0.35:
            event = rng.choice(recent)
            kind = rng.choice(("again", "moved", "place", "year", "digits", "opening"))
        else:
            edition = rng.randrange(2, 40)
            event = {"edition": edition, "name": f"{rng.choice(CITIES)}{rng.choice(TOPICS)}{rng.choice(HEADS)}",
                     "day": published + dt.timedelta(days=rng.randrange(10, 80)), "venue": rng.choice(VENUES),
                     "days": rng.randrange(1, 4)}
            recent = (recent + [event])[-40:]
            kind = "first"
        if kind == "moved":
            event["day"] = max(event["day"], published) + dt.timedelta(days=rng.randrange(7, 40))
        elif kind == "place":
            event["venue"] = rng.choice(VENUES)
        title = f"第{chinese(event['edition'])}届{event['name']}"
        if kind == "year":
            title = f"{event['day'].year}{title}"
        elif kind == "digits":
            title = f"第{event['edition']}届{event['name']}"
        start, last = event["day"], event["day"] + dt.timedelta(days=event["days"])
        until = day_text(last, published) if last.month != start.month else f"{last.day}日"
        when = f"{day_text(start, published)}至{until}"
        if kind == "moved":
            sentence = f"记者从主办方获悉，{title}延期至{when}在{event['venue']}举行。"
        else:
            sentence = f"{title}将于{when}在{event['venue']}举行。"
        if kind == "opening":
            sentence += f"开幕式{day_text(start, published)}上午9时30分举行。"
        masthead = f"青岛日报 {published.year}年{published.month}月{published.day}日 星期一 A0{n % 8 + 1}"
        text = f"{masthead}\n\n# {event['name']}新闻之{n}\n\n本报讯 {sentence}主办方表示，将做好服务保障。\n"
        pages.append((f"{published.isoformat()}-{n:04d}.txt", text))
    return pages


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for name, text in corpus():
        (root / name).write_text(text, encoding="utf-8")
    return root


def state(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """What readers and calendars see: events with their uids and facts, and every mention."""
    return {
        "events": conn.execute('SELECT uid, title, category, start, "end", location, status, previous, parent_uid'
                               " FROM events ORDER BY uid").fetchall(),
        "mentions": conn.execute('SELECT event_uid, article_id, start, "end" FROM mentions ORDER BY 1, 2, 3')
        .fetchall(),
        "articles": conn.execute("SELECT id FROM articles ORDER BY id").fetchall(),
    }


def read(db_path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db_path, timeout=10)
    try:
        return state(conn)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory) -> dict[str, list[tuple]]:
    db_path = tmp_path_factory.mktemp("reference") / "feeds.db"
    db = store.open_db(db_path)
    report = ingest_paths(db, [folder])
    assert report.ok and report.files == PAGES
    db.close()
    found = read(db_path)
    assert 1500 < len(found["events"]) < PAGES
    return found


def feeds(db_path: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "FEEDS_DATABASE": str(db_path), "FEEDS_LOG_LEVEL": "WARNING"}
    return subprocess.Popen([str(FEEDS), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen, timeout: float = 600) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, out + err
    return out


def test_every_sentence_belongs_to_one_event_and_every_event_has_a_report(reference):
    spots = [(aid, start) for _uid, aid, start, _end in reference["mentions"]]
    assert len(spots) == len(set(spots))
    assert {uid for uid, *_ in reference["mentions"]} == {row[0] for row in reference["events"]}


def test_the_corpus_in_reverse_order_and_again_gives_the_same_store(folder, reference, tmp_path):
    db_path = tmp_path / "reverse.db"
    db = store.open_db(db_path)
    ingest_paths(db, sorted(folder.iterdir(), reverse=True))
    assert state(db.conn) == reference
    report = ingest_paths(db, [folder])
    assert (report.events.new, report.events.retracted) == (0, 0)
    assert state(db.conn) == reference
    db.close()


def test_three_overlapping_ingests_at_once_store_what_one_would(folder, reference, tmp_path):
    files = sorted(folder.iterdir())
    db_path = tmp_path / "three.db"
    shuffled = files[:]
    random.Random(3).shuffle(shuffled)
    processes = [
        feeds(db_path, "ingest", *map(str, files[: PAGES * 2 // 3])),
        feeds(db_path, "ingest", *map(str, files[PAGES // 3:][::-1])),
        feeds(db_path, "ingest", *map(str, shuffled[: PAGES // 2])),
    ]
    for process in processes:
        finish(process)
    assert read(db_path) == reference


def count_articles(db_path: Path, column: str = "1") -> int:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(f"SELECT count(*) FROM articles WHERE {column}").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def kill_when(process: subprocess.Popen, done: callable, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert process.poll() is None and time.monotonic() < deadline, "finished before it could be killed"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def test_an_ingest_killed_and_run_again_stores_what_one_would(folder, reference, tmp_path):
    db_path = tmp_path / "killed.db"
    process = feeds(db_path, "ingest", str(folder))
    kill_when(process, lambda: count_articles(db_path) >= PAGES // 3)
    finish(feeds(db_path, "ingest", str(folder)))
    assert read(db_path) == reference


def test_a_reextract_killed_and_run_again_finishes_the_store(folder, reference, tmp_path):
    db_path = tmp_path / "reextract.db"
    db = store.open_db(db_path)
    ingest_paths(db, [folder])
    db.execute("UPDATE articles SET extractor_version = 0")  # as an older version left them
    db.conn.commit()
    db.close()
    process = feeds(db_path, "reextract")
    kill_when(process, lambda: count_articles(db_path, "extractor_version > 0") >= PAGES // 4)
    left = count_articles(db_path, "extractor_version = 0")
    assert 0 < left < PAGES
    out = finish(feeds(db_path, "reextract"))
    assert out.startswith(f"{left} article(s) re-extracted")
    assert count_articles(db_path, "extractor_version = 0") == 0
    assert read(db_path) == reference
