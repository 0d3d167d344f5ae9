"""The editor's API for scripts: correct an event, hide or unhide it, read its history, with a Bearer token
from `feeds editors token NAME`. The same validator and messages as the admin forms (feeds/edits.py)."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, request

from .. import store
from ..edits import EditRefused, validate
from ..present import api
from ..present.admin_i18n import field_error_text
from ..present.i18n import gettext
from ..store import editing
from ..store.editing import ActionRefused
from .db import get_db
from .syndication import site_url
from .templating import current_lang, paper

log = logging.getLogger("feeds.editors")

bp = Blueprint("editor_api", __name__)
JSON = "application/json; charset=utf-8"


def _answer(body: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = Response(api.dump(body), status=status, content_type=JSON, headers=headers or {})
    response.headers["Cache-Control"] = "no-store"
    return response


class _NoEditor(Exception):
    """No token, or one unknown, revoked or of a removed editor: answered 401 by `_refuse`."""

    def __init__(self, sent: bool) -> None:
        super().__init__("invalid token" if sent else "no token")
        self.sent = sent


@bp.errorhandler(_NoEditor)
def _refuse(error: _NoEditor) -> Response:
    log.warning("%s %s from %s: %s", request.method, request.path, request.remote_addr, error)
    challenge = 'Bearer realm="feeds editors"' + (', error="invalid_token"' if error.sent else "")
    message = "invalid, revoked or removed editor's token" if error.sent else "send Authorization: Bearer <token>"
    return _answer({"error": message}, 401, {"WWW-Authenticate": challenge})


def _editor() -> str:
    """The editor of the request's Bearer token; raises _NoEditor."""
    from .auth import bearer_editor

    name, sent = bearer_editor()
    if name is None:
        raise _NoEditor(sent)
    return name


def _event_body(uid: str) -> dict:
    db = get_db()
    event = store.get_event(db, uid, hidden=True)
    state = editing.state(db, uid)
    body = api.event_detail(event, site_url(), paper, current_lang())
    body["hidden"] = state.hidden
    body["corrections"] = {name.value: {"value": fix.value, "editor": fix.editor, "at": fix.at}
                           for name, fix in state.corrections.items()}
    body["conflicts"] = [{"field": c.field.value, "corrected": c.corrected, "extracted": c.extracted}
                         for c in state.conflicts]
    return body


def _run(uid: str, editor: str, action, *args) -> Response:
    db = get_db()
    try:
        with store.transaction(db):
            action(db, uid, *args, editor, store.utc_stamp())
    except ActionRefused as refused:
        status = 404 if refused.reason is editing.Refusal.UNKNOWN_EVENT else 400
        return _answer({"error": gettext(current_lang(), refused.reason.value)}, status)
    log.info("%s: %s %s by API", editor, request.method, request.path)
    return _answer(_event_body(uid))


@bp.patch("/api/events/<uid>")
def patch_event(uid: str) -> Response:
    """Correct the fields given (title, start, end, allDay, location, category, status, note)."""
    editor = _editor()
    given = request.get_json(silent=True)
    if not isinstance(given, dict):
        return _answer({"error": "send a JSON object of the fields to correct"}, 400)
    db = get_db()
    try:
        current = editing.state(db, uid)
    except ActionRefused:
        return _answer({"error": gettext(current_lang(), "action.unknown_event")}, 404)
    try:
        change = validate(given, current.shown)
    except EditRefused as refused:
        log.info("%s: PATCH %s refused: %s", editor, uid, refused)
        return _answer({"error": "invalid fields", "fields": [
            {"field": e.name, "code": e.key, "message": field_error_text(e.name, e.key, e.values, current_lang())}
            for e in refused.errors]}, 400)
    return _run(uid, editor, editing.correct, change)


@bp.post("/api/events/<uid>/hide")
def hide_event(uid: str) -> Response:
    """Hide the event from every public surface."""
    return _run(uid, _editor(), editing.set_hidden, True)


@bp.post("/api/events/<uid>/unhide")
def unhide_event(uid: str) -> Response:
    """Show a hidden event again."""
    return _run(uid, _editor(), editing.set_hidden, False)


@bp.get("/api/events/<uid>/history")
def event_history(uid: str) -> Response:
    """Every change of the event (extraction, re-extraction, corrections), oldest first."""
    _editor()
    entries = store.corrections.history(get_db(), uid)
    if not entries and store.get_event(get_db(), uid, hidden=True) is None:
        return _answer({"error": gettext(current_lang(), "action.unknown_event")}, 404)
    return _answer([entry.as_json() for entry in entries])
