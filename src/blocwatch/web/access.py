"""Shared access to one store for many concurrent requests.

DuckDB connections are not thread-safe, and one process may open a database file only once (with one
configuration), so the application holds a single connection to the store — read-only unless writes
are enabled — and every request works on its own cursor. A cursor gets the analytics view ``ev``
(the same normalised view ``analysis.events.open_events`` builds) as a temporary view, so scenario
runs may rewrite it without touching other requests. Writes go through a ``DuckDBStore`` on the same
database instance, one at a time; each write bumps ``version``, the key of every cached result.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from blocwatch.analysis.events import EventSet, normalise_view
from blocwatch.store import is_postgres
from blocwatch.store.duckdb_store import DuckDBStore, StoreError
from blocwatch.web.eventindex import EventIndex, IndexHolder

DISPLAY_MB = 512


class StoreAccess:
    """One DuckDB store opened once; cursors per request; a version that changes with every write."""

    def __init__(self, db: str | Path, writable: bool = False, concurrency: int | None = None,
                 threads_per_query: int = 1, display_mb: float = DISPLAY_MB) -> None:
        """``concurrency``: cursors working at once (default: the number of CPUs); more requests wait their turn,
        so a burst of uncached queries cannot starve the event loop that answers cached pages. Each query runs on
        ``threads_per_query`` DuckDB threads: a server gets its parallelism from concurrent requests. The events
        explorer keeps the events' keys in memory and, up to ``display_mb`` megabytes, the columns it shows
        (``web.eventindex``)."""
        if is_postgres(db):
            raise StoreError("the web dashboard serves DuckDB stores; export a PostgreSQL store to DuckDB first")
        path = Path(db)
        if not path.is_file():
            raise StoreError(f"{path}: no such store; create it with `blocwatch ingest ... --db {path}`")
        self.location = str(path.resolve())
        self.label = path.name
        self.writable = writable
        if writable:
            DuckDBStore(self.location).close()  # create or migrate the schema before serving
        try:
            self.con = duckdb.connect(self.location, read_only=not writable)
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store ({str(exc).splitlines()[0]})") from None
        self.con.execute(f"SET threads = {max(1, int(threads_per_query))}")
        self._write_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(concurrency or os.cpu_count() or 2)
        self._view_sql = self._events_view_sql()
        with self.cursor() as cur:
            self.tables = {r[0] for r in cur.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        self.writes = 0
        self.version: tuple[int, int, int] = (0, 0, 0)
        self.refresh()
        self._index = IndexHolder(self.con.cursor, display_mb)
        self._index.get(self.version)  # start building now, in the background

    def event_index(self, wait: float = 0.0) -> EventIndex | None:
        """The explorer's in-memory index of the current store, or None while it is (re)built."""
        return self._index.get(self.version, wait)

    def _events_view_sql(self) -> str:
        """The DDL of the normalised ``ev`` view over this store's events table, built once."""
        cur = self.con.cursor()
        try:
            try:
                normalise_view(cur, "events", self.label)
            except Exception as exc:
                raise StoreError(f"{self.location}: not a blocwatch store ({exc})") from None
            row = cur.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'ev' AND temporary").fetchone()
            return row[0]
        finally:
            cur.close()

    def refresh(self) -> None:
        """The cache version: writes so far, events and alerts in the store."""
        alerts = "(SELECT count(*) FROM alerts)" if self.has_alerts else "0"
        with self.cursor() as cur:
            events, alert_count = cur.execute(f"SELECT (SELECT count(*) FROM events), {alerts}").fetchone()
        self.version = (self.writes, events, alert_count)

    def changed(self) -> None:
        """Something the pages show was written (the store, a saved scenario): a new version."""
        self.writes += 1
        self.refresh()

    @property
    def has_alerts(self) -> bool:
        """Stores older than schema 2 have no alerts table (read-only, they are served without alerts)."""
        return "alerts" in self.tables and "alert_events" in self.tables

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request (closed afterwards), once one of the slots is free."""
        with self._slots:
            cur = self.con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    @contextmanager
    def events(self) -> Iterator[EventSet]:
        """An ``EventSet`` whose temporary view ``ev`` belongs to this cursor only."""
        with self.cursor() as cur:
            cur.execute(self._view_sql)
            yield EventSet(cur, self.label)

    @contextmanager
    def writer(self) -> Iterator[DuckDBStore]:
        """The store for writing, one writer at a time; the version is refreshed afterwards."""
        if not self.writable:
            raise StoreError("the store is open read-only")
        with self._write_lock:
            store = DuckDBStore(self.location)
            try:
                yield store
            finally:
                store.close()
                self.changed()

    def close(self) -> None:
        self._index.close()
        self.con.close()
