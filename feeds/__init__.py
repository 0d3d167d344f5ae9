"""feeds: scheduled events from newspaper articles, published as calendars and feeds.

Read top to bottom: `extract/` (text in, events out) → `store/` (SQLite) → `present/` (calendars,
feeds, JSON, HTML helpers) → `web/` (Flask). `ingest.py` and `commands.py` are the edges that run them.
"""

from .app import create_app

__all__ = ["create_app"]
