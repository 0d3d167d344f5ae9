"""What editors decided, kept apart from what the extractor found: corrections by event uid and field, the
pins of reports to the event an editor merged or split them into, reviews, and every event's audit log.

Reconciling overlays the corrections on each event's derived facts (reconcile.py), so every public
surface reads corrected facts from the one events table; re-ingesting and re-extracting rebuild the
derived facts and find the corrections still there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..edits import Field, shown_value
from .identity import records


@dataclass(frozen=True)
class Correction:
    """One field an editor set: its value, the extractor's value it replaced (`basis`), who and when."""

    uid: str
    field: Field
    value: str
    basis: str
    editor: str
    at: str


@dataclass(frozen=True)
class Conflict:
    """A newer report says something else of a corrected field: the editor accepts it or keeps the correction."""

    field: Field
    corrected: str
    extracted: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    uid: str
    at: str
    actor: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "uid": self.uid, "at": self.at, "actor": self.actor, "action": self.action,
                "before": self.before, "after": self.after}


MACHINE = "feeds"
"""The actor of what extraction did."""


@dataclass(frozen=True)
class Decided:
    """Whether editors pinned any report or corrected any event in the whole store: when not, reconciling
    looks nothing of theirs up (an ingest into a store no editor touched)."""

    pins: bool
    corrections: bool


def decided(db: Database) -> Decided:
    pins, fixes = db.execute("SELECT EXISTS (SELECT 1 FROM event_pins), EXISTS (SELECT 1 FROM corrections)").fetchone()
    return Decided(bool(pins), bool(fixes))


def corrections_of(db: Database, uids: list[str]) -> dict[str, dict[Field, Correction]]:
    """Every correction of these events, by uid and field."""
    found: dict[str, dict[Field, Correction]] = {}
    for row in records(db.execute(
            "SELECT uid, field, value, basis, editor, at FROM corrections"
            " WHERE uid IN (SELECT value FROM json_each(?))", [json.dumps(uids)])):
        found.setdefault(row["uid"], {})[Field(row["field"])] = Correction(**{**row, "field": Field(row["field"])})
    return found


def set_corrections(db: Database, uid: str, values: dict[Field, str], extracted: dict[str, Any], editor: str,
                    stamp: str) -> None:
    """Store these corrections of the event, each with the extractor's value it replaces."""
    for name, value in values.items():
        db.execute(
            "INSERT INTO corrections (uid, field, value, basis, editor, at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (uid, field) DO UPDATE SET value = excluded.value, basis = excluded.basis,"
            " editor = excluded.editor, at = excluded.at",
            [uid, name.value, value, shown_value(extracted, name), editor, stamp])


def drop_corrections(db: Database, uid: str, names: list[Field] | None = None) -> None:
    if names is None:
        db.execute("DELETE FROM corrections WHERE uid = ?", [uid])
        return
    for name in names:
        db.execute("DELETE FROM corrections WHERE uid = ? AND field = ?", [uid, name.value])


def rebase(db: Database, uid: str, name: Field, basis: str) -> None:
    """The editor keeps the correction over what the extractor now says: that is its new basis."""
    db.execute("UPDATE corrections SET basis = ? WHERE uid = ? AND field = ?", [basis, uid, name.value])


def conflicts(extracted: dict[str, Any], corrections: dict[Field, Correction]) -> list[Conflict]:
    """The corrected fields the extractor now reads otherwise than when the editor corrected them."""
    found = []
    for name, correction in corrections.items():
        if name in (Field.NOTE, Field.HIDDEN):
            continue
        now = shown_value(extracted, name)
        if now != correction.basis and now != correction.value:
            found.append(Conflict(name, correction.value, now))
    return found


def carry(db: Database, old: str, new: str) -> None:
    """An event whose reports now stand under another uid (an older report came in): its corrections follow,
    where the other event has none of its own."""
    db.execute(
        "UPDATE corrections SET uid = ? WHERE uid = ? AND field NOT IN (SELECT field FROM corrections WHERE uid = ?)",
        [new, old, new])
    db.execute("DELETE FROM corrections WHERE uid = ?", [old])
    db.execute("UPDATE reviews SET uid = ? WHERE uid = ? AND NOT EXISTS (SELECT 1 FROM reviews WHERE uid = ?)",
               [new, old, new])


# --- pins: merges and splits --------------------------------------------------------------------


def pins_of(db: Database, families: set[str]) -> dict[tuple[str, str], str]:
    """(article id, anchor) → the uid an editor put that report in, for the reports of these families."""
    rows = db.execute(
        "SELECT p.article_id, p.anchor, p.uid FROM event_pins p JOIN reports r"
        " ON r.article_id = p.article_id AND r.anchor = p.anchor"
        " WHERE r.family IN (SELECT value FROM json_each(?))", [json.dumps(sorted(families), ensure_ascii=False)])
    return {(aid, anchor): uid for aid, anchor, uid in rows.fetchall()}


def pinned_families(db: Database, families: set[str]) -> set[str]:
    """The families of every report pinned to the same event as a report of these: one event, derived together."""
    rows = db.execute(
        "SELECT DISTINCT r.family FROM event_pins p JOIN reports r ON r.article_id = p.article_id"
        " AND r.anchor = p.anchor WHERE p.uid IN (SELECT p2.uid FROM event_pins p2 JOIN reports r2"
        " ON r2.article_id = p2.article_id AND r2.anchor = p2.anchor"
        " WHERE r2.family IN (SELECT value FROM json_each(?)))", [json.dumps(sorted(families), ensure_ascii=False)])
    return families | {row[0] for row in rows.fetchall()}


def pin(db: Database, reports: list[tuple[str, str]], uid: str, editor: str, stamp: str) -> None:
    for aid, anchor in reports:
        db.execute(
            "INSERT INTO event_pins (article_id, anchor, uid, editor, at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (article_id, anchor) DO UPDATE SET uid = excluded.uid, editor = excluded.editor,"
            " at = excluded.at", [aid, anchor, uid, editor, stamp])


# --- reviews and the audit log --------------------------------------------------------------------


def confirm(db: Database, uid: str, editor: str, stamp: str) -> None:
    db.execute("INSERT INTO reviews (uid, editor, at) VALUES (?, ?, ?) ON CONFLICT (uid) DO UPDATE SET"
               " editor = excluded.editor, at = excluded.at", [uid, editor, stamp])


def record(db: Database, uid: str, stamp: str, actor: str, action: str, before: dict[str, Any] | None = None,
           after: dict[str, Any] | None = None) -> None:
    """One line of the event's history."""
    db.execute("INSERT INTO event_audit (uid, at, actor, action, before, after) VALUES (?, ?, ?, ?, ?, ?)",
               [uid, stamp, actor, action, json.dumps(before or {}, ensure_ascii=False),
                json.dumps(after or {}, ensure_ascii=False)])


def history(db: Database, uid: str) -> list[AuditEntry]:
    """Every change of the event, oldest first."""
    rows = records(db.execute("SELECT * FROM event_audit WHERE uid = ? ORDER BY id", [uid]))
    return [AuditEntry(**{**row, "before": json.loads(row["before"]), "after": json.loads(row["after"])})
            for row in rows]
