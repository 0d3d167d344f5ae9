"""The HTML pages: home with filters and subscriptions, month grid, event and article pages, language, 404."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html as lxml_html
from page_data import HOSTILE, TODAY, day, fill, next_month

from feeds.models import StoredEvent
from feeds.present import i18n
from feeds.present.article_text import Mark, highlight
from feeds.present.month import grid_bounds, month_grid, shift_month


@pytest.fixture
def uids(db):
    return fill(db)


def get(client, path: str, **headers: str) -> str:
    response = client.get(path, headers=headers)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True)


def tree(text: str):
    return lxml_html.fromstring(text)


def section(page: str, section_id: str):
    """The <section> whose heading has this id."""
    return tree(page).xpath(f'//section[@aria-labelledby="{section_id}"]')[0]


def texts(element, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in element.xpath(xpath)]


# --- home page -------------------------------------------------------------------------------


def test_home_groups_upcoming_events_under_day_headings(client, uids):
    upcoming = section(get(client, "/"), "upcoming")
    headings = upcoming.xpath(".//section[@class='day']/h3/time/@datetime")
    assert headings == sorted(headings)
    fair_day = upcoming.xpath(f".//time[@datetime='{day(10)}']/ancestor::section[@class='day']")[0]
    assert texts(fair_day, ".//h4") == ["蓝色经济国际人才洽谈会"]


def test_home_day_headings_name_the_weekday(client, uids):
    upcoming = section(get(client, "/"), "upcoming")
    heading = texts(upcoming, f".//h3[time/@datetime='{day(10)}']")[0]
    weekday = "一二三四五六日"[dt.date.fromisoformat(day(10)).weekday()]
    assert heading.endswith(f"星期{weekday}")


def test_home_files_month_precision_events_under_their_month(client, uids):
    year, month = next_month()
    upcoming = section(get(client, "/"), "upcoming")
    group = upcoming.xpath(".//section[.//a[text()='国际水彩画展']]/h3")[0]
    assert " ".join(group.text_content().split()) == f"{year}年{month}月（日期待定）"


def test_home_lists_events_that_already_started_under_happening_now(client, db):
    from conftest import make_event, make_report, save

    save(db, make_report("展期", day(-3), make_event("长展", day(-2), day(5))))
    upcoming = section(get(client, "/"), "upcoming")
    assert texts(upcoming, ".//section[@class='day'][1]/h3") == ["正在进行"]
    assert "长展" in texts(upcoming, ".//section[@class='day'][1]//h4")


def test_home_keeps_past_events_below(client, uids):
    past = section(get(client, "/"), "past")
    assert texts(past, ".//h3") == ["工业互联网产业大会"]


def test_home_filters_by_category(client, uids):
    upcoming = section(get(client, "/?category=fair"), "upcoming")
    assert set(texts(upcoming, ".//h4/a")) == {"蓝色经济国际人才洽谈会", "东京时尚展"}


def test_home_search_uses_the_full_text_index(client, uids):
    upcoming = section(get(client, "/?q=国际会议中心"), "upcoming")
    assert texts(upcoming, ".//h4/a") == ["蓝色经济国际人才洽谈会"]


def test_home_filters_by_place(client, uids):
    upcoming = section(get(client, "/?location=西海岸"), "upcoming")
    assert texts(upcoming, ".//h4/a") == ["海洋经济论坛"]


def test_home_with_a_date_range_lists_the_events_of_those_days(client, uids):
    page = get(client, f"/?from={day(-6)}&to={day(4)}")
    results = section(page, "upcoming")
    assert set(texts(results, ".//h4/a")) == {"工业互联网产业大会", "东京时尚展", "开幕式"}
    assert 'id="past"' not in page


def test_home_heading_says_what_the_filters_select(client, uids):
    assert texts(tree(get(client, "/?category=fair&location=青岛")), "//h1") == ["展会 · 青岛"]


def test_filter_form_keeps_the_current_values(client, uids):
    form = tree(get(client, "/?category=fair&q=人才&from=2030-01-01")).xpath("//form[@class='filters']")[0]
    assert form.xpath(".//input[@name='q']/@value") == ["人才"]
    assert form.xpath(".//select[@name='category']/option[@selected]/@value") == ["fair"]
    assert form.xpath(".//input[@name='from']/@value") == ["2030-01-01"]


def test_category_links_keep_the_other_filters(client, uids):
    page = tree(get(client, "/?location=青岛&category=fair"))
    href = page.xpath("//nav[@class='chips']//a[text()='会议']/@href")[0]
    assert parse_qs(urlsplit(href).query) == {"location": ["青岛"], "category": ["conference"]}


def test_home_offers_the_selection_as_calendar_and_feeds(client, uids):
    links = section(get(client, "/?category=fair&location=青岛"), "subscribe").xpath(".//a/@href")
    calendar = next(h for h in links if h.startswith("http://localhost/calendar.ics"))
    assert parse_qs(urlsplit(calendar).query) == {"category": ["fair"], "location": ["青岛"]}
    assert any(h.startswith("webcal://localhost/calendar.ics?category=fair") for h in links)
    assert any(h.startswith("https://calendar.google.com/calendar/r?cid=webcal") for h in links)
    for feed in ("/feed.atom", "/feed.rss", "/feed.json", "/api/events"):
        assert any(h.startswith(f"http://localhost{feed}?category=fair&location=") for h in links), feed


def test_the_offered_calendar_holds_what_the_page_shows(client, uids):
    links = section(get(client, "/?category=fair"), "subscribe").xpath(".//a/@href")
    calendar = next(h for h in links if h.startswith("http://localhost/calendar.ics"))
    body = client.get(calendar.removeprefix("http://localhost")).get_data(as_text=True)
    assert "蓝色经济国际人才洽谈会" in body and "东京时尚展" in body
    assert "开幕式" not in body


def test_home_announces_the_filtered_feeds_in_head(client, uids):
    head = tree(get(client, "/?category=fair")).xpath("//head/link[@rel='alternate']/@href")
    assert "http://localhost/feed.atom?category=fair" in head


def test_a_search_without_results_says_so_and_offers_the_way_back(client, uids):
    page = get(client, "/?q=不存在的活动名称")
    assert "没有找到含“不存在的活动名称”的活动" in page
    assert tree(page).xpath("//div[@class='empty']//a[text()='查看全部活动']/@href") == ["/"]


def test_a_wrong_filter_is_a_400_page_naming_the_parameter(client):
    response = client.get("/?category=parade")
    assert response.status_code == 400
    assert "category 只能是" in response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    english = client.get("/?category=parade&lang=en").get_data(as_text=True)
    assert "category must be one of" in english and "只能是" not in english


# --- month -----------------------------------------------------------------------------------


def test_calendar_opens_the_month_of_the_next_event(client, uids):
    response = client.get("/calendar")
    first = dt.date.fromisoformat(day(3))  # the cancelled show is the first still to come
    assert response.status_code == 302
    assert response.headers["Location"] == f"/calendar/{first.year}/{first.month}"


def test_calendar_opens_this_month_without_upcoming_events(client):
    assert client.get("/calendar").headers["Location"] == f"/calendar/{TODAY.year}/{TODAY.month}"


def test_calendar_keeps_the_filters(client, uids):
    location = client.get("/calendar?category=other").headers["Location"]
    target = dt.date.fromisoformat(day(25))
    assert location == f"/calendar/{target.year}/{target.month}?category=other"


def test_month_page_shows_a_multi_day_event_across_its_days(client, uids):
    start = dt.date.fromisoformat(day(10))
    page = tree(get(client, f"/calendar/{start.year}/{start.month}"))
    cells = page.xpath("//td[contains(@class, 'bar')][.//a[contains(., '蓝色经济国际人才洽谈会')]]")
    assert sum(int(c.get("colspan", "1")) for c in cells) == 3


def test_month_page_lists_month_precision_events_apart(client, uids):
    year, month = next_month()
    undated = section(get(client, f"/calendar/{year}/{month}"), "undated")
    assert texts(undated, "h2") == ["本月内，日期待定"]
    assert texts(undated, ".//a") == ["国际水彩画展"]


def test_month_weeks_start_on_monday(client):
    page = tree(get(client, "/calendar/2022/11"))
    assert texts(page, "//table[@class='month']/thead//th") == list("一二三四五六日")
    assert page.xpath("//tr[@class='days'][1]/td[1]//time/@datetime") == ["2022-10-31"]


def test_month_page_links_to_the_months_around_it(client):
    page = tree(get(client, "/calendar/2022/12"))
    assert page.xpath("//a[@rel='prev']/@href") == ["/calendar/2022/11"]
    assert page.xpath("//a[@rel='next']/@href") == ["/calendar/2023/1"]


def test_month_days_link_to_that_days_events(client):
    page = tree(get(client, "/calendar/2022/11?category=fair"))
    href = page.xpath("//td//a[time/@datetime='2022-11-29']/@href")[0]
    assert parse_qs(urlsplit(href).query) == {"category": ["fair"], "from": ["2022-11-29"], "to": ["2022-11-29"]}


@pytest.mark.parametrize("path", ["/calendar/2022/13", "/calendar/2022/0", "/calendar/99999/1"])
def test_months_that_do_not_exist_are_404(client, path):
    assert client.get(path).status_code == 404


def stored(title: str, start: str, end: str, precision: str = "day") -> StoredEvent:
    return StoredEvent(title, title, "fair", start, end, precision != "time", precision, "", "confirmed", 0, "", "")


def test_grid_runs_from_the_monday_before_to_the_sunday_after():
    assert grid_bounds(2022, 11) == (dt.date(2022, 10, 31), dt.date(2022, 12, 4))


def test_shift_month_rolls_over_years():
    assert shift_month(2022, 12, 1) == (2023, 1)
    assert shift_month(2023, 1, -1) == (2022, 12)


def test_an_event_over_a_weekend_continues_into_the_next_week():
    grid = month_grid(2022, 11, [stored("A", "2022-11-26", "2022-11-29")])
    cells = [c for week in grid.weeks for lane in week.lanes for c in lane if c.event]
    assert [(c.span, c.continues_before, c.continues_after) for c in cells] == [(2, False, True), (2, True, False)]


def test_overlapping_events_take_separate_lanes_and_free_days_are_reused():
    events = [
        stored("A", "2022-11-01", "2022-11-03"),
        stored("B", "2022-11-02", "2022-11-02"),
        stored("C", "2022-11-05", "2022-11-05"),
    ]
    week = month_grid(2022, 11, events).weeks[0]
    lanes = [[(c.event.title if c.event else None, c.span) for c in lane] for lane in week.lanes]
    assert lanes == [
        [(None, 1), ("A", 3), (None, 1), ("C", 1), (None, 1)],
        [(None, 1), (None, 1), ("B", 1), (None, 1), (None, 1), (None, 1), (None, 1)],
    ]


def test_month_precision_events_are_kept_off_the_grid():
    grid = month_grid(2022, 11, [stored("M", "2022-11-01", "2022-11-30", "month")])
    assert [ev.title for ev in grid.undated] == ["M"]
    assert all(not week.lanes for week in grid.weeks)


def test_interactive_calendar_reads_the_api_with_the_page_filters(client, uids):
    page = tree(get(client, "/calendar/interactive?category=fair"))
    [calendar] = page.xpath("//div[@id='fc']")
    assert calendar.get("data-events") == "/api/events?category=fair"
    assert calendar.get("data-locale") == "zh-cn"
    assert calendar.get("data-initial") == dt.date.fromisoformat(day(3)).replace(day=1).isoformat()


def test_interactive_calendar_loads_fullcalendar_from_this_site(client):
    response = client.get("/calendar/interactive")
    page = tree(response.get_data(as_text=True))
    sources = page.xpath("//script/@src")
    assert "/static/vendor/fullcalendar/index.global.min.js" in sources
    assert all(src.startswith("/static/") for src in sources)
    for src in sources:
        assert client.get(src).status_code == 200, src
    # FullCalendar fills an empty <style> through the CSSOM: the policy allows the empty text's hash, no nonce.
    assert not page.xpath("//meta[@name='csp-nonce']")
    empty = base64.b64encode(hashlib.sha256(b"").digest()).decode()
    assert f"'sha256-{empty}'" in response.headers["Content-Security-Policy"]


def test_interactive_calendar_points_to_the_plain_month_without_scripts(client, uids):
    page = tree(get(client, "/calendar/interactive"))
    first = dt.date.fromisoformat(day(3))
    assert f"/calendar/{first.year}/{first.month}" in page.xpath("//p[@class='hint']/a/@href")


# --- event page ------------------------------------------------------------------------------


def json_ld_of(page: str) -> dict:
    [script] = tree(page).xpath("//script[@type='application/ld+json']")
    return json.loads(script.text)


def test_event_page_says_when_in_beijing_time_with_the_weekday(client, uids):
    page = tree(get(client, f"/events/{uids.opening}"))
    start = dt.date.fromisoformat(day(4))
    weekday = "一二三四五六日"[start.weekday()]
    when = texts(page, "//dt[text()='时间']/following-sibling::dd[1]/time")[0]
    assert when == f"{start.year}年{start.month}月{start.day}日（周{weekday}） 09:00–11:30"


def test_event_page_shows_place_category_and_status(client, uids):
    facts = texts(tree(get(client, f"/events/{uids.fair}")), "//dl[@class='facts']/dd")
    assert facts[1:4] == ["青岛国际会议中心", "展会", "已确认"]


def test_event_page_marks_a_cancelled_event(client, uids):
    page = tree(get(client, f"/events/{uids.cancelled}"))
    assert texts(page, "//h1/span[contains(@class, 'status')]") == ["已取消"]
    assert texts(page, "//p[contains(@class, 'notice-cancelled')]") == ["此活动已取消。"]


def test_event_page_marks_a_postponed_event(client, uids):
    page = tree(get(client, f"/events/{uids.postponed}"))
    assert texts(page, "//h1/span[contains(@class, 'status')]") == ["已延期"]
    assert page.xpath("//p[contains(@class, 'notice-postponed')]")


def test_event_page_highlights_the_evidence_in_its_article(client, uids):
    page = tree(get(client, f"/events/{uids.opening}"))
    [quote] = page.xpath("//section[@class='evidence']//blockquote")
    assert texts(quote, "mark") == ["开幕式上午9时举行。"]
    assert "东京时尚展取消举办。" in quote.text_content()  # the sentence before it, for context


def test_event_page_links_each_source_to_the_sentence_in_the_article(client, uids):
    page = tree(get(client, f"/events/{uids.fair}"))
    href = page.xpath("//p[@class='source-head']/a[1]/@href")[0]
    assert re.fullmatch(rf"/articles/{uids.article}#m-0", href)


def test_event_page_offers_ics_google_and_outlook(client, uids):
    links = tree(get(client, f"/events/{uids.fair}")).xpath("//section[@class='add']//a/@href")
    assert links[0] == f"/events/{uids.fair}.ics"
    assert links[1].startswith("https://calendar.google.com/calendar/render?action=TEMPLATE")
    assert links[2].startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
    assert client.get(links[0]).mimetype == "text/calendar"


def test_google_link_gives_all_day_dates_with_an_exclusive_end(client, uids):
    href = tree(get(client, f"/events/{uids.fair}")).xpath("//a[text()='Google 日历']/@href")[0]
    query = parse_qs(urlsplit(href).query)
    start, after = dt.date.fromisoformat(day(10)), dt.date.fromisoformat(day(13))
    assert query["dates"] == [f"{start:%Y%m%d}/{after:%Y%m%d}"]
    assert query["text"] == ["蓝色经济国际人才洽谈会"]
    assert query["location"] == ["青岛国际会议中心"]


def test_google_link_gives_times_in_utc(client, uids):
    href = tree(get(client, f"/events/{uids.opening}")).xpath("//a[text()='Google 日历']/@href")[0]
    on = dt.date.fromisoformat(day(4))
    assert parse_qs(urlsplit(href).query)["dates"] == [f"{on:%Y%m%d}T010000Z/{on:%Y%m%d}T033000Z"]


def test_outlook_link_gives_times_with_their_offset(client, uids):
    href = tree(get(client, f"/events/{uids.opening}")).xpath("//a[text()='Outlook 日历']/@href")[0]
    query = parse_qs(urlsplit(href).query)
    assert query["startdt"] == [f"{day(4)}T09:00:00+08:00"]
    assert query["enddt"] == [f"{day(4)}T11:30:00+08:00"]


@pytest.mark.parametrize("name", ["fair", "congress", "cancelled", "opening", "month", "postponed", "hostile"])
def test_event_json_ld_has_the_fields_search_engines_need(client, uids, name):
    data = json_ld_of(get(client, f"/events/{getattr(uids, name)}"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    for field in ("name", "startDate", "endDate", "location", "eventStatus", "description", "url"):
        assert data[field], field
    assert data["location"]["@type"] == "Place"


def test_event_json_ld_gives_times_with_offset_and_months_as_months(client, uids):
    opening = json_ld_of(get(client, f"/events/{uids.opening}"))
    assert (opening["startDate"], opening["endDate"]) == (f"{day(4)}T09:00:00+08:00", f"{day(4)}T11:30:00+08:00")
    year, month = next_month()
    assert json_ld_of(get(client, f"/events/{uids.month}"))["startDate"] == f"{year}-{month:02d}"


@pytest.mark.parametrize(
    ("name", "status"),
    [("fair", "EventScheduled"), ("cancelled", "EventCancelled"), ("postponed", "EventRescheduled")],
)
def test_event_json_ld_status(client, uids, name, status):
    assert json_ld_of(get(client, f"/events/{getattr(uids, name)}"))["eventStatus"] == f"https://schema.org/{status}"


def test_event_json_ld_cannot_end_its_script_element(client, uids):
    page = get(client, f"/events/{uids.hostile}")
    script = page.split('<script type="application/ld+json"', 1)[1].split("</script>", 1)[0]
    assert "<" not in script.split(">", 1)[1] and "\u2028" not in script
    assert json_ld_of(page)["name"] == " ".join(HOSTILE.replace("\u2028", " ").split())


def test_event_json_ld_is_data_and_needs_no_nonce(client, uids):
    """A per-request nonce would make the page uncacheable; JSON-LD is never run, so CSP does not apply."""
    response = client.get(f"/events/{uids.fair}")
    [script] = tree(response.get_data(as_text=True)).xpath("//script[@type='application/ld+json']")
    assert script.get("nonce") is None
    assert "nonce" not in response.headers["Content-Security-Policy"]


def test_event_page_is_an_h_event(client, uids):
    page = tree(get(client, f"/events/{uids.fair}"))
    [root] = page.xpath("//*[contains(concat(' ', @class, ' '), ' h-event ')]")
    assert texts(root, ".//*[contains(@class, 'p-name')]")[0].startswith("蓝色经济国际人才洽谈会")
    assert root.xpath(".//time[contains(@class, 'dt-start')]/@datetime") == [day(10)]
    assert root.xpath(".//data[contains(@class, 'dt-end')]/@value") == [day(12)]
    assert texts(root, ".//*[contains(@class, 'p-location')]") == ["青岛国际会议中心"]
    assert root.xpath(".//data[contains(@class, 'u-url')]/@value") == [f"http://localhost/events/{uids.fair}"]


# --- article page ----------------------------------------------------------------------------


def test_article_page_marks_each_event_and_links_it(client, uids):
    page = tree(get(client, f"/articles/{uids.article}"))
    assert texts(page, "//div[@class='article-text']/mark")[0] == "蓝色经济国际人才洽谈会将在青岛国际会议中心举行。"
    first_ref = page.xpath("//div[@class='article-text']/a[@class='ref']")[0]
    number = int(first_ref.text_content())
    listed = page.xpath(f"//ol[@class='article-events']/li[{number}]/a")[0]
    assert first_ref.get("href") == listed.get("href") == f"/events/{uids.fair}"


def test_highlight_joins_two_events_in_one_sentence():
    segments = highlight("甲乙。丙。", [Mark(0, 3, 1), Mark(0, 3, 2), Mark(1, 3, 3)])
    assert [(s.text, s.anchor, s.refs, s.aliases) for s in segments] == [
        ("甲乙。", "m-0", [1, 2, 3], ["m-1"]),
        ("丙。", None, [], []),
    ]


def test_highlight_skips_spans_outside_the_text():
    assert [s.text for s in highlight("短文", [Mark(5, 9, 1)])] == ["短文"]


# --- language --------------------------------------------------------------------------------


def test_pages_are_chinese_by_default(client, uids):
    page = tree(get(client, "/"))
    assert page.get("lang") == "zh-CN"
    assert texts(page, "//h1") == ["近期活动"]


def test_english_by_accept_language(client, uids):
    page = tree(get(client, "/", **{"Accept-Language": "en-US,en;q=0.9"}))
    assert page.get("lang") == "en"
    assert texts(page, "//h2[@id='upcoming']")[0].startswith("Upcoming")


def test_lang_in_the_url_wins_and_links_keep_it(client, uids):
    page = tree(get(client, "/?lang=en", **{"Accept-Language": "zh-CN"}))
    assert page.get("lang") == "en"
    event_link = page.xpath(f"//a[contains(@href, '/events/{uids.fair}')]/@href")[0]
    assert parse_qs(urlsplit(event_link).query) == {"lang": ["en"]}


def test_english_event_page_gives_the_date_in_english(client, uids):
    page = tree(get(client, f"/events/{uids.fair}?lang=en"))
    start = dt.date.fromisoformat(day(10))
    assert texts(page, "//dt[text()='When']/following-sibling::dd[1]/time")[0].startswith(
        f"{start:%a} {start.day} {start:%b} {start.year} – "
    )


def test_pages_vary_on_accept_language(client):
    response = client.get("/")
    assert "Accept-Language" in response.headers["Vary"]
    assert response.headers["Content-Language"] == "zh-CN"


@pytest.mark.parametrize(
    ("asked", "accept", "chosen"),
    [(None, "", "zh"), ("en", "", "en"), (None, "en-GB", "en"), (None, "fr, en;q=0.5", "en"),
     (None, "fr", "zh"), ("xx", "en", "en"), ("zh-CN", "en", "zh")],
)
def test_choose_language(asked, accept, chosen):
    from werkzeug.datastructures import LanguageAccept
    from werkzeug.http import parse_accept_header

    assert i18n.choose_language(asked, parse_accept_header(accept, LanguageAccept)) == chosen


# --- errors ----------------------------------------------------------------------------------


def test_an_unknown_page_is_a_404_that_helps(client, uids):
    response = client.get("/events/nothing@feeds")
    page = tree(response.get_data(as_text=True))
    assert response.status_code == 404
    assert texts(page, "//h1") == ["找不到这个页面"]
    assert page.xpath("//form[@role='search']//input[@name='q']")
    assert "蓝色经济国际人才洽谈会" in texts(page, "//section//li/a")


def test_a_missing_calendar_file_is_a_plain_404(client):
    response = client.get("/categories/parade.ics")
    assert response.status_code == 404
    assert "找不到" not in response.get_data(as_text=True)
