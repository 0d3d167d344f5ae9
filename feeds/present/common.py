"""What every output says about an event: cleaned text, times, labels and links, computed once."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from urllib.parse import quote

from ..models import TZ, Mention, StoredEvent

CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    "conference": ("会议", "Conference"),
    "fair": ("展会", "Fair"),
    "exhibition": ("展览", "Exhibition"),
    "trade_mission": ("经贸出访", "Trade mission"),
    "deadline": ("截止日期", "Deadline"),
    "competition": ("比赛", "Competition"),
    "festival": ("节庆活动", "Festival"),
    "other": ("其他", "Other"),
}
"""Every category's name in Chinese and English: the one table pages, calendars and feeds read."""
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "confirmed": ("已确认", "Confirmed"),
    "tentative": ("待定", "Tentative"),
    "cancelled": ("已取消", "Cancelled"),
    "postponed": ("已延期", "Postponed"),
}
"""Every status's name in Chinese and English."""
CATEGORY_LABELS = {category: zh for category, (zh, _) in CATEGORY_NAMES.items()}
STATUS_LABELS = {status: zh for status, (zh, _) in STATUS_NAMES.items()}
CANCELLED_PREFIX = "[已取消] "
POSTPONED_PREFIX = "[已延期] "
MONTH_SUFFIX = "（日期待定）"
_TITLE_MARKS = {
    "zh": (CANCELLED_PREFIX, POSTPONED_PREFIX, MONTH_SUFFIX, "（无标题）"),
    "en": ("[Cancelled] ", "[Postponed] ", " (day to be announced)", "(untitled)"),
}
"""What a title carries in each language: cancelled and postponed in front, an unknown day behind."""
_DETAIL_LABELS: dict[str, tuple[str, str]] = {
    "when": ("时间", "When"),
    "previous": ("原定", "Originally"),
    "opened": ("开放", "Open"),
    "where": ("地点", "Where"),
    "category": ("类别", "Category"),
    "status": ("状态", "Status"),
    "evidence": ("依据", "Evidence"),
    "note": ("编辑说明", "Editor's note"),
    "schedule": ("场次", "Repeats"),
    "hours": ("开放时间", "Opening hours"),
    "source": ("来源", "Source"),
    "page": ("活动页面", "Event page"),
}
"""The line labels of an event's details, in Chinese and English."""
_MONTHS_SHORT_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = "一二三四五六日"

# Not allowed in XML 1.0 or meaningless in a calendar: C0/C1 controls, DEL, surrogates, U+FFFE/U+FFFF,
# and bidi overrides that can make a title read backwards.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
_SPACES = re.compile(r"\s+")


def clean_line(text: str | None) -> str:
    """One-line text for titles, places and names: controls dropped, whitespace collapsed, trimmed."""
    if not text:
        return ""
    return _SPACES.sub(" ", _INVISIBLE.sub("", _LINE_BREAKS.sub(" ", text))).strip()


def clean_block(text: str | None) -> str:
    """Multi-line text for descriptions: line breaks kept as \\n, other controls dropped, lines trimmed."""
    if not text:
        return ""
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text)).replace("\t", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def parse_utc(value: str) -> dt.datetime:
    """A store timestamp (ISO 8601, `Z` or offset) as an aware UTC datetime, to the second."""
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC).replace(microsecond=0)


def timed_start(ev: StoredEvent) -> dt.datetime:
    """The start of a timed event in Beijing time."""
    return _local(ev.start)


def timed_end(ev: StoredEvent) -> dt.datetime | None:
    """The end of a timed event in Beijing time, or None when it is unknown (equal to or before the start)."""
    end = _local(ev.end)
    return end if end > timed_start(ev) else None


def _local(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=TZ)
    return parsed.astimezone(TZ)


def first_day(ev: StoredEvent) -> dt.date:
    """The day an event starts, in Beijing."""
    return timed_start(ev).date() if not ev.all_day else dt.date.fromisoformat(ev.start[:10])


def last_day(ev: StoredEvent) -> dt.date:
    """The last day an event runs (inclusive), in Beijing."""
    if not ev.all_day:
        return max(_local(ev.end).date(), first_day(ev))
    return max(dt.date.fromisoformat(ev.end[:10]), first_day(ev))


def exclusive_end_day(ev: StoredEvent) -> dt.date:
    """The day after the last day: what iCalendar's DTEND and FullCalendar's `end` mean for all-day events."""
    return last_day(ev) + dt.timedelta(days=1)


def display_title(ev: StoredEvent, lang: str = "zh") -> str:
    """The title as calendars show it: cancelled marked in front, an unknown day marked behind, in `lang`."""
    cancelled, postponed, month_suffix, untitled = _TITLE_MARKS.get(lang, _TITLE_MARKS["zh"])
    title = clean_line(ev.title) or untitled
    if ev.precision == "month":
        title += month_suffix
    if ev.status == "cancelled":
        title = cancelled + title
    elif ev.status == "postponed":
        title = postponed + title
    return title


def category_label(category: str, lang: str = "zh") -> str:
    """The name of a category in `lang`, or the key itself when it is unknown."""
    if category not in CATEGORY_NAMES:
        return clean_line(category)
    zh, en = CATEGORY_NAMES[category]
    return en if lang == "en" else zh


def status_label(status: str, lang: str = "zh") -> str:
    """The name of a status in `lang`, or the key itself when it is unknown."""
    zh, en = STATUS_NAMES.get(status, (clean_line(status), clean_line(status)))
    return en if lang == "en" else zh


def _label(name: str, value: str, lang: str) -> str:
    zh, en = _DETAIL_LABELS[name]
    return f"{en}: {value}" if lang == "en" else f"{zh}：{value}"


def when_text(ev: StoredEvent) -> str:
    """When, in Beijing time and in a Chinese reader's words: `2022年11月29日（周二）至12月1日（周四）`."""
    if ev.precision == "month":
        return _month_text(first_day(ev), last_day(ev))
    if not ev.all_day:
        start, end = timed_start(ev), timed_end(ev)
        text = f"{_day_text(start.date())} {start:%H:%M}"
        if end is None:
            return text
        if end.date() == start.date():
            return f"{text}–{end:%H:%M}"
        return f"{text} 至 {_day_text(end.date(), start.date())} {end:%H:%M}"
    start_day, end_day = first_day(ev), last_day(ev)
    if start_day == end_day:
        return _day_text(start_day)
    return f"{_day_text(start_day)}至{_day_text(end_day, start_day)}"


def span_text(start: str, end: str) -> str:
    """Stored ISO start and end as `when_text` says them (for an event's earlier dates)."""
    day, last = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    return _day_text(day) if day == last else f"{_day_text(day)}至{_day_text(last, day)}"


def _day_text(day: dt.date, after: dt.date | None = None) -> str:
    weekday = f"（周{_WEEKDAYS[day.weekday()]}）"
    if after is not None and after.year == day.year:
        return f"{day.month}月{day.day}日{weekday}"
    return f"{day.year}年{day.month}月{day.day}日{weekday}"


def _month_text(start: dt.date, end: dt.date) -> str:
    whole = start.day == 1 and end.day == _calendar.monthrange(end.year, end.month)[1]
    if whole and (start.year, start.month) == (end.year, end.month):
        return f"{start.year}年{start.month}月内，具体日期待定"
    if whole:
        return f"{start.year}年{start.month}月至{_year_prefix(end, start)}{end.month}月间，具体日期待定"
    until = f"{_year_prefix(end, start)}{end.month}月{end.day}日"
    return f"{start.year}年{start.month}月{start.day}日至{until}间，具体日期待定"


def _year_prefix(day: dt.date, after: dt.date) -> str:
    return "" if day.year == after.year else f"{day.year}年"


def short_date(ev: StoredEvent, lang: str = "zh") -> str:
    """The start as a feed title shows it: `11月29日` / `29 Nov`, or `5月` / `May` when only the month is known."""
    day = first_day(ev)
    if lang == "en":
        month = _MONTHS_SHORT_EN[day.month - 1]
        return month if ev.precision == "month" else f"{day.day} {month}"
    return f"{day.month}月" if ev.precision == "month" else f"{day.month}月{day.day}日"


def evidence(ev: StoredEvent) -> str:
    """The sentence behind the event's current facts: its most recently published mention's
    (mentions come oldest first, and the latest publication's facts win when they differ)."""
    return clean_block(ev.mentions[-1].evidence) if ev.mentions else ""


def event_url(base_url: str, uid: str) -> str:
    """The event's page on this site."""
    return f"{base_url.rstrip('/')}/events/{quote(uid, safe='@')}"


def event_ics_url(base_url: str, uid: str) -> str:
    """The event alone as an iCalendar file."""
    return event_url(base_url, uid) + ".ics"


def article_url(base_url: str, mention: Mention) -> str:
    """The article a mention comes from: its original address when it has one, else its page here."""
    for address in (mention.source_url, mention.source):
        if address and address.startswith(("https://", "http://")):
            return clean_line(address)
    return f"{base_url.rstrip('/')}/articles/{quote(mention.article_id, safe='')}"


UNTITLED_ARTICLE = ("无标题的文章", "Untitled article")
"""What stands for an article without a headline (its file name is the operator's, not the reader's)."""


def untitled_article(lang: str = "zh") -> str:
    return UNTITLED_ARTICLE[1] if lang == "en" else UNTITLED_ARTICLE[0]


def source_lines(ev: StoredEvent, base_url: str, lang: str = "zh") -> list[str]:
    """`来源：headline（date） link` for each article that mentions the event."""
    lines = []
    for mention in ev.mentions:
        headline = clean_line(mention.headline) or untitled_article(lang)
        if mention.published:
            day = clean_line(mention.published)
            headline += f" ({day})" if lang == "en" else f"（{day}）"
        lines.append(_label("source", f"{headline} {article_url(base_url, mention)}", lang))
    return lines


def schedule_line(ev: StoredEvent, lang: str = "zh") -> tuple[str, str] | None:
    """The label name (`schedule` or `hours`) and the words of a recurring event's days and times, else None."""
    from .i18n import schedule

    if ev.recurrence is None:
        return None
    return ("hours" if ev.recurrence.opening_hours else "schedule"), schedule(ev.recurrence, lang)


def detail_label(name: str, lang: str = "zh") -> str:
    """A details line's label word (`场次`, `Opening hours`)."""
    zh, en = _DETAIL_LABELS[name]
    return en if lang == "en" else zh


def details_text(ev: StoredEvent, base_url: str, lang: str = "zh") -> str:
    """What a reader needs besides the title, as lines: when, where, category, status, evidence, links."""
    from .i18n import span, when  # i18n builds on this module

    lines = [_label("when", when(ev, lang), lang)]
    if (repeats := schedule_line(ev, lang)) is not None:
        lines.append(_label(*repeats, lang))
    lines += [_label("previous", span(start, end, lang), lang) for start, end in ev.previous]
    if ev.opened:
        opened = dt.date.fromisoformat(ev.opened)
        lines.append(_label("opened", f"from {span(ev.opened, ev.opened, lang)}" if lang == "en"
                            else f"自{_day_text(opened)}起", lang))
    if clean_line(ev.location):
        lines.append(_label("where", clean_line(ev.location), lang))
    lines.append(_label("category", category_label(ev.category, lang), lang))
    if ev.status != "confirmed":
        lines.append(_label("status", status_label(ev.status, lang), lang))
    if ev.note:
        lines.append(_label("note", clean_line(ev.note), lang))
    said = evidence(ev)
    if said:
        lines.append(_label("evidence", said, lang))
    lines.extend(source_lines(ev, base_url, lang))
    lines.append(_label("page", event_url(base_url, ev.uid), lang))
    return "\n".join(lines)


def plain_description(ev: StoredEvent, base_url: str, lang: str = "zh") -> str:
    """The calendar DESCRIPTION and the text RSSHub's filters search: the title, then the details."""
    return f"{clean_line(ev.title)}\n{details_text(ev, base_url, lang)}"
