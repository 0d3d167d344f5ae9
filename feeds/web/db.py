"""The request's database connection: opened on first use, closed when the app context ends."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlite_utils import Database

from .. import store


def get_db() -> Database:
    """The store for this request or CLI command, opened (and migrated) on first use.

    Raises store.StorageFault when the file cannot be used (read-only, full, corrupted, foreign, newer).
    """
    if "db" not in g:
        path = current_app.config["DATABASE"]
        try:
            g.db = store.open_db(path)
        except Exception as error:
            fault = store.storage_fault(error, path)
            if fault is None:
                raise
            raise fault from error
    return g.db


def close_db(_error: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    """Close the connection at the end of every request and CLI command."""
    app.teardown_appcontext(close_db)
