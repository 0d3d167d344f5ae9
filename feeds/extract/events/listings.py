"""Listings and notices: a name over labelled lines (`时间：9月30日晚7点半` / `地点：青岛大剧院`).

Culture columns, event calendars and official notices (`关于举办…的通知`) print events this way
rather than in sentences: the name stands alone on a line, the date and place on the lines below.
"""

from __future__ import annotations

import datetime as dt
import re

from ...models import Article, Event
from . import vocabulary as v
from .names import category_of, find_names, is_bare
from .sentences import Sentence, usable

TIME_LABEL = re.compile(r"^[(（]?[一二三四五六七八九十\d]*[)）、]?\s*"
                        r"(?P<label>[\u4e00-\u9fff]{2,8}|Date|Dates|When|Time)\s*[:：]\s*")
PLACE_LABEL = re.compile(r"^(?:地点|地址|场馆|场地|活动地点|举办地点|Place|Location|Where|Venue)\s*[:：]\s*"
                         r"(?P<place>[^，,。；;(（\n]{2,40})")
NEXT_LINE_WORDS = re.compile(r"(?<=..)(?:日程|议程|活动(?:流程|报名|详情|介绍)|扫码|报名|详情|人数|\d{1,2}[:：]\d{2})")
"""Where a label's place ends when the lines of a post ran together (`北京饭店日程安排10:00-10:20开场`)."""
PLACE_TWICE = re.compile(r"^(?P<place>.{4,}?)(?P=place)")
"""`北京饭店` on the label's line and again on the map's line below it: the place once."""
OWN_TIME_LABEL = re.compile(r"(?:" + v.EVENT_HEAD.pattern + r")(?:时间|日期)$")
"""`工作坊时间：3月8日-9日`, `讲座时间：…`: the time of the event the listing is about, not an event of its own."""
TIME_WORDS = ("时间", "日期", "活动时间", "举办时间", "演出时间", "开放时间", "展期", "Date", "Dates", "When", "Time")
SESSION = re.compile(r"场$|^(?:线上|线下)|开幕|闭幕|决赛|复赛|初赛")
"""Labels that name a session of the notice's event (`首场`, `次场`, `线上`)."""
NAME_THEN_TIME = re.compile(r"(?P<kind>活动|赛事|比赛|展览)?名称\s*[:：]\s*"
                            r"(?P<name>“[^“”]{2,30}”|[^\s，,。:：“”]{2,30}?)\s*(?P=kind)?时间\s*[:：]")
"""`活动名称：“…” 活动时间：11月5日~11月26日`: a notice's name and time labels run into one line."""
NOT_A_TITLE = re.compile(r"[。！？!?:：]$|\.[\"”’]?$|^[(（]|^[^\w]*$|[=/]"
                         r"|^[\u4e00-\u9fff]{0,4}(?:信息|详情|安排|介绍|简介|概况|须知|亮点|内容|流程|日程|议程)$")
"""A line above labelled lines that names no event: a sentence (`The title is "…".`), a label over a list
(`此次活动内容有：`), an aside in brackets, a rule (`---`), a link's code, a section's heading (`活动详情`)."""
HEADED_BY_NAME = re.compile(r"^(?P<name>[^:：。]{2,48}?(?:" + v.EVENT_HEAD.pattern + r"))\s*[:：]\s*$")
"""`“青春版《牡丹亭》‘西游记’”专场讲座:`: a line ending in a head word and a colon names the event of the labels
below it."""
NOTICE_HEADLINE_LENGTH = 50
"""The longest headline that can name the event of a notice with a `时间：` line (longer is a news story's)."""
NOTICE = re.compile(r"关于(?:举办|召开|开展|组织)(?P<name>.+?)的(?:补充)?通知")
"""`关于举办2024年“鸢都英才”高校毕业生春季双选会的通知`: the event the whole notice is about."""


def listed_events(sentences: list[Sentence], article: Article) -> tuple[list[Event], set[int], set[dt.date]]:
    """Events printed as listings, the indexes of the sentences they used, and the days of the events that the post
    as a whole announces (a `时间：` line titled by the headline or the article's first name): any other event the
    sentences find on such a day is that one again."""
    events: list[Event] = []
    used: set[int] = set()
    post_days: set[dt.date] = set()
    notice = NOTICE.search(article.headline + "".join(article.subheadlines) + article.body[:200])
    headline = article.headline if 2 <= len(article.headline) <= NOTICE_HEADLINE_LENGTH else ""
    for i, sentence in enumerate(sentences):
        dates = [d for d in sentence.dates if usable(d)]
        named = NAME_THEN_TIME.search(sentence.text)
        if named and dates and dates[0].start >= sentence.start + named.end():
            title = named.group("name") + (named.group("kind") or "")
            events.append(sentence.event(title, category_of(title), dates[0].interval, date=dates[0]))
            used.add(i)
            continue
        label = TIME_LABEL.match(sentence.text.strip())
        if not label or not dates or dates[0].start - sentence.start > len(label.group(0)) + 10:
            continue  # only a line whose value is a date
        whole_post = False
        if label.group("label") in TIME_WORDS or OWN_TIME_LABEL.search(label.group("label")):
            title_index = _title_above(sentences, i)
            if title_index is not None:
                title = _title_text(sentences[title_index].text)
                used.add(title_index)
            elif (lead := _lead_name(article, sentences)) is not None:
                title, whole_post = lead, True  # `…说明会…。时间：7月30日…地点：…`: the event the article opens with
                if headline.startswith((lead + ":", lead + "：")):
                    title = headline  # `金枪鱼之夜：Parsing from scratch`: the series and this one
            elif headline:
                title, whole_post = headline, True  # a post that announces one event: its headline names it
            else:
                continue
        elif notice and SESSION.search(label.group("label")):
            title = notice.group("name") + label.group("label")  # `首场：2024.5.18` of the notice's event
        elif v.EVENT_HEAD.search(label.group("label")):
            title = label.group("label")
        else:
            continue  # `预约：即日起…`, `报名：…`: not an event of its own
        if (stray := TIME_LABEL.match(title)) and stray.group("label") in TIME_WORDS:
            continue  # a post's labelled line taken for its headline (`时间：11月28日晚7点`) names nothing
        place = next((_place_told(m.group("place")) for s in sentences[i + 1:i + 4] + sentences[max(0, i - 3):i][::-1]
                      if (m := PLACE_LABEL.match(s.text.strip()))), "")  # below the time, else above it
        category = category_of(notice.group("name")) if notice and title.startswith(notice.group("name")) \
            else category_of(title)
        events.append(sentence.event(title, category, dates[0].interval, place, date=dates[0]))
        used.add(i)
        if whole_post:
            post_days.add(dates[0].interval.start_date)
    return events, used, post_days


def _place_told(value: str) -> str:
    """A label's place, without the next lines' words that ran into it."""
    place = NEXT_LINE_WORDS.split(value, 1)[0].strip()
    twice = PLACE_TWICE.match(place)
    return twice.group("place") if twice else place


def _lead_name(article: Article, sentences: list[Sentence]) -> str | None:
    """The event an article's headline or first sentence names first, for a `时间：` line with no name above."""
    opening = next((k for k, s in enumerate(sentences[:LEAD_TEASERS]) if not TEASER.search(s.text)), 0)
    lines = [Sentence(article.headline, 0, len(article.headline), [])] + sentences[:opening + 1]
    return next((n.title for line in lines for n in find_names(line) if not is_bare(n)), None)


TEASER = re.compile(r"[?？!！]\s*$")
"""`7月26日哪里去？`, `SIG Gathering 2024 等你来！`: a post's opening question or call, before the sentence that
names its event."""
LEAD_TEASERS = 3


def _unwrapped(title: str) -> str:
    """`“蔚蓝之境——油画作品展”` without the quotes that wrap it whole; `“祖国颂”音乐会` as it is."""
    inner = title[1:-1]
    return inner if title[:1] == "“" and title[-1:] == "”" and "“" not in inner and "”" not in inner else title


def _title_above(sentences: list[Sentence], i: int) -> int | None:
    """The unlabelled short line above a listing's labelled lines: the event's name."""
    j = i - 1
    while j >= 0 and TIME_LABEL.match(sentences[j].text.strip()):
        j -= 1
    if j < 0:
        return None
    text = sentences[j].text.strip()
    if HEADED_BY_NAME.search(text):
        return j  # `“…”专场讲座:` over its time and place: the name, heading its labels
    return j if 2 <= len(text) <= 50 and not NOT_A_TITLE.search(text) else None


def _title_text(line: str) -> str:
    """A title line as the event's title: without the quotes that wrap it whole, or the colon that heads its labels."""
    headed = HEADED_BY_NAME.match(line.strip())
    return _unwrapped(headed.group("name") if headed else line.strip())
