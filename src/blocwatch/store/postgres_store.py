"""The shared PostgreSQL store: the same schema and interface as the DuckDB store, over psycopg 3.

For teams that share one store. Batches are written in one transaction each;
rows go through ``COPY`` into a temporary table and then ``INSERT ... ON
CONFLICT DO NOTHING``, so writes stay idempotent and fast. Every query takes
its values as parameters.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa

from blocwatch.model import Event
from blocwatch.store.duckdb_store import (
    DuplicateLink,
    QuarantineItem,
    StoredDocument,
    StoreError,
    _now,
    event_row,
)
from blocwatch.store.schema import (
    ALERT_COLUMNS,
    ALERTS_QUERY,
    DOCUMENT_TEXTS,
    EVENT_COLUMNS,
    FINISH_RUN,
    REFRESH_MENTIONS,
    RUN_COUNTS,
    SCHEMA_VERSION,
    TABLES,
    events_query,
)

_TYPES = [
    (r"\bTINYINT\b", "SMALLINT"),
    (r"\bDOUBLE\b", "DOUBLE PRECISION"),
    (r"\bBLOB\b", "BYTEA"),
    (r"(CREATE TABLE IF NOT EXISTS events \(\s*)event_id VARCHAR NOT NULL,", r"\1event_id VARCHAR PRIMARY KEY,"),
]
_KEYS = {
    "documents": "doc_id",
    "duplicates": "doc_id",
    "events": "event_id",
    "quarantine": "item_id",
    "signatures": "doc_id",
    "alerts": "alert_id",
    "alert_events": "alert_id, event_id",
}


def _ddl(sql: str) -> str:
    for pattern, repl in _TYPES:
        sql = re.sub(pattern, repl, sql)
    return sql


class PostgresStore:
    """A blocwatch store in a PostgreSQL database (``dsn`` as psycopg accepts it)."""

    def __init__(self, dsn: str) -> None:
        import psycopg

        self.dsn = dsn
        try:
            self.con = psycopg.connect(dsn, autocommit=False)
        except psycopg.Error as exc:
            raise StoreError(f"{_safe(dsn)}: cannot connect to PostgreSQL ({exc.__class__.__name__})") from exc
        self.migrate()

    # ------------------------------------------------------------------ schema
    def migrate(self) -> None:
        with self.con.transaction(), self.con.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(4242)")  # one migrator at a time
            for ddl in TABLES.values():
                cur.execute(_ddl(ddl))
            cur.execute("CREATE INDEX IF NOT EXISTS bands_band ON bands (band)")
            cur.execute(
                "INSERT INTO meta VALUES ('schema_version', %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                [str(SCHEMA_VERSION)],
            )

    @property
    def schema_version(self) -> int:
        return int(self._scalar("SELECT value FROM meta WHERE key = 'schema_version'"))

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _scalar(self, sql: str, params: list | None = None) -> Any:
        with self.con.cursor() as cur:
            cur.execute(sql, params or [])
            row = cur.fetchone()
        self.con.commit()
        return row[0] if row else None

    def _rows(self, sql: str, params: list | None = None) -> list[tuple]:
        with self.con.cursor() as cur:
            cur.execute(sql, params or [])
            rows = cur.fetchall()
        self.con.commit()
        return rows

    def _dicts(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        with self.con.cursor() as cur:
            cur.execute(sql, params or [])
            names = [d.name for d in cur.description]
            rows = cur.fetchall()
        self.con.commit()
        return [dict(zip(names, r, strict=True)) for r in rows]

    # ------------------------------------------------------------------ runs
    def start_run(self, command: str, coder_version: str = "", lexicon_version: str = "") -> str:
        run_id = uuid.uuid4().hex[:12]
        with self.con.transaction(), self.con.cursor() as cur:
            cur.execute(
                "INSERT INTO runs (run_id, command, started, coder_version, lexicon_version) VALUES (%s,%s,%s,%s,%s)",
                [run_id, command, _now(), coder_version, lexicon_version],
            )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int]) -> None:
        with self.con.transaction(), self.con.cursor() as cur:
            cur.execute(FINISH_RUN.format(p="%s"), [_now(), *(counts.get(k, 0) for k in RUN_COUNTS), run_id])

    # ------------------------------------------------------------------ reads
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        wanted = list(set(hashes))
        if not wanted:
            return {}
        return dict(
            self._rows(
                "SELECT content_hash, doc_id FROM documents WHERE content_hash = ANY(%s) "
                "UNION SELECT content_hash, canonical_id FROM duplicates WHERE content_hash = ANY(%s)",
                [wanted, wanted],
            )
        )

    def known_ids(self, doc_ids: Iterable[str]) -> dict[str, str]:
        wanted = list(set(doc_ids))
        if not wanted:
            return {}
        rows = self._rows(
            "SELECT doc_id, doc_id FROM documents WHERE doc_id = ANY(%s) UNION SELECT doc_id, canonical_id "
            "FROM duplicates WHERE doc_id = ANY(%s)",
            [wanted, wanted],
        )
        return dict(rows)

    def band_index(self, bands: list[str]) -> dict[str, list[tuple[str, bytes]]]:
        if not bands:
            return {}
        rows = self._rows(
            "SELECT b.band, s.doc_id, s.signature FROM bands b JOIN signatures s USING (doc_id) WHERE b.band = ANY(%s)",
            [list(set(bands))],
        )
        out: dict[str, list[tuple[str, bytes]]] = {}
        for band, doc_id, blob in rows:
            out.setdefault(band, []).append((doc_id, bytes(blob)))
        return out

    def events_for(self, doc_ids: Iterable[str]) -> int:
        wanted = list(set(doc_ids))
        if not wanted:
            return 0
        return int(self._scalar("SELECT count(*) FROM events WHERE doc_id = ANY(%s)", [wanted]))

    def counts(self) -> dict[str, int]:
        return {
            t: int(self._scalar(f"SELECT count(*) FROM {t}"))
            for t in ("documents", "duplicates", "events", "quarantine", "runs")
        }

    def quarantine_items(self) -> list[dict[str, Any]]:
        rows = self._rows("SELECT input, reason, excerpt, run_id FROM quarantine ORDER BY input, reason")
        return [dict(zip(("input", "reason", "excerpt", "run_id"), r, strict=True)) for r in rows]

    def snapshot(self) -> dict[str, list[tuple]]:
        cols = [c for c in EVENT_COLUMNS if c != "run_id"]
        queries = {
            "documents": "SELECT doc_id, content_hash, title, source, url, published, text FROM documents",
            "duplicates": "SELECT doc_id, canonical_id, kind FROM duplicates",
            "events": f"SELECT {', '.join(cols)} FROM events",
            "quarantine": "SELECT input, reason FROM quarantine",
        }
        return {name: sorted(self._rows(sql), key=repr) for name, sql in queries.items()}

    # ------------------------------------------------------------------ writes
    def _copy_insert(self, cur, table: str, columns: list[str], rows: Iterable[tuple]) -> None:
        temp = f"tmp_{table}"
        cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS {temp} (LIKE {table}) ON COMMIT DROP")
        cur.execute(f"TRUNCATE {temp}")
        with cur.copy(f"COPY {temp} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        key = _KEYS.get(table)
        conflict = f"ON CONFLICT ({key}) DO NOTHING" if key else ""
        if table == "bands":
            cur.execute(
                "INSERT INTO bands (band, doc_id) SELECT DISTINCT t.band, t.doc_id FROM tmp_bands t "
                "WHERE NOT EXISTS (SELECT 1 FROM bands b WHERE b.band = t.band AND b.doc_id = t.doc_id)"
            )
            return
        cols = ", ".join(columns)
        cur.execute(f"INSERT INTO {table} ({cols}) SELECT DISTINCT ON ({key}) {cols} FROM {temp} {conflict}")

    def write_batch(
        self,
        run_id: str,
        documents: list[StoredDocument],
        duplicates: list[DuplicateLink],
        events: list[tuple[Event, str]],
        quarantine: list[QuarantineItem],
        signatures: dict[str, tuple[bytes, list[str]]] | None = None,
    ) -> None:
        with self.con.transaction(), self.con.cursor() as cur:
            if documents:
                self._copy_insert(
                    cur,
                    "documents",
                    [
                        "doc_id",
                        "content_hash",
                        "title",
                        "source",
                        "url",
                        "published",
                        "author",
                        "tags",
                        "text",
                        "input",
                        "run_id",
                    ],
                    (
                        (
                            d.doc_id,
                            d.content_hash,
                            d.title,
                            d.source,
                            d.url,
                            d.published,
                            d.author,
                            json.dumps(d.tags) if d.tags else None,
                            d.text,
                            d.input,
                            run_id,
                        )
                        for d in documents
                    ),
                )
            if duplicates:
                self._copy_insert(
                    cur,
                    "duplicates",
                    [
                        "doc_id",
                        "canonical_id",
                        "kind",
                        "content_hash",
                        "similarity",
                        "source",
                        "url",
                        "input",
                        "run_id",
                    ],
                    (
                        (
                            d.doc_id,
                            d.canonical_id,
                            d.kind,
                            d.content_hash,
                            d.similarity,
                            d.source,
                            d.url,
                            d.input,
                            run_id,
                        )
                        for d in duplicates
                    ),
                )
            if events:
                rows = [event_row(e, origin, run_id) for e, origin in events]
                self._copy_insert(cur, "events", EVENT_COLUMNS, (tuple(r[c] for c in EVENT_COLUMNS) for r in rows))
            if quarantine:
                self._copy_insert(
                    cur,
                    "quarantine",
                    ["item_id", "input", "reason", "excerpt", "run_id"],
                    ((q.item_id, q.input, q.reason, q.excerpt[:300], run_id) for q in quarantine),
                )
            if signatures:
                self._copy_insert(
                    cur, "signatures", ["doc_id", "signature"], ((i, sig) for i, (sig, _) in signatures.items())
                )
                self._copy_insert(
                    cur,
                    "bands",
                    ["band", "doc_id"],
                    ((band, i) for i, (_, bands) in signatures.items() for band in bands),
                )
            if duplicates:  # mention counts change with the links, in the same transaction
                wanted = list({d.canonical_id for d in duplicates})
                cur.execute(REFRESH_MENTIONS.format(ids="unnest(%s::varchar[]) AS t(d)"), [wanted])

    def write_imported(self, run_id: str, events: pa.Table, quarantine: list[QuarantineItem]) -> int:
        before = int(self._scalar("SELECT count(*) FROM events"))
        cols = list(events.column_names)
        with self.con.transaction(), self.con.cursor() as cur:
            if events.num_rows:
                self._copy_insert(
                    cur,
                    "events",
                    [*cols, "run_id"],
                    ((*(row[c] for c in cols), run_id) for row in events.to_pylist()),
                )
            if quarantine:
                self._copy_insert(
                    cur,
                    "quarantine",
                    ["item_id", "input", "reason", "excerpt", "run_id"],
                    ((q.item_id, q.input, q.reason, q.excerpt, run_id) for q in quarantine),
                )
        return int(self._scalar("SELECT count(*) FROM events")) - before

    def write_alerts(self, run_id: str, alerts: list[dict[str, Any]], links: list[tuple[str, str]]) -> int:
        """Store alerts and the events that drove them in one transaction; returns alerts added."""
        from blocwatch.store.duckdb_store import alert_table

        before = int(self._scalar("SELECT count(*) FROM alerts"))
        rows = alert_table(run_id, alerts).to_pylist() if alerts else []
        with self.con.transaction(), self.con.cursor() as cur:
            if rows:
                self._copy_insert(cur, "alerts", ALERT_COLUMNS, (tuple(r[c] for c in ALERT_COLUMNS) for r in rows))
            if links:
                self._copy_insert(cur, "alert_events", ["alert_id", "event_id"], iter(links))
        return int(self._scalar("SELECT count(*) FROM alerts")) - before

    def document_texts(self, since: date | None = None, until: date | None = None) -> list[tuple[date, str]]:
        """(published, text) of every dated document in the span, oldest first."""
        return [tuple(r) for r in self._rows(DOCUMENT_TEXTS.format(p="%s"), [since, since, until, until])]

    def query_alerts(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored alerts, newest period first, each with the ids of its events."""
        return self._dicts(ALERTS_QUERY + (f" LIMIT {int(limit)}" if limit else ""))

    def query_events(
        self,
        since: date | None = None,
        until: date | None = None,
        actor: str | None = None,
        modes: tuple[str, ...] = (),
        origin: str | None = None,
        limit: int | None = None,
    ) -> pa.Table:
        sql, params = events_query(since, until, actor, modes, origin, limit, "%s")
        return pa.Table.from_pylist(self._dicts(sql, params))


def _safe(dsn: str) -> str:
    """The DSN without its password, for messages."""
    return re.sub(r"(password=)\S+|(:)[^:@/]+(@)", r"\1\2***\3", dsn)
