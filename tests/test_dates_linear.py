"""The date parser takes time in proportion to its input, even on text made to be hostile.

Issue 18: `1日` × 10,000 took 11 s, `5月1日(` × 8,000 took 37 s (a pass walked every later date for
each date). Each case here doubles an input and asserts the time at most doubles and a bit,
measured as a ratio within one test (best of three runs at each size, so a busy machine does not
decide, and the whole measurement once more if it did), never as a bare time.
"""

import datetime as dt

import pytest
import timing

from feeds.extract.dates import find_dates

HOSTILE = ["1日", "5月1日(", "下午3点，", "农历正月十五，", "2023年，", "12月20日至", "为期十十天", "(周三)"]
UNITS = 3000
LIMIT = timing.DOUBLING_LIMIT


def best_time(text: str, every_kind: bool) -> float:
    return timing.best_time(lambda: find_dates(text, dt.date(2024, 6, 12), every_kind=every_kind))


@pytest.mark.slow
@pytest.mark.parametrize("every_kind", [False, True], ids=["events-view", "every-kind"])
@pytest.mark.parametrize("unit", HOSTILE)
def test_twice_the_text_takes_about_twice_as_long(unit: str, every_kind: bool):
    find_dates(unit * 50, dt.date(2024, 6, 12), every_kind=every_kind)  # warm caches and lazy imports
    for _ in range(2):  # a second measurement only when another process stole the first one's time
        single = best_time(unit * UNITS, every_kind)
        double = best_time(unit * (2 * UNITS), every_kind)
        if double / single <= LIMIT:
            break
    assert double / single <= LIMIT, f"{unit!r}: {single:.3f}s for {UNITS}, {double:.3f}s for {2 * UNITS}"


def test_a_numeral_no_reader_could_read_is_no_error():
    for text in ("5月1日举行，为期十十天", "5月1日举行，为期十一九天", "5月1日举行，为期三十十天"):
        assert [m.interval.start for m in find_dates(text, dt.date(2024, 4, 20))] == [dt.date(2024, 5, 1)]
