"""The SQLite store: articles, events merged across articles, and the mentions that link them.

Plain functions over a `sqlite_utils.Database`, in four modules: `schema` (the file, migrations,
backups; `faults` says in one line why a file cannot be used), `identity` (what makes two reports
one event), `write` (saving an article's events) and `read` (queries). Writes go through
`transaction()` so that the caller decides what is atomic (one ingested file); reads are single queries.
"""

from .faults import FaultKind, StorageFault, check_integrity, database_path, storage_fault
from .identity import MERGE_WINDOW_DAYS, article_id, event_key, make_uid
from .read import (
    EPOCH,
    article_ids,
    count_events,
    data_version,
    event_months,
    event_uids,
    events_of_article,
    events_query_plan,
    events_sql,
    get_article,
    get_event,
    has_article,
    past_events,
    query_events,
    recent_changes,
)
from .schema import (
    BUSY_TIMEOUT_MS,
    HAS_TRIGRAM,
    MIGRATIONS,
    TRIGRAM_MIN_CHARS,
    UNKNOWN_SPAN_DAYS,
    SchemaTooNew,
    backup,
    migrate,
    open_db,
    schema_version,
    transaction,
)
from .write import Counts, save_article_events, utc_stamp

__all__ = [
    "events_sql",
    "FaultKind",
    "StorageFault",
    "check_integrity",
    "database_path",
    "storage_fault",
    "BUSY_TIMEOUT_MS",
    "Counts",
    "EPOCH",
    "HAS_TRIGRAM",
    "MERGE_WINDOW_DAYS",
    "MIGRATIONS",
    "SchemaTooNew",
    "TRIGRAM_MIN_CHARS",
    "UNKNOWN_SPAN_DAYS",
    "article_id",
    "article_ids",
    "backup",
    "count_events",
    "data_version",
    "event_key",
    "event_months",
    "event_uids",
    "events_of_article",
    "events_query_plan",
    "get_article",
    "get_event",
    "has_article",
    "make_uid",
    "migrate",
    "open_db",
    "past_events",
    "query_events",
    "recent_changes",
    "save_article_events",
    "schema_version",
    "transaction",
    "utc_stamp",
]
