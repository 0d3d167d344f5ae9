"""Events derived from reports: group a family's reports (identity), take each group's facts, and bring the
events, mentions and retractions in line with them, changing only what differs.

The facts of an event are its latest report's (by publication date; undated reports count as oldest,
among themselves in ingest order; on one day the fuller span wins), the place the latest report that
names one, the title the latest one that names the edition's year if any does (else the latest). A part of a named event
(an opening ceremony, a side forum) follows its parent when a newer report moves or cancels the parent
and says nothing of the part.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, fields

from sqlite_utils import Database

from ..edits import Field, overlay
from . import corrections
from .corrections import MACHINE, Correction
from .identity import canonical_order, group, records, strip_part, title_year
from .reports import as_report, families_near, family_reports


@dataclass(frozen=True)
class Facts:
    title: str
    category: str
    start: str
    end: str
    all_day: bool
    precision: str
    location: str
    status: str
    previous: str
    """JSON list of earlier [start, end] of a postponed event."""
    opened: str | None
    parent_uid: str | None
    flags: str = "[]"
    """JSON list of the latest report's EventFlags: how sure its dates are."""
    recurrence: str | None = None
    """JSON of the event's Recurrence (see `_recurrence`), None when it is held once over its span."""


FACT_FIELDS = tuple(f.name for f in fields(Facts))
"""What a calendar shows of an event: a change to any of them is a new SEQUENCE."""


@dataclass(frozen=True)
class Change:
    """What reconciling did to one event: "new", "changed", "unchanged" or "retracted"."""

    uid: str
    kind: str
    title: str
    diff: dict[str, tuple] = field(default_factory=dict)
    successor: str | None = None


@dataclass
class Derived:
    """One group of reports as an event, before it is written."""

    uid: str
    family: str
    reports: list[dict]
    facts: Facts
    facts_published: str | None


def _fact_order(row: dict) -> tuple:
    """Latest last: by publication date, undated ones first and among themselves by ingest time; of two
    reports published the same day, the one that reaches further (the fuller span) counts as the later."""
    published = row["published"]
    return (published or "", "" if published else row["ingested"], row["end"][:10], row["start"][:10],
            row["article_id"], row["evidence_start"])


def _facts(rows: list[dict]) -> tuple[Facts, str | None]:
    ordered = sorted(rows, key=_fact_order)
    latest = ordered[-1]
    named = [r for r in ordered if strip_part(r["title"]) is None or r["parent_anchor"]] or ordered
    named = [r for r in named if title_year(r["title"])] or named  # `2022世界…` says more than `世界…`
    place = next((r["location"] for r in reversed(ordered) if r["location"]), "")
    status, previous = latest["status"], []
    dates = (latest["start"], latest["end"])
    if status != "cancelled" and any(r["status"] == "postponed" and (r["start"], r["end"]) == dates for r in rows):
        status = "postponed"
        for row in ordered:
            span = [row["start"], row["end"]]
            if tuple(span) != dates and span not in previous:
                previous.append(span)
    elif status == "postponed":
        status = "confirmed"  # the postponement the report spoke of is not what the event now is
    facts = Facts(named[-1]["title"], latest["category"], latest["start"], latest["end"], bool(latest["all_day"]),
                  latest["precision"], place, status, json.dumps(previous), latest["opened"], None,
                  latest["flags"] or "[]", _recurrence(ordered, latest))
    return facts, latest["published"]


def _recurrence(ordered: list[dict], latest: dict) -> str | None:
    """The newest recurrence a report gave, on the latest report's span: a later report that names the show's
    dates without its evening times keeps them; one of a single day (or a deadline) has none. Its `until` is
    the span's last day, whatever span the report that said it gave."""
    if latest["start"][:10] >= latest["end"][:10] or latest["category"] == "deadline":
        return None
    given = next((row["recurrence"] for row in reversed(ordered) if row["recurrence"]), None)
    if given is None:
        return None
    return json.dumps(json.loads(given) | {"until": latest["end"][:10]})


def derive_events(db: Database, families: set[str], *, pinned: bool = True) -> list[Derived]:
    """The events of these families (and of their parts and parents), with their facts; `pinned=False`
    when no report of the store is pinned (nothing to look up)."""
    derived: list[Derived] = []
    by_anchor: dict[tuple[str, str], Derived] = {}
    for family in sorted(families):
        rows = {row["id"]: row for row in family_reports(db, family)}
        for reports in group(as_report(row) for row in rows.values()):
            members = [rows[r.id] for r in reports]
            facts, published = _facts(members)
            event = Derived(reports[0].anchor, family, members, facts, published)
            derived.append(event)
            for row in members:
                by_anchor[(row["article_id"], row["anchor"])] = event
    pins = corrections.pins_of(db, families) if pinned else {}
    if pins:
        derived = _pinned(derived, pins)
        by_anchor = {(row["article_id"], row["anchor"]): event for event in derived for row in event.reports}
    for event in derived:
        _follow_parent(event, by_anchor)
    return derived


def _pinned(derived: list[Derived], pins: dict[tuple[str, str], str]) -> list[Derived]:
    """The events after the editors' merges and splits: a pinned report stands in the event it is pinned to,
    the others of its group follow the event most of the group's pinned reports are in (else stay). An
    event's family is its earliest report's."""
    members: dict[str, list[dict]] = {}
    for event in derived:
        targets = [pins[key] for row in event.reports if (key := (row["article_id"], row["anchor"])) in pins]
        follow = max(sorted(set(targets)), key=targets.count) if targets else event.uid
        for row in event.reports:
            uid = pins.get((row["article_id"], row["anchor"]), follow)
            members.setdefault(uid, []).append(row)
    result = []
    for uid, rows in members.items():
        rows.sort(key=lambda row: canonical_order(as_report(row)))
        facts, published = _facts(rows)
        result.append(Derived(uid, rows[0]["family"], rows, facts, published))
    return sorted(result, key=lambda event: canonical_order(as_report(event.reports[0])))


def _follow_parent(part: Derived, by_anchor: dict[tuple[str, str], Derived]) -> None:
    """Link a part to its parent, and move or cancel it with the parent when a newer report says so."""
    latest = max(part.reports, key=_fact_order)
    if not latest["parent_anchor"]:
        return
    parent = by_anchor.get((latest["article_id"], latest["parent_anchor"]))
    if parent is None or parent is part:
        return
    facts = part.facts.__dict__ | {"parent_uid": parent.uid}
    parent_then = next(r for r in parent.reports if r["anchor"] == latest["parent_anchor"]
                       and r["article_id"] == latest["article_id"])
    parent_latest = max(parent.reports, key=_fact_order)
    if _fact_order(parent_latest) > _fact_order(latest):
        shift = (dt.date.fromisoformat(parent.facts.start[:10]) - dt.date.fromisoformat(parent_then["start"][:10]))
        if shift:
            facts["start"], facts["end"] = _shifted(facts["start"], shift), _shifted(facts["end"], shift)
        if parent.facts.status == "cancelled":
            facts["status"] = "cancelled"
    part.facts = Facts(**facts)


def _shifted(value: str, shift: dt.timedelta) -> str:
    if "T" in value:
        return (dt.datetime.fromisoformat(value) + shift).isoformat()
    return (dt.date.fromisoformat(value) + shift).isoformat()


@dataclass
class Reconciled:
    """What reconciling did: each touched event's Change by uid, and the event of each report."""

    changes: dict[str, Change]
    uid_of: dict[tuple[str, str], str]
    """(article id, anchor) → the uid of the event the report now belongs to."""


def reconcile(db: Database, families: set[str], stamp: str, fresh: set[str], *, by: str = MACHINE) -> Reconciled:
    """Bring the stored events of these families in line with their reports and the editors' corrections.

    `fresh` holds the uids already created or revised in the caller's transaction: they are not bumped
    again. `by` is who caused it: the extractor (its changes go to the audit log here) or an editor
    (whose action writes its own line).
    """
    decided = corrections.decided(db)
    families = families_near(db, families)
    if decided.pins:
        families = corrections.pinned_families(db, families)
    derived = derive_events(db, families, pinned=decided.pins)
    wanted = {event.uid: event for event in derived}
    # the events of these families, and those of their reports' events stored under another family (a report
    # that moved here brought its event along)
    before = {row["uid"]: row for row in records(db.execute(
        "SELECT * FROM events WHERE key IN (SELECT value FROM json_each(?))"
        " OR uid IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(families), ensure_ascii=False), json.dumps(sorted(wanted))]))}
    for uid in sorted(set(before) - set(wanted)):
        if (successor := _successor(uid, derived)) is not None:
            corrections.carry(db, uid, successor)
    fixes = corrections.corrections_of(db, sorted(wanted)) if decided.corrections else {}
    changes: dict[str, Change] = {}
    for uid, event in wanted.items():
        changes[uid] = _write_event(db, event, before.get(uid), stamp, fresh, fixes.get(uid, {}), by)
    for uid in sorted(set(before) - set(wanted)):
        changes[uid] = _retract(db, before[uid], derived, stamp)
        corrections.record(db, uid, stamp, by, "retracted", after={"successor": changes[uid].successor})
    _write_mentions(db, derived, set(before))
    db.conn.executemany("UPDATE reports SET event_uid = ? WHERE id = ?", [
        (event.uid, row["id"]) for event in derived for row in event.reports if row["event_uid"] != event.uid])
    uid_of = {(r["article_id"], r["anchor"]): e.uid for e in derived for r in e.reports}
    return Reconciled(changes, uid_of)


SHOWN_FIELDS = (*FACT_FIELDS, "note")
"""What a calendar shows of an event once corrected: a change to any of them is a new SEQUENCE."""


def _write_event(db: Database, event: Derived, row: dict | None, stamp: str, fresh: set[str],
                 fixes: dict[Field, Correction], by: str) -> Change:
    """Write the event's facts, its corrections overlaid; the extractor's own facts kept beside them while
    any correction stands (`extracted`), for the editor's review and for conflicts."""
    extracted = {name: getattr(event.facts, name) for name in FACT_FIELDS}  # all plain values: no deep copy
    shown = overlay(extracted, {name: fix.value for name, fix in fixes.items()})
    facts = {name: shown[name] for name in SHOWN_FIELDS}
    hidden = int(bool(shown["hidden"]))
    kept = json.dumps(extracted, ensure_ascii=False) if fixes else None
    if row is None:
        db.execute("DELETE FROM retractions WHERE uid = ?", [event.uid])
        db.execute(
            'INSERT INTO events (uid, key, title, category, start, "end", all_day, precision, location, status,'
            " sequence, created, updated, facts_published, previous, opened, parent_uid, flags, note, hidden,"
            " extracted, recurrence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [event.uid, event.family, facts["title"], facts["category"], facts["start"], facts["end"],
             int(facts["all_day"]), facts["precision"], facts["location"], facts["status"], stamp, stamp,
             event.facts_published, facts["previous"], facts["opened"], facts["parent_uid"], facts["flags"],
             facts["note"], hidden, kept, facts["recurrence"]],
        )
        fresh.add(event.uid)
        if by == MACHINE:
            corrections.record(db, event.uid, stamp, by, "extracted",
                               after={k: v for k, v in extracted.items() if v not in (None, "", "[]")})
        said = {name: (None, facts[name]) for name in ("start", "end", "location", "status") if facts[name]}
        return Change(event.uid, "new", facts["title"], said)
    old = {name: (bool(row[name]) if name == "all_day" else row[name]) for name in SHOWN_FIELDS}
    diff = {name: (old[name], facts[name]) for name in SHOWN_FIELDS if old[name] != facts[name]}
    if by == MACHINE:
        _record_extraction(db, row, old, extracted, stamp)
    if not diff:
        if (row["key"], row["facts_published"], row["hidden"], row["extracted"]) != (
                event.family, event.facts_published, hidden, kept):
            db.execute("UPDATE events SET key = ?, facts_published = ?, hidden = ?, extracted = ? WHERE uid = ?",
                       [event.family, event.facts_published, hidden, kept, event.uid])
        return Change(event.uid, "unchanged", facts["title"])
    bump = 0 if event.uid in fresh else 1
    db.execute(
        'UPDATE events SET key = ?, title = ?, category = ?, start = ?, "end" = ?, all_day = ?, precision = ?,'
        " location = ?, status = ?, previous = ?, opened = ?, parent_uid = ?, flags = ?, facts_published = ?,"
        " note = ?, hidden = ?, extracted = ?, recurrence = ?,"
        " sequence = sequence + ?, updated = CASE WHEN ? THEN ? ELSE updated END WHERE uid = ?",
        [event.family, facts["title"], facts["category"], facts["start"], facts["end"], int(facts["all_day"]),
         facts["precision"], facts["location"], facts["status"], facts["previous"], facts["opened"],
         facts["parent_uid"], facts["flags"], event.facts_published, facts["note"], hidden, kept,
         facts["recurrence"], bump, bump, stamp, event.uid],
    )
    fresh.add(event.uid)
    return Change(event.uid, "changed", facts["title"], diff)


def _record_extraction(db: Database, row: dict, shown_before: dict, extracted: dict, stamp: str) -> None:
    """The audit line of what a new report or a re-extraction changed in the extractor's facts."""
    before = json.loads(row["extracted"]) if row["extracted"] else shown_before
    changed = [name for name in FACT_FIELDS if before.get(name) != extracted[name]]
    if changed:
        corrections.record(db, row["uid"], stamp, MACHINE, "extraction changed", {n: before.get(n) for n in changed},
                           {n: extracted[n] for n in changed})


def _successor(uid: str, derived: list[Derived]) -> str | None:
    """The event that now holds the report a leaving event was founded on (its uid is that report's anchor)."""
    return next((e.uid for e in derived if any(r["anchor"] == uid for r in e.reports)), None)


def _retract(db: Database, row: dict, derived: list[Derived], stamp: str) -> Change:
    """An event no group is founded on any more: gone everywhere, its page answering 410 with its article.

    When the report that founded it now stands in another event (an older report of it came in), that
    event is its successor, and its page redirects there.
    """
    mentioned = db.execute("SELECT article_id FROM mentions WHERE event_uid = ? ORDER BY created, article_id, start",
                           [row["uid"]]).fetchone()
    successor = _successor(row["uid"], derived)
    db.execute("DELETE FROM mentions WHERE event_uid = ?", [row["uid"]])
    db.execute("UPDATE events SET parent_uid = NULL WHERE parent_uid = ?", [row["uid"]])
    db.execute("DELETE FROM events WHERE uid = ?", [row["uid"]])
    db.execute(
        "INSERT INTO retractions (uid, title, article_id, successor, retracted) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (uid) DO UPDATE SET title = excluded.title, article_id = excluded.article_id,"
        " successor = excluded.successor, retracted = excluded.retracted",
        [row["uid"], row["title"], mentioned[0] if mentioned else None, successor, stamp],
    )
    return Change(row["uid"], "retracted", row["title"], successor=successor)


def _write_mentions(db: Database, derived: list[Derived], stored: set[str]) -> None:
    """Mentions are the links of events to their reports' sentences: rewrite only the ones that differ.
    `stored`: the uids of the events stored before this reconcile (only those can have mentions)."""
    want = {(e.uid, r["article_id"], r["evidence_start"]): (r["evidence"], r["evidence_end"], r["created"])
            for e in derived for r in e.reports}
    rows = db.execute('SELECT event_uid, article_id, evidence, start, "end", created FROM mentions'
                      " WHERE event_uid IN (SELECT value FROM json_each(?))", [json.dumps(sorted(stored))]
                      ).fetchall() if stored else []
    have = {(u, a, s): (ev, end, created) for u, a, ev, s, end, created in rows}
    for key in have.keys() - want.keys():
        db.execute("DELETE FROM mentions WHERE event_uid = ? AND article_id = ? AND start = ?", list(key))
    for key, (evidence, end, created) in want.items():
        if key not in have:
            uid, aid, start = key
            db.execute('INSERT INTO mentions (event_uid, article_id, evidence, start, "end", created)'
                       " VALUES (?, ?, ?, ?, ?, ?)", [uid, aid, evidence, start, end, created])
        elif have[key][:2] != (evidence, end):
            db.execute('UPDATE mentions SET evidence = ?, "end" = ? WHERE event_uid = ? AND article_id = ?'
                       " AND start = ?", [evidence, end, *key])
