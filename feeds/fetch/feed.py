"""Reading a feed's items with feedparser (RSS, Atom) or as JSON Feed: each item's link, title and date."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/feed+json", "application/json",
)
ACCEPT = ", ".join(FEED_TYPES) + ", text/html;q=0.5, */*;q=0.1"
"""Sent when fetching a source, which may be a feed or a page."""

_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.DOTALL)


class NotAFeed(ValueError):
    """Bytes that are not a readable RSS, Atom or JSON Feed document, and why."""


@dataclass(frozen=True)
class Feed:
    """A feed's items, and what was wrong with it when it could be read only in part."""

    items: list[FeedItem]
    problem: str | None = None


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: the page it links to, its title and the day it gives."""

    link: str | None
    title: str
    published: dt.date | None
    fingerprint: str = ""
    """A hash of what the feed says of the item (title, dates, summary): when it changes, the page is asked again."""


def looks_like_feed(data: bytes, mimetype: str) -> bool:
    """Whether an answer is meant as a feed: a feed's content type, an rss/feed root or a JSON Feed version."""
    if mimetype in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
        return True
    head = data[:2000].lstrip(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"{"):
        return b"jsonfeed.org" in head
    return bool(_FEED_START.match(head))


def read_feed(data: bytes, url: str, content_type: str = "") -> Feed:
    """The items of a feed, links made absolute; raises NotAFeed when the document is none.

    `content_type` is the HTTP header, charset and all: feedparser weighs it against the XML
    declaration. A feed that is not well-formed XML is read as far as its lenient parser gets, and says so.
    """
    if data[:2000].lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        return Feed(_json_feed(data, url))
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise NotAFeed(f"not a feed: {problem}" if problem else "not a feed: no RSS, Atom or RDF document")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or _alternate(entry)
        said = [dict.get(entry, key) for key in ("title", "published", "updated", "summary")]  # no aliasing
        raw = said[1] or said[2] or dict.get(entry, "dc_date")
        items.append(FeedItem(urljoin(url, link) if link else None, _text(entry.get("title")), parse_day(raw),
                              _fingerprint(said)))
    problem = None
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        problem = f"feed not well-formed, read as far as possible: {parsed.get('bozo_exception')}"
    return Feed(items, problem)


def _alternate(entry: dict) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _json_feed(data: bytes, url: str) -> list[FeedItem]:
    """JSON Feed 1.0 / 1.1 (feedparser reads only XML): `items` with `url` and `date_published`."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise NotAFeed(f"not a feed: invalid JSON ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise NotAFeed("not a feed: JSON without an `items` list")
    items = []
    for entry in document["items"]:
        if not isinstance(entry, dict):
            continue
        link = entry.get("url") or entry.get("external_url")
        link = urljoin(url, link) if isinstance(link, str) and link else None
        raw = entry.get("date_published") or entry.get("date_modified")
        said = [entry.get(key) for key in ("title", "date_published", "date_modified", "summary", "content_text")]
        items.append(FeedItem(link, _text(entry.get("title")), parse_day(raw if isinstance(raw, str) else None),
                              _fingerprint(said)))
    return items


def _fingerprint(parts: list[object]) -> str:
    return hashlib.sha256(json.dumps([str(p or "") for p in parts], ensure_ascii=False).encode()).hexdigest()[:32]


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


def parse_day(raw: str | None) -> dt.date | None:
    """The calendar day a feed's date names, in the time zone it was written in (RFC 822 or ISO 8601).

    Not converted to UTC as feedparser's *_parsed fields are: a Beijing article of 07:00 was
    published that day, not the day before.
    """
    if not raw:
        return None
    raw = raw.strip()
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = re.match(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})", raw)
    if found:
        try:
            return dt.date(*map(int, found.groups()))
        except ValueError:
            return None
    return None
