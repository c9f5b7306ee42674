"""The events explorer: filtered, sorted, paginated events from the store with their documents' publisher.

Filters become a WHERE clause with ``?`` placeholders only; column names for sorting come from a fixed
table, never from the request. The document join is made only when a filter or the sort needs it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import duckdb

from blocwatch.web.evidence import sentence_marks

SORTS: dict[str, str] = {
    "date": "e.date", "source": "e.source", "target": "e.target", "code": "e.code", "quad_class": "e.quad_class",
    "goldstein": "e.goldstein", "mode": "e.mode", "mentions": "e.num_mentions", "publisher": "d.source",
}
COLUMNS = ("event_id", "date", "source", "target", "code", "root", "quad_class", "goldstein", "mode", "num_mentions",
           "doc_id", "sentence", "trigger", "source_text", "target_text", "sentence_start", "sentence_end",
           "trigger_start", "trigger_end", "source_start", "source_end", "target_start", "target_end")
EXPORT_COLUMNS = ("event_id", "date", "source", "target", "code", "root", "quad_class", "goldstein", "mode",
                  "num_mentions", "doc_id", "publisher", "sentence", "trigger", "source_text", "target_text")


@dataclass(frozen=True)
class EventFilter:
    """What the explorer, the CSV/JSON export and ``/api/events`` filter on (all optional, all validated)."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    quad: int | None = None
    mode: str | None = None
    publisher: str | None = None
    tag: str | None = None
    q: str | None = None

    @property
    def needs_documents(self) -> bool:
        return bool(self.publisher or self.tag)

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.since:
            clauses.append("e.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.date <= ?")
            params.append(self.until)
        if self.actor:
            clauses.append("(starts_with(e.source, ?) OR starts_with(e.target, ?))")
            params += [self.actor, self.actor]
        if self.dyad:
            a, b = self.dyad
            clauses.append("((substr(e.source, 1, 3) = ? AND substr(e.target, 1, 3) = ?) OR "
                           "(substr(e.source, 1, 3) = ? AND substr(e.target, 1, 3) = ?))")
            params += [a, b, b, a]
        if self.root:
            clauses.append("coalesce(e.root, substr(e.code, 1, 2)) = ?")
            params.append(self.root)
        if self.quad:
            clauses.append("e.quad_class = ?")
            params.append(self.quad)
        if self.mode:
            clauses.append("e.mode = ?")
            params.append(self.mode)
        if self.publisher:
            clauses.append("d.source = ?")
            params.append(self.publisher)
        if self.tag:
            clauses.append("CASE WHEN json_valid(d.tags) THEN list_contains(CAST(CAST(lower(d.tags) AS JSON) "
                           "AS VARCHAR[]), lower(?)) ELSE false END")
            params.append(self.tag)
        if self.q:
            escaped = self.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("e.sentence ILIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def query_items(self) -> dict[str, str]:
        """The filter as URL query parameters (for links that keep it)."""
        out = {k: v for k, v in asdict(self).items() if v not in (None, "")}
        if self.dyad:
            out["dyad"] = "-".join(self.dyad)
        return {k: str(v) for k, v in out.items()}


def _source(f: EventFilter, sort: str) -> str:
    join = f.needs_documents or sort == "publisher"
    return "events e" + (" LEFT JOIN documents d ON d.doc_id = e.doc_id" if join else "")


def _order(sort: str, order: str) -> str:
    direction = "DESC" if order == "desc" else "ASC"
    return f"{SORTS[sort]} {direction} NULLS LAST, e.event_id {direction}"


def count(cur: duckdb.DuckDBPyConnection, f: EventFilter) -> int:
    where, params = f.where()
    return cur.execute(f"SELECT count(*) FROM {_source(f, '')}{where}", params).fetchone()[0]


def decorate(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events that carry publisher, title and url: empty ones become None, and the sentence's highlight marks
    are added."""
    for r in found:
        r.update(publisher=r["publisher"] or None, title=r["title"] or None, url=r["url"] or None,
                 marks=[list(m) for m in sentence_marks(r)])
    return found


def _decorate(found: list[dict[str, Any]], doc_keys: list[Any],
              docs: dict[Any, tuple[str, str, str]]) -> list[dict[str, Any]]:
    """Each event with its document's publisher, title and URL (looked up by ``doc_keys``) and its marks."""
    for r, key in zip(found, doc_keys, strict=True):
        r["publisher"], r["title"], r["url"] = docs.get(key, (None, None, None))
    return decorate(found)


def rows(cur: duckdb.DuckDBPyConnection, f: EventFilter, sort: str, order: str, limit: int,
         offset: int = 0) -> list[dict[str, Any]]:
    """One page of events found by SQL, each with its publisher, document title and highlight marks."""
    where, params = f.where()
    picked = ", ".join(f"e.{c}" for c in COLUMNS)
    sql = f"SELECT {picked} FROM {_source(f, sort)}{where} ORDER BY {_order(sort, order)} LIMIT ? OFFSET ?"
    found = [dict(zip(COLUMNS, r, strict=True)) for r in cur.execute(sql, [*params, limit, offset]).fetchall()]
    wanted = sorted({r["doc_id"] for r in found if r["doc_id"]})
    docs = {r[0]: (r[1], r[2], r[3]) for r in cur.execute(
        "SELECT doc_id, source, title, url FROM documents WHERE list_contains(?, doc_id)", [wanted]).fetchall()} \
        if wanted else {}
    return _decorate(found, [r["doc_id"] for r in found], docs)


def rows_at(cur: duckdb.DuckDBPyConnection, event_rows: list[int], document_rows: list[int]) -> list[dict[str, Any]]:
    """The events at these row ids, in this order, with their documents (by row id, -1 for none): what the
    in-memory index (``web.eventindex``) picked, read without a scan."""
    if not event_rows:
        return []
    picked = ", ".join(COLUMNS)
    found = {r[0]: dict(zip(COLUMNS, r[1:], strict=True)) for r in cur.execute(
        f"SELECT rowid, {picked} FROM events WHERE rowid = ANY(?)", [event_rows]).fetchall()}
    wanted = sorted({d for d in document_rows if d >= 0})
    docs = {r[0]: (r[1], r[2], r[3]) for r in cur.execute(
        "SELECT rowid, source, title, url FROM documents WHERE rowid = ANY(?)", [wanted]).fetchall()} \
        if wanted else {}
    kept = [(found[rid], drid) for rid, drid in zip(event_rows, document_rows, strict=True) if rid in found]
    return _decorate([r for r, _ in kept], [d for _, d in kept], docs)


def export(cur: duckdb.DuckDBPyConnection, f: EventFilter, sort: str, order: str, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` events in order, in one query (the export cap keeps this bounded)."""
    return rows(cur, f, sort, order, limit)
