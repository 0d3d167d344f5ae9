"""The README's pictures, taken by chromium from the seed articles: home, month, an event and the embed on
another site, in Chinese and in English. `make screenshots` writes them into docs/screenshots/; a plain test run
into tests/artifacts/readme/, so the suite never changes the repository.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import ARTIFACTS, browsing, embed_frame, host_site, launched_browser, open_page, screenshot
from clients import live_server

from feeds import create_app, store
from feeds.ingest import ingest_paths
from feeds.models import Selection
from feeds.present.common import first_day
from feeds.web import clock

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FOLDER = Path(os.environ.get("FEEDS_SCREENSHOTS") or ARTIFACTS / "readme")
INGESTED = dt.datetime(2024, 3, 5, 8, 0, tzinfo=dt.UTC)
"""The day the seeds were read in, fixed (pages show it), so the pictures change only when the pages do."""
WIDTH = 1100
LOCALES = {"zh": "zh-CN", "en": "en-GB"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Iterator[dict[str, Any]]:
    """The seed articles ingested, served with "today" the first of their busiest month (so the home page has
    events ahead, as a live site does); yields the root, that month and its first event."""
    path = tmp_path_factory.mktemp("screenshots") / "feeds.db"
    app = create_app({"DATABASE": str(path)})
    db = store.open_db(path)
    ingest_paths(db, [SEEDS], now=INGESTED)
    events = store.query_events(db, Selection())
    db.close()
    busiest, _ = Counter(first_day(ev).strftime("%Y-%m") for ev in events).most_common(1)[0]
    year, month = int(busiest[:4]), int(busiest[5:])
    shown = min((ev for ev in events if first_day(ev).strftime("%Y-%m") == busiest),
                key=lambda ev: (-len(ev.mentions), first_day(ev), ev.uid))
    with pytest.MonkeyPatch.context() as patch, live_server(app) as root:
        patch.setattr(clock, "today", lambda: dt.date(year, month, 1))
        yield {"root": root, "year": year, "month": month, "event": shown}


@pytest.mark.parametrize("lang", LOCALES)
def test_readme_pictures_of_each_page_in_each_language(browser, seeded, lang):
    """A reader whose browser asks for `lang` gets each page in it, without an error in the console."""
    pages = {"home": "/", "month": f"/calendar/{seeded['year']}/{seeded['month']}",
             "event": f"/events/{seeded['event'].uid}"}
    with browsing(browser, LOCALES[lang], WIDTH) as ctx:
        for name, path in pages.items():
            watched = open_page(ctx, seeded["root"] + path)
            page = watched.page
            assert page.evaluate("document.documentElement.lang") == {"zh": "zh-CN", "en": "en"}[lang]
            screenshot(page, f"{name}-{lang}.png", FOLDER, full_page=False)
            assert watched.errors == [], (path, watched.errors)
        assert seeded["event"].title in page.locator("h1").inner_text()


@pytest.mark.parametrize("lang", LOCALES)
def test_readme_picture_of_the_embed_on_another_site(browser, seeded, lang):
    with host_site(seeded["root"], f'data-view="list" data-lang="{lang}"') as host, \
            browsing(browser, LOCALES[lang], 800) as ctx:
        watched = open_page(ctx, host)
        frame = embed_frame(watched.page)
        assert frame.locator("a.p-name").count() > 0
        screenshot(watched.page, f"embed-{lang}.png", FOLDER, full_page=False)
        assert watched.errors == []
