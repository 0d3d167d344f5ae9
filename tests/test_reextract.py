"""`feeds reextract`: stored articles through the current extractor, uids kept, better titles taken, events
no article reports any more retracted (410 Gone), a dry run that writes nothing, and an upgrade from the
store the version before it left (tests/data/seeds_before_reextract.db)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import dump

from feeds import ingest, store
from feeds.cli import main
from feeds.extract.pipeline import extract_article, extract_page
from feeds.models import Selection

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BEFORE = ROOT / "tests" / "data" / "seeds_before_reextract.db"
PUBLISHED = dt.date(2022, 11, 22)

PAGE = (
    "# 大会下月在青举行\n\n"
    "本报讯 2022世界工业互联网产业大会将于11月29日至30日在青岛国际会议中心举行。"
    "第十届青岛国际茶文化博览会将于12月4日至7日在青岛国际会展中心举行。\n"
)
BOGUS = "虚构的海洋博览会"


def older_extractor(text: str, published: dt.date | None = None):
    """What an older extractor might have said: titles without the edition's year, and an event that is none."""
    pages = extract_page(text, published)
    for article_events in pages:
        events = [dataclasses.replace(e, title=e.title.removeprefix("2022")) for e in article_events.events]
        if events:
            events.append(dataclasses.replace(events[0], title=BOGUS, evidence_start=0, evidence_end=4,
                                              evidence=article_events.article.body[:4]))
        article_events.events = events
    return pages


def run(runner, db_path, *args):
    return runner.invoke(main, ["--db", str(db_path), *map(str, args)])


@pytest.fixture
def old_store(db_path, tmp_path):
    """A store whose events an older extractor produced (its articles marked with version 0)."""
    db = store.open_db(db_path)
    ingest.ingest_text(db, PAGE, "page.txt", published=PUBLISHED, extract=older_extractor)
    db.execute("UPDATE articles SET extractor_version = 0")
    db.conn.commit()
    yield db
    db.close()


def titles(db):
    return sorted(e.title for e in store.query_events(db, Selection()))


def test_reextract_takes_the_better_titles_under_the_same_uids(old_store, runner, db_path):
    before = {e.title.removeprefix("2022"): e for e in store.query_events(old_store, Selection())}
    result = run(runner, db_path, "reextract")
    assert result.exit_code == 0, result.output
    assert "1 article(s) re-extracted; events: 0 new, 1 changed, 1 unchanged, 1 retracted" in result.output
    after = {e.title: e for e in store.query_events(old_store, Selection())}
    assert sorted(after) == ["2022世界工业互联网产业大会", "第十届青岛国际茶文化博览会"]
    congress = after["2022世界工业互联网产业大会"]
    assert congress.uid == before["世界工业互联网产业大会"].uid and congress.sequence == 1
    fair = after["第十届青岛国际茶文化博览会"]
    assert (fair.uid, fair.sequence, fair.updated) == (before[fair.title].uid, 0, before[fair.title].updated)


def test_a_retracted_event_is_gone_from_every_surface_and_its_page_answers_410(old_store, runner, db_path, client):
    [bogus] = [e for e in store.query_events(old_store, Selection()) if e.title == BOGUS]
    assert bogus.uid in client.get("/calendar.ics").get_data(as_text=True)
    assert run(runner, db_path, "reextract").exit_code == 0
    for path in ("/calendar.ics", "/feed.json", "/feed.atom", "/api/events", "/"):
        body = client.get(path).get_data(as_text=True)
        assert bogus.uid not in body and BOGUS not in body, path
    page = client.get(f"/events/{bogus.uid}")
    assert page.status_code == 410
    html = page.get_data(as_text=True)
    assert BOGUS in html and f"/articles/{bogus.mentions[0].article_id}" in html
    assert client.get(f"/api/events/{bogus.uid}").status_code == 410
    assert client.get(f"/events/{bogus.uid}.ics").status_code == 410
    assert client.get("/events/never-was@feeds").status_code == 404


def test_dry_run_prints_what_would_change_and_writes_nothing(old_store, runner, db_path):
    before = dump(old_store)
    result = run(runner, db_path, "reextract", "--dry-run")
    assert result.exit_code == 0, result.output
    assert dump(old_store) == before
    lines = result.output.splitlines()
    assert any(line.startswith("changed") and "2022世界工业互联网产业大会" in line for line in lines)
    assert "            title: '世界工业互联网产业大会' → '2022世界工业互联网产业大会'" in lines
    assert any(line.startswith("retracted") and BOGUS in line for line in lines)
    assert "(dry run: nothing written)" in lines[-1]


def test_without_options_only_articles_of_an_older_extractor_are_done(old_store, runner, db_path):
    assert "1 article(s)" in run(runner, db_path, "reextract").output
    assert run(runner, db_path, "reextract").output.startswith("0 article(s) re-extracted")
    again = run(runner, db_path, "reextract", "--all").output
    assert again.startswith("1 article(s) re-extracted; events: 0 new, 0 changed, 2 unchanged, 0 retracted")


def test_since_and_source_choose_the_articles(old_store, runner, db_path):
    assert run(runner, db_path, "reextract", "--since", "2022-12-01").output.startswith("0 article(s)")
    assert run(runner, db_path, "reextract", "--source", "other*.txt").output.startswith("0 article(s)")
    assert run(runner, db_path, "reextract", "--source", "page*", "--dry-run").output.count("article(s)") == 1
    assert run(runner, db_path, "reextract", "--since", "2022-11-01").output.startswith("1 article(s)")


def test_reextract_refuses_a_database_of_a_newer_version(db_path, runner):
    store.open_db(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(store.MIGRATIONS) + 1}")
    conn.close()
    result = run(runner, db_path, "reextract")
    assert result.exit_code != 0
    assert "newer" in (result.output + str(result.exception))


def test_serving_never_re_extracts(old_store, client):
    client.get("/")
    client.get("/calendar.ics")
    assert old_store.execute("SELECT max(extractor_version) FROM articles").fetchone() == (0,)


# --- ingesting again with another extractor -------------------------------------------------------


def test_ingesting_the_seeds_again_with_other_titles_or_places_updates_instead_of_duplicating(db):
    ingest.ingest_paths(db, [SEEDS])
    first = {e.uid for e in store.query_events(db, Selection())}

    def renamed(text, published=None):
        pages = extract_page(text, published)
        for page in pages:
            page.events = [dataclasses.replace(e, title=e.title + "（新）") for e in page.events]
        return pages

    report = ingest.ingest_paths(db, [SEEDS], extract=renamed)
    events = store.query_events(db, Selection())
    assert {e.uid for e in events} == first and all(e.title.endswith("（新）") for e in events)
    assert report.events.new == 0

    def moved(text, published=None):
        pages = extract_page(text, published)
        for page in pages:
            page.events = [dataclasses.replace(e, location="别处") for e in page.events]
        return pages

    report = ingest.ingest_paths(db, [SEEDS], extract=moved)
    events = store.query_events(db, Selection())
    assert {e.uid for e in events} == first and {e.location for e in events} == {"别处"}
    assert report.events.updated > 0 and report.events.new == 0


# --- upgrading a store of the version before ------------------------------------------------------


def visible(db):
    """What a reader sees of each event: title, days, status."""
    return sorted((e.title, e.start[:10], e.end[:10], e.status) for e in store.query_events(db, Selection()))


def test_an_upgraded_and_re_extracted_store_equals_a_fresh_ingest_and_keeps_its_uids(tmp_path, runner):
    upgraded = tmp_path / "upgraded.db"
    shutil.copy(BEFORE, upgraded)
    old = sqlite3.connect(BEFORE)
    old_mentions: dict[tuple[str, str], set] = {}
    for uid, title, aid, start, evidence in old.execute(
            "SELECT m.event_uid, e.title, m.article_id, m.start, m.evidence FROM mentions m"
            " JOIN events e ON e.uid = m.event_uid"):
        old_mentions.setdefault((uid, title), set()).add((aid, start, evidence))
    old.close()

    result = run(runner, upgraded, "reextract")
    assert result.exit_code == 0, result.output
    fresh = store.open_db(tmp_path / "fresh.db")
    ingest.ingest_paths(fresh, [SEEDS])
    db = store.open_db(upgraded)
    assert visible(db) == visible(fresh)
    orphans = "SELECT count(*) FROM events WHERE uid NOT IN (SELECT event_uid FROM mentions)"
    assert db.execute(orphans).fetchone()[0] == 0
    reports = "SELECT count(*) FROM reports"
    assert db.execute(reports).fetchone() == fresh.execute(reports).fetchone()
    assert db.execute("SELECT min(extractor_version) FROM articles").fetchone()[0] >= 1
    kept = 0
    for ev in store.query_events(db, Selection()):
        mentions = {(m.article_id, m.start, m.evidence) for m in ev.mentions}
        same = [uid for (uid, title), old_set in old_mentions.items() if old_set == mentions and title == ev.title]
        if same:
            assert ev.uid == same[0], ev.title
            kept += 1
    assert kept >= 25
    db.close()
    fresh.close()


def test_an_article_the_extractor_fails_on_is_reported_and_the_others_are_done(db_path, runner, monkeypatch):
    db = store.open_db(db_path)
    ingest.ingest_text(db, PAGE, "page.txt", published=PUBLISHED)
    ingest.ingest_text(db, PAGE.replace("大会下月", "另一篇"), "other.txt", published=PUBLISHED)
    db.execute("UPDATE articles SET extractor_version = 0")
    db.conn.commit()

    def broken(article):
        if article.headline.startswith("另一篇"):
            raise ValueError("extractor bug")
        return extract_article(article)

    monkeypatch.setattr("feeds.reextract.extract_article", broken)
    result = run(runner, db_path, "reextract")
    assert result.exit_code == 1
    assert result.output.startswith("1 article(s) re-extracted") and "ValueError: extractor bug" in result.output
    assert db.execute("SELECT count(*) FROM articles WHERE extractor_version = 0").fetchone() == (1,)
    db.close()


def test_the_page_of_an_event_whose_founding_report_moved_redirects_to_its_event(db, client):
    ingest.ingest_text(db, PAGE.replace("大会下月在青举行", "后来的报道"), "later.txt", published=dt.date(2022, 11, 25))
    [first_uid] = [e.uid for e in store.query_events(db, Selection()) if e.title.startswith("2022")]
    ingest.ingest_text(db, PAGE, "earlier.txt", published=dt.date(2022, 11, 1))
    [event] = [e for e in store.query_events(db, Selection()) if e.title.startswith("2022")]
    assert event.uid != first_uid and len(event.mentions) == 2
    answer = client.get(f"/events/{first_uid}")
    assert answer.status_code == 301 and answer.headers["Location"].endswith(f"/events/{event.uid}")


def test_the_seeds_in_reverse_order_give_the_same_events_uids_and_places(tmp_path):
    stores = []
    for name, order in (("forward", sorted(SEEDS.glob("*.txt"))), ("reverse", sorted(SEEDS.glob("*.txt"))[::-1])):
        db = store.open_db(tmp_path / f"{name}.db")
        for path in order:
            ingest.ingest_paths(db, [path])
        stores.append(sorted((e.uid, e.title, e.start, e.end, e.location, e.status)
                             for e in store.query_events(db, Selection())))
        db.close()
    assert stores[0] == stores[1] and len(stores[0]) == 31  # with the city's press conference (`青岛市举行新闻发布会`)
    assert [row[4] for row in stores[1] if row[1] == "2022世界工业互联网产业大会"] == ["青岛"]
