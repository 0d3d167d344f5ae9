"""Calendar parts kept by the writers (issue 19): `feeds ingest`, `feeds reextract` and POST /api/articles render
the VEVENTs of the events they changed, for SITE_URL in the default language (else the variant readers served
last), so a new process's first calendar renders nothing; and what they keep is byte for byte what a reader
renders, retired by every later change like the reader's own."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import NOW, make_event, make_report, save
from test_articles_api import AUTH, BEER, BEER_LATER, TOKEN
from test_ics_parts import ROOT
from test_stored_parts import assert_stored_parts_make_the_full_render, fresh, kept

from feeds import create_app, kept_parts, store
from feeds.cli import main
from feeds.edits import validate
from feeds.models import Selection
from feeds.present import ics
from feeds.store import editing

SITE = "http://localhost/"
"""The site URL the test client's requests have, so readers and writers name the same variant."""


def feeds(runner, db_path, *args, site: str | None = SITE):
    env = {"FEEDS_DATABASE": str(db_path), "FEEDS_SITE_URL": site or ""}
    result = runner.invoke(main, [*map(str, args)], env=env)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def client(db_path):
    """Without the response cache, as a new process's first request."""
    return create_app({"DATABASE": str(db_path), "TESTING": True, "RESPONSE_CACHE_BYTES": 0, "SITE_URL": SITE,
                       "INGEST_TOKEN": TOKEN}).test_client()


def forbid_rendering(monkeypatch) -> None:
    """Any VEVENT rendered from here on fails the test: a calendar must be assembled from kept parts."""
    def render(*_args, **_kwargs):
        raise AssertionError("a VEVENT was rendered for a request")

    monkeypatch.setattr(ics, "_calendar_part", render)


def test_after_an_ingest_the_first_calendar_renders_nothing(runner, db_path, db, client, monkeypatch):
    feeds(runner, db_path, "ingest", "--quiet", ROOT / "seeds")
    assert len(kept(db)) == store.count_events(db) > 10
    assert_stored_parts_make_the_full_render(db)
    expected = fresh(client)
    db.execute("DETACH DATABASE parts")
    for path in db_path.parent.glob(db_path.name + "-parts*"):
        path.unlink()
    feeds(runner, db_path, "ingest", "--quiet", ROOT / "seeds")  # nothing changed: nothing kept again
    assert not kept(db)
    monkeypatch.setattr(kept_parts, "CHUNK_EVENTS", 3)  # in several writes
    kept_parts.keep(db, kept_parts.changed_since(db, 0), [(SITE, "zh")])
    forbid_rendering(monkeypatch)
    assert fresh(client) == expected


def test_without_a_site_url_writers_keep_the_variant_readers_served_last(runner, db_path, db, client, tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(BEER, encoding="utf-8")
    feeds(runner, db_path, "ingest", "--quiet", "--published", "2023-07-01", first, site=None)
    assert not kept(db)  # no site URL, nothing served yet: readers render
    fresh(client)  # served at SITE, in Chinese
    later = tmp_path / "later.txt"
    later.write_text(BEER_LATER, encoding="utf-8")
    feeds(runner, db_path, "ingest", "--quiet", "--published", "2023-07-10", later, site=None)
    (event,) = store.query_events(db, Selection())
    assert event.sequence == 1 and b"20230814" in kept(db)[event.uid]  # the new end, kept by the ingest
    assert_stored_parts_make_the_full_render(db)


def test_reextract_keeps_the_parts_of_what_it_changed(runner, db_path, db, client, monkeypatch):
    from test_reextract import PAGE, PUBLISHED, older_extractor

    from feeds.ingest import ingest_text

    ingest_text(db, PAGE, "page.txt", published=PUBLISHED, extract=older_extractor)
    db.execute("UPDATE articles SET extractor_version = 0")
    db.conn.commit()
    kept_parts.keep(db, kept_parts.changed_since(db, 0), [(SITE, "zh")])  # as that ingest would have
    feeds(runner, db_path, "reextract")
    assert len(kept(db)) == store.count_events(db)
    assert_stored_parts_make_the_full_render(db)
    forbid_rendering(monkeypatch)
    calendar = fresh(client)
    assert "2022世界工业互联网产业大会".encode() in calendar and "虚构的海洋博览会".encode() not in calendar


def test_an_editors_correction_then_an_ingest_keeps_the_corrected_part(runner, db_path, db, client, tmp_path):
    save(db, make_report("青岛啤酒节消息", "2024-03-01", make_event("青岛国际啤酒节", "2024-05-10", "2024-05-12")))
    uid = store.query_events(db, Selection())[0].uid
    with store.transaction(db):
        current = editing.state(db, uid).shown
        editing.correct(db, uid, validate({"location": "金沙滩"}, current), "ann", store.utc_stamp(NOW))
    other = tmp_path / "other.txt"
    other.write_text(BEER, encoding="utf-8")
    feeds(runner, db_path, "ingest", "--quiet", "--published", "2023-07-01", other)  # keeps what changed since
    assert kept(db).keys() == {ev.uid for ev in store.query_events(db, Selection())} - {uid}
    kept_parts.keep(db, kept_parts.revisions_of(db, [uid]), [(SITE, "zh")])
    assert b"LOCATION:\xe9\x87\x91\xe6\xb2\x99\xe6\xbb\xa9" in kept(db)[uid] and b"SEQUENCE:1" in kept(db)[uid]
    assert_stored_parts_make_the_full_render(db)


def test_a_posted_article_keeps_the_parts_of_its_events(db, client, monkeypatch):
    response = client.post("/api/articles?published=2023-07-01", data=BEER.encode(), headers=AUTH,
                           content_type="text/plain; charset=utf-8")
    assert response.status_code == 201
    assert len(kept(db)) == store.count_events(db) == 1
    forbid_rendering(monkeypatch)
    assert b"BEGIN:VEVENT" in fresh(client)


def test_a_later_change_retires_what_a_writer_kept(runner, db_path, db, client):
    feeds(runner, db_path, "ingest", "--quiet", ROOT / "seeds")
    uid = store.query_events(db, Selection(limit=1))[0].uid
    assert uid in kept(db)
    with store.transaction(db):
        editing.set_hidden(db, uid, True, "ann", store.utc_stamp(NOW + dt.timedelta(hours=1)))
    assert uid not in kept(db) and uid.encode() not in fresh(client)
