"""Events in an article: a named gathering, a trade mission or a deadline, tied to a date.

Reading is sentence by sentence: the dates in a sentence are paired with the event names,
destinations or things due that stand in the same clause (or the one next to it). The rules and
passes, in the order they run, are listed in `rules.py`.
"""

from __future__ import annotations

import bisect
import re

from ...models import Article, DateMatch, Event
from ..dates import find_dates
from .listings import listed_events
from .names import Name, find_names
from .rules import ARTICLE_PASSES, SENTENCE_RULES, SentenceScope
from .sentences import CONTEXT_WORDS, Sentence, split_sentences


def extract_events(article: Article) -> list[Event]:
    """The events this article reports, each with the sentence it comes from."""
    published = article.published
    dates = _with_antecedents(_outside_titles(find_dates(article.body, published.date, published.year),
                                              article.body), article)
    sentences = split_sentences(article.body, dates, published.date)
    events, listed, post_days = listed_events(sentences, article)
    listings = len(events)
    known_names = _headline_names(article)  # `…启动仪式上海举行` over `启动仪式当日，…`
    previous = None  # the sentence before, when it found no event
    for i, sentence in enumerate(sentences):
        names = find_names(sentence)
        found: list[Event] = []
        if i not in listed:  # a listing's lines were read as a listing
            scope = SentenceScope(sentence, article, names, known_names, previous, sentences[i - 1] if i else None)
            for rule in SENTENCE_RULES:
                scope.found[rule.name] = rule.find(scope)
            found = scope.found_before()
            events += found
        known_names += [n for n in names if n.head != n.title]
        previous = None if found or i in listed else sentence
    if post_days:  # `TUNA 将于3月29日…合办一次沙龙活动` over the post's `时间：3月29日`: the post's event, told again
        events = events[:listings] + [e for e in events[listings:] if e.interval.start_date not in post_days
                                      or not DESCRIBED.search(e.title)]
    for step in ARTICLE_PASSES:
        events = step.apply(events, article)
    return events


def _with_antecedents(dates: list[DateMatch], article: Article) -> list[DateMatch]:
    """`当晚`, `次日` count from a day the article gave before; with none (no date, no dateline) they name no day."""
    if article.dateline:
        return dates
    given = next((d.start for d in dates if not d.text.startswith(CONTEXT_WORDS)), len(article.body))
    return [d for d in dates if d.start > given or not d.text.startswith(CONTEXT_WORDS)]


DESCRIBED = re.compile(r"一[次场个项][\u4e00-\u9fff]{0,6}$")
"""A title that describes an event rather than naming it (`…合办一次沙龙活动`)."""

TITLE = re.compile(r"‘[^‘’\n]{1,30}’|《[^《》\n]{1,40}》")
"""A title in single quotes or book marks: `‘开放的六月’` names a show, not a month."""


def _outside_titles(dates: list[DateMatch], body: str) -> list[DateMatch]:
    """The dates that are not words of a title."""
    titles = [(m.start(), m.end()) for m in TITLE.finditer(body)]
    if not titles:
        return dates
    starts = [start for start, _ in titles]
    kept = []
    for date in dates:
        k = bisect.bisect_right(starts, date.start) - 1
        if k < 0 or titles[k][1] < date.end:
            kept.append(date)
    return kept


def _headline_names(article: Article) -> list[Name]:
    """The full names the headlines give: what a bare `大会` or `启动仪式` in the body refers to."""
    names = []
    for line in [article.headline, *article.subheadlines]:
        if line and line not in article.body:
            names += [n for n in find_names(Sentence(line, 0, len(line), [])) if n.head != n.title]
    return names
