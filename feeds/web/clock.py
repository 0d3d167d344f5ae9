"""The one clock of the web layer: today in Beijing, where the events happen.

Every page, calendar, feed and the response cache ask this module, so a test that moves the clock
(`monkeypatch.setattr(clock, "today", …)`) moves it everywhere.
"""

from __future__ import annotations

import datetime as dt

from ..models import TZ


def today() -> dt.date:
    """Today in Beijing."""
    return dt.datetime.now(TZ).date()


def now() -> dt.datetime:
    """This moment, in UTC: RSSHub's filter_time counts back from it."""
    return dt.datetime.now(dt.UTC)
