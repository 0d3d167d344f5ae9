"""A loopback HTTP server serving fixture news sites, recording every request it is sent.

Each route is a `Page` (a body with validators, answering 304 to a matching conditional GET) or a
callable that writes its own answer (slow, failing, resetting, endless). Routes can be changed
while the server runs, as a site changes between two fetches.
"""

from __future__ import annotations

import hashlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    """A static answer; ETag from its body, and a fixed Last-Modified."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = True
    last_modified: str = "Sat, 02 Nov 2024 00:00:00 GMT"

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Request:
    """One request the server received."""

    path: str
    headers: dict[str, str]
    at: float
    status: int


Handler = Callable[[BaseHTTPRequestHandler], int]
"""Writes a whole answer itself; returns the status it sent (for the log)."""


class Site:
    """The routes of one fixture server and the log of what it was asked."""

    def __init__(self) -> None:
        self.routes: dict[str, Page | Handler] = {}
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        with self.lock:
            return [r.path for r in self.requests]

    def asked(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def clear(self) -> None:
        with self.lock:
            self.requests.clear()


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 — quiet test output
        pass

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        route = self.site.routes.get(self.path)
        if route is None:
            status = self._send(Page(b"<html><body>not here</body></html>", status=404))
        elif isinstance(route, Page):
            status = self._send(route)
        else:
            status = route(self)
        with self.site.lock:
            self.site.requests.append(Request(self.path, dict(self.headers), time.monotonic(), status))

    def _send(self, page: Page) -> int:
        if page.validators and page.status == 200 and (
            self.headers.get("If-None-Match") == page.etag
            or (self.headers.get("If-Modified-Since") == page.last_modified and "If-None-Match" not in self.headers)
        ):
            self.send_response(304)
            self.send_header("ETag", page.etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return 304
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        if page.validators:
            self.send_header("ETag", page.etag)
            self.send_header("Last-Modified", page.last_modified)
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(page.body)
        return page.status


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve `site` on 127.0.0.1 on a free port for the duration of the block."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# --- answers that misbehave ------------------------------------------------------------------


def slow(seconds: float, page: Page) -> Handler:
    """Answers after `seconds`: longer than the fetcher's timeout, it is a timeout."""

    def handle(request: BaseHTTPRequestHandler) -> int:
        time.sleep(seconds)
        try:
            return request._send(page)  # type: ignore[attr-defined]
        except OSError:
            return 0

    return handle


def busy_then(page: Page, retry_after: str, times: int = 1) -> Handler:
    """503 with Retry-After for the first `times` requests, then the page."""
    left = [times]

    def handle(request: BaseHTTPRequestHandler) -> int:
        if left[0] > 0:
            left[0] -= 1
            return request._send(Page(b"busy", "text/plain", 503, {"Retry-After": retry_after}, validators=False))  # type: ignore[attr-defined]
        return request._send(page)  # type: ignore[attr-defined]

    return handle


def redirect(to: str) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> int:
        request.send_response(302)
        request.send_header("Location", to)
        request.send_header("Content-Length", "0")
        request.end_headers()
        return 302

    return handle


def endless(chunk: bytes = b"<p>" + "很长".encode() * 500 + b"</p>") -> Handler:
    """An HTML body that never ends (chunked, no length); the fetcher must cut it off."""

    def handle(request: BaseHTTPRequestHandler) -> int:
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Transfer-Encoding", "chunked")
        request.end_headers()
        try:
            request.wfile.write(b"9\r\n<html><p>\r\n")
            for _ in range(100_000):
                request.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        except OSError:
            pass
        return 200

    return handle


def reset(request: BaseHTTPRequestHandler) -> int:
    """Closes the connection with a TCP reset before answering."""
    request.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    request.connection.close()
    request.close_connection = True
    return 0
