"""A bounded load: Debian's `wrk` when installed (time-capped), else a Python client (count- and time-capped).

Both keep a few connections busy against one URL on 127.0.0.1 and report requests per second and
the 50th / 99th percentile latency; any answer other than the expected status counts as an error.
`interleaved` loads two servers request by request from the same connections' threads, so both see
the same load on the machine, the client's own included (the fair way to take a ratio of the two).
"""

from __future__ import annotations

import contextlib
import http.client
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

CONNECTIONS = 8
"""Four per worker of the two: enough to keep both busy (gthread, 2 threads each) without queueing much."""
MAX_REQUESTS = 200_000
"""The Python client's cap on requests per run, besides the time cap."""
RECONNECT_EVERY = 25
"""Requests per kept connection in `interleaved` before it is opened again: a connection stays with the worker that
accepted it, so eight kept for a whole round may split six to two between the two workers on one side and four to four
on the other. Opened again every 25 requests, the split averages out within a round: a server beside a copy of itself
measured 0.96–1.19 over eight rounds with kept connections, 0.98–1.05 with these (the spread of a round: 7% → 3%)."""


@dataclass(frozen=True)
class Load:
    """One run: throughput and latency percentiles."""

    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    tool: str


def run(url: str, headers: dict[str, str], seconds: float, expect: int = 200, connections: int = CONNECTIONS) -> Load:
    """`seconds` of load on `url` with these request headers, from `connections` connections at once."""
    if shutil.which("wrk"):
        return _wrk(url, headers, seconds, connections)
    return _python(url, headers, seconds, expect, connections)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def _wrk(url: str, headers: dict[str, str], seconds: float, connections: int) -> Load:
    """wrk counts any status but 2xx and 3xx as an error; it cannot cap the count, only the time."""
    command = ["wrk", "--latency", "-t", "1", "-c", str(connections), "-d", f"{seconds:g}s", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    percentiles = dict(re.findall(r"^\s*(50|99)%\s+(\S+)\s*$", out, re.M))
    if "50" not in percentiles:
        raise RuntimeError(f"wrk said: {out}")
    total, elapsed = re.search(r"(\d+) requests in ([\d.]+(?:us|ms|s)),", out).group(1, 2)
    elapsed_s = _ms(elapsed) / 1000
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(bad.group(1)) if bad else 0
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return Load(int(total), elapsed_s, rps, _ms(percentiles["50"]), _ms(percentiles["99"]), errors, "wrk")


def _python(url: str, headers: dict[str, str], seconds: float, expect: int, connections: int) -> Load:
    """Threads with keep-alive connections; stops at `seconds` or MAX_REQUESTS, whichever comes first."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.perf_counter() < deadline:
            with lock:
                if len(latencies) + errors >= MAX_REQUESTS:
                    return
            started = time.perf_counter()
            try:
                conn.request("GET", target, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == expect
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                ok = False
            with lock:
                if ok:
                    latencies.append((time.perf_counter() - started) * 1000)
                else:
                    errors += 1
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")

    return Load(len(latencies), elapsed, len(latencies) / elapsed, pct(0.5), pct(0.99), errors, "python")


def interleaved(urls: tuple[str, str], headers: dict[str, str], seconds: float, expect: int = 200,
                connections: int = CONNECTIONS) -> tuple[Load, Load]:
    """`seconds` of load on two URLs at once: each of `connections` threads keeps a connection to each (opened again
    every RECONNECT_EVERY requests) and alternates between them, one request at a time, so whatever else runs on the
    machine slows both alike.

    Each side's `rps` is the throughput its latency allows this many connections (connections ÷ mean latency):
    the ratio of the two sides' is the ratio of their mean latencies under the same load.
    """
    sides = [urlsplit(url) for url in urls]
    targets = [p.path + (f"?{p.query}" if p.query else "") for p in sides]
    latencies: list[list[float]] = [[], []]
    errors = [0, 0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def connect(side: int) -> http.client.HTTPConnection:
        """Connected before its first request is timed: a request's latency is the answer's, not the handshake's."""
        conn = http.client.HTTPConnection(sides[side].hostname, sides[side].port, timeout=10)
        with contextlib.suppress(OSError):  # the request on it fails and counts as an error
            conn.connect()
        return conn

    def worker(first: int) -> None:
        conns = [connect(0), connect(1)]
        sent = [0, 0]
        side = first
        while time.perf_counter() < deadline:
            with lock:
                if len(latencies[0]) + len(latencies[1]) + sum(errors) >= MAX_REQUESTS:
                    break
            if sent[side] == RECONNECT_EVERY:
                conns[side].close()
                conns[side], sent[side] = connect(side), 0
            sent[side] += 1
            started = time.perf_counter()
            try:
                conns[side].request("GET", targets[side], headers=headers)
                response = conns[side].getresponse()
                response.read()
                ok = response.status == expect
            except (OSError, http.client.HTTPException):
                conns[side].close()
                conns[side] = connect(side)
                ok = False
            with lock:
                if ok:
                    latencies[side].append((time.perf_counter() - started) * 1000)
                else:
                    errors[side] += 1
            side = 1 - side
        for conn in conns:
            conn.close()

    started = time.perf_counter()
    # Half the threads start on each side, so the two servers' connections are busy in equal numbers.
    threads = [threading.Thread(target=worker, args=(n % 2,)) for n in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return _side(latencies[0], errors[0], elapsed, connections), _side(latencies[1], errors[1], elapsed, connections)


def _side(latencies: list[float], errors: int, elapsed: float, connections: int) -> Load:
    latencies.sort()
    mean = sum(latencies) / len(latencies) if latencies else float("nan")
    rps = connections * 1000 / mean if latencies else 0.0

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")

    return Load(len(latencies), elapsed, rps, pct(0.5), pct(0.99), errors, "python, interleaved")
