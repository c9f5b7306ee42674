"""The client of a sharded ingest streams: its peak RSS does not grow with the corpus.

The probe (client_memory_probe.py) ingests 2,000 and then 8,000 documents in one process with
a local process pool and shards of 100 documents, loading into PostgreSQL so that the store's
own memory is in another process. Holding the documents (or their events) in the client would
add at least the extra text, about 45 MB, to the high-water mark. What the allocators keep
(malloc arenas, Arrow's memory pool) moves the mark by a few MB from run to run whatever the
corpus size, so the bound is a quarter of the added text: far below holding it, well above noise.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import psycopg

from tests.store.test_postgres import postgres_url  # noqa: F401  (a fixture: a throwaway PostgreSQL server)

PROBE = Path(__file__).with_name("client_memory_probe.py")
MB = 2**20


def test_client_peak_rss_is_flat_from_2k_to_8k_documents(postgres_url, tmp_path):  # noqa: F811
    server = postgres_url.rsplit("/", 1)[0]
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        for size in (200, 2000, 8000):
            admin.execute(f"CREATE DATABASE n{size}")
    done = subprocess.run(
        [sys.executable, str(PROBE), str(tmp_path), server], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    runs = {r["documents"]: r for r in json.loads(done.stdout)}
    for size, run in runs.items():
        assert run["read"] == size and run["stored"] + run["duplicates"] == size
    small, large = runs[2000], runs[8000]
    added_text = large["text_bytes"] - small["text_bytes"]
    growth = large["peak_rss"] - small["peak_rss"]
    assert added_text > 40 * MB
    assert growth < added_text / 4, f"client peak RSS grew {growth / MB:.1f} MB for {added_text / MB:.1f} MB more text"
