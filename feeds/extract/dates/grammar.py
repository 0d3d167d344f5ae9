"""The grammar of Chinese date expressions, as data: word tables and the pattern built from them.

One pattern finds a date point (year, month, day, or a relative word), an optional clock time,
an optional weekday in parentheses, and optionally a range end after 至/到/—.
What the words mean lives in the tables below; `resolve.py` turns a match into an interval.
"""

from __future__ import annotations

import re

from ...models import Cue
from .calendars import ERA_FIRST_YEARS, REIGN_NAMES

RELATIVE_DAYS = {
    "今天": 0, "今日": 0, "即日": 0, "今晚": 0, "今明两天": 0, "今明两日": 0,
    "明天": 1, "明日": 1, "明晚": 1, "明后两天": 1, "明后两日": 1, "明后天": 1, "今明后三天": 0,
    "后天": 2, "大后天": 3, "大大后天": 4, "本日": 0,
    "昨天": -1, "昨日": -1, "昨晚": -1, "今晨": 0, "昨晨": -1,
    "昨": -1, "今": 0, "前天": -2, "大前天": -3, "大大前天": -4,
}
"""Days counted from the publication date."""

TERSE_DAYS = r"(?<![今昨明至如迄而现古当从])(?:今|昨)(?=[开起在将于举召获公表称宣抵出揭闭晨午早晚]|[，,])"
"""`一连4天的旅游展今开锣`, `广管局主席昨在记者会上表示`: 今 and 昨 alone before what happens (a paper's
terse style, common in Hong Kong), read as `RELATIVE_DAYS`' 今天 and 昨天."""

TOLD_DAYS = {"今": 0, "昨": -1, "明": 1}
"""`今（15）日`, `昨(14日)`: Taiwan's papers write the day's number beside the word that counts it."""
SPAN_DAYS = {"今明两天": 1, "今明两日": 1, "明后两天": 1, "明后两日": 1, "明后天": 1, "今明后三天": 2}
"""Relative words that cover more than one day: how many days they add."""

CONTEXT_DAYS = {"当天": 0, "当日": 0, "同日": 0, "同一天": 0, "当晚": 0, "次日": 1, "翌日": 1, "第二天": 1,
                "隔天": 1, "隔日": 1}
"""Days counted from the date the text spoke of last (`12月20日启动，同日将举行开幕式`)."""

EVENING_WORDS = {"今晚", "明晚", "昨晚", "当晚"}

WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
WEEK_OFFSETS = {"": 0, "本": 0, "这": 0, "这个": 0, "下": 1, "下个": 1, "下一个": 1, "上": -1, "上个": -1, "上一个": -1,
                "下下": 2, "上上": -2,
                "下下个": 2, "上上个": -2}

RELATIVE_YEARS = {"今年": 0, "本年": 0, "当年": 0, "同年": 0, "明年": 1, "次年": 1, "翌年": 1, "后年": 2,
                  "去年": -1, "前年": -2, "下年": 1}
CONTEXT_YEARS = {"次年": 1, "翌年": 1, "同年": 0, "当年": 0}
"""Years counted from the year the text wrote last (from publication when it wrote none)."""
CONTEXT_YEAR_WORD = re.compile("|".join(CONTEXT_YEARS))
YEAR_TOLD = re.compile(r"(?<![\d.])((?:1[5-9]|20)\d{2})\s*年")
NEXT_YEAR_BEFORE_MONTH = r"(?<![马赶早晚上下])下年(?=\s*(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月)"
"""`下年9月`: 下年 is next year only before a month (`下年度`, `上下年` are other words)."""
RELATIVE_MONTHS = {"本月": 0, "当月": 0, "这个月": 0, "下月": 1, "下个月": 1, "次月": 1,
                   "上月": -1, "上个月": -1, "上一个月": -1, "下一个月": 1}

PARTS_OF_MONTH = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "上半月": (1, 15), "下半月": (16, 31),
                  "初": (1, 10), "中": (11, 20),
                  "中下旬": (11, 31), "上中旬": (1, 20), "底": (21, 31), "末": (21, 31)}
"""Day ranges of a month's parts; 31 stands for the month's last day."""

PARTS_OF_YEAR = {"上半年": (1, 6), "下半年": (7, 12), "前半年": (1, 6), "后半年": (7, 12),
                 "年初": (1, 1), "年中": (6, 7), "伊始": (1, 1),
                 "年底": (12, 12), "年末": (12, 12), "全年": (1, 12), "一季度": (1, 3),
                 "二季度": (4, 6), "三季度": (7, 9), "四季度": (10, 12), "底": (12, 12), "末": (12, 12),
                 "初": (1, 1)}
"""Month ranges of a year's parts; `底`, `末`, `初` follow a year word directly (`今年底`)."""

READER_PARTS_OF_MONTH = {**PARTS_OF_MONTH, "初": (1, 5), "底": (25, 31), "末": (25, 31)}
READER_PARTS_OF_YEAR = {**PARTS_OF_YEAR, "年初": (1, 2), "初": (1, 2), "年底": (11, 12), "年末": (11, 12),
                        "底": (11, 12), "末": (11, 12)}
"""The general reading's fuzzy parts (`feeds dates`): what a reader takes 月初 (the first five days),
月底 (from the 25th), 年初 (January–February) and 年底 (November–December) to cover. The event layer
keeps the tables above, a schedule's wider month part and a plan's December."""

PARTS_OF_THIS_MONTH = {"月底": "底", "月末": "末", "月初": "初", "月中": "中"}
"""`月底前完成`: the month of publication, and its part."""

TIMES_OF_DAY = {
    "凌晨": (0, 0), "清晨": (0, 0), "早上": (0, 0), "早晨": (0, 0), "上午": (0, 0),
    "中午": (11, 12), "下午": (12, 12), "傍晚": (12, 12), "晚上": (12, 12), "晚间": (12, 12),
    "夜间": (12, 12), "夜里": (12, 12), "晚": (12, 12), "当晚": (12, 12), "早": (0, 0),
}
"""Hours added to a clock reading below 12: (from which hour on it is already afternoon, offset)."""
EVENING = {"傍晚", "晚上", "晚间", "夜间", "夜里", "晚", "当晚"}
"""Parts of the day in which `12点` is midnight, not noon."""

DIRECTION_FORWARD = re.compile(r"将(?!近|临|来临|到来|至(?=[,，。、;；之]|$))|拟"
                               r"|计划(?!草案|书|案|区|单列|经济|生育|内|中|的|表)|预计|即将(?!到来|来临)|定于|订于|(?<![预修签制])订(?=[\d一二三四五六七八九十今明下本]|$)"
                               r"|准备|有望|届时|筹备|将要|拟定|预定|报名|迎接|备战")
"""Words that put a date ahead; not `将近` (nearly), `端午将至，` or `即将到来之际` (a season drawing near sets the
scene of a report), nor the noun `计划` (`本计划草案…并于7月15日举办说明会`)."""
DIRECTION_BACKWARD = re.compile(r"了|日前|近日|已经|已于|刚刚|上周|此前|曾|过去")
PLANNED_BEFORE = re.compile(r"原(?:定|计划|拟)")
"""`原定于5月…`: the first plan's date, near publication whichever side; not an announcement."""
REPORTED_AFTER = re.compile(r"^[^。；;]{0,20}?(?:召开|举行|举办|开幕|闭幕|落幕|启动|开讲|开展|揭晓|发布)")
"""`3月5日，全市…会议召开`: a date followed by a happening with no 将 before it is a report."""
YEAR_BOUNDARY_DAYS = 45
"""A month and day without a year is this year's, unless the paper is this near the turn of the year."""
REPORT_REACH_DAYS = 330
"""How far back a report may reach; beyond it, a date with no year is taken as the nearest."""

POSTPONED_TO = re.compile(r"(?:延期|推迟|改期|顺延|延迟|延后|延长|调整为|调整至|改为|改至|改在)(?:至|到|为|于)?\s*$")
"""`延期至X`: X is the new date, ahead of the old one."""

NOT_A_DATE = None
"""In the cue tables: the words show the expression is no date of a schedule (`每年5月`, `30日内`)."""

CUES_BEFORE = (
    (NOT_A_DATE, re.compile(r"(?<!\d)0?1\s*(?:—+|-|–|~|～|至|到)\s*$")),  # `1—4月`, `1至11月`: statistics
    (NOT_A_DATE, re.compile(r"(?:每(?:年|月|周|逢|个月)?|往年|历年|以往)(?:的)?\s*$")),  # `每年5月`, `往年…6月`: habits
    (Cue.DEADLINE, re.compile(r"(?:截至|截止(?:日期|时间)?(?:为|是|到|至)?|最迟|最晚于?|不晚于|报名至)\s*$")),
    (Cue.POSTPONED, POSTPONED_TO),
    (Cue.PLANNED, re.compile(r"原(?:定|计划|拟)(?:于|在)?\s*$")),
    (Cue.UNTIL, re.compile(r"(?:持续|延续|一直|展期|展出|展览|开放|延长)(?:至|到)\s*$")),
    (Cue.TARGET, re.compile(r"(?:^|[^即])(?:到|至)\s*$")),
)
"""Words just before a date that change what it means (the events layer reads the cue), or show it is none."""

BEFORE_DAY = r"前(?!往|来|去|进|行)"
"""`X前报名`: before the day; not `今日上午前往…`, going somewhere that day."""

CUES_AFTER = (
    (Cue.REPORTED, re.compile(
        r"^\s*(?:上午|下午)?\s*(?:(?!举行|召开|举办|开幕)[^，,。]){0,24}?(?:获悉|了解到|得知|获知)")),
    (NOT_A_DATE, re.compile(r"^\s*(?:以来|来|内|以内|之内|左右|以上|均|期间以来|讯|电(?![子视话脑力网器商气]))")),
    (Cue.DEADLINE, re.compile(rf"^\s*(?:{BEFORE_DAY}|之前|以前|截止|截至)")),
    (Cue.SINCE, re.compile(r"^\s*(?:起|开始)")),
)

_CN_DIGIT = "〇零一二三四五六七八九"
NOT_IN_ERA = "".join(f"(?<!{name})" for name in (*ERA_FIRST_YEARS, *REIGN_NAMES))
"""A two-digit year is none after an era's name (`民国38年`, `康熙20年`): rules.py reads the eras it can."""
MONTH = r"(?:1[ ]?[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
YEAR_IN_WORDS = (r"[两二]千(?<![\d〇零一二两三四五六七八九十百千万].千)"  # the rare 千 first: a cheap fail elsewhere
                 r"(?:零[一二三四五六七八九]|零?一十[一二三四五六七八九]?"
                 r"|[二三]十[一二三四五六七八九]?"
                 r"|(?=\s*年\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月))"
                 r"(?=\s*年)")
"""A year counted in words (`两千零八年`, `二千零一十五年`); `两千年` only before a month (`两千年来` is a count)."""
YEAR = (rf"(?:(?<![\d.])[12]\d{{3}}|[{_CN_DIGIT}]{{4}}|(?<![\d.])(?=\d{{2}}\s*年){NOT_IN_ERA}\d{{2}}"
        rf"|(?<![{_CN_DIGIT}十])(?=[{_CN_DIGIT}]{{2}}年){NOT_IN_ERA}[{_CN_DIGIT}]{{2}}|{YEAR_IN_WORDS})")
"""A year: `2023`, `二〇二三`, `两千零八`, or two digits (`15年`, `零七年`) read in the century the base date makes
likely (three digits before a month, a year of the Republic, rules.py reads: `113年5月20日`)."""
DAY = r"(?:3[ ]?[01]|[12][ ]?\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
ASCII_DAY = r"(?:3[ ]?[01]|[12][ ]?\d|0?[1-9])"
"""Months and days; OCR may space the digits of one number (`8 月 2 5 日`, `1 2月1 8日`)."""
CN_DAY = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
RANGE_TO_DAY = rf"\s*(?:至|到|—+|–|-|~|～)\s*(?:\d{{1,2}}|{CN_DAY})\s*[日号]"
"""`5月8至10日`: a start day written without 日 before a range end that has it."""
LIST_TO_DAY = rf"\s*(?:和|及|、)\s*(?:\d{{1,2}}|{CN_DAY})\s*[日号]"
"""`6月17和18日`, `本月17及18日`: a start day written without 日 before the listed day that has it."""
BARE_DAY_END = (r"\s*(?:$|[，,。；;、]|的|(?:至|到|—+|~)\s*\d{1,2}\s*月\s*\d{1,2}(?![\d月])|"
                + "|".join(part for part in TIMES_OF_DAY if len(part) > 1) + ")")
"""`1月3至2月10`, `7月28的开幕式`, `9月30上午`: a day written without 日, at the end of a clause, before 的, in a
month-day range, or before a part of the day (two characters: a lone `早`/`晚` may begin another word)."""
CLOCK_HOUR = r"(?:2[0-4]|[01]?\d|十[一二]?|[一二两三四五六七八九]|零)"
CLOCK_MINUTE = (r"(?:[一二三1-3]刻|[0-5]?\d|半|零[一二三四五六七八九]"
                r"|(?:[二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*分))")
"""Minutes after `点`: `30`, `半`, `1刻`, `零九`, and Chinese tens only with 分 (`十分`; not `3点十几人`)."""


def _alternatives(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


SLASH_DATE_AFTER = (r"(?=\s*(?:起|至|到|前|止|为止|截止|[(（]?(?:周|星期)|[-~～—–]\s*\d{1,2}/\d"
                    r"|[上下中晚早凌]|\d{1,2}[:：]\d|在|于|举行|举办|开幕|开跑|登场|开卖|开放|展开|开始|结束|[，,]))")
"""`8/16起`, `7/25至8/2`, `8/22登场`: a month and day written with a slash and no 日, as Taiwan's papers do, where
what follows says it is a day (a fraction `1/3的` is not)."""


def _point(p: str, spaced: bool = False) -> str:
    """A date point; group names carry the prefix p (s_ for a start, e_ for an end).

    Written forms besides words: `2024.5.18`, `2024/5/18`, `2024-05-12` (a two-digit month may take another
    separator before a day no month could be: `1994.01-19`, not `2020.01-03`; also glued to its clock time,
    `2024-05-1209:30`, `2024-05-12-14:30`), `09-01` (a month with its zero, or any month before a clock
    time: `12-01 18:07`; a score `10-12` is none), `11/3号`, `7.23日`, and an end's `5.20`."""
    rel_years = _alternatives(word for word in RELATIVE_YEARS if word != "下年")
    rel_months = _alternatives(RELATIVE_MONTHS)
    month_parts = _alternatives(k for k in PARTS_OF_MONTH if k not in ("初", "底", "末", "中"))
    this_month_parts = _alternatives(PARTS_OF_THIS_MONTH)
    week_words = _alternatives(word for word in WEEK_OFFSETS if word)
    day_suffix = "[日曰号]" if p == "e_" else (r"(?:[日曰]|号(?=\s*(?:[上下中晚早凌]|\d{1,2}\s*[点时:：]"
                                            r"|在|举行|举办|开幕|召开|闭幕|起|[(（]?(?:星期|周|礼拜)[一二三四五六日天])))")
    day_words = _alternatives([w for w in (*RELATIVE_DAYS, *CONTEXT_DAYS) if len(w) > 1]) + "|" + TERSE_DAYS
    month, day, ascii_day = ((MONTH, DAY, ASCII_DAY) if spaced
                             else (unspaced(MONTH), unspaced(DAY), unspaced(ASCII_DAY)))
    numeric_end = (rf"(?<![\d.])(?P<{p}dm2>1[0-2]|0?[1-9])\.(?P<{p}dd2>3[01]|[12]\d|0?[1-9])(?![\d.])" if p == "e_"
                   else "(?!)")  # `2024.5.18—5.20`
    year_parts = _alternatives(PARTS_OF_YEAR)
    told_days = _alternatives(TOLD_DAYS)
    slash_day_end = r"(?![\d/%.])" + ("" if p == "e_" else SLASH_DATE_AFTER)
    cn_day = CN_DAY if p == "e_" else (
        f"(?:(?<=于){CN_DAY}|(?<![第前后近每这那数几零一二三四五六七八九十百千万]){CN_DAY}"
        r"(?=\s*日\s*(?:[上下中晚早凌]|在|起|举行|举办|开幕|召开|闭幕|[，,])))")
    return rf"""(?:
        (?<![\d.])(?P<{p}iy>(?:1[5-9]|20)\d{{2}})(?P<{p}isep>[./-])(?P<{p}im>1[0-2]|0?[1-9])
          (?:(?P={p}isep)|(?<=[01]\d)[./-](?=1[3-9]|2\d|3[01]))
          (?P<{p}id>3[01]|[12]\d|0?[1-9])(?:(?![\d.])|(?=[01]\d[:：]|2[0-3][:：]))(?:-(?=\d{{1,2}}[:：]\d))?
      | (?<![\d./-])(?P<{p}nm>0[1-9]|1[0-2](?=-\d\d\s*(?:[01]?\d|2[0-3])[:：][0-5]\d))
          -(?P<{p}nd>0[1-9]|[12]\d|3[01])(?![\d./-])
      | (?<![\d/.])(?P<{p}sm>1[0-2]|0?[1-9])/(?P<{p}sd>3[01]|[12]\d|0?[1-9])(?:\s*[日号]|{slash_day_end})
      | (?:(?P<{p}y>{YEAR})\s*年\s*|(?P<{p}yr>{rel_years}|{NEXT_YEAR_BEFORE_MONTH})\s*)?
        (?:(?<!\d)(?<!\d\.)(?P<{p}m>{month})\s*月(?:份)?|(?P<{p}mr>{rel_months}))
        (?:\s*(?P<{p}d>{day})\s*(?:(?P<{p}ds>[日曰号])|(?={RANGE_TO_DAY})|(?={LIST_TO_DAY})|(?<=[\d])(?={BARE_DAY_END}))
          |(?:月(?=[初底末]))?(?P<{p}part>{month_parts}|初(?![一二三四五六七八九十步期次中级心始衷见])|底(?![线部层])|末(?![端梢期])
            |中(?=[,，。将举召开在左前后]))
        )?
      | (?<![\d.])(?P<{p}dm>1[0-2]|[1-9])\.(?P<{p}dd>3[01]|[12]\d|0?[1-9])\s*日
      | {numeric_end}
      | (?<![\d/])(?<!\d\.)(?<![第每])(?P<{p}d2>{ascii_day})\s*{day_suffix}(?![报本元游])
      | (?P<{p}d3>{cn_day})\s*{day_suffix}(?![内游])
      | (?<![每一两几])(?P<{p}we>(?P<{p}wko>{week_words})?周末)
      | (?<![个岁每数几多两\d一二三四五六七八九十])(?P<{p}mp>{this_month_parts})
        (?=前|底|[,，。；;将完]|\s*(?:至|到|—|~)|$)
      | (?P<{p}rt>{told_days})\s*\(\s*(?P<{p}rtd>3[01]|[12]\d|0?[1-9])\s*日?\s*\)\s*日?
      | (?P<{p}rel>{day_words})
      | (?<![每一两几])(?P<{p}wo>{week_words})?(?:周|星期|礼拜)
        (?:(?<=[上下本这个]周)(?:周|星期))?
        (?P<{p}wd>[一二三四五六日天])(?![年期刊]|代(?!表))
      | (?:(?P<{p}yy>{YEAR})\s*年\s*|(?P<{p}yyr>{rel_years}))(?P<{p}yp>{year_parts})(?![国华心央部外文])
      | (?<![今明去前后本当同次全每一两几多近\d])(?P<{p}yp2>年底|年末|年初|年中)
        (?![国华心央部外文]|展望|总结|盘点|回顾|大促|促销|报告)
    )"""


def _time(p: str) -> str:
    """An optional time of day: a part (`上午`) and/or a clock reading (`10时30分`, `9:00`)."""
    parts = _alternatives(TIMES_OF_DAY)
    bare_hour = (rf"|(?P<{p}h3>{CLOCK_HOUR})(?=\s*(?:~|-|—|至|到)\s*{CLOCK_HOUR}\s*[点时])" if p == "s_"
                 else "")  # `晚上9~11点`: a start hour without its unit before a range end with one
    return rf"""(?:\s*(?P<{p}tp>{parts}|早(?=\s*(?:\d|[一二两三四五六七八九十]{{1,2}}[时点])))(?!间内))?
    (?:\s*(?:(?P<{p}h>{CLOCK_HOUR})\s*[:：]\s*(?P<{p}mi>[0-5]\d)(?:[:：](?P<{p}se>[0-5]\d))?(?:时(?!间))?
             (?P<{p}ap>\s*[AaPp]\.?[Mm]\.?(?![A-Za-z]))?
           |(?P<{p}h4>1[0-2]|0?[1-9])\s*(?P<{p}ap2>[AaPp]\.?[Mm]\.?)(?![A-Za-z])
           |(?P<{p}h2>{CLOCK_HOUR})\s*[时点](?!钟头|多钟)(?:\s*(?P<{p}mi2>{CLOCK_MINUTE})\s*分?
             (?:\s*(?P<{p}se2>[0-5]?\d|[二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*秒)?)?(?:钟|整)?
           {bare_hour}))?"""


WEEKDAY_CHECK = r"(?:\s*\((?:周|星期)(?P<{p}chk>[一二三四五六日天])\))?"
WEEKDAY_AFTER_DAY = r"(?:(?<=[日号])\s*(?:周|星期)(?P<{p}chk2>[一二三四五六日天]))?"
"""`6月1日周六早上10点`: a weekday written after the day without brackets, before its time."""
SEPARATOR = r"\s*(?P<sep>起至|起到|起迄|至|到|迄(?!今)|—+|–|-|~|～)\s*"
ANCHOR = r"(?=[\d〇零一二两三四五六七八九十今明后大昨前当同次翌隔第即本这下上周星礼年去凌清早中傍晚夜月])"


def unspaced(pattern: str) -> str:
    """A number pattern without the OCR spaces between its digits."""
    return pattern.replace("[ ]?", "")


def _build(spaced: bool) -> re.Pattern[str]:
    start = _point("s_", spaced) + WEEKDAY_AFTER_DAY.format(p="s_") + _time("s_") + WEEKDAY_CHECK.format(p="s_")
    end = (
        rf"(?:{SEPARATOR}{ANCHOR}(?:{_point('e_', spaced)})?" + _time("e_") + WEEKDAY_CHECK.format(p="e_") + ")?"
    )
    return re.compile(ANCHOR + start + end, re.VERBOSE)


DATE_EXPRESSION = _build(spaced=False)
DATE_EXPRESSION_SPACED = _build(spaced=True)
"""The same grammar reading `8 月 2 5 日`; used only on a text that has digits parted by a space,
since the optional spaces slow the scan of every other text."""
SPACED_DIGITS = re.compile(r"\d \d")

CLOCK_ONLY = re.compile(
    rf"(?P<tp>{_alternatives(TIMES_OF_DAY)})\s*(?:(?P<h>{CLOCK_HOUR})\s*[:：]\s*(?P<mi>[0-5]\d)"
    rf"|(?P<h2>{CLOCK_HOUR})\s*[时点](?:\s*(?P<mi2>{CLOCK_MINUTE})\s*分?)?)"
    rf"(?:\s*(?:至|到|—+|–|-|~)\s*(?P<etp>{_alternatives(TIMES_OF_DAY)})?\s*"
    rf"(?:(?P<eh>{CLOCK_HOUR})\s*[:：]\s*(?P<emi>[0-5]\d)|(?P<eh2>{CLOCK_HOUR})\s*[时点](?:\s*(?P<emi2>{CLOCK_MINUTE})\s*分?)?))?"
    r"|(?<![\d:])(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?:\s*(?:至|到|—+|–|-|~)\s*(?P<ehh>[01]?\d|2[0-4]):(?P<emm>[0-5]\d))?(?![\d:])"
)
"""A clock time with no date of its own (`上午10时`, `9:00—17:00`): it belongs to the date before it."""

ENGLISH_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
ENGLISH_COUNT = r"\d{1,2}|" + "|".join(ENGLISH_NUMBERS)
"""A count of days as English text writes it (`10`, `four`)."""
DURATION = re.compile(
    r"(?:为期|持续|历时|连续|一连)\s*(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?P<unit>天|日|周|个月)"
    r"|\bfor (?P<en>" + ENGLISH_COUNT + r") (?:consecutive |straight )?days\b")
"""`为期三天`, anywhere in the sentence of a one-day date: the event's length."""
YEAR_BEFORE = re.compile(rf"(?:(?P<y>{YEAR})\s*年|(?P<yr>{_alternatives(RELATIVE_YEARS)}))\s*$")
"""The year written before a month range's start (`2018年2——4月`)."""
MONTH_RANGE_START = re.compile(r"(?<!\d)(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
                               r"\s*(?:—+|-|–|~|～|至|到)\s*$")
"""`6—8月`: the start of a month range, written without 月."""
MONTH_LIST_START = re.compile(r"(?<!\d)(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*(?:、|和|及)\s*$")
"""`11、12月`: the month listed before the next one, written without 月 (one span when they run on)."""
OPEN_CLOSE = (re.compile(r"^\s*(?:开幕|开始|开展|启动|举行|拉开帷幕|开园|开赛|开馆|开启)"),
              re.compile(r"^\s*(?:闭幕|结束|落幕|闭馆|收官|截止)"))
