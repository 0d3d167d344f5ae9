"""The editors' review queue: events newest first, hidden ones too, filtered by what needs a look."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from sqlite_utils import Database

from ..models import StoredEvent
from .corrections import conflicts, corrections_of
from .identity import records
from .read import _stored

QUEUE_PAGE = 50
"""Events on one page of the queue."""


class Need(StrEnum):
    """What the queue can be filtered by."""

    ALL = "all"
    NEW = "new"
    """Created or changed since an editor last confirmed it (or never confirmed)."""
    DOUBTFUL = "doubtful"
    """Low confidence: inferred years, relative or month-only dates, tentative wording."""
    TENTATIVE = "tentative"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    REPEATED = "repeated"
    """One name with several dates: several events share a family."""
    CONFLICT = "conflict"
    """A newer report contradicts a correction."""
    CORRECTED = "corrected"
    HIDDEN = "hidden"


_WHERE = {
    Need.ALL: "1",
    Need.NEW: "(r.at IS NULL OR e.updated > r.at)",
    Need.DOUBTFUL: "e.flags != '[]'",
    Need.TENTATIVE: "(e.status = 'tentative' OR e.flags LIKE '%\"tentative\"%')",
    Need.POSTPONED: "e.status = 'postponed'",
    Need.CANCELLED: "e.status = 'cancelled'",
    Need.REPEATED: "e.key IN (SELECT key FROM events GROUP BY key HAVING count(*) > 1)",
    Need.CONFLICT: "e.extracted IS NOT NULL",
    Need.CORRECTED: "e.extracted IS NOT NULL",
    Need.HIDDEN: "e.hidden = 1",
}


@dataclass(frozen=True)
class QueueItem:
    event: StoredEvent
    hidden: bool
    reviewed: str | None
    corrected: bool
    conflicted: bool


def review_queue(db: Database, need: Need = Need.ALL, page: int = 0) -> tuple[list[QueueItem], bool]:
    """One page of the queue, newest first, and whether there is a next page."""
    rows = records(db.execute(
        "SELECT e.*, r.at AS reviewed FROM events e LEFT JOIN reviews r ON r.uid = e.uid WHERE "
        + _WHERE[need] + " ORDER BY e.updated DESC, e.created DESC, e.uid"
        + ("" if need is Need.CONFLICT else " LIMIT ? OFFSET ?"),
        [] if need is Need.CONFLICT else [QUEUE_PAGE + 1, page * QUEUE_PAGE]))
    fixes = corrections_of(db, [r["uid"] for r in rows if r["extracted"]])
    found = {r["uid"]: bool(r["extracted"]) and bool(conflicts(json.loads(r["extracted"]), fixes.get(r["uid"], {})))
             for r in rows}
    if need is Need.CONFLICT:
        rows = [r for r in rows if found[r["uid"]]][page * QUEUE_PAGE: (page + 1) * QUEUE_PAGE + 1]
    events = {ev.uid: ev for ev in _stored(db, rows[:QUEUE_PAGE])}
    items = [QueueItem(events[r["uid"]], bool(r["hidden"]), r["reviewed"], bool(r["extracted"]), found[r["uid"]])
             for r in rows[:QUEUE_PAGE]]
    return items, len(rows) > QUEUE_PAGE


def counts(db: Database) -> dict[Need, int]:
    """How many events each filter shows (conflicts counted in Python: few events carry corrections)."""
    found = {}
    for need, where in _WHERE.items():
        if need is Need.CONFLICT:
            continue
        found[need] = db.execute(
            "SELECT count(*) FROM events e LEFT JOIN reviews r ON r.uid = e.uid WHERE " + where).fetchone()[0]
    rows = records(db.execute("SELECT uid, extracted FROM events WHERE extracted IS NOT NULL"))
    fixes = corrections_of(db, [r["uid"] for r in rows])
    found[Need.CONFLICT] = sum(bool(conflicts(json.loads(r["extracted"]), fixes.get(r["uid"], {}))) for r in rows)
    return found


SIMILAR_LIMIT = 10


def similar_events(db: Database, uid: str, family: str, title: str) -> list[StoredEvent]:
    """Events a merge would most likely join: the same family, or a title sharing the first characters."""
    head = "".join(ch for ch in title if ch.isalnum())[:4]
    rows = records(db.execute(
        "SELECT * FROM events WHERE uid != ? AND hidden = 0 AND (key = ? OR (? != '' AND title LIKE ?))"
        " ORDER BY key != ?, start, uid LIMIT ?",
        [uid, family, head, f"%{head}%", family, SIMILAR_LIMIT]))
    return _stored(db, rows)
