"""Every grammar rule of rules.py reads its own example sentence as it says, at one reference day.

As Duckling's Corpus.hs: the rules are records with their example, and this runs each example through
`find_dates(…, every_kind=True)` published on REFERENCE_DAY (a Wednesday) at REFERENCE_TIME, so a rule that stops
reading its own example fails here by name.
"""

import pytest

from feeds.extract.dates import find_dates
from feeds.extract.dates.rules import REFERENCE_DAY, REFERENCE_TIME, RULES
from feeds.extract.normalize import normalize


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_rule_reads_its_own_example(rule):
    found = find_dates(normalize(rule.example), REFERENCE_DAY, every_kind=True, now=REFERENCE_TIME)
    readings = [(m.interval.start.isoformat(), m.interval.end.isoformat(), m.interval.precision) for m in found
                if m.rule.split("+")[0] == rule.name]
    assert readings == [rule.expected], [(m.text, m.rule, m.interval) for m in found]
    assert all(m.kind is rule.kind for m in found if m.rule == rule.name)


def test_rules_have_unique_names_and_newspaper_examples():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.example.endswith("。") and len(rule.example) >= 8 for rule in RULES)
