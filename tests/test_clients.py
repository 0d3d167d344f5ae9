"""Our calendars and feeds, handed to parsers and apps that no one here wrote.

Calendar clients must show every sample event on the right days (in Beijing and in New York);
feed readers must parse without complaint and get a 304 when they send back the ETag.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import urllib.request
from pathlib import Path
from urllib.error import HTTPError
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
import recurring_ical_events
import vobject
from clients import TESTS, isolated_env, live_server, node_json, require_libical, require_tool, run
from sample_events import EXPECTED, Expected, fill

pytestmark = pytest.mark.slow

ZONES = ["Asia/Shanghai", "America/New_York"]


@pytest.fixture
def uids(db):
    return fill(db)


@pytest.fixture
def ics(client, uids) -> bytes:
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    return response.data


@pytest.fixture
def ics_file(ics, tmp_path) -> Path:
    path = tmp_path / "calendar.ics"
    path.write_bytes(ics)
    return path


def days_in(expected: Expected, zone: str) -> list[dt.date]:
    """The days a calendar in `zone` should show the event on."""
    if not expected.timed:
        first, last = expected.first, expected.last
    else:
        first = expected.start.astimezone(ZoneInfo(zone)).date()
        last = (expected.end or expected.start).astimezone(ZoneInfo(zone)).date()
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


# --- Python libraries -----------------------------------------------------------------------------


def test_icalendar_parses_every_component_without_errors(ics):
    cal = icalendar.Calendar.from_ical(ics)
    assert [(c.name, c.errors) for c in cal.walk() if c.errors] == []
    assert len(cal.walk("VEVENT")) == len(EXPECTED)


def test_vobject_validates_the_calendar(ics):
    parsed = vobject.readOne(ics.decode("utf-8"))
    parsed.serialize(validate=True)
    assert len(parsed.vevent_list) == len(EXPECTED)


def test_recurring_ical_events_puts_each_event_on_its_days(ics, uids):
    cal = icalendar.Calendar.from_ical(ics)
    for key, expected in EXPECTED.items():
        days = days_in(expected, "Asia/Shanghai")
        before, after = days[0] - dt.timedelta(days=1), days[-1] + dt.timedelta(days=1)
        for day in days:
            assert uids[key] in {str(e["UID"]) for e in recurring_ical_events.of(cal).at(day)}, (key, day)
        for day in (before, after):
            assert uids[key] not in {str(e["UID"]) for e in recurring_ical_events.of(cal).at(day)}, (key, day)


# --- ical.js (Thunderbird) and libical (Evolution) ------------------------------------------------


def test_ical_js_reads_every_event_with_its_times(ics_file, uids):
    parsed = node_json("ics.mjs", str(ics_file), module="ical.js")
    assert parsed["calendar"]["timezones"] == ["Asia/Shanghai"]
    events = {event["uid"]: event for event in parsed["events"]}
    for key, expected in EXPECTED.items():
        event = events[uids[key]]
        assert event["summary"] == expected.title
        if expected.timed:
            assert (event["start"]["tzid"], event["start"]["unix"]) == (
                "Asia/Shanghai",
                expected.start.timestamp(),
            )
            if expected.end:
                assert event["end"]["unix"] == expected.end.timestamp()
        else:
            assert event["start"]["isDate"] and event["end"]["isDate"]
            assert event["start"]["local"] == expected.first.isoformat()
            assert event["end"]["local"] == (expected.last + dt.timedelta(days=1)).isoformat()


def test_ical_js_sees_the_cancelled_status(ics_file, uids):
    events = {e["uid"]: e for e in node_json("ics.mjs", str(ics_file), module="ical.js")["events"]}
    assert events[uids["cancelled"]]["status"] == "CANCELLED"


def test_libical_parses_without_errors_and_gets_the_times(ics_file, uids):
    python = require_libical()
    parsed = json.loads(run([python, str(TESTS / "libical_dump.py"), str(ics_file)]).stdout)
    assert parsed["errors"] == []
    events = {event["uid"]: event for event in parsed["events"]}
    for key, expected in EXPECTED.items():
        event = events[uids[key]]
        assert event["summary"] == expected.title
        if expected.timed:
            assert event["start"] == {"unix": expected.start.timestamp(), "tzid": "Asia/Shanghai"}
        else:
            assert event["start"] == {"date": expected.first.isoformat()}
            assert event["end"] == {"date": (expected.last + dt.timedelta(days=1)).isoformat()}
    assert events[uids["cancelled"]]["status"] == "CANCELLED"


# --- calcurse and khal ----------------------------------------------------------------------------

_CALCURSE_DAY = re.compile(r"^(\d\d)/(\d\d)/(\d\d):$")


def calcurse_days(ics_file: Path, home: Path, zone: str) -> dict[str, set[dt.date]]:
    """Import into a fresh calcurse and list, per title, the days it shows the item on."""
    calcurse = require_tool("calcurse")
    env = isolated_env(home, zone)
    data = home / "calcurse"
    run([calcurse, "-q", "-D", str(data), "-i", str(ics_file)], env=env)
    fmt = " %m\\n"
    listing = run(
        [calcurse, "-D", str(data), "-Q", "--from", "01/01/2022", "--days", "1200",
         "--format-apt", " %(start:%H:%M) %m\\n", "--format-recur-apt", " %(start:%H:%M) %m\\n",
         "--format-event", fmt, "--format-recur-event", fmt],
        env=env,
    ).stdout  # fmt: skip
    shown: dict[str, set[dt.date]] = {}
    day = None
    for line in listing.splitlines():
        if match := _CALCURSE_DAY.match(line):
            month, mday, year = (int(g) for g in match.groups())
            day = dt.date(2000 + year, month, mday)
        elif line.startswith(" ") and day is not None:
            title = re.sub(r"^ \d\d:\d\d ", " ", line)[1:]
            shown.setdefault(title, set()).add(day)
    return shown


@pytest.mark.parametrize("zone", ZONES)
def test_calcurse_imports_every_event_on_its_days(ics_file, tmp_path, zone):
    shown = calcurse_days(ics_file, tmp_path, zone)
    for expected in EXPECTED.values():
        assert shown.get(expected.title) == set(days_in(expected, zone)), expected.title


@pytest.mark.parametrize("zone", ZONES)
def test_calcurse_shows_timed_events_at_their_local_time(ics_file, tmp_path, zone):
    calcurse = require_tool("calcurse")
    env = isolated_env(tmp_path, zone)
    run([calcurse, "-q", "-D", str(tmp_path / "c"), "-i", str(ics_file)], env=env)
    listing = run(
        [calcurse, "-D", str(tmp_path / "c"), "-Q", "--from", "11/20/2022", "--days", "5",
         "--format-apt", " %(start:%Y-%m-%d %H:%M) %m\\n"],
        env=env,
    ).stdout  # fmt: skip
    local = EXPECTED["opening"].start.astimezone(ZoneInfo(zone))
    assert f" {local:%Y-%m-%d %H:%M} {EXPECTED['opening'].title}" in listing.splitlines()


def khal_events(ics_file: Path, home: Path, zone: str) -> dict[str, list[str]]:
    """`khal printics` with a config in `zone`; returns uid -> [start, end, all-day, status, title]."""
    khal = require_tool("khal")
    env = isolated_env(home, zone)
    config = home / "khal.conf"
    (home / "khal-calendar").mkdir()
    config.write_text(
        "[calendars]\n[[feeds]]\npath = " + str(home / "khal-calendar") + "\n"
        "[locale]\n"
        f"local_timezone = {zone}\ndefault_timezone = {zone}\n"
        "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ntimeformat = %H:%M\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
        encoding="utf-8",
    )
    fmt = "{uid}\t{start}\t{end}\t{all-day}\t{status}\t{title}"
    output = run([khal, "-c", str(config), "printics", "--format", fmt, str(ics_file)], env=env).stdout
    rows = [line.split("\t") for line in output.splitlines() if line.count("\t") == 5]
    return {row[0]: [cell.strip() for cell in row[1:]] for row in rows}


@pytest.mark.parametrize("zone", ZONES)
def test_khal_reads_every_event_on_its_days(ics_file, tmp_path, uids, zone):
    events = khal_events(ics_file, tmp_path, zone)
    assert len(events) == len(EXPECTED)
    for key, expected in EXPECTED.items():
        start, end, all_day, _status, title = events[uids[key]]
        assert title == expected.title
        if expected.timed:
            assert (start, all_day) == (
                f"{expected.start.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}",
                "False",
            )
            # khal shows a timed event without DTEND as lasting a day (its own choice), so only a known end
            # is compared.
            if expected.end:
                assert end == f"{expected.end.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}"
        else:
            # khal prints the inclusive last day of an all-day event.
            assert (start, end, all_day) == (expected.first.isoformat(), expected.last.isoformat(), "True")


def test_khal_sees_the_cancelled_status(ics_file, tmp_path, uids):
    assert khal_events(ics_file, tmp_path, "Asia/Shanghai")[uids["cancelled"]][3] == "CANCELLED"


# --- feed readers ---------------------------------------------------------------------------------

FEEDS = ["/feed.rss", "/feed.atom", "/feed.json"]
ALL = "?from=2000-01-01"


@pytest.fixture
def server(app, uids):
    with live_server(app) as url:
        yield url


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom"])  # feedparser 6 does not read JSON Feed
def test_feedparser_reads_each_feed_without_complaint(server, uids, path):
    parsed = feedparser.parse(server + path + ALL)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.status == 200
    assert {entry.link for entry in parsed.entries} == {f"{server}/events/{uid}" for uid in uids.values()}


@pytest.mark.parametrize("path", FEEDS)
def test_feedparser_gets_304_when_it_sends_back_the_etag(server, uids, path):
    first = feedparser.parse(server + path + ALL)
    again = feedparser.parse(server + path + ALL, etag=first.etag)
    assert again.status == 304
    assert again.entries == []


@pytest.mark.parametrize("path", FEEDS)
def test_feedparser_gets_304_when_it_sends_back_last_modified(server, uids, path):
    first = feedparser.parse(server + path + ALL)
    assert feedparser.parse(server + path + ALL, modified=first.modified).status == 304


def test_feedparser_sees_titles_with_date_and_place(server, uids):
    titles = {entry.title for entry in feedparser.parse(server + "/feed.atom" + ALL).entries}
    assert "[11月29日] 2022世界工业互联网产业大会 @ 青岛国际会议中心" in titles
    assert "[4月16日] [已取消] 青岛马拉松 @ 青岛" in titles


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom"])
def test_newsboat_reloads_the_feed_with_an_empty_error_log(server, uids, tmp_path, path):
    newsboat = require_tool("newsboat")
    url = server + path + ALL
    (tmp_path / "urls").write_text(url + "\n", encoding="utf-8")
    error_log = tmp_path / "error.log"
    (tmp_path / "config").write_text(f'error-log "{error_log}"\n', encoding="utf-8")
    cache = tmp_path / "cache.db"
    env = isolated_env(tmp_path / "home")
    args = [
        newsboat,
        "-x",
        "reload",
        "-u",
        str(tmp_path / "urls"),
        "-c",
        str(cache),
        "-C",
        str(tmp_path / "config"),
    ]
    run(args, env=env)
    assert error_log.read_text(encoding="utf-8") == ""
    with sqlite3.connect(cache) as db:
        guids = {row[0] for row in db.execute("SELECT guid FROM rss_item WHERE feedurl = ?", [url])}
    assert guids == {f"{server}/events/{uid}" for uid in uids.values()}


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom"])
def test_rss_parser_reads_each_item(server, uids, path):
    feed = node_json("feed.mjs", server + path + ALL, module="rss-parser")
    assert feed["link"] == server + "/"
    links = {item["link"] for item in feed["items"]}
    assert links == {f"{server}/events/{uid}" for uid in uids.values()}
    assert all(item["title"].startswith("[") for item in feed["items"])


# --- over the wire --------------------------------------------------------------------------------


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), dict(response.headers)
    except HTTPError as err:
        return err.code, err.read(), dict(err.headers)


@pytest.mark.parametrize("path", ["/calendar.ics", *FEEDS, "/api/events"])
def test_fetching_twice_gives_identical_bytes_and_then_304(server, uids, path):
    status1, body1, headers1 = fetch(server + path)
    status2, body2, _ = fetch(server + path)
    assert (status1, status2) == (200, 200)
    assert body1 == body2 and body1
    status3, body3, _ = fetch(server + path, {"If-None-Match": headers1["ETag"]})
    assert (status3, body3) == (304, b"")


# --- the skip-or-fail rule ------------------------------------------------------------------------


def test_a_missing_client_skips_with_the_command_that_installs_it(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="install it with: apt-get install -y no-such-client"):
        require_tool("feeds-no-such-client", "apt-get install -y no-such-client")


def test_a_missing_client_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="feeds-no-such-client is not installed"):
        require_tool("feeds-no-such-client", "apt-get install -y no-such-client")
