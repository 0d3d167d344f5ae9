"""The extraction pipeline, top to bottom: page text → articles → publication dates → events."""

from __future__ import annotations

import datetime as dt

from .articles import split_articles
from .events import extract_events
from .models import ArticleEvents
from .published import find_publication_date
from .text import normalize


def extract_page(text: str, published: dt.date | None = None) -> list[ArticleEvents]:
    """Every article of a page with the events it reports; pure, no I/O."""
    page = normalize(text)
    articles = split_articles(page)
    results = []
    for article in articles:
        article.published = find_publication_date(article, page, given=published)
        results.append(ArticleEvents(article, extract_events(article)))
    return results
