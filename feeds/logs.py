"""Where log records go: standard error by default, or the file LOG_FILE; LOG_LEVEL says how much.

Ingests log their summary (INFO), each rejected file (WARNING) and each failure with its traceback
(ERROR), from the command line and from POST /api/articles alike, so an unattended server keeps a history.
"""

from __future__ import annotations

import logging
from logging.handlers import WatchedFileHandler

from flask import Flask

LOGGER = "feeds"
"""The package's logger; Flask's app.logger is the same one (the app is named after the package)."""
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _FileHandler(WatchedFileHandler):
    """LOG_FILE's handler; reopens the file when logrotate moves it away."""


def init_app(app: Flask) -> None:
    """Set the level and, with LOG_FILE, log to that file instead of standard error."""
    logger = logging.getLogger(LOGGER)
    level = app.config.get("LOG_LEVEL", "INFO")
    logger.setLevel(level if isinstance(level, int) else str(level).upper())
    for handler in [h for h in logger.handlers if isinstance(h, _FileHandler)]:
        logger.removeHandler(handler)  # another app in this process (tests) configured its own file
        handler.close()
    path = app.config.get("LOG_FILE")
    if path:
        handler = _FileHandler(str(path), encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
    app.logger  # noqa: B018 — Flask adds its standard-error handler when the logger has none
