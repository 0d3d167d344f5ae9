"""feeds: scheduled events from newspaper articles, published as calendars and feeds.

Read top to bottom: `extract/` (text in, events out) → `store/` (SQLite) → `present/` (calendars,
feeds, JSON, HTML helpers) → `web/` (Flask). `ingest.py` and `commands.py` are the edges that run them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """`feeds.create_app`, imported on first use: extraction alone must not load Flask."""
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module 'feeds' has no attribute {name!r}")
