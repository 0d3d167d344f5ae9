"""Fetch: a loopback news site of N article pages behind one RSS feed, fetched and ingested by `feeds fetch`.

The pages are textgen's generated articles wrapped in a news site's HTML (navigation, related links,
comments, footer). The site runs in this process; the fetch runs in a child process, so that its
peak resident memory (ru_maxrss) is the fetcher's own. Four passes, side by side in one run:

1. `Fetcher.run` on an empty database: the feed, then every page downloaded, its main text extracted
   (trafilatura), ingested through `ingest_page`;
2. again, after the feed changed its build date only: its entries stand, so no page is asked for;
3. again with `recheck`: every page asked for with If-None-Match, every answer a 304;
4. the same article texts given to `ingest_text` directly, as `feeds ingest` of files would: what the
   fetching adds over ingesting.

The politeness delay is 0 here (the default, one second per host, would make 1,000 pages of one
site take at least 1,000 s, by design); robots.txt, the host gate and conditional requests still run.
Usage: `python bench/fetch.py [--items 1000]`, or `bench/run.py --fetch`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import ingest as ingest_bench

NAV = ('<nav><a href="/">首页</a> | <a href="/news/">新闻</a> | <a href="/city/">城市</a> | '
       '<a href="/sports/">体育</a></nav>')
RELATED = ('<aside class="related"><h3>相关新闻</h3><ul><li><a href="/r/1">青岛啤酒节开幕</a></li>'
           '<li><a href="/r/2">马拉松报名开始</a></li></ul></aside>')
COMMENTS = '<div id="comments"><h3>网友评论</h3><p>期待！</p><p>明年还去。</p></div>'


def page_html(text: str, published: dt.date) -> bytes:
    """An article page as a news site serves it: the article among navigation, ads, related links, comments."""
    lines = [line for line in text.splitlines() if line.strip()]
    headline = lines[0].lstrip("# ").strip()
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(headline)} - 青岛新闻网</title>'
        f'<meta property="article:published_time" content="{published.isoformat()}T08:00:00+08:00"></head>'
        f'<body>{NAV}<div class="ad">广告：全场五折</div><article><h1>{html.escape(headline)}</h1>{body}</article>'
        f"{RELATED}{COMMENTS}<footer>青岛新闻网 版权所有</footer></body></html>"
    ).encode()


def site_pages(count: int) -> tuple[dict[str, bytes], list[tuple[str, dt.date]]]:
    """The site's pages by path, and the articles' texts with their dates (for the direct-ingest pass)."""
    articles = ingest_bench.pages(count)
    pages = {f"/news/{i:05d}.html": page_html(text, published) for i, (text, published) in enumerate(articles)}
    pages["/robots.txt"] = b"User-agent: *\nDisallow: /private/\n"
    return pages, articles


def feed_xml(count: int, build: int) -> bytes:
    items = "".join(f"<item><title>{i}</title><link>/news/{i:05d}.html</link></item>" for i in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>青岛新闻网</title>'
            f"<lastBuildDate>{build}</lastBuildDate>{items}</channel></rss>").encode()


@contextmanager
def serve(pages: dict[str, bytes], count: int):
    """The site on 127.0.0.1: pages with ETags (304 on a match); the feed changes at every request."""
    etags = {path: '"' + hashlib.sha1(body).hexdigest()[:16] + '"' for path, body in pages.items()}
    builds = iter(range(1, 10**9))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body leave at once: no delayed-ACK stall per page

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/rss.xml":
                body, etag, kind = feed_xml(count, next(builds)), None, "application/rss+xml"
            elif self.path in pages:
                body, etag = pages[self.path], etags[self.path]
                kind = "text/plain" if self.path.endswith(".txt") else "text/html; charset=utf-8"
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
            else:
                body, etag, kind = b"not here", None, "text/plain"
            self.send_response(200 if body != b"not here" else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Pass:
    name: str
    seconds: float
    items: int
    outcomes: dict[str, int]
    events_new: int
    peak_rss_mb: float

    @property
    def per_second(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(base: str, count: int) -> dict:
    """Runs in the child: the three passes, as JSON."""
    from feeds import store
    from feeds.extract.pipeline import extract_page
    from feeds.fetch.agent import Agent
    from feeds.fetch.page import read_page
    from feeds.fetch.run import Fetcher
    from feeds.fetch.settings import FetchSettings
    from feeds.ingest import ingest_text
    from feeds.models import PublishedFrom, Source

    _, articles = site_pages(count)
    read_page(page_html(*articles[0]), base + "/warm.html")  # trafilatura, lxml, OpenCC loaded before the clock
    extract_page(*articles[0])
    baseline = _peak_mb()
    passes = []
    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_db(Path(tmp) / "fetch.db")
        with store.transaction(db):
            store.add_source(db, Source("bench", base + "/rss.xml", 1800, PublishedFrom.FEED,
                                        added=store.utc_stamp(), next_due=store.utc_stamp()))
        agent = Agent(FetchSettings(user_agent="feeds-bench", delay=0.0, timeout=10.0, trust_env=False))
        runs = (("1: fetch into an empty database", False),
                ("2: again, feed re-dated, its entries as before: no page asked for", False),
                ("3: again with --recheck: every page asked for, every answer a 304", True))
        for name, recheck in runs:
            started = time.perf_counter()
            (report,) = Fetcher(db, agent, recheck=recheck).run(force=True).sources
            elapsed = time.perf_counter() - started
            outcomes = {str(k): v for k, v in report.counts.items()}
            passes.append(Pass(name, elapsed, sum(report.counts.values()), outcomes, report.events.new, _peak_mb()))
        agent.close()
        db.close()
        plain = store.open_db(Path(tmp) / "plain.db")
        started = time.perf_counter()
        new = 0
        for i, (text, published) in enumerate(articles):
            new += ingest_text(plain, text, f"{i:05d}.txt", published=published)[1].new
        elapsed = time.perf_counter() - started
        passes.append(Pass("4: the same articles through ingest_text (no HTTP, no main-text extraction)",
                           elapsed, count, {"ingested": count}, new, _peak_mb()))
        plain.close()
    return {"baseline_rss_mb": baseline, "passes": [p.__dict__ for p in passes]}


def measure(count: int = 1000) -> tuple[float, list[Pass]]:
    pages, _ = site_pages(count)
    with serve(pages, count) as base:
        out = subprocess.run([sys.executable, __file__, "--child", base, str(count)], capture_output=True,
                             text=True, check=True, timeout=1800).stdout
    raw = json.loads(out.strip().splitlines()[-1])
    return raw["baseline_rss_mb"], [Pass(**p) for p in raw["passes"]]


def table(baseline: float, passes: list[Pass]) -> str:
    rows = ["| pass | items | outcomes | events new | seconds | items/s | peak RSS |",
            "| --- | ---: | --- | ---: | ---: | ---: | ---: |"]
    for p in passes:
        outcomes = ", ".join(f"{n} {k}" for k, n in sorted(p.outcomes.items()))
        rows.append(f"| {p.name} | {p.items:,} | {outcomes} | {p.events_new:,} | {p.seconds:.1f} | "
                    f"{p.per_second:,.0f} | {p.peak_rss_mb:.0f} MB |")
    first, known, again, plain = passes
    rows += ["", f"Child process before fetching (imports, trafilatura and the pipeline warmed): {baseline:.0f} MB. "
             f"Fetching costs {plain.per_second / first.per_second:.1f}× the time of ingesting the same articles "
             f"from files; a refetch runs {known.per_second / first.per_second:.0f}× faster than the first when the "
             f"feed's entries stand, {again.per_second / first.per_second:.0f}× when every page is asked again."]
    return "\n".join(rows)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000, help="article pages on the site (default: 1000)")
    args = parser.parse_args()
    baseline, passes = measure(args.items)
    print(table(baseline, passes))


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    print(json.dumps(child(sys.argv[2], int(sys.argv[3]))))
elif __name__ == "__main__":
    main()
