"""The `feeds` command line: the commands of `commands.py` under one group that makes the app."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click
from flask import Flask
from flask.cli import ScriptInfo

from .app import create_app
from .commands import COMMANDS


@click.group(
    help="""Scheduled events from newspaper articles, published as calendars and feeds.

    Ingest articles (plain text, Markdown or HTML, Chinese first) into the database, then serve
    or export the calendars, feeds and pages. The database is --db, else FEEDS_DATABASE, else
    instance/feeds.db.""",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "database",
    envvar="FEEDS_DATABASE",
    type=click.Path(dir_okay=False),
    help="SQLite database file [env FEEDS_DATABASE; default instance/feeds.db].",
)
@click.pass_context
def main(ctx: click.Context, database: str | None) -> None:
    overrides: Mapping[str, Any] | None = {"DATABASE": database} if database else None

    def make_app() -> Flask:
        return create_app(overrides)

    ctx.obj = ScriptInfo(create_app=make_app)

for _command in COMMANDS:
    main.add_command(_command)
