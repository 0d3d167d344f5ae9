"""Score the extractor on a real-text set whose files carry their publication date in their names.

`docs/NNN_<source>_<YYYY-MM-DD>.txt` beside a `gold.json`, as in `../shared/eval/real-dev/` and
`tests/data/real1/`: each file is extracted as `feeds extract FILE --published YYYY-MM-DD --json`
would (the same reading and the same pipeline, in one process; the gold-score test does the same),
and the lot is scored with the shared scorer. `-v` prints its per-file report.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_gold_scores import dated_predictions, load_scorer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="a set: docs/ and gold.json")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in dated_predictions(args.folder / "docs"))
        out.flush()
        sys.argv = ["score.py", str(args.folder / "gold.json"), out.name] + (["-v"] if args.verbose else [])
        load_scorer().main()


if __name__ == "__main__":
    main()
