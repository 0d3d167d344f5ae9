"""The calendar's own line folding gives exactly icalendar's bytes, only faster (issue 8)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar
from icalendar.parser.content_line import Contentline
from sample_events import fill

from feeds import store
from feeds.models import Selection
from feeds.present import ics

LINE_TEXT = st.text(
    alphabet=st.sampled_from(list("ab;:,\\^\"é中文字符展览会😀 \t")) | st.characters(blacklist_categories=("Cs",),
                                                                                blacklist_characters="\r\n"),
    max_size=400,
)


@given(LINE_TEXT)
def test_fold_matches_icalendar(line):
    assert ics.fold(line) == Contentline(line).to_ical()


def test_folded_lines_stay_within_75_octets():
    folded = ics.fold("依据：" + "青岛国际啤酒博览会\\" * 40)
    assert all(len(part) <= 75 for part in folded.split(b"\r\n"))


def test_calendar_bytes_equal_icalendar_serialization(db):
    fill(db)
    events = store.query_events(db, Selection())
    body = ics.render_calendar(events, name="全部", description="说明", url="http://x/calendar.ics",
                               base_url="http://x/")
    parsed = Calendar.from_ical(body)
    assert parsed.to_ical() == body
