"""The extraction pipeline, top to bottom: page text → articles → publication dates → events."""

from __future__ import annotations

import datetime as dt

from ..models import Article, ArticleEvents
from .articles import split_articles
from .events import extract_events
from .normalize import normalize
from .published import find_publication_date


def extract_page(text: str, published: dt.date | None = None) -> list[ArticleEvents]:
    """Every article of a page with the events it reports; pure, no I/O."""
    page = normalize(text)
    articles = split_articles(page)
    results = []
    for article in articles:
        article.published = find_publication_date(article, page, given=published)
        results.append(ArticleEvents(article, extract_events(article)))
    return results


def extract_article(article: Article) -> ArticleEvents:
    """The events of one already split and dated article (a stored one, for `feeds reextract`)."""
    return ArticleEvents(article, extract_events(article))
