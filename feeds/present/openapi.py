"""The OpenAPI 3.1 description of the calendars, feeds and JSON API, served at /api/openapi.json."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..models import CATEGORIES, STATUSES, WEEKDAY_CODES, EventFlag, Frequency
from . import openapi_editors

VERSION = "1.2.0"
UPDATED = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
"""Last-Modified of the document; change it with the document."""

_REF = "#/components/"


def _param(name: str, description: str, schema: dict[str, Any], where: str = "query") -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": schema,
    }


_DAY = {"type": "string", "examples": ["2022-11-29"]}
_PATTERN = {"type": "string", "maxLength": 200}
PARAMETERS: dict[str, dict[str, Any]] = {
    "category": _param("category", "Only this category.", {"type": "string", "enum": list(CATEGORIES)}),
    "q": _param(
        "q", "Full-text search in title, place and evidence; every word must match.", {"type": "string"}
    ),
    "location": _param("location", "Only events whose place contains this text.", {"type": "string"}),
    "from": _param("from", "Events that end on or after this day (inclusive).", _DAY),
    "to": _param("to", "Events that start on or before this day (inclusive).", _DAY),
    "start": _param(
        "start", "As FullCalendar sends it: events that end on or after this day or ISO datetime.", _DAY
    ),
    "end": _param("end", "As FullCalendar sends it: events that start before this day (exclusive).", _DAY),
    "status": _param("status", "Only events with this status.", {"type": "string", "enum": list(STATUSES)}),
    "limit": _param(
        "limit", "At most this many events (capped by the server's FEEDS_MAX_ITEMS).", {"type": "integer"}
    ),
    "filter": _param("filter", "RSSHub: keep items whose title or description matches this regex.", _PATTERN),
    "filter_title": _param("filter_title", "RSSHub: keep items whose title matches this regex.", _PATTERN),
    "filter_description": _param(
        "filter_description", "RSSHub: keep items whose description matches this regex.", _PATTERN
    ),
    "filterout": _param("filterout", "RSSHub: drop items whose title or description matches.", _PATTERN),
    "filterout_title": _param("filterout_title", "RSSHub: drop items whose title matches.", _PATTERN),
    "filterout_description": _param(
        "filterout_description", "RSSHub: drop items whose description matches.", _PATTERN
    ),
    "filter_category": _param(
        "filter_category", "RSSHub: keep items whose category (key or Chinese name) matches.", _PATTERN
    ),
    "filterout_category": _param(
        "filterout_category", "RSSHub: drop items whose category matches.", _PATTERN
    ),
    "filter_case_sensitive": _param(
        "filter_case_sensitive", "RSSHub: `false` makes the patterns ignore case.", {"type": "boolean"}
    ),
    "uid": _param("uid", "The event's stable identifier.", {"type": "string"}, "path"),
    "pathCategory": _param("category", "The category.", {"type": "string", "enum": list(CATEGORIES)}, "path"),
}
_FILTERS = ["category", "q", "location", "from", "to", "start", "end", "status", "limit"]
_RSSHUB = [
    "filter",
    "filter_title",
    "filter_description",
    "filterout",
    "filterout_title",
    "filterout_description",
    "filter_category",
    "filterout_category",
    "filter_case_sensitive",
]

_STRING = {"type": "string"}
SCHEMAS: dict[str, dict[str, Any]] = {
    "Source": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "kind": {"enum": ["unknown", "feed", "page"]},
            "every": {"type": "string", "examples": ["30m"]},
            "everySeconds": {"type": "integer"},
            "publishedFrom": {"enum": ["feed", "page"]},
            "added": {"type": "string", "format": "date-time"},
            "lastFetch": {"type": ["string", "null"], "format": "date-time"},
            "status": {"enum": ["never", "ok", "not_modified", "partial", "failed"]},
            "error": {"type": ["string", "null"]},
            "counts": {"type": "object", "additionalProperties": {"type": "integer"},
                       "description": "Pages of the last fetch by outcome: known, ingested, updated, "
                                      "unchanged, not_modified, duplicate, disallowed, deferred, no_link, "
                                      "failed."},
            "problems": {"type": "array", "items": {"type": "object", "properties": {
                "url": {"type": "string"}, "reason": {"type": "string"}}}},
            "failures": {"type": "integer", "description": "Failed fetches in a row (the wait doubles with each)."},
            "nextDue": {"type": "string", "format": "date-time"},
            "articles": {"type": "integer"},
            "events": {"type": "integer"},
        },
    },
    "Event": {
        "type": "object",
        "description": "An event as FullCalendar's JSON event source reads it, plus feeds' own fields.",
        "required": ["id", "title", "start", "allDay", "url", "category", "status", "precision"],
        "properties": {
            "id": {"type": "string", "description": "Stable uid, also the iCalendar UID."},
            "title": {
                "type": "string",
                "description": "Display title: `[已取消] ` and `（日期待定）` marked.",
            },
            "start": {
                "type": "string",
                "description": "`YYYY-MM-DD` when allDay, else ISO 8601 with +08:00.",
            },
            "end": {"type": "string", "description": "Exclusive: the day after the last day when allDay."},
            "allDay": {"type": "boolean"},
            "url": {"type": "string", "format": "uri", "description": "The event's page."},
            "classNames": {"type": "array", "items": _STRING},
            "name": {"type": "string", "description": "The title as reported."},
            "category": {"type": "string", "enum": list(CATEGORIES)},
            "categoryLabel": _STRING,
            "location": _STRING,
            "status": {"type": "string", "enum": list(STATUSES)},
            "precision": {"type": "string", "enum": ["time", "day", "month"]},
            "sequence": {"type": "integer", "description": "Bumped each time a report changes the event."},
            "evidence": {"type": "string", "description": "The sentence that reports the event."},
            "firstDay": {"type": "string", "format": "date"},
            "lastDay": {"type": "string", "format": "date", "description": "Inclusive."},
            "created": {"type": "string", "format": "date-time"},
            "updated": {"type": "string", "format": "date-time"},
            "ics": {"type": "string", "format": "uri", "description": "The event as an iCalendar file."},
            "previous": {
                "type": "array",
                "description": "A postponed event's earlier dates, oldest first (inclusive ends, as `start`).",
                "items": {"type": "object", "properties": {"start": _STRING, "end": _STRING}},
            },
            "opened": {"type": ["string", "null"], "format": "date",
                       "description": "A deadline's opening day; the event itself is the due day."},
            "parent": {"type": ["string", "null"],
                       "description": "The uid of the named event this one is a part of (an opening, a side forum)."},
            "flags": {"type": "array", "items": {"type": "string", "enum": [f.value for f in EventFlag]},
                      "description": "Why its dates are less than sure: tentative (a plan), year_inferred, relative, "
                                     "month_only, publication_inferred."},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1,
                           "description": "1 for a date written out in full and announced plainly, less per flag."},
            "note": {"type": "string", "description": "An editor's public note (plain text), or empty."},
            "recurrence": {"oneOf": [{"$ref": _REF + "schemas/Recurrence"}, {"type": "null"}],
                           "description": "For an event held again and again over its span (a show every evening, "
                                          "a market every Saturday): its days and times; null for one held once. "
                                          "Timed sessions make `start`/`end` the first session's, and add "
                                          "FullCalendar's `daysOfWeek`, `startTime`, `endTime`, `startRecur`, "
                                          "`endRecur` (left out when a day is excluded)."},
            "daysOfWeek": {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 6},
                           "description": "FullCalendar's recurring days, Sunday 0."},
            "startTime": {"type": "string", "description": "FullCalendar: each session's start, `HH:MM`."},
            "endTime": {"type": "string", "description": "FullCalendar: each session's end, `HH:MM`."},
            "startRecur": {"type": "string", "format": "date"},
            "endRecur": {"type": "string", "format": "date", "description": "Exclusive: the day after `until`."},
        },
    },
    "Recurrence": {
        "type": "object",
        "description": "Which days of its span an event comes round and at what time (Beijing), as RFC 5545's RRULE "
                       "says it in the calendars.",
        "required": ["frequency", "weekdays", "until", "openingHours"],
        "properties": {
            "frequency": {"type": "string", "enum": [f.value for f in Frequency]},
            "weekdays": {"type": "array", "items": {"type": "string", "enum": list(WEEKDAY_CODES)},
                         "description": "Weekly: the days it is on (RFC 5545 BYDAY codes); daily: empty."},
            "time": {"type": ["string", "null"], "description": "Each session's start, `HH:MM`; null: all day."},
            "endTime": {"type": ["string", "null"], "description": "Each session's end, `HH:MM`, when known."},
            "minutes": {"type": ["integer", "null"], "description": "Each session's length, when known."},
            "until": {"type": "string", "format": "date", "description": "The span's last day (`lastDay`)."},
            "excluded": {"type": "array", "items": {"type": "string", "format": "date"},
                         "description": "Days of the span it is not held (EXDATE)."},
            "openingHours": {"type": "boolean",
                             "description": "A venue's visiting hours: calendars keep the span as one all-day event "
                                            "and say the hours in its description (no RRULE)."},
            "rrule": {"type": ["string", "null"], "description": "The RRULE the calendars carry, null for opening "
                                                                 "hours."},
            "text": {"type": "string", "description": "The schedule in words, in the request's language."},
        },
    },
    "Mention": {
        "type": "object",
        "required": ["articleId", "headline", "evidence", "url"],
        "properties": {
            "articleId": _STRING,
            "paper": {"type": "string", "description": "The paper or site the article is from; empty when unknown."},
            "headline": _STRING,
            "published": {"type": ["string", "null"], "format": "date"},
            "evidence": _STRING,
            "evidenceStart": {"type": "integer"},
            "evidenceEnd": {"type": "integer"},
            "url": {"type": "string", "format": "uri", "description": "The article, here or at its source."},
        },
    },
    "EventDetail": {
        "allOf": [
            {"$ref": _REF + "schemas/Event"},
            {
                "type": "object",
                "required": ["mentions"],
                "properties": {"mentions": {"type": "array", "items": {"$ref": _REF + "schemas/Mention"}}},
            },
        ]
    },
    "Error": {"type": "object", "required": ["error"], "properties": {"error": _STRING}},
    "IngestedEvent": {
        "type": "object",
        "description": "An event the article reports, as stored after merging with earlier reports.",
        "required": ["uid", "title", "start", "end", "allDay", "change", "url"],
        "properties": {
            "uid": {"type": "string", "description": "Stable uid: the same as `/api/events/{uid}`."},
            "title": _STRING,
            "start": {"type": "string", "description": "`YYYY-MM-DD`, or ISO 8601 with +08:00 when timed."},
            "end": {"type": "string", "description": "Inclusive, in the same form as `start`."},
            "allDay": {"type": "boolean"},
            "category": {"type": "string", "enum": list(CATEGORIES)},
            "location": _STRING,
            "status": {"type": "string", "enum": list(STATUSES)},
            "sequence": {"type": "integer"},
            "change": {
                "type": "string",
                "enum": ["new", "updated", "unchanged"],
                "description": "What this article did to the event.",
            },
            "url": {"type": "string", "format": "uri", "description": "The event's page."},
        },
    },
    "IngestResult": {
        "type": "object",
        "required": ["articles", "events", "counts"],
        "properties": {
            "articles": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "headline", "new", "url"],
                    "properties": {
                        "id": {"type": "string", "description": "SHA-256 of the headline and text."},
                        "headline": _STRING,
                        "published": {"type": ["string", "null"], "format": "date"},
                        "new": {"type": "boolean", "description": "False when the article was already stored."},
                        "url": {"type": "string", "format": "uri"},
                    },
                },
            },
            "events": {"type": "array", "items": {"$ref": _REF + "schemas/IngestedEvent"}},
            "counts": {
                "type": "object",
                "properties": {"new": {"type": "integer"}, "updated": {"type": "integer"},
                               "unchanged": {"type": "integer"}},
            },
        },
    },
}

_HEADERS = {
    "ETag": {"description": "Changes with the data and the query.", "schema": _STRING},
    "Last-Modified": {"description": "When the data last changed.", "schema": _STRING},
    "Cache-Control": {"description": "`public, max-age=…` (FEEDS_MAX_AGE).", "schema": _STRING},
    "Access-Control-Allow-Origin": {"description": "`*`: any page may read it.", "schema": _STRING},
}
RESPONSES: dict[str, dict[str, Any]] = {
    "NotModified": {
        "description": "The client's copy (If-None-Match / If-Modified-Since) is current.",
        "headers": {name: {"$ref": _REF + f"headers/{name}"} for name in ("ETag", "Last-Modified")},
    },
    "BadRequest": {
        "description": "A query parameter is invalid; the message says which.",
        "content": {"application/json": {"schema": {"$ref": _REF + "schemas/Error"}}, "text/plain": {}},
    },
    "NotFound": {"description": "No such event or category."},
}


def _ok(description: str, media_type: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "description": description,
        "headers": {name: {"$ref": _REF + f"headers/{name}"} for name in _HEADERS},
        "content": {media_type: {"schema": schema}},
    }


def _operation(
    op_id: str, summary: str, params: list[str], ok: dict[str, Any], *, not_found: bool = False
) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": ok, "304": {"$ref": _REF + "responses/NotModified"}}
    if any(p not in ("uid", "pathCategory") for p in params):
        responses["400"] = {"$ref": _REF + "responses/BadRequest"}
    if not_found:
        responses["404"] = {"$ref": _REF + "responses/NotFound"}
    return {
        "get": {
            "operationId": op_id,
            "summary": summary,
            "parameters": [{"$ref": _REF + f"parameters/{p}"} for p in params],
            "responses": responses,
        }
    }


def _error(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": _REF + "schemas/Error"}}},
    }
    if headers:
        answer["headers"] = {name: {"description": text, "schema": _STRING} for name, text in headers.items()}
    return answer


def _ingest_operation() -> dict[str, Any]:
    """POST /api/articles: how a newsroom script pushes an article."""
    text = {"schema": {"type": "string"}}
    result = {"application/json": {"schema": {"$ref": _REF + "schemas/IngestResult"}}}
    return {
        "post": {
            "operationId": "ingestArticle",
            "summary": "Ingest one article and answer with the events found in it.",
            "description": (
                "Off (404) unless the server sets INGEST_TOKEN. Send the article as the body "
                "(`text/plain; charset=…`, `text/markdown` or `text/html`; without a charset the encoding "
                "is detected: UTF-8, GB18030, Big5, UTF-16) or as the `file` of a multipart form. "
                "Idempotent: the same text again changes nothing and answers 200. Limited in size "
                "(INGEST_MAX_BYTES, else MAX_FILE_BYTES) and in rate per client address "
                "(INGEST_RATE_PER_MINUTE)."
            ),
            "security": [{"bearer": []}],
            "parameters": [
                _param("published", "The publication date, for articles that do not give one.", _DAY),
                _param("source_url", "Where the article can be read online (http or https).",
                       {"type": "string", "format": "uri"}),
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "text/plain": text,
                    "text/markdown": text,
                    "text/html": text,
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {"type": "string", "contentMediaType": "application/octet-stream"},
                                "published": _DAY,
                                "source_url": {"type": "string", "format": "uri"},
                            },
                        }
                    },
                },
            },
            "responses": {
                "201": {"description": "Stored: the article was new.", "content": result},
                "200": {"description": "Already stored: nothing changed.", "content": result},
                "400": _error("`published` or `source_url` is invalid, or the form has no `file`."),
                "401": _error("No or a wrong bearer token.", {"WWW-Authenticate": "`Bearer realm=\"feeds\"`"}),
                "404": _error("Ingesting over HTTP is off (no INGEST_TOKEN)."),
                "413": _error("The article is too large."),
                "415": _error("Not text, HTML or a multipart form."),
                "422": _error("Not readable as an article: empty, binary, not in its charset, or extraction failed."),
                "429": _error("Too many requests from this address.", {"Retry-After": "Seconds to wait."}),
                "503": _error("Another writer held the database too long.", {"Retry-After": "Seconds to wait."}),
            },
        }
    }


def _text(media_type: str) -> dict[str, Any]:
    return {"type": "string", "contentMediaType": media_type}


def document(base_url: str) -> dict[str, Any]:
    """The whole description; `base_url` becomes the server URL."""
    listing = _FILTERS + _RSSHUB
    events = {"type": "array", "items": {"$ref": _REF + "schemas/Event"}}
    paths = {
        "/calendar.ics": _operation(
            "calendar",
            "All events as an iCalendar feed (filters optional).",
            listing,
            _ok("iCalendar (RFC 5545 / 7986).", "text/calendar", _text("text/calendar")),
        ),
        "/categories/{category}.ics": _operation(
            "categoryCalendar",
            "One category as an iCalendar feed.",
            ["pathCategory", *listing],
            _ok("iCalendar (RFC 5545 / 7986).", "text/calendar", _text("text/calendar")),
            not_found=True,
        ),
        "/events/{uid}.ics": _operation(
            "eventCalendar",
            "One event as an iCalendar file.",
            ["uid"],
            _ok("iCalendar with one VEVENT.", "text/calendar", _text("text/calendar")),
            not_found=True,
        ),
        "/feed.rss": _operation(
            "feedRss",
            "RSS 2.0, newest change first; by default the last FEEDS_WINDOW_DAYS and upcoming.",
            listing,
            _ok("RSS 2.0.", "application/rss+xml", _text("application/rss+xml")),
        ),
        "/feed.atom": _operation(
            "feedAtom",
            "Atom 1.0; the same items as the RSS feed.",
            listing,
            _ok("Atom 1.0.", "application/atom+xml", _text("application/atom+xml")),
        ),
        "/feed.json": _operation(
            "feedJson",
            "JSON Feed 1.1; the same items as the RSS feed.",
            listing,
            _ok("JSON Feed 1.1.", "application/feed+json", {"type": "object"}),
        ),
        "/api/events": _operation(
            "listEvents",
            "Events in FullCalendar's event-source shape, in start order.",
            listing,
            _ok("A JSON array of events.", "application/json", events),
        ),
        "/api/events/{uid}": _operation(
            "getEvent",
            "One event with the articles that mention it.",
            ["uid"],
            _ok("The event.", "application/json", {"$ref": _REF + "schemas/EventDetail"}),
            not_found=True,
        ),
        "/api/openapi.json": _operation(
            "openapi", "This document.", [], _ok("OpenAPI 3.1.", "application/json", {"type": "object"})
        ),
        "/api/articles": _ingest_operation(),
        "/api/sources": _operation(
            "listSources",
            "The news sites `feeds fetch` follows: settings, last fetch with its counts and problems, next due.",
            [],
            _ok("A JSON array of sources.", "application/json",
                {"type": "array", "items": {"$ref": _REF + "schemas/Source"}}),
        ),
    }
    for path, operations in openapi_editors.paths().items():
        paths.setdefault(path, {}).update(operations)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "feeds: events from newspaper articles",
            "version": VERSION,
            "description": (
                "Calendars, feeds and a JSON API of the events found in newspaper articles. "
                "Every response carries ETag and Last-Modified, answers 304 to a current copy, "
                "is gzip-compressed on request and readable from any origin (CORS)."
            ),
        },
        "servers": [{"url": base_url.rstrip("/")}],
        "paths": paths,
        "components": {
            "parameters": PARAMETERS,
            "schemas": SCHEMAS | openapi_editors.SCHEMAS,
            "headers": _HEADERS,
            "responses": RESPONSES,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "INGEST_TOKEN"},
                                "editor": openapi_editors.SECURITY_SCHEME},
        },
    }
