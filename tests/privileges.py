"""Running a step where file permissions apply, for tests of unreadable files and read-only folders.

As root (CI), permissions do not stop anything: the step runs as `nobody` in a forked child, after
every module and dictionary it needs is loaded (the child may not be able to read them).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def _load_everything() -> None:
    """Import and warm what a step may use: the extraction's dictionaries, the app, its templates, the CLI."""
    from feeds import create_app
    from feeds.cli import main  # noqa: F401
    from feeds.extract.pipeline import extract_page

    extract_page("# 预热\n\n第二十二届中国青岛蓝色经济国际人才暨产学研合作洽谈会将于12月20日在青岛国际会议中心举行。\n",
                 dt.date(2023, 1, 5))
    app = create_app({"DATABASE": ":memory:", "TESTING": True})
    for name in ("index.html", "error.html", "month.html", "event.html"):
        app.jinja_env.get_template(name)


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A temporary folder an unprivileged user can enter and write (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="feeds-perm-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o777)
        shutil.rmtree(folder)


def unprivileged(fn: Callable[[], Any]) -> Any:
    """`fn()`, run where file permissions apply: as is, or as `nobody` in a forked child when root."""
    if os.geteuid() != 0:
        return fn()
    _load_everything()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            payload = pickle.dumps(("ok", fn()))
        except BaseException as error:  # noqa: BLE001 - everything goes back to the parent
            payload = pickle.dumps(("error", f"{type(error).__name__}: {error}"))
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        kind, value = pickle.loads(pipe.read())
    os.waitpid(pid, 0)
    assert kind == "ok", value
    return value
