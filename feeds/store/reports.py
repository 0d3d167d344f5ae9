"""The reports table: one row per event as one article reports it, the ground truth events are derived from.

Replacing an article's reports (a new ingest or a re-extraction) hands each old report's anchor on to
the new report of the same mention, so the event it founded keeps its uid (identity rule 4).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from ..models import Event
from .identity import Report, canonical_order, event_key, family_of, make_anchor, records, title_year


@dataclass(frozen=True)
class Incoming:
    """A report about to be stored: the event, its family and the anchor it gets."""

    event: Event
    family: str
    anchor: str
    created: str


def reports_of_article(db: Database, aid: str) -> list[dict]:
    return records(db.execute("SELECT * FROM reports WHERE article_id = ? ORDER BY evidence_start, id", [aid]))


def family_reports(db: Database, family: str) -> list[dict]:
    """Every report of a family, with its article's publication date and ingest time."""
    return records(db.execute(
        "SELECT r.*, a.published, a.ingested, a.source FROM reports r JOIN articles a ON a.id = r.article_id"
        " WHERE r.family = ?", [family]))


def as_report(row: dict) -> Report:
    return Report(row["id"], row["article_id"], row["anchor"], row["family"], row["start"], row["end"],
                  row["published"], row["location"], row["evidence_start"], title_year(row["title"]),
                  row.get("source") or "")


def families_near(db: Database, families: set[str]) -> set[str]:
    """The families whose events may depend on these: their parts' families and their parents' families."""
    rows = db.execute(
        "SELECT family FROM reports WHERE parent_family IN (SELECT value FROM json_each(:families))"
        " UNION SELECT parent_family FROM reports WHERE family IN (SELECT value FROM json_each(:families))"
        " AND parent_family IS NOT NULL",
        {"families": json.dumps(sorted(families), ensure_ascii=False)},
    ).fetchall()
    return families | {row[0] for row in rows}


def assign_anchors(aid: str, old: list[dict], events: list[Event], stamp: str) -> list[Incoming]:
    """Each new report with its anchor: the old report of the same mention hands its anchor on.

    Matched in this order: the same sentence and family; the same family; the same sentence, when it
    reports as many events as it did (better titles: paired in order). The rest get new anchors.
    """
    families = [family_of(e.title, e.parent_title) for e in events]
    given: list[dict | None] = [None] * len(events)
    free = list(old)

    def take(i: int, candidates: list[dict]) -> None:
        if candidates:
            best = min(candidates, key=lambda r: (abs(r["evidence_start"] - events[i].evidence_start),
                                                  r["start"] != events[i].interval.iso()[0], r["id"]))
            given[i] = best
            free.remove(best)

    for i, event in enumerate(events):
        take(i, [r for r in free if r["family"] == families[i] and r["evidence_start"] == event.evidence_start])
    for i, _event in enumerate(events):
        if given[i] is None:
            take(i, [r for r in free if r["family"] == families[i]])
    for i, event in enumerate(events):
        if given[i] is None:
            same_sentence_new = [j for j, e in enumerate(events) if given[j] is None
                                 and e.evidence_start == event.evidence_start]
            same_sentence_old = [r for r in free if r["evidence_start"] == event.evidence_start]
            if len(same_sentence_new) == len(same_sentence_old):  # the same events, renamed: in their order
                for j, row in zip(same_sentence_new, sorted(same_sentence_old, key=lambda r: r["id"]), strict=True):
                    given[j] = row
                    free.remove(row)
    used = {r["anchor"] for r in given if r is not None}
    result = []
    for i, event in enumerate(events):
        if given[i] is not None:
            result.append(Incoming(event, families[i], given[i]["anchor"], given[i]["created"]))
            continue
        attempt = 0
        while (anchor := make_anchor(aid, event.evidence_start, event.evidence_end, families[i], attempt)) in used:
            attempt += 1
        used.add(anchor)
        result.append(Incoming(event, families[i], anchor, stamp))
    return result


REPORT_COLUMNS = ("anchor", "family", "parent_family", "parent_anchor", "title", "category", "start", "end",
                  "all_day", "precision", "location", "status", "opened", "evidence", "evidence_start", "evidence_end",
                  "flags", "recurrence")
"""What a report says; two reports with these equal say the same."""


def report_rows(incoming: list[Incoming]) -> list[tuple]:
    """The incoming reports as the values of REPORT_COLUMNS, in report order."""
    anchors = {i.event.title: i.anchor for i in incoming}
    rows = []
    for item in incoming:
        event = item.event
        start, end = event.interval.iso()
        parent_family = event_key(event.parent_title) if event.parent_title else None
        parent_anchor = anchors.get(event.parent_title) if event.parent_title else None
        rows.append((item.anchor, item.family, parent_family, parent_anchor, event.title, event.category, start, end,
                     int(event.interval.all_day), event.interval.precision, event.location, event.status,
                     event.opened.isoformat() if event.opened else None, event.evidence, event.evidence_start,
                     event.evidence_end, json.dumps(list(event.flags)),
                     json.dumps(event.recurrence.as_json()) if event.recurrence else None))
    return rows


def unchanged(old: list[dict], incoming: list[Incoming]) -> bool:
    """Whether the article reports exactly what it reported before (the same article ingested again)."""
    return sorted(tuple(r[c] for c in REPORT_COLUMNS) for r in old) == sorted(report_rows(incoming))


def replace_reports(db: Database, aid: str, incoming: list[Incoming], *, had_reports: bool = True) -> None:
    """The article's reports are now these (`had_reports=False`: it has none yet, nothing to delete)."""
    if had_reports:
        db.execute("DELETE FROM reports WHERE article_id = ?", [aid])
    columns = ", ".join(f'"{c}"' for c in REPORT_COLUMNS)
    db.conn.executemany(
        f"INSERT INTO reports (article_id, {columns}, created) VALUES (?{', ?' * len(REPORT_COLUMNS)}, ?)",
        [(aid, *row, item.created) for item, row in zip(incoming, report_rows(incoming), strict=True)])


def migrate_mentions(db: Database) -> None:
    """Migration 3's data: each mention of an older store becomes a report with its event's facts.

    The earliest mention of each event (identity's canonical order) gets the event's uid as its anchor,
    so every event keeps its uid; the keys are recomputed with today's `event_key`.
    """
    rows = records(db.execute(
        'SELECT m.rowid AS id, m.event_uid, m.article_id, m.evidence, m.start AS evidence_start,'
        ' m."end" AS evidence_end, m.created, a.published, a.source, e.title, e.category, e.start, e."end", e.all_day,'
        " e.precision, e.location, e.status FROM mentions m JOIN articles a ON a.id = m.article_id"
        " JOIN events e ON e.uid = m.event_uid"
    ))
    by_event: dict[str, list[dict]] = {}
    for row in rows:
        row["family"] = family_of(row["title"], None)
        by_event.setdefault(row["event_uid"], []).append(row)
    used: set[tuple[str, str]] = set()
    for uid, mentions in sorted(by_event.items()):
        mentions.sort(key=lambda r: canonical_order(as_report({**r, "anchor": ""})))
        for n, row in enumerate(mentions):
            anchor, attempt = uid, 0
            if n:
                while (anchor := make_anchor(row["article_id"], row["evidence_start"], row["evidence_end"],
                                             row["family"], attempt)) and (row["article_id"], anchor) in used:
                    attempt += 1
            used.add((row["article_id"], anchor))
            db.execute(
                "INSERT INTO reports (article_id, anchor, family, title, category, start, \"end\", all_day,"
                " precision, location, status, evidence, evidence_start, evidence_end, created, event_uid)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [row["article_id"], anchor, row["family"], row["title"], row["category"], row["start"], row["end"],
                 row["all_day"], row["precision"], row["location"], row["status"], row["evidence"],
                 row["evidence_start"], row["evidence_end"], row["created"], uid],
            )
    for uid, title in db.execute("SELECT uid, title FROM events").fetchall():
        db.execute("UPDATE events SET key = ? WHERE uid = ?", [family_of(title, None), uid])
