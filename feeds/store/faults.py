"""When the database file itself cannot be used: what went wrong, in one line an operator can act on.

A read-only folder, a full disk, a corrupted, truncated or foreign file and a schema from a newer
feeds all surface as different exceptions (sqlite3 errors with SQLite's result codes, SchemaTooNew,
OSError); `storage_fault` turns each into one StorageFault naming the file and the cause, and leaves
every other exception (a bug, bad input, a busy lock) alone.
"""

from __future__ import annotations

import enum
import errno
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .schema import SchemaTooNew


class FaultKind(enum.Enum):
    """What is wrong with the file; each says what to do about it."""

    READ_ONLY = "the database cannot be written (a read-only file, folder or disk)"
    FULL = "the disk is full (or the database reached its size limit)"
    CORRUPT = "the database is corrupted; restore it from a backup (feeds backup makes them)"
    NOT_A_DATABASE = "the file is not a feeds database (truncated, or another kind of file)"
    CANNOT_OPEN = "the database file cannot be opened (a missing folder, or no permission)"
    IO_ERROR = "the disk failed to read or write (I/O error)"
    TOO_NEW = "the database was written by a newer version of feeds; upgrade feeds to use it"


_RESULT_CODES = {
    "SQLITE_READONLY": FaultKind.READ_ONLY,
    "SQLITE_PERM": FaultKind.READ_ONLY,
    "SQLITE_FULL": FaultKind.FULL,
    "SQLITE_CORRUPT": FaultKind.CORRUPT,
    "SQLITE_NOTADB": FaultKind.NOT_A_DATABASE,
    "SQLITE_CANTOPEN": FaultKind.CANNOT_OPEN,
    "SQLITE_IOERR": FaultKind.IO_ERROR,
}
"""SQLite's primary result codes that mean the file, not the query, is at fault (extended codes share the prefix)."""


class StorageFault(Exception):
    """The database at `path` cannot be used, and why; `str()` is the one line to show."""

    def __init__(self, path: str | Path, kind: FaultKind, detail: str = ""):
        self.path, self.kind, self.detail = str(path), kind, detail
        super().__init__(f"{self.path}: {kind.value}" + (f" ({detail})" if detail else ""))

    @property
    def reason(self) -> str:
        """The cause without the path: what a public answer (HTTP 503) says."""
        return self.kind.value + (f" ({self.detail})" if self.detail else "")


def storage_fault(error: BaseException, path: str | Path) -> StorageFault | None:
    """The fault of the database file that `error` reports, or None when it reports something else."""
    if isinstance(error, StorageFault):
        return error
    if isinstance(error, SchemaTooNew):
        return StorageFault(path, FaultKind.TOO_NEW, str(error))
    if isinstance(error, sqlite3.DatabaseError):
        name = getattr(error, "sqlite_errorname", "") or ""
        kind = next((k for code, k in _RESULT_CODES.items() if name == code or name.startswith(code + "_")), None)
        return StorageFault(path, kind, str(error)) if kind else None
    if isinstance(error, OSError):  # creating the folder, or a backup's file
        kind = _ERRNOS.get(error.errno or 0, FaultKind.IO_ERROR)
        return StorageFault(path, kind, error.strerror or str(error))
    return None


_ERRNOS = {errno.ENOSPC: FaultKind.FULL, errno.EROFS: FaultKind.READ_ONLY, errno.EACCES: FaultKind.READ_ONLY,
           errno.EPERM: FaultKind.READ_ONLY, errno.ENOENT: FaultKind.CANNOT_OPEN, errno.ENOTDIR: FaultKind.CANNOT_OPEN}


def database_path(db: Database) -> str:
    """The file a connection has open ("" for an in-memory database)."""
    try:
        return db.execute("PRAGMA database_list").fetchone()[2] or ""
    except sqlite3.Error:
        return ""


def check_integrity(db: Database, path: str | Path) -> None:
    """Raise StorageFault when SQLite's quick check finds damage: a write could land while reads fail."""
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(1)").fetchall()]
    except sqlite3.DatabaseError as error:
        raise storage_fault(error, path) or error from None
    if problems != ["ok"]:
        first = " ".join(" ".join(problems).split()).removeprefix("*** in database main *** ")
        raise StorageFault(path, FaultKind.CORRUPT, first)
