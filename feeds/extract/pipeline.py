"""The extraction pipeline, top to bottom: page text → articles → publication dates → events."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..models import Article, ArticleEvents, Event
from ..scripts import simplified
from .articles import split_articles
from .events import extract_events
from .normalize import ScriptMap, normalize_page, script_map
from .published import find_publication_date


def extract_page(text: str, published: dt.date | None = None) -> list[ArticleEvents]:
    """Every article of a page with the events it reports; pure, no I/O.

    A page printed in traditional characters is read in simplified ones and given back as printed."""
    page, script = normalize_page(text)
    results = []
    for article in split_articles(page):
        article.published = find_publication_date(article, page, given=published)
        events = extract_events(article)
        results.append(ArticleEvents(article, events) if script is None else _as_printed(article, events, script))
    return results


def _as_printed(article: Article, events: list[Event], script: ScriptMap) -> ArticleEvents:
    """The article and its events in the characters the page printed (offsets are unchanged: one for one).

    An event's words are looked for in its own sentence first, so the page is searched only for a name that
    came from another sentence."""
    body = script.restore_block(article.body)
    printed = replace(article, headline=script.restore(article.headline), body=body,
                      subheadlines=[script.restore(s) for s in article.subheadlines],
                      byline=script.restore(article.byline), dateline=script.restore(article.dateline))

    def in_sentence(text: str, event: Event) -> str:
        at = article.body.find(text, event.evidence_start, event.evidence_end) if text else -1
        return body[at:at + len(text)] if at >= 0 else script.restore(text)  # a name from another sentence

    return ArticleEvents(printed, [replace(e, title=in_sentence(e.title, e), location=in_sentence(e.location, e),
                                           evidence=in_sentence(e.evidence, e)) for e in events])


def extract_article(article: Article) -> ArticleEvents:
    """The events of one stored article (split and dated already), for `feeds reextract`: read, as a page
    is, in simplified characters and given back as printed."""
    body = simplified(article.body)
    script = script_map(body, article.body, body)
    if script is None:
        return ArticleEvents(article, extract_events(article))
    plain = replace(article, headline=simplified(article.headline), body=body,
                    subheadlines=[simplified(s) for s in article.subheadlines])
    return _as_printed(plain, extract_events(plain), script)
