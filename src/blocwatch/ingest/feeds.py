"""RSS/Atom feeds with feedparser; optionally each entry's page, fetched politely.

Fetching uses the standard library: a timeout per request, a minimum delay
between requests to the same host, a few retries with back-off on transient
errors, and a report of every URL that failed (which becomes a quarantine
entry). Nothing is fetched unless the user asks for it.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlparse

import feedparser

from blocwatch import __version__
from blocwatch.ingest.html import extract_page
from blocwatch.model import Document

USER_AGENT = f"blocwatch/{__version__} (+news event coding)"


@dataclass
class Fetcher:
    """Polite HTTP GET: timeout, per-host delay, retries with back-off."""

    timeout: float = 10.0
    delay: float = 1.0
    retries: int = 2
    failures: list[tuple[str, str]] = field(default_factory=list)
    _last: dict[str, float] = field(default_factory=dict)

    def get(self, url: str) -> bytes | None:
        host = urlparse(url).netloc
        for attempt in range(self.retries + 1):
            wait = self._last.get(host, 0.0) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()
            try:
                request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                if exc.code < 500 or attempt == self.retries:
                    self.failures.append((url, f"HTTP {exc.code}"))
                    return None
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                if attempt == self.retries:
                    reason = getattr(exc, "reason", exc)
                    self.failures.append((url, f"unreachable ({reason})"))
                    return None
            time.sleep(min(8.0, 0.5 * 2**attempt))
        return None


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def feed_documents(
    content: bytes | str, name: str, fetch_pages: bool = False, fetcher: Fetcher | None = None
) -> tuple[list[Document], list[tuple[str, str]]]:
    """Documents from a feed's entries, and problems as (where, why)."""
    parsed = feedparser.parse(content)
    problems: list[tuple[str, str]] = []
    if parsed.bozo and not parsed.entries:
        problems.append((name, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception', 'malformed')})"))
        return [], problems
    feed_title = parsed.feed.get("title", "")
    docs = []
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link", "")
        title = entry.get("title", "")
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry.content)
        body = body or entry.get("summary", "")
        tags = [t.get("term", "") for t in entry.get("tags", []) if t.get("term")]
        text, author, published = body, entry.get("author", ""), _entry_date(entry)
        if fetch_pages and link and fetcher is not None:
            raw = fetcher.get(link)
            page = extract_page(raw.decode("utf-8", "replace"), link) if raw else None
            if page is not None:
                text = page.text
                author = author or page.author
                published = published or page.published
                tags += page.tags
        if "<" in text:
            page = extract_page(f"<html><body><article>{text}</article></body></html>")
            text = page.text if page else ""
        if not text.strip():
            problems.append((f"{name}#{n}", "feed entry without text"))
            continue
        doc_id = entry.get("id") or link or f"{name}#{n}"
        full = f"{title}.\n\n{text}" if title and not text.startswith(title) else text
        docs.append(
            Document(
                doc_id=doc_id,
                text=full,
                date=published,
                title=title,
                source=feed_title,
                url=link,
                meta={"input": name, "author": author, "tags": tags},
            )
        )
    return docs, problems
