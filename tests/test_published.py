"""Publication dates: given, or the dateline's day with the year the page implies."""

import datetime as dt

from feeds.extract.articles import split_articles
from feeds.extract.normalize import normalize
from feeds.extract.published import find_publication_date, infer_year


def published(page: str, given: dt.date | None = None):
    page = normalize(page)
    return find_publication_date(split_articles(page)[0], page, given)


def test_a_given_date_wins_over_a_dateline_that_is_not_just_before_it():
    assert (published("本报3月4日讯 4日上午,会议召开。", dt.date(2024, 3, 4)).method) == "given"
    p = published("本报2月20日讯 会议召开。", dt.date(2024, 3, 5))  # a reprint, weeks later
    assert (p.date, p.method) == (dt.date(2024, 3, 5), "given")


def test_a_report_filed_the_day_before_the_given_date_counts_from_its_filing_day():
    """`本报3月4日讯 今天上午…` in the paper of the 5th: `今天` is the 4th (issue 13, English wires likewise)."""
    p = published("本报3月4日讯 今天上午,会议召开。", dt.date(2024, 3, 5))
    assert (p.date, p.method) == (dt.date(2024, 3, 4), "dateline")
    p = published("BEIJING, March 4 (Xinhua) -- The forum opened on Monday.", dt.date(2024, 3, 5))
    assert p.date == dt.date(2024, 3, 4)


def test_the_dateline_gives_the_day_and_the_text_the_year():
    p = published("本报3月4日讯 4日上午,全市组织部长会议召开,总结2023年工作,部署2024年任务。")
    assert (p.date, p.method) == (dt.date(2024, 3, 4), "dateline")


def test_a_plan_period_and_a_target_do_not_set_the_year():
    assert infer_year("《实施方案(2023—2025年)》发布,到2025年实现全覆盖,2022年工作总结。", "") == 2022


def test_a_year_with_no_day_still_resolves_今年():
    p = published("今年5月,双星在展览会上发布新品。《数字青岛2023年行动方案》评估结果通报。")
    assert (p.date, p.year, p.method) == (None, 2023, "inferred")


def test_a_dateline_on_29_february_picks_a_leap_year():
    p = published("本报2月29日讯 2023年工作总结会召开。")
    assert p.date == dt.date(2024, 2, 29)


def test_nothing_known_means_unknown():
    p = published("会议指出,要加快数字化转型。")
    assert (p.date, p.year, p.method) == (None, None, "unknown")


def test_the_masthead_dates_every_article_of_its_page():
    p = published("青岛早报 2025年6月11日 星期三 A04 城事\n\n早报6月11日讯 今天,2026年工作部署会召开。")
    assert (p.date, p.method) == (dt.date(2025, 6, 11), "page")


def test_an_english_wire_page_is_dated_by_its_update_line():
    p = published("Xinhua | Updated: 2025-09-08 16:42\n\nQINGDAO, Sept. 8 (Xinhua) -- The expo opens on Wednesday.")
    assert p.date == dt.date(2025, 9, 8)
