"""One language per response: pages, errors, feeds, calendars and the API follow `lang` (issue 17, item 3).

The events here are written in ASCII, so any Chinese character in an English response is the interface's,
and any English interface message in a Chinese response is a string that forgot the language.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import make_event, make_report, save

from feeds.present import i18n
from feeds.web import clock

TODAY = dt.date(2025, 1, 10)
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
LANGUAGE_SWITCH = "中文"
"""The one Chinese word an English page holds: the link back to the Chinese page, in its own language."""


@pytest.fixture
def uids(db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    save(db, make_report("Expo news", "2025-01-02",
                         make_event("Ocean Expo", "2025-01-12", "2025-01-14", location="Qingdao", category="fair",
                                    evidence="Ocean Expo opens on 12 January."),
                         make_event("Trade Forum", "2025-01-20", status="cancelled",
                                    evidence="Trade Forum was called off."),
                         make_event("Port Day", "2025-03-01", status="postponed", evidence="Port Day moves.")))
    return db


def _paths(uids: list[str], article: str) -> list[str]:
    return [
        "/", "/calendar/2025/1", "/calendar/2025/6", "/calendar/interactive", "/embed", "/embed?view=month",
        "/embed/builder", "/sources", f"/events/{uids[0]}", f"/articles/{article}", "/no-such-page",
        "/?from=yesterday", "/feed.rss", "/feed.atom", "/feed.json", "/calendar.ics", f"/events/{uids[0]}.ics",
        "/api/events?start=2025-01-01&end=2025-04-01", "/feed.json?limit=0",
    ]


def _english_messages() -> list[str]:
    """The English interface words long enough not to occur by chance in a Chinese page."""
    return sorted({en for zh, en in i18n.MESSAGES.values() if zh != en and len(en) > 6 and "{" not in en})


def _responses(client, db, lang: str):
    uids = [row["uid"] for row in db["events"].rows]
    article = next(db["articles"].rows)["id"]
    for path in _paths(uids, article):
        sep = "&" if "?" in path else "?"
        response = client.get(f"{path}{sep}lang={lang}")
        assert response.status_code in (200, 400, 404), (path, response.status_code)
        yield path, response.get_data(as_text=True)


def test_english_responses_hold_no_chinese(client, db, uids):
    for path, body in _responses(client, db, "en"):
        leftover = CJK.findall(body.replace(LANGUAGE_SWITCH, ""))
        assert not leftover, (path, "".join(leftover)[:40], body[max(0, body.find(leftover[0]) - 80):][:160])


def test_chinese_responses_hold_no_english_interface_words(client, db, uids):
    words = _english_messages()
    for path, body in _responses(client, db, "zh"):
        found = [w for w in words if w in body]
        assert not found, (path, found)


def test_feed_titles_follow_lang(client, uids):
    english = client.get("/feed.json?lang=en").get_json()
    assert english["title"] == "feeds · all events"
    assert english["language"] == "en"
    titles = [item["title"] for item in english["items"]]
    assert "[12 Jan] Ocean Expo @ Qingdao" in titles
    assert "[20 Jan] [Cancelled] Trade Forum" in titles
    chinese = client.get("/feed.json").get_json()
    assert "[1月12日] Ocean Expo @ Qingdao" in [item["title"] for item in chinese["items"]]


def test_interactive_calendar_asks_for_events_in_its_language(client, uids):
    page = client.get("/calendar/interactive?lang=en").get_data(as_text=True)
    url = re.search(r'data-events="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "lang=en" in url
    titles = [ev["title"] for ev in client.get(url + "&start=2025-01-01&end=2025-02-01").get_json()]
    assert "[Cancelled] Trade Forum" in titles
