"""Serving: requests per second and latency under gunicorn on 127.0.0.1, beside a constant body of the same size.

For each store size three servers run the same way (gunicorn, 2 gthread workers of 2 threads, preloaded):
feeds with its response cache off (every request renders: the cold render), feeds as deployed (the
warm, cached answer and the 304 revalidation), and constant_app.py replaying feeds' own bytes (the
stack's limit). Each route gets the same load against each, interleaved request by request, and the
rounds go over every route in turn, so the ratios come from one run on one machine and a passing burst
of other work spreads over routes. Every server is stopped before the next size starts.
"""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import loadgen
import storegen

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
WORKERS, THREADS = 2, 2
GZIP = {"Accept-Encoding": "gzip"}
WARM_UP_SECONDS = 1


@dataclass
class RouteResult:
    """One route at one store size."""

    name: str
    target: str
    status: int
    body_bytes: int
    first_ms: float
    cold: loadgen.Load | None = None
    warm: loadgen.Load | None = None
    const_warm: loadgen.Load | None = None
    revalidate: loadgen.Load | None = None
    const_304: loadgen.Load | None = None
    warm_ratio: float | None = None
    """Median over the rounds of the constant body's median latency over feeds', the two loaded request by request
    (a stall of the machine lands on whichever request is in flight: the medians leave those out, the means not)."""
    revalidate_ratio: float | None = None
    warm_spread: tuple[float, float] | None = None
    """The lowest and highest round's ratio."""
    revalidate_spread: tuple[float, float] | None = None
    warm_ratios: list[float] = field(default_factory=list)
    """Each round's ratio, in the order measured."""
    revalidate_ratios: list[float] = field(default_factory=list)
    note: str = ""


@dataclass
class SizeResult:
    events: int
    store_mb: float
    routes: list[RouteResult] = field(default_factory=list)
    rss_mb: dict[str, float] = field(default_factory=dict)
    full_calendar: FullCalendar | None = None
    """Every event in one calendar, in a new process: nothing kept, kept by a reader, kept by a writer."""
    hit_us: tuple[float, float, float] | None = None
    """A cached 304 in-process, µs per request (best round): /calendar.ics, constant_app's, the month page's."""


class Server:
    """A gunicorn on a free loopback port; stopped (SIGTERM, then SIGKILL) when the block ends."""

    def __init__(self, app: str, env: dict[str, str], chdir: Path) -> None:
        self.app, self.env, self.chdir = app, env, chdir
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in __exit__)

    def __enter__(self) -> Server:
        command = [GUNICORN, "--workers", str(WORKERS), "--worker-class", "gthread", "--threads", str(THREADS),
                   "--bind", f"127.0.0.1:{self.port}", "--chdir", str(self.chdir), "--preload",
                   "--log-level", "warning", "--graceful-timeout", "5", self.app]
        env = {**os.environ, "FEEDS_LOG_LEVEL": "WARNING", **self.env}
        self.proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=self._log)
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self._log.seek(0)
                raise RuntimeError(f"gunicorn exited: {self._log.read().decode(errors='replace')[-2000:]}")
            try:
                request(self.url, "/bench-ready-probe.txt", {})
                if len(self.workers()) == WORKERS:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not start in time")

    def workers(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        try:
            return [int(p) for p in path.read_text().split()]
        except OSError:
            return []

    def worker_memory_mb(self) -> tuple[float, float]:
        """The largest resident size and the largest peak (VmHWM) among the workers, in MB."""
        rss, peak = 0.0, 0.0
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            values = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            rss = max(rss, int(values["VmRSS"].split()[0]) / 1024)
            peak = max(peak, int(values["VmHWM"].split()[0]) / 1024)
        return rss, peak

    def __exit__(self, *_exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Answer:
    status: str
    code: int
    headers: list[tuple[str, str]]
    body: bytes
    ms: float


def request(base: str, target: str, headers: dict[str, str]) -> Answer:
    """One GET on a fresh connection, timed to the last byte."""
    port = int(base.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        started = time.perf_counter()
        conn.request("GET", target, headers=headers)
        response = conn.getresponse()
        body = response.read()
        ms = (time.perf_counter() - started) * 1000
        return Answer(f"{response.status} {response.reason}", response.status, response.getheaders(), body, ms)
    finally:
        conn.close()


def routes(db_path: Path, today: dt.date) -> list[tuple[str, str]]:
    """The routes measured: name and path, with an API window of the month view FullCalendar would ask for."""
    grid_start = today.replace(day=1) - dt.timedelta(days=today.replace(day=1).weekday())
    grid_end = grid_start + dt.timedelta(days=42)
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute("SELECT uid FROM events WHERE start >= ? ORDER BY start LIMIT 1", [today.isoformat()])
        uid = (row.fetchone() or ["none@feeds"])[0]
        row = conn.execute("SELECT article_id FROM mentions WHERE event_uid = ? LIMIT 1", [uid]).fetchone()
        article = (row or ["none"])[0]
    finally:
        conn.close()
    return [
        ("calendar", "/calendar.ics"),
        ("feed", "/feed.rss"),
        ("api window", f"/api/events?start={grid_start.isoformat()}&end={grid_end.isoformat()}"),
        ("event page", f"/events/{uid}"),
        ("article page", f"/articles/{article}"),
        ("month page", f"/calendar/{today.year}/{today.month}"),
        ("embed", "/embed"),
    ]


def measure_size(events: int, seconds: float, rounds: int, log=print) -> SizeResult:
    """All routes at one store size: first request, cold, warm, 304, and the constant body beside each."""
    today = dt.date.today()
    db_path = storegen.ensure(events, today, log=log)
    result = SizeResult(events, db_path.stat().st_size / 1e6)
    targets = routes(db_path, today)
    env = {"FEEDS_DATABASE": str(db_path)}
    with Server("wsgi:app", env, ROOT) as cached, \
            Server("wsgi:app", {**env, "FEEDS_RESPONSE_CACHE_BYTES": "0"}, ROOT) as uncached:
        captured: dict[str, dict] = {}
        for name, target in targets:
            first = request(cached.url, target, GZIP)
            route = RouteResult(name, target, first.code, len(first.body), first.ms)
            result.routes.append(route)
            if first.code != 200:
                route.note = f"answered {first.status}: skipped"
                continue
            etag = dict((k.lower(), v) for k, v in first.headers).get("etag")
            captured[target] = {"200": _record(first)}
            if etag:
                not_modified = request(cached.url, target, {**GZIP, "If-None-Match": etag})
                captured[target]["304"] = _record(not_modified)
            else:
                route.note = "no ETag, no cache (an HTML page): warm is a render, no 304"
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(captured, f)
        try:
            with Server("constant_app:app", {"BENCH_RESPONSES": f.name}, BENCH) as constant:
                loaded = [route for route in result.routes if route.status == 200]
                for route in loaded:
                    log(f"  {events:,} events: {route.name}, cold")
                    _cold_and_warm_up(route, cached, uncached, seconds)
                for n in range(rounds):
                    log(f"  {events:,} events: round {n + 1} of {rounds}, every route")
                    for route in loaded:
                        _load_round(route, captured[route.target], cached, constant, seconds)
                for route in loaded:
                    _summarize(route)
                result.rss_mb["cached"], result.rss_mb["cached peak"] = cached.worker_memory_mb()
                result.rss_mb["uncached"], result.rss_mb["uncached peak"] = uncached.worker_memory_mb()
                result.rss_mb["constant"], _ = constant.worker_memory_mb()
        finally:
            os.unlink(f.name)
    if events <= 10_000:
        result.full_calendar = full_calendar_ms(db_path)
    result.hit_us = hit_us(db_path)
    return result


def _record(answer: Answer) -> dict:
    return {"status": answer.status, "headers": answer.headers, "body": base64.b64encode(answer.body).decode()}


def _cold_and_warm_up(route: RouteResult, cached: Server, uncached: Server, seconds: float) -> None:
    """The cold render on one connection (with two, both may land on the same worker and share its interpreter
    lock, so its latency is the render's), then every cached worker renders its copy: warm means cached."""
    route.cold = loadgen.run(uncached.url + route.target, GZIP, seconds, connections=1)
    loadgen.run(cached.url + route.target, GZIP, WARM_UP_SECONDS)


def _load_round(route: RouteResult, captured: dict, cached: Server, constant: Server, seconds: float) -> None:
    """One round of one route: warm and 304 against feeds and the constant body, interleaved.

    Each loads both servers request by request from the same connections (loadgen.interleaved), so other work on
    the machine, and the load generator's own, slow both sides alike. Rounds go over every route in turn (not one
    route's rounds back to back): a burst of other work lasting a few seconds then lands in one round of several
    routes, which the median of each route's rounds leaves out, instead of in every round of one route (the month
    page at 10,000 events: 76%, rounds 74–86%, in one run; 94–95% measured alone and in turn with the others).
    """
    url = route.target
    etag = dict((k.lower(), v) for k, v in captured["304"]["headers"]).get("etag", "") if "304" in captured else ""
    pair = (cached.url + url, constant.url + url)
    warm, const = loadgen.interleaved(pair, GZIP, seconds)
    route.warm_ratios.append(const.p50_ms / warm.p50_ms)
    route.warm, route.const_warm = _best(route.warm, warm), _best(route.const_warm, const)
    if etag:
        fresh, const = loadgen.interleaved(pair, {**GZIP, "If-None-Match": etag}, seconds, 304)
        route.revalidate_ratios.append(const.p50_ms / fresh.p50_ms)
        route.revalidate, route.const_304 = _best(route.revalidate, fresh), _best(route.const_304, const)


def _summarize(route: RouteResult) -> None:
    """The median of the rounds' ratios (each the constant body's p50 latency over feeds'), and their spread."""
    if route.warm_ratios:
        route.warm_ratio = statistics.median(route.warm_ratios)
        route.warm_spread = min(route.warm_ratios), max(route.warm_ratios)
    if route.revalidate_ratios:
        route.revalidate_ratio = statistics.median(route.revalidate_ratios)
        route.revalidate_spread = min(route.revalidate_ratios), max(route.revalidate_ratios)


def _best(old: loadgen.Load | None, new: loadgen.Load) -> loadgen.Load:
    """The round with the lowest median latency: other load on the machine only ever slows a round down."""
    return new if old is None or new.p50_ms < old.p50_ms else old


HIT_REQUESTS = 20_000


def hit_us(db_path: Path, rounds: int = 5) -> tuple[float, float, float]:
    """What a 304 from the response cache costs in-process beside the constant app's, without the server: the
    same WSGI environ to each, alternately in rounds, µs per request (the best round of each): `/calendar.ics`,
    the constant app, and the month page (the route whose served 304 ratio was once the lowest)."""
    import io

    import constant_app

    from feeds import create_app

    app = create_app({"DATABASE": str(db_path)})
    client = app.test_client()
    today = dt.date.today()
    paths = ("/calendar.ics", f"/calendar/{today.year}/{today.month}")
    environs = []
    for path in paths:
        etag = client.get(path, headers=GZIP).headers["ETag"]
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "HTTP_HOST": "localhost",
                   "SERVER_NAME": "localhost", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "SCRIPT_NAME": "",
                   "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "HTTP_ACCEPT_ENCODING": "gzip",
                   "HTTP_IF_NONE_MATCH": etag}
        answered: list[str] = []
        app.wsgi_app(dict(environ), lambda status, headers, exc_info=None, seen=answered: seen.append(status))
        if answered != ["304 NOT MODIFIED"]:
            raise RuntimeError(f"the cached {path} answered {answered}, not 304")
        environs.append(environ)
    constant_app.RESPONSES[paths[0]] = {"304": ("304 Not Modified", [("ETag", environs[0]["HTTP_IF_NONE_MATCH"])], b""),
                                        "200": ("200 OK", [], b"")}
    sides = ((app.wsgi_app, environs[0]), (constant_app.app, environs[0]), (app.wsgi_app, environs[1]))
    best = [float("inf")] * len(sides)
    for _ in range(rounds):
        for side, (wsgi, environ) in enumerate(sides):
            started = time.perf_counter()
            for _ in range(HIT_REQUESTS):
                wsgi(dict(environ), _ignore)
            best[side] = min(best[side], (time.perf_counter() - started) / HIT_REQUESTS * 1e6)
    return best[0], best[1], best[2]


def _ignore(status: str, headers: list, exc_info: object = None) -> None:
    return None


def full_calendar_ms(db_path: Path) -> FullCalendar:
    """A calendar holding every event of the store, each time in a new process: on a copy of the store with no
    parts kept (it renders every VEVENT and stores them), then again on that copy (one query reads them); and on
    another copy, after a writer kept every event's part as `feeds ingest` does for what it changed."""
    with tempfile.TemporaryDirectory() as tmp:
        copy, written = Path(tmp) / "store.db", Path(tmp) / "written.db"
        for target_path in (copy, written):
            source = sqlite3.connect(db_path)
            target = sqlite3.connect(target_path)
            source.backup(target)  # the store only: its parts are kept beside it (store/parts.py), not copied
            source.close()
            target.close()
        first, stored = (_full_calendar_child("--full-calendar", copy) for _ in range(2))
        keep = _full_calendar_child("--keep-parts", written)
        after_writer = _full_calendar_child("--full-calendar", written)
    return FullCalendar(first, stored, keep, after_writer)


@dataclass(frozen=True)
class FullCalendar:
    """The full calendar's first request in a new process, ms: with nothing kept, with the parts a reader kept,
    what keeping every part cost a writer, and the first request after it."""

    nothing_kept: float
    reader_kept: float
    writer_keeps: float
    writer_kept: float


SITE = "http://localhost/"
"""The test client's site URL: the variant the writer keeps is the one the full calendar asks for."""


def _full_calendar_child(mode: str, db_path: Path) -> float:
    out = subprocess.run([sys.executable, __file__, mode, str(db_path)], capture_output=True, text=True,
                         check=True, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    return float(out.strip().splitlines()[-1])


def _keep_parts_in_process(db_path: Path) -> float:
    """What a writer pays to keep every event's part (as an ingest of all of them would), in this new process."""
    from feeds import kept_parts, store

    db = store.open_db(db_path)
    revisions = dict(db.execute("SELECT e.uid, coalesce(r.revision, 0) FROM events e"
                                " LEFT JOIN event_revisions r ON r.uid = e.uid").fetchall())
    started = time.perf_counter()
    kept = kept_parts.keep(db, revisions, [(SITE, "zh")])
    elapsed = (time.perf_counter() - started) * 1000
    if kept != len(revisions):
        raise RuntimeError(f"the writer kept {kept} of {len(revisions)} parts")
    return elapsed


def _full_calendar_in_process(db_path: Path) -> float:
    """The full calendar's render in this (new) process, after one small calendar (imports, connection, zone)."""
    from feeds import create_app

    conn = sqlite3.connect(db_path)
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.close()
    app = create_app({"DATABASE": str(db_path), "MAX_ITEMS": total, "RESPONSE_CACHE_BYTES": 0, "SITE_URL": SITE})
    client = app.test_client()
    client.get("/calendar.ics?limit=1")  # connection, imports and the time zone, not the render
    started = time.perf_counter()
    response = client.get(f"/calendar.ics?limit={total}")
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200 or response.data.count(b"BEGIN:VEVENT") != total:
        raise RuntimeError("the full calendar did not hold every event")
    return elapsed


def measure(sizes: list[int], seconds: float, rounds: int, log=print) -> list[SizeResult]:
    return [measure_size(n, seconds, rounds, log) for n in sizes]


if __name__ == "__main__" and sys.argv[1:2] == ["--full-calendar"]:
    print(f"{_full_calendar_in_process(Path(sys.argv[2])):.1f}")
if __name__ == "__main__" and sys.argv[1:2] == ["--keep-parts"]:
    print(f"{_keep_parts_in_process(Path(sys.argv[2])):.1f}")
