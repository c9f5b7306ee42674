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
    return f"{SORTS[sort]} {'DESC' if order == 'desc' else 'ASC'} NULLS LAST, e.event_id"


def count(cur: duckdb.DuckDBPyConnection, f: EventFilter) -> int:
    where, params = f.where()
    return cur.execute(f"SELECT count(*) FROM {_source(f, '')}{where}", params).fetchone()[0]


def _documents(cur: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, tuple[str, str, str]]:
    wanted = sorted({d for d in doc_ids if d})
    if not wanted:
        return {}
    rows = cur.execute("SELECT doc_id, source, title, url FROM documents WHERE list_contains(?, doc_id)",
                       [wanted]).fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def rows(cur: duckdb.DuckDBPyConnection, f: EventFilter, sort: str, order: str, limit: int,
         offset: int = 0) -> list[dict[str, Any]]:
    """One page of events, each with its publisher, document title and highlight marks."""
    where, params = f.where()
    picked = ", ".join(f"e.{c}" for c in COLUMNS)
    sql = f"SELECT {picked} FROM {_source(f, sort)}{where} ORDER BY {_order(sort, order)} LIMIT ? OFFSET ?"
    found = [dict(zip(COLUMNS, r, strict=True)) for r in cur.execute(sql, [*params, limit, offset]).fetchall()]
    docs = _documents(cur, [r["doc_id"] for r in found])
    for r in found:
        publisher, title, url = docs.get(r["doc_id"], (None, None, None))
        r.update(publisher=publisher or None, title=title or None, url=url or None,
                 marks=[list(m) for m in sentence_marks(r)])
    return found


def export(cur: duckdb.DuckDBPyConnection, f: EventFilter, sort: str, order: str, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` events in order, in one query (the export cap keeps this bounded)."""
    return rows(cur, f, sort, order, limit)
