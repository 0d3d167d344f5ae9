"""The editor's side at /admin: log in, the review queue, one event's review page and its actions.

With no editor account the whole side answers 404. Every page needs a current session (a GET without
one goes to the login form, a POST is refused with 401); every form carries the session's CSRF token
(400 without it). Pages are plain HTML forms: no JavaScript, every control reachable by keyboard.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, g, jsonify, make_response, redirect, render_template, request
from werkzeug.wrappers import Response as BaseResponse

from .. import store
from ..edits import (
    INPUTS,
    REPEAT_INPUTS,
    Dates,
    EditRefused,
    Field,
    input_value,
    recurrence_from_form,
    repeat_values,
    shown_value,
    validate,
)
from ..models import STATUSES, Recurrence
from ..present.admin_i18n import field_error_text
from ..present.event_page import evidence_context
from ..present.i18n import schedule
from ..store import editing
from ..store.editing import ActionRefused, ReportRef
from ..store.review import Need
from . import auth, templating
from .db import get_db
from .templating import current_lang, page_url, t

log = logging.getLogger("feeds.editors")

bp = Blueprint("admin", __name__, url_prefix="/admin")
templating.register(bp)

OPEN = {"admin.login", "admin.login_post"}
"""Pages that need no session."""


@bp.before_request
def guard() -> BaseResponse | None:
    """No account: 404. No session: the login form. A POST without its CSRF token: 400. All logged."""
    if not store.editors.has_editors(get_db()):
        abort(404)
    if request.endpoint not in OPEN:
        g.editor = auth.session_editor()
        if g.editor is None:
            log.warning("%s %s from %s: no session", request.method, request.path, request.remote_addr)
            if request.method == "GET":
                return redirect(page_url("admin.login", next=request.full_path.rstrip("?")))
            return _login_page(t("admin.session_expired"), 401)
    if request.method == "POST" and not auth.csrf_ok():
        log.warning("%s %s from %s: missing or stale CSRF token", request.method, request.path, request.remote_addr)
        return refused(t("admin.csrf"), 400)
    return None


@bp.after_request
def private(response: Response) -> Response:
    """An editor's pages are never stored by a browser or proxy."""
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response


def refused(message: str, status: int) -> Response:
    return make_response(render_template("admin/refused.html", message=message), status)


def _template_values() -> dict:
    return {"csrf_token": auth.csrf_token, "editor": g.get("editor")}


bp.app_context_processor(lambda: _template_values() if request.blueprint == "admin" else {})


# --- login ------------------------------------------------------------------------------------------


def _login_page(message: str | None = None, status: int = 200) -> Response:
    html = render_template("admin/login.html", message=message, next=_safe_next(request.values.get("next")))
    return make_response(html, status)


def _safe_next(target: str | None) -> str | None:
    """Where to go after logging in: a path of the editor's side only, never another site."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/admin") or target.startswith("//"):
        return None
    return target


@bp.get("/login")
def login() -> Response:
    return _login_page()


@bp.post("/login")
def login_post() -> BaseResponse:
    wait = auth.login_wait()
    if wait:
        log.warning("login from %s: too many attempts", request.remote_addr)
        response = _login_page(t("admin.too_many", wait=wait), 429)
        response.headers["Retry-After"] = str(wait)
        return response
    name, password = request.form.get("name", "").strip(), request.form.get("password", "")
    if not store.editors.check_password(get_db(), name, password):
        log.warning("login from %s: wrong name or password for %r", request.remote_addr, name[:64])
        return _login_page(t("admin.login_failed"), 401)
    auth.log_in(name)
    log.info("login of %s from %s", name, request.remote_addr)
    return redirect(_safe_next(request.form.get("next")) or page_url("admin.queue"), 303)


@bp.post("/logout")
def logout() -> BaseResponse:
    log.info("logout of %s from %s", g.editor, request.remote_addr)
    auth.log_out()
    return redirect(page_url("admin.login", done="1"), 303)


# --- the queue ----------------------------------------------------------------------------------------


@bp.get("/")
def queue() -> str:
    try:
        need = Need(request.args.get("need", Need.ALL.value))
        page = max(0, int(request.args.get("page", "0")))
    except ValueError:
        abort(404)
    db = get_db()
    items, more = store.review.review_queue(db, need, page)
    return render_template("admin/queue.html", items=items, more=more, need=need, page=page, needs=list(Need),
                           counts=store.review.counts(db))


# --- one event ----------------------------------------------------------------------------------------


def _state(uid: str) -> editing.EventState:
    try:
        return editing.state(get_db(), uid)
    except ActionRefused:
        abort(404)


def _form_values(state: editing.EventState) -> dict[str, str]:
    shown = state.shown
    return {
        "title": shown["title"], "location": shown["location"], "category": shown["category"],
        "status": shown["status"], "note": shown["note"],
        "start": input_value(shown["start"], shown["precision"]), "end": input_value(shown["end"], shown["precision"]),
        **repeat_values(shown.get("recurrence")),
    }


def _event_page(uid: str, *, errors: list | None = None, values: dict | None = None, message: str | None = None,
                status: int = 200) -> Response:
    db = get_db()
    state = _state(uid)
    event = store.get_event(db, uid, hidden=True)
    reports = []
    for row in editing.reports_of(db, uid):
        context = evidence_context(row["article_text"], row["evidence_start"], row["evidence_end"])
        reports.append((row, context, ReportRef(row["article_id"], row["anchor"]).token))
    candidates = store.review.similar_events(db, uid, state.family, state.shown["title"])
    html = render_template(
        "admin/event.html", state=state, event=event, reports=reports, candidates=candidates,
        values=values or _form_values(state), errors=errors or [], message=message,
        history=store.corrections.history(db, uid), fields=[f for f in Field if f is not Field.HIDDEN],
        error_text=lambda e: field_error_text(e.name, e.key, e.values, current_lang()),
        fact_text=fact_text, stored_text=stored_text, statuses=STATUSES, refused=status >= 400,
    )
    return make_response(html, status)


def fact_text(facts: dict, name: Field) -> str:
    """One field of a set of facts as the review page shows it."""
    return stored_text(name, shown_value(facts, name))


def stored_text(name: Field, value: str) -> str:
    """A correction's stored value as an editor reads it (dates as `start – end (precision)`)."""
    if name is Field.DATES and value:
        dates = Dates.from_json(value)
        span = dates.start if dates.start == dates.end else f"{dates.start} – {dates.end}"
        return f"{span} ({t('precision.' + dates.precision)})"
    if name is Field.RECURRENCE and value:
        return schedule(Recurrence.from_json(json.loads(value)), current_lang())
    if name is Field.CATEGORY:
        return templating.category_label(value)
    if name is Field.STATUS:
        return str(t(f"status.{value}")) if value else ""
    return value


@bp.get("/events/<uid>")
def event(uid: str) -> BaseResponse:
    """The review page; an event merged into another (or moved to an older report's uid) leads there."""
    retraction = store.get_retraction(get_db(), uid)
    if retraction is not None and retraction.successor:
        return redirect(page_url("admin.event", uid=retraction.successor), 303)
    return _event_page(uid, message=t("admin.saved") if request.args.get("saved") else None)


@bp.get("/events/<uid>/history.json")
def history_json(uid: str) -> Response:
    _state(uid)
    return jsonify([entry.as_json() for entry in store.corrections.history(get_db(), uid)])


def _done(uid: str) -> BaseResponse:
    """Back where the form was (the queue, for its confirm buttons), else the event's page."""
    back = _safe_next(request.form.get("back"))
    return redirect(back or page_url("admin.event", uid=uid, saved="1"), 303)


def _act(uid: str, action, *args) -> BaseResponse:
    """Run one editor action in a transaction; a refusal re-renders the page with its message (400)."""
    db = get_db()
    try:
        with store.transaction(db):
            result = action(db, *args, g.editor, store.utc_stamp())
    except ActionRefused as refusal:
        if refusal.reason is editing.Refusal.UNKNOWN_EVENT and not store.get_event(db, uid, hidden=True):
            abort(404)
        return _event_page(uid, message=t(refusal.reason.value), status=400)
    log.info("%s: %s on %s (now %s)", g.editor, request.path.rsplit("/", 1)[-1], uid, result.uid)
    return _done(uid)


@bp.post("/events/<uid>/edit")
def edit(uid: str) -> BaseResponse:
    state = _state(uid)
    given = {name: request.form[name] for name in INPUTS if name in request.form}
    repeats = {}
    if "repeat_frequency" in request.form:
        repeats = {name: request.form.getlist(name) if name == "repeat_days" else request.form.get(name, "")
                   for name in REPEAT_INPUTS}
        given["recurrence"] = recurrence_from_form(repeats)
    try:
        change = validate(given, state.shown)
    except EditRefused as refused_edit:
        log.info("%s: edit of %s refused: %s", g.editor, uid, refused_edit)
        return _event_page(uid, errors=refused_edit.errors, values={**_form_values(state), **given, **repeats},
                           message=t("admin.errors"), status=400)
    return _act(uid, editing.correct, uid, change)


@bp.post("/events/<uid>/confirm")
def confirm(uid: str) -> BaseResponse:
    return _act(uid, editing.confirm, uid)


@bp.post("/events/<uid>/hide")
def hide(uid: str) -> BaseResponse:
    return _act(uid, editing.set_hidden, uid, True)


@bp.post("/events/<uid>/unhide")
def unhide(uid: str) -> BaseResponse:
    return _act(uid, editing.set_hidden, uid, False)


@bp.post("/events/<uid>/merge")
def merge(uid: str) -> BaseResponse:
    other = (request.form.get("other") or request.form.get("candidate") or "").strip()
    return _act(uid, editing.merge, uid, other)


@bp.post("/events/<uid>/split")
def split(uid: str) -> BaseResponse:
    leaving = [ReportRef.parse(token) for token in request.form.getlist("leave")]
    return _act(uid, editing.split, uid, leaving)


@bp.post("/events/<uid>/conflicts/<name>")
def settle(uid: str, name: str) -> BaseResponse:
    try:
        chosen = Field(name)
    except ValueError:
        abort(404)
    return _act(uid, editing.settle, uid, chosen, request.form.get("accept") == "1")
