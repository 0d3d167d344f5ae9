"""The web layer: HTML pages (pages.py) and calendars, feeds and the JSON API (syndication.py)."""
