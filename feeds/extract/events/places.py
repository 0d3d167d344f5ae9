"""Where an event takes place: a venue the sentence names, else a city it puts the event in."""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Article, Event
from ..sentences import SENTENCE
from . import vocabulary as v
from .gazetteer import PlaceKind, PlaceMatch, gazetteer
from .merge import _shortens
from .sentences import MASK

VENUE_SUFFIX = re.compile(r"(?:厅|馆|中心|广场|剧院|剧场|公园|酒店|饭店|宾馆|大厦|会堂|礼堂|体育场|球场|学校|大学|学院|"
                          r"街区|古城|园区|景区|小镇|会场|基地|码头|机场|大道|校区|村)$")
"""The last word of a venue's name (`维多利亚音乐厅`, `…历史文化街区`)."""
VENUE_BEFORE_NAME = re.compile(r"(?:在|于)(?P<place>[^，,。；;、“”在于将从的\x00]{2,30}?)"
                               r"(?:的|(?:内|里|中|上)?[，,])\x00")
"""`在维多利亚音乐厅的午餐音乐会中…`, `在…街区内，…活动同步开展`: the venue written just before the event's name."""
VENUE_HOLDS = re.compile(r"(?:^|(?<=[，,\s\x00]))"
                         r"(?P<place>(?![该本此这])[\u4e00-\u9fff]{1,14}?(?:馆|博物院|剧院|音乐厅|会展中心|新闻中心))"
                         rf"(?:{v.DAY_WORDS}|也|还|将|再次|首次|[\x00\s])*"
                         r"(?:举办|举行|召开|推出)(?:了)?(?:一场|一次|首场)?[\x00\s]*\x00")
"""`某某馆今日也举办…座谈会`: a venue that holds an event holds it in its own rooms (an organiser that is a
body, `某某局召开…`, says nothing of where)."""
THAT_VENUE = re.compile(r"(?:^|(?<=[从在于向，,\s\x00]))"
                        r"(?P<place>(?:(?![从在于向])[\u4e00-\u9fff]){1,12}?(?P<kind>馆|院|中心))[^。；;]{0,40}?该(?P=kind)"
                        r"(?:今天|今日|明天|当天|也|还|将|再次|首次|[\x00\s])*(?:举办|举行|推出|开展)")
"""`记者从某某博物馆获悉，当天该馆将推出…特展`: the venue named before `该馆` holds the event."""
PUT_THERE = re.compile(r"(?<![现存实自好所])在|(?<![关由属对至等终基鉴过善免归趋])于|赴|落户|抵达|飞抵|前往"
                       r"|(?<![未将本原后从近以起出看])来(?!自|源|看|说|的)|(?<![受得达感看提想遇谈听说见找收])到(?!底|了)")
"""Words that put what follows in a place (`在长沙`, `抵达新加坡`); `来自长沙的企业` is where a firm is from, and
`关于`, `由于`, `现在`, `提到` put nothing anywhere."""
PLACE_LINKS = re.compile(r"首都|首府|省会|城市")
"""`匈牙利首都布达佩斯`: what joins a country to its city."""
PLACE_TAIL = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:新区|开发区|高新区|镇|乡)")
"""`河北雄安新区`: an area too new or small for the gazetteer, after the place that holds it."""
AFTER_COUNTRY = re.compile(r"[，,。；;、\s\x00]|$|举行|举办|召开|参加|出席|访问|考察|开展|进行|出发|举|开")
"""A country alone is the place only where the phrase ends there (`在中国科协年会上` is in a meeting)."""
LEAD_PLACE = re.compile(r"^[\x00\s()（）]*")
"""`昨日(2月5日)香港，…`: a sentence opening on its date and then its city."""
STAGE = re.compile(r"\x00(?!\x00)[\s(（]*")
"""`…半决赛(桂林站)`, `…第五站江苏徐州站`: a touring event's leg is named by its city."""
ENGLISH_AFTER_NAME = re.compile(r"(?<!\x00)\x00+\s*,?\s+(?:[a-z]+\s+){0,4}?(?:in|at|to)\s+(?:the\s+)?"
                                rf"(?P<place>{v.ENGLISH_PROPER})")
"""`said at a press conference in Beijing`, `… will return to Kaohsiung`: the place written right after the
event's name, or after the verb that follows it."""
ENGLISH_BEFORE_NAME = re.compile(r"(?:\((?P<paren>[A-Z][\w -]{1,30})\)|\b(?P<city>[A-Z][\w-]+))\s+"
                                 r"(?:(?:19|20)\d{2}\s+)?\x00")
"""`China (Shenzhen) International … Fair`, `the Beijing 2022 Olympic Winter Games`: a city that opens a name."""
HOLDER_SUFFIX = re.compile(r"(?:大学|学院|学校|中心|政府|公司|集团|局|馆|院|园|区|市|县|镇|村|酒店|饭店|大厦)$")
"""The last word of a body or place that owns the venue after its 的."""
MOVED = re.compile(r"调整为|改为|改在|改至|移至|移师|转至|转移到")
"""`原计划在A举办的…，现调整为…在B举办`: an event that moved is where it moved to, the last venue named."""
INNER_AT = re.compile(r"^.*(?<![放休请度寒暑长])假(?![期日如若使装冒设])")
"""`于…上午10时假…中心四楼主办`: the place is what the Macao and Hong Kong 假 (at) is followed by."""
ENGLISH_CITY_AFTER = re.compile(rf"\s+in\s+(?P<city>{v.ENGLISH_PROPER})")
NAME_GOES_ON = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?\x00")
"""`at the China (Shanghai) … Fair`: capitalized words that open the event's own name are no venue."""
THIS_EDITION = re.compile(r"(?:本届|此次|本次|这次|今年的?)(?P<short>[\u4e00-\u9fff]{2,6}?)(?=将|已|在|于|定于|落户)")
"""`本届世锦赛在…举行`: the event the article names, shortened, as the subject of another sentence."""
AFFILIATION = re.compile(r"\b(?:academician|professor|researcher|scientist|fellow|student|lecturer|director|dean|"
                         r"chairman|president|official|expert|economist|analyst|engineer|teacher|works?|working|"
                         r"studies|studying|employed)\s+$")
"""`an academician at the Chinese Academy of Sciences`: where a person works, not where the event is."""


def without(masked: str, start: int, end: int) -> str:
    """The sentence with the event's own name blanked: `青岛国际啤酒节` names no venue."""
    return masked[:max(start, 0)] + MASK * (end - max(start, 0)) + masked[end:]


def location_of(masked: str) -> str:
    """The venue the sentence names (`在黄海饭店召开`), else a city it puts the event in (`在长沙举行`)."""
    labeled = v.VENUE_LABELED.search(masked)
    if labeled and MASK not in (labeled.group("place") or labeled.group("seat")):
        return labeled.group("place") or labeled.group("seat")
    return (_venue(masked) or _abbreviated_city(masked) or _english_place(masked) or _stage_city(masked)
            or _city_put_there(masked) or _lead_city(masked))


def _venue(masked: str) -> str:
    """A place a preposition puts the event in, before its verb (`在…中心举行`) or its name (`在…厅的…会`)."""
    venues = list(v.VENUE.finditer(masked))
    for m in reversed(venues) if MOVED.search(masked) else venues:
        place = _as_place(m.group("place"))
        if place:
            aside, _, after = place.rpartition("的")
            return place if not aside or len(after) < 2 or _owns(aside) else after
    for m in v.VENUE_AFTER_ASIDE.finditer(masked):
        place = _as_place(m.group("place"))
        if place:
            aside = masked[m.start() + 1:m.start("place")]
            return aside + place if _owns(aside.rstrip("的—")) else place
    for m in VENUE_BEFORE_NAME.finditer(masked):
        place = _as_place(m.group("place"))
        if place and (VENUE_SUFFIX.search(place) or _whole_place(place)):
            return place
    holder = VENUE_HOLDS.search(masked)
    if holder:
        return holder.group("place")
    named_again = THAT_VENUE.search(masked)
    return named_again.group("place") if named_again else ""


def _owns(aside: str) -> bool:
    """Whether the words before a venue's 的 are a city (`青岛的国际会展中心`) or a body whose venue it is
    (`海洋大学的学术报告厅`), kept with it, or words that describe it (`风景秀丽的…`), left out."""
    return _whole_place(aside) or bool(HOLDER_SUFFIX.search(aside))


def _as_place(text: str) -> str:
    """The words as a place's name (`本地星宇表演艺术中心` is `星宇表演艺术中心`), or "" when they name none."""
    place = text.strip(MASK + " ")
    bare = v.PLACE_PREFIX.sub("", INNER_AT.sub("", place))
    if len(bare) >= 2:
        place = bare
    if len(place) < 2 or MASK in place or v.NOT_PLACES.search(place):
        return ""
    return place


def _whole_place(text: str) -> bool:
    """Whether `text` is nothing but places (`山东青岛`)."""
    chain = _place_chain(text, 0)
    return bool(chain) and len(chain) == len(text)


def _abbreviated_city(masked: str) -> str:
    """`在京上演`: a city written as its one-character abbreviation."""
    abbreviated = v.ABBREVIATED_CITY.search(masked)
    return v.PLACE_ABBREVIATIONS[abbreviated.group(1)] if abbreviated else ""


DEMONYM = re.compile(r"[A-Z][a-z]+(?:ese|ish|ian|ean)")
"""`in Japanese art`, `in Italian`: a people's or a language's adjective, no town."""


def _english_place(masked: str) -> str:
    """`at a press conference in Beijing`, `at the X Center in Taipei`, `in the coastal city of Nice`."""
    after = ENGLISH_AFTER_NAME.search(masked)
    if after and not v.NOT_ENGLISH_PLACES.match(after.group("place")):
        return _with_english_city(after.group("place"), masked, after.end())
    for english in v.VENUE_EN.finditer(masked):
        place = next(p for p in english.groups() if p).strip()
        if v.NOT_ENGLISH_PLACES.match(place) or (english.group("town") and DEMONYM.fullmatch(place)) or (
                english.group("place") and (AFFILIATION.search(
                masked, 0, english.start()) or NAME_GOES_ON.match(masked, english.end()))):
            continue
        return _with_english_city(place, masked, english.end()) if english.group("place") else place
    for before in ENGLISH_BEFORE_NAME.finditer(masked):
        city = before.group("paren") or before.group("city")
        if city in gazetteer():
            return city
    return ""


def _with_english_city(place: str, masked: str, end: int) -> str:
    """`at the National 228 Memorial Museum in Taipei`: a venue and the city written after it, together."""
    city = ENGLISH_CITY_AFTER.match(masked, end)
    return f"{place}, {city.group('city')}" if city and city.group("city") in gazetteer() else place


def _place_chain(text: str, position: int) -> str:
    """The places written one after another from `position` (`福建厦门`, `匈牙利首都布达佩斯`, `河北雄安新区`)."""
    places, end = gazetteer(), position
    while True:
        found = places.at(text, end)
        if found is None:
            link = PLACE_LINKS.match(text, end)
            found = places.at(text, link.end()) if link and end > position else None
        if found is None:
            break
        end = found.end
    tail = PLACE_TAIL.match(text, end) if end > position else None
    return text[position:tail.end() if tail else end]


def _city_put_there(masked: str) -> str:
    """A city or country the sentence puts something in (`在长沙举行`, `抵达新加坡，准备参加…`)."""
    for m in PUT_THERE.finditer(masked):
        chain = _place_chain(masked, m.end())
        if not chain:
            continue
        only = gazetteer().get(chain)
        if only and only.kind == PlaceKind.COUNTRY and not AFTER_COUNTRY.match(masked, m.end() + len(chain)):
            continue
        return chain
    return ""


def _lead_city(masked: str) -> str:
    """`昨日(2月5日)香港，…`: the city right after the date a sentence opens on."""
    opening = LEAD_PLACE.match(masked).end()
    if MASK not in masked[:opening]:
        return ""
    chain = _place_chain(masked, opening)
    return chain if chain and masked[opening + len(chain):opening + len(chain) + 1] in "，," else ""


def _stage_city(masked: str) -> str:
    """`…半决赛(桂林站)`: the city of a touring event's leg, written right after its name."""
    for m in STAGE.finditer(masked):
        chain = _place_chain(masked, m.end())
        if chain and masked.startswith("站", m.end() + len(chain)):
            return chain
    return ""


def fill_places(events: list[Event], article: Article) -> list[Event]:
    """An event whose own sentence names no place: where another sentence about it puts it, the city its name
    holds, where the report was filed, or (last) the province or country its name holds."""
    sentences = [(m.start(), m.group(0)) for m in SENTENCE.finditer(article.body)]  # split once, not per event
    filed = v.DATELINE_PLACE.search(article.dateline)
    filed_at = (filed.group("place") or filed.group("paper") or filed.group("city").title()) if filed else ""
    filled = []
    for event in events:
        if not event.location:
            named = _named_place(event.title)
            broad = named.place.kind in (PlaceKind.COUNTRY, PlaceKind.PROVINCE) if named else False
            city, region = (named.text, "") if named and not broad else ("", named.text if named else "")
            event = replace(event, location=_place_elsewhere(event, sentences) or city
                            or (filed_at if _reported(event, article) else "") or region
                            or _holder_place(event))
        filled.append(event)
    return filled


def _named_place(title: str) -> PlaceMatch | None:
    """The place an event's own name holds (`第68届威尼斯电影节`, `Expo 2025 Osaka`), not its opponent's, nor an away
    side's home (`山东队客场…`: a team is from its place, and plays there only at home); `中国` opening a name says
    how wide it is (`中国艺术节`), not where."""
    own = v.FIXTURE_OPPONENT.split(title)[0]
    named = [m for m in gazetteer().find(own) if (m.place.kind != PlaceKind.COUNTRY or m.place.country != "CN")
             and not (own.startswith("队", m.end) and "主场" not in own) and not _its_head(own, m)]
    return min(named, key=lambda m: -m.place.kind.rank, default=None)


def _its_head(title: str, match: PlaceMatch) -> bool:
    """`Dachshund Derby`: a town's name that is the English head word ending the name, not where it is."""
    return match.end == len(title) and any(p.fullmatch(match.text) for p, _ in v.ENGLISH_CATEGORY)


def _holder_place(event: Event) -> str:
    """`大连市人民政府新闻办公室举行…发布会`: the city or province of who holds it, named in its sentence before it."""
    before = event.evidence.split(event.title, 1)[0] if event.title in event.evidence else ""
    held = HELD_BY.search(before)
    named = _named_place(held.group("who")) if held else None
    return named.text if named else ""


HELD_BY = re.compile(r"(?P<who>[\u4e00-\u9fff]{2,24}?)(?:[\x00\s]*(?:今天|今日|上午|下午|当天))*"
                     r"(?:举行|召开|举办)(?:了|的)?$")


def _reported(event: Event, article: Article) -> bool:
    """An event the report tells of as held (on or before its day) took place where the report was filed."""
    published = article.published.date
    return published is not None and event.interval.start_date <= published


def _place_elsewhere(event: Event, sentences: list[tuple[int, str]]) -> str:
    """A venue its own sentence labels (`地点：…`, in a listing), else where another sentence that names the event
    (or the work it launches, `《…》`) puts it."""
    work = v.WORK.search(event.title)
    keys = [event.title] + ([work.group(0)] if work and work.group(0) != event.title else [])
    for start, text in sentences:
        if start == event.evidence_start:
            labeled = v.VENUE_LABELED.search(text)
            if labeled and event.title not in (labeled.group("place") or labeled.group("seat")):
                return labeled.group("place") or labeled.group("seat")
            continue
        keys_here = [key for key in keys if key in text] + [m.group(0) for m in THIS_EDITION.finditer(text)
                                                            if _stands_for(m.group("short"), event.title)]
        for key in keys_here:
            place = location_of(text.replace(key, MASK * len(key)))
            if place:
                return place
    return ""


def _stands_for(short: str, title: str) -> bool:
    """`世锦赛` stands for `世界游泳锦标赛`: it shortens the title (see merge) and ends as the title ends."""
    return short[-1] == title[-1] and _shortens(short, title)
