"""EVENT_HEAD is tried only where a head word can begin (a look-ahead gate): what that relies on."""

import re
from pathlib import Path

import pytest
from test_event_rules import alternatives

from feeds.extract.events import vocabulary as v
from feeds.extract.events.rules import ARTICLE_PASSES, SENTENCE_RULES

ROOT = Path(__file__).resolve().parent.parent
LEADING_LOOKAROUNDS = re.compile(r"^(?:\(\?<?[=!](?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))+")
"""`(?<=[\u4e00-\u9fff]{2})(?<![上下])` at the front of a head word: they consume nothing."""
HEAD_WORDS = [w for pattern, _ in v.EVENT_HEADS for w in alternatives(pattern)]


@pytest.mark.parametrize("word", HEAD_WORDS)
def test_every_head_word_begins_with_a_character_of_the_class(word):
    body = LEADING_LOOKAROUNDS.sub("", word)
    if re.fullmatch(r"[\u4e00-\u9fff]+(?:\(\?[=!].*)?", body):  # a plain word, perhaps with a look-ahead after
        assert re.fullmatch(v.EVENT_HEAD_START, body[0]), word
    else:  # `(?:博|交|洽|贸)会`, `(?:第…个)?主场`, `第[…]{1,3}站`: every character it may begin with
        starts = v.first_characters(body)
        assert all(re.fullmatch(v.EVENT_HEAD_START, c) for c in re.findall(r"\\?(.)", starts[1:-1])), word


@pytest.mark.parametrize("pattern", [r"\d+届", r"(?:第)?", r".会", r"[^，]会", r"[\u4e00-\u9fff]{2}节", r"x*",
                                     r"(?i:expo)", r"(?i)expo"])
def test_a_head_word_with_no_first_character_class_is_refused(pattern):
    with pytest.raises(ValueError):
        v.first_characters(pattern)


def test_the_class_reads_past_look_arounds_and_optional_parts():
    pattern = r"(?<=[\u4e00-\u9fff]{2})(?<!宣传)墟|(?:第[一二\d]+个)?主场|(?=展)[展会]"
    assert v.first_characters(pattern) == "[主会墟展第]"


def texts():
    yield from (rule.example for rule in SENTENCE_RULES)
    yield from (step.example for step in ARTICLE_PASSES)
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    yield "某某墟，两墟，A墟"  # a look-behind that reads the text before the gate


def test_the_gate_keeps_every_match():
    ungated = re.compile(v.EVENT_HEAD_WORDS)
    for text in texts():
        assert [m.span() for m in v.EVENT_HEAD.finditer(text)] == [m.span() for m in ungated.finditer(text)], text[:60]
