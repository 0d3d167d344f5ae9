"""The commands of `feeds`: each runs in an app context, from `feeds COMMAND` or `flask --app feeds COMMAND`."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import mimetypes
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from . import files, store
from .editor_commands import EDITOR_COMMANDS
from .logs import LOGGER
from .models import CATEGORIES, TZ
from .source_commands import SOURCE_COMMANDS

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _moment(ctx: click.Context, param: click.Parameter, value: str) -> tuple[dt.date, dt.datetime | None]:
    """`--published` as a day, or a day and a time of day (Beijing time): (day, moment or None)."""
    for form, timed in (("%Y-%m-%d", False), ("%Y-%m-%dT%H:%M", True), ("%Y-%m-%d %H:%M", True),
                        ("%Y-%m-%dT%H:%M:%S", True), ("%Y-%m-%d %H:%M:%S", True)):
        try:
            moment = dt.datetime.strptime(value, form)
        except ValueError:
            continue
        return moment.date(), moment.replace(tzinfo=TZ) if timed else None
    raise click.BadParameter("expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]")
PUBLISHED_HELP = "Publication date of the pages (YYYY-MM-DD), for pages that do not say."


def reports_storage_faults(command: Callable[..., None]) -> Callable[..., None]:
    """A database that cannot be used (read-only, full, corrupted, foreign, newer) ends the command with one
    line naming the file and the cause, and exit status 1, instead of a traceback."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except (store.StorageFault, sqlite3.DatabaseError) as error:
            fault = store.storage_fault(error, current_app.config["DATABASE"])
            if fault is None:
                raise
            raise click.ClickException(str(fault)) from None

    return run


def _as_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _source_url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--source-url must be a plain http(s) address: pages, calendars and feeds link to it."""
    from .ingest import check_source_url

    try:
        return check_source_url(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", type=DATE, metavar="YYYY-MM-DD", help=PUBLISHED_HELP)
@click.option("--source-url", callback=_source_url,
              help="Where the page can be read online (http or https); shown with its events.")
@click.option("--if-empty", is_flag=True, help="Only ingest when the database has no events yet (make run).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only the summary.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Extract in N worker processes (default: the CPUs available); one process writes, in order.")
@with_appcontext
@reports_storage_faults
def ingest_command(paths: tuple[Path, ...], published: dt.datetime | None, source_url: str | None,
                   if_empty: bool, quiet: bool, jobs: int | None) -> None:
    """Read files or folders of articles and store their events.

    Folders are searched for *.txt, *.md, *.html and *.htm files. Ingesting the same file again
    changes nothing; an event reported again by a later article is updated, not duplicated. Each
    file is stored whole or not at all (files are committed in groups, each file in a savepoint).
    Prints a summary; exits with status 1 when a file was rejected (empty, binary, undecodable, too
    large, unreadable), after ingesting the others. A
    database that cannot be written (read-only, disk full) or is damaged stops it with one line
    naming the file and the cause, and exit status 1.
    """
    from .ingest import ingest_paths
    from .kept_parts import keeping_parts
    from .progress import progress
    from .web.db import get_db

    db = get_db()
    store.check_integrity(db, current_app.config["DATABASE"])  # a damaged file could take writes and fail reads
    if not current_app.config.get("LOG_FILE"):
        # the summary below already says on standard output what the log would repeat on standard error
        logging.getLogger(LOGGER).setLevel(logging.ERROR)
    if if_empty and (existing := store.count_events(db)):
        click.echo(f"{existing} event(s) already stored in {current_app.config['DATABASE']}; not ingesting.")
        return
    with keeping_parts(db, current_app.config), progress("ingest", unit="file", quiet=quiet) as bar:
        report = ingest_paths(
            db, paths, _as_date(published), source_url, max_bytes=current_app.config["MAX_FILE_BYTES"], progress=bar,
            jobs=jobs,
        )
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@click.command("reextract")
@click.option("--dry-run", is_flag=True,
              help="Print what would change (new, changed with the fields, retracted); write nothing.")
@click.option("--since", type=DATE, metavar="YYYY-MM-DD", help="Only articles published on or after this day.")
@click.option("--source", metavar="NAME", help="Only articles from this file name or URL (* and ? match any text).")
@click.option("--all", "everything", is_flag=True, help="Every stored article, not only those of older extractors.")
@with_appcontext
def reextract_command(dry_run: bool, since: dt.datetime | None, source: str | None, everything: bool) -> None:
    """Run the current extractor over stored articles and bring the events in line with what it finds.

    Without options, re-extracts the articles whose events an older extractor produced. One
    transaction per article: events still found keep their uid (SEQUENCE + 1 when a fact changed),
    new ones are added, and events no article reports any more are retracted (their page answers 410
    Gone). Interrupted, it can simply be run again. Prints a summary; exits with status 1 when an
    article failed.
    """
    from .kept_parts import keeping_parts
    from .reextract import reextract, select_articles
    from .web.db import get_db

    db = get_db()
    if not current_app.config.get("LOG_FILE"):
        logging.getLogger(LOGGER).setLevel(logging.ERROR)
    ids = select_articles(db, since=_as_date(since), source=source, everything=everything)
    with keeping_parts(db, current_app.config):
        if sys.stderr.isatty() and ids:
            with click.progressbar(length=len(ids), label="re-extracting", file=sys.stderr) as bar:
                report = reextract(db, ids, dry_run=dry_run, progress=bar.update)
        else:
            report = reextract(db, ids, dry_run=dry_run)
    if dry_run:
        for line in report.details():
            click.echo(line)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", type=DATE, metavar="YYYY-MM-DD", help=PUBLISHED_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per event.")
@with_appcontext
def extract_command(paths: tuple[Path, ...], published: dt.datetime | None, as_json: bool) -> None:
    """Show the events each article reports, without touching the database.

    With --json, prints one line per event per article: source (file name), article (headline),
    title, category, start, end (inclusive; YYYY-MM-DD or ISO 8601 with +08:00), all_day,
    precision, location, status and evidence. Events are not merged across articles here.
    Exits with status 1 when a file could not be read.
    """
    from . import ingest

    failed = False
    for path in files.expand_paths(paths):
        try:
            source = files.read_source(path, max_bytes=current_app.config["MAX_FILE_BYTES"])
        except files.RejectedFile as rejected:
            click.echo(f"{path}: rejected: {rejected.reason}", err=True)
            failed = True
            continue
        try:
            page = ingest.extract_page(source.text, _as_date(published))
        except Exception as error:  # report the file and go on with the others
            click.echo(f"{path}: failed: {type(error).__name__}: {error}", err=True)
            failed = True
            continue
        if not as_json:
            click.echo(f"== {source.name}")
        for article_events in page:
            for event in article_events.events:
                record = event.as_json(source=source.name, article=article_events.article)
                if as_json:
                    click.echo(json.dumps(record, ensure_ascii=False))
                else:
                    click.echo(_event_line(record))
    if failed:
        sys.exit(1)


def _event_line(record: dict) -> str:
    """One event as a readable line: dates, category, title, place, status."""
    parts = [f"{_span(record):<25}", f"{record['category']:<13}", record["title"]]
    if record["location"]:
        parts.append(f"@ {record['location']}")
    if record["status"] != "confirmed":
        parts.append(f"[{record['status']}]")
    return "  ".join(parts)


def _span(record: dict) -> str:
    return record["start"] if record["start"] == record["end"] else f"{record['start']} – {record['end']}"


@click.command("dates")
@click.argument("text", required=False, default="-")
@click.option("--published", callback=_moment, metavar="YYYY-MM-DD[THH:MM[:SS]]", required=True,
              help="The day the text was published; with a time of day, `3小时后` is read too.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per date found.")
def dates_command(text: str, published: tuple[dt.date, dt.datetime | None], as_json: bool) -> None:
    """Find every time expression in TEXT (or standard input, with - or no TEXT) and resolve it.

    Relative expressions (今天, 下月, 12月20日 without a year) are resolved against --published.
    """
    from .extract.dates import find_dates
    from .extract.normalize import normalize

    if text == "-":
        text = sys.stdin.read()
    day, now = published
    for match in find_dates(normalize(text), day, every_kind=True, now=now):
        record = match.as_json()
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(f"{record['text']}\t{_span(record)}\t{record['precision']}\t{record['kind']}\t{record['rule']}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--debug", is_flag=True, help="Reload on code changes, show tracebacks (never in production).")
@with_appcontext
def serve_command(host: str, port: int, debug: bool) -> None:
    """Run the development web server. For production use `gunicorn wsgi:app`."""
    from werkzeug.serving import run_simple  # not app.run(), which does nothing under the `flask` command

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    app.debug = debug
    click.echo(f"Serving {app.config['DATABASE']} on http://{host}:{port}/")
    run_simple(host, port, app, use_reloader=debug, use_debugger=debug, threaded=True)


EXPORT_PATHS = (
    "/",
    "/calendar.ics",
    "/feed.rss",
    "/feed.atom",
    "/feed.json",
    "/api/events",
    "/api/openapi.json",
    "/calendar",
    "/calendar/interactive",
    "/embed",
    "/embed.js",
    "/embed/builder",
    "/sources",
    "/api/sources",
)


@click.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--base-url", default="http://localhost/", show_default=True,
              help="Public address of the site, for the absolute links in calendars and feeds.")
@with_appcontext
@reports_storage_faults
def export_command(directory: Path, base_url: str) -> None:
    """Write static copies of the pages, calendars and feeds to DIRECTORY, for any static host or CDN.

    Exports /, /calendar.ics, /feed.rss, /feed.atom, /feed.json, /api/events, one calendar per
    category, each event's page, calendar and JSON, each article's page, the month pages of every
    month with an event, the interactive calendar, embed.js, the sources followed and the static files, in
    Chinese at the top and in English under en/. Pages are written as …/index.html (/events/UID becomes
    events/UID/index.html), other addresses without an extension get one from their content type
    (/api/events becomes api/events.json). Under a sub-path, give it in --base-url. Routes this version lacks
    are skipped.
    """
    from .web.db import get_db
    from .web.templating import EXPORT_TREES

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    store.check_integrity(get_db(), current_app.config["DATABASE"])  # one line, not a failure per page
    uids = store.event_uids(get_db())
    wanted = list(EXPORT_PATHS)
    wanted += [f"/categories/{category}.ics" for category in CATEGORIES]
    for uid in uids:
        path = quote(uid, safe="@")
        wanted += [f"/events/{path}", f"/events/{path}.ics", f"/api/events/{path}"]
    wanted += [f"/articles/{article_id}" for article_id in store.article_ids(get_db())]
    wanted += [f"/calendar/{year}/{month}" for year, month in export_months(store.event_months(get_db()))]
    if app.static_folder:
        static = Path(app.static_folder)
        wanted += [f"{app.static_url_path}/{p.relative_to(static).as_posix()}"
                   for p in sorted(static.rglob("*")) if p.is_file()]
    root = directory.resolve()
    written, skipped, failed = 0, [], []
    client = app.test_client()
    app.config["STATIC_EXPORT"] = True  # pages point scripts at the exported files (see pages.interactive)
    try:
        # Each language is a whole copy of the site, Chinese at the root and English under en/: a file server
        # cannot choose by ?lang= or Accept-Language, so a page's links stay within its language's tree.
        responses = [(tree, url, _export_get(app, client, url, base_url.rstrip("/") + tree + "/", lang))
                     for lang, tree in EXPORT_TREES.items() for url in wanted]
    finally:
        app.config["STATIC_EXPORT"] = False
    for tree, url, response in responses:
        if response.status_code == 404:
            skipped.append(url)
            continue
        if response.status_code in (301, 302):  # a file server cannot redirect: a page that does
            response = _redirect_page(response.headers["Location"])
        if response.status_code != 200:
            failed.append(f"{tree}{url}: HTTP {response.status_code}")
            continue
        target = (root / tree.lstrip("/") / _export_file(url, response.mimetype)).resolve()
        if not target.is_relative_to(root):
            failed.append(f"{url}: outside the export folder")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.get_data())
        written += 1
    skipped = list(dict.fromkeys(skipped))
    click.echo(f"wrote {written} file(s) to {directory}")
    if skipped:
        click.echo(f"skipped {len(skipped)} address(es) this version does not serve: {', '.join(skipped[:8])}"
                   + (" …" if len(skipped) > 8 else ""))
    for line in failed:
        click.echo(f"failed: {line}", err=True)
    if failed:
        sys.exit(1)


def export_months(months: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every month from the first with an event to the last, quiet ones too: the month pages' "previous" and
    "next" links then always land on an exported page (pages.month leaves out the links past the ends)."""
    if not months:
        return []
    first, last = months[0][0] * 12 + months[0][1] - 1, months[-1][0] * 12 + months[-1][1] - 1
    return [(index // 12, index % 12 + 1) for index in range(first, last + 1)]


def _export_get(app: Flask, client: Any, url: str, base_url: str, lang: str) -> Any:
    """One address as a reader of `lang` gets it, in an app context of its own: the command's context would
    otherwise be every request's, and `g` (the language chosen, the followed sites) would carry over."""
    with app.app_context():
        return client.get(url, base_url=base_url, headers={"Accept-Language": lang})


def _redirect_page(location: str):
    """The static stand-in for a redirect: a page that refreshes to `location` and links to it."""
    from html import escape

    from flask import Response

    target = escape(location, quote=True)
    body = (f'<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={target}">'
            f'<title>→</title></head><body><p><a href="{target}">{target}</a></p></body></html>')
    return Response(body, mimetype="text/html")


def _export_file(url: str, mimetype: str) -> str:
    """The file an address is written to: a page as `…/index.html` (so its extensionless links resolve on
    any static file server), another address with an extension from its content type."""
    path = PurePosixPath(url.lstrip("/"))
    if url.endswith("/") or (mimetype == "text/html" and not path.suffix):
        return str(path / "index.html")
    if path.suffix:
        return str(path)
    extension = {"application/json": ".json"}.get(mimetype)
    return str(path) + (extension or mimetypes.guess_extension(mimetype) or "")


@click.command("backup")
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
@reports_storage_faults
def backup_command(dest: Path) -> None:
    """Copy the database to DEST with SQLite's online backup, safe while the server or an ingest runs.

    DEST is written whole or not at all (a temporary file, then renamed); a damaged database is
    refused (SQLite's quick check). To restore, stop the server and copy DEST over the database file.
    """
    from .web.db import get_db

    db = get_db()
    store.check_integrity(db, current_app.config["DATABASE"])  # a copy of a damaged file would pass for a good one
    try:
        pages = store.backup(db, dest)
    except (ValueError, OSError, sqlite3.Error) as error:
        raise click.ClickException(f"backup failed: {error}") from None
    click.echo(f"backed up {current_app.config['DATABASE']} to {dest} ({pages} pages)")


COMMANDS = (ingest_command, reextract_command, extract_command, dates_command, serve_command, export_command,
            backup_command, *SOURCE_COMMANDS, *EDITOR_COMMANDS)


def register(app: Flask) -> None:
    """Make the same commands available as `flask --app feeds COMMAND`."""
    for command in COMMANDS:
        app.cli.add_command(command)
