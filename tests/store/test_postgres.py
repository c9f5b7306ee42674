"""The PostgreSQL store against a real server started for the test (Debian's postgresql).

The server runs from a temporary data directory on 127.0.0.1 with trust
authentication and is stopped afterwards. Without PostgreSQL installed the
tests skip, unless BLOCWATCH_REQUIRE_POSTGRES is set (as CI sets it).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from blocwatch.coding.coder import Coder
from blocwatch.scale.pipeline import Ingestor
from blocwatch.store import open_store
from blocwatch.store.duckdb_store import DuckDBStore
from blocwatch.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        if os.environ.get("BLOCWATCH_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here but initdb/pg_ctl were not found")
        pytest.skip("PostgreSQL server binaries not installed")
    # a directory of its own under /tmp: pytest's are private to root, and the server runs as postgres
    base = Path(tempfile.mkdtemp(prefix="blocwatch-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: run it as the postgres user
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
        os.chmod(base, 0o755)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(
        [*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*prefix, pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(base / "log"), "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_postgres_store_matches_duckdb(postgres_url, tmp_path):
    with open_store(postgres_url) as pg:
        assert pg.schema_version == SCHEMA_VERSION
        counts_pg = Ingestor(pg, Coder(), batch_size=3).run([str(FIXTURES)])
        again = Ingestor(pg, Coder(), batch_size=5).run([str(FIXTURES)])
        assert again.as_dict() == counts_pg.as_dict()
        snap_pg = pg.snapshot()
        kor = pg.query_events(actor="KOR", modes=("asserted",))
        assert kor.num_rows > 0
        assert pg.query_events(actor="x' OR '1'='1").num_rows == 0
    with DuckDBStore(tmp_path / "s.duckdb") as duck:
        counts_duck = Ingestor(duck, Coder(), batch_size=4).run([str(FIXTURES)])
        snap_duck = duck.snapshot()
    assert counts_pg.as_dict() == counts_duck.as_dict()
    for table in ("documents", "duplicates", "quarantine"):
        assert [r[:3] for r in snap_pg[table]] == [r[:3] for r in snap_duck[table]], table
    assert len(snap_pg["events"]) == len(snap_duck["events"])
    assert sorted(r[0] for r in snap_pg["events"]) == sorted(r[0] for r in snap_duck["events"])


def test_alerts_and_documents_on_postgres_match_duckdb(postgres_url, tmp_path):
    """Alerts with their event links, and dated document texts, read back the same from both stores."""
    from datetime import date

    results = []
    with open_store(postgres_url) as pg, DuckDBStore(tmp_path / "a.duckdb") as duck:
        for store in (pg, duck):
            Ingestor(store, Coder()).run([str(FIXTURES)])  # idempotent: the same documents either way
            event_ids = sorted(r[0] for r in store.snapshot()["events"])[:3]
            alert = {"alert_id": "alert:test", "kind": "baseline", "subject": "KOR–PRK", "measure": "nc",
                     "period": date(2019, 8, 1), "value": -0.5, "baseline": 0.4, "spread": 0.2, "z": -4.5,
                     "direction": "down", "detail": "test"}
            run_id = store.start_run("analyze alerts")
            added = store.write_alerts(run_id, [alert], [("alert:test", e) for e in event_ids])
            again = store.write_alerts(run_id, [alert], [("alert:test", e) for e in event_ids])
            stored = store.query_alerts()
            texts = store.document_texts(date(2000, 1, 1), None)
            results.append((added, again, [(a["subject"], a["z"], a["event_ids"]) for a in stored], len(texts)))
            assert stored[0]["event_ids"].split() == event_ids
    assert results[0] == results[1]
    assert results[0][:2] == (1, 0) and results[0][3] > 0


def test_bad_postgres_url_is_one_line_error():
    from blocwatch.store.duckdb_store import StoreError

    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        open_store("postgresql://nobody:secret@127.0.0.1:9/none")
