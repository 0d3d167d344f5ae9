"""Files in, events stored: read each file, extract its articles' events, save them in one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import logging
import multiprocessing
import os
import re
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sqlite_utils import Database

from . import files, store
from .extract import EXTRACTOR_VERSION
from .models import ArticleEvents
from .progress import Progress, Silent
from .report_facts import derive

log = logging.getLogger(__name__)

Extractor = Callable[[str, dt.date | None], list[ArticleEvents]]
"""Page text and publication date in, articles with their events out: `feeds.pipeline.extract_page`."""


def extract_page(text: str, published: dt.date | None = None) -> list[ArticleEvents]:
    """The extraction pipeline, imported when first needed so the store works without it."""
    from .extract import pipeline

    return pipeline.extract_page(text, published)


MAX_URL_CHARS = 2000
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\"<>\\^`{|}]")


def check_source_url(url: str | None) -> str | None:
    """The page's address if it is a plain http(s) URL; raises ValueError otherwise.

    Pages, calendars and feeds link to it, so `javascript:` and the like must never get in.
    """
    if url is None or url == "":
        return None
    if len(url) > MAX_URL_CHARS:
        raise ValueError(f"source URL longer than {MAX_URL_CHARS} characters")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("source URL must be an http:// or https:// address")
    if _URL_FORBIDDEN.search(url):
        raise ValueError("source URL contains spaces, control characters or characters that must be escaped")
    return url


@dataclass(frozen=True)
class Rejection:
    """A file that was not ingested, and why."""

    path: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest did: the summary `feeds ingest` prints."""

    files: int = 0
    articles: int = 0
    events: store.Counts = field(default_factory=store.Counts)
    rejected: list[Rejection] = field(default_factory=list)
    fault: store.StorageFault | None = None
    """The database fault that stopped the ingest (full disk, read-only, corrupted): every later file would fail too."""
    not_ingested: int = 0
    """Files left unread because of `fault`, the one that met it included."""

    @property
    def ok(self) -> bool:
        return not self.rejected and self.fault is None

    def log(self) -> None:
        """The summary in the log, each rejected file a warning: the history of unattended ingests."""
        log.info(self.summary().splitlines()[0])
        for rejection in self.rejected:
            log.warning("rejected %s: %s", rejection.path, rejection.reason)
        if self.fault is not None:  # a warning like a rejection: `feeds ingest` prints it in its summary already
            log.warning("ingest stopped: %s; %d file(s) not ingested", self.fault, self.not_ingested)

    def summary(self) -> str:
        lines = [
            f"{self.files} file(s) ingested, {self.articles} article(s) read; events: "
            f"{self.events.new} new, {self.events.updated} updated, {self.events.unchanged} unchanged"
            + (f", {self.events.retracted} retracted" if self.events.retracted else "")
        ]
        if self.rejected:
            lines.append(f"{len(self.rejected)} file(s) rejected:")
            lines.extend(f"  {r.path}: {r.reason}" for r in self.rejected)
        if self.fault is not None:
            lines.append(f"stopped: {self.fault}; {self.not_ingested} file(s) not ingested")
        return "\n".join(lines)


def ingest_paths(
    db: Database,
    paths: Iterable[str | Path],
    published: dt.date | None = None,
    source_url: str | None = None,
    *,
    max_bytes: int = files.DEFAULT_MAX_BYTES,
    now: dt.datetime | None = None,
    extract: Extractor | None = None,
    progress: Progress | None = None,
    jobs: int | None = 1,
) -> IngestReport:
    """Ingest files and folders, each file atomic; a refused file does not stop the others.

    Files are committed in groups (`Batches`), each in a savepoint of its own: a file that fails
    leaves nothing and the others of its group are kept, at a commit's cost per group, not per file.
    With `jobs` > 1, files are read and extracted in that many worker processes while this one stores
    them in input order: the store ends up exactly as a one-job ingest leaves it. `jobs=None`: as many
    as the CPUs available, with at least MIN_FILES_PER_JOB files each.
    """
    source_url = check_source_url(source_url)
    report = IngestReport()
    progress = progress or Silent()
    found = files.expand_paths(paths)
    progress.add(len(found))
    batches = Batches(db, report, source_url, now, len(found))
    with store.bulk_writes(db):
        for index, (path, read) in enumerate(_extracted(found, published, max_bytes, extract, jobs)):
            progress.step(path.name)
            if not batches.add(index, path, read):
                break
        else:
            batches.flush()
    report.log()
    return report


def default_jobs() -> int:
    """The CPUs this process may use: extraction in that many workers pays once storing a file costs less
    CPU than extracting it (files committed in groups; bench/README.md, issue 19)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _fault(db: Database, error: Exception) -> store.StorageFault | None:
    """The storage fault behind an error (full disk, read-only, damaged file), or None for any other error."""
    return store.storage_fault(error, _path_of(db)) if isinstance(error, sqlite3.DatabaseError) else None


Extracted = tuple[str, list[ArticleEvents]] | Rejection
"""A file read and extracted (its source name and articles), or why it was not."""


BATCH_FILES = 64
BATCH_SECONDS = 0.5
"""Files extracted are stored in a group after this many files or seconds, whichever comes first: a
commit (an fsync) costs more than storing a typical file, and readers still see an ingest's progress."""


@dataclass(frozen=True)
class _Item:
    """One file in input order: its index among those found, its path, and what reading it gave."""

    index: int
    path: Path
    read: Extracted


WRITER_WAIT_MS = 300_000
"""How long an ingest waits for other writers: each holds the store for a group of files, which on a loaded
machine takes seconds, and two ingests queued before it take twice that (the store's default is 5 s)."""


class Batches:
    """Files stored in groups: one transaction a group, taken only once the group is extracted (so other
    writers are kept waiting no longer than it takes to store it), and a savepoint a file.

    A file that fails leaves nothing and the others of its group are kept. After a storage fault (a full
    disk) the group is undone and stored again one transaction a file, as are all later files: what fits
    goes in whole, file by file, as without groups. The report counts a file once it is committed.
    """

    def __init__(self, db: Database, report: IngestReport, source_url: str | None, now: dt.datetime | None,
                 total: int) -> None:
        self.db, self.report, self.source_url, self.now, self.total = db, report, source_url, now, total
        db.execute(f"PRAGMA busy_timeout = {WRITER_WAIT_MS}")
        self.items: list[_Item] = []
        self.started = 0.0
        self.alone = False

    def add(self, index: int, path: Path, read: Extracted) -> bool:
        """Queue one file, storing the group when it is due; False once a storage fault stopped the ingest."""
        item = _Item(index, path, read)
        if self.alone:
            return self._store_alone([item])
        if not self.items:
            self.started = time.monotonic()
        self.items.append(item)
        if len(self.items) >= BATCH_FILES or time.monotonic() - self.started >= BATCH_SECONDS:
            return self.flush()
        return True

    def flush(self) -> bool:
        """Store the queued files in one transaction, then report them in input order."""
        items, self.items = self.items, []
        if not any(isinstance(item.read, tuple) for item in items):
            return self._store_alone(items)  # only rejections: nothing to write
        outcomes: list[PageResult | Rejection] = []
        try:
            self.db.conn.execute("BEGIN IMMEDIATE")  # concurrent writers queue, as for one file
            with store.search_index.deferred(self.db):  # indexed once a group, not row by row
                for item in items:
                    outcomes.append(item.read if isinstance(item.read, Rejection) else self._save(item))
            self.db.conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            if _fault(self.db, error) is None:
                raise
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            self.alone = True
            return self._store_alone(items)
        for outcome in outcomes:
            self._record(outcome)
        return True

    def _store_alone(self, items: list[_Item]) -> bool:
        """Each file in its own transaction (or a rejection, reported); a storage fault stops at that file."""
        for item in items:
            if isinstance(item.read, Rejection):
                self._record(item.read)
                continue
            try:
                outcome = self._save(item)
            except sqlite3.DatabaseError as error:
                fault = _fault(self.db, error)
                if fault is None:
                    raise
                self.report.fault, self.report.not_ingested = fault, self.total - item.index
                return False
            self._record(outcome)
        return True

    def _save(self, item: _Item) -> PageResult | Rejection:
        """Store one file (in a savepoint of the open transaction, or its own); any error but a storage
        fault makes it a rejection, as one bad file must not stop an unattended ingest of the rest."""
        source, page = item.read
        try:
            return save_page(self.db, page, source, self.source_url, now=self.now)
        except Exception as error:
            if _fault(self.db, error) is not None:  # every later file would meet it too
                raise
            log.exception("ingesting %s failed", item.path)
            return Rejection(str(item.path), f"failed: {type(error).__name__}: {error}")

    def _record(self, outcome: PageResult | Rejection) -> None:
        if isinstance(outcome, Rejection):
            self.report.rejected.append(outcome)
            return
        self.report.files += 1
        self.report.articles += len(outcome.articles)
        self.report.events += outcome.counts


def _extracted(found: list[Path], published: dt.date | None, max_bytes: int, extract: Extractor | None,
               jobs: int | None) -> Iterator[tuple[Path, Extracted]]:
    """Each file read and extracted, in input order: here, or in `jobs` worker processes, a bounded
    number of files ahead of the one being stored (so the database is written by one process)."""
    work = functools.partial(_read_and_extract, published=published, max_bytes=max_bytes, extract=extract)
    jobs = min(default_jobs(), len(found) // MIN_FILES_PER_JOB) if jobs is None else min(jobs, len(found))
    if jobs <= 1:
        yield from ((path, work(path)) for path in found)
        return
    if extract is None:  # imported here once (0.8 s of CPU), not in every worker after the fork
        from .extract import pipeline  # noqa: F401
    size = max(1, min(CHUNK_FILES, len(found) // (jobs * CHUNKS_PER_JOB)))
    chunks = iter([found[start:start + size] for start in range(0, len(found), size)])
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=fork, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
        pending: deque[tuple[list[Path], Future]] = deque()
        for chunk in itertools.islice(chunks, jobs * AHEAD_PER_JOB):
            pending.append((chunk, pool.submit(_each, work, chunk)))
        while pending:
            chunk, future = pending.popleft()
            following = next(chunks, None)
            if following is not None:
                pending.append((following, pool.submit(_each, work, following)))
            yield from zip(chunk, future.result(), strict=True)


MIN_FILES_PER_JOB = 8
"""By default, fewer files than this per worker are extracted here: starting workers would cost more than it saves."""
CHUNK_FILES = 16
"""Files a worker reads and extracts per task: a task's round trip (pickling, pipes, the pool's thread waking
the writer) costs the writer about as much as storing a file, so it is paid once per chunk (issue 19)."""
CHUNKS_PER_JOB = 4
"""Small inputs are cut into at least this many chunks per worker, so every worker gets some."""
AHEAD_PER_JOB = 4
"""How many chunks each worker may have extracted before the writer stores them (bounds the memory held)."""


WORKER_NICENESS = 5
"""Workers run at a lower priority than the writer: when the cores are short, the one process that stores (in
input order, holding the database's write lock for a group) goes first, and the workers take what is left."""


PARENT_CHECK_SECONDS = 1.0
"""How often a worker looks whether the writer that started it is still there."""


def _start_worker(writer: int) -> None:
    """A worker's start: lower its priority (where the system allows it), and end it when its writer is gone (an
    ingest killed with SIGKILL would otherwise leave its workers waiting for work forever)."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(WORKER_NICENESS)
    threading.Thread(target=_end_with, args=(writer,), name="end-with-writer", daemon=True).start()


def _end_with(writer: int) -> None:
    while os.getppid() == writer:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)  # the writer is gone: nothing will read what this worker would extract


def _each(work: Callable[[Path], Extracted], paths: list[Path]) -> list[Extracted]:
    """One task of a worker: a chunk of files, each read and extracted."""
    return [work(path) for path in paths]


def _read_and_extract(path: Path, *, published: dt.date | None, max_bytes: int,
                      extract: Extractor | None) -> Extracted:
    """Read one file and extract its articles, as a worker process does; never raises."""
    try:
        source = files.read_source(path, max_bytes=max_bytes)
    except files.RejectedFile as rejected:
        return Rejection(str(path), rejected.reason)
    try:
        return source.name, extract_for_store(source.text, published, extract)
    except Exception as error:  # as a failed save: the file is reported and the others go on
        log.exception("ingesting %s failed", path)
        return Rejection(str(path), f"failed: {type(error).__name__}: {error}")


def _path_of(db: Database) -> str:
    return store.database_path(db) or "the database"


@dataclass(frozen=True)
class ArticleOutcome:
    """One article of an ingested page, and whether this ingest stored it (else it was known)."""

    id: str
    headline: str
    published: str | None
    new: bool


@dataclass
class PageResult:
    """What ingesting one page did: its articles and its events as (uid, "new" / "updated" / "unchanged")."""

    articles: list[ArticleOutcome] = field(default_factory=list)
    events: list[tuple[str, str]] = field(default_factory=list)
    counts: store.Counts = field(default_factory=store.Counts)

    @property
    def created(self) -> bool:
        """Whether the page brought an article the store did not have."""
        return any(article.new for article in self.articles)


_RANK = {"unchanged": 0, "updated": 1, "new": 2}


def ingest_page(
    db: Database,
    text: str,
    source: str,
    source_url: str | None = None,
    published: dt.date | None = None,
    *,
    now: dt.datetime | None = None,
    extract: Extractor | None = None,
    within: Callable[[Database, PageResult], None] | None = None,
) -> PageResult:
    """Extract one page's articles and store them all in a single transaction, saying what changed.

    An event reported twice in the page is listed once, with the strongest change. `within` runs
    in the same transaction once the page is saved (a fetch records the page it came from), so
    either both are stored or neither.
    """
    return save_page(db, extract_for_store(text, published, extract), source, source_url, now=now, within=within)


def extract_for_store(text: str, published: dt.date | None = None, extract: Extractor | None = None,
                      ) -> list[ArticleEvents]:
    """A page's articles with their events, the facts of each report derived: all of an ingest that
    needs no database (what `--jobs` runs in worker processes)."""
    return [derive(article_events) for article_events in (extract or extract_page)(text, published)]


def save_page(
    db: Database,
    page: list[ArticleEvents],
    source: str,
    source_url: str | None = None,
    *,
    now: dt.datetime | None = None,
    within: Callable[[Database, PageResult], None] | None = None,
) -> PageResult:
    """Store one extracted page's articles in a single transaction, or a savepoint of the open one (see
    ingest_page and Batches)."""
    now = now or dt.datetime.now(dt.UTC)
    result = PageResult()
    fresh: set[str] = set()
    outcomes: list[tuple[str, str]] = []
    stored: set[str] = set()
    with store.savepoint(db, "page") if db.conn.in_transaction else store.transaction(db):
        for article_events in page:
            article = article_events.article
            aid = store.article_id(article)
            published = article.published.date.isoformat() if article.published.date else None
            seen = aid in stored  # the same article twice in a page: new the first time only
            result.counts += store.save_article_events(
                db, source, source_url, article_events, now=now, fresh=fresh, outcomes=outcomes,
                extractor_version=EXTRACTOR_VERSION, known_id=aid, stored_articles=stored,
            )
            result.articles.append(ArticleOutcome(aid, article.headline, published, aid in stored and not seen))
        strongest: dict[str, str] = {}
        for uid, change in outcomes:
            if _RANK[change] > _RANK.get(strongest.get(uid, ""), -1):
                strongest[uid] = change
        result.events = list(strongest.items())
        if within is not None:
            within(db, result)
    return result


def ingest_text(
    db: Database,
    text: str,
    source: str,
    source_url: str | None = None,
    published: dt.date | None = None,
    *,
    now: dt.datetime | None = None,
    extract: Extractor | None = None,
) -> tuple[int, store.Counts]:
    """Extract one page's articles and store them all in a single transaction; returns (articles, counts)."""
    result = ingest_page(db, text, source, source_url, published, now=now, extract=extract)
    return len(result.articles), result.counts
