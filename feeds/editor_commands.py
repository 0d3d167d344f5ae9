"""`feeds editors add|list|remove|token|revoke`: the accounts of the editor's side (/admin) and their API tokens."""

from __future__ import annotations

import logging
import sys

import click
from flask.cli import with_appcontext

from . import store
from .logs import LOGGER
from .store.editors import EditorError

log = logging.getLogger(f"{LOGGER}.editors")


def read_password() -> str:
    """Asked twice on a terminal; from standard input otherwise (two equal lines, for scripts)."""
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt="Repeat the password")
    first, second = sys.stdin.readline().rstrip("\r\n"), sys.stdin.readline().rstrip("\r\n")
    if first != second:
        raise click.ClickException("the two passwords read from standard input differ")
    return first


@click.group("editors")
def editors_group() -> None:
    """Editors: who may log in at /admin and correct, hide, merge and split events."""


def _db():
    from .web.db import get_db

    return get_db()


def _write(action, *args):
    """Run one change of the accounts in a transaction; a refusal ends the command with its message."""
    db = _db()
    try:
        with store.transaction(db):
            return action(db, *args)
    except EditorError as error:
        raise click.ClickException(str(error)) from None


@editors_group.command("add")
@click.argument("name")
@with_appcontext
def add_command(name: str) -> None:
    """Add an editor; the password is asked twice (or read twice from standard input)."""
    _write(store.editors.add_editor, name, read_password(), store.utc_stamp())
    log.info("editor %s added", name)
    click.echo(f"added editor {name}; log in at /admin")


@editors_group.command("list")
@with_appcontext
def list_command() -> None:
    """Every editor, with when they were added and how many live tokens they hold."""
    editors = store.editors.list_editors(_db())
    if not editors:
        click.echo("no editors: the editor's side (/admin) answers 404 until one is added")
    for editor in editors:
        click.echo(f"{editor.name}\tadded {editor.created}\t{editor.tokens} token(s)")


@editors_group.command("remove")
@click.argument("name")
@with_appcontext
def remove_command(name: str) -> None:
    """Remove an editor and their tokens (what they changed stays, signed with their name)."""
    _write(store.editors.remove_editor, name)
    log.info("editor %s removed", name)
    click.echo(f"removed editor {name}")


@editors_group.command("token")
@click.argument("name")
@with_appcontext
def token_command(name: str) -> None:
    """Make an API token for the editor and print it, once (only its hash is kept)."""
    token_id, token = _write(store.editors.create_token, name, store.utc_stamp())
    log.info("token %d made for editor %s", token_id, name)
    click.echo(token)
    click.echo(f"token {token_id} for {name}: send it as Authorization: Bearer <token>; it is not shown again",
               err=True)


@editors_group.command("revoke")
@click.argument("name")
@click.option("--id", "token_id", type=int, help="Revoke only this token (its number, as `token` printed).")
@with_appcontext
def revoke_command(name: str, token_id: int | None) -> None:
    """Revoke the editor's API tokens (all, or one)."""
    count = _write(store.editors.revoke_tokens, name, store.utc_stamp(), token_id)
    log.info("%d token(s) of %s revoked", count, name)
    click.echo(f"revoked {count} token(s) of {name}")


EDITOR_COMMANDS = (editors_group,)
