"""The Chinese calendars a date can be named in: lunar dates, festivals, solar terms, holiday periods.

Conversions come from libraries, never from tables of our own: lunar-python (6tail's `lunar`, the
lunar calendar, the 24 solar terms computed astronomically and the dog days counted from them) and
chinese-calendar (the holiday arrangement the State Council publishes each year). Fixed-day festivals and
observance days are named with their day, as the State or the United Nations set it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

LUNAR_FESTIVALS = {
    "春节": (1, 1), "大年初一": (1, 1), "元宵节": (1, 15), "元宵": (1, 15), "上元节": (1, 15),
    "龙抬头": (2, 2), "端午节": (5, 5), "端午": (5, 5), "端阳节": (5, 5), "七夕节": (7, 7), "七夕": (7, 7),
    "中元节": (7, 15), "中秋节": (8, 15), "中秋": (8, 15), "重阳节": (9, 9), "重阳": (9, 9),
    "腊八节": (12, 8), "腊八": (12, 8), "农历新年": (1, 1), "新春": (1, 1),
}
"""Festivals of the lunar calendar: (lunar month, day)."""
NEW_YEARS_EVE = ("除夕", "大年三十", "年三十")
"""The last day of the lunar year (the 29th in a short twelfth month)."""

GREGORIAN_FESTIVALS = {
    "元旦": (1, 1), "情人节": (2, 14), "妇女节": (3, 8), "三八妇女节": (3, 8), "植树节": (3, 12),
    "消费者权益日": (3, 15), "愚人节": (4, 1), "劳动节": (5, 1), "五一劳动节": (5, 1), "青年节": (5, 4),
    "五四青年节": (5, 4), "儿童节": (6, 1), "六一儿童节": (6, 1), "建党节": (7, 1), "建军节": (8, 1),
    "教师节": (9, 10), "国庆节": (10, 1), "国庆": (10, 1), "平安夜": (12, 24), "圣诞节": (12, 25),
    "圣诞": (12, 25), "阳历新年": (1, 1), "圣瓦伦丁节": (2, 14), "香港回归纪念日": (7, 1), "万圣节": (10, 31),
    "澳门回归纪念日": (12, 20),
    "元旦节": (1, 1), "光棍节": (11, 11), "双十一": (11, 11), "双11": (11, 11), "三一五": (3, 15),
    "双十二": (12, 12), "双12": (12, 12), "女生节": (3, 7), "建党纪念日": (7, 1),
}
"""Festivals on a fixed Gregorian day: (month, day)."""

OBSERVANCE_DAYS = {
    "全国爱耳日": (3, 3), "世界水日": (3, 22), "世界气象日": (3, 23), "世界卫生日": (4, 7),
    "全民国家安全教育日": (4, 15), "国家安全教育日": (4, 15), "世界地球日": (4, 22), "世界读书日": (4, 23),
    "世界图书日": (4, 23), "中国航天日": (4, 24), "世界知识产权日": (4, 26), "国际护士节": (5, 12),
    "护士节": (5, 12), "防灾减灾日": (5, 12), "国际家庭日": (5, 15), "世界电信日": (5, 17), "国际博物馆日": (5, 18),
    "中国旅游日": (5, 19), "世界无烟日": (5, 31), "世界环境日": (6, 5), "全国爱眼日": (6, 6), "世界海洋日": (6, 8),
    "国际禁毒日": (6, 26), "世界人口日": (7, 11), "中国医师节": (8, 19), "医师节": (8, 19),
    "抗战胜利纪念日": (9, 3), "烈士纪念日": (9, 30), "世界旅游日": (9, 27), "世界粮食日": (10, 16),
    "世界标准日": (10, 14), "记者节": (11, 8), "全国消防日": (11, 9), "消防日": (11, 9), "世界艾滋病日": (12, 1),
    "国际残疾人日": (12, 3), "国家宪法日": (12, 4), "宪法日": (12, 4), "国际志愿者日": (12, 5),
    "国家公祭日": (12, 13),
}
"""Observance days a paper dates its reports by (the State's and the United Nations' days): (month, day)."""
TERM_FESTIVALS = {"中国农民丰收节": "秋分", "农民丰收节": "秋分"}
"""Festivals held on a solar term's day (the harvest festival on the autumn equinox, since 2018)."""

FLOATING_FESTIVALS = {"母亲节": (5, 6, 2), "父亲节": (6, 6, 3), "感恩节": (11, 3, 4), "全国助残日": (5, 6, 3),
                      "文化和自然遗产日": (6, 5, 2), "全国科普日": (9, 5, 3)}
"""Festivals on the n-th weekday of a month: (month, weekday with Monday 0, n)."""

EASTER_FEASTS = {
    "复活节": 0, "复活节星期一": 1, "耶稣受难日": -2, "受难节": -2, "主受难日": -2, "主受难节": -2,
    "圣周四": -3, "棕枝主日": -7, "圣枝主日": -7, "圣灰星期三": -46, "大斋首日": -46, "忏悔星期二": -47,
    "圣灵降临节": 49, "圣灵降临日": 49, "五旬节": 49, "耶稣升天节": 39,
}
"""Christian feasts counted in days from Easter Sunday, which python-dateutil computes (`东正教` before a
name takes the Orthodox Easter)."""
ORTHODOX = "东正教"

ENGLISH_FESTIVALS = {
    "easter sunday": "复活节", "easter day": "复活节", "easter monday": "复活节星期一", "good friday": "耶稣受难日",
    "palm sunday": "棕枝主日", "ash wednesday": "圣灰星期三", "pentecost": "圣灵降临节", "whit sunday": "圣灵降临节",
    "ascension day": "耶稣升天节", "christmas day": "圣诞节", "christmas eve": "平安夜", "new year's day": "元旦",
    "valentine's day": "情人节", "halloween": "万圣节", "thanksgiving day": "感恩节", "thanksgiving": "感恩节",
    "mother's day": "母亲节", "april fools' day": "愚人节",
}
"""English names of the feasts above (`on Easter Sunday`, `Good Friday`), by their Chinese names."""
ENGLISH_FIXED_DAYS = {
    "boxing day": (12, 26), "new year's eve": (12, 31), "anzac day": (4, 25), "australia day": (1, 26),
    "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "remembrance day": (11, 11),
    "veterans day": (11, 11), "veterans' day": (11, 11), "canada day": (7, 1), "fourth of july": (7, 4),
    "bonfire night": (11, 5), "guy fawkes night": (11, 5),
}
"""Days English-speaking countries keep on a fixed date: (month, day)."""

ERA_FIRST_YEARS = {"民国": 1912, "民國": 1912, "明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
"""Eras a paper still counts years in, by the Gregorian year of their first: the Republic of China's
(Taiwan's papers: `民国113年` is 2024) and Japan's (`令和6年`). Year N of an era is first + N - 1."""
REIGN_NAMES = ("康熙", "雍正", "乾隆", "嘉庆", "道光", "咸丰", "同治", "光绪", "宣统", "顺治", "洪武", "永乐", "万历",
               "崇祯", "贞观", "开元", "天宝", "神龙", "元和", "建安")
"""Imperial reign titles: a year counted in one (`康熙20年`) is history we do not convert, and never 2020."""

HOLIDAY_NAMES = {
    "元旦": "New Year's Day", "春节": "Spring Festival", "清明": "Tomb-sweeping Day", "清明节": "Tomb-sweeping Day",
    "劳动节": "Labour Day", "五一": "Labour Day", "端午": "Dragon Boat Festival", "端午节": "Dragon Boat Festival",
    "中秋": "Mid-autumn Festival", "中秋节": "Mid-autumn Festival", "国庆": "National Day", "国庆节": "National Day",
    "十一": "National Day",
}
"""Festivals that carry an official holiday period, by chinese-calendar's names for them."""

HOLIDAY_SHORT_NAMES = {"十一": "国庆节", "五一": "劳动节"}
"""The holidays named by their date (`十一黄金周`, `五一假期`), read only where a holiday word follows."""

SOLAR_TERMS = ("小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
               "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至")
"""The 24 solar terms in the order they fall in a Gregorian year."""

SEASON_TERMS = {"春": ("立春", "立夏"), "夏": ("立夏", "立秋"), "秋": ("立秋", "立冬"), "冬": ("立冬", "立春")}
"""A season runs from its solar term to the day before the next season's (the Chinese reading)."""


@lru_cache(maxsize=4096)
def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date | None:
    """The Gregorian day of a lunar date, or None when that lunar year has no such day."""
    from lunar_python import Lunar, LunarYear

    try:
        lunar_month = LunarYear.fromYear(year).getMonth(-month if leap else month)
        if lunar_month is None or day > lunar_month.getDayCount():
            return None
        solar = Lunar.fromYmd(year, -month if leap else month, day).getSolar()
    except Exception:  # noqa: BLE001 - the library raises bare Exception for a year out of its range
        return None
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


@lru_cache(maxsize=4096)
def lunar_month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian day of a lunar month (negative for a leap month: -4 is 闰四月)."""
    from lunar_python import LunarYear

    try:
        lunar_month = LunarYear.fromYear(year).getMonth(month)
    except Exception:  # noqa: BLE001
        return None
    if lunar_month is None:
        return None
    first = lunar_to_solar(year, abs(month), 1, month < 0)
    return (first, first + dt.timedelta(days=lunar_month.getDayCount() - 1)) if first else None


@lru_cache(maxsize=4096)
def new_years_eve(lunar_year: int) -> dt.date | None:
    """The last day of a lunar year: the day before the next one's first day."""
    first = lunar_to_solar(lunar_year + 1, 1, 1)
    return first - dt.timedelta(days=1) if first else None


@lru_cache(maxsize=512)
def solar_terms(year: int) -> dict[str, dt.date]:
    """The day of each of the 24 solar terms in a Gregorian year."""
    from lunar_python import Lunar

    found: dict[str, dt.date] = {}
    for lunar_year in (year, year + 1):
        table = Lunar.fromYmd(lunar_year, 1, 1).getJieQiTable()
        for name, solar in table.items():
            if name in SOLAR_TERMS and solar.getYear() == year:
                found.setdefault(name, dt.date(year, solar.getMonth(), solar.getDay()))
    return found


def easter_feast(name: str, year: int) -> dt.date:
    """A feast of the Easter cycle in a year, by the Western (Gregorian) or the Orthodox reckoning."""
    from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

    method = EASTER_ORTHODOX if name.startswith(ORTHODOX) else EASTER_WESTERN
    return easter(year, method) + dt.timedelta(days=EASTER_FEASTS[name.removeprefix(ORTHODOX)])


def floating_festival(name: str, year: int) -> dt.date:
    month, weekday, nth = FLOATING_FESTIVALS[name]
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


@lru_cache(maxsize=4096)
def festival_day(name: str, year: int) -> dt.date | None:
    """The day of a festival in a year: a Gregorian one's in that year, a lunar one's in the lunar
    year that starts in it (so `2023年除夕` is the eve that ends lunar 2023, in February 2024)."""
    name = HOLIDAY_SHORT_NAMES.get(name, name)
    if name in ENGLISH_FIXED_DAYS:
        return dt.date(year, *ENGLISH_FIXED_DAYS[name])
    name = ENGLISH_FESTIVALS.get(name, name)
    if name.removeprefix(ORTHODOX) in EASTER_FEASTS:
        return easter_feast(name, year)
    if name in GREGORIAN_FESTIVALS or name in OBSERVANCE_DAYS:
        return dt.date(year, *(GREGORIAN_FESTIVALS.get(name) or OBSERVANCE_DAYS[name]))
    if name in FLOATING_FESTIVALS:
        return floating_festival(name, year)
    if name in LUNAR_FESTIVALS:
        return lunar_to_solar(year, *LUNAR_FESTIVALS[name])
    if name in NEW_YEARS_EVE:
        return new_years_eve(year)
    term = TERM_FESTIVALS.get(name) or name.removesuffix("节")
    return solar_terms(year).get(term) if term in SOLAR_TERMS else None


@lru_cache(maxsize=4096)
def holiday_period(name: str, day: dt.date) -> tuple[dt.date, dt.date] | None:
    """The official days off around a festival's day, as the State Council set them that year."""
    import chinese_calendar

    wanted = HOLIDAY_NAMES.get(name)
    if wanted is None:
        return None

    def is_it(d: dt.date) -> bool:
        try:
            on, holiday = chinese_calendar.get_holiday_detail(d)
        except NotImplementedError:
            raise LookupError("year outside the published arrangements") from None
        return bool(on and holiday == wanted)

    def is_off(d: dt.date) -> bool:  # a weekend the holiday runs into (`端午` 2024: 8–10 June, the 10th named)
        on, holiday = chinese_calendar.get_holiday_detail(d)
        return bool(on and holiday in (wanted, None))

    try:
        near = (day + dt.timedelta(days=k) for k in (0, -1, 1, -2, 2, -3, 3))
        anchor = next((d for d in near if is_it(d)), None)
        if anchor is None:
            return None
        first = last = anchor
        while is_off(first - dt.timedelta(days=1)):
            first -= dt.timedelta(days=1)
        while is_off(last + dt.timedelta(days=1)):
            last += dt.timedelta(days=1)
    except LookupError:
        return None
    return first, last


FU_WORDS = {"入伏": "初伏", "初伏": "初伏", "头伏": "初伏", "中伏": "中伏", "二伏": "中伏", "末伏": "末伏",
            "三伏": "三伏", "三伏天": "三伏", "出伏": "出伏"}
"""The dog days' words, by the period they name (入伏 is the first day of 初伏, 出伏 the day after 末伏)."""


@lru_cache(maxsize=64)
def fu_periods(year: int) -> dict[str, tuple[dt.date, dt.date]]:
    """The dog days of a year (初伏, 中伏, 末伏, 三伏, and 出伏 as one day), counted in 庚 days from the summer
    solstice as lunar-python computes them."""
    from lunar_python import Solar

    solstice = solar_terms(year).get("夏至")
    firsts: dict[str, dt.date] = {}
    for k in range(90):
        day = solstice + dt.timedelta(days=k) if solstice else None
        if day is None:
            break
        fu = Solar.fromYmd(day.year, day.month, day.day).getLunar().getFu()
        if fu is not None and fu.getIndex() == 1:
            firsts.setdefault(fu.getName(), day)
        if fu is None and "末伏" in firsts:
            firsts["出伏"] = day
            break
    if len(firsts) < 4:
        return {}
    one_day = dt.timedelta(days=1)
    return {"初伏": (firsts["初伏"], firsts["中伏"] - one_day), "中伏": (firsts["中伏"], firsts["末伏"] - one_day),
            "末伏": (firsts["末伏"], firsts["出伏"] - one_day), "三伏": (firsts["初伏"], firsts["出伏"] - one_day),
            "出伏": (firsts["出伏"], firsts["出伏"])}


@lru_cache(maxsize=4096)
def season_span(season: str, year: int) -> tuple[dt.date, dt.date] | None:
    """A season of a Gregorian year by the solar terms; winter runs into the next year."""
    start_term, end_term = SEASON_TERMS[season]
    start = solar_terms(year).get(start_term)
    end = solar_terms(year + (1 if season == "冬" else 0)).get(end_term)
    return (start, end - dt.timedelta(days=1)) if start and end else None


@lru_cache(maxsize=4096)
def workday_after(day: dt.date, count: int) -> dt.date | None:
    """The `count`-th working day after `day` (the State Council's arrangement: weekends, holidays and
    the weekend days made working days), or None for a year outside the published arrangements."""
    import chinese_calendar

    if count < 1:
        return None
    try:
        return chinese_calendar.find_workday(count - 1, day + dt.timedelta(days=1))
    except NotImplementedError:
        return None
