"""Score the extractor on a real-text set whose files carry their publication date in their names.

`docs/NNN_<source>_<YYYY-MM-DD>.txt` beside a `gold.json`, as in `../shared/eval/real-dev/` and
`tests/data/real1/`: each file is extracted as `feeds extract FILE --published YYYY-MM-DD --json`
would (the same reading and the same pipeline, in one process), and the lot is scored with the
shared scorer. `-v` prints its per-file report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feeds import files  # noqa: E402
from feeds.extract.pipeline import extract_page  # noqa: E402

SCORER = ROOT / "tests" / "data" / "score.py"


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(docs: Path) -> list[dict]:
    """Every event of every file, as `feeds extract FILE --published DATE --json` prints it."""
    found = []
    for path in sorted(docs.glob("*.txt")):
        published = dt.date.fromisoformat(path.stem.rsplit("_", 1)[1])
        source = files.read_source(path, max_bytes=files.DEFAULT_MAX_BYTES)
        for article_events in extract_page(source.text, published):
            for event in article_events.events:
                record = event.as_json(source=source.name, article=article_events.article)
                found.append(record)
    return found


def score_set(folder: Path) -> dict:
    """The scorer's totals for the set in `folder` (its `docs/` and `gold.json`)."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return scorer().score(gold, predictions(folder / "docs"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="a set: docs/ and gold.json")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in predictions(args.folder / "docs"))
        out.flush()
        sys.argv = ["score.py", str(args.folder / "gold.json"), out.name] + (["-v"] if args.verbose else [])
        scorer().main()


if __name__ == "__main__":
    main()
