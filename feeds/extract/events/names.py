"""Event names: read leftwards from a head word (`…博览会`) to where a name stops."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import is_latin
from . import vocabulary as v
from .sentences import MASK, Sentence, as_printed

COUNTED = re.compile(r"^(?:(?:共有|共计|共|这|那)?[\d一二三四五六七八九十两多几各]+(?:个|项|场|类)"
                     r"|各类|各项|哪些|哪个|什么|这些|那些)|(?<![第\d])[\d两多几上百千]+(?:个|项|场|类)[\u4e00-\u9fff]{0,4}$"
                     r"|等(?:活动|赛事|展会|比赛)$")
"""`22个竞赛`, `各类展会`, `春风行动等活动`: a count or a list of events, not the name of one."""
SINGULAR = re.compile(r"^(?:一个|一场|一次|一项)")
ATTENDED_BEFORE = re.compile(r"(?:出席|参加|在)$")
"""`出席一个闭门论坛`, `在一个论坛上表示`: one forum someone attended, not a count of them; the title is the forum."""
SERIES = re.compile(r"^(?:一系列|系列|各类|各项|各种|这些|那些)")
"""`举行的一系列学术会议`: many events, where `举行的一个研讨会` is one."""
LATIN_LETTER = re.compile(r"[A-Za-z]")
"""Only a sentence with Latin letters is read for Latin-script names (most Chinese sentences have none)."""
BOOK_TITLE_MODIFIER = re.compile(r"[\u4e00-\u9fff]{0,6}")
"""What may stand between a work's title and the head of the event about it (`《…》进阶培训工作坊`)."""
KIND_OF_ACTIVITY = re.compile(r"(?:正常|日常|公众|相关|其他|其它|有关|类似|同类|大型|户外|室内|线下|线上|社区|宗教|"
                              r"政治|集体|公开|各种|这类|此类|该类)活动$")
"""`影响正常活动`, `不设公众活动`: a kind of activity, not one."""
HABITUAL = re.compile(r"^(?:往年|历年|每年|以往|往届|历届)")
"""`往年双选会均安排在6月`: the events of other years, not one of them."""
ROLE_OF = r"(?:本报)?(?:特约|实习|首席)?"
BYLINE_NAME = re.compile(rf"^{ROLE_OF}(?:记者|通讯员|实习生|责任编辑|责编)\s*[\u4e00-\u9fff]{{2,3}}$")
BYLINE_AFTER = re.compile(rf"\s*(?:[)）]|$|{ROLE_OF}(?:记者|通讯员|摄影|实习生))")
"""`（记者 周苏展）`: a reporter whose given name ends in a head word (展, 会), closing the byline or followed by the
next name in it; not an event (`记者招待会` is a head word of its own)."""


@dataclass
class Name:
    """An event's name found in a sentence, with where it stands."""

    title: str
    head: str
    start: int
    end: int
    category: str
    refers_back: bool = False
    """`本届时装周`: a bare name that points at the event named before."""


def find_names(sentence: Sentence) -> list[Name]:
    """Event names in the sentence, longest first where one contains another."""
    masked = sentence.masked
    in_book_title = _book_title_spans(masked)
    names = []
    for head in v.EVENT_HEAD.finditer(masked):
        if any(a <= head.start() < b for a, b in in_book_title):
            continue
        not_one = v.NOT_A_GATHERING_BEFORE.search(masked, max(0, head.start() - 3), head.start())
        if not_one and not (not_one.group(0) in v.ONLINE and head.group(0) in v.ONLINE_HEADS):
            continue
        if v.FIXTURE_HEAD.fullmatch(head.group(0)) and not v.FIXTURE.match(masked, head.end()):
            continue
        left = _quoted_start(masked, head.start(), head.end())
        left = _name_start(masked, head.start()) if left is None else left
        title = _clean_title(masked[left:head.end()])
        if len(title) > 4 and SINGULAR.match(title) and ATTENDED_BEFORE.search(masked, 0, head.end() - len(title)):
            title = SINGULAR.sub("", title)
        if not title or MASK in title or COUNTED.search(title) or SERIES.match(title) or HABITUAL.match(title) \
                or KIND_OF_ACTIVITY.search(title) \
                or (BYLINE_NAME.match(title) and BYLINE_AFTER.match(masked, head.end())):
            continue
        start = sentence.start + head.end() - len(title)
        end = sentence.start + head.end()
        inner = v.OPENING_SUFFIX.sub("", title)
        if inner != title and v.EVENT_HEAD.search(inner[-6:]):
            title = inner
        refers_back = (bool(v.COREFERENCE.search(masked[max(0, left - 3):left]))
                       or not masked[:left].strip(" ,，" + MASK) or masked[:left].rstrip()[-1:] in ",，")
        category = category_of(title)
        if v.FIXTURE_HEAD.fullmatch(head.group(0)):
            title, category = _fixture_title(title, masked, left, head.end()), "competition"
        names.append(Name(as_printed(title, sentence), head.group(0), start, end, category, refers_back))
    for pattern, needed in ((v.HELD_NAME, "的"), (v.LAUNCHED_CAMPAIGN, "启动"), (v.QUOTED_OPENING, "“"),
                            (v.HOLDS_QUOTED, "“")):
        for m in pattern.finditer(masked) if needed in masked else ():
            start, end = sentence.start + m.start("name"), sentence.start + m.end("name")
            if SERIES.match(m.group("name")) or HABITUAL.match(m.group("name")):
                continue
            if not any(n.start < end and start < n.end for n in names):
                names.append(Name(m.group("name"), "", start, end, category_of(m.group("name"))))
    if LATIN_LETTER.search(masked):
        names += _latin_script_names(sentence, masked)
    return _outermost(names)


def _latin_script_names(sentence: Sentence, masked: str) -> list[Name]:
    """Names in Latin script: `ChinaJoy` inside Chinese text, and the names of English text."""
    names: list[Name] = []
    for m in () if is_latin(masked) else v.LATIN_NAME.finditer(masked):  # English text has its own names below
        if m.group("name").strip("0123456789 ") in v.LATIN_COMMON_WORDS:
            continue
        title = m.group("name") + (m.group("part") or "")
        names.append(Name(title, "", sentence.start + m.start("name"), sentence.start + m.start("name") + len(title),
                          v.LATIN_PART_CATEGORY.get(m.group("part") or "", "other")))
    generic = [(m, False) for m in v.ENGLISH_GENERIC.finditer(masked)]
    generic += [(m, True) for m in v.ENGLISH_HELD_GENERIC.finditer(masked)]
    for m, held_only in generic:
        holder = v.ENGLISH_HOLDER.search(masked, max(0, m.start() - 80), m.start())
        if held_only and (holder is None or not holder.group("who")):
            continue
        who = ((holder.group("who") or holder.group("owner") or holder.group("named")).strip() + " ") if holder else ""
        modifier = (holder.group("modifier") or "") if holder and holder.group("who") else ""
        title = v.ENGLISH_ARTICLE.sub("", who) + modifier + m.group("head")
        alone = title == "ceremony"  # `at a ceremony in London on 22 May`: the one of the awards named before
        category = "conference" if v.ENGLISH_MEETING.search(m.group("head")) else _english_category(m.group("head"))
        names.append(Name(title, m.group("head") if alone else "", sentence.start + m.start() - len(who),
                          sentence.start + m.end(), category, refers_back=alone))
    for m in v.ENGLISH_APPOSITIVE.finditer(masked):
        title = v.ENGLISH_DETERMINER.sub("", m.group("name"))
        if not v.ENGLISH_NAME.search(title) and not v.NOT_ENGLISH_PLACES.match(title):
            start = sentence.start + m.end("name") - len(title)
            names.append(Name(title, m.group("noun"), start, start + len(title), _english_category(m.group("noun"))))
    for m in v.ENGLISH_COREFERENCE.finditer(masked):
        head = m.group("head").lower()
        begin = m.start() + m.group(0).rfind(MASK) + 1  # `the June 8-10 summit`: the name after its date
        begin += len(masked[begin:m.end()]) - len(masked[begin:m.end()].lstrip())
        names.append(Name(masked[begin:m.end()].strip(), head, sentence.start + begin, sentence.start + m.end(),
                          _english_category(head), refers_back=True))
    for m in v.ENGLISH_LOWER_HEAD.finditer(masked):
        title = v.ENGLISH_ARTICLE.sub("", m.group(0).strip())
        end = m.end()
        if title == m.group("head"):  # `A retrospective featuring the works of X will take place`
            tail = v.ENGLISH_HEAD_TAIL.match(masked, m.end())
            if tail is None:
                continue  # `The summit will…`: the one named before (ENGLISH_COREFERENCE)
            title, end = title.capitalize() + tail.group(0), tail.end()
        names.append(Name(title, m.group("head"), sentence.start + m.start(), sentence.start + end,
                          _english_category(m.group("head").title())))
    for m in v.ENGLISH_DEFENSE.finditer(masked) if "defend" in masked else ():
        who = m.group("who").split()
        if len(who) % 2 == 0 and who[:len(who) // 2] == who[len(who) // 2:]:
            who = who[:len(who) // 2]  # `…defense: Liran Li` run into `Liran Li will defend…`
        title = f"{' '.join(who)} {m.group('what').lower()} defense"
        names.append(Name(title, "defense", sentence.start + m.start("who"), sentence.start + m.end(), "conference"))
    for m in v.ENGLISH_HELD_NOUN.finditer(masked):
        start, end = sentence.start + m.start("name"), sentence.start + m.end("name")
        if not any(n.start < end and start < n.end for n in names):  # `A press conference was held`: generic
            head = m.group("head") or m.group("tailed")
            names.append(Name(m.group("name"), head, start, end, _english_category(head.title())))
    for m in v.ENGLISH_AT_HELD_NOUN.finditer(masked) if MASK in masked else ():
        start, end = sentence.start + m.start("name"), sentence.start + m.end("name")
        if not any(n.start < end and start < n.end for n in names):
            names.append(Name(m.group("name"), m.group("head"), start, end, _english_category(m.group("head"))))
    for m in v.ENGLISH_SESSION.finditer(masked) if "session of" in masked else ():
        title = m.group(0).strip()
        body = re.sub(r"^.*?session\s+of\s+(?:the\s+)?", "", title)
        if v.ENGLISH_NAME.fullmatch(body):
            continue  # `the opening session of the Bloomberg New Economy Forum`: the forum itself, that day
        names.append(Name(title, "session", sentence.start + m.start(), sentence.start + m.start() + len(title),
                          "conference"))
    for m in v.ENGLISH_QUOTED_TITLE.finditer(masked):
        title = m.group("title").rstrip(".,")
        start = sentence.start + m.start("title")
        head = m.group("head")
        names.append(Name(title, head, start, start + len(title), _english_category(head.title())))
    for m in v.ENGLISH_SUBJECT.finditer(masked):
        if not v.ENGLISH_NAME.fullmatch(m.group("name").strip()):
            title = m.group("name").strip()
            names.append(Name(title, "", sentence.start + m.start("name"),  # a subject that runs is a name
                              sentence.start + m.start("name") + len(title),
                              "exhibition" if re.search(r"\bArt\b", title) else "other"))
    for m in v.ENGLISH_NAME.finditer(masked):
        category = _head_category(m)
        lead = v.ENGLISH_DETERMINER.match(m.group(0))
        start = m.start() + (lead.end() if lead else 0)
        if masked[start:m.end()] == m.group("head"):
            holder = v.ENGLISH_HOLDER.search(masked, max(0, m.start() - 120), m.start())
            who = holder and (holder.group("who") or holder.group("owner"))
            if who:  # `The Acme Chamber hosted its Gala Night`: a head alone, titled by who holds it
                names.append(Name(f"{v.ENGLISH_ARTICLE.sub('', who.strip())} {m.group('head')}", m.group("head"),
                                  sentence.start + start, sentence.start + m.end(), category))
            elif lead and lead.group(0).startswith("The"):  # `The final is scheduled for…`: of the one named before
                names.append(Name(m.group(0).strip(), m.group("head"), sentence.start + m.start(),
                                  sentence.start + m.end(), category))
            continue
        names.append(Name(masked[start:m.end()].strip(), m.group("head"), sentence.start + start,
                          sentence.start + m.end(), category))  # `The Qingdao Jazz Festival will…`
    return names


def _outermost(names: list[Name]) -> list[Name]:
    """The names no other name contains (`青岛国际啤酒节` keeps, its `啤酒节` goes), in one sorted sweep."""
    order = sorted(range(len(names)), key=lambda i: (names[i].start, -names[i].end))
    inside: set[int] = set()
    reach = -1  # the furthest end of the names that start at or before this one
    for k, i in enumerate(order):
        name = names[i]
        twin = k + 1 < len(order) and (names[order[k + 1]].start, names[order[k + 1]].end) == (name.start, name.end)
        if reach >= name.end or twin:
            inside.add(i)
        reach = max(reach, name.end)
    return [n for i, n in enumerate(names) if i not in inside]


def _fixture_title(title: str, masked: str, left: int, head_end: int) -> str:
    """`第二个主场` alone says little: `山东队第二个主场迎战北京首钢`."""
    fixture = v.FIXTURE.match(masked, head_end)
    if not fixture:
        return title
    clause_start = max(masked.rfind(mark, 0, left) for mark in "，,。") + 1
    side = v.FIXTURE_SIDE.search(masked[clause_start:left])
    who = side.group("side") + ("队" if masked[clause_start:left].find(side.group("side") + "队") >= 0 else "") \
        if side else ""
    return f"{who}{title}迎战{fixture.group('opponent')}"


def _book_title_spans(text: str) -> list[tuple[int, int]]:
    """Titles in book marks, whose words name a work, not an event; a notice's title (`《关于举办…大赛的通知》`)
    names the event it is about, and so does a festival held under book marks (`举办《…夏日嘉年华》`)."""
    return [(m.start(), m.end()) for m in re.finditer(r"《(?!关于(?:举办|召开|开展|组织))[^《》]*》", text)
            if not BOOKED_GATHERING.fullmatch(m.group())
            or not (m.start() == 0 or HELD_BEFORE.search(text, max(0, m.start() - 4), m.start()))]


BOOKED_GATHERING = re.compile(r"《[^《》]{2,30}(?:嘉年华|音乐节|艺术节|文化节|博览会|展览会|影展|市集|摄影展|画展|特展|"
                              r"作品展)》")
HELD_BEFORE = re.compile(r"(?:举办|举行|推出|登场)$")
"""The verb a gathering's title in book marks follows, unless the title opens the text."""


def _quoted_start(masked: str, head_start: int, head_end: int) -> int | None:
    """`举行的「教育及职业博览2026」`: a head that ends a quoted name (a year aside) names all the quote holds."""
    if not QUOTE_CLOSES.match(masked, head_end):
        return None
    opening = masked.rfind("“", max(0, head_start - QUOTED_NAME_REACH), head_start)
    if opening < 0 or "”" in masked[opening:head_start] or MASK in masked[opening:head_start]:
        return None
    return opening + 1


QUOTE_CLOSES = re.compile(r"(?:\s*(?:19|20)\d{2})?”")
QUOTED_NAME_REACH = 30
"""How long a quoted name may be before its head."""


def _name_start(masked: str, head_start: int) -> int:
    """Read leftwards from the head word until a word or mark that no name contains."""
    i = head_start
    depth = 0
    while i > 0:
        ch = masked[i - 1]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if ch in v.LIST_JOINERS and v.HEAD_BEFORE_JOINER.search(masked, max(0, i - 9), i - 1):
                break  # `签字仪式和中意经贸论坛`: two events, not one name
            if ch == "—" and v.DESCRIBED_BEFORE_DASH.search(masked, max(0, i - 16), i):
                break
            if ch == "、" and _words_of_one_name(masked, i - 1, head_start):
                i -= 1
                continue
            stop = v.NAME_STOP_BEFORE.search(masked[max(0, i - 6):i])
            if stop and masked[i:i + 1] in v.WORDS_GOING_ON.get(stop.group(0), ""):
                stop = None  # `对话`: 对 begins a word here, it does not end the name
            if stop:
                if ch == "”" and _quote_opens_before(masked, i, head_start):
                    i = masked.rfind("“", 0, i)
                    continue
                if ch == "》" and BOOK_TITLE_MODIFIER.fullmatch(masked, i, head_start) \
                        and 0 <= i - masked.rfind("《", 0, i) <= 30:
                    i = masked.rfind("《", 0, i)  # `电影《湾区之光》首映礼`, `《…规范》进阶培训工作坊`
                    continue
                break
            if ch == MASK:
                break
        i -= 1
    return i


HEAD_AT_END = re.compile(f"(?:{v.EVENT_HEAD_WORDS})$")
ONE_NAMES_WORDS = 4
"""The fewest characters before a `、` inside a name: `举行经济、战略对话` lists two dialogues."""


def _words_of_one_name(masked: str, mark: int, head_start: int) -> bool:
    """`上海国际碳中和技术、产品与成果博览会`: a `、` in a list the name's own `与` closes, the words before it (back to
    a stop) naming no event of their own (`啤酒节、海洋节` are two; `发布秀、论坛` lists without a `与`)."""
    if not any(joiner in masked[mark + 1:head_start] for joiner in v.LIST_JOINERS):
        return False
    before = masked[max(0, mark - 12):mark]
    words = before[max((m.end() for m in v.NAME_STOP.finditer(before)), default=0):]
    return len(words) >= ONE_NAMES_WORDS and "\u4e00" <= words[-1] <= "\u9fff" and not HEAD_AT_END.search(words)


def _quote_opens_before(masked: str, i: int, head_start: int) -> bool:
    """`“繁花似锦”首届…作品展`, `“传承与创新”活动`: a quoted phrase inside a name, or the name itself."""
    opening = masked.rfind("“", 0, i)
    if opening < 0 or i - opening > 42:
        return False
    return i == head_start or i - opening <= 20


EDITION = re.compile(r"第[一二三四五六七八九十百\d]+届")
FIGURES = re.compile(r"\d|[亿万元%]")
LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}年?")
"""A statistic (`成交金额破1700亿元`) before `第二十七届…` is a headline run into the name, no part of it."""


def _clean_title(title: str) -> str:
    title = v.TITLE_TRIM_LEFT.sub("", re.sub(r"^[(（][一二三四五六七八九十\d]{1,3}[)）]", "", title.strip()))
    edition = EDITION.search(title)
    if edition and FIGURES.search(LEADING_YEAR.sub("", title[:edition.start()])):
        title = title[edition.start():]
    if title.count("“") < title.count("”"):
        title = title.replace("”", "", 1)
    elif title.count("“") > title.count("”"):
        title = title.replace("“", "", 1)
    if title.count("(") < title.count(")"):
        title = title[title.index(")") + 1:]
    return title.strip("\"' ")


def category_of(title: str) -> str:
    if v.RALLY.search(title):
        return "other"
    for pattern, category in v.HEAD_CATEGORY:
        if pattern.search(title):
            if category == "other" and title.endswith("活动"):
                return next((c for p, c in v.INNER_CATEGORY if p.search(title)), category)
            return category
    named = v.ENGLISH_NAME.search(title) if LATIN_LETTER.search(title) else None
    return _head_category(named) if named else "other"  # `openEuler SIG Gathering 2024`


def bare_form(name: Name) -> str:
    return re.sub(r"^(?:本届|此次|这次|本次|是次|该|相关|新闻|有关|首届|一场|两场|三场|多场|本场|系列|"
                  r"大赛|赛事|正式|主要|重要|大型|其他|其它|所有|全部|The )", "", name.title)


def is_bare(name: Name) -> bool:
    if name.refers_back and is_latin(name.title):
        return True  # `The summit`: always the one named before
    bare = bare_form(name)
    if bare in v.NAMED_BY_HEAD:
        return False
    return bare in v.BARE_HEADS or len(bare) < len(name.head) + 2


def full_title(name: Name, known: list[Name]) -> str | None:
    """A bare name's full title: `本届时装周` is the one named before; `决赛` is the final of it; `论坛大会` the
    plenary of the `…海峡论坛` named before."""
    parent = next((k for k in reversed(known) if len(k.head) >= 2 and k.title.endswith(k.head)
                   and name.title.startswith(k.head) and len(name.title) > len(k.head)
                   and v.EVENT_HEAD.fullmatch(name.title, len(k.head))), None)
    if parent is not None:
        return parent.title + name.title[len(parent.head):]
    if not is_bare(name):
        return name.title
    part = bare_form(name)
    parents = [k for k in known if not v.SUB_EVENTS.match(bare_form(k))]
    if v.SUB_EVENTS.match(part) and parents:
        parent = v.SUB_EVENT_SUFFIX.sub("", parents[-1].title)
        return f"{parent} {part.removeprefix('The ')}" if is_latin(parent) else parent + part
    if not name.refers_back:
        return None
    if is_latin(name.title):
        return _english_antecedent(name, known)
    earlier = next((k for k in reversed(known) if k.head == name.head), None)
    earlier = earlier or next((k for k in reversed(known) if k.head[-1:] == name.head[-1:]
                               or k.category == name.category != "other"), None)
    return earlier.title if earlier is not None else None


def _head_category(name: re.Match) -> str:
    """The category of an English name's head, read where it stands: `Congress` is one only after `World `,
    `International ` or `Annual `, which a search of the head alone cannot see."""
    head = (name.string, name.start("head"), name.end("head"))
    return next((c for p, c in v.ENGLISH_CATEGORY if p.search(*head)), "other")


def _english_category(head: str) -> str:
    return next((c for p, c in v.ENGLISH_CATEGORY if p.search(head.title())), "other")


def _english_antecedent(name: Name, known: list[Name]) -> str | None:
    """`The summit` is the last summit named before; `The competition` or `The event`, with no such head before,
    the first competition or event named (what the article is about)."""
    named = [k for k in known if is_latin(k.title) and not k.refers_back]
    same_head = [k for k in named if k.head.lower() == name.head or k.title.lower().endswith(name.head)]
    if same_head:
        return same_head[-1].title
    same_kind = [k for k in named if name.head == "event" or k.category == name.category]
    if same_kind:
        return same_kind[0].title
    counted = v.ENGLISH_COUNTED_EDITION.match(name.title)
    return counted.group("edition") if counted else None  # `The 126th show`, the first the text names
