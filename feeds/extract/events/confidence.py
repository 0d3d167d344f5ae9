"""How sure an event's date is: the flags a reader would raise, from the date's words and its clause."""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Article, DateMatch, Event, EventFlag

TENTATIVE_BEFORE = re.compile(r"(?:初步|暂|拟|计划|预计|有望)(?:定于|于|在|将)?\s*$")
"""`拟于5月`, `初步定于…`, `暂定…`: a plan's date."""
TENTATIVE_AFTER = re.compile(r"^\s*(?:前后|左右)")
UNDECIDED = re.compile(r"具体(?:日期|时间)(?:另行|待定)")
"""`具体日期待定` makes any date of its sentence a plan's."""
WRITTEN_YEAR = re.compile(r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}|\d{2}年|年")
RELATIVE_WORDS = re.compile(r"今|明|昨|即日|前天|后天|本周|下周|上周|本月|下月|上月|次日|当天|当日|同日|"
                            r"\b(?:today|tomorrow|yesterday|next|last|this)\b"
                            r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.I)
BARE_DAY = re.compile(r"^\s*\d{1,2}\s*[日号]|^\s*[一二三十]{1,3}[日号]")


def date_flags(sentence_text: str, offset: int, date: DateMatch) -> tuple[EventFlag, ...]:
    """The flags of an event on `date`, which stands at `offset` in its sentence."""
    flags = []
    before = sentence_text[max(0, offset - 8):offset]
    after = sentence_text[offset + len(date.text):offset + len(date.text) + 4]
    if TENTATIVE_BEFORE.search(before) or TENTATIVE_AFTER.match(after) or UNDECIDED.search(sentence_text):
        flags.append(EventFlag.TENTATIVE)
    if RELATIVE_WORDS.search(date.text) or BARE_DAY.match(date.text):
        flags.append(EventFlag.RELATIVE)
    elif not WRITTEN_YEAR.search(date.text):
        flags.append(EventFlag.YEAR_INFERRED)
    if date.interval.precision == "month":
        flags.append(EventFlag.MONTH_ONLY)
    return tuple(flags)


def publication_doubt(events: list[Event], article: Article) -> list[Event]:
    """Dates counted from a publication date the page did not print are less sure still."""
    if article.published.method != "inferred":
        return events
    counted = (EventFlag.RELATIVE, EventFlag.YEAR_INFERRED)
    return [replace(e, flags=(*e.flags, EventFlag.PUBLICATION_INFERRED)) if any(f in e.flags for f in counted)
            else e for e in events]
