"""A newspaper page split into articles: headline(s), byline, dateline, body.

Page layouts differ: headlines stand above the byline, or (in PDF text of a page)
below the body they belong to; bylines come before or after the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Article
from .normalize import DATE_STAMP, ENGLISH_HEADLINE_LENGTH, ENUMERATED, is_latin
from .published import PAGE_HEADER
from .sentences import TERMINAL_PUNCTUATION

NEWS_AGENCIES = (r"新华社|中新社|中新网|新华网|人民网|央视网|中广网|央广网|国际在线|中国日报网|环球网|澎湃新闻|凤凰网|"
                 r"本报|本刊")
PORTALS = r"(?:新浪|搜狐|网易|腾讯)[\u4e00-\u9fff]{0,2}"
"""`新浪娱乐讯`: a portal's channel, right before its 讯 (`腾讯公司发布新款电脑` is no dateline)."""
AGENCIES = NEWS_AGENCIES + "|" + PORTALS
DATELINE = re.compile(
    r"""^(?:
        (?:""" + NEWS_AGENCIES + r"""|早报|晚报|大众日报|青岛日报)   # the paper or agency
        [^\s,，。:：]{0,12}?(?:\d{1,2}月\d{1,2}日)?[^\s,，。]{0,6}?(?:[讯电]|消息)   # place, date, 讯, 电 or 消息
      | """ + PORTALS + r"""讯
      | [^\s,，。:：]{2,12}讯\s*\d{1,2}月\d{1,2}日(?:早间|上午|中午|下午|晚间|晚)?消息   # C114讯 4月21日下午消息
      | (?:""" + AGENCIES + r""")[^\s,，。:：]{0,12}?\d{1,2}月\d{1,2}日(?:报道|消息)[:：]   # 网易体育11月29日报道：
      | [(（【][^()（）【】\n]{0,20}?报讯[)）】]                              # （青岛日报讯）【大公报讯】
      | [(（【〔\[](?:记者|通讯员|特派员)[^()（）【】〔〕\[\]\n]{1,30}?报[导道][)）】〕\]]   # 〔记者陈怡君/高雄报导〕
      | [A-Z][A-Za-z .]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\(\w+\))?\s*(?:--|—|–|-(?=\s))  # QINGDAO, March 5 --
      | [A-Z][A-Za-z .]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\((?:CNA|Xinhua|AP|AFP|Reuters)\)  # Taipei, May 6 (CNA)
      | [A-Z][A-Za-z .'-]{1,30},\s+(?:[A-Z][A-Za-z .]{1,20},\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}
        \s*(?:/[^/\n]{2,30}/|\([A-Z][A-Za-z -]{2,30}\))?\s*(?:--|—|–|-(?=\s))   # MIAMI, FL, May 2, 2025 /PRNewswire/ --
    )\s*
    (?:[(（](?:记者|通讯员)[^()（）\n]{1,20}[)）]\s*)?   # （记者丁怡婷）: the reporters, part of the dateline
    """,
    re.VERBOSE,
)
INLINE_DATELINE = re.compile(
    r"[【(（][^()（）【】\n]{0,20}?报讯[】)）]\s*|"
    rf"(?:{AGENCIES})(?:[\u4e00-\u9fff]{{2,8}}?)?"
    r"(?:(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三十][一二三四五六七八九十]?)日)?(?:[讯电]|消息)"
    r"|\d{1,2}月\d{1,2}日(?:报道|消息)[:：])"
    r"(?:\s*[(（](?:记者|通讯员)[^()（）]{1,20}[)）])?\s*")
"""A dateline inside a run-on line (`…进口设限新华社北京7月2日电 (记者雷敏) 针对…`): the headline stands before it."""
INLINE_DATELINE_REACH = 80
"""How far into its line a dateline may stand; a headline is not longer."""
HEADLINE_BEFORE_LEAD_DATE = re.compile(
    r"^(?P<headline>[^，,。；;：:！？!?\s]{6,40}?(?<![于在至到从自将已的是为和与及、截止年\d]))"
    r"(?P<lead>(?:今天|昨天|明天|今日|昨日)?[(（]?(?:\d{4}年)?\d{1,2}月\d{1,2}日[)）]?(?:上午|下午|晚上|晚)?[，,])")
"""`第七届…论坛开幕今天(11月5日)，第七届…`: a headline the page ran into the lead date of its body."""
GLUED_ITEM = re.compile(r"(?<=[。！？!?])(?=" + HEADLINE_BEFORE_LEAD_DATE.pattern.removeprefix("^") + ")")
"""Where a run-on line of news items (`…。下一条的标题今天(11月5日)，…`) begins its next item."""
LEAD_DATE = re.compile(r"^(?:(?:今天|昨天|明天|今日|昨日)?[(（]?(?:\d{4}年)?\d{1,2}月\d{1,2}日[)）]?"
                       r"|今天|昨天|明天|今日|昨日)(?:上午|下午|晚上|晚|凌晨|早上)?(?:\d{1,2}[:：]\d{2}|\d{1,2}时(?:\d{1,2}分)?)?[，,]")
"""`11月29日上午7：30，…`: a line that opens on its date and a comma begins a paragraph, however short (a crawl
that dropped a link's words cut it off)."""
BYLINE = re.compile(r"^(?:□|\(?(?:本报)?(?:记者|通讯员)[^。，,()（）]{1,30}报道\)?$|通讯员[^。，,]{1,12}$)")
PULL_QUOTE = ("■", "▲", "◆")
"""Pull quotes and captions repeat the article or describe a photo: not part of any body."""
PULL_QUOTE_SENTENCES = 2
"""A bulleted line of this many sentences or more is a paragraph the page marked (`■本报提醒 …。…。`), not a quote."""
SECTION_NAMES = {"要闻", "综合", "经济", "城事", "国际", "国内", "时评", "专题", "视觉", "广告"}


@dataclass
class _Draft:
    headings: list[str] = field(default_factory=list)
    byline: str = ""
    dateline: str = ""
    body: list[str] = field(default_factory=list)
    marked: bool = False
    """Its headings were marked up (`#`), so they certainly stand above the article."""

    def article(self) -> Article:
        heads = [h for h in self.headings if h]
        headline = heads[0] if heads else _first_sentence(self.body)
        return Article(
            headline=headline,
            subheadlines=heads[1:],
            byline=self.byline,
            dateline=self.dateline,
            body="\n\n".join(self.body),
        )


def split_articles(page: str) -> list[Article]:
    """Articles of a normalized page, in page order; a page with no structure is one article."""
    drafts: list[_Draft] = [_Draft()]
    pending: list[str] = []  # headings not yet given to an article
    pending_marked = False

    def start_new(byline_follows: bool = False) -> _Draft:
        nonlocal pending, pending_marked
        current = drafts[-1]
        if pending and current.body and not current.headings and not pending_marked \
                and (current.byline or not byline_follows):
            current.headings, pending = pending, []  # headline printed below its article (on a page laid out so:
            # a heading over a byline belongs to the next article, unless the article before began with its byline)
        draft = _Draft(headings=pending, marked=pending_marked)
        pending, pending_marked = [], False
        drafts.append(draft)
        return draft

    for block in page.split("\n\n"):
        for line in _lines(block):
            current = drafts[-1]
            kind = _classify(line)
            if kind in ("section", "quote"):
                continue
            if kind == "heading":
                if current.body and current.headings and not pending and _continues_body(current, line):
                    current.body.append(line)
                    continue
                pending.append(line.lstrip("#").strip())
                pending_marked = pending_marked or line.startswith("#")
            elif kind == "byline":
                if current.body or current.byline or pending:
                    current = start_new(byline_follows=True)
                current.byline = line
            else:
                glued = HEADLINE_BEFORE_LEAD_DATE.match(line)
                if glued and not pending and not current.dateline:
                    if current.body:
                        current = start_new()
                    current.headings.append(glued.group("headline"))
                    line = line[glued.start("lead"):]
                inline = INLINE_DATELINE.search(line, 1, INLINE_DATELINE_REACH)
                if inline and not TERMINAL_PUNCTUATION.search(line, 0, inline.start()) \
                        and not current.body and not current.dateline:
                    pending.append(line[:inline.start()].strip())  # the headline the page ran into the dateline
                    line = line[inline.start():]
                    dateline = INLINE_DATELINE.match(line)
                else:
                    dateline = DATELINE.match(line)
                if dateline:
                    if current.body or current.dateline:
                        current = start_new()
                    elif pending:
                        current.headings += pending
                        pending = []
                    current.dateline = dateline.group(0).strip()
                    line = line[dateline.end():]
                elif pending:
                    if not current.body:
                        current.headings += pending
                    elif len(pending) == 1 and not pending_marked and _stands_apart(pending[0], line):
                        current.body.append(pending[0])  # a heading over its paragraph or listing
                    elif len(pending) == 1 and not pending_marked:
                        line = pending[0] + line  # a line cut off by the layout
                    else:
                        current = start_new()
                    pending, pending_marked = [], False
                if line:
                    current.body.append(line)
    if pending:
        drafts[-1].headings += pending if not drafts[-1].headings else []
    articles = [d.article() for d in drafts if d.body]
    if not articles:  # a headline-only item (a feed's title, a one-line notice): read it as the article
        lines = [h for d in drafts for h in d.headings if h] + pending
        if lines:
            articles = [Article(headline=lines[0], body="\n\n".join(lines))]
    return articles


def _lines(block: str) -> list[str]:
    """The block's lines, a run-on line of news items cut where each item's headline begins."""
    return [piece.strip() for line in block.split("\n") for piece in _items(line) if piece.strip()]


def _items(line: str) -> list[str]:
    bracketed = BRACKETED_HEADLINE.match(line)
    if bracketed:  # `【北京：#…#】16日，…`: a social-media post's headline in brackets, then its body
        return [bracketed.group("headline"), *_items(line[bracketed.end():])]
    cuts = [0, *(m.start() for m in GLUED_ITEM.finditer(line)), len(line)]
    return [line[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


BRACKETED_HEADLINE = re.compile(r"【(?P<headline>[^【】\n]{11,60})】(?=\S)")
"""A headline in brackets that runs into its post (`【#…#】3月23日，…`); a short `【演出】` heads a column's part."""


def _classify(line: str) -> str:
    if BYLINE.match(line):
        return "byline"
    if line.startswith("#"):
        return "heading"
    if line in SECTION_NAMES or PAGE_HEADER.match(line) or DATE_STAMP.match(line) \
            or re.fullmatch(r"【[^】]{1,10}】", line):
        return "section"  # a masthead or a date stamp dates the page, heading no article; 【演出】 a column's part
    if LABELLED.match(line):
        return "body"
    if line.startswith(PULL_QUOTE):
        return "body" if len(TERMINAL_PUNCTUATION.findall(line)) >= PULL_QUOTE_SENTENCES else "quote"
    if DATELINE.match(line) or LEAD_DATE.match(line) or _ends_in_dateline(line):
        return "body"
    if len(line) <= 48 and not TERMINAL_PUNCTUATION.search(line) and not line.startswith(("(", "（")):
        return "heading"
    if is_latin(line) and len(line) <= ENGLISH_HEADLINE_LENGTH and not ENGLISH_SENTENCE_END.search(line):
        return "heading"  # `China enhances cooperation with B&R countries despite COVID-19`
    return "body"


def _ends_in_dateline(line: str) -> bool:
    """`…男女冠军双双奥运达标网易体育11月29日报道：`: a headline the page ran into a dateline ending its line."""
    inline = INLINE_DATELINE.search(line, 1, INLINE_DATELINE_REACH)
    return inline is not None and inline.end() == len(line)


def _stands_apart(heading: str, line: str) -> bool:
    """A short line that heads what follows: an English heading, the name over `时间：…` lines, or a notice's
    section title over its numbered items (`一、时间地点` / `（一）首场：…`)."""
    return bool(LABELLED.match(line) or ENUMERATED.match(line)) or (is_latin(heading) and line[:1].isupper())


ENGLISH_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
"""An English line with no sentence end, and not too long, is a headline."""
LABELLED = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}|[A-Z][a-z]+)\s*[:：]")
"""`时间：9月30日晚7点半`, `地点：…`: a listing's or a notice's labelled line."""


def _continues_body(draft: _Draft, line: str) -> bool:
    """A short unpunctuated line inside a body is a caption or a pull quote, not a new headline."""
    return line.endswith(("摄", "供图", "图"))


def _first_sentence(body: list[str]) -> str:
    text = body[0] if body else ""
    match = TERMINAL_PUNCTUATION.search(text)
    return text[: match.start()] if match else text[:40]
