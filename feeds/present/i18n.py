"""The pages' words in Chinese and English, and dates as a reader of each language writes them.

Chinese is the default: the articles are Chinese. `?lang=en` or an English `Accept-Language` switches
the interface (not the events, which stay in the words of the article).
"""

from __future__ import annotations

import datetime as dt

from werkzeug.datastructures import LanguageAccept

from ..models import Frequency, Recurrence, StoredEvent
from .admin_i18n import ADMIN_MESSAGES
from .common import (
    CATEGORY_NAMES,
    STATUS_NAMES,
    UNTITLED_ARTICLE,
    first_day,
    last_day,
    span_text,
    timed_end,
    timed_start,
    when_text,
)

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
HTML_LANG = {"zh": "zh-CN", "en": "en"}
"""The value of <html lang> and Content-Language."""

_ACCEPTED = {"zh": "zh", "zh-cn": "zh", "zh-hans": "zh", "en": "en"}
_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
"""Spelled out rather than taken from `calendar`, whose names follow the server's locale."""

MESSAGES: dict[str, tuple[str, str]] = {
    **{f"status.{status}": names for status, names in STATUS_NAMES.items()},
    # chrome
    "tagline": (
        "报纸文章中的会议、展会、活动与截止日期",
        "Conferences, fairs, events and deadlines from newspaper articles",
    ),
    "nav.list": ("活动列表", "Events"),
    "nav.month": ("月历", "Month"),
    "nav.embed": ("嵌入", "Embed"),
    "nav.sources": ("来源网站", "Sources"),
    "sources.title": ("关注的新闻网站", "News sites followed"),
    "sources.intro": (
        "这些新闻网站的订阅源和页面由 feeds fetch 定时抓取，新文章中的活动自动进入日历。",
        "feeds fetch reads these news sites' feeds and pages on a schedule; events in new articles enter the calendar.",
    ),
    "sources.none": ("尚未关注任何网站。", "No site is followed yet."),
    "sources.name": ("名称", "Name"),
    "sources.kind": ("类型", "Kind"),
    "sources.every": ("间隔", "Every"),
    "sources.last_fetch": ("上次抓取", "Last fetch"),
    "sources.status": ("状态", "Status"),
    "sources.articles": ("文章", "Articles"),
    "sources.events": ("活动", "Events"),
    "sources.next_due": ("下次抓取", "Next due"),
    "sources.problems": ("上次抓取的问题", "Problems of the last fetch"),
    "nav.subscribe": ("订阅", "Subscribe"),
    "nav.site": ("网站导航", "Site"),
    "nav.language": ("语言", "Language"),
    "footer": (
        "日期均为北京时间。每个活动都注明出处：点开“来源”可看到原文中的句子。",
        "All times are Beijing time. Every event names its source: open “Sources” for the sentence it came from.",
    ),
    # home
    "home.title": ("近期活动", "Upcoming events"),
    "home.upcoming": ("即将举行", "Upcoming"),
    "home.from": ("（{day} 起）", " (from {day})"),
    "home.ongoing": ("正在进行", "Happening now"),
    "home.past": ("已经举行", "Past events"),
    "home.results": ("所选日期内的活动", "Events in the chosen dates"),
    "home.none_upcoming": ("暂无即将举行的活动。", "No upcoming events."),
    "home.archive_end": (
        "暂无即将举行的活动。档案中的活动截至 {day}：{month}。",
        "No upcoming events. The archive ends on {day}: {month}.",
    ),
    "home.none_past": ("还没有记录。用 {cmd} 导入文章。", "Nothing recorded yet. Import articles with {cmd}."),
    "home.none_match": ("没有符合这些条件的活动。", "No events match these filters."),
    "home.none_query": ("没有找到含“{q}”的活动。", "No events mention “{q}”."),
    "home.hint": (
        "试试更短的词、去掉一个条件，或{clear}。",
        "Try a shorter word, drop a filter, or {clear}.",
    ),
    "home.clear": ("查看全部活动", "see every event"),
    "home.count": ("共 {n} 个活动", "{n} events"),
    "month_group": ("{month}（日期待定）", "{month} (day to be announced)"),
    # filters
    "filter.legend": ("筛选", "Filter"),
    "filter.q": ("搜索", "Search"),
    "filter.q_hint": ("标题、地点或原文中的词", "Words in the title, place or source sentence"),
    "filter.category": ("类别", "Category"),
    "filter.any_category": ("全部类别", "All categories"),
    "filter.location": ("地点", "Place"),
    "filter.from": ("开始日期", "From"),
    "filter.to": ("结束日期", "To"),
    "filter.submit": ("筛选", "Apply"),
    "filter.reset": ("清除条件", "Clear filters"),
    "filter.categories": ("按类别", "By category"),
    "filter.all": ("全部", "All"),
    "filter.active": ("当前条件：", "Showing: "),
    # subscribe
    "sub.title": ("订阅这些活动", "Subscribe to these events"),
    "sub.intro": (
        "日历应用会自动更新；新闻阅读器会收到新增和更改的活动。",
        "Calendar apps keep it up to date; feed readers get new and changed events.",
    ),
    "sub.calendar": ("日历", "Calendar"),
    "sub.webcal": ("在日历应用中打开（webcal）", "Open in calendar app (webcal)"),
    "sub.google": ("添加到 Google 日历", "Add to Google Calendar"),
    "sub.https": ("日历地址（https）", "Calendar address (https)"),
    "sub.feeds": ("新闻订阅", "Feeds"),
    "sub.embed": ("把这些活动嵌入你的网站", "Embed these events in your site"),
    # event page
    "event.when": ("时间", "When"),
    "event.schedule": ("场次", "Repeats"),
    "event.hours": ("开放时间", "Opening hours"),
    "event.where": ("地点", "Where"),
    "event.category": ("类别", "Category"),
    "event.status": ("状态", "Status"),
    "event.updated": ("更新", "Updated"),
    "event.revision": ("（第 {n} 次修订）", " (revision {n})"),
    "event.add": ("加入日历", "Add to calendar"),
    "event.ics": ("下载 .ics 文件", "Download .ics"),
    "event.google": ("Google 日历", "Google Calendar"),
    "event.outlook": ("Outlook 日历", "Outlook Calendar"),
    "event.sources": ("来源", "Sources"),
    "event.sources_n": ("来源（{n}）", "Sources ({n})"),
    "event.context": ("原文", "In context"),
    "event.original": ("原始网页", "Original page"),
    "event.untitled_article": UNTITLED_ARTICLE,
    "event.month_note": ("只知道月份，具体日期待定。", "Only the month is known; the day is to be announced."),
    "event.cancelled_note": ("此活动已取消。", "This event has been cancelled."),
    "event.postponed_note": (
        "此活动已延期或改期，以下为最新日期。",
        "This event was postponed; the dates below are the latest.",
    ),
    "event.tentative_note": ("日期或安排尚未确定。", "The dates or arrangements are not final."),
    "event.inferred_note": ("日期由推算得出：", "The dates were worked out:"),
    "flag.year_inferred": ("原文未写年份", "the article gives no year"),
    "flag.relative": ("按发布日期推算", "counted from the publication date"),
    "flag.month_only": ("只知月份", "only the month is known"),
    "flag.publication_inferred": ("发布日期为推测", "the publication date was inferred"),
    "list.separator": ("；", ";"),
    "event.no_location": ("地点待定", "Place to be announced"),
    "event.page": ("活动页面", "Event page"),
    "event.previous": ("原定", "Originally"),
    "event.opened": ("开放自", "Open since"),
    "event.part_of": ("所属活动", "Part of"),
    "event.superseded": ("此句所说的日期已由后来的报道更新：", "Later reports changed the dates this sentence gives:"),
    "gone.title": ("此活动已撤下", "This event was withdrawn"),
    "gone.text": (
        "报道此活动的文章经重新分析后不再提及它，因此已从日历、订阅和接口中撤下。",
        "The articles that reported it no longer do when read again, so it has left every calendar, feed and the API.",
    ),
    "gone.article": ("原文", "The article"),
    # article page
    "article.events": ("文中的活动", "Events in this article"),
    "article.text": ("全文", "Full text"),
    "article.marked": (
        "黄色标出的是报道活动的句子，后面的编号链接到该活动。",
        "Highlighted sentences report events; the number after each links to it.",
    ),
    # month
    "month.title": ("{month}", "{month}"),
    "month.prev": ("上个月", "Previous month"),
    "month.next": ("下个月", "Next month"),
    "month.today": ("本月", "This month"),
    "month.undated": ("本月内，日期待定", "This month, day to be announced"),
    "month.empty": ("这个月没有活动。", "No events this month."),
    "month.list": ("本月活动一览", "This month's events as a list"),
    "month.next_events": ("下一个有活动的月份：{month}", "The next month with events: {month}"),
    "month.previous_events": ("最近一个有活动的月份：{month}", "The latest month with events: {month}"),
    "month.more": ("完整月历", "Full calendar"),
    "month.more_events": ("另有 {count} 项", "{count} more"),
    "month.more_on_day": ("{day}另有 {count} 项活动", "{count} more events on {day}"),
    "month.caption": ("{month}的活动，每周从星期一开始", "Events in {month}, weeks start on Monday"),
    "month.continues": ("（续）", " (cont.)"),
    # interactive
    "interactive.title": ("交互式日历", "Interactive calendar"),
    "interactive.hint": (
        "可按月或按列表翻看；点击活动打开它的页面。",
        "Browse by month or as a list; click an event to open it.",
    ),
    "interactive.plain": ("不用脚本的月历", "Month view without scripts"),
    "interactive.noscript": (
        "这个视图需要 JavaScript，请使用上面的月历链接。",
        "This view needs JavaScript; use the month link above.",
    ),
    "nav.interactive": ("交互式视图", "Interactive view"),
    # statuses
    # embed
    "embed.title": ("嵌入日历", "Embed the calendar"),
    "embed.intro": (
        "把下面一行贴进你的网页，就会显示一个随内容自动调整高度的活动日历。",
        "Paste this one line into your page to show a calendar that fits its height to its content.",
    ),
    "embed.snippet": ("嵌入代码", "Embed code"),
    "embed.preview": ("预览", "Preview"),
    "embed.options": ("选项", "Options"),
    "embed.view": ("样式", "View"),
    "embed.view_list": ("列表", "List"),
    "embed.view_month": ("月历", "Month"),
    "embed.theme": ("配色", "Theme"),
    "embed.theme_auto": ("跟随系统", "Automatic"),
    "embed.lang_auto": ("跟随访客浏览器", "The visitor's browser"),
    "embed.theme_light": ("浅色", "Light"),
    "embed.theme_dark": ("深色", "Dark"),
    "embed.accent": ("强调色", "Accent colour"),
    "embed.lang": ("界面语言", "Language"),
    "embed.update": ("更新代码", "Update code"),
    "embed.powered": ("活动来自 {site}", "Events from {site}"),
    "embed.frame_title": ("活动日历", "Events calendar"),
    "embed.none": ("暂无活动。", "No events."),
    "embed.recent": ("最近的活动", "Recent events"),
    # errors
    "error.404_title": ("找不到这个页面", "Page not found"),
    "error.404_text": (
        "这个地址没有内容：活动可能已被合并到另一条记录，或者链接有误。",
        "Nothing lives at this address: the event may have been merged into another, or the link is wrong.",
    ),
    "error.400_title": ("查询条件有误", "Bad filter"),
    "error.search_instead": ("搜索活动", "Search events"),
    "error.home": ("返回首页", "Back to the home page"),
    "skip": ("跳到正文", "Skip to content"),
    **ADMIN_MESSAGES,
}


def choose_language(requested: str | None, accept: LanguageAccept | None) -> str:
    """`?lang=` when it names a language we have, else the browser's preference, else Chinese."""
    if requested:
        chosen = _ACCEPTED.get(requested.strip().lower()) or _ACCEPTED.get(requested.strip().lower()[:2])
        if chosen:
            return chosen
    if accept:
        best = accept.best_match(["zh-CN", "zh", "en"], default=None)
        if best:
            return _ACCEPTED[best.lower()]
    return DEFAULT


def message(lang: str, key: str) -> str:
    """The message `key` in `lang`, placeholders unfilled."""
    zh, en = MESSAGES[key]
    return en if lang == "en" else zh


def gettext(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang`, with `{name}` placeholders filled."""
    text = message(lang, key)
    return text.format(**values) if values else text


def category_name(category: str, lang: str) -> str:
    zh, en = CATEGORY_NAMES.get(category, (category, category))
    return en if lang == "en" else zh


def weekday_short(index: int, lang: str) -> str:
    """Monday is 0, as in `date.weekday()`."""
    return _WEEKDAYS_EN[index][:3] if lang == "en" else _WEEKDAYS_ZH[index]


def weekday_long(index: int, lang: str) -> str:
    return _WEEKDAYS_EN[index] if lang == "en" else f"星期{_WEEKDAYS_ZH[index]}"


def month_name(year: int, month: int, lang: str) -> str:
    return f"{_MONTHS_EN[month - 1]} {year}" if lang == "en" else f"{year}年{month}月"


def day_name(day: dt.date, lang: str, today: dt.date) -> str:
    """A day heading: `11月29日 星期二` / `Tuesday 29 November`; the year only when it is not this year."""
    this_year = day.year == today.year
    if lang == "en":
        text = f"{weekday_long(day.weekday(), lang)} {day.day} {_MONTHS_EN[day.month - 1]}"
        return text if this_year else f"{text} {day.year}"
    text = f"{day.month}月{day.day}日 {weekday_long(day.weekday(), lang)}"
    return text if this_year else f"{day.year}年{text}"


def when(ev: StoredEvent, lang: str) -> str:
    """When an event happens, in Beijing time, with weekdays, in the reader's language."""
    if lang != "en":
        return when_text(ev)
    if ev.precision == "month":
        start, end = first_day(ev), last_day(ev)
        if (start.year, start.month) == (end.year, end.month):
            return f"During {month_name(start.year, start.month, lang)}, day to be announced"
        return f"{_en_day(start)} – {_en_day(end)}, day to be announced"
    if not ev.all_day:
        start, end = timed_start(ev), timed_end(ev)
        text = f"{_en_day(start.date())}, {start:%H:%M}"
        if end is None:
            return text
        if end.date() == start.date():
            return f"{text}–{end:%H:%M}"
        return f"{text} – {_en_day(end.date())}, {end:%H:%M}"
    start, end = first_day(ev), last_day(ev)
    return _en_day(start) if start == end else f"{_en_day(start)} – {_en_day(end)}"


def span(start: str, end: str, lang: str) -> str:
    """Stored ISO start and end days, as `when` says them (an event's earlier dates)."""
    if lang != "en":
        return span_text(start, end)
    day, last = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    return _en_day(day) if day == last else f"{_en_day(day)} – {_en_day(last)}"


def schedule(recurrence: Recurrence, lang: str) -> str:
    """When a recurring event comes round, in words: `每周二至周日 09:00–17:00` / `Tuesday to Sunday, 09:00–17:00`."""
    days = _schedule_days(recurrence, lang)
    if recurrence.time is not None:
        hours = f"{recurrence.time:%H:%M}"
        if recurrence.end_time is not None:
            hours += f"–{recurrence.end_time:%H:%M}"
        days += f", {hours}" if lang == "en" else f" {hours}"
    if recurrence.excluded:
        if lang == "en":
            days += " (except " + ", ".join(f"{d.day} {_MONTHS_EN[d.month - 1][:3]}" for d in recurrence.excluded) + ")"
        else:
            days += "（" + "、".join(f"{d.month}月{d.day}日" for d in recurrence.excluded) + "除外）"
    return days


def _schedule_days(recurrence: Recurrence, lang: str) -> str:
    """`每天`, `每周六`, `每周二至周日`, `每周五、周六` / `Every day`, `Every Saturday`, `Tuesday to Sunday`."""
    if recurrence.frequency is Frequency.DAILY:
        return "Every day" if lang == "en" else "每天"
    days = recurrence.weekdays
    run = len(days) >= 3 and days == tuple(range(days[0], days[-1] + 1))
    if lang == "en":
        if run:
            return f"{_WEEKDAYS_EN[days[0]]} to {_WEEKDAYS_EN[days[-1]]}"
        names = [_WEEKDAYS_EN[d] for d in days]
        return "Every " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])
    if run:
        return f"每周{_WEEKDAYS_ZH[days[0]]}至周{_WEEKDAYS_ZH[days[-1]]}"
    return "每" + "、".join(f"周{_WEEKDAYS_ZH[d]}" for d in days)


def _en_day(day: dt.date) -> str:
    return f"{_WEEKDAYS_EN[day.weekday()][:3]} {day.day} {_MONTHS_EN[day.month - 1][:3]} {day.year}"
