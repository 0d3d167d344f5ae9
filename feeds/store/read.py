"""Reading the store: events by filter, by uid and by article, with their mentions; the SQL of each query
is built apart from running it, so its plan can be checked."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import fields
from operator import itemgetter

from sqlite_utils import Database

from ..models import EventPart, EventSpan, Mention, Recurrence, Retraction, Selection, StoredEvent
from ..scripts import simplified, traditional
from .identity import records
from .memo import EVENTS, parts_memo
from .schema import DAY_SHIFT, EVENT_ROWID_MASK, TRIGRAM_MIN_CHARS, day_key, document_key, schema_version

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
"""Last-modified time of a store with nothing in it."""


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


DOCUMENTS, DOCUMENT_TEXT = "event_search_content", "c0"
"""Where FTS5 keeps the text of event_search's documents (its content table, rowid `id`): read by rowid and LIKE,
it answers words too short for the trigram index."""


def _has_fts(db: Database) -> bool:
    return db["event_search"].exists()


def _search_clause(db: Database, q: str, params: list, walk: bool, windowed: bool = False,
                   keys: tuple[int | None, int | None] = (None, None)) -> str:
    """SQL that keeps events whose title, location or evidence contains every word of `q`.

    The words the trigram index can answer are one FTS query on the events' documents (schema.EVENT_DOCUMENT),
    within the range of document keys `keys` (a window's days) when given; its matches are where the query starts,
    except within a window of dates (`windowed`), whose range of the start index is shorter than a broad word's
    matches: those are then a set each event of the range is looked up in. Shorter words are tested by LIKE on the
    same documents: each event's own document as the query reaches it (one lookup by key) when it walks in order or
    starts from the FTS matches, else every document matched once up front.
    """
    fts = _has_fts(db)
    match, clauses, like_params = _search_terms(db, q, walk, document_key("e"))
    if match is not None:
        lookup = "+e.rowid" if windowed else "e.rowid"  # the unary + keeps SQLite from starting at the matches
        bounds, bound_params = _key_bounds("rowid", keys)
        clauses.insert(0, f"{lookup} IN (SELECT rowid & {EVENT_ROWID_MASK} FROM event_search"
                          f" WHERE event_search MATCH ?{bounds})")
        params.extend([match, *bound_params])
    elif not fts:
        like_params = [p for p in like_params for _ in range(3)]  # title, place and mentions, each
    params.extend(like_params)
    return " AND ".join(clauses)


def _search_terms(db: Database, q: str, walk: bool, key: str) -> tuple[str | None, list[str], list[str]]:
    """The FTS5 query of the words the trigram index answers (None without any), the LIKE clauses of the shorter
    ones, and their parameters; `key` is the SQL of the event's document key (schema.document_key)."""
    clauses, like_params, indexed = [], [], []
    fts = _has_fts(db)
    terms = q.split()
    per_event = walk or (fts and any(len(term) >= TRIGRAM_MIN_CHARS for term in terms))
    for term in terms:
        spellings = list(dict.fromkeys([term, simplified(term), traditional(term)]))  # either script finds both
        if fts and len(term) >= TRIGRAM_MIN_CHARS:
            indexed.append("(" + " OR ".join('"' + spelling.replace('"', '""') + '"' for spelling in spellings) + ")")
            continue
        clauses.append(_document_like(per_event, len(spellings), key) if fts else
                       "(" + " OR ".join(_like_clause(walk) for _ in spellings) + ")")
        like_params.extend(_like(spelling) for spelling in spellings)
    return (" AND ".join(indexed) if indexed else None), clauses, like_params


def _key_bounds(column: str, keys: tuple[int | None, int | None]) -> tuple[str, list[int]]:
    """` AND` terms keeping document keys in [low, high) (either may be None: unbounded), and their parameters."""
    low, high = keys
    sql, params = "", []
    if low is not None:
        sql, params = f" AND {column} >= ?", [low]
    if high is not None:
        sql, params = sql + f" AND {column} < ?", [*params, high]
    return sql, params


def _document_like(per_event: bool, spellings: int, key: str) -> str:
    """A short word tested by LIKE on the events' search documents (a word has no line break, so a match in the
    document is a match in the title, the place or one evidence: what _like_clause tests one by one)."""
    likes = " OR ".join(f"d.{DOCUMENT_TEXT} LIKE ? ESCAPE '\\'" for _ in range(spellings))
    if per_event:
        return f"EXISTS (SELECT 1 FROM {DOCUMENTS} d WHERE d.id = {key} AND ({likes}))"
    return f"e.rowid IN (SELECT d.id & {EVENT_ROWID_MASK} FROM {DOCUMENTS} d WHERE {likes})"


def _like_clause(walk: bool) -> str:
    """A word tested row by row in an event's title, place and mentions (a store without the trigram tokenizer)."""
    mentioned = ("EXISTS (SELECT 1 FROM mentions m WHERE m.event_uid = e.uid AND m.evidence LIKE ? ESCAPE '\\')"
                 if walk else "e.uid IN (SELECT event_uid FROM mentions WHERE evidence LIKE ? ESCAPE '\\')")
    return f"e.title LIKE ? ESCAPE '\\' OR e.location LIKE ? ESCAPE '\\' OR {mentioned}"


_ORDERS = {
    "start": "e.start, e.title, e.uid",
    "-start": "e.start DESC, e.title, e.uid",
    "-updated": "e.updated DESC, e.created DESC, e.start, e.uid",
}
"""Selection.order: which events a limit keeps, and the order they come in."""


def events_query_plan(db: Database, flt: Selection) -> list[str]:
    """The EXPLAIN QUERY PLAN details of the events query for `flt`, for the index tests and the query benchmark."""
    sql, params = _keyed_sql(db, flt, "e.uid") if _keyed(db, flt) else events_sql(db, flt)
    return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()]


def query_events(db: Database, flt: Selection) -> list[StoredEvent]:
    """Events matching every field the filter sets, in the filter's order (by start), with their mentions.

    The query reads the events' columns with their uids (it reads each row anyway, to test it); events already
    read at this data version come from memo.EVENTS, the others are built from those rows.
    """
    rows = _event_rows(db, flt, _ROW_COLUMNS)
    version = _memo_version(db)
    if version is None:
        return _stored_rows(db, rows)
    by_uid = {row[0]: row for row in rows}
    return EVENTS.events(version, list(by_uid), lambda missing: _stored_rows(db, [by_uid[uid] for uid in missing]))


def query_uids(db: Database, flt: Selection) -> list[str]:
    """The uids of the events query_events gives for `flt`, in its order, and nothing else read."""
    return [row[0] for row in _event_rows(db, flt, "e.uid")]


def _event_rows(db: Database, flt: Selection, columns: str) -> list[tuple]:
    """The rows of `columns` (the uid first) of the events for `flt`, in its order: walked in order first when the
    search allows it (`_walks`), else by the plan that matches the words up front."""
    if _keyed(db, flt):
        return _keyed_rows(db, flt, columns)
    rows = _walked(db, flt, columns) if _walks(db, flt) else None
    if rows is None:
        sql, params = events_sql(db, flt, columns=columns, walk=False)
        rows = db.execute(sql, params).fetchall()
    return rows


def query_spans(db: Database, flt: Selection) -> list[EventSpan]:
    """What a month grid needs of the events `flt` selects (their days and order), without reading the events."""
    sql, params = events_sql(db, flt, columns='e.uid, e.title, e.start, e."end", e.all_day, e.precision,'
                             ' e.recurrence', walk=False)
    return [EventSpan(uid, title, start, end, bool(all_day), precision,
                      stored_recurrence(recurrence, end) if recurrence else None)
            for uid, title, start, end, all_day, precision, recurrence in db.execute(sql, params).fetchall()]


def parts_by_uid(db: Database, uids: list[str], variant: str,
                 fetch: Callable[[list[str]], list[EventPart]]) -> list[EventPart]:
    """The calendar parts of `uids` in this variant, in that order: those this process has at this data version
    from memo.PARTS, the others from `fetch` (which reads or renders them)."""
    version = _memo_version(db)
    if version is None:
        return fetch(uids)
    return parts_memo(variant).events(version, uids, fetch)


def events_by_uid(db: Database, uids: list[str]) -> list[StoredEvent]:
    """These events with their mentions, in the order of `uids` (one gone since is left out), through memo.EVENTS."""
    if not uids:
        return []
    version = _memo_version(db)
    if version is None:
        return _events_by_uid(db, uids)
    return EVENTS.events(version, uids, lambda missing: _events_by_uid(db, missing))


WALK_BUDGET_SECONDS = 0.25
"""How long a search by short words may walk the events in order before its words are matched up front."""
WALK_CHECK_INSTRUCTIONS = 1000
"""How often (in SQLite VM instructions) the walk looks at the clock."""


def _walks(db: Database, flt: Selection) -> bool:
    """Whether a search is tried in the filter's order first: a limit, and no word the trigram index can answer.

    Such a search (`q=青岛`) has no index to start from: matching its words in every mention first costs a
    scan of them all, while walking the events in order and testing each stops at the limit, which a broad
    word reaches soon.
    """
    terms = (flt.q or "").split()
    if not terms or flt.limit is None:
        return False
    return not _has_fts(db) or all(len(term) < TRIGRAM_MIN_CHARS for term in terms)


def _walked(db: Database, flt: Selection, columns: str) -> list[tuple] | None:
    """The rows by a walk in order, or None when it outgrew WALK_BUDGET_SECONDS (a rare word: few matches to stop at).

    Both plans return the same rows (same conditions, an order ending in the unique uid); only their cost differs.
    """
    sql, params = events_sql(db, flt, columns=columns, walk=True)
    deadline = time.perf_counter() + WALK_BUDGET_SECONDS
    db.conn.set_progress_handler(lambda: time.perf_counter() > deadline, WALK_CHECK_INSTRUCTIONS)
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        return None
    finally:
        db.conn.set_progress_handler(None, 0)


def _memo_version(db: Database) -> tuple[str, str] | None:
    """What the memo's events are valid for: the store's file and data version (None in memory: nothing kept)."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    return (path, data_version(db)[0]) if path else None


def _events_by_uid(db: Database, uids: list[str]) -> list[StoredEvent]:
    """These events, with their mentions, in the order of `uids` (looked up in index order: each lookup
    starts near the last one, which at a million events halves the cost)."""
    rows = db.execute(f"SELECT {_ROW_COLUMNS} FROM json_each(?) j CROSS JOIN events e ON e.uid = j.value",
                      [json.dumps(sorted(uids))]).fetchall()
    by_uid = {ev.uid: ev for ev in _stored_rows(db, rows)}
    return [by_uid[uid] for uid in uids if uid in by_uid]


def events_sql(db: Database, flt: Selection, columns: str = "e.*", walk: bool | None = None) -> tuple[str, list]:
    """The SQL and parameters of the events query for `flt` (it reads the store's bounds, runs nothing else).

    `walk` (default: what query_events tries first) tests short search words on each event reached in order.
    """
    if walk is None:
        walk = _walks(db, flt)
    where, params = _filters(db, flt)
    if flt.q and flt.q.split():
        where.append(_search_clause(db, flt.q, params, walk, windowed=bool(flt.start and flt.end),
                                    keys=_window_keys(db, flt)))
    sql = f"SELECT {columns} FROM events e WHERE " + " AND ".join(where) + " ORDER BY " + _order(flt)
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(max(flt.limit, 0))
    return sql, params


def _order(flt: Selection) -> str:
    order = getattr(flt, "order", "start")
    if order not in _ORDERS:
        raise ValueError(f"unknown order {order!r}; use one of {', '.join(_ORDERS)}")
    return _ORDERS[order]


def _filters(db: Database, flt: Selection) -> tuple[list[str], list]:
    """The conditions on an event's own columns (everything but the search words) and their parameters."""
    where: list[str] = ["e.hidden = 0"]  # hidden by an editor: on no public surface
    params: list = []
    if flt.category:
        where.append("e.category = ?")
        params.append(flt.category)
    if flt.status:
        where.append("e.status = ?")
        params.append(flt.status)
    if flt.location:
        where.append("e.location LIKE ? ESCAPE '\\'")
        params.append(_like(flt.location))
    if flt.start:
        # A feed (newest first) walks events_newest in its order and tests the window there (`+`: no range of
        # another index, which would read every event of the window and sort them; migration _add_feed_order).
        walked = "+" if getattr(flt, "order", "start") == "-updated" else ""
        where.append(f'{walked}e."end" >= ?')  # ISO strings: a timed end on that day sorts after the bare date
        params.append(flt.start.isoformat())
        earliest = _earliest_start(db, flt.start)
        if earliest:
            where.append(f"{walked}e.start >= ?")  # bounds the events_start_order range on both sides (migration 11)
            params.append(earliest)
    if flt.end:
        where.append("e.start < ?")  # anything starting on `end`, timed or not, sorts before the next day
        params.append(_day_after(flt.end))
    return where, params


def _day_after(day: dt.date) -> str:
    return (day + dt.timedelta(days=1)).isoformat()


def _window_keys(db: Database, flt: Selection) -> tuple[int | None, int | None]:
    """The range of document keys (schema.document_key) the window's events lie in: from the earliest start an
    event ending in it can have, to the day after its end. Every event the window keeps has its key in it."""
    earliest = _earliest_start(db, flt.start) if flt.start else None
    return (day_key(earliest) if earliest else None), (day_key(_day_after(flt.end)) if flt.end else None)


KEYED_ORDERS = {"start": "", "-start": " DESC"}
"""The orders whose first column is the start: a search in one of them can walk its matches in document key order."""


def _keyed(db: Database, flt: Selection) -> bool:
    """Whether a search walks its FTS matches in key order: a limit, an order by start and a word the trigram index
    answers (migration _key_search_documents_by_start)."""
    terms = (flt.q or "").split()
    return (flt.limit is not None and getattr(flt, "order", "start") in KEYED_ORDERS and _has_fts(db)
            and any(len(term) >= TRIGRAM_MIN_CHARS for term in terms))


def _keyed_sql(db: Database, flt: Selection, columns: str) -> tuple[str, list]:
    """The document key, then `columns`, of each event `flt` keeps among the FTS matches with keys in the window's
    range, in key order (by start day): FTS5 yields its matches in that order, one at a time as they are read."""
    where, params = _filters(db, flt)
    match, likes, like_params = _search_terms(db, flt.q or "", True, "s.rowid")
    bounds, bound_params = _key_bounds("s.rowid", _window_keys(db, flt))
    sql = (f"SELECT s.rowid, {columns} FROM event_search s"
           f" CROSS JOIN events e ON e.rowid = s.rowid & {EVENT_ROWID_MASK}"
           f" WHERE s.event_search MATCH ?{bounds} AND " + " AND ".join(where + likes)
           + f" ORDER BY s.rowid{KEYED_ORDERS[getattr(flt, 'order', 'start')]}")
    return sql, [match, *bound_params, *params, *like_params]


_SORTED_BY = "e.start, e.title, e.uid"
"""What the keyed walk selects after the key, to put a day's events in the answer's order (_ORDERS)."""


def _keyed_rows(db: Database, flt: Selection, columns: str) -> list[tuple]:
    """The rows of a search walked in key order: read until `limit` are kept and the last one's day is over (keys
    order by day only; within a day the answer's order is start, title, uid), then sorted and cut.

    The same rows as events_sql's plan: every event sorting before the last kept one starts on or before its day,
    so it is among these. They are sorted here as SQLite sorts them: these columns are never NULL, and comparing
    Python strings by code point is comparing their UTF-8 bytes, SQLite's BINARY collation.
    """
    limit = max(flt.limit or 0, 0)
    if limit == 0:
        return []
    rows: list[tuple] = []
    cursor = db.execute(*_keyed_sql(db, flt, f"{_SORTED_BY}, {columns}"))
    try:
        for row in cursor:  # SQLite steps the walk one row at a time: leaving the loop ends it
            if len(rows) >= limit and row[0] >> DAY_SHIFT != rows[-1][0] >> DAY_SHIFT:
                break
            rows.append(row)
    finally:
        cursor.close()
    rows.sort(key=itemgetter(2, 3))  # title, uid
    rows.sort(key=itemgetter(1), reverse=getattr(flt, "order", "start") == "-start")  # then start: the sort is stable
    return [row[4:] for row in rows[:limit]]


def _earliest_start(db: Database, first_day: dt.date) -> str | None:
    """The earliest start of an event that ends on or after `first_day`, from the longest event stored."""
    row = db.execute("SELECT value FROM meta WHERE key = 'longest_days'").fetchone()
    if row is None or row[0] is None:
        return None
    try:
        return (first_day - dt.timedelta(days=int(row[0]))).isoformat()
    except OverflowError:  # an endless event: no bound
        return None


def past_events(db: Database, before: dt.date, limit: int = 50) -> list[StoredEvent]:
    """Events that ended before `before`, most recent first: the record of what took place."""
    rows = records(db.execute(
        'SELECT * FROM events WHERE "end" < ? AND hidden = 0 ORDER BY "end" DESC, start DESC, uid LIMIT ?',
        [before.isoformat(), limit],
    ))
    return _stored(db, rows)


def get_event(db: Database, uid: str, *, hidden: bool = False) -> StoredEvent | None:
    """One event with its mentions, or None; one an editor hid only when `hidden` (the editor's side)."""
    sql = "SELECT * FROM events WHERE uid = ?" + ("" if hidden else " AND hidden = 0")
    found = _stored(db, records(db.execute(sql, [uid])))
    return found[0] if found else None


def get_retraction(db: Database, uid: str) -> Retraction | None:
    """The record of a retracted event, or of one an editor hid (both answer 410), or None."""
    found = records(db.execute("SELECT uid, title, article_id, successor, retracted FROM retractions WHERE uid = ?",
                               [uid]))
    if found:
        return Retraction(**found[0])
    hidden = records(db.execute(
        "SELECT e.uid, e.title, (SELECT m.article_id FROM mentions m WHERE m.event_uid = e.uid"
        " ORDER BY m.created, m.article_id, m.start LIMIT 1) AS article_id, NULL AS successor,"
        " (SELECT max(c.at) FROM corrections c WHERE c.uid = e.uid AND c.field = 'hidden') AS retracted"
        " FROM events e WHERE e.uid = ? AND e.hidden = 1", [uid]))
    return Retraction(**{**hidden[0], "retracted": hidden[0]["retracted"] or ""}) if hidden else None


def get_article(db: Database, article_id: str) -> dict | None:
    """One stored article as a plain dict (subheadlines decoded), or None."""
    found = records(db.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not found:
        return None
    record = found[0]
    record["subheadlines"] = json.loads(record["subheadlines"])
    return record


def recent_changes(db: Database, limit: int) -> list[StoredEvent]:
    """The most recently created or revised events, newest first (what feeds announce)."""
    rows = records(db.execute(
        "SELECT * FROM events WHERE hidden = 0 ORDER BY updated DESC, created DESC, uid LIMIT ?", [limit]
    ))
    return _stored(db, rows)


def has_article(db: Database, article_id: str) -> bool:
    """Whether this article (by content hash) is already stored."""
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def count_events(db: Database) -> int:
    return db.execute("SELECT count(*) FROM events").fetchone()[0]


def data_version(db: Database) -> tuple[str, dt.datetime]:
    """A short tag that changes whenever events or mentions change, and when the data last changed (UTC)."""
    changes, updated, mentioned = db.execute(
        "SELECT (SELECT value FROM meta WHERE key = 'changes'),"
        " (SELECT max(updated) FROM events), (SELECT max(created) FROM mentions)"
    ).fetchone()
    tag = hashlib.sha1(f"{schema_version(db)}:{changes}:{updated}:{mentioned}".encode()).hexdigest()[:16]
    stamps = [s for s in (updated, mentioned) if s]
    if not stamps:
        return tag, EPOCH
    return tag, dt.datetime.strptime(max(stamps), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


_FIELDS = [f.name for f in fields(StoredEvent)]
_EVENT_COLUMNS = [name for name in _FIELDS if name != "mentions"]
"""The events columns a StoredEvent holds, in the order of its fields."""
_EVENT_VALUES = itemgetter(*_EVENT_COLUMNS)
_ROW_COLUMNS = ", ".join(f'e."{name}"' for name in _EVENT_COLUMNS)
"""The select list of those columns, the uid first (what _stored_rows builds StoredEvents from)."""
_MENTIONS_AT, _ALL_DAY_AT, _PREVIOUS_AT, _FLAGS_AT, _RECURRENCE_AT = (
    _FIELDS.index(name) for name in ("mentions", "all_day", "previous", "flags", "recurrence"))


def _stored(db: Database, records: list[dict]) -> list[StoredEvent]:
    """Event rows (dicts of every column) as StoredEvents, with all their mentions fetched in one query."""
    return _stored_rows(db, [_EVENT_VALUES(record) for record in records])


def _stored_rows(db: Database, rows: list[tuple]) -> list[StoredEvent]:
    """Event rows (the values of _EVENT_COLUMNS) as StoredEvents, with all their mentions fetched in one query."""
    mentions = _mentions_for(db, [row[0] for row in rows])
    events = []
    for row in rows:
        values = list(row)
        values.insert(_MENTIONS_AT, mentions.get(row[0], []))
        values[_ALL_DAY_AT] = bool(values[_ALL_DAY_AT])
        previous = values[_PREVIOUS_AT]
        values[_PREVIOUS_AT] = [tuple(span) for span in json.loads(previous)] if previous and previous != "[]" else []
        flags = values[_FLAGS_AT]
        values[_FLAGS_AT] = tuple(json.loads(flags)) if flags and flags != "[]" else ()
        if values[_RECURRENCE_AT]:
            values[_RECURRENCE_AT] = stored_recurrence(values[_RECURRENCE_AT], values[_FIELDS.index("end")])
        events.append(StoredEvent(*values))
    return events


def stored_recurrence(text: str, end: str) -> Recurrence:
    """The events column's JSON as a Recurrence that runs to the event's last day (which an editor may have moved)."""
    return Recurrence.from_json(json.loads(text)).with_until(dt.date.fromisoformat(end[:10]))


def _mentions_for(db: Database, uids: list[str]) -> dict[str, list[Mention]]:
    if not uids:
        return {}
    rows = db.execute(
        'SELECT m.event_uid, m.article_id, a.source, a.headline, a.published, m.evidence, m.start, m."end",'
        " a.source_url FROM json_each(?) j CROSS JOIN mentions m ON m.event_uid = j.value"
        " JOIN articles a INDEXED BY articles_shown ON a.id = m.article_id"  # no article's row read (migration 12)
        " ORDER BY m.event_uid, a.published IS NULL, a.published, a.ingested, m.article_id, m.start",
        [json.dumps(sorted(uids))],  # in index order, as in _events_by_uid
    ).fetchall()
    found: dict[str, list[Mention]] = {}
    for uid, aid, source, headline, published, evidence, start, end, source_url in rows:
        # `source` is where the article can be found: its URL when it has one, else the file name.
        mention = Mention(aid, source_url or source, headline, published, evidence, start, end, source_url)
        found.setdefault(uid, []).append(mention)
    return found


def event_uids(db: Database) -> list[str]:
    """Every event's uid, in start order (what an export writes one calendar for)."""
    return [row[0] for row in db.execute("SELECT uid FROM events WHERE hidden = 0 ORDER BY start, uid").fetchall()]


def event_months(db: Database) -> list[tuple[int, int]]:
    """The months in which an event starts or ends (what an export writes a month page for)."""
    rows = db.execute("SELECT substr(start, 1, 7) FROM events WHERE hidden = 0"
                      " UNION SELECT substr(end, 1, 7) FROM events WHERE hidden = 0").fetchall()
    return sorted((int(m[:4]), int(m[5:7])) for (m,) in rows if m)


def events_of_article(db: Database, article_id: str) -> list[StoredEvent]:
    """The events an article reports, in start order, with all their mentions."""
    rows = records(db.execute(
        "SELECT * FROM events WHERE uid IN (SELECT event_uid FROM mentions WHERE article_id = ?) AND hidden = 0"
        " ORDER BY start, title, uid",
        [article_id],
    ))
    return _stored(db, rows)


def reported_spans(db: Database, article_id: str) -> dict[int, list[tuple[str, str]]]:
    """What the article's sentences said: (start, end) of each report, by the offset of its sentence."""
    found: dict[int, list[tuple[str, str]]] = {}
    for offset, start, end in db.execute(
        'SELECT evidence_start, start, "end" FROM reports WHERE article_id = ? ORDER BY evidence_start, id',
        [article_id],
    ).fetchall():
        found.setdefault(offset, []).append((start, end))
    return found


def article_ids(db: Database) -> list[str]:
    """Every stored article's id, oldest ingest first."""
    return [row[0] for row in db.execute("SELECT id FROM articles ORDER BY ingested, id").fetchall()]
