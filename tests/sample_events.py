"""A small store holding every shape of event the outputs must get right, and what each should look like."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from conftest import NOW, make_event, make_report, save
from sqlite_utils import Database

from feeds import store
from feeds.models import Event, Interval, Mention, Selection, StoredEvent

HOSTILE_TITLE = 'Expo <script>alert("x")</script> & 展\x07\u2028会'


@dataclass(frozen=True)
class Expected:
    """Where an event must land: its Beijing days (inclusive), and its start instant when timed."""

    title: str
    first: dt.date
    last: dt.date
    start: dt.datetime | None = None
    end: dt.datetime | None = None

    @property
    def timed(self) -> bool:
        return self.start is not None


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _t(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


EXPECTED = {
    "congress": Expected("2022世界工业互联网产业大会", _d("2022-11-29"), _d("2022-12-01")),
    "opening": Expected(
        "开幕式",
        _d("2022-11-22"),
        _d("2022-11-22"),
        _t("2022-11-22T09:00:00+08:00"),
        _t("2022-11-22T11:30:00+08:00"),
    ),
    "signing": Expected("签约仪式", _d("2022-11-23"), _d("2022-11-23"), _t("2022-11-23T14:00:00+08:00")),
    "deadline": Expected("献计策活动截止", _d("2022-12-15"), _d("2022-12-15")),
    "month": Expected("招商月（日期待定）", _d("2023-05-01"), _d("2023-05-31")),
    "cancelled": Expected("[已取消] 青岛马拉松", _d("2023-04-16"), _d("2023-04-16")),
    "hostile": Expected('Expo <script>alert("x")</script> & 展 会', _d("2024-03-10"), _d("2024-03-12")),
}


def _month_event(title: str, year: int, month: int, last_day: int) -> Event:
    evidence = f"{title}将于{year}年{month}月举行。"
    interval = Interval(dt.date(year, month, 1), dt.date(year, month, last_day), "month")
    return Event(title, "other", interval, evidence, 0, len(evidence))


def fill(db: Database) -> dict[str, str]:
    """Save the sample articles at three ingest times; returns each sample's uid by its key in EXPECTED."""
    hour = dt.timedelta(hours=1)
    save(
        db,
        make_report(
            "工博会在青岛开幕",
            "2022-11-22",
            make_event("2022世界工业互联网产业大会", "2022-11-29", "2022-12-01", location="青岛国际会议中心"),
            make_event(
                "开幕式",
                "2022-11-22T09:00:00+08:00",
                "2022-11-22T11:30:00+08:00",
                location="青岛",
                category="fair",
            ),
            make_event("签约仪式", "2022-11-23T14:00:00+08:00", category="trade_mission"),
        ),
        source_url="https://news.example.org/2022/11/22/expo.html",
        now=NOW,
    )
    save(
        db,
        make_report(
            "致全体市民的一封信",
            "2022-11-22",
            make_event("献计策活动截止", "2022-12-15", category="deadline"),
        ),
        source="letter.txt",
        now=NOW + hour,
    )
    save(
        db,
        make_report(
            "春季活动预告",
            "2023-03-01",
            _month_event("招商月", 2023, 5, 31),
            make_event(
                "青岛马拉松", "2023-04-16", location="青岛", status="cancelled", category="competition"
            ),
        ),
        source="spring.txt",
        now=NOW + 2 * hour,
    )
    save(
        db,
        make_report(
            "展会<b>预告</b>",
            "2024-03-01",
            make_event(HOSTILE_TITLE, "2024-03-10", "2024-03-12", location="A&B <厅>", category="exhibition"),
        ),
        source="hostile.txt",
        now=NOW + 3 * hour,
    )
    return {key: _uid(db, exp) for key, exp in EXPECTED.items()}


def _uid(db: Database, expected: Expected) -> str:
    day = expected.first.isoformat()
    found = [ev.uid for ev in store.query_events(db, Selection()) if ev.start[:10] == day]
    assert len(found) == 1, f"expected one stored event starting {expected.first}"
    return found[0]


def stored(
    uid: str = "uid-1@feeds",
    title: str = "2022世界工业互联网产业大会",
    start: str = "2022-11-29",
    end: str = "2022-12-01",
    *,
    precision: str = "day",
    category: str = "conference",
    location: str = "青岛",
    status: str = "confirmed",
    sequence: int = 0,
    created: str = "2024-03-01T08:00:00Z",
    updated: str = "2024-03-02T09:30:00Z",
    evidence: str = "2022世界工业互联网产业大会将于11月29日至12月1日在青岛举行。",
    source_url: str | None = "https://news.example.org/a.html",
) -> StoredEvent:
    """A hand-made StoredEvent for renderer tests, without a database."""
    headline = "工博会在青岛开幕"
    mention = Mention("art-1", "page.txt", headline, "2022-11-22", evidence, 0, len(evidence), source_url)
    return StoredEvent(
        uid,
        title,
        category,
        start,
        end,
        precision != "time",
        precision,
        location,
        status,
        sequence,
        created,
        updated,
        [mention],
    )
