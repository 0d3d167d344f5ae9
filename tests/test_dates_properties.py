"""Properties of the date parser on any text: it never raises, intervals run forward, answers are stable.

Also checked on every match: the precision is known, timed bounds are aware Beijing datetimes and
day bounds are dates, the matched text is the span it claims, and matches come in text order.

Two kinds of input: arbitrary Unicode, and text drawn from the grammar's own alphabet (digits, 年月日,
range marks, parts of the day and month, weekdays, clock marks, parentheses) so that most examples
are near-dates that walk through the grammar's corners.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feeds.extract.dates import find_dates
from feeds.extract.normalize import normalize
from feeds.models import DATE_PRECISIONS, PRECISIONS, TZ, DateKind, DateMatch

pytestmark = pytest.mark.slow

DATEISH = (
    "0123456789年月日号至到—-~上下中旬初底末周今明后天昨前晚早点时分半:（）() ,，。"
    "今年本下个次当同凌晨午星期一二三四五六十〇起截止将于"
)
"""Characters of the grammar, with a few cue words' characters."""

WORDS = ["12月", "2023年", "农历正月十五", "腊月廿三", "中秋节", "国庆假期", "冬至", "一季度", "上世纪80年代",
         "今年夏季", "下周", "第3周", "20天后", "近30天", "60日内", "晚上十一点", "13:20~次日05:40", "九点零九",
         "15年", "零七年", "6·30", "20240307", "十十天", "为期十一九天",
         "5月8日", "至", "—", "上午", "下午3点半", "9:00", "（周三）", "下旬", "月底", "本周三",
         "下月", "明年", "即日起", "截至", "前", "为期三天", "开幕", "闭幕", "将于", "召开", "2月29日", "当晚",
         "次日凌晨2时", "、", "，", "。", "on March 5, 2024", "from June 15 to 18", "Nov 29-30", "next Monday"]
"""Whole pieces of the grammar, to be strung together in any order."""

PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)))
YEARS = st.one_of(st.none(), st.integers(min_value=1990, max_value=2090))

FAST = settings(max_examples=150, deadline=dt.timedelta(milliseconds=800),
                suppress_health_check=[HealthCheck.too_slow])

# The first call loads OpenCC and dateparser's language data: not something a deadline should time.
find_dates(normalize("本报12月15日讯 今天上午，會議將於5月8日（周三）舉行 on March 5, 2024"), dt.date(2022, 12, 15))


def dateish_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(alphabet=DATEISH, max_size=60),
        st.lists(st.sampled_from(WORDS), max_size=12).map("".join),
        st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=DATEISH, max_size=4)), max_size=10).map("".join),
    )


def check(matches: list[DateMatch], text: str) -> None:
    for m in matches:
        interval = m.interval
        assert interval.precision in (PRECISIONS if m.kind is DateKind.POINT else DATE_PRECISIONS), (m, text)
        timed = interval.precision == "time"
        for value in (interval.start, interval.end):
            assert isinstance(value, dt.datetime) == timed, (m, text)
            if timed:  # Beijing time (its offset was +09:00 in the summers of 1986–1991)
                assert value.tzinfo == TZ, (m, text)
        assert interval.start <= interval.end, (m, text)
        assert 0 <= m.start <= m.end <= len(text), (m, text)
        assert text[m.start:m.end] == m.text, (m, text)  # the evidence an event shows
        m.as_json()
    assert [m.start for m in matches] == sorted(m.start for m in matches), text


def answer(text: str, published: dt.date | None, year: int | None) -> list[dict]:
    return [m.as_json() | {"span": (m.start, m.end), "cue": m.cue} for m in find_dates(text, published, year)]


@FAST
@given(text=st.text(max_size=200), published=PUBLISHED, year=YEARS)
def test_never_raises_on_any_text(text: str, published: dt.date | None, year: int | None):
    check(find_dates(text, published, year), text)
    normalized = normalize(text)
    check(find_dates(normalized, published, year), normalized)
    check(find_dates(normalized, published, year, every_kind=True), normalized)


@FAST
@given(text=dateish_text(), published=PUBLISHED, year=YEARS)
def test_never_raises_on_date_like_text_and_intervals_run_forward(text: str, published: dt.date | None,
                                                                 year: int | None):
    normalized = normalize(text)
    check(find_dates(normalized, published, year), normalized)
    check(find_dates(text, published, year), text)
    check(find_dates(normalized, published, year, every_kind=True), normalized)


@FAST
@given(text=dateish_text(), published=PUBLISHED, year=YEARS)
def test_same_input_same_output(text: str, published: dt.date | None, year: int | None):
    normalized = normalize(text)
    assert normalize(text) == normalized
    first = answer(normalized, published, year)
    assert answer(normalized, published, year) == first
    find_dates(normalize(text + "。另据了解，明年3月将举办"), published, year)  # other text in between
    assert answer(normalized, published, year) == first
