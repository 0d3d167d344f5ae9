"""A calendar assembled from its events' cached parts is byte for byte the calendar icalendar serializes
(issue 19): for the seeds, a generated store, hostile text, and a second render from the cache."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar, Event, vDuration, vText
from sample_events import fill

from feeds import store
from feeds.ingest import ingest_paths
from feeds.models import Selection, StoredEvent
from feeds.present import ics
from feeds.present.common import (
    category_label,
    clean_block,
    clean_line,
    display_title,
    event_url,
    exclusive_end_day,
    first_day,
    parse_utc,
    plain_description,
    timed_end,
    timed_start,
)
from feeds.present.memo import PARTS, PartCache, content_key

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://feeds.example.org/"


def icalendar_event(ev: StoredEvent, base_url: str) -> Event:
    """The VEVENT as icalendar models it: the reference the hand-written lines must equal."""
    updated = parse_utc(ev.updated)
    vevent = Event()
    vevent.add("uid", ev.uid)
    vevent.add("dtstamp", updated)
    vevent.add("created", parse_utc(ev.created))
    vevent.add("last-modified", updated)
    vevent.add("sequence", max(ev.sequence, 0))
    vevent.add("summary", display_title(ev))
    if ev.all_day:
        vevent.add("dtstart", first_day(ev))
        vevent.add("dtend", exclusive_end_day(ev))
    else:
        vevent.add("dtstart", timed_start(ev))
        end = timed_end(ev)
        if end is not None:
            vevent.add("dtend", end)
    vevent.add("status", {"tentative": "TENTATIVE", "cancelled": "CANCELLED"}.get(ev.status, "CONFIRMED"))
    if clean_line(ev.location):
        vevent.add("location", clean_line(ev.location))
    vevent.add("categories", [category_label(ev.category)])
    vevent.add("description", plain_description(ev, base_url))
    vevent.add("url", event_url(base_url, ev.uid))
    vevent.add("class", "PUBLIC")
    vevent.add("transp", "TRANSPARENT")
    return vevent


def full_render(events: list[StoredEvent], url: str, base_url: str) -> bytes:
    """The whole calendar built as one icalendar tree and serialized, as before parts were cached."""
    events = sorted(events, key=lambda ev: (first_day(ev), ev.start, ev.uid))
    cal = Calendar()
    cal.add("prodid", ics.PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.calendar_name = clean_line("全部")
    cal.description = clean_block("说明")
    cal.add("x-wr-timezone", ics.TZID)
    cal.add("url", url)
    cal.add("source", url, parameters={"VALUE": "URI"})
    cal.add("refresh-interval", ics.DEFAULT_REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(ics.DEFAULT_REFRESH))
    if events:
        cal.add("last-modified", max(parse_utc(ev.updated) for ev in events))
    timed = [first_day(ev) for ev in events if not ev.all_day]
    earliest = min(timed, default=dt.date(1992, 1, 1))
    cal.add_component(ics.shanghai_timezone(min(earliest.replace(month=1, day=1), dt.date(1992, 1, 1))))
    for ev in events:
        cal.add_component(icalendar_event(ev, base_url))
    return cal.to_ical()


def assert_assembled_equals_full(events: list[StoredEvent], base_url: str = BASE) -> None:
    url = base_url + "calendar.ics?q=a,b;c"
    expected = full_render(events, url, base_url)
    PARTS.clear()
    assert ics.render_calendar(events, name="全部", description="说明", url=url, base_url=base_url) == expected
    assert len(PARTS) == len(events)  # each event rendered once …
    assert ics.render_calendar(events, name="全部", description="说明", url=url, base_url=base_url) == expected
    assert len(PARTS) == len(events)  # … and reused


def test_sample_events_including_hostile_text(db):
    fill(db)
    assert_assembled_equals_full(store.query_events(db, Selection()))


def test_seeds(db):
    ingest_paths(db, [ROOT / "seeds"], now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    events = store.query_events(db, Selection())
    assert len(events) > 10
    assert_assembled_equals_full(events)
    assert_assembled_equals_full(events, "http://127.0.0.1:5000/sub/")
    assert_stored_parts_equal_full(db, events)


def generated_store(tmp_path: Path, events: int = 600):
    """A store of `events` events as bench/storegen.py writes them (timed ones, long ones, several reports)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import storegen
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path = tmp_path / "generated.db"
    storegen.generate(path, events, dt.date(2026, 12, 1))
    return store.open_db(path)


@pytest.mark.slow
def test_generated_store(tmp_path):
    db = generated_store(tmp_path)
    events = store.query_events(db, Selection())
    assert len(events) == 600 and any(not ev.all_day for ev in events)
    assert_assembled_equals_full(events)
    assert_stored_parts_equal_full(db, events)
    db.close()


def assert_stored_parts_equal_full(db, events: list[StoredEvent]) -> None:
    """The calendar from the parts the store keeps (rendered and stored by a first request, then read back
    with nothing kept in this process) is the full render too."""
    from feeds.store.memo import EVENTS
    from feeds.store.memo import PARTS as KEPT_PARTS
    from feeds.web.calendar_parts import calendar_parts

    url = BASE + "calendar.ics"
    rendered = calendar_parts(db, Selection(), BASE, "zh")
    PARTS.clear()
    EVENTS.clear()
    KEPT_PARTS.clear()
    read = calendar_parts(db, Selection(), BASE, "zh")
    assert read == rendered and len(read) == len(events)
    assert db.execute("SELECT count(*) FROM parts.event_parts").fetchone()[0] == len(events)
    assembled = ics.assemble_calendar(read, name="全部", description="说明", url=url)
    assert assembled == full_render(events, url, BASE)


def test_a_changed_event_gets_a_new_part(db):
    fill(db)
    [stored, *_] = store.query_events(db, Selection())
    before = ics.event_block(stored, BASE)
    # A changed event is a new object (events are kept per data version and never changed in place).
    corrected = replace(stored.mentions[-1], headline=stored.mentions[-1].headline + "（更正）")
    ev = replace(stored, mentions=[*stored.mentions[:-1], corrected])
    assert content_key(ev) != content_key(stored)
    after = ics.event_block(ev, BASE)
    assert after != before and "更正".encode() in after.replace(b"\r\n ", b"")
    assert ics.event_block(ev, "https://other.example/") != after  # the site URL is part of the key


def test_part_cache_stays_within_its_bound():
    cache = PartCache(max_bytes=10_000)
    for n in range(100):
        cache.get(("k", n), lambda n=n: b"x" * 500)
    assert cache.size <= 10_000 and 0 < len(cache) < 100
    assert cache.get(("k", 99), lambda: b"other") == b"x" * 500


@given(st.text(alphabet=st.sampled_from(list("ab;:,\\Nn\r\n\"中文")) | st.characters(blacklist_categories=("Cs",)),
               max_size=80))
def test_text_escaping_matches_icalendar(text):
    assert ics._text(text) == vText(text).to_ical().decode()


def test_feed_item_bodies_come_from_the_cache_unchanged(db):
    from feeds.present import syndication

    fill(db)
    events = store.query_events(db, Selection())
    PARTS.clear()
    first = [(syndication.item_html(ev, BASE), syndication.item_text(ev, BASE)) for ev in events]
    assert len(PARTS) == 2 * len(events)
    assert [(syndication._item_html(ev, BASE), syndication.item_text(ev, BASE)) for ev in events] == first
    assert len(PARTS) == 2 * len(events)
