"""Store stage: one schema for documents, duplicates, events, runs and quarantine.

``open_store`` picks the backend from the location: a ``postgresql://`` URL opens
the shared PostgreSQL store, anything else is a DuckDB file.
"""

from __future__ import annotations

from pathlib import Path

BATCH_SIZE = 1000  # documents per write transaction (ingest): large enough that per-batch lookups stay cheap
LOAD_BATCH = 5000  # ... when loading coded shards (scale-out), where the loader is the one serial stage


def is_postgres(location: str | Path) -> bool:
    return str(location).startswith(("postgresql://", "postgres://"))


def open_store(location: str | Path, read_only: bool = False):
    """A ``DuckDBStore`` for a file path, a ``PostgresStore`` for a PostgreSQL URL."""
    if is_postgres(location):
        from blocwatch.store.postgres_store import PostgresStore

        return PostgresStore(str(location))
    from blocwatch.store.duckdb_store import DuckDBStore

    return DuckDBStore(location, read_only=read_only)
