"""Fetching the due sources into the store: each feed's new or changed pages, read and ingested one by one.

A page failing, or a whole source failing, is counted with its reason and logged; the other pages
and sources go on. A page is stored together with the record of where it came from, or not at all.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from sqlite_utils import Database

from .. import files, store
from ..ingest import Extractor, PageResult, check_source_url, ingest_page
from ..models import ItemStatus, PublishedFrom, Source, SourceItem, SourceKind, SourceStatus
from ..progress import Progress, Silent
from . import feed, page
from .agent import Agent, Disallowed, Validators, host_of
from .http import Answer, FetchError

log = logging.getLogger(__name__)

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"
MAX_PROBLEMS_KEPT = 20
"""Problems of the last fetch kept with the source for `feeds sources list` and /api/sources."""
READ = frozenset({
    ItemStatus.INGESTED, ItemStatus.UPDATED, ItemStatus.UNCHANGED, ItemStatus.NOT_MODIFIED, ItemStatus.DUPLICATE,
})
"""Outcomes of a page that was read: it is not asked for again while its feed lists it as before."""
SETTLED = READ | {ItemStatus.KNOWN, ItemStatus.DISALLOWED, ItemStatus.NO_LINK}
"""Outcomes after which nothing is left to try again: the feed's validators can be kept."""


@dataclass(frozen=True)
class Problem:
    """A page (or the source itself) that could not be fetched or read, and why."""

    url: str
    reason: str

    def as_json(self) -> dict[str, str]:
        return {"url": self.url, "reason": self.reason}


@dataclass
class SourceReport:
    """What fetching one source did."""

    name: str
    counts: Counter[ItemStatus] = field(default_factory=Counter)
    events: store.Counts = field(default_factory=store.Counts)
    problems: list[Problem] = field(default_factory=list)
    status: SourceStatus = SourceStatus.OK
    error: str = ""

    def line(self) -> str:
        """One line of the summary: the counts that are not zero, then the events."""
        if self.status is SourceStatus.FAILED:
            return f"{self.name}: failed: {self.error}"
        if self.status is SourceStatus.NOT_MODIFIED:
            return f"{self.name}: not modified"
        counts = ", ".join(f"{n} {status.value.replace('_', ' ')}" for status, n in sorted(self.counts.items()) if n)
        return (
            f"{self.name}: {counts or 'no items'}; events: {self.events.new} new, "
            f"{self.events.updated} updated, {self.events.unchanged} unchanged"
        )


@dataclass
class FetchReport:
    """What one `feeds fetch` did, source by source: the summary it prints."""

    sources: list[SourceReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False when a source could not be read at all (its pages' problems are counted, not fatal)."""
        return all(report.status is not SourceStatus.FAILED for report in self.sources)

    def summary(self) -> str:
        if not self.sources:
            return "no source due"
        lines = [f"{len(self.sources)} source(s) fetched"]
        for report in self.sources:
            lines.append("  " + report.line())
            lines.extend(f"    {problem.url}: {problem.reason}" for problem in report.problems)
        return "\n".join(lines)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Fetcher:
    """Fetches sources through one polite Agent into one database; `stop` ends the work between two pages.

    A page its feed lists as before (same title, dates and summary) is not asked for again, unless
    `recheck`: then every listed page is asked for, conditionally, to catch silent edits.
    """

    def __init__(self, db: Database, agent: Agent, *, extract: Extractor | None = None,
                 clock: Callable[[], dt.datetime] = _utc_now, stop: threading.Event | None = None,
                 recheck: bool = False):
        self.db, self.agent, self.extract, self.clock = db, agent, extract, clock
        self.stop = stop or threading.Event()
        self.recheck = recheck

    # --- which sources ---------------------------------------------------------------------------

    def due(self, names: Sequence[str] = (), *, force: bool = False) -> list[Source]:
        """The sources named (all when none), keeping only those due unless `force`; unknown names raise KeyError."""
        sources = store.list_sources(self.db)
        if names:
            known = {s.name for s in sources}
            missing = [n for n in names if n not in known]
            if missing:
                raise KeyError(", ".join(missing))
            sources = [s for s in sources if s.name in names]
        now = store.utc_stamp(self.clock())
        return [s for s in sources if force or s.next_due <= now]

    def seconds_to_next(self) -> float | None:
        """How long until the next source falls due (None without sources)."""
        dues = [s.next_due for s in store.list_sources(self.db)]
        if not dues:
            return None
        soonest = dt.datetime.strptime(min(dues), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        return max(0.0, (soonest - self.clock()).total_seconds())

    def run(self, names: Sequence[str] = (), *, force: bool = False, progress: Progress | None = None) -> FetchReport:
        """Fetch each due source once."""
        progress = progress or Silent()
        report = FetchReport()
        sources = self.due(names, force=force)
        progress.add(len(sources))
        for source in sources:
            if self.stop.is_set():
                break
            progress.step(source.name)
            report.sources.append(self.fetch_source(source, progress))
            log.info("fetched %s", report.sources[-1].line())  # the history of unattended fetches
        return report

    def loop(self, names: Sequence[str] = (), *, poll_max: float = 60.0,
             progress: Progress | None = None) -> Iterator[FetchReport]:
        """Fetch due sources until `stop` is set, sleeping until the next is due (at most `poll_max`)."""
        while not self.stop.is_set():
            report = self.run(names, progress=progress)
            yield report
            wait = self.seconds_to_next()
            self.stop.wait(poll_max if wait is None else min(max(wait, 1.0), poll_max))

    # --- one source ------------------------------------------------------------------------------

    def fetch_source(self, source: Source, progress: Progress | None = None) -> SourceReport:
        """Fetch a source's feed (or page) and every new or changed page it lists; never raises for bad input."""
        progress = progress or Silent()
        report = SourceReport(source.name)
        validators = Validators(source.etag, source.last_modified) if source.kind is not SourceKind.UNKNOWN else None
        try:
            answer = self.agent.get(source.url, validators, accept=feed.ACCEPT)
            if answer.status == 304:
                report.status = SourceStatus.NOT_MODIFIED
                self._settle(source, report, answer)
                return report
            kind = _kind(source.kind, answer)
            if kind is SourceKind.PAGE:
                source = replace(source, kind=kind)
                outcome = self._page(source, source.url, None, report, answer)
                report.counts[outcome] += 1
            else:
                read = feed.read_feed(answer.body, answer.url, answer.headers.get("content-type", ""))
                source = replace(source, kind=kind)
                if read.problem:
                    self._problem(source, report, source.url, read.problem)
                progress.add(len(read.items))
                self._items(source, read.items, report, progress)
        except FetchError as error:
            return self._failed(source, report, error.reason, error.retry_after)
        except feed.NotAFeed as error:
            return self._failed(source, report, str(error), None)
        except Exception as error:  # a bug or a database failure: logged, and the other sources still run
            log.exception("source %s failed", source.name)
            return self._failed(source, report, f"{type(error).__name__}: {error}", None)
        settled = all(status in SETTLED for status in report.counts) and not self.stop.is_set()
        if not settled:
            report.status = SourceStatus.PARTIAL
        self._settle(source, report, answer if settled else None)
        return report

    def _items(self, source: Source, items: Iterable[feed.FeedItem], report: SourceReport, progress: Progress) -> None:
        seen: set[str] = set()
        for item in items:
            if self.stop.is_set():
                return
            progress.step(item.link or item.title)
            if item.link is None:
                report.counts[ItemStatus.NO_LINK] += 1
                self._problem(source, report, item.title or "(an item without title)", "item without a link")
                continue
            if item.link in seen:
                continue
            seen.add(item.link)
            try:
                check_source_url(item.link)
            except ValueError as error:
                report.counts[ItemStatus.FAILED] += 1
                self._problem(source, report, item.link[:200], f"bad link: {error}")
                continue
            report.counts[self._page(source, item.link, item, report)] += 1

    def _page(self, source: Source, url: str, entry: feed.FeedItem | None, report: SourceReport,
              answer: Answer | None = None) -> ItemStatus:
        """Fetch (unless given) and ingest one page; returns what happened, problems noted in the report."""
        known = store.get_item(self.db, url)
        fingerprint = entry.fingerprint if entry else None
        if (known and known.status in READ and fingerprint and known.entry_hash == fingerprint
                and not self.recheck):
            return ItemStatus.KNOWN
        if answer is None:
            validators = Validators(known.etag, known.last_modified) if known and known.content_hash else None
            try:
                answer = self.agent.get(url, validators, accept=PAGE_ACCEPT)
            except Disallowed as refused:
                self._record(known, url, source, ItemStatus.DISALLOWED, refused.reason)
                self._problem(source, report, url, refused.reason, level=logging.INFO)
                return ItemStatus.DISALLOWED
            except FetchError as error:
                status = ItemStatus.DEFERRED if error.retry_after is not None else ItemStatus.FAILED
                self._record(known, url, source, status, error.reason)
                self._problem(source, report, url, error.reason)
                return status
        if answer.status == 304:
            self._record(known, url, source, ItemStatus.NOT_MODIFIED, entry_hash=fingerprint)
            return ItemStatus.NOT_MODIFIED
        try:
            fetched = page.read_page(answer.body, answer.url, answer.mimetype, answer.charset,
                                     title=entry.title if entry else "")
        except files.RejectedFile as rejected:
            self._record(known, url, source, ItemStatus.FAILED, rejected.reason)
            self._problem(source, report, url, rejected.reason)
            return ItemStatus.FAILED
        digest = fetched.content_hash
        item = SourceItem(url, source.name, ItemStatus.INGESTED, store.utc_stamp(self.clock()),
                          answer.etag, answer.last_modified, digest, fingerprint)
        if known and known.content_hash == digest:
            self._save(replace(item, status=ItemStatus.UNCHANGED, article_id=known.article_id))
            return ItemStatus.UNCHANGED
        if not (known and known.content_hash):
            twin = store.item_with_hash(self.db, digest)
            if twin is not None and twin.url != url:
                self._save(replace(item, status=ItemStatus.DUPLICATE, article_id=twin.article_id,
                                   reason=f"same text as {twin.url}"))
                return ItemStatus.DUPLICATE
        status = ItemStatus.UPDATED if known and known.content_hash else ItemStatus.INGESTED
        published = _published(source.published_from, entry.published if entry else None, fetched.published)

        def record(db: Database, result: PageResult) -> None:
            ids = [article.id for article in result.articles]
            store.save_item(db, replace(item, status=status, article_id=" ".join(ids) or None))
            if status is ItemStatus.UPDATED and known and known.article_id:
                store.supersede_articles(db, known.article_id.split(), ids, store.utc_stamp(self.clock()))

        try:
            result = ingest_page(self.db, fetched.text, source.name, url, published,
                                 now=self.clock(), extract=self.extract, within=record)
        except Exception as error:  # the extraction failed on this page: nothing of it was stored
            log.exception("source %s: ingesting %s failed", source.name, url)
            self._record(known, url, source, ItemStatus.FAILED, f"failed: {type(error).__name__}: {error}")
            self._problem(source, report, url, f"failed: {type(error).__name__}: {error}", level=None)
            return ItemStatus.FAILED
        report.events += result.counts
        return status

    # --- bookkeeping -----------------------------------------------------------------------------

    def _record(self, known: SourceItem | None, url: str, source: Source, status: ItemStatus, reason: str = "",
                *, entry_hash: str | None = None) -> None:
        """Note an outcome that stored no article, keeping the validators and hashes of the last good fetch.

        The same outcome as last time (a 304 again) is not written: `fetched` is when the page's state last changed.
        """
        entry_hash = entry_hash or (known.entry_hash if known else None)
        if known is not None and (known.status, known.reason, known.entry_hash) == (status, reason, entry_hash):
            return
        stamp = store.utc_stamp(self.clock())
        if known is None:
            item = SourceItem(url, source.name, status, stamp, reason=reason, entry_hash=entry_hash)
        else:
            item = replace(known, source=source.name, status=status, fetched=stamp, reason=reason,
                           entry_hash=entry_hash)
        self._save(item)

    def _save(self, item: SourceItem) -> None:
        with store.transaction(self.db):
            store.save_item(self.db, item)

    def _problem(self, source: Source, report: SourceReport, url: str, reason: str,
                 level: int | None = logging.WARNING) -> None:
        report.problems.append(Problem(url, reason))
        if level is not None:
            log.log(level, "source %s: %s: %s", source.name, url, reason)

    def _failed(self, source: Source, report: SourceReport, reason: str, retry_after: float | None) -> SourceReport:
        """The source itself could not be read: counted, logged, and tried again later and later."""
        report.status, report.error = SourceStatus.FAILED, reason
        log.warning("source %s: %s", source.name, reason)
        failures = source.failures + 1
        wait = min(source.every_seconds * 2 ** (failures - 1), self.agent.settings.backoff_max)
        wait = max(wait, retry_after or 0)
        now = self.clock()
        with store.transaction(self.db):
            store.update_source(self.db, replace(
                source,
                last_fetch=store.utc_stamp(now),
                last_status=SourceStatus.FAILED,
                last_error=reason,
                last_counts={},
                last_problems=[Problem(source.url, reason).as_json()],
                failures=failures,
                next_due=store.utc_stamp(now + dt.timedelta(seconds=wait)),
            ))
        return report

    def _settle(self, source: Source, report: SourceReport, answer: Answer | None) -> None:
        """Write back the outcome; the feed's validators only when every page is settled, so none is forgotten."""
        now = self.clock()
        etag, last_modified = source.etag, source.last_modified
        if answer is not None and answer.status != 304:
            etag, last_modified = answer.etag, answer.last_modified
        elif answer is None:
            etag = last_modified = None
        wait = max(source.every_seconds, self.agent.gate.blocked_for(host_of(source.url)))
        with store.transaction(self.db):
            store.update_source(self.db, replace(
                source,
                etag=etag,
                last_modified=last_modified,
                last_fetch=store.utc_stamp(now),
                last_status=report.status,
                last_error="",
                last_counts={str(status): n for status, n in report.counts.items()},
                last_problems=[p.as_json() for p in report.problems[:MAX_PROBLEMS_KEPT]],
                failures=0,
                next_due=store.utc_stamp(now + dt.timedelta(seconds=wait)),
            ))


def _kind(known: SourceKind, answer: Answer) -> SourceKind:
    """A source is a feed when it was one or its answer looks like one; else an HTML answer makes it a page."""
    if known is not SourceKind.UNKNOWN:
        return known
    if feed.looks_like_feed(answer.body, answer.mimetype):
        return SourceKind.FEED
    if answer.mimetype in ("text/html", "application/xhtml+xml") or files.looks_like_html(
        answer.body[:1000].decode("latin-1")
    ):
        return SourceKind.PAGE
    return SourceKind.FEED  # read as one, so what it is not is said ("not a feed: …")


def _published(first: PublishedFrom, feed_date: dt.date | None, page_date: dt.date | None) -> dt.date | None:
    """The publication date from where the source says, else from the other place."""
    return (feed_date or page_date) if first is PublishedFrom.FEED else (page_date or feed_date)
