"""The DuckDB store: schema version, idempotent batches, filters, bad files."""

from __future__ import annotations

from datetime import date

import pytest

from blocwatch.coding.coder import code_text
from blocwatch.store.duckdb_store import DuckDBStore, DuplicateLink, QuarantineItem, StoredDocument, StoreError
from blocwatch.store.schema import SCHEMA_VERSION


def sample_batch():
    text = "Japan imposed export controls on South Korea on Monday. Seoul protested to Tokyo."
    events = code_text(text, date(2019, 7, 1), doc_id="d1")
    doc = StoredDocument("d1", "h1", text, title="Curbs", published=date(2019, 7, 1), tags=["trade"])
    link = DuplicateLink("d2", "d1", "exact")
    bad = QuarantineItem("feed.jsonl:3", "not valid JSON")
    return doc, link, [(e, "coded") for e in events], bad


def test_schema_version_and_idempotent_batches(tmp_path):
    path = tmp_path / "s.duckdb"
    doc, link, events, bad = sample_batch()
    with DuckDBStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        run = store.start_run("test")
        store.write_batch(run, [doc], [link], events, [bad])
        store.write_batch(run, [doc], [link], events, [bad])  # a re-run writes nothing new
        counts = store.counts()
        assert (counts["documents"], counts["duplicates"], counts["quarantine"]) == (1, 1, 1)
        assert counts["events"] == len(events) == 2
        assert store.known_hashes(["h1", "nope"]) == {"h1": "d1"}
        assert store.known_ids(["d1", "d2", "d3"]) == {"d1": "d1", "d2": "d1"}
    with DuckDBStore(path, read_only=True) as store:  # reopening keeps everything
        table = store.query_events(actor="KOR", modes=("asserted",))
        assert sorted(zip(table.column("source").to_pylist(), table.column("code").to_pylist(), strict=True)) == [
            ("JPN", "163"),
            ("KOR", "114"),
        ]
        assert store.query_events(since=date(2019, 7, 2)).num_rows == 0
        assert store.query_events(actor="'; DROP TABLE events; --").num_rows == 0
        assert store.counts()["events"] == 2


def test_bad_store_files(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        DuckDBStore(tmp_path / "missing.duckdb", read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        DuckDBStore(junk)
