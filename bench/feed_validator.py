"""The W3C Feed Validator over our feeds, offline: the seeds ingested, "today" after the last seed event.

The validator is not on PyPI and cannot be installed in CI, so this is a script a developer runs by hand
(the README records its last run). Give it a checkout of https://github.com/w3c/feedvalidator and a Python
that has the validator's requirements (lxml, html5lib, rdflib):

    python3 -m venv /tmp/fv && /tmp/fv/bin/pip install lxml html5lib rdflib
    .venv/bin/python bench/feed_validator.py ../feedvalidator --python /tmp/fv/bin/python

Each feed is handed over as the server sent it (body, Content-Type, and its own address as the base, as the
online validator sees a feed it fetched); the validator's "AA" level is the online one. Exit 1 on any
error or warning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from snapshot import NOW, seeded_client  # noqa: E402

TODAY = dt.date(2024, 6, 1)
"""After the last seed event (2024-03-04): the feeds' default window is then the archive's last months."""
SITE = "https://events.example/"
FEEDS = ("/feed.rss", "/feed.atom", "/feed.rss?from=2021-01-01", "/feed.atom?from=2021-01-01", "/feed.rss?lang=en",
         "/feed.atom?lang=en", "/feed.rss?category=conference", "/feed.atom?from=2022-01-01&to=2022-12-31",
         "/feed.rss?brief=120&opencc=s2t", "/feed.json?format=atom")

VALIDATE = """
import json, sys
sys.path.insert(0, sys.argv[1] + "/src")
import io
import feedvalidator
from feedvalidator import compatibility
from feedvalidator.formatter.text_plain import Formatter
results = {}
for feed in json.load(sys.stdin):
    events = feedvalidator.validateStream(io.BytesIO(feed["body"].encode()), firstOccurrenceOnly=1,
                                          contentType=feed["type"], base=feed["url"])["loggedEvents"]
    results[feed["url"]] = list(Formatter(compatibility.AA(events)))
print(json.dumps(results))
"""


def served_feeds() -> list[dict[str, str]]:
    """Each feed as the app serves it for the seeds, on SITE, on TODAY."""
    found = []
    with seeded_client(TODAY) as client:
        for path in FEEDS:
            response = client.get(path, base_url=SITE)
            assert response.status_code == 200, (path, response.status_code)
            found.append({"url": SITE.rstrip("/") + path, "type": response.content_type,
                          "body": response.get_data(as_text=True)})
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("validator", type=Path, help="a checkout of w3c/feedvalidator")
    parser.add_argument("--python", default=sys.executable, help="a Python with lxml, html5lib and rdflib")
    args = parser.parse_args()
    feeds = served_feeds()
    run = subprocess.run([args.python, "-c", VALIDATE, str(args.validator.resolve())], input=json.dumps(feeds),
                         capture_output=True, text=True, check=True)
    results = json.loads(run.stdout)
    commit = subprocess.run(["git", "-C", str(args.validator), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip() or "unknown"
    print(f"W3C Feed Validator ({commit}), level AA, today {TODAY}, seeds ingested at {NOW:%Y-%m-%d %H:%M} UTC")
    for feed in feeds:
        messages = results[feed["url"]]
        items = feed["body"].count("<item>") + feed["body"].count("<entry>")
        print(f"{feed['url']} ({items} items): {'; '.join(messages) if messages else 'no errors or warnings'}")
    return 1 if any(results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
