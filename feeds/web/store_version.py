"""Whether the store changed, per request, without a query: SQLite's WAL-index header, read from memory.

In WAL mode (store.open_db sets it) every commit, by any connection in any process, rewrites the header
at the start of the `-shm` file: its change counter, the last frame and the salts
(https://sqlite.org/walformat.html, "The WAL-Index Header"). SQLite maps that file shared, so a process
that maps it too sees each commit at once; comparing 48 bytes is what `PRAGMA data_version` does
underneath, minus a statement, a lock and a call into SQLite. This process keeps one idle connection
open, so the `-shm` file stays (SQLite removes it only with its last connection). When the header is
being written (its two copies differ) or the store is not in WAL mode, the pragma answers instead.
"""

from __future__ import annotations

import mmap
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable

HEADER_BYTES = 48
"""One copy of the WAL-index header; the second copy follows it, and a reader trusts the two when equal."""
_IS_INIT = 12
"""Offset of isInit: 0 until a connection has built the index."""


class StoreVersion:
    """A value that changes whenever the store at `database()` commits; None while there is no such file."""

    def __init__(self, database: Callable[[], str]) -> None:
        self.database = database
        self._conn: sqlite3.Connection | None = None
        self._shm: mmap.mmap | None = None
        self._lock = threading.Lock()
        # A forked worker (gunicorn --preload) opens its own connection and mapping; held weakly, so an
        # app that is dropped (tests make many) closes its connection.
        forget = weakref.WeakMethod(self._forget)
        os.register_at_fork(after_in_child=lambda: (method := forget()) and method())

    def current(self) -> bytes | int | None:
        if self._conn is None and not self._open():
            return None
        shm = self._shm
        if shm is not None:
            header = shm[:HEADER_BYTES]
            if header == shm[HEADER_BYTES:2 * HEADER_BYTES] and header[_IS_INIT]:
                return header
        return self._pragma()

    def _open(self) -> bool:
        with self._lock:
            if self._conn is not None:
                return True
            path = self.database()
            if not os.path.exists(path):
                return False
            self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._shm = None
            try:
                self._conn.execute("PRAGMA data_version").fetchone()  # a read: the WAL index is built and mapped
                if self._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                    with open(path + "-shm", "rb") as f:
                        self._shm = mmap.mmap(f.fileno(), 2 * HEADER_BYTES, access=mmap.ACCESS_READ)
            except (sqlite3.Error, OSError, ValueError):
                self._shm = None  # the pragma answers; a file that cannot be read fails there
            return True

    def _pragma(self) -> int | None:
        """SQLite's counter of other connections' commits, on this process's idle connection."""
        conn = self._conn
        try:
            return conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:  # a file that cannot be read: Flask answers (503 with the reason), uncached
            self.close()
            return None

    def _forget(self) -> None:
        """In a new child process: the parent's connection and mapping are not this process's to use."""
        self._conn = self._shm = None
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            conn, shm = self._conn, self._shm
            self._conn = self._shm = None
        if shm is not None:
            shm.close()
        if conn is not None:
            conn.close()
