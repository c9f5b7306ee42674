"""Main text and metadata from HTML pages, with trafilatura (Barbaresi 2021) and htmldate.

trafilatura's own de-duplication cache is off (``deduplicate=False``): blocwatch
detects duplicates across the whole corpus itself, and the cache would make the
result depend on what was extracted before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import trafilatura
from htmldate import find_date

from blocwatch.ingest.readers import parse_date

MIN_WORDS = 8


@dataclass
class Page:
    text: str
    title: str = ""
    author: str = ""
    published: date | None = None
    sitename: str = ""
    url: str = ""
    tags: list[str] = field(default_factory=list)


def extract_page(html: str, url: str | None = None) -> Page | None:
    """The article of an HTML page, or None when no main text can be found."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        deduplicate=False,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is None or len((doc.text or "").split()) < MIN_WORDS:
        return None  # no article: an empty shell, a truncated page, a navigation page
    published = parse_date(doc.date) if doc.date else None
    if published is None:
        try:
            found = find_date(html, url=url, original_date=True)
        except (ValueError, TypeError):
            found = None
        published = parse_date(found) if found else None
    tags = [t for t in (list(doc.categories or []) + list(doc.tags or [])) if t]
    return Page(
        text=doc.text,
        title=doc.title or "",
        author=doc.author or "",
        published=published,
        sitename=doc.sitename or doc.hostname or "",
        url=doc.url or url or "",
        tags=tags,
    )
