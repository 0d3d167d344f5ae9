"""What makes two reports one event, and the ids that follow from it: one module for the whole policy.

An article is its content hash; an event is its title key (`event_key`) and a start within
`MERGE_WINDOW_DAYS` of a stored one; its uid is derived from both, alike in every process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import unicodedata

from sqlite_utils import Database

from ..models import Article

MERGE_WINDOW_DAYS = 180
"""Reports of one title whose starts lie this close together are the same event."""


_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}(?:年度|年)?")


def event_key(title: str) -> str:
    """The title reduced to what identifies the event: no spaces, punctuation, quotes or leading year.

    `2022世界工业互联网产业大会` and `“世界工业互联网产业大会”` share a key; the date window
    tells years apart.
    """
    text = unicodedata.normalize("NFKC", title).casefold()
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")
    return _LEADING_YEAR.sub("", kept) or kept or title.strip()


def make_uid(key: str, first_start: dt.date, attempt: int = 0) -> str:
    """A uid every process derives alike from the same report, so concurrent ingests cannot duplicate.

    `attempt` counts earlier events that took this key and start but have since moved out of the
    merge window.
    """
    seed = f"{key}|{first_start.isoformat()}" + (f"|{attempt}" if attempt else "")
    return f"{hashlib.sha1(seed.encode()).hexdigest()[:24]}@feeds"


def article_id(article: Article) -> str:
    """Content hash of the article's normalized headline and text: the same article has the same id."""
    return hashlib.sha256(f"{article.headline}\n\n{article.text}".encode()).hexdigest()


def find_match(db: Database, key: str, start: dt.date) -> dict | None:
    """The stored event with this key whose start is nearest to `start`, within the merge window."""
    best, best_gap = None, None
    for record in records(db.execute("SELECT * FROM events WHERE key = ?", [key])):
        gap = abs((dt.date.fromisoformat(record["start"][:10]) - start).days)
        if gap <= MERGE_WINDOW_DAYS and (best_gap is None or gap < best_gap):
            best, best_gap = record, gap
    return best


def records(cursor: sqlite3.Cursor) -> list[dict]:
    """Rows as dicts keyed by column name, whatever columns later migrations add."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
