"""The editor's API in the OpenAPI description: correcting, hiding and unhiding an event, and its history."""

from __future__ import annotations

from typing import Any

from ..edits import LOCATION_MAX, NOTE_MAX, TITLE_MAX
from ..models import CATEGORIES, STATUSES

_REF = "#/components/"
_STRING = {"type": "string"}
_JSON = "application/json"
_DATE_TEXT = ("`YYYY-MM-DD` (all day), `YYYY-MM-DDTHH:MM` (Beijing time) or `YYYY-MM` (a whole month); "
              "start and end of one kind.")

SCHEMAS: dict[str, dict[str, Any]] = {
    "EventCorrection": {
        "type": "object",
        "description": "The fields to correct; those left out stay as they are. Each is stored as an editor's "
                       "correction, apart from the extracted facts, and survives re-ingest and re-extraction.",
        "additionalProperties": False,
        "properties": {
            "title": {"type": "string", "maxLength": TITLE_MAX, "description": "Plain text: markup is kept as text."},
            "start": {"type": "string", "description": _DATE_TEXT},
            "end": {"type": ["string", "null"], "description": _DATE_TEXT + " Empty: the start's day or month."},
            "allDay": {"type": "boolean", "description": "Optional check: must agree with the dates given."},
            "location": {"type": "string", "maxLength": LOCATION_MAX},
            "category": {"type": "string", "enum": list(CATEGORIES)},
            "status": {"type": "string", "enum": list(STATUSES)},
            "note": {"type": "string", "maxLength": NOTE_MAX, "description": "A public note shown with the event."},
            "recurrence": {"type": ["object", "null"],
                           "description": "The days and time it comes round: `frequency` (daily | weekly), `weekdays` "
                                          "(BYDAY codes, weekly), `time` (`HH:MM`), `minutes`, `excluded` (dates), "
                                          "`opening_hours`; `until` is always the event's last day. null removes it "
                                          "(the event is held once over its span)."},
        },
    },
    "EditedEvent": {
        "allOf": [
            {"$ref": _REF + "schemas/EventDetail"},
            {
                "type": "object",
                "properties": {
                    "hidden": {"type": "boolean"},
                    "corrections": {"type": "object", "additionalProperties": {
                        "type": "object", "properties": {"value": _STRING, "editor": _STRING, "at": _STRING}}},
                    "conflicts": {"type": "array", "items": {"type": "object", "properties": {
                        "field": _STRING, "corrected": _STRING, "extracted": _STRING}},
                        "description": "Corrected fields a newer report reads otherwise: settled at /admin."},
                },
            },
        ]
    },
    "FieldErrors": {
        "type": "object",
        "required": ["error", "fields"],
        "properties": {
            "error": _STRING,
            "fields": {"type": "array", "items": {"type": "object", "required": ["field", "code", "message"],
                                                  "properties": {"field": _STRING, "code": _STRING,
                                                                 "message": _STRING}}},
        },
    },
    "AuditEntry": {
        "type": "object",
        "required": ["id", "uid", "at", "actor", "action", "before", "after"],
        "properties": {
            "id": {"type": "integer"},
            "uid": _STRING,
            "at": {"type": "string", "format": "date-time"},
            "actor": {"type": "string", "description": "`feeds` for extraction, else the editor's name."},
            "action": {"type": "string", "examples": ["extracted", "extraction changed", "corrected", "hidden"]},
            "before": {"type": "object"},
            "after": {"type": "object"},
        },
    },
}

SECURITY_SCHEME = {"type": "http", "scheme": "bearer", "description": "A token from `feeds editors token NAME`."}


def _answer(description: str, schema: str | None = None) -> dict[str, Any]:
    answer: dict[str, Any] = {"description": description}
    if schema:
        answer["content"] = {_JSON: {"schema": {"$ref": _REF + f"schemas/{schema}"}}}
    return answer


_REFUSED = {
    "401": {**_answer("No token, or one unknown, revoked or of a removed editor.", "Error"),
            "headers": {"WWW-Authenticate": {"schema": _STRING}}},
    "404": _answer("No such event.", "Error"),
}


def _action(op_id: str, summary: str) -> dict[str, Any]:
    return {
        "post": {
            "operationId": op_id,
            "summary": summary,
            "security": [{"editor": []}],
            "parameters": [{"$ref": _REF + "parameters/uid"}],
            "responses": {"200": _answer("The event as an editor sees it.", "EditedEvent"), **_REFUSED},
        }
    }


def paths() -> dict[str, dict[str, Any]]:
    """The editor's operations by path; PATCH joins the GET of /api/events/{uid}."""
    return {
        "/api/events/{uid}": {
            "patch": {
                "operationId": "correctEvent",
                "summary": "Correct an event (title, dates, place, category, status, public note).",
                "description": "The same validation and messages as the /admin forms (`?lang=en` for English). "
                               "A change is a new SEQUENCE and LAST-MODIFIED in every calendar.",
                "security": [{"editor": []}],
                "parameters": [{"$ref": _REF + "parameters/uid"}],
                "requestBody": {"required": True,
                                "content": {_JSON: {"schema": {"$ref": _REF + "schemas/EventCorrection"}}}},
                "responses": {
                    "200": _answer("Corrected (or nothing to change).", "EditedEvent"),
                    "400": _answer("A field is invalid: each named, with its message.", "FieldErrors"),
                    **_REFUSED,
                },
            }
        },
        "/api/events/{uid}/hide": _action("hideEvent", "Hide an event from every public surface (its page: 410)."),
        "/api/events/{uid}/unhide": _action("unhideEvent", "Show a hidden event again."),
        "/api/events/{uid}/history": {
            "get": {
                "operationId": "eventHistory",
                "summary": "Every change of the event: extraction, re-extraction, corrections; oldest first.",
                "security": [{"editor": []}],
                "parameters": [{"$ref": _REF + "parameters/uid"}],
                "responses": {"200": {"description": "The audit log.", "content": {_JSON: {"schema": {
                    "type": "array", "items": {"$ref": _REF + "schemas/AuditEntry"}}}}}, **_REFUSED},
            }
        },
    }
