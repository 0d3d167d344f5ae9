"""The source registry: news sites' feeds and pages that `feeds fetch` reads, and the pages fetched from them."""

from __future__ import annotations

import json
from dataclasses import fields

from sqlite_utils import Database

from ..models import ItemStatus, PublishedFrom, Source, SourceItem, SourceKind, SourceStatus
from .identity import records
from .reconcile import reconcile

_SOURCE_COLUMNS = {f.name for f in fields(Source)} - {"articles", "events"}
_ITEM_COLUMNS = [f.name for f in fields(SourceItem)]


class SourceExists(ValueError):
    """A source with that name or address is already registered."""


def add_source(db: Database, source: Source) -> Source:
    """Register a source (the caller gives it a due time); refuses a name or address already taken."""
    for column, value in (("name", source.name), ("url", source.url)):
        taken = db.execute(f"SELECT name FROM sources WHERE {column} = ?", [value]).fetchone()
        if taken:
            raise SourceExists(f"a source with this {column} exists already: {taken[0]}")
    row = _row(source)
    names = ", ".join(row)
    db.execute(f"INSERT INTO sources ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    return get_source(db, source.name)  # type: ignore[return-value]


def update_source(db: Database, source: Source) -> None:
    """Write back what a fetch changed (validators, outcome, schedule)."""
    row = _row(source)
    name = row.pop("name")
    sets = ", ".join(f"{column} = ?" for column in row)
    db.execute(f"UPDATE sources SET {sets} WHERE name = ?", [*row.values(), name])


def remove_source(db: Database, name: str) -> bool:
    """Forget a source and its items; the articles and events it brought stay. False when unknown."""
    db.execute("DELETE FROM source_items WHERE source = ?", [name])
    return db.execute("DELETE FROM sources WHERE name = ?", [name]).rowcount > 0


def get_source(db: Database, name: str) -> Source | None:
    found = _sources(db, "WHERE s.name = ?", [name])
    return found[0] if found else None


def list_sources(db: Database) -> list[Source]:
    """Every source with the number of articles and events it brought, by name."""
    return _sources(db, "", [])


def source_names(db: Database) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sources")}


def _sources(db: Database, where: str, params: list) -> list[Source]:
    sql = (
        "SELECT s.*, (SELECT count(*) FROM articles a WHERE a.source = s.name) AS articles,"
        " (SELECT count(DISTINCT m.event_uid) FROM mentions m JOIN articles a ON a.id = m.article_id"
        f" WHERE a.source = s.name) AS events FROM sources s {where} ORDER BY s.name"
    )
    result = []
    for row in records(db.execute(sql, params)):
        row["kind"] = SourceKind(row["kind"])
        row["published_from"] = PublishedFrom(row["published_from"])
        row["last_status"] = SourceStatus(row["last_status"])
        row["last_counts"] = json.loads(row["last_counts"])
        row["last_problems"] = json.loads(row["last_problems"])
        result.append(Source(**row))
    return result


def _row(source: Source) -> dict:
    row = {name: getattr(source, name) for name in sorted(_SOURCE_COLUMNS)}
    row["kind"] = str(source.kind)
    row["published_from"] = str(source.published_from)
    row["last_status"] = str(source.last_status)
    row["last_counts"] = json.dumps(source.last_counts, ensure_ascii=False, sort_keys=True)
    row["last_problems"] = json.dumps(source.last_problems, ensure_ascii=False)
    return row


def get_item(db: Database, url: str) -> SourceItem | None:
    found = records(db.execute("SELECT * FROM source_items WHERE url = ?", [url]))
    if not found:
        return None
    row = found[0]
    row["status"] = ItemStatus(row["status"])
    return SourceItem(**row)


def item_with_hash(db: Database, content_hash: str) -> SourceItem | None:
    """A page already fetched whose main text has this hash (the same article at another address)."""
    row = db.execute("SELECT url FROM source_items WHERE content_hash = ? LIMIT 1", [content_hash]).fetchone()
    return get_item(db, row[0]) if row else None


def save_item(db: Database, item: SourceItem) -> None:
    """Insert or replace what is known of one page address."""
    values = [str(item.status) if name == "status" else getattr(item, name) for name in _ITEM_COLUMNS]
    db.execute(
        f"INSERT OR REPLACE INTO source_items ({', '.join(_ITEM_COLUMNS)})"
        f" VALUES ({', '.join('?' * len(_ITEM_COLUMNS))})",
        values,
    )


def count_items(db: Database, source: str) -> dict[str, int]:
    """How many of a source's page addresses stand at each status."""
    rows = db.execute("SELECT status, count(*) FROM source_items WHERE source = ? GROUP BY status", [source])
    return dict(rows.fetchall())


def supersede_articles(db: Database, old_ids: list[str], new_ids: list[str], stamp: str) -> int:
    """A page fetched again with a new text: its events' provenance moves to the new version.

    The old version's reports of events the new version reports too are dropped (those events are derived
    again from the reports left), and an old version left with no report (nor another address that
    serves it) is dropped; an event only the old version reported keeps it as its source. Returns the old
    versions dropped. The caller holds the transaction.
    """
    dropped = 0
    fresh = [new for new in new_ids if new]
    marks = ", ".join("?" * len(fresh))
    for old in old_ids:
        if not old or old in fresh:
            continue
        if fresh:
            families = {row[0] for row in db.execute(
                f"SELECT family FROM reports WHERE article_id = ? AND family IN"
                f" (SELECT family FROM reports WHERE article_id IN ({marks}))", [old, *fresh]).fetchall()}
            for family in sorted(families):
                _hand_on_anchors(db, old, fresh, family)
            if families:
                db.execute("DELETE FROM reports WHERE article_id = ? AND family IN (SELECT value FROM json_each(?))",
                           [old, json.dumps(sorted(families), ensure_ascii=False)])
                reconcile(db, families, stamp, set())
        still_cited = db.execute("SELECT 1 FROM reports WHERE article_id = ? LIMIT 1", [old]).fetchone()
        served_elsewhere = db.execute(
            "SELECT 1 FROM source_items WHERE ' ' || article_id || ' ' LIKE ? LIMIT 1", [f"% {old} %"]
        ).fetchone()
        if not still_cited and not served_elsewhere:
            db.execute("DELETE FROM mentions WHERE article_id = ?", [old])
            dropped += db.execute("DELETE FROM articles WHERE id = ?", [old]).rowcount
    return dropped


def _hand_on_anchors(db: Database, old: str, new_ids: list[str], family: str) -> None:
    """The new version's reports of a family take the old version's anchors, so their events keep their uids."""
    marks = ", ".join("?" * len(new_ids))
    before = db.execute("SELECT anchor, created FROM reports WHERE article_id = ? AND family = ? ORDER BY id",
                        [old, family]).fetchall()
    after = db.execute(f"SELECT id FROM reports WHERE article_id IN ({marks}) AND family = ? ORDER BY id",
                       [*new_ids, family]).fetchall()
    for (anchor, created), (report_id,) in zip(before, after, strict=False):
        db.execute("UPDATE reports SET anchor = ?, created = ? WHERE id = ?", [anchor, created, report_id])
