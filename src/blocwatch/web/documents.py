"""One stored document: its clean text with the spans of its events marked, and the events themselves."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from blocwatch.web.evidence import document_marks, segments

_EVENT_COLUMNS = ("event_id", "date", "source", "target", "code", "quad_class", "goldstein", "mode", "sentence",
                  "trigger", "source_text", "target_text", "sentence_start", "sentence_end", "trigger_start",
                  "trigger_end", "source_start", "source_end", "target_start", "target_end")


def canonical_id(cur: duckdb.DuckDBPyConnection, doc_id: str) -> str | None:
    """The story a duplicate was linked to, if ``doc_id`` is a stored duplicate."""
    row = cur.execute("SELECT canonical_id FROM duplicates WHERE doc_id = ?", [doc_id]).fetchone()
    return row[0] if row else None


def document_view(cur: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """The document with marked segments and its events; None when there is no such document."""
    row = cur.execute("SELECT doc_id, title, source, url, published, author, tags, text FROM documents "
                      "WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    doc = dict(zip(("doc_id", "title", "publisher", "url", "published", "author", "tags", "text"), row, strict=True))
    try:
        doc["tags"] = [str(t) for t in json.loads(doc["tags"])] if doc["tags"] else []
    except (ValueError, TypeError):
        doc["tags"] = []
    columns = ", ".join(_EVENT_COLUMNS)
    events = [dict(zip(_EVENT_COLUMNS, r, strict=True)) for r in cur.execute(
        f"SELECT {columns} FROM events WHERE doc_id = ? ORDER BY sentence_start NULLS LAST, trigger_start, event_id",
        [doc_id]).fetchall()]
    text = doc["text"] or ""
    doc["segments"] = segments(text, document_marks(text, events))
    doc["events"] = events
    safe_url = doc["url"] if isinstance(doc["url"], str) and doc["url"].startswith(("http://", "https://")) else None
    doc["url"] = safe_url
    return doc
