"""Ingest + code in one pass: counts add up, duplicates link, bad input is quarantined,
and a SIGKILLed run resumed with the same command gives the same store as an uninterrupted one."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from blocwatch.coding.coder import Coder
from blocwatch.scale.pipeline import Ingestor
from blocwatch.store.duckdb_store import DuckDBStore

ACTORS = ["Japan", "South Korea", "China", "Russia", "North Korea", "the United States", "Mongolia", "Taiwan"]
ACTS = [
    "criticized {t} over its missile tests",
    "held talks with {t} in a neutral capital",
    "imposed new sanctions on {t}",
    "signed a trade agreement with {t}",
    "expelled two diplomats from {t}",
    "urged {t} to return to negotiations",
]


def story(n: int) -> str:
    """A short wire story; every tenth one repeats an earlier story word for word."""
    k = n - n % 10 if n % 10 == 9 else n
    s = ACTORS[k % len(ACTORS)]
    t = ACTORS[(k // len(ACTORS) + 1 + k) % len(ACTORS)]
    if s == t:
        t = ACTORS[(ACTORS.index(t) + 1) % len(ACTORS)]
    act = ACTS[k % len(ACTS)].format(t=t)
    return (
        f"{s} {act} on Monday, officials said in dispatch number {k}. "
        f"Analysts said the move might not change much. Markets were calm."
    )


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "wire.jsonl").open("w") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"w{i}", "date": "2020-03-02", "text": story(i)}) + "\n")
    (folder / "broken.jsonl").write_text('{"id": "b1", "text": "Seoul protested."}\n{not json}\n{"id": "b3"}\n')
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)


def test_counts_add_up_and_rerun_changes_nothing(tmp_path):
    write_corpus(tmp_path / "in", 60)
    db = tmp_path / "s.duckdb"
    with DuckDBStore(db) as store:
        first = Ingestor(store, Coder(), batch_size=16).run([str(tmp_path / "in")])
        assert first.balanced
        assert first.read == 60 + 3 + 1
        assert first.duplicates == 6  # stories 9, 19, ... repeat their decade's first
        assert first.quarantined == 3  # two bad JSONL rows and the binary file
        assert first.events > 40
        snapshot = store.snapshot()
        second = Ingestor(store, Coder(), batch_size=7).run([str(tmp_path / "in")])
        assert second.as_dict() == first.as_dict()
        assert store.snapshot() == snapshot
        reasons = {q["reason"] for q in store.quarantine_items()}
        assert {
            "not valid JSON (Expecting property name enclosed in double quotes)",
            "no 'text' text field",
            "binary file, not text; skipped",
        } == reasons


def run_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "blocwatch.cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_sigkill_then_resume_gives_the_same_store(tmp_path):
    corpus = tmp_path / "in"
    write_corpus(corpus, 6000)
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    proc = run_cli("ingest", str(corpus), "--db", str(killed), "--batch-size", "50", "-q")
    deadline = time.time() + 60
    # wait until the run has committed some batches (the WAL or file grows), then kill it hard
    while time.time() < deadline and proc.poll() is None:
        size = sum(p.stat().st_size for p in tmp_path.glob("killed.duckdb*"))
        if size > 400_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be interrupted; use a larger corpus"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with DuckDBStore(killed) as store:
        partial = store.counts()["documents"]
    assert 0 < partial < 5401
    summaries = []
    for db in (killed, clean):
        done = run_cli("ingest", str(corpus), "--db", str(db), "-q")
        _, err = done.communicate(timeout=600)
        assert done.returncode == 0, err
        summaries.append(err.split("(")[0])
    assert summaries[0] == summaries[1]
    assert summaries[0].startswith("read 6004 · ") and "quarantined 3" in summaries[0]
    with DuckDBStore(killed, read_only=True) as a, DuckDBStore(clean, read_only=True) as b:
        assert a.snapshot() == b.snapshot()


def test_worker_processes_give_the_same_store(tmp_path):
    write_corpus(tmp_path / "in", 300)
    snapshots = []
    for workers in (1, 2):
        with DuckDBStore(tmp_path / f"w{workers}.duckdb") as store:
            counts = Ingestor(store, Coder(), batch_size=64, workers=workers).run([str(tmp_path / "in")])
            assert counts.balanced
            snapshots.append((counts.as_dict(), store.snapshot()))
    assert snapshots[0] == snapshots[1]


def test_batch_boundaries_do_not_change_the_store(tmp_path):
    """Duplicate decisions depend only on document order, never on where batches end."""
    write_corpus(tmp_path / "in", 400)
    snapshots = []
    for size in (7, 64, 400):
        with DuckDBStore(tmp_path / f"b{size}.duckdb") as store:
            Ingestor(store, Coder(), batch_size=size).run([str(tmp_path / "in")])
            snapshots.append(store.snapshot())
    assert snapshots[0] == snapshots[1] == snapshots[2]
