"""An article page's main text and publication date, with trafilatura; decoding is `files.decode_page`'s."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from .. import files

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml", "")
"""Content types read as a page; an empty one is sniffed."""

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image or audio)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
)


@dataclass(frozen=True)
class Page:
    """What a page says, ready for the ingest: its main text (headline first, as `# ` line) and date."""

    url: str
    title: str
    text: str
    published: dt.date | None
    encoding: str

    @property
    def content_hash(self) -> str:
        """Identity of the text itself: the same article met again, at this address or another, is known."""
        return hashlib.sha256(self.text.encode()).hexdigest()


def refusal(data: bytes, mimetype: str) -> str | None:
    """Why bytes are not an article page (a PDF, an image, any non-HTML type), or None when they may be one."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"not an HTML page: {what}"
    if mimetype not in HTML_TYPES and not mimetype.startswith("text/"):
        return f"not an HTML page: {mimetype}"
    return None


def read_page(data: bytes, url: str, mimetype: str = "text/html", charset: str | None = None,
              title: str = "") -> Page:
    """The page's main text, without navigation, comments, related links or ads; raises RejectedFile.

    `title` (the feed item's) stands in for a headline the page does not give.
    """
    problem = refusal(data, mimetype)
    if problem:
        raise files.RejectedFile(problem)
    html, encoding = files.decode_page(data, charset)
    if mimetype.startswith("text/") and mimetype != "text/html" and not files.looks_like_html(html):
        text = html.strip()  # a plain-text article
        if not text:
            raise files.RejectedFile("empty page")
        return Page(url, title, (f"# {title}\n\n" if title else "") + text + "\n", None, encoding)
    found_title, body, published = _main_text(html, url)
    if not body:
        raise files.RejectedFile("no main text found in the page")
    title = found_title or title
    return Page(url, title, _as_article(title, body), published, encoding)


def _main_text(html: str, url: str) -> tuple[str, str, dt.date | None]:
    """trafilatura's title, main text and date (taken from the page's metadata and address only)."""
    import trafilatura  # imported when first needed: it loads lxml and language data

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return "", "", None
    published = None
    if document.date:
        try:
            published = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            log.info("%s: unreadable page date %r", url, document.date)
    return (document.title or "").strip(), (document.text or "").strip(), published


def _as_article(title: str, body: str) -> str:
    """Headline as a `# ` heading, then one paragraph per line of the main text, as `files.html_to_text` writes."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    parts = ([f"# {title}"] if title else []) + lines
    return "\n\n".join(parts) + "\n"
