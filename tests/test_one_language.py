"""One language per response: pages, errors, feeds, calendars and the API follow `lang`, from the query or the
browser's Accept-Language (issue 17, item 3).

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
        "/embed/builder", "/sources", f"/events/{uids[0]}", f"/events/{uids[1]}", f"/articles/{article}",
        "/no-such-page", "/?from=yesterday", "/feed.rss", "/feed.atom", "/feed.json", "/calendar.ics",
        "/categories/fair.ics", f"/events/{uids[0]}.ics", "/api/events?start=2025-01-01&end=2025-04-01",
        f"/api/events/{uids[1]}", "/feed.json?limit=0", "/feed.rss?from=yesterday",
    ]


NOT_IN_A_LANGUAGE = {"static", "health.healthz", "pages.embed_js", "syndication.api_openapi",
                     "syndication.api_sources", "pages.calendar_now"}
"""Routes with no words for a reader: files, a probe, the API's description and sources, a redirect."""
EDITORS_SIDE = {"admin.login", "admin.queue", "admin.event", "admin.history_json", "editor_api.event_history"}
"""Behind a login (404 with no account): walked in both languages by test_admin's
test_each_page_of_the_editors_side_speaks_one_language."""


def test_the_walk_covers_every_page_and_feed(app):
    adapter = app.url_map.bind("localhost")
    walked = {adapter.match(path.split("?")[0])[0] for path in _paths(["u1", "u2"], "a1") if path != "/no-such-page"}
    served = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    assert served - NOT_IN_A_LANGUAGE - EDITORS_SIDE == walked


def _english_messages() -> list[str]:
    """The English interface words long enough not to occur by chance in a Chinese page."""
    return sorted({en for zh, en in i18n.MESSAGES.values() if zh != en and len(en) > 6 and "{" not in en})


BROWSERS = {"en": "en-GB,en;q=0.9", "zh": "zh-CN,zh;q=0.9,en;q=0.5"}
"""What an English and a Chinese browser send as Accept-Language."""


def _responses(client, db, lang: str, asked: str):
    """Every walked path in `lang`, asked for by `?lang=` (asked == "query") or by the browser's Accept-Language."""
    uids = [row["uid"] for row in db["events"].rows]
    article = next(db["articles"].rows)["id"]
    for path in _paths(uids, article):
        sep = "&" if "?" in path else "?"
        if asked == "query":
            other = BROWSERS["zh" if lang == "en" else "en"]  # the query wins over the browser
            response = client.get(f"{path}{sep}lang={lang}", headers={"Accept-Language": other})
        else:
            response = client.get(path, headers={"Accept-Language": BROWSERS[lang]})
        assert response.status_code in (200, 400, 404), (path, response.status_code)
        yield path, response.get_data(as_text=True)


@pytest.mark.parametrize("asked", ["query", "browser"])
def test_english_responses_hold_no_chinese(client, db, uids, asked):
    for path, body in _responses(client, db, "en", asked):
        leftover = CJK.findall(body.replace(LANGUAGE_SWITCH, ""))
        assert not leftover, (path, "".join(leftover)[:40], body[max(0, body.find(leftover[0]) - 80):][:160])


@pytest.mark.parametrize("asked", ["query", "browser"])
def test_chinese_responses_hold_no_english_interface_words(client, db, uids, asked):
    words = _english_messages()
    for path, body in _responses(client, db, "zh", asked):
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


def test_an_english_browser_gets_english_feeds_and_calendars_and_caches_keep_them_apart(client, uids):
    english = {"Accept-Language": BROWSERS["en"]}
    feed = client.get("/feed.json", headers=english)
    assert feed.get_json()["title"] == "feeds · all events" and "Accept-Language" in feed.headers["Vary"]
    chinese = client.get("/feed.json", headers={"Accept-Language": BROWSERS["zh"]})
    assert chinese.get_json()["title"] == "feeds · 全部活动"
    assert feed.headers["ETag"] != chinese.headers["ETag"]
    # the English copy's validator does not pass for the Chinese answer
    again = client.get("/feed.json", headers={"If-None-Match": feed.headers["ETag"], "Accept-Language": "zh-CN"})
    assert again.status_code == 200 and again.get_json()["title"] == "feeds · 全部活动"
    calendar = client.get("/calendar.ics", headers=english).get_data(as_text=True)
    assert "X-WR-CALNAME:feeds · all calendar" in calendar
    asked_chinese = client.get("/calendar.ics?lang=zh", headers=english).get_data(as_text=True)
    assert "X-WR-CALNAME:feeds · 全部日历" in asked_chinese
