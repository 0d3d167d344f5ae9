"""The layout holds: data flows extract → store → present → web, and the imports follow it.

Extraction is pure (no Flask, no SQLite), the store knows nothing of output, the renderers nothing
of Flask or the database; only `web/` (and the command line, which runs it) may import everything.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "feeds"

MAY_NOT_IMPORT = {  # a layer, and the layers and libraries it must not reach
    "extract": ("feeds.store", "feeds.present", "feeds.web", "feeds.ingest", "flask", "sqlite3", "sqlite_utils"),
    "store": ("feeds.extract", "feeds.present", "feeds.web", "flask"),
    "present": ("feeds.extract", "feeds.store", "feeds.web", "flask", "sqlite3", "sqlite_utils"),
}


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, relative imports made absolute."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


KNOWN_EXCEPTIONS = {
    # Issue 14 makes "postponed" a stored status; until then the event page reads the extractor's words.
    "present/event_page.py imports feeds.extract.events.vocabulary",
    "present/event_page.py imports feeds.extract.events.vocabulary.POSTPONED",
}


@pytest.mark.parametrize("layer", sorted(MAY_NOT_IMPORT))
def test_a_layer_imports_nothing_downstream_of_it(layer):
    forbidden = MAY_NOT_IMPORT[layer]
    wrong = {
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in imports_of(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    }
    assert not wrong - KNOWN_EXCEPTIONS, sorted(wrong - KNOWN_EXCEPTIONS)


def test_the_extraction_runs_without_flask_or_sqlite_loaded():
    code = ("import sys, datetime; from feeds.extract.pipeline import extract_page;"
            " extract_page('博览会将于12月9日开幕。', datetime.date(2026, 12, 1));"
            " print(sorted(m for m in ('flask', 'sqlite3', 'sqlite_utils') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_every_category_and_status_has_its_names_in_one_table():
    from feeds.models import CATEGORIES, STATUSES
    from feeds.present.common import CATEGORY_NAMES, STATUS_NAMES

    assert list(CATEGORY_NAMES) == list(CATEGORIES)
    assert set(STATUSES) <= set(STATUS_NAMES)
