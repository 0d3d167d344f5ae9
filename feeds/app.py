"""The app factory: settings, the database connection, logging, security, the blueprints and the commands."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from .files import DEFAULT_MAX_BYTES


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The Flask app; settings from defaults, instance/config.py, FEEDS_* variables, then `config`."""
    app = Flask(__package__, instance_relative_config=True)  # the package: its templates, static and instance folder
    app.config.from_mapping(
        DATABASE=os.path.join(app.instance_path, "feeds.db"),
        MAX_FILE_BYTES=DEFAULT_MAX_BYTES,
        SITE_TITLE="feeds",
        PAPER_NAME="",  # the newspaper of ingested files without a web address (FEEDS_PAPER_NAME)
        UPCOMING_LIMIT=200,
        PAST_LIMIT=100,
    )
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("FEEDS")
    if config:
        app.config.from_mapping(config)

    from . import commands, logs
    from .web import admin, articles_api, auth, cache, db, editor_api, health, pages, security, syndication

    logs.init_app(app)
    db.init_app(app)
    security.init_app(app)
    auth.init_app(app)
    health.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(syndication.bp)
    app.register_blueprint(articles_api.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(editor_api.bp)
    commands.register(app)
    cache.init_app(app)  # last: it wraps the finished WSGI app
    return app
