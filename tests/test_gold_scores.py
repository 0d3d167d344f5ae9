"""Every annotated set scored against its gold, exactly as `feeds extract … --json` prints it.

The seeds are the project's sample pages; the held-out pages (tests/data/heldout/, heldout2/) were
written and annotated by someone who had not read the extraction code; `real1` and `real2`
(tests/data/) and the shared real-text development set (../shared/eval/real-dev/) are real news
nobody here wrote, annotated blind, each file dated in its name. Each set's floors are the scores
it reached: they must not slip back.
"""

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from feeds import files
from feeds.extract.pipeline import extract_page

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REAL_DEV = ROOT.parent / "shared" / "eval" / "real-dev"


@dataclass(frozen=True)
class GoldSet:
    pages: Path
    gold: Path
    found: int
    """Required events found, at least."""
    errors: int
    """Wrong dates and duplicates, at most."""
    precision: float
    """Events found (required or optional) over events emitted, at least."""
    dated: bool = False
    """Files named `NNN_<source>_<YYYY-MM-DD>.txt`, each extracted with its own publication date."""
    location: float = 0.70
    """Locations right over locations the gold gives, at least (on real text)."""
    category: float = 0.65
    """Categories right over categories the gold gives, at least (on real text)."""


SETS = {
    "seeds": GoldSet(ROOT / "seeds", DATA / "gold_seeds.json", 13, 0, 0.95),
    "heldout": GoldSet(DATA / "heldout", DATA / "gold_heldout.json", 55, 0, 0.95),
    "heldout2": GoldSet(DATA / "heldout2", DATA / "gold_heldout2.json", 55, 0, 0.98),
    "real1": GoldSet(DATA / "real1" / "docs", DATA / "real1" / "gold.json", 73, 1, 0.98, dated=True,
                     location=0.91),  # 42 of 46 places (the exhibition found at stop 25 has a wrong one)
    "real2": GoldSet(DATA / "real2" / "docs", DATA / "real2" / "gold.json", 12, 0, 0.97, dated=True),
    "real3": GoldSet(DATA / "real3" / "docs", DATA / "real3" / "gold.json", 22, 0, 0.97, dated=True,
                     location=0.94),  # 16 of 17 places
    "real4": GoldSet(DATA / "real4" / "docs", DATA / "real4" / "gold.json", 17, 0, 0.95, dated=True,
                     location=0.93),  # English wires: 14 of 15 places
    "real5": GoldSet(DATA / "real5" / "docs", DATA / "real5" / "gold.json", 30, 1, 0.94, dated=True,
                     location=0.90),  # 19 of 21 places
    # precision 0.94: the para games named beside the National Games are an event of their own, which the gold folds in
    "real6": GoldSet(DATA / "real6" / "docs", DATA / "real6" / "gold.json", 13, 1, 0.95, dated=True,
                     location=0.76),  # Singapore papers: 10 of 13 places
    "real7": GoldSet(DATA / "real7" / "docs", DATA / "real7" / "gold.json", 19, 0, 0.96, dated=True,
                     location=0.85),  # 12 of 14 places
    "real8": GoldSet(DATA / "real8" / "docs", DATA / "real8" / "gold.json", 16, 0, 0.98, dated=True,
                     location=0.70),  # Hong Kong releases: 5 of 7 places
    "real9": GoldSet(DATA / "real9" / "docs", DATA / "real9" / "gold.json", 11, 0, 0.94, dated=True,
                     location=0.95),  # 10 of 10 places
    "real10": GoldSet(DATA / "real10" / "docs", DATA / "real10" / "gold.json", 15, 0, 0.98, dated=True,
                      location=0.65),  # KCNA: 10 of 15 places
    "real11": GoldSet(DATA / "real11" / "docs", DATA / "real11" / "gold.json", 26, 1, 0.89, dated=True),
    # Taiwan news feeds' leads: no places annotated
    "real12": GoldSet(DATA / "real12" / "docs", DATA / "real12" / "gold.json", 21, 0, 0.95, dated=True),
    "real13": GoldSet(DATA / "real13" / "docs", DATA / "real13" / "gold.json", 14, 2, 0.94, dated=True),
    # Reuters 1987, Bangkok Post, Inshorts: English general news is the weakest
    "real14": GoldSet(DATA / "real14" / "docs", DATA / "real14" / "gold.json", 40, 1, 0.93, dated=True,
                      location=0.80),  # Weibo news: 28 of 34 places
    "real15": GoldSet(DATA / "real15" / "docs", DATA / "real15" / "gold.json", 9, 0, 0.98, dated=True,
                      location=0.60),  # BBC, CNN: 4 of 6 places
    "real16": GoldSet(DATA / "real16" / "docs", DATA / "real16" / "gold.json", 12, 2, 0.81, dated=True,
                      location=0.80),  # Weibo posts 2010-2014: 13 of 15 places
    "real17": GoldSet(DATA / "real17" / "docs", DATA / "real17" / "gold.json", 19, 3, 0.90, dated=True,
                      location=0.70),  # SIGCSE news, NZ university releases: 6 of 8 places
    "real19": GoldSet(DATA / "real19" / "docs", DATA / "real19" / "gold.json", 22, 2, 0.81, dated=True,
                      location=0.45),  # Citizen News, Hong Kong: 5 of 11 places
    "real20": GoldSet(DATA / "real20" / "docs", DATA / "real20" / "gold.json", 23, 0, 0.98, dated=True,
                      location=0.65),  # 24-7 Press Release: 16 of 24 places
    "real21": GoldSet(DATA / "real21" / "docs", DATA / "real21" / "gold.json", 22, 1, 0.91, dated=True,
                      location=0.60),  # Burra's community papers: 12 of 20 places
    "real22": GoldSet(DATA / "real22" / "docs", DATA / "real22" / "gold.json", 47, 3, 0.80, dated=True,
                      location=0.95, category=0.30),  # TUNA's talks: 38 of 39 places; `金枪鱼之夜` talks read as other
    "real23": GoldSet(DATA / "real23" / "docs", DATA / "real23" / "gold.json", 58, 8, 0.76, dated=True,
                      location=0.90),  # openEuler's community posts: 45 of 48 places
    "real24": GoldSet(DATA / "real24" / "docs", DATA / "real24" / "gold.json", 32, 4, 0.83, dated=True,
                      location=0.45),  # Tainan City Government releases: 16 of 34 places
    # Pingtan's government news: few events, many meetings (a test of precision)
    "real26": GoldSet(DATA / "real26" / "docs", DATA / "real26" / "gold.json", 8, 1, 0.90, dated=True),
    "real27": GoldSet(DATA / "real27" / "docs", DATA / "real27" / "gold.json", 21, 2, 0.90, dated=True,
                      location=0.55),  # Taiwan's Presidential Office releases: 5 of 9 places
    "real28": GoldSet(DATA / "real28" / "docs", DATA / "real28" / "gold.json", 24, 0, 0.96, dated=True,
                      location=0.80),  # UVA Mathematics news: 20 of 25 places
    "real29": GoldSet(DATA / "real29" / "docs", DATA / "real29" / "gold.json", 30, 4, 0.78, dated=True,
                      location=0.85),  # Nanjing University's daily notices: 19 of 21 places
    # RTHK's Chinese news feed: two thirds negatives, few events
    "real30": GoldSet(DATA / "real30" / "docs", DATA / "real30" / "gold.json", 1, 0, 0.75, dated=True),
    # The Stanford Daily, OCR'd 2000s: its campus calendars are not read yet
    "real25": GoldSet(DATA / "real25" / "docs", DATA / "real25" / "gold.json", 3, 1, 0.75, dated=True),
    # Dushi Kuaibao, a Hangzhou city paper: 8 of 13 places
    "real31": GoldSet(DATA / "real31" / "docs", DATA / "real31" / "gold.json", 12, 1, 0.86, dated=True, location=0.58),
    # Tainan City Council news and press-conference notices, traditional: 12 of 21 places
    "real32": GoldSet(DATA / "real32" / "docs", DATA / "real32" / "gold.json", 22, 3, 0.72, dated=True, location=0.57),
    # a British hackspace's blog: English names without head words
    "real33": GoldSet(DATA / "real33" / "docs", DATA / "real33" / "gold.json", 3, 1, 0.57, dated=True),
    # Cailian Press wire items on trade and industry
    "real34": GoldSet(DATA / "real34" / "docs", DATA / "real34" / "gold.json", 22, 0, 0.96, dated=True),
    # USTC's Linux user group news: talks and meetups named by their topic
    "real35": GoldSet(DATA / "real35" / "docs", DATA / "real35" / "gold.json", 22, 5, 0.67, dated=True),
    # TVWAN, Papua New Guinea's English TV news: 8 of 12 places
    "real36": GoldSet(DATA / "real36" / "docs", DATA / "real36" / "gold.json", 13, 0, 0.93, dated=True, location=0.66),
    # Xinhua on Chinese museums: exhibitions and their runs; 12 of 19 places
    "real38": GoldSet(DATA / "real38" / "docs", DATA / "real38" / "gold.json", 19, 3, 0.74, dated=True, location=0.63),
    # Zambian news feeds' excerpts: mostly negatives
    "real40": GoldSet(DATA / "real40" / "docs", DATA / "real40" / "gold.json", 2, 0, 0.8, dated=True),
    # Macao Government Information Bureau, traditional: 13 of 32 places
    "real41": GoldSet(DATA / "real41" / "docs", DATA / "real41" / "gold.json", 33, 5, 0.73, dated=True, location=0.40),
    # openLooKeng and PLCT Lab community news
    "real42": GoldSet(DATA / "real42" / "docs", DATA / "real42" / "gold.json", 15, 1, 0.83, dated=True),
    # openGauss community news: mostly negatives
    "real43": GoldSet(DATA / "real43" / "docs", DATA / "real43" / "gold.json", 8, 0, 0.9, dated=True),
    # Write the Docs' English newsletters: conferences named without a head word
    "real44": GoldSet(DATA / "real44" / "docs", DATA / "real44" / "gold.json", 16, 2, 0.86, dated=True),
    # ZUEL university news: campus meetings, mostly optional
    "real45": GoldSet(DATA / "real45" / "docs", DATA / "real45" / "gold.json", 19, 0, 0.93, dated=True),
    # Apple Daily Taiwan's charity-case column, traditional: dated personal stories, one event
    "real46": GoldSet(DATA / "real46" / "docs", DATA / "real46" / "gold.json", 0, 0, 0.0, dated=True),
    # Sioux City Police news releases, English: crime reports with dates and clock times
    "real47": GoldSet(DATA / "real47" / "docs", DATA / "real47" / "gold.json", 3, 0, 1.0, dated=True),
    # Xinmin Evening News and Jiefang Daily, spring 2022: lockdown dates; 4 of 12 places
    "real48": GoldSet(DATA / "real48" / "docs", DATA / "real48" / "gold.json", 7, 1, 0.84, dated=True, location=0.33),
    # Hong Kong government news, traditional: press conferences held by officials
    "real49": GoldSet(DATA / "real49" / "docs", DATA / "real49" / "gold.json", 19, 6, 0.78, dated=True, location=0.6),
    "real-dev": GoldSet(REAL_DEV / "docs", REAL_DEV / "gold.json", 70, 0, 0.98, dated=True,
                        location=0.88),  # 53 of 60 places
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", DATA / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dated_predictions(docs: Path) -> list[dict]:
    """What `feeds extract FILE --published DATE --json` prints for every file, its date from its name."""
    found = []
    for path in sorted(docs.glob("*.txt")):
        published = dt.date.fromisoformat(path.stem.rsplit("_", 1)[1])
        source = files.read_source(path, max_bytes=files.DEFAULT_MAX_BYTES)
        for article_events in extract_page(source.text, published):
            found += [e.as_json(source=source.name, article=article_events.article) for e in article_events.events]
    return found


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    gold_set = SETS[request.param]
    if not gold_set.gold.exists():
        pytest.skip(f"{gold_set.gold} is not here (the shared sets sit beside the checkout)")
    if gold_set.dated:
        predictions = dated_predictions(gold_set.pages)
    else:
        feeds = Path(sys.executable).parent / "feeds"
        out = subprocess.run([str(feeds), "extract", str(gold_set.pages), "--json"],
                             capture_output=True, text=True, check=True, cwd=ROOT).stdout
        predictions = [json.loads(line) for line in out.splitlines() if line.strip()]
    gold = json.loads(gold_set.gold.read_text(encoding="utf-8"))
    return load_scorer().score(gold, predictions), gold_set


def test_the_required_events_are_found_with_their_dates(scored):
    totals, gold_set = scored
    assert totals["found_required"] >= gold_set.found, totals


def test_nothing_is_emitted_that_the_gold_does_not_list(scored):
    totals, gold_set = scored
    found = totals["found_required"] + totals["found_optional"]
    assert found / totals["predicted"] >= gold_set.precision, totals


def test_wrong_dates_and_duplicates_stay_rare(scored):
    totals, gold_set = scored
    assert totals["wrong_date"] + totals["duplicate"] <= gold_set.errors, totals


def test_categories_and_locations_match_the_gold(scored):
    totals, gold_set = scored
    if gold_set.dated:  # real text: the floors the sets reached (real2 is small: 4 of 6 categories)
        if totals["category_seen"]:  # real46: its one event emitted is a false one, with no category to compare
            assert totals["category_right"] / totals["category_seen"] >= gold_set.category
        if totals["location_seen"] >= 5:  # a share of one or two says nothing
            assert totals["location_right"] / totals["location_seen"] >= gold_set.location
    else:
        assert totals["category_right"] / totals["category_seen"] >= 0.95
        assert totals["location_right"] / totals["location_seen"] >= 0.95  # heldout2: 44 of 45 places
