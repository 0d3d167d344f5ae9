"""Fetching news sites: feeds and article pages over HTTP, politely, into the same ingest path files take.

`settings` (what the app config says), `http` (one request, capped and timed), `robots` and `hosts`
(robots.txt, one request per host at a time, delays and Retry-After), `agent` (redirects and all of
that around each request), `feed` (RSS / Atom / JSON Feed items), `page` (a page's main text and
date), `run` (fetching the due sources into the store).
"""
