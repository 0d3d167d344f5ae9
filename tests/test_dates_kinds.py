"""`feeds dates` as a general parser: every time expression, with its precision and kind.

Each row: a sentence of our own (newspaper style), the publication date, and every expression
`find_dates(normalize(s), published, every_kind=True)` must report, as (text, start, end, precision,
kind). Timed values are Beijing time. The groups follow issue 12's list of capabilities.
"""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from feeds.commands import dates_command
from feeds.extract.dates import find_dates
from feeds.extract.normalize import normalize
from feeds.models import TZ


def t(hhmm: str) -> str:
    return hhmm + "+08:00"


BARE_DAYS = [  # the paper's month, unless a tense or the first days of a month say otherwise
    ("博览会9日开幕，为市民带来上千款新品", "2024-06-07", [("9日", "2024-06-09", "2024-06-09", "day", "point")]),
    ("活动已于9日结束了", "2024-06-07", [("9日", "2024-05-09", "2024-05-09", "day", "point")]),
    ("30日，市政府召开常务会议", "2024-07-02", [("30日", "2024-06-30", "2024-06-30", "day", "point")]),
]
MONTH_DAYS = [  # this year, unless the paper is near the turn of the year
    ("车展于10月12日至15日在国际会展中心举办", "2024-06-07",
     [("10月12日至15日", "2024-10-12", "2024-10-15", "day", "point")]),
    ("12月28日，年度总结大会召开", "2025-01-03", [("12月28日", "2024-12-28", "2024-12-28", "day", "point")]),
    ("15年3月2日，他第一次来到这座城市", "2021-05-06", [("15年3月2日", "2015-03-02", "2015-03-02", "day", "point")]),
    ("2018年2——4月，展览共吸引观众十万人次", "2021-06-14",
     [("2018年2——4月", "2018-02-01", "2018-04-30", "month", "point")]),
]
NORMALIZED = [  # full-width digits, OCR spaces and 曰 inside dates
    ("１１月６日，论坛在市民中心举行", "2023-11-08", [("11月6日", "2023-11-06", "2023-11-06", "day", "point")]),
    ("论坛定于8 月 2 5 日举行", "2024-06-07", [("8月2 5日", "2024-08-25", "2024-08-25", "day", "point")]),
    ("会议于5月8曰召开", "2024-05-10", [("5月8曰", "2024-05-08", "2024-05-08", "day", "point")]),
]
NUMERIC = [
    ("展会将于2024.5.18—5.20在奥帆中心举办", "2024-05-01",
     [("2024.5.18—5.20", "2024-05-18", "2024-05-20", "day", "point")]),
    ("2024/5/18，市民可免费入园", "2024-05-10", [("2024/5/18", "2024-05-18", "2024-05-18", "day", "point")]),
    ("公告发布日期：20240307", "2024-03-08", [("20240307", "2024-03-07", "2024-03-07", "day", "point")]),
    ("零六年，他来到青岛创业", "2024-05-10", [("零六年", "2006-01-01", "2006-12-31", "year", "period")]),
    ("二〇二三年，全市地区生产总值增长5.9%", "2024-02-01",
     [("二〇二三年", "2023-01-01", "2023-12-31", "year", "period")]),
]
CLOCKS = [  # alone on the publication day; bound to the day they follow
    ("上午9:00～11:30，市民可到现场咨询", "2024-06-12",
     [("上午9:00~11:30", t("2024-06-12T09:00:00"), t("2024-06-12T11:30:00"), "time", "clock")]),
    ("晚上十一点到十二点，地铁加开班次", "2024-06-12",
     [("晚上十一点到十二点", t("2024-06-12T23:00:00"), t("2024-06-13T00:00:00"), "time", "clock")]),
    ("下午5点多，现场仍有市民排队", "2024-06-12",
     [("下午5点多", t("2024-06-12T17:00:00"), t("2024-06-12T17:00:00"), "time", "clock")]),
    ("检修时间为13:20~次日05:40", "2024-06-12",
     [("13:20~次日05:40", t("2024-06-12T13:20:00"), t("2024-06-13T05:40:00"), "time", "clock")]),
    ("5月8日（周三）上午10点，发布会在市政府举行", "2024-05-06",
     [("5月8日(周三)", t("2024-05-08T10:00:00"), t("2024-05-08T10:00:00"), "time", "point")]),
    ("上个月23号晚上九点零九，警方接到报警", "2024-06-12",
     [("上个月23号晚上九点零九", t("2024-05-23T21:09:00"), t("2024-05-23T21:09:00"), "time", "point")]),
]
RELATIVE = [
    ("大前天，不少市民反映路灯不亮", "2024-06-12", [("大前天", "2024-06-09", "2024-06-09", "day", "point")]),
    ("20天后，这批设备将运抵港口", "2024-06-12", [("20天后", "2024-07-02", "2024-07-02", "day", "duration")]),
    ("下周六，市民可到场参观", "2024-06-12", [("下周六", "2024-06-22", "2024-06-22", "day", "point")]),
    ("上周三到这周二，全市气温持续偏高", "2024-06-12",
     [("上周三到这周二", "2024-06-05", "2024-06-11", "day", "point")]),
    ("下周，全市将迎来新一轮降雨", "2024-06-12", [("下周", "2024-06-17", "2024-06-23", "week", "calendar")]),
    ("本月第一个周二，讲座在图书馆开讲", "2024-06-12",
     [("本月第一个周二", "2024-06-04", "2024-06-04", "day", "point")]),
    ("申请人应在60日内补齐材料", "2024-06-12", [("60日内", "2024-06-12", "2024-08-11", "day", "duration")]),
]
CALENDARS = [  # lunar dates, festivals, solar terms, official holiday periods
    ("腊月十八，村里办起了年货大集", "2024-06-12", [("腊月十八", "2024-01-28", "2024-01-28", "day", "calendar")]),
    ("明年农历正月十五，灯会将在老城区举行", "2024-06-12",
     [("明年农历正月十五", "2025-02-12", "2025-02-12", "day", "calendar")]),
    ("中秋节当天，社区为独居老人送去月饼", "2024-06-12",
     [("中秋节当天", "2024-09-17", "2024-09-17", "day", "calendar")]),
    ("今年国庆假期，全市景区接待游客逾千万人次", "2024-10-09",
     [("今年国庆假期", "2024-10-01", "2024-10-07", "day", "calendar")]),
    ("冬至这天，居民们在社区食堂一起包饺子", "2024-12-22", [("冬至", "2024-12-21", "2024-12-21", "day", "calendar")]),
    ("去年春节到元宵节，景区接待游客百万人次", "2024-06-12",
     [("去年春节到元宵节", "2023-01-22", "2023-02-05", "day", "calendar")]),
    ("後天，農曆五月初五端午节", "2024-06-08",
     [("后天", "2024-06-10", "2024-06-10", "day", "point"),
      ("农历五月初五端午节", "2024-06-10", "2024-06-10", "day", "calendar")]),
]
PERIODS = [  # years, quarters, seasons, decades, statistics: reported, marked so events leave them
    ("一季度，全市外贸进出口总值同比增长12%", "2024-04-20",
     [("一季度", "2024-01-01", "2024-03-31", "quarter", "period")]),
    ("今年夏季，全市将新增城市绿道50公里", "2024-04-20",
     [("今年夏季", "2024-05-05", "2024-08-06", "season", "period")]),
    ("上世纪80年代，这里还是一片农田", "2024-04-20",
     [("上世纪80年代", "1980-01-01", "1989-12-31", "decade", "period")]),
    ("今年1—4月，全市规上工业增加值增长8%", "2024-05-20",
     [("今年1—4月", "2024-01-01", "2024-04-30", "month", "period")]),
    ("1985到89年9月，他在部队服役", "2024-04-20", [("1985到89年9月", "1985-01-01", "1989-09-30", "month", "period")]),
]
LISTS = [
    ("9月10号，11号，12号，13号，展馆延长开放时间", "2024-06-12",
     [("9月10号,11号,12号,13号", "2024-09-10", "2024-09-13", "day", "point")]),
    ("2021年4月20日11:00时至2021年4月25日17:00时，系统停机维护", "2021-04-10",
     [("2021年4月20日11:00时至2021年4月25日17:00时", t("2021-04-20T11:00:00"), t("2021-04-25T17:00:00"), "time",
       "point")]),
]
ENGLISH = [
    ("The fair runs from June 15 to 18.", "2024-06-07", [("from June 15 to 18", "2024-06-15", "2024-06-18", "day",
                                                          "point")]),
    ("The board met on Thursday.", "2024-06-07", [("on Thursday", "2024-06-06", "2024-06-06", "day", "point")]),
    ("Applications open in January.", "2024-06-07", [("in January", "2025-01-01", "2025-01-31", "month", "point")]),
]
GROUPS = {"bare-day": BARE_DAYS, "month-day": MONTH_DAYS, "normalized": NORMALIZED, "numeric": NUMERIC,
          "clock": CLOCKS, "relative": RELATIVE, "calendar": CALENDARS, "period": PERIODS, "list": LISTS,
          "english": ENGLISH}
ROWS = [(group, *row) for group, rows in GROUPS.items() for row in rows]


@pytest.mark.parametrize(("group", "sentence", "published", "expected"), ROWS,
                         ids=[f"{row[0]}:{row[1]}" for row in ROWS])
def test_every_time_expression_with_its_precision_and_kind(group, sentence, published, expected):
    found = find_dates(normalize(sentence), dt.date.fromisoformat(published), every_kind=True)
    got = [(m.text, m.interval.start.isoformat(), m.interval.end.isoformat(), m.interval.precision, m.kind.value)
           for m in found]
    assert got == expected


def test_the_event_layer_sees_only_points_and_the_year_parts_it_always_saw():
    text = normalize("一季度，全市外贸增长12%。下周，中秋节前后，5月8日将举办博览会。")
    kinds = {m.kind.value for m in find_dates(text, dt.date(2024, 4, 20))}
    assert kinds == {"point"}


def test_hours_and_minutes_count_from_the_time_of_publication():
    text = normalize("3小时后，救援队抵达现场；一个半小时前，记者赶到")
    found = find_dates(text, dt.date(2024, 6, 12), every_kind=True, now=dt.datetime(2024, 6, 12, 8, 30, tzinfo=TZ))
    assert [(m.text, m.interval.start.isoformat(), m.interval.end.isoformat(), m.kind.value) for m in found] == [
        ("3小时后", "2024-06-12T11:30:00+08:00", "2024-06-12T12:30:00+08:00", "duration"),  # to the hour it counts
        ("一个半小时前", "2024-06-12T06:00:00+08:00", "2024-06-12T07:00:00+08:00", "duration")]
    assert find_dates(text, dt.date(2024, 6, 12), every_kind=True) == []  # a day alone gives no moment


def test_the_command_takes_a_day_or_a_moment():
    runner = CliRunner()
    day = runner.invoke(dates_command, ["3小时后，博览会9日开幕", "--published", "2024-06-07", "--json"])
    assert [json.loads(line)["text"] for line in day.output.splitlines()] == ["9日"]
    moment = runner.invoke(dates_command, ["3小时后，博览会9日开幕", "--published", "2024-06-07T10:00", "--json"])
    assert [json.loads(line) for line in moment.output.splitlines()][0] == {
        "text": "3小时后", "start": "2024-06-07T13:00:00+08:00", "end": "2024-06-07T14:00:00+08:00",
        "precision": "time", "kind": "duration", "cue": "", "rule": "clock-offset"}
    assert runner.invoke(dates_command, ["9日", "--published", "7 June"]).exit_code == 2


def test_a_bare_day_in_chinese_numerals_or_with_hao_before_what_happens_is_a_date():
    from feeds.extract.dates import find_dates

    [day] = find_dates("第八次代表大会十四日上午在北京开幕。", dt.date(2026, 7, 14))
    assert day.interval.start_date == dt.date(2026, 7, 14)
    [day] = find_dates("主席将出席9号在罗马举行的对话会议。", dt.date(2026, 7, 6))
    assert day.interval.start_date == dt.date(2026, 7, 9)
    assert find_dates("他是3号，表现出色。", dt.date(2026, 7, 6)) == []
    assert find_dates("乘坐2号线到达会场。", dt.date(2026, 7, 6)) == []


def test_two_english_weekdays_joined_by_to_or_and_are_one_span():
    [span] = find_dates("The festival was held Thursday to Saturday.", dt.date(2025, 4, 6))
    assert (span.interval.start_date, span.interval.end_date) == (dt.date(2025, 4, 3), dt.date(2025, 4, 5))
    [span] = find_dates("The fair will take place on Saturday and Sunday.", dt.date(2025, 4, 6))
    assert (span.interval.start_date, span.interval.end_date) == (dt.date(2025, 4, 12), dt.date(2025, 4, 13))
    assert len(find_dates("He met them on Monday and Thursday.", dt.date(2025, 4, 6))) == 2


def test_a_sentence_reads_at_most_its_budget_of_dates():
    from feeds.extract.dates import MAX_DATES_PER_SENTENCE

    assert len(find_dates("5日，6日，" * 5000, dt.date(2026, 7, 6))) <= MAX_DATES_PER_SENTENCE
    assert len(find_dates("1日。" * 100, dt.date(2026, 7, 6))) == 100  # one a sentence: all read


def test_the_day_someone_spoke_in_a_clause_of_its_own_is_in_the_paper_s_month():
    dates = find_dates("针对将于7月1日起实施的新规，副部长9日表示，传闻不实。", dt.date(2026, 6, 10))
    assert [d.interval.start_date for d in dates] == [dt.date(2026, 7, 1), dt.date(2026, 6, 9)]
    listed = find_dates("拟于12月26日—30日、1月10日—14日组织企业出访。", dt.date(2022, 12, 15))
    assert [d.interval.start_date for d in listed] == [dt.date(2022, 12, 26), dt.date(2023, 1, 10)]
