"""What an editor does to an event: correct, hide, unhide, confirm, settle a conflict, merge, split.

Each stores the decision (corrections.py) and reconciles the event's family, so the events table, and
with it every calendar, feed, page and API answer, shows the corrected facts through the one path
ingests take; each writes a line of the event's history. The caller holds the transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from ..edits import Edit, Field
from . import corrections
from .corrections import Conflict, Correction
from .identity import canonical_order, records
from .reconcile import FACT_FIELDS, SHOWN_FIELDS, reconcile
from .reports import as_report


class Refusal(StrEnum):
    """Why an editor's action was refused (the message keys of present/admin_i18n.py)."""

    UNKNOWN_EVENT = "action.unknown_event"
    SAME_EVENT = "action.same_event"
    NOTHING_LEAVES = "action.nothing_leaves"
    ALL_LEAVE = "action.all_leave"
    UNKNOWN_REPORT = "action.unknown_report"
    NO_CONFLICT = "action.no_conflict"


class ActionRefused(ValueError):
    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class EventState:
    """An event as the editor sees it: what it shows, what the extractor found, and the editors' decisions."""

    uid: str
    family: str
    shown: dict[str, Any]
    extracted: dict[str, Any]
    corrections: dict[Field, Correction]
    conflicts: list[Conflict]
    hidden: bool
    reviewed: str | None
    sequence: int
    updated: str


def state(db: Database, uid: str) -> EventState:
    """The event's state, hidden or not; raises ActionRefused for an event that does not exist."""
    rows = records(db.execute(
        "SELECT e.*, r.at AS reviewed FROM events e LEFT JOIN reviews r ON r.uid = e.uid WHERE e.uid = ?", [uid]))
    if not rows:
        raise ActionRefused(Refusal.UNKNOWN_EVENT)
    row = rows[0]
    shown = {name: (bool(row[name]) if name == "all_day" else row[name]) for name in SHOWN_FIELDS}
    extracted = json.loads(row["extracted"]) if row["extracted"] else {n: shown[n] for n in FACT_FIELDS}
    fixes = corrections.corrections_of(db, [uid]).get(uid, {})
    return EventState(uid, row["key"], shown, extracted, fixes, corrections.conflicts(extracted, fixes),
                      bool(row["hidden"]), row["reviewed"], row["sequence"], row["updated"])


def _changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    names = [n for n in SHOWN_FIELDS if before.get(n) != after.get(n)]
    return {n: before.get(n) for n in names}, {n: after.get(n) for n in names}


def _apply(db: Database, uid: str, editor: str, stamp: str, action: str, families: set[str],
           before: EventState | None = None, extra: dict[str, Any] | None = None,
           fresh: set[str] | None = None) -> None:
    """Reconcile after a decision, and write its line of history (the shown facts it changed)."""
    reconcile(db, families, stamp, set() if fresh is None else fresh, by=editor)
    after = state(db, uid)
    old, new = _changed(before.shown, after.shown) if before else ({}, {})
    corrections.record(db, uid, stamp, editor, action, old, {**new, **(extra or {})})


def correct(db: Database, uid: str, edit: Edit, editor: str, stamp: str) -> EventState:
    """Store the edit's corrections; the event shows them with SEQUENCE + 1 and LAST-MODIFIED now."""
    before = state(db, uid)
    if edit:
        corrections.set_corrections(db, uid, edit.values, before.extracted, editor, stamp)
        _apply(db, uid, editor, stamp, "corrected", {before.family}, before)
    return state(db, uid)


def set_hidden(db: Database, uid: str, hidden: bool, editor: str, stamp: str) -> EventState:
    """Hide the event from every public surface (its page answers 410), or show it again."""
    before = state(db, uid)
    if before.hidden != hidden:
        if hidden:
            corrections.set_corrections(db, uid, {Field.HIDDEN: "1"}, before.extracted, editor, stamp)
        else:
            corrections.drop_corrections(db, uid, [Field.HIDDEN])
        _apply(db, uid, editor, stamp, "hidden" if hidden else "unhidden", {before.family}, before)
    return state(db, uid)


def confirm(db: Database, uid: str, editor: str, stamp: str) -> EventState:
    """The editor looked and found it right: it leaves the "new since the last review" list."""
    state(db, uid)
    corrections.confirm(db, uid, editor, stamp)
    corrections.record(db, uid, stamp, editor, "confirmed")
    return state(db, uid)


def settle(db: Database, uid: str, name: Field, accept: bool, editor: str, stamp: str) -> EventState:
    """A conflict: accept the newer report's value (the correction goes) or keep the correction over it."""
    before = state(db, uid)
    conflict = next((c for c in before.conflicts if c.field == name), None)
    if conflict is None:
        raise ActionRefused(Refusal.NO_CONFLICT)
    if accept:
        corrections.drop_corrections(db, uid, [name])
        _apply(db, uid, editor, stamp, "conflict accepted", {before.family}, before, {"field": name.value})
    else:
        corrections.rebase(db, uid, name, conflict.extracted)
        corrections.record(db, uid, stamp, editor, "conflict rejected", {"field": name.value},
                           {"kept": conflict.corrected, "rejected": conflict.extracted})
    return state(db, uid)


@dataclass(frozen=True)
class ReportRef:
    """A report as an editor picks it: its article and anchor (stable across re-extraction)."""

    article_id: str
    anchor: str

    @property
    def token(self) -> str:
        return f"{self.article_id}:{self.anchor}"

    @classmethod
    def parse(cls, token: str) -> ReportRef:
        aid, _, anchor = token.partition(":")
        return cls(aid, anchor)


def reports_of(db: Database, uid: str) -> list[dict]:
    """The reports an event is derived from, earliest first, with their articles' headline and date."""
    rows = records(db.execute(
        "SELECT r.*, a.headline, a.published, a.ingested, a.source, a.source_url, a.text AS article_text"
        " FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.event_uid = ?", [uid]))
    return sorted(rows, key=lambda row: canonical_order(as_report(row)))


def merge(db: Database, survivor: str, absorbed: str, editor: str, stamp: str) -> EventState:
    """One event from two: `survivor` keeps its uid, its title and the reports of both; `absorbed` then
    redirects to it.

    The absorbed event's corrections go with it (the survivor's stand); its reports stay pinned to the
    survivor through re-extraction. When the reports of both would name the event otherwise, the
    survivor's title is kept as a correction.
    """
    if survivor == absorbed:
        raise ActionRefused(Refusal.SAME_EVENT)
    kept, gone = state(db, survivor), state(db, absorbed)
    refs = [(r["article_id"], r["anchor"]) for uid in (survivor, absorbed) for r in reports_of(db, uid)]
    corrections.pin(db, refs, survivor, editor, stamp)
    corrections.drop_corrections(db, absorbed)
    corrections.record(db, absorbed, stamp, editor, "merged", {"uid": absorbed}, {"into": survivor})
    families, fresh = {kept.family, gone.family}, set()
    reconcile(db, families, stamp, fresh, by=editor)
    merged = state(db, survivor)
    if merged.shown["title"] != kept.shown["title"]:
        corrections.set_corrections(db, survivor, {Field.TITLE: kept.shown["title"]}, merged.extracted, editor,
                                    stamp)
    _apply(db, survivor, editor, stamp, "merged", families, kept, {"absorbed": absorbed}, fresh)
    return state(db, survivor)


def split(db: Database, uid: str, leaving: list[ReportRef], editor: str, stamp: str) -> EventState:
    """A wrongly merged event in two: the chosen reports leave for a new event, the others keep the uid."""
    before = state(db, uid)
    reports = {ReportRef(r["article_id"], r["anchor"]): r for r in reports_of(db, uid)}
    chosen = set(leaving)
    if not chosen:
        raise ActionRefused(Refusal.NOTHING_LEAVES)
    if not chosen <= reports.keys():
        raise ActionRefused(Refusal.UNKNOWN_REPORT)
    if chosen == reports.keys():
        raise ActionRefused(Refusal.ALL_LEAVE)
    seed = "|".join(sorted(ref.token for ref in chosen))
    new_uid = f"{hashlib.sha1(f'split|{uid}|{seed}'.encode()).hexdigest()[:24]}@feeds"
    corrections.pin(db, [(r.article_id, r.anchor) for r in reports if r not in chosen], uid, editor, stamp)
    corrections.pin(db, [(r.article_id, r.anchor) for r in chosen], new_uid, editor, stamp)
    _apply(db, uid, editor, stamp, "split", {before.family} | {row["family"] for row in reports.values()}, before,
           {"new": new_uid})
    corrections.record(db, new_uid, stamp, editor, "split off", {"from": uid}, state(db, new_uid).shown)
    return state(db, new_uid)
