"""Security headers on every response: article text is untrusted, so pages run only our own code.

Inline styles are allowed by the SHA-256 of their text (`inline_style(css)` in a template writes the
element and lists its hash), not by a per-request nonce: a page's bytes and headers are then a function
of its data, so it can carry an ETag and be cached (issue 19). FullCalendar builds its stylesheet in an
empty `<style>` it inserts (`allow_injected_style()`). JSON-LD (`type="application/ld+json"`) is data,
not script, and needs nothing. `csp_nonce()` still works for a template that needs a script inline,
and makes that page uncacheable (page_cache.py). Only the embed may be framed (`FRAMEABLE_ENDPOINTS`).
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from flask import Flask, Response, g, request
from markupsafe import Markup

FRAMEABLE_ENDPOINTS = {"pages.embed"}
"""Views meant for other sites' iframes; every other page refuses to be framed."""


def csp_nonce() -> str:
    """A fresh random nonce per request, the same for every use within it."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def source_hash(text: str) -> str:
    """The CSP source expression that allows an inline element whose text is exactly `text`."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def inline_style(css: str) -> Markup:
    """A `<style>` element holding `css` verbatim, allowed by its hash in this response's policy."""
    if "<" in css:  # the text of a style element ends at `</style`; ours never holds markup
        raise ValueError("inline CSS must not contain '<'")
    _allow_style(css)
    return Markup(f"<style>{css}</style>")


def allow_injected_style() -> str:
    """Allow the empty `<style>` a script inserts and fills through the CSSOM (FullCalendar does)."""
    _allow_style("")
    return ""


def _allow_style(css: str) -> None:
    hashes = g.setdefault("csp_style_hashes", [])
    expression = source_hash(css)
    if expression not in hashes:
        hashes.append(expression)


def content_security_policy(nonce: str | None, frameable: bool, style_hashes: list[str] | None = None) -> str:
    scripts = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
    styles = " ".join(["'self'", *([f"'nonce-{nonce}'"] if nonce else []), *(style_hashes or [])])
    return "; ".join((
        "default-src 'self'",
        f"script-src {scripts}",
        f"style-src {styles}",
        "img-src 'self' data:",
        "font-src 'self' data:",  # FullCalendar's icon font is a data: URL
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors *" if frameable else "frame-ancestors 'none'",
    ))


def add_security_headers(response: Response) -> Response:
    frameable = request.endpoint in FRAMEABLE_ENDPOINTS
    # A 304 updates the headers of the copy the client holds: it must not replace that page's policy.
    if response.mimetype == "text/html" and response.status_code != 304:
        response.headers["Content-Security-Policy"] = content_security_policy(
            g.get("csp_nonce"), frameable, g.get("csp_style_hashes"))
        if not frameable:
            response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(csp_nonce=csp_nonce, inline_style=inline_style,
                                 allow_injected_style=allow_injected_style)
    app.after_request(add_security_headers)
