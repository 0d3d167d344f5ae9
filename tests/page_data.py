"""A few events around today, for the page, embed, accessibility and browser tests.

Dates are relative to today in Beijing, so "upcoming" and "past" stay true whenever the tests run.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from conftest import make_event, make_report, save
from sqlite_utils import Database

from feeds import store
from feeds.models import TZ, Event, Interval, Selection

TODAY = dt.datetime.now(TZ).date()
HOSTILE = "</script><script>alert(1)</script>\u2028论坛"


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def next_month() -> tuple[int, int]:
    first = (TODAY.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return first.year, first.month


def month_event(title: str, year: int, month: int) -> Event:
    """An event whose article gives only the month (`5月举行`)."""
    evidence = f"{title}将于{year}年{month}月举行。"
    last = calendar.monthrange(year, month)[1]
    interval = Interval(dt.date(year, month, 1), dt.date(year, month, last), "month")
    return Event(title, "exhibition", interval, evidence, 0, len(evidence), "上海")


@dataclass(frozen=True)
class Uids:
    """The uid of each sample event, and the id of the article that reports most of them."""

    fair: str
    congress: str
    cancelled: str
    opening: str
    month: str
    postponed: str
    hostile: str
    article: str


def fill(db: Database) -> Uids:
    """Save two articles: one with a multi-day fair, a past congress, a cancelled show, a timed opening
    and a month-precision exhibition; one with a postponed forum and a hostile title."""
    year, month = next_month()
    save(
        db,
        make_report(
            "人才周下月举行",
            day(-20),
            make_event(
                "蓝色经济国际人才洽谈会",
                day(10),
                day(12),
                location="青岛国际会议中心",
                category="fair",
                evidence="蓝色经济国际人才洽谈会将在青岛国际会议中心举行。",
            ),
            make_event("工业互联网产业大会", day(-5), day(-4), location="青岛"),
            make_event("东京时尚展", day(3), status="cancelled", category="fair", evidence="东京时尚展取消举办。"),
            make_event(
                "开幕式",
                f"{day(4)}T09:00:00+08:00",
                f"{day(4)}T11:30:00+08:00",
                location="青岛",
                evidence="开幕式上午9时举行。",
            ),
            month_event("国际水彩画展", year, month),
        ),
        source_url="https://news.example.org/a.html",
    )
    save(
        db,
        make_report(
            "论坛改期",
            day(-2),
            make_event("海洋经济论坛", day(20), location="青岛西海岸", evidence="海洋经济论坛延期至下月举行。",
                       status="postponed"),
            make_event(HOSTILE, day(25), location="<b>厅</b>", category="other"),
        ),
    )
    uids = {ev.title: ev.uid for ev in store.query_events(db, Selection())}
    article = store.query_events(db, Selection(q="人才洽谈"))[0].mentions[0].article_id
    return Uids(
        fair=uids["蓝色经济国际人才洽谈会"],
        congress=uids["工业互联网产业大会"],
        cancelled=uids["东京时尚展"],
        opening=uids["开幕式"],
        month=uids["国际水彩画展"],
        postponed=uids["海洋经济论坛"],
        hostile=next(uid for title, uid in uids.items() if "alert(1)" in title),
        article=article,
    )
