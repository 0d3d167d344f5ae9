"""A month a person can read (issue 19): at most MONTH_LANES events drawn a day, the others counted under their day
with a link to that day's list (and its JSON twin), which holds them all; the lanes drawn are the first lanes of
the full layout, in both languages and in the embed."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from conftest import make_event, make_report, save
from lxml import html
from test_pages import stored

from feeds import create_app, store
from feeds.models import EventSpan, Selection
from feeds.present.month import month_grid


def random_events(count: int, seed: int):
    rng = random.Random(seed)
    events = []
    for n in range(count):
        first = dt.date(2022, 10, 25) + dt.timedelta(days=rng.randrange(45))
        last = first + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2, 6, 12]))
        events.append(stored(f"E{n:03d}", first.isoformat(), last.isoformat(), rng.choice(["day", "day", "month"])))
    return events


def on_day(lane, column: int):
    """The event a lane shows on a day of its week (a cell may span several)."""
    start = 0
    for cell in lane:
        if start <= column < start + cell.span:
            return cell.event
        start += cell.span
    return None


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("lanes", [1, 2, 4])
def test_the_lanes_drawn_are_the_full_layouts_first_and_the_rest_are_counted_on_their_days(seed, lanes):
    events = random_events(120, seed)
    full, capped = month_grid(2022, 11, events), month_grid(2022, 11, events, lanes)
    assert capped.undated == full.undated
    for whole, week in zip(full.weeks, capped.weeks, strict=True):
        assert week.lanes == whole.lanes[:lanes]
        left = [sum(on_day(lane, day) is not None for lane in whole.lanes[lanes:]) for day in range(7)]
        assert list(week.more) == left
    assert capped.hidden == sum(sum(week.more) for week in capped.weeks) > 0


def test_a_grid_of_spans_takes_its_events_back(db):
    events = random_events(40, 1)
    spans = [EventSpan(ev.uid, ev.title, ev.start, ev.end, ev.all_day, ev.precision) for ev in events]
    by_uid = {ev.uid: ev for ev in events}
    grid = month_grid(2022, 11, spans, 2).with_events(by_uid)
    assert grid == month_grid(2022, 11, events, 2)
    assert set(grid.uids()) <= set(by_uid)


DAY = "2023-07-15"


@pytest.fixture
def busy_day(db):
    """Six events on one day, one of them over three days, and one on the next day."""
    events = [make_event(f"第{n}场展会", DAY) for n in range(5)]
    events.append(make_event("三天的博览会", DAY, "2023-07-17"))
    events.append(make_event("次日的论坛", "2023-07-16"))
    save(db, make_report("展会消息", "2023-07-01", *events))
    return db


def client_with_lanes(db_path, lanes: int):
    return create_app({"DATABASE": str(db_path), "TESTING": True, "MONTH_LANES": lanes}).test_client()


def test_the_month_page_draws_at_most_its_lanes_and_links_the_rest_to_the_days_list(busy_day, db_path):
    client = client_with_lanes(db_path, 4)
    page = html.fromstring(client.get("/calendar/2023/7").data)
    drawn = page.xpath("//table[@class='month']//td[contains(@class, 'bar')]/a")
    # Four lanes on Saturday the 15th (the long fair first), Sunday's forum in a free lane, the fair again on Monday
    assert len(drawn) == 4 + 1 + 1
    [more] = page.xpath(f"//tr[@class='more']//a[contains(@href, 'from={DAY}')]")
    assert more.text_content().strip() == "另有 2 项" and "7月15日" in more.get("aria-label")
    day_list = html.fromstring(client.get(more.get("href")).data)
    titles = {a.text_content().strip() for a in day_list.xpath("//main//li//a[contains(@href, '/events/')]")}
    assert {f"第{n}场展会" for n in range(5)} | {"三天的博览会"} <= titles
    assert "次日的论坛" not in titles
    twin = client.get(f"/api/events?from={DAY}&to={DAY}").get_json()
    assert len(twin) == 6 and {ev["title"] for ev in twin} == {f"第{n}场展会" for n in range(5)} | {"三天的博览会"}


def test_in_english_and_in_the_embed(busy_day, db_path):
    client = client_with_lanes(db_path, 2)
    page = html.fromstring(client.get("/calendar/2023/7?lang=en").data)
    labels = [a.text_content().strip() for a in page.xpath("//tr[@class='more']//a")]
    assert labels[:1] == ["4 more"] and all(label.endswith(" more") for label in labels)
    embed = html.fromstring(client.get("/embed?view=month&month=2023-07").data)
    [more] = [a for a in embed.xpath("//tr[@class='more']//a") if f"from={DAY}" in a.get("href")]
    assert more.get("target") == "_blank" and more.text_content().strip() == "另有 4 项"


def test_a_quiet_month_has_no_more_row(db_path, db):
    save(db, make_report("展会消息", "2023-07-01", make_event("唯一的展会", DAY)))
    page = html.fromstring(client_with_lanes(db_path, 4).get("/calendar/2023/7").data)
    assert page.xpath("//tr[@class='more']") == []
    assert store.query_spans(db, Selection())[0].title == "唯一的展会"
