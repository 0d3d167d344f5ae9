"""Our own pages scored against hand-annotated gold, exactly as `feeds extract … --json` prints them.

The seeds are the project's sample pages; the held-out pages (tests/data/heldout/, heldout2/) were
written and annotated by someone who had not read the extraction code. Each set's floor is the score
reached on it; it must not slip back.
"""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SETS = {  # pages, gold, (required events found at least, wrong dates + duplicates at most)
    "seeds": (ROOT / "seeds", DATA / "gold_seeds.json", (13, 0)),
    "heldout": (DATA / "heldout", DATA / "gold_heldout.json", (55, 0)),
    "heldout2": (DATA / "heldout2", DATA / "gold_heldout2.json", (52, 2)),
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", DATA / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    pages, gold_file, floors = SETS[request.param]
    feeds = Path(sys.executable).parent / "feeds"
    out = subprocess.run([str(feeds), "extract", str(pages), "--json"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    predictions = [json.loads(line) for line in out.splitlines() if line.strip()]
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    return load_scorer().score(gold, predictions), floors


def test_the_required_events_are_found_with_their_dates(scored):
    totals, (found, _) = scored
    assert totals["found_required"] >= found, totals


def test_nothing_is_emitted_that_the_gold_does_not_list(scored):
    totals, _ = scored
    found = totals["found_required"] + totals["found_optional"]
    assert found / totals["predicted"] >= 0.95, totals


def test_wrong_dates_and_duplicates_stay_rare(scored):
    totals, (_, errors) = scored
    assert totals["wrong_date"] + totals["duplicate"] <= errors, totals


def test_categories_and_locations_match_the_gold(scored):
    totals, _ = scored
    assert totals["category_right"] / totals["category_seen"] >= 0.95
    assert totals["location_right"] / totals["location_seen"] >= 0.85
