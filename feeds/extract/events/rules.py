"""The event rules in the order they run, each a named record with what it produces and an example.

Sentence rules read one sentence at a time and see what the rules before them found in it;
article passes then run over all the events of the article, in order. `extract_events` runs
these lists and nothing else, so the order of the passes is the order written here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ...models import Article, Event
from . import vocabulary as v
from .confidence import publication_doubt
from .deadlines import calls_with_deadlines, deadlines
from .merge import length_from_next_sentence, one_per_name
from .missions import trade_missions
from .named import carried_date, named_events
from .names import Name, is_bare
from .places import fill_places
from .programmes import without_programmes
from .recurrence import with_recurrences
from .runs import runs_until
from .sentences import Sentence
from .weekdays import weekdays_within
from .years import year_from_name


@dataclass
class SentenceScope:
    """What a sentence rule sees: the sentence, its names, the names of the sentences before, its article,
    and what the rules before it found in this sentence (by rule name)."""

    sentence: Sentence
    article: Article
    names: list[Name]
    known: list[Name]
    previous: Sentence | None = None
    """The sentence before, when it found no event: its one date may be this sentence's."""
    before: Sentence | None = None
    """The sentence before, whatever it found: a later part of its day may open this one (`代表团晚上出席…`)."""
    found: dict[str, list[Event]] = field(default_factory=dict)

    def found_before(self) -> list[Event]:
        return [event for events in self.found.values() for event in events]


@dataclass(frozen=True)
class SentenceRule:
    name: str
    produces: str
    example: str
    find: Callable[[SentenceScope], list[Event]]


@dataclass(frozen=True)
class ArticlePass:
    name: str
    does: str
    example: str
    apply: Callable[[list[Event], Article], list[Event]]


def _named(scope: SentenceScope) -> list[Event]:
    if scope.found.get("trade-mission"):
        return []  # the mission is the sentence's event; its destinations are no names
    return named_events(scope.sentence, scope.names, scope.known, scope.found.get("deadline", []),
                        scope.previous.text if scope.previous else "")


def _carried(scope: SentenceScope) -> list[Event]:
    if scope.found_before():
        return []
    later_that_day = v.PART_OF_DAY_OPENS.match(scope.sentence.text.lstrip()) is not None
    previous = scope.previous or (scope.before if later_that_day else None)
    if previous is None:
        return []
    sentence = carried_date(previous, scope.sentence, later_that_day)
    return named_events(sentence, scope.names, scope.known, [], previous.text) if sentence else []


def _pronoun(scope: SentenceScope) -> list[Event]:
    if scope.found_before() or scope.previous is None or not scope.sentence.latin:
        return []
    text = scope.sentence.text
    words = v.IT_OPENS.match(text) or (None if scope.names else v.ATTENDED_ON.search(text))
    named = [n for n in scope.known if n.start >= scope.previous.start and not is_bare(n)]
    if words is None or len(named) != 1:
        return []
    start = scope.sentence.start + words.start()
    name = replace(named[0], start=start, end=start + len(words.group(0)))
    return named_events(scope.sentence, [name], scope.known, [], scope.previous.text)


SENTENCE_RULES: tuple[SentenceRule, ...] = (
    SentenceRule("deadline", "deadline: the day something is due, titled with what is due",
                 "征集活动即日起启动，截止日期为2023年1月20日。",
                 lambda scope: deadlines(scope.sentence, scope.article, scope.known, scope.names, scope.previous)),
    SentenceRule("trade-mission", "trade_mission: one per destination, paired with the dates in order",
                 "拟于2022年12月26日—30日、2023年1月10日—14日，分别组织企业赴韩国、日本开展商务促进活动。",
                 lambda scope: trade_missions(scope.sentence)),
    SentenceRule("named-event", "an event of its head word's category on the date of its clause",
                 "2022世界工业互联网产业大会将于2022年11月29日至30日在青岛举办。", _named),
    SentenceRule("carried-date", "an event named in a sentence with no date, on the one day of the sentence before",
                 "副局长2022年11月22日表示，外贸形势平稳。他在第二届贸易洽谈会新闻发布会上说，展位已满。", _carried),
    SentenceRule("pronoun-date", "the one event the sentence before named with no date, on the date of an `It'll be …`"
                 " or of a sentence that names none and says people attend",
                 "We've signed up to the Qingdao Soapbox Derby. It'll be on 4th June at Laoshan Park.", _pronoun),
)
"""Run in this order on every sentence that is not part of a listing."""

ARTICLE_PASSES: tuple[ArticlePass, ...] = (
    ArticlePass("call-with-deadline", "a call opened today becomes a deadline running to the date given after it",
                "作品征集活动即日起启动。截止时间为2023年1月20日。", calls_with_deadlines),
    ArticlePass("length-after", "a one-day event whose next sentence opens with `为期两天的会议` lasts that long",
                "2026世界航商大会6月9日在香港举行。为期两天的会议将探讨行业转型。", length_from_next_sentence),
    ArticlePass("runs-until", "a show dated to its opening day runs to the day its sentence or the next gives",
                "“海洋艺术展”6月1日在市美术馆开幕，将展至8月31日。", runs_until),
    ArticlePass("weekday-within", "a weekday read a few days before a festival named earlier is the festival's",
                "The German Fest runs July 25-27. Don't miss the Dachshund Derby on Sunday.", weekdays_within),
    ArticlePass("one-per-name", "keeps one event per name, widened by later mentions",
                "青岛国际茶叶博览会11月29日开幕。青岛国际茶叶博览会11月29日至12月1日在会展中心举行。", one_per_name),
    ArticlePass("no-programmes", "an activity known only to the month, or running for weeks, is a programme",
                "青岛国际啤酒节8月10日开幕。暑期研究生教学活动将于8月至9月开展。", without_programmes),
    ArticlePass("places-elsewhere", "a place from another sentence about the event, or from its name",
                "青岛国际啤酒节8月10日开幕。青岛国际啤酒节在西海岸新区举办。", fill_places),
    ArticlePass("year-in-name", "an event dated a year behind the year its name opens with (none printed) is in it",
                "2026年国际数学家大会的会址引发争议。数学家敦促撤回7月在费城举办本届大会的决定。", year_from_name),
    ArticlePass("publication-doubt", "dates counted from an inferred publication date are flagged",
                "青岛国际啤酒节明天开幕。", publication_doubt),
    ArticlePass("recurrence", "an event of several days held every day or on weekdays, at a time, gets its recurrence",
                "第五届青岛戏剧节即日起至8月31日在人艺剧场举行，每晚19:30开演，逢周一停演。", with_recurrences),
)
"""Run in this order over all the events of an article."""
