"""Editor accounts and their API tokens: passwords as werkzeug's salted hashes, tokens as SHA-256 digests.

A token is shown once when made and never stored in the clear; removing an editor removes their tokens.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from sqlite_utils import Database
from werkzeug.security import check_password_hash, generate_password_hash

from .identity import records

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
"""An editor's name: what the audit log shows as who made a change."""
PASSWORD_MIN = 10
TOKEN_PREFIX = "fe_"
_DUMMY_HASH = generate_password_hash("not a password of anyone")
"""Checked against for an unknown name, so a wrong name takes as long as a wrong password."""


class EditorError(ValueError):
    """A name taken or malformed, a password too short, an editor that does not exist."""


@dataclass(frozen=True)
class Editor:
    name: str
    created: str
    tokens: int = 0


def add_editor(db: Database, name: str, password: str, stamp: str) -> Editor:
    if not NAME.match(name):
        raise EditorError("a name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
    if len(password) < PASSWORD_MIN:
        raise EditorError(f"the password must be at least {PASSWORD_MIN} characters")
    if get_editor(db, name):
        raise EditorError(f"an editor named {name} exists already")
    db.execute("INSERT INTO editors (name, password_hash, created) VALUES (?, ?, ?)",
               [name, generate_password_hash(password), stamp])
    return Editor(name, stamp)


def get_editor(db: Database, name: str) -> Editor | None:
    found = list_editors(db, name)
    return found[0] if found else None


def list_editors(db: Database, name: str | None = None) -> list[Editor]:
    where = " WHERE e.name = ?" if name is not None else ""
    rows = records(db.execute(
        "SELECT e.name, e.created, (SELECT count(*) FROM editor_tokens t WHERE t.editor = e.name"
        " AND t.revoked IS NULL) AS tokens FROM editors e" + where + " ORDER BY e.name",
        [name] if name is not None else []))
    return [Editor(**row) for row in rows]


def has_editors(db: Database) -> bool:
    """Whether the editor's side exists at all: with no account it answers 404."""
    return db.execute("SELECT 1 FROM editors LIMIT 1").fetchone() is not None


def remove_editor(db: Database, name: str) -> None:
    """The account and its tokens; what the editor changed stays, signed with the name."""
    if get_editor(db, name) is None:
        raise EditorError(f"no editor named {name}")
    db.execute("DELETE FROM editor_tokens WHERE editor = ?", [name])
    db.execute("DELETE FROM editors WHERE name = ?", [name])


def check_password(db: Database, name: str, password: str) -> bool:
    row = db.execute("SELECT password_hash FROM editors WHERE name = ?", [name]).fetchone()
    if row is None:
        check_password_hash(_DUMMY_HASH, password)
        return False
    return check_password_hash(row[0], password)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(db: Database, name: str, stamp: str) -> tuple[int, str]:
    """A new API token for the editor: (its id, the token itself, to print once)."""
    if get_editor(db, name) is None:
        raise EditorError(f"no editor named {name}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    cursor = db.execute("INSERT INTO editor_tokens (editor, token_hash, created) VALUES (?, ?, ?)",
                        [name, _digest(token), stamp])
    return cursor.lastrowid, token


def revoke_tokens(db: Database, name: str, stamp: str, token_id: int | None = None) -> int:
    """Revoke the editor's tokens (or the one with `token_id`); how many were revoked."""
    sql = "UPDATE editor_tokens SET revoked = ? WHERE editor = ? AND revoked IS NULL"
    params: list = [stamp, name]
    if token_id is not None:
        sql += " AND id = ?"
        params.append(token_id)
    return db.execute(sql, params).rowcount


def editor_of_token(db: Database, token: str) -> str | None:
    """The editor a live token belongs to, or None (unknown, revoked, or its editor removed)."""
    row = db.execute(
        "SELECT t.editor FROM editor_tokens t JOIN editors e ON e.name = t.editor"
        " WHERE t.token_hash = ? AND t.revoked IS NULL", [_digest(token)]).fetchone()
    return row[0] if row else None
