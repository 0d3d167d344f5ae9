"""`/healthz` for load balancers, and 503 with the reason on every route when the database cannot be used.

A read-only folder, a full disk or a corrupted, foreign or newer database is not the client's fault
and not a bug to hide behind a 500: every route says which (store.StorageFault), and the health
endpoint says whether the database is readable, its schema current and the file writable.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, request

from .. import store
from ..present.api import dump
from .db import get_db

bp = Blueprint("health", __name__)

RETRY_AFTER_SECONDS = 60
"""An operator has to act (free space, fix permissions, restore a backup): clients need not retry sooner."""
JSON = "application/json; charset=utf-8"
TABLES = ("meta", "articles", "events", "mentions")
"""What the health check reads a row of."""


def unavailable(fault: store.StorageFault) -> Response:
    """503 with the cause (not the server's file path): JSON for the API, plain text elsewhere."""
    current_app.logger.error("database unavailable: %s", fault)
    message = f"the service is unavailable: {fault.reason}"
    if request.path.startswith("/api/") or request.path == "/healthz":
        response = Response(dump({"error": message}), status=503, content_type=JSON)
    else:
        response = Response(message + "\n", status=503, content_type="text/plain; charset=utf-8")
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


def as_fault(error: BaseException) -> store.StorageFault | None:
    """The app's database's fault that `error` reports, or None when it reports something else."""
    return store.storage_fault(error, current_app.config["DATABASE"])


def _database_error(error: sqlite3.DatabaseError) -> Response:
    """A fault met after the file opened (a corrupted page, a full disk on write): 503; anything else stays a 500."""
    fault = as_fault(error)
    if fault is None:
        raise error
    return unavailable(fault)


@bp.get("/healthz")
def healthz() -> Response:
    """200 when the database opens, reads and has the current schema; 503 with the reason otherwise.

    Cheap enough to poll: it opens the file and reads a row of each table (a damaged table's first page
    shows), but does not scan it all (`feeds ingest` and `feeds backup` run SQLite's quick check).
    """
    path = str(current_app.config["DATABASE"])
    expected = len(store.MIGRATIONS)
    try:
        db = get_db()
        for table in TABLES:
            db.execute(f"SELECT * FROM [{table}] LIMIT 1").fetchall()
        version: int | None = store.schema_version(db)
    except (store.StorageFault, sqlite3.DatabaseError) as error:
        fault = as_fault(error)
        if fault is None:
            raise
        version = _read_only_version(path)
        report = {"status": "unavailable", "error": fault.reason, "fault": fault.kind.name.lower(),
                  "readable": version is not None}
        status = 503
    else:
        report, status = {"status": "ok", "readable": True}, 200
    report |= {"schema_version": version, "schema_expected": expected, "schema_current": version == expected,
               "writable": _writable(path)}
    return _no_store(Response(dump(report), status=status, content_type=JSON))


def _read_only_version(path: str) -> int | None:
    """The schema version of a file that opens read-only and answers a query, else None; changes nothing."""
    if not os.path.exists(path):
        return None
    try:
        # immutable: no lock or -shm file, which a read-only folder would not let SQLite create
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _writable(path: str) -> bool:
    """Whether the file and its folder (SQLite writes its journal there) may be written by this process."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(folder, os.W_OK) and (not os.path.exists(path) or os.access(path, os.W_OK))


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """The health endpoint, and the 503 answer for storage faults on every route."""
    app.register_blueprint(bp)
    app.register_error_handler(store.StorageFault, unavailable)
    app.register_error_handler(sqlite3.DatabaseError, _database_error)
