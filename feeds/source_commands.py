"""`feeds sources add|list|remove` and `feeds fetch`: the news sites followed, and fetching them."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import click
from flask import current_app
from flask.cli import with_appcontext

from . import store
from .logs import LOGGER
from .models import PublishedFrom, Source
from .present.sources import every_label

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def parse_duration(text: str) -> int:
    """`30m`, `2h`, `1d`, `90s` (or bare seconds) as whole seconds; raises ValueError."""
    found = _DURATION.match(text)
    if not found:
        raise ValueError(f"{text!r} is not a duration such as 90s, 30m, 2h or 1d")
    seconds = int(float(found.group(1)) * _UNITS[found.group(2)])
    if seconds < 1:
        raise ValueError("the interval must be at least one second")
    return seconds


def _every(_ctx: click.Context, _param: click.Parameter, value: str) -> int:
    try:
        return parse_duration(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _url(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    from .ingest import check_source_url

    try:
        checked = check_source_url(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    if checked is None:
        raise click.BadParameter("an http:// or https:// address is needed")
    return checked


def default_name(url: str, taken: set[str]) -> str:
    """A source's name from its host (`www.` dropped), numbered when the host is followed twice."""
    host = (urlsplit(url).hostname or "source").removeprefix("www.")
    base = re.sub(r"[^A-Za-z0-9._-]", "-", host)[:60] or "source"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    return name


@click.group("sources")
def sources_group() -> None:
    """The news sites followed: RSS / Atom / JSON feeds or single article pages that `feeds fetch` reads."""


@sources_group.command("add")
@click.argument("url", callback=_url)
@click.option("--name", help="A short name for the source [default: from the address's host].")
@click.option("--every", default="30m", show_default=True, callback=_every,
              help="How often to fetch it: 90s, 30m, 2h, 1d.")
@click.option("--published-from", type=click.Choice([p.value for p in PublishedFrom]), default="feed",
              show_default=True, help="Take an article's publication date from the feed item or from its page first.")
@with_appcontext
def add_command(url: str, name: str | None, every: int, published_from: str) -> None:
    """Follow a news site's feed, or a single article page, at URL. Nothing is fetched until `feeds fetch`."""
    from .web.db import get_db

    db = get_db()
    if name is not None and not _NAME.match(name):
        raise click.BadParameter("letters, digits, '.', '_' and '-', at most 64", param_hint="--name")
    name = name or default_name(url, store.source_names(db))
    source = Source(name, url, every, PublishedFrom(published_from),
                    added=store.utc_stamp(), next_due=store.utc_stamp())
    try:
        with store.transaction(db):
            store.add_source(db, source)
    except store.SourceExists as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"added {name}: {url}, every {every_label(every)}; `feeds fetch` reads it now")


@sources_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source per line.")
@with_appcontext
def list_command(as_json: bool) -> None:
    """The sources with their last fetch, its status and counts, the articles and events they brought, next due."""
    from .present.sources import source_json, source_lines
    from .web.db import get_db

    sources = store.list_sources(get_db())
    if as_json:
        for source in sources:
            click.echo(json.dumps(source_json(source), ensure_ascii=False))
        return
    if not sources:
        click.echo("no sources; add one with `feeds sources add URL`")
        return
    for line in source_lines(sources):
        click.echo(line)


@sources_group.command("remove")
@click.argument("name")
@with_appcontext
def remove_command(name: str) -> None:
    """Stop following NAME. The articles and events it brought stay in the calendar."""
    from .web.db import get_db

    db = get_db()
    with store.transaction(db):
        removed = store.remove_source(db, name)
    if not removed:
        raise click.ClickException(f"no source named {name!r}")
    click.echo(f"removed {name}")


@click.command("fetch")
@click.argument("names", nargs=-1)
@click.option("--force", is_flag=True, help="Fetch the sources named (or all) even when they are not due yet.")
@click.option("--recheck", is_flag=True,
              help="Ask again (conditionally) for every page the feeds list, not only new or revised entries.")
@click.option("--loop", is_flag=True, help="Keep fetching as sources fall due, until stopped (SIGTERM or Ctrl-C).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only the summary.")
@with_appcontext
def fetch_command(names: tuple[str, ...], force: bool, recheck: bool, loop: bool, quiet: bool) -> None:
    """Fetch every due source once (for cron), or keep doing it with --loop (for a service).

    New pages of each feed (and pages whose entry the feed revised) are downloaded, their main text
    extracted and ingested with their address as source; a page fetched before is asked for with its
    validators, and one its feed lists as before not at all (unless --recheck). Prints a summary per source;
    exits with status 1 when a source could not be read at all.
    """
    from .fetch import agent, run, settings
    from .kept_parts import catch_up, keeping_parts, revision
    from .progress import progress
    from .web.db import get_db

    if not current_app.config.get("LOG_FILE"):
        logging.getLogger(LOGGER).setLevel(logging.ERROR)  # the summary says it on standard output
    polite = agent.Agent(settings.from_config(current_app.config))
    stop = threading.Event()
    db = get_db()
    fetcher = run.Fetcher(db, polite, stop=stop, recheck=recheck)
    try:
        try:
            fetcher.due(names)
        except KeyError as error:
            raise click.ClickException(f"no source named {error.args[0]}") from None
        if loop:
            with _stopped_by_signals(stop):
                poll_max = float(current_app.config.get("FETCH_POLL_MAX", 60))
                kept = revision(db)
                for report in fetcher.loop(names, poll_max=poll_max):
                    if report.sources:
                        kept = catch_up(db, current_app.config, kept)  # each round's events ready to serve
                        click.echo(f"{dt.datetime.now(dt.UTC):%Y-%m-%dT%H:%M:%SZ} {report.summary()}")
            click.echo("stopped")
            return
        with keeping_parts(db, current_app.config), progress("fetch", unit="page", quiet=quiet) as bar:
            report = fetcher.run(names, force=force, progress=bar)
    finally:
        polite.close()
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@contextmanager
def _stopped_by_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM (systemd stop) and SIGINT set `stop`: the page being fetched is finished, then the loop ends."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def handler(_signum: int, _frame: object) -> None:
        stop.set()

    for sig in previous:
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


SOURCE_COMMANDS = (sources_group, fetch_command)
