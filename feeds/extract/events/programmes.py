"""Programmes are no events: `研究生教学活动` over two summer months, `社区交流活动` from January on."""

from __future__ import annotations

from ...models import Article, Event

KEPT_CATEGORIES = {"trade_mission", "deadline"}
"""A mission abroad `…开展商务促进活动` in a month, or a call open for weeks, is one of ours however long it runs."""
CELEBRATIONS = ("纪念活动", "庆祝活动", "庆典活动")
"""An anniversary's celebrations in a month (`同盟成立70周年纪念活动`) are its events, however many days they fill."""
PROGRAMME_DAYS = 45
"""An `…活动` that runs this long or longer is a programme of many days, not one a calendar can hold."""


def without_programmes(events: list[Event], article: Article) -> list[Event]:
    """The events, less the activities known only to the month or running for weeks on end."""
    return [event for event in events if not _programme(event)]


def _programme(event: Event) -> bool:
    interval = event.interval
    return event.category not in KEPT_CATEGORIES and event.title.endswith("活动") \
        and not event.title.endswith(CELEBRATIONS) and (
        interval.precision == "month" or (interval.end_date - interval.start_date).days >= PROGRAMME_DAYS)
