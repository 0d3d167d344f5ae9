"""The seed pages scored against their hand-annotated gold: the scores we reached must not slip back."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", DATA / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def totals():
    """`feeds extract seeds/ --json`, exactly as a user runs it, scored by the shared scorer."""
    feeds = Path(sys.executable).parent / "feeds"
    out = subprocess.run([str(feeds), "extract", str(ROOT / "seeds"), "--json"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    predictions = [json.loads(line) for line in out.splitlines() if line.strip()]
    gold = json.loads((DATA / "gold_seeds.json").read_text(encoding="utf-8"))
    return load_scorer().score(gold, predictions)


def test_every_required_seed_event_is_found_with_its_dates(totals):
    assert totals["found_required"] == totals["required"] == 13


def test_nothing_is_emitted_that_the_gold_does_not_list(totals):
    found = totals["found_required"] + totals["found_optional"]
    assert found / totals["predicted"] >= 0.95, totals


def test_no_wrong_dates_and_no_duplicates(totals):
    assert (totals["wrong_date"], totals["duplicate"]) == (0, 0)


def test_categories_and_locations_match_the_gold(totals):
    assert totals["category_right"] / totals["category_seen"] >= 0.95
    assert totals["location_right"] == totals["location_seen"]
