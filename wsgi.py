"""The WSGI entry point for production servers: `gunicorn wsgi:app`."""

from feeds import create_app

app = create_app()
