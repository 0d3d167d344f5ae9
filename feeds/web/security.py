"""Security headers on every response: article text is untrusted, so pages run only our own code.

Templates that need an inline `<script>` or `<style>` mark it with `nonce="{{ csp_nonce() }}"`;
JSON-LD (`type="application/ld+json"`) is data, not script, and needs no nonce.
Only the embed may be framed by other sites (`FRAMEABLE_ENDPOINTS`).
"""

from __future__ import annotations

import secrets

from flask import Flask, Response, g, request

FRAMEABLE_ENDPOINTS = {"pages.embed"}
"""Views meant for other sites' iframes; every other page refuses to be framed."""


def csp_nonce() -> str:
    """A fresh random nonce per request, the same for every use within it."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def content_security_policy(nonce: str | None, frameable: bool) -> str:
    scripts = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
    styles = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
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
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = content_security_policy(g.get("csp_nonce"), frameable)
        if not frameable:
            response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.after_request(add_security_headers)
