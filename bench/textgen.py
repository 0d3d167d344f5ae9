"""Newspaper sentences about events, from templates: the ingest benchmark's articles and the generated stores' text.

Names, venues, dates and categories vary (cities × topics × event heads × editions), so the store
sees many distinct events, while a few titles recur within months, as follow-up reports do (those
merge into the earlier event: updated or unchanged).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

CITIES = ("青岛", "济南", "烟台", "潍坊", "威海", "日照", "临沂", "淄博", "胶州", "即墨", "平度", "莱西",
          "黄岛", "崂山", "城阳", "李沧")
TOPICS = ("国际啤酒", "海洋科技", "智能制造", "跨境电商", "现代农业", "文化旅游", "新能源汽车", "工业互联网",
          "生物医药", "航运物流", "数字经济", "金融创新", "教育装备", "医疗器械", "家居建材", "食品饮料",
          "时尚纺织", "港口贸易", "人工智能", "绿色低碳")
CATEGORY_HEADS = {
    "conference": ("论坛", "大会", "峰会", "研讨会", "年会"),
    "fair": ("博览会", "交易会", "展销会", "洽谈会"),
    "exhibition": ("展览", "成果展", "摄影展", "艺术展"),
    "competition": ("大赛", "挑战赛", "技能大赛", "创新创业大赛"),
    "festival": ("文化节", "美食节", "音乐节", "嘉年华"),
}
VENUES = ("青岛国际会展中心", "红岛国际会议展览中心", "西海岸新区凤凰岛会议中心", "青岛国际会议中心",
          "崂山区科技城", "市民健身中心", "青岛大剧院", "五四广场", "奥帆中心", "青岛世园会园区",
          "青岛市民文化中心", "中铁青岛世界博览城", "即墨古城", "金沙滩啤酒城", "青岛科技大学", "海天中心")
NUMERALS = "一二三四五六七八九十"
DURATIONS = {2: "两天", 3: "三天", 4: "四天", 5: "五天"}


@dataclass(frozen=True)
class EventSpec:
    """What one generated event is: its serial number, title, category and venue."""

    serial: int
    title: str
    category: str
    venue: str
    edition: int


def edition_text(n: int) -> str:
    """`第十二届`: editions in Chinese numerals, as papers write them (up to 99)."""
    tens, units = divmod(n, 10)
    text = ("" if tens < 2 else NUMERALS[tens - 1]) + ("十" if tens else "") + (NUMERALS[units - 1] if units else "")
    return f"第{text}届"


def event_spec(rng: random.Random, serial: int) -> EventSpec:
    """A random event: edition, city, topic and a head of its category."""
    category = rng.choice(tuple(CATEGORY_HEADS))
    edition = rng.randrange(1, 100)
    title = f"{edition_text(edition)}{rng.choice(CITIES)}{rng.choice(TOPICS)}{rng.choice(CATEGORY_HEADS[category])}"
    return EventSpec(serial, title, category, rng.choice(VENUES), edition)


def _day(day: dt.date, published: dt.date) -> str:
    """`7月15日`, with the year only when it differs from the publication's."""
    prefix = f"{day.year}年" if day.year != published.year else ""
    return f"{prefix}{day.month}月{day.day}日"


def sentence(spec: EventSpec, day: dt.date, rng: random.Random, published: dt.date | None = None) -> str:
    """One sentence announcing the event on `day` (or from `day`), in one of several newspaper phrasings."""
    published = published or day
    when = _day(day, published)
    length = rng.choice((2, 3, 3, 4, 5))
    last = day + dt.timedelta(days=length - 1)
    until = f"{last.day}日" if last.month == day.month else _day(last, published)
    choice = rng.randrange(6)
    if choice == 0:
        return f"{spec.title}将于{when}在{spec.venue}举行，为期{DURATIONS[length]}。"
    if choice == 1:
        return f"{when}至{until}，{spec.title}在{spec.venue}举办。"
    if choice == 2:
        return f"{spec.title}定于{when}上午9时在{spec.venue}开幕。"
    if choice == 3:
        return f"记者从主办方获悉，{spec.title}将于{when}在{spec.venue}拉开帷幕，届时将有上百家单位参加。"
    if choice == 4:
        return f"{spec.title}于{when}在{spec.venue}隆重开幕，展期{DURATIONS[length]}。"
    return f"{when}，{spec.title}在{spec.venue}开幕，活动将持续至{until}。"


FILLER = (
    "本次活动由市政府主办，市贸促会、市商务局承办。",
    "据介绍，今年的规模比往届扩大三成，参展企业来自二十多个国家和地区。",
    "主办方表示，将进一步完善服务保障，为市民和客商提供便利。",
    "活动期间还将举办项目签约、产品发布和专业对接等配套活动。",
    "近年来，我市坚持以开放促发展，会展经济持续壮大。",
)


def headline_suffix(rng: random.Random) -> str:
    return rng.choice(("将开幕", "即将举行", "筹备就绪", "开幕", "亮点抢先看"))


def article(
    rng: random.Random, serial: int, published: dt.date, recent: list[EventSpec]
) -> tuple[str, list[EventSpec]]:
    """A page with one article: a headline, a dateline and one or two events, sometimes a follow-up of a recent one.

    Returns the page text and the events it announces.
    """
    if recent and rng.random() < 0.15:
        specs = [rng.choice(recent)]  # a follow-up report: the same event, maybe a new date
    else:
        specs = [event_spec(rng, serial * 2 + i) for i in range(rng.choice((1, 1, 2)))]
    reporter = rng.choice("王李张刘陈杨赵黄周吴") + rng.choice("明华强军敏静丽伟")
    lines = [f"# {specs[0].title}{headline_suffix(rng)}", "", f"□本报记者 {reporter}"]
    body = f"本报{published.month}月{published.day}日讯 "
    for spec in specs:
        day = published + dt.timedelta(days=rng.randrange(3, 90))
        body += sentence(spec, day, rng, published)
        body += rng.choice(FILLER)
    lines += [body, "", rng.choice(FILLER) + rng.choice(FILLER)]
    return "\n".join(lines) + "\n", specs
