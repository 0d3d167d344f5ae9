"""Newspaper text as the parser needs it: NFKC, simplified characters, OCR breaks and spaces joined."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..scripts import convert, simplified

CJK = r"\u3400-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\u2018-\u201f\u2014\u2026\uff01-\uff65《》“”‘’、。"
TERMINAL = "。！？!?…”」』》)）】:;."
"""A line that ends with one of these ends a sentence or a clause that may stand alone."""

MARKERS = ("□", "■", "●", "◆", "▲", "#", "(", "（", "本报", "早报", "新华社", "记者")
"""Paragraphs that start with these begin something new (byline, headline, dateline, caption)."""

SPACE_INSIDE_CHINESE = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}0-9])[ \t\u00a0\u3000]+(?=[{CJK}{CJK_PUNCT}])"
                                  rf"|(?<=[{CJK}{CJK_PUNCT}])[ \t\u00a0\u3000]+(?=[0-9])")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufff9-\ufffb"
                     r"\ud800-\udfff]")
"""Control and invisible formatting characters, and lone surrogates (no character; OpenCC cannot encode them):
never content, sometimes an attack on the reader."""
LABELLED_LINE = re.compile(r"^(?:时间|日期|地点|地址|场馆|票价|主办|承办|主讲|嘉宾|报名|预约|咨询|电话|联系人|"
                           r"看点|内容|主题|"
                           r"对象|费用|截止时间|活动时间|活动地点|举办时间|举办地点"
                           r"|Date|Dates|When|Time|Times|Place|Location|Where|Venue|Speaker|Cost|Tickets)\s*[:：]")
"""A listing's labelled line (`时间：9月30日`, `地点：…`, `Date: Wednesday, April 18`) keeps its own line: it is no
continuation."""
ENUMERATED = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d))")
"""`（一）首场…`, `二、参会对象`, `3.`: the numbered parts of a notice each begin anew."""
MARKDOWN_MARKS = re.compile(r"^[ \t]*(?:[*+•]|-(?!-))[ \t]+|<!--.*?-->|^\*\*[^*\n]*\*\*[ \t]*$|\*\*", re.MULTILINE)
"""A list item's bullet (`* 时间：…`, `• Date: …`), HTML comments (`<!--more-->`) and bold stars inside a line
(`时间：**8月21日**`): the marks of Markdown and blog posts, no words of the text (a bullet would make its labelled
line a headline). A line bold from end to end stays as it is: it stands apart, as a heading or a dateline."""


def _unmarked(mark: re.Match) -> str:
    return mark.group(0) if mark.group(0).startswith("**") and len(mark.group(0)) > 2 else ""
HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")
"""`B&amp;R`, `&#39;`: markup a crawl left in its text; only whole references, so `AT&T` and `&notice` stay."""
BLANK_LINES = re.compile(r"\n[ \t]*\n[\s]*")
LATIN_END = re.compile(r"[A-Za-z0-9,.;:'\"!?%)\]-]$")
LATIN_START = re.compile(r"^[A-Za-z0-9(\"']")


def to_simplified(text: str) -> str:
    """Traditional characters to simplified, only when the text is written in traditional.

    A sample from the body decides (a masthead may be simplified on a traditional page), so a
    simplified page, the common case, is not converted at all."""
    if not _reads_traditional(text[len(text) // 4:len(text) // 4 + 4000]):
        return text
    return simplified(text)  # one for one: a length change would break offsets


@dataclass(frozen=True)
class ScriptMap:
    """How the page printed what it is read as: matching runs on simplified text, and what is shown
    (titles, places, evidence, the article) goes back to the characters as printed."""

    page: str
    """The normalized page, in simplified characters."""
    printed: str
    """The same page, character for character, as printed."""
    characters: dict[str, str]
    """For text made up by the rules (`…新闻发布会`, `…截止`): the printed form the page uses most per character."""

    def restore(self, text: str) -> str:
        """`text` as the page printed it: from where it stands in the page, else character by character."""
        return self._restored(text, 0)[0]

    def restore_chars(self, text: str) -> str:
        """`text` character by character (for words the rules made up, which the page does not hold)."""
        return "".join(self.characters.get(ch, ch) for ch in text)

    def restore_block(self, text: str) -> str:
        """A body made of the page's paragraphs, in page order: each is looked for after the one before, so
        the page is read once however many paragraphs it has."""
        pieces, position = [], 0
        for piece in text.split("\n\n"):
            restored, position = self._restored(piece, position)
            pieces.append(restored)
        return "\n\n".join(pieces)

    def _restored(self, text: str, start: int) -> tuple[str, int]:
        at = self.page.find(text, start) if text else -1
        if at < 0:
            return self.restore_chars(text), start
        return self.printed[at:at + len(text)], at + len(text)


def script_map(page: str, printed: str, simplified: str) -> ScriptMap | None:
    """The way back from the normalized `page` to the characters `printed` (before `simplified`, its
    one-for-one conversion, was joined into `page`); None for a page printed in simplified characters."""
    if printed == simplified:
        return None
    seen: dict[str, Counter] = {}
    for original, plain in zip(printed, simplified, strict=True):
        seen.setdefault(plain, Counter())[original] += 1  # unchanged ones count too: 周 may stay 周 or be 週
    characters = {plain: counts.most_common(1)[0][0] for plain, counts in seen.items()
                  if counts.most_common(1)[0][0] != plain}
    return ScriptMap(page, _aligned(page, printed, simplified, characters), characters)


def _aligned(page: str, printed: str, simplified: str, characters: dict[str, str]) -> str:
    """`page` in printed characters: joining lines only drops or adds white space, so one walk aligns them."""
    out, j = [], 0
    for ch in page:
        while j < len(simplified) and simplified[j] != ch and simplified[j].isspace():
            j += 1  # white space the joining dropped
        if j < len(simplified) and simplified[j] == ch:
            out.append(printed[j])
            j += 1
        else:
            out.append(characters.get(ch, ch))  # white space the joining added
    return "".join(out)


def _reads_traditional(sample: str) -> bool:
    converted = convert(sample, "t2s")
    if len(converted) != len(sample):
        return False
    changed = sum(1 for a, b in zip(sample, converted, strict=True) if a != b)
    cjk = len(re.findall(rf"[{CJK}]", sample))
    return bool(cjk) and changed / cjk > 0.02


def normalize(text: str) -> str:
    """Unicode NFKC, simplified Chinese, paragraphs rejoined where OCR or layout broke them."""
    return normalize_page(text)[0]


def normalize_page(text: str) -> tuple[str, ScriptMap | None]:
    """`normalize(text)`, and the way back to the page's own characters when it was printed in traditional."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = CONTROL.sub("", HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text))
    text = MARKDOWN_MARKS.sub(_unmarked, text)
    if INLINE_LABEL.search(text):  # before the script is changed: the page's and the simplified text stay aligned
        text = "\n".join(_labels_apart(line) for line in text.split("\n"))
    simplified = to_simplified(text)
    paragraphs = [_join_lines(p) for p in BLANK_LINES.split(simplified.strip())]
    page = "\n\n".join(_join_paragraphs([p for p in paragraphs if p]))
    return page, script_map(page, text, simplified)


INLINE_LABEL = re.compile(r"(?:活[动動]|[举舉][办辦]|[会會][议議]|[报報]名|截止)?(?:[时時][间間]|日期|地[点點]|地址)"
                          r"\s*[:：]|主[题題]\s*[:：]")
"""`記者會主題：「…」時間：11月28日上午9:30地點：市議會…`: a notice's labels run into one line (either script)."""


def _labels_apart(line: str) -> str:
    """A line holding two labels or more, cut before each: every label then keeps its own line (LABELLED_LINE)."""
    cuts = [m.start() for m in INLINE_LABEL.finditer(line)]
    if len(cuts) < 2:
        return line
    pieces = [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return "\n".join(piece for piece in pieces if piece)


@dataclass
class _OpenLine:
    """The output line being joined: its words while it may still be a headline (a longer one is read only at
    its ends, so joining a paragraph of many lines stays linear), and whether the text before it ended a
    sentence."""

    head: str
    """The whole line while it is at most SHORT_LINE long, else its first SHORT_LINE + 1 characters."""
    length: int
    tail: str
    after_a_sentence: bool

    @classmethod
    def starting(cls, line: str, after_a_sentence: bool) -> _OpenLine:
        return cls(line[:SHORT_LINE + 1], len(line), line[-1:], after_a_sentence)

    def add(self, piece: str) -> None:
        if self.length <= SHORT_LINE:
            self.head = (self.head + piece)[:SHORT_LINE + 1]
        self.length += len(piece)
        self.tail = piece[-1:] or self.tail


SHORT_LINE = ENGLISH_HEADLINE_LENGTH = 160
"""The longest line a headline rule looks at (an English headline); what is longer is running text."""
NOT_LATIN = re.compile(rf"[\u2e80-\u303f{CJK}\uff00-\uffef]")
"""Chinese characters and full-width signs: what English text has none of."""


def is_latin(text: str) -> bool:
    """Text in Latin script: no Chinese character or full-width sign (curly quotes and dashes are English too)."""
    return not NOT_LATIN.search(text)


DATE_STAMP = re.compile(r"^(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日)"
                        r"(?:\s*(?:星期|周)[一二三四五六日天])?$")
"""`2026-03-29`, `2026年3月29日 星期日`: a line that only dates the page or the article, never part of a sentence."""


def _join_lines(paragraph: str) -> str:
    """Lines of one paragraph joined, except after a byline or before a marker line."""
    lines = [line.strip() for line in paragraph.split("\n")]
    headings = not any(p in paragraph for p in "。！？!?")
    out = [lines[0]]
    last = _OpenLine.starting(lines[0], True)
    for k, line in enumerate(lines[1:], start=1):
        if not line:
            continue
        following = lines[k + 1] if k + 1 < len(lines) else ""
        ends_sentence = last.tail in TERMINAL
        if (last.head.startswith(("□", "#")) or line.startswith(("□", "■", "●", "#")) or _is_dateline_start(line)
                or DATE_STAMP.match(line) or (last.length == len(last.head) and DATE_STAMP.match(last.head))
                or LABELLED_LINE.match(line) or ENUMERATED.match(line)
                or (headings and _is_heading(last.head) and _is_heading(line) and last.length + len(line) > 32)
                or _heads_paragraph(last.after_a_sentence, last.head, line)  # a headline over its paragraph,
                or (ends_sentence and following and _heads_paragraph(True, line, following))):  # or a subheading
            out.append("\n" + line)  # (and a headline over its subheadline)
            last = _OpenLine.starting(line, ends_sentence)
        else:
            glued = ("" if _split_word(out[-1], line) else _glue(last.tail, line)) + line
            out.append(glued)
            last.add(glued)
    return SPACE_INSIDE_CHINESE.sub("", "".join(out))


def _heads_paragraph(after_a_sentence: bool, last: str, line: str) -> bool:
    """`港口开放迈出新步伐（经济观察）` over a paragraph far longer than it: a headline on its own line, not a
    line the layout broke (broken lines run the column's width and the text before them has no sentence end)."""
    if not after_a_sentence or _holds_a_sentence(last) \
            or len(last) > (ENGLISH_HEADLINE_LENGTH if is_latin(last) else HEADLINE_LENGTH):
        return False
    if _title_case(last):
        return _holds_a_sentence(line)
    return bool(COLUMN_TAG.search(last)) or (len(line) >= max(HEADLINE_LENGTH, HEADED_PARAGRAPH_RATIO * len(last))
                                             and _holds_a_sentence(line))


def _title_case(line: str) -> bool:
    words = ENGLISH_WORD.findall(line) if is_latin(line) else []
    return len(words) >= 4 and len(TITLE_CASE_WORD.findall(line)) >= TITLE_CASE_SHARE * len(words)


def _holds_a_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text) or ENGLISH_SENTENCE_END.search(text))


SENTENCE_END = re.compile(r"[。！？!?]")
ENGLISH_SENTENCE_END = re.compile(r"(?<![A-Z])(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<=[a-z0-9)”\"’])[.](?=\s|$|[A-Z])")
"""`…said on Tuesday. `, `…Super 300.` (not the stop of `U.S.`, `Mr.` or `Nov.`): a line that holds a whole English
sentence."""
TITLE_CASE_WORD = re.compile(r"\b[A-Z0-9][\w'’-]*")
ENGLISH_WORD = re.compile(r"\b[A-Za-z0-9][\w'’-]*")
TITLE_CASE_SHARE = 0.6
"""An English line whose words are mostly capitalized (`Macao Scholar Participates as Member of …`) is a headline."""
COLUMN_TAG = re.compile(r"[(（][^()（）]{1,12}[)）]$")
"""`（经济观察）`, `（社论）`: the column a headline belongs to ends it."""
HEADLINE_LENGTH = 48
HEADED_PARAGRAPH_RATIO = 1.5
"""A paragraph under a headline is at least this many times the headline's length."""


def _join_paragraphs(paragraphs: list[str]) -> list[str]:
    """A paragraph that stops mid-sentence continues in the next one (a page or column break); a subheading
    over a long paragraph does not."""
    out: list[str] = []
    for p in paragraphs:
        if (out and _stops_mid_sentence(out[-1]) and not p.startswith(MARKERS) and not _is_dateline_start(p)
                and not ENUMERATED.match(p)
                and not _heads_paragraph(len(out) < 2 or _ends_a_sentence(out[-2]), out[-1], p)):
            out[-1] = SPACE_INSIDE_CHINESE.sub("", out[-1] + _glue(out[-1], p) + p)
        else:
            out.append(p)
    return out


def _ends_a_sentence(text: str) -> bool:
    """Whether the paragraph ends a sentence, white space aside (read back from its end, not copied)."""
    end = len(text)
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end == 0 or text[end - 1] in TERMINAL


MENDED_WORDS = frozenset({
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "tomorrow", "tonight", "weekend", "morning", "afternoon", "evening", "championship", "championships",
    "conference", "festival", "exhibition", "exposition", "tournament", "competition", "symposium", "convention",
    "seminar", "workshop", "lecture", "ceremony", "celebration", "commencement", "inauguration", "marathon",
    "regatta", "carnival", "concert", "summit", "forum"
})
"""English words a scanned page may break at a line's end with no hyphen (`Champi` / `onship`): the words of dates
and of events' names, mended where the two halves make one of them (a dictionary of the rest would be needed to tell
`ten` / `nis` from `the` / `Omni`)."""
LAST_LATIN_WORD = re.compile(r"[A-Za-z]+$")
FIRST_LOWER_WORD = re.compile(r"[a-z]+")


def _split_word(left: str, right: str) -> bool:
    """`…National Indoor Champi` then `onship in Ann Arbor`: one word the line's end broke."""
    if not (left[-1:].isascii() and left[-1:].isalpha() and right[:1].islower() and right[:1].isascii()):
        return False  # most joins (Chinese lines, a word's end before a capital) are decided by two characters
    tail, head = LAST_LATIN_WORD.search(left), FIRST_LOWER_WORD.match(right)
    return bool(tail and head) and (tail.group(0) + head.group(0)).lower() in MENDED_WORDS


def _glue(left: str, right: str) -> str:
    return " " if LATIN_END.search(left) and LATIN_START.search(right) else ""


def _stops_mid_sentence(paragraph: str) -> bool:
    last_line = paragraph.rsplit("\n", 1)[-1]
    if last_line.startswith(("□", "#")) or last_line.endswith(tuple(TERMINAL)):
        return False
    return any(p in last_line for p in ",，。、;；") or len(last_line) > 40 or _is_dateline_start(last_line)


def _is_heading(line: str) -> bool:
    return len(line) <= 40 and not any(p in line for p in "。,，;；")


WIRE_AGENCIES = r"CNA|Xinhua|AP|AFP|Reuters|KCNA|Yonhap|Kyodo|Bernama|PTI|IANS|ANI|TASS|Antara|VNA|PNA"
"""News agencies whose bracketed name follows an English dateline (`Taipei, May 6 (CNA)`)."""
DATELINE_START = re.compile(r"^(?:本报|早报|晚报|新华社|中新社|人民网|央视网)[^\s,，。]{0,12}?[讯电]"
                            r"|^[A-Z][A-Z .]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\("
                            r"|^[A-Z][A-Z .]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+(?:-|--|—|–)\s"
                            rf"|^[A-Z][A-Za-z .]{{1,30}},\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s*\((?:{WIRE_AGENCIES})\)")
"""`本报12月15日讯`, `BEIJING, Nov. 17 (Xinhua)`, `Pyongyang, October 15 (KCNA) --`, `TOKYO, March 4 - `: a line that
opens a report."""


def _is_dateline_start(line: str) -> bool:
    return bool(DATELINE_START.match(line))
