"""The stack's limit: the same gunicorn serving fixed bytes, the ones feeds answered, with no work at all.

serving.py captures each route's real answers (the 200 with its headers and body, and the 304) into
a JSON file named by BENCH_RESPONSES; this WSGI app replays them by path and query, the 304 when
the request has If-None-Match. What feeds gets as a fraction of this is what its own work costs.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Iterable

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "date", "server"}


def _load() -> dict[str, dict[str, tuple[str, list[tuple[str, str]], bytes]]]:
    with open(os.environ["BENCH_RESPONSES"], encoding="utf-8") as f:
        raw = json.load(f)
    return {
        target: {
            kind: (r["status"], [(k, v) for k, v in r["headers"] if k.lower() not in HOP_BY_HOP],
                   base64.b64decode(r["body"]))
            for kind, r in variants.items()
        }
        for target, variants in raw.items()
    }


RESPONSES = _load() if "BENCH_RESPONSES" in os.environ else {}
"""Empty when imported to be called in-process (serving.hit_us fills in what it asks for)."""


def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
    """The captured answer for this path and query; 404 for anything else."""
    query = environ.get("QUERY_STRING", "")
    target = environ.get("PATH_INFO", "") + (f"?{query}" if query else "")
    variants = RESPONSES.get(target)
    if variants is None:
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "0")])
        return [b""]
    kind = "304" if environ.get("HTTP_IF_NONE_MATCH") and "304" in variants else "200"
    status, headers, body = variants[kind]
    start_response(status, headers)
    return [body]
