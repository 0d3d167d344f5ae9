"""Where sentences and clauses of an article end: the one place every step of extraction splits text.

Dates, events, places and articles all read text sentence by sentence and clause by clause; they
ask this module where the boundaries are, so a change here (a new full stop, quotes) reaches all.
"""

from __future__ import annotations

import bisect
import re

ABBREVIATIONS = ("Ltd", "Co", "Inc", "Corp", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "No", "Gov", "Gen",
                 "Lt", "Col", "Capt", "Rev", "Hon", "vs")
"""`Sands China Ltd. Macau Open`, `Mr. Li`: a full stop that ends a word, not a sentence."""
_AFTER_ABBREVIATION = "|".join(rf"(?<=\b{word})" for word in ABBREVIATIONS)
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{word})" for word in ABBREVIATIONS)
_BULLET = r"-\s?[A-Z]"
"""`…on Friday:- Meetings were held….- The Standing Committee…`: items of a list a crawl ran into one line."""
SENTENCE = re.compile(
    r"(?:[^。！？!?；;\n.:]|:(?!" + _BULLET + r")|\.(?!\s+[A-Z\u4e00-\u9fff(\"“]|[A-Z][a-z]|" + _BULLET + r")"
    r"|(?:" + _AFTER_ABBREVIATION + r")\.)+"
    r"(?:[。！？!?；;]|" + _NOT_AFTER_ABBREVIATION + r"\.(?=\s|[A-Z][a-z]|" + _BULLET + r")|:(?=" + _BULLET + r")"
    r"|(?=\n)|$)")
"""A sentence: up to 。！？；, the end of its line, or a full stop before the next English sentence (even one a
crawl glued on: `…yesterday.According`), a bracketed credit, a quotation (not the one in `Sept. 30`), or a list's
next item (`:- `, `.- `)."""

SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?<=[a-z0-9)”\"’]\.)"
                          + "".join(rf"(?<!\b{word}\.)" for word in ABBREVIATIONS) + r"(?=\s+[A-Z\"“])")
"""The characters that end a Chinese sentence (or a line), and an English full stop before the next sentence (not
`U.S. Agriculture`, `Mr. Li`, `Sept. 15`); what date rules count sentences by."""

TERMINAL_PUNCTUATION = re.compile(r"[。！？!?]")
"""A line holding one of these is running text, not a headline."""

CLAUSE_BREAK = re.compile(r"[，,：]|(?<!\d):|:(?!\d)")
"""Commas and colons part clauses within a sentence; the colon of a clock time (`19:30`) does not."""

CLAUSE_START = re.compile(r"[，,。；;：:！？!?\n]")
"""Any clause or sentence boundary, clock colons included: how far back the words before a date reach."""


QUOTED = re.compile(r"“[^“”\n]{0,60}”|「[^「」\n]{0,60}」|《[^《》\n]{0,60}》")
"""A quotation or a title in book marks: a comma inside `“未来，与你面对面”` parts no clause."""


def clause_breaks(text: str) -> list[tuple[int, int]]:
    """The clause breaks of a sentence as (start, end), leaving out those inside quotes and book titles."""
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    breaks, q = [], 0
    for m in CLAUSE_BREAK.finditer(text):
        while q < len(quoted) and quoted[q][1] <= m.start():
            q += 1
        if q < len(quoted) and quoted[q][0] < m.start():
            continue
        breaks.append((m.start(), m.end()))
    return breaks


def sentence_ends(text: str) -> list[int]:
    """The offsets of every SENTENCE_END in `text`, for `sentence_index`."""
    return [m.start() for m in SENTENCE_END.finditer(text)]


def sentence_index(ends: list[int], position: int) -> int:
    """Which sentence (counted by `sentence_ends`) the character at `position` stands in."""
    return bisect.bisect_right(ends, position)


def clause_start(text: str, position: int, reach: int) -> int:
    """Where the clause holding `position` begins, looking back at most `reach` characters."""
    window = max(0, position - reach)
    return max((m.end() for m in CLAUSE_START.finditer(text, window, position)), default=window)
