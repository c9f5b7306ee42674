"""The embedded DuckDB store: one file, one schema, idempotent batch writes.

Every write of a batch (documents, duplicate links, events, quarantine) runs in
one transaction and inserts by primary key with ``INSERT OR IGNORE``, so a
re-run or a crash-and-resume never duplicates or loses a row. Rows are moved
in bulk through Arrow tables (DuckDB's zero-copy Arrow scan).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from blocwatch.model import Event
from blocwatch.store.schema import (
    ALERT_COLUMNS,
    ALERTS_QUERY,
    DOCUMENT_TEXTS,
    EVENT_COLUMNS,
    FINISH_RUN,
    MIGRATIONS,
    REFRESH_MENTIONS,
    RUN_COUNTS,
    SCHEMA_VERSION,
    TABLES,
    events_query,
)

DEFAULT_DB = Path("blocwatch.duckdb")


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message names the file."""


@dataclass(slots=True)
class StoredDocument:
    doc_id: str
    content_hash: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: date | None = None
    author: str = ""
    tags: list[str] = field(default_factory=list)
    input: str = ""


@dataclass(slots=True)
class DuplicateLink:
    doc_id: str
    canonical_id: str
    kind: str
    similarity: float = 1.0
    source: str = ""
    url: str = ""
    input: str = ""
    content_hash: str = ""


@dataclass(slots=True)
class QuarantineItem:
    input: str
    reason: str
    excerpt: str = ""

    @property
    def item_id(self) -> str:
        return f"{self.input}|{self.reason}"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def event_row(event: Event, origin: str, run_id: str) -> dict[str, Any]:
    """Flatten an ``Event`` into the events table's columns."""

    def start(span: tuple[int, int] | None) -> int | None:
        return span[0] if span else None

    def end(span: tuple[int, int] | None) -> int | None:
        return span[1] if span else None

    return {
        "event_id": event.event_id,
        "origin": origin,
        "doc_id": event.doc_id,
        "date": date.fromisoformat(event.date) if event.date else None,
        "source": event.source,
        "target": event.target,
        "code": event.code,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "mode": event.mode,
        "sentence": event.sentence,
        "sentence_index": event.sentence_index,
        "sentence_start": start(event.sentence_span),
        "sentence_end": end(event.sentence_span),
        "trigger": event.trigger,
        "trigger_start": start(event.trigger_span),
        "trigger_end": end(event.trigger_span),
        "source_text": event.source_text,
        "source_start": start(event.source_span),
        "source_end": end(event.source_span),
        "target_text": event.target_text,
        "target_start": start(event.target_span),
        "target_end": end(event.target_span),
        "rule": event.rule,
        "coder_version": event.coder_version,
        "num_mentions": 1,
        "num_sources": 1,
        "run_id": run_id,
    }


_EVENT_TYPES = {
    "date": pa.date32(),
    "quad_class": pa.int8(),
    "goldstein": pa.float64(),
    "sentence_index": pa.int32(),
    "num_mentions": pa.int32(),
    "num_sources": pa.int32(),
}
EVENT_SCHEMA = pa.schema(
    [(c, _EVENT_TYPES.get(c, pa.int32() if c.endswith(("_start", "_end")) else pa.string())) for c in EVENT_COLUMNS]
)


def _quarantine_table(run_id: str, items: list[QuarantineItem]) -> pa.Table:
    return pa.table(
        {
            "item_id": [q.item_id for q in items],
            "input": [q.input for q in items],
            "reason": [q.reason for q in items],
            "excerpt": [q.excerpt[:300] for q in items],
            "run_id": [run_id] * len(items),
        }
    )


def alert_table(run_id: str, alerts: list[dict[str, Any]]) -> pa.Table:
    """Alert rows as an Arrow table in the store's column order."""
    created = _now()
    rows = [{**{c: a.get(c) for c in ALERT_COLUMNS}, "created": created, "run_id": run_id} for a in alerts]
    return pa.Table.from_pylist(rows)


class DuckDBStore:
    """A blocwatch store in one DuckDB file."""

    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise StoreError(f"{self.path}: no such store; create it with `blocwatch ingest ... --db {self.path}`")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
        if not read_only:
            self.migrate()
        else:
            self._check_version()

    # ------------------------------------------------------------------ schema
    def _check_version(self) -> int:
        try:
            rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
            row = rows[0] if rows else None
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path}: not a blocwatch store") from exc
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer blocwatch (schema {version}); upgrade blocwatch")
        return version

    def migrate(self) -> None:
        """Create the schema, or bring an older store up to ``SCHEMA_VERSION``."""
        self.con.execute(TABLES["meta"])
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        version = int(rows[0][0]) if rows else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer blocwatch (schema {version}); upgrade blocwatch")
        self.con.execute("BEGIN TRANSACTION")
        for ddl in TABLES.values():
            self.con.execute(ddl)
        for step in range(max(version, 1), SCHEMA_VERSION):
            for sql in MIGRATIONS.get(step, []):
                self.con.execute(sql)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self.con.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self._check_version()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ runs
    def start_run(self, command: str, coder_version: str = "", lexicon_version: str = "") -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (run_id, command, started, coder_version, lexicon_version) VALUES (?, ?, ?, ?, ?)",
            [run_id, command, _now(), coder_version, lexicon_version],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int]) -> None:
        values = [_now(), *(counts.get(k, 0) for k in RUN_COUNTS), run_id]
        self.con.execute(FINISH_RUN.format(p="?"), values)

    # ------------------------------------------------------------------ reads
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """content hash → canonical doc_id for the hashes already stored (documents or duplicates)."""
        wanted = list(set(hashes))
        if not wanted:
            return {}
        table = pa.table({"h": wanted})
        self.con.register("wanted_hashes", table)
        try:
            rows = self.con.execute(
                "SELECT content_hash, doc_id FROM documents JOIN wanted_hashes ON content_hash = h "
                "UNION SELECT content_hash, canonical_id FROM duplicates JOIN wanted_hashes ON content_hash = h"
            ).fetchall()
        finally:
            self.con.unregister("wanted_hashes")
        return dict(rows)

    def known_ids(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Document ids already stored → themselves (documents) or their canonical id (duplicates)."""
        wanted = list(set(doc_ids))
        if not wanted:
            return {}
        self.con.register("wanted_ids", pa.table({"i": wanted}))
        try:
            rows = self.con.execute(
                "SELECT doc_id, doc_id FROM documents JOIN wanted_ids ON doc_id = i "
                "UNION SELECT doc_id, canonical_id FROM duplicates JOIN wanted_ids ON doc_id = i"
            ).fetchall()
        finally:
            self.con.unregister("wanted_ids")
        return dict(rows)

    def band_index(self, bands: list[str]) -> dict[str, list[tuple[str, bytes]]]:
        """For each LSH band, the stored documents in it with their signatures (one query per batch)."""
        if not bands:
            return {}
        self.con.register("wanted_bands", pa.table({"b": list(set(bands))}))
        try:
            rows = self.con.execute(
                "SELECT band, s.doc_id, s.signature FROM bands JOIN wanted_bands ON band = b "
                "JOIN signatures s USING (doc_id)"
            ).fetchall()
        finally:
            self.con.unregister("wanted_bands")
        out: dict[str, list[tuple[str, bytes]]] = {}
        for band, doc_id, blob in rows:
            out.setdefault(band, []).append((doc_id, blob))
        return out

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "duplicates", "events", "quarantine", "runs"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        return out

    def events_for(self, doc_ids: Iterable[str]) -> int:
        wanted = list(set(doc_ids))
        if not wanted:
            return 0
        self.con.register("wanted_docs", pa.table({"d": wanted}))
        try:
            return self.con.execute("SELECT count(*) FROM events JOIN wanted_docs ON doc_id = d").fetchall()[0][0]
        finally:
            self.con.unregister("wanted_docs")

    def quarantine_items(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT input, reason, excerpt, run_id FROM quarantine ORDER BY input, reason")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def snapshot(self) -> dict[str, list[tuple]]:
        """Every row of the content tables, sorted (run ids excluded): for comparing two stores."""
        out = {}
        queries = {
            "documents": "SELECT doc_id, content_hash, title, source, url, published, text FROM documents",
            "duplicates": "SELECT doc_id, canonical_id, kind FROM duplicates",
            "events": "SELECT * EXCLUDE (run_id) FROM events",
            "quarantine": "SELECT input, reason FROM quarantine",
        }
        for name, sql in queries.items():
            out[name] = sorted(self.con.execute(sql).fetchall(), key=repr)
        return out

    # ------------------------------------------------------------------ writes
    def write_batch(
        self,
        run_id: str,
        documents: list[StoredDocument],
        duplicates: list[DuplicateLink],
        events: list[tuple[Event, str]],
        quarantine: list[QuarantineItem],
        signatures: dict[str, tuple[bytes, list[str]]] | None = None,
    ) -> None:
        """Write one batch in one transaction; rows already present are left as they are, and the
        NumMentions/NumSources of stories that gained duplicate links are recounted."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            if documents:
                self._insert(
                    "documents",
                    pa.table(
                        {
                            "doc_id": [d.doc_id for d in documents],
                            "content_hash": [d.content_hash for d in documents],
                            "title": [d.title for d in documents],
                            "source": [d.source for d in documents],
                            "url": [d.url for d in documents],
                            "published": pa.array([d.published for d in documents], pa.date32()),
                            "author": [d.author for d in documents],
                            "tags": [json.dumps(d.tags) if d.tags else None for d in documents],
                            "text": [d.text for d in documents],
                            "input": [d.input for d in documents],
                            "run_id": [run_id] * len(documents),
                        }
                    ),
                )
            if duplicates:
                self._insert(
                    "duplicates",
                    pa.table(
                        {
                            "doc_id": [d.doc_id for d in duplicates],
                            "canonical_id": [d.canonical_id for d in duplicates],
                            "kind": [d.kind for d in duplicates],
                            "content_hash": [d.content_hash for d in duplicates],
                            "similarity": pa.array([d.similarity for d in duplicates], pa.float64()),
                            "source": [d.source for d in duplicates],
                            "url": [d.url for d in duplicates],
                            "input": [d.input for d in duplicates],
                            "run_id": [run_id] * len(duplicates),
                        }
                    ),
                )
            if events:
                rows = [event_row(e, origin, run_id) for e, origin in events]
                self._insert("events", pa.Table.from_pylist(rows, schema=EVENT_SCHEMA))
            if quarantine:
                self._insert("quarantine", _quarantine_table(run_id, quarantine))
            if signatures:
                ids = list(signatures)
                self._insert(
                    "signatures",
                    pa.table({"doc_id": ids, "signature": pa.array([signatures[i][0] for i in ids], pa.binary())}),
                )
                pairs = [(band, i) for i in ids for band in signatures[i][1]]
                self._insert_bands(pa.table({"band": [b for b, _ in pairs], "doc_id": [i for _, i in pairs]}))
            # mention counts change with the links, in the same transaction (a crash cannot split them)
            self.refresh_mentions(d.canonical_id for d in duplicates)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def refresh_mentions(self, canonical_ids: Iterable[str]) -> None:
        """Recount NumMentions/NumSources of the events of these documents from their duplicate links."""
        wanted = list(set(canonical_ids))
        if not wanted:
            return
        self.con.register("touched", pa.table({"d": wanted}))
        try:
            self.con.execute(REFRESH_MENTIONS.format(ids="touched"))
        finally:
            self.con.unregister("touched")

    def _insert_bands(self, rows: pa.Table) -> None:
        self.con.register("band_rows", rows)
        try:
            self.con.execute(
                "INSERT INTO bands SELECT DISTINCT r.band, r.doc_id FROM band_rows r "
                "ANTI JOIN bands b ON b.band = r.band AND b.doc_id = r.doc_id"
            )
        finally:
            self.con.unregister("band_rows")

    def write_imported(self, run_id: str, events: pa.Table, quarantine: list[QuarantineItem]) -> int:
        """Add imported events (an Arrow table with event columns) in one transaction; returns rows added."""
        before = self.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        events = events.append_column("run_id", pa.array([run_id] * events.num_rows, pa.string()))
        self.con.execute("BEGIN TRANSACTION")
        try:
            if events.num_rows:
                self._insert("events", events)
            if quarantine:
                self._insert("quarantine", _quarantine_table(run_id, quarantine))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return self.con.execute("SELECT count(*) FROM events").fetchall()[0][0] - before

    def _insert(self, table: str, rows: pa.Table) -> None:
        self.con.register("batch_rows", rows)
        try:
            columns = ", ".join(rows.column_names)
            if table == "events":
                # unique by event_id without an index: the first row per id, none already stored
                picked = ", ".join(f"b.{c}" for c in rows.column_names)
                self.con.execute(
                    f"INSERT INTO events ({columns}) SELECT {picked} FROM "
                    f"(SELECT DISTINCT ON (event_id) {columns} FROM batch_rows) b "
                    "ANTI JOIN events e USING (event_id)"
                )
            else:
                self.con.execute(f"INSERT OR IGNORE INTO {table} ({columns}) SELECT {columns} FROM batch_rows")
        finally:
            self.con.unregister("batch_rows")

    def write_alerts(self, run_id: str, alerts: list[dict[str, Any]], links: list[tuple[str, str]]) -> int:
        """Store alerts and the events that drove them in one transaction; returns alerts added."""
        before = self.con.execute("SELECT count(*) FROM alerts").fetchall()[0][0]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if alerts:
                self._insert("alerts", alert_table(run_id, alerts))
            if links:
                self._insert("alert_events", pa.table({"alert_id": [a for a, _ in links],
                                                       "event_id": [e for _, e in links]}))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return self.con.execute("SELECT count(*) FROM alerts").fetchall()[0][0] - before

    def document_texts(self, since: date | None = None, until: date | None = None) -> list[tuple[date, str]]:
        """(published, text) of every dated document in the span, oldest first."""
        sql, params = DOCUMENT_TEXTS.format(p="?"), [since, since, until, until]
        return [tuple(r) for r in self.con.execute(sql, params).fetchall()]

    def query_alerts(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored alerts, newest period first, each with the ids of its events."""
        sql = ALERTS_QUERY + (f" LIMIT {int(limit)}" if limit else "")
        return self.con.sql(sql).to_arrow_table().to_pylist()

    # ------------------------------------------------------------------ export
    def query_events(
        self,
        since: date | None = None,
        until: date | None = None,
        actor: str | None = None,
        modes: tuple[str, ...] = (),
        origin: str | None = None,
        limit: int | None = None,
    ) -> pa.Table:
        """Events as an Arrow table, filtered; every value is passed as a parameter."""
        sql, params = events_query(since, until, actor, modes, origin, limit, "?")
        return self.con.sql(sql, params=params).to_arrow_table()
