"""Running third-party clients from tests: find them (skip, or fail under CI=true), run them, serve them.

Every client here was written by someone else; the tests hand it our bytes and read what it understood.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

TESTS = Path(__file__).resolve().parent
JS = TESTS / "js"
SYSTEM_PYTHON = "/usr/bin/python3"
INSTALL_DEBIAN = "sudo apt-get install -y calcurse khal newsboat gir1.2-ical-3.0 python3-gi default-jre-headless"
INSTALL_NPM = "cd tests/js && npm install  (or: sudo .ci/install-clients)"


def missing(what: str, install: str) -> None:
    """Skip with the command that installs `what`; under CI=true a missing client is a failure."""
    reason = f"{what} is not installed; install it with: {install}"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def require_tool(name: str, install: str = INSTALL_DEBIAN) -> str:
    """The path of a command-line client, or skip / fail as `missing` says."""
    path = shutil.which(name)
    if path is None:
        missing(name, install)
    return path


def require_node_module(module: str) -> str:
    """Node and one npm package under tests/js/node_modules."""
    node = require_tool("node", "sudo apt-get install -y nodejs npm")
    if not (JS / "node_modules" / module / "package.json").exists():
        missing(f"npm package {module}", INSTALL_NPM)
    return node


def require_libical() -> str:
    """The system Python with PyGObject and libical's introspection data (the venv cannot import gi)."""
    probe = "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib"
    if not Path(SYSTEM_PYTHON).exists() or run([SYSTEM_PYTHON, "-c", probe], check=False).returncode != 0:
        missing("libical for Python (ICalGLib)", "sudo apt-get install -y gir1.2-ical-3.0 python3-gi")
    return SYSTEM_PYTHON


def run(
    args: list[str], *, env: dict[str, str] | None = None, check: bool = True, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run a client without a terminal or input; a non-zero exit fails the test with its output."""
    result = subprocess.run(
        args, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=timeout
    )
    if check and result.returncode != 0:
        output = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        pytest.fail(f"{args[0]} exited {result.returncode}\n{output}")
    return result


def node_json(script: str, *args: str, module: str) -> Any:
    """Run tests/js/<script> (which needs npm `module`) and parse the JSON it prints."""
    node = require_node_module(module)
    return json.loads(run([node, str(JS / script), *args]).stdout)


def isolated_env(home: Path, tz: str | None = None) -> dict[str, str]:
    """An environment whose HOME and XDG folders are temporary, so no client reads or writes the user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    for name, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    if tz:
        env["TZ"] = tz
    return env


@contextmanager
def live_server(app: Flask) -> Iterator[str]:
    """The app on 127.0.0.1 at a free port, in a thread, for clients that fetch; yields its root URL."""
    with serving(make_server("127.0.0.1", 0, app, threaded=True)) as root:
        yield root


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def file_server(root: Path) -> Iterator[str]:
    """`python -m http.server` on 127.0.0.1 for a folder: no rewrites, no extensions guessed, only files and folders
    (a static host, as an export is published); yields its root URL with the slash."""
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))) as url:
        yield url + "/"


@contextmanager
def serving(server: Any) -> Iterator[str]:
    """A socketserver-style server (bound to 127.0.0.1) run in a thread until the block ends; yields its root."""
    # A short poll: shutdown() waits for the loop to look again, which serve_forever does every 0.5 s by default.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
