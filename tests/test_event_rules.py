"""The event rules are data: each named, with what it produces and an example that produces it."""

import datetime as dt
import re

import pytest

from feeds.extract.events import vocabulary as v
from feeds.extract.events.rules import ARTICLE_PASSES, SENTENCE_RULES
from feeds.extract.pipeline import extract_page

PUBLISHED = dt.date(2022, 11, 22)


def test_every_rule_and_pass_has_a_unique_name():
    names = [r.name for r in SENTENCE_RULES] + [p.name for p in ARTICLE_PASSES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", SENTENCE_RULES, ids=lambda r: r.name)
def test_a_sentence_rule_finds_its_own_example(rule):
    events = extract_page(rule.example, PUBLISHED)[0].events
    category = rule.produces.split(":")[0]
    assert events, rule.example
    if category in ("deadline", "trade_mission"):
        assert {e.category for e in events} == {category}


@pytest.mark.parametrize("step", ARTICLE_PASSES, ids=lambda p: p.name)
def test_an_article_pass_has_an_example_that_yields_events(step):
    assert extract_page(step.example, PUBLISHED)[0].events, step.example


def alternatives(pattern: str) -> list[str]:
    """The top-level words of an alternation (`a|b|(?:c|d)e` → a, b, (?:c|d)e)."""
    words, depth, current = [], 0, ""
    for i, ch in enumerate(pattern):
        escaped = i > 0 and pattern[i - 1] == "\\"
        if ch in "([" and not escaped:
            depth += 1
        elif ch in ")]" and not escaped:
            depth -= 1
        if ch == "|" and depth == 0 and not escaped:
            words.append(current)
            current = ""
        else:
            current += ch
    return words + [current]


TABLES = {
    "event heads": [w for pattern, _ in v.EVENT_HEADS for w in alternatives(pattern)],
    "happening verbs": alternatives(v.HAPPENING_VERBS.pattern),
    "venue verbs": alternatives(re.search(r"\(\?:(举行.*)\)\"?$", v.VENUE.pattern).group(1)),
    "name stops": alternatives(v.NAME_STOP.pattern.split("|", 1)[1].strip("(?:)")),
}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_the_vocabulary_holds_every_word_once(table):
    words = [w for w in TABLES[table] if w]
    twice = sorted({w for w in words if words.count(w) > 1})
    assert not twice, f"{table}: {twice}"


def test_one_word_names_one_category():
    category_of = {}
    for pattern, category in v.EVENT_HEADS:
        for word in alternatives(pattern):
            assert category_of.setdefault(word, category) == category, word
