"""Feed items kept (issue 19): RSS, Atom and JSON Feed with the default options are their head and their events'
kept items, byte for byte the feed rendered whole (seeds, hostile text, a generated store, both languages, empty),
kept beside the store so a new process's first feed renders no item, and retired by every change to an event; the
API's array is its events' items as one dump writes them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import NOW
from sample_events import fill
from test_ics_parts import ROOT, generated_store

from feeds import create_app, store
from feeds.edits import validate
from feeds.ingest import ingest_paths
from feeds.models import Selection
from feeds.present import syndication
from feeds.present.memo import PARTS
from feeds.store import editing
from feeds.store.memo import EVENTS
from feeds.store.memo import PARTS as KEPT_PARTS

BASE = "https://feeds.example.org/"
ROUTES = ("/feed.rss", "/feed.atom", "/feed.json")


@pytest.fixture
def client(db_path):
    """Without the response cache: every request renders or assembles, as a new process's would."""
    return create_app({"DATABASE": str(db_path), "TESTING": True, "RESPONSE_CACHE_BYTES": 0,
                       "SITE_URL": BASE}).test_client()


def info(events, lang: str = "zh") -> syndication.FeedInfo:
    updated = max((syndication.parse_utc(ev.updated) for ev in events), default=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    return syndication.FeedInfo("feeds · 全部活动 <&>", "说明", BASE, BASE + "feed.rss?x=1&y=2", updated,
                                language=syndication.HTML_LANG[lang], lang=lang)


def assert_assembled_equals_rendered(events) -> None:
    for kind in syndication.FEED_KINDS:
        for lang in ("zh", "en"):
            whole = syndication._RENDERERS[kind](events, info(events, lang))
            parts = [syndication.feed_part(ev, kind, BASE, lang) for ev in events]
            assert syndication.assemble_feed(kind, parts, info(events, lang)) == whole, (kind, lang)


def fresh(client, route: str) -> bytes:
    """A feed as a new process serves it: nothing of this process's memos, only what is kept beside the store."""
    PARTS.clear()
    EVENTS.clear()
    KEPT_PARTS.clear()
    response = client.get(route)
    assert response.status_code == 200
    return response.data


def rendered_whole(client, route: str, monkeypatch) -> bytes:
    """The same feed through the renderer of whole feeds (no kept item used)."""
    with monkeypatch.context() as patch:
        patch.setattr(syndication, "FEED_KINDS", ())
        return fresh(client, route)


def forbid_rendering(monkeypatch) -> None:
    def render(*_args, **_kwargs):
        raise AssertionError("a feed item was rendered")

    monkeypatch.setattr(syndication, "_feed_part", render)


def test_hostile_text_and_every_kind_and_language(db):
    fill(db)
    assert_assembled_equals_rendered(store.query_events(db, Selection()))


def test_items_rendered_together_are_cut_from_one_feed_and_equal_those_rendered_alone(db, monkeypatch):
    fill(db)
    events = store.query_events(db, Selection())
    alone = {kind: [syndication._feed_part(ev, kind, BASE, "zh") for ev in events] for kind in syndication.FEED_KINDS}
    forbid_rendering(monkeypatch)  # no item rendered alone: the cut of the whole feed held
    for kind in syndication.FEED_KINDS:
        assert syndication.feed_parts(events, kind, BASE, "zh") == alone[kind]


def test_one_event_and_none(db):
    fill(db)
    events = store.query_events(db, Selection(limit=1))
    assert_assembled_equals_rendered(events)
    assert_assembled_equals_rendered([])


@pytest.mark.slow
def test_generated_store(tmp_path):
    db = generated_store(tmp_path)
    assert_assembled_equals_rendered(store.query_events(db, Selection(order="-updated")))
    db.close()


@pytest.mark.parametrize("route", [*ROUTES, "/feed.rss?lang=en", "/feed.json?category=fair"])
def test_a_served_feed_is_the_whole_render_and_a_new_process_renders_no_item(db, client, route, monkeypatch):
    ingest_paths(db, [ROOT / "seeds"], now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    whole = rendered_whole(client, route, monkeypatch)
    assert fresh(client, route) == whole  # rendered, then kept beside the store
    forbid_rendering(monkeypatch)
    assert fresh(client, route) == whole  # read back


def test_options_that_change_items_render_them(db, client, monkeypatch):
    ingest_paths(db, [ROOT / "seeds"], now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    fresh(client, "/feed.rss")
    plain = fresh(client, "/feed.rss?brief=100")
    assert plain != fresh(client, "/feed.rss") and plain == rendered_whole(client, "/feed.rss?brief=100", monkeypatch)


def test_an_editors_correction_and_hiding_retire_the_kept_items(db, client, monkeypatch):
    ingest_paths(db, [ROOT / "seeds"], now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    for route in ROUTES:
        fresh(client, route)
    uid = json.loads(fresh(client, "/feed.json"))["items"][-1]["_feeds"]["uid"]
    with store.transaction(db):
        current = editing.state(db, uid).shown
        editing.correct(db, uid, validate({"title": "改过的标题"}, current), "ann", store.utc_stamp(NOW))
    for route in ROUTES:
        body = fresh(client, route)
        assert "改过的标题".encode() in body and body == rendered_whole(client, route, monkeypatch)
    with store.transaction(db):
        editing.set_hidden(db, uid, True, "ann", store.utc_stamp(NOW + dt.timedelta(hours=1)))
    for route in ROUTES:
        body = fresh(client, route)
        assert uid.encode() not in body and body == rendered_whole(client, route, monkeypatch)


def test_items_of_other_code_are_not_used(db, client, monkeypatch):
    ingest_paths(db, [ROOT / "seeds"], now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    fresh(client, "/feed.atom")
    assert store.attach_parts(db)
    db.execute("UPDATE parts.feed_items SET body = CAST('stale' AS BLOB)")
    db.conn.commit()
    assert b"stale" in fresh(client, "/feed.atom")  # same code: the kept item is served
    monkeypatch.setattr(syndication, "PART_FORMAT", "other code")
    body = fresh(client, "/feed.atom")
    assert b"stale" not in body and body == rendered_whole(client, "/feed.atom", monkeypatch)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_api_array_is_its_events_items_as_one_dump_writes_them(db, lang):
    from feeds.present import api

    fill(db)
    events = store.query_events(db, Selection())
    ordered = sorted(events, key=lambda ev: (api.first_day(ev), ev.start, ev.uid))
    whole = api.dump([api.fullcalendar_event(ev, BASE, lang) for ev in ordered])
    assert api.render_events(events, BASE, lang) == whole
    assert api.render_events(events, BASE, lang) == whole  # the items kept on the events, reused
    assert api.render_events(events[:1], BASE, lang) == api.dump([api.fullcalendar_event(events[0], BASE, lang)])
    assert api.render_events([], BASE, lang) == api.dump([])
