"""Who is an editor in this request: a signed session cookie (forms) or a Bearer token (scripts), CSRF
tokens for every form, the login rate limit, and the SECRET_KEY made on first use.

The secret is never a built-in default: when the configuration sets none, one is generated into the
instance folder (`secret_key`, mode 0600) the first time a session is signed, and read from there after.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
import time
from pathlib import Path

from flask import Flask, current_app, request, session
from flask.sessions import SecureCookieSessionInterface

from .. import store
from .db import get_db
from .ratelimit import RateLimiter

log = logging.getLogger("feeds.editors")

SECRET_FILE = "secret_key"
SESSION_SECONDS = 8 * 3600
"""How long a login lasts (EDITOR_SESSION_SECONDS): a working day."""
LOGIN_PER_MINUTE = 5
"""Login attempts a minute per client address (EDITOR_LOGIN_PER_MINUTE), right or wrong."""
CSRF_FIELD = "csrf_token"


def secret_key(app: Flask) -> str:
    """The configured SECRET_KEY, else the instance folder's, generated (0600) when there is none yet."""
    configured = app.config.get("SECRET_KEY")
    if configured:
        return configured
    path = Path(app.instance_path) / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another worker made it first
            pass
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_urlsafe(48))
            log.info("generated a SECRET_KEY into %s", path)
    key = path.read_text().strip()
    if len(key) < 32:
        raise RuntimeError(f"{path} holds no usable secret key; delete it to have a new one made")
    app.config["SECRET_KEY"] = key
    return key


class EditorSessions(SecureCookieSessionInterface):
    """Flask's signed cookie, with the key made on first use and `Secure` whenever the request is https."""

    def open_session(self, app: Flask, request_):  # type: ignore[override]
        """A request without the cookie (every visitor's) gets an empty session without reading the key."""
        if not request_.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request_)

    def get_signing_serializer(self, app: Flask):  # type: ignore[override]
        if not app.secret_key:
            app.secret_key = secret_key(app)
        return super().get_signing_serializer(app)

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def init_app(app: Flask) -> None:
    """Lax, HttpOnly session cookies unless the configuration chose stricter ones; sessions of EditorSessions."""
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.session_interface = EditorSessions()


# --- sessions -----------------------------------------------------------------------------------


def log_in(name: str) -> None:
    """A new session for the editor: a fresh CSRF token, so no token from before the login works."""
    session.clear()
    session["editor"] = name
    session["since"] = int(time.time())
    session[CSRF_FIELD] = secrets.token_urlsafe(32)


def log_out() -> None:
    session.clear()


def session_editor() -> str | None:
    """The editor logged in by this request's cookie, if the session is current and the account still exists."""
    name = session.get("editor")
    if not name:
        return None
    lifetime = int(current_app.config.get("EDITOR_SESSION_SECONDS", SESSION_SECONDS))
    if time.time() - int(session.get("since", 0)) > lifetime:
        log.info("expired session of %s from %s", name, request.remote_addr)
        session.clear()
        return None
    if store.editors.get_editor(get_db(), name) is None:
        session.clear()
        return None
    return name


def csrf_token() -> str:
    """This session's form token (one is made for the login form before anyone logs in)."""
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return session[CSRF_FIELD]


def csrf_ok() -> bool:
    expected = session.get(CSRF_FIELD)
    given = request.form.get(CSRF_FIELD, "")
    return bool(expected) and bool(given) and hmac.compare_digest(given.encode(), expected.encode())


# --- tokens and rate --------------------------------------------------------------------------------


def bearer_editor() -> tuple[str | None, bool]:
    """(the editor of the request's Bearer token or None, whether a token was sent at all)."""
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return None, False
    return store.editors.editor_of_token(get_db(), given.strip()), True


def login_wait() -> int:
    """0 when this address may try to log in now, else the seconds to wait."""
    limiter = current_app.extensions.get("feeds.login_rate")
    if limiter is None:
        rate = int(current_app.config.get("EDITOR_LOGIN_PER_MINUTE", LOGIN_PER_MINUTE))
        limiter = current_app.extensions.setdefault("feeds.login_rate", RateLimiter(rate))
    return limiter.acquire(request.remote_addr or "unknown")
