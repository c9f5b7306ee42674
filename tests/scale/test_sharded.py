"""Sharded ingest in this process and in a local process pool: the same store as the in-process
``Ingestor``, failed and killed tasks retried, re-runs that skip finished shards but code changed
ones again, the command-line options, and loading into PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from blocwatch.coding.coder import default_coder
from blocwatch.scale.pipeline import Ingestor
from blocwatch.scale.runners import InProcessRunner, ProcessRunner, ScaleError, make_runner
from blocwatch.scale.sharded import ShardedIngestor
from blocwatch.scale.shards import ShardDone, ShardTask, code_shard
from blocwatch.store import open_store
from blocwatch.store.duckdb_store import DuckDBStore
from tests.scale.corpora import BATCH, SHARD, wire_story
from tests.store.test_postgres import postgres_url  # noqa: F401  (a fixture: a throwaway PostgreSQL server)

FAILING_SHARD = 1


def sharded(store, runner, shards: Path, **options) -> ShardedIngestor:
    return ShardedIngestor(store, runner, shards, batch_size=BATCH, shard_size=SHARD, **options)


def raise_once(task: ShardTask) -> ShardDone:
    """The first attempt at shard FAILING_SHARD raises, as a worker with a transient fault would."""
    marker = Path(task.shards_dir) / f"failed-{task.key}"
    if task.index == FAILING_SHARD and not marker.exists():
        marker.write_text("x")
        raise OSError("transient fault")
    return code_shard(task)


def always_fail(task: ShardTask) -> ShardDone:
    raise ValueError(f"cannot code {task.key}")


def kill_worker_once(task: ShardTask) -> ShardDone:
    marker = Path(task.shards_dir) / f"killed-{task.key}"
    if task.index == FAILING_SHARD and not marker.exists():
        marker.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return code_shard(task)


def test_in_process_engine_gives_the_ingestor_store_and_retries_a_failed_shard(mixed, tmp_path):
    corpus, counts, snapshot = mixed
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        run = sharded(store, InProcessRunner(), tmp_path / "shards", shard_fn=raise_once, overlap=False)
        assert run.run([str(corpus)]).as_dict() == counts
        assert store.snapshot() == snapshot
    assert (tmp_path / "shards" / f"failed-{FAILING_SHARD:05d}").exists()
    assert run.stats.shards == run.stats.coded_shards >= 5
    assert run.stats.coding_seconds > 0 and run.stats.load_seconds > 0  # staged: each stage timed


def test_a_shard_that_keeps_failing_stops_the_run_with_one_line(mixed, tmp_path):
    corpus, _, _ = mixed
    with DuckDBStore(tmp_path / "s.duckdb") as store, pytest.raises(ScaleError) as info:
        sharded(store, InProcessRunner(retries=1), tmp_path / "shards", shard_fn=always_fail).run([str(corpus)])
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("shard 00000 (") and "failed after 2 attempt(s): cannot code 00000" in message


def test_process_pool_survives_a_killed_worker(mixed, tmp_path):
    corpus, counts, snapshot = mixed
    with ProcessRunner(workers=2) as runner, DuckDBStore(tmp_path / "s.duckdb") as store:
        run = sharded(store, runner, tmp_path / "shards", shard_fn=kill_worker_once)
        assert run.run([str(corpus)]).as_dict() == counts
        assert store.snapshot() == snapshot
    killed = (tmp_path / "shards" / f"killed-{FAILING_SHARD:05d}").read_text()
    manifest = json.loads((tmp_path / "shards" / "manifest.json").read_text())["shards"]
    assert len(manifest) == run.stats.coded_shards == run.stats.shards
    assert manifest[f"{FAILING_SHARD:05d}"]["worker"].split(":")[-1] != killed  # coded again in a new process


def square_or_die_on_three(n: int) -> int:
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def test_process_pool_charges_only_the_task_that_kills_its_worker():
    finished: dict[int, int] = {}
    with ProcessRunner(workers=2, retries=2) as runner, pytest.raises(ScaleError) as info:
        for task, result in runner.map_unordered(square_or_die_on_three, range(8)):
            finished[task] = result
    assert str(info.value) == "3 failed after 3 attempt(s): its worker process died"
    # the tasks in flight beside it when its pool died were not charged: none of them is the one named
    assert finished and finished.items() <= {n: n * n for n in range(8) if n != 3}.items()


def test_rerun_skips_finished_shards_and_codes_changed_or_damaged_ones(mixed, tmp_path):
    """After an edit in the middle of the wire file, the shards before it are reused; the store equals
    two in-process runs (before and after the edit) into one store."""
    original, _, _ = mixed
    corpus = tmp_path / "corpus"
    shutil.copytree(original, corpus)
    shards = tmp_path / "shards"
    with DuckDBStore(tmp_path / "sharded.duckdb") as store, DuckDBStore(tmp_path / "ref.duckdb") as ref:
        first = sharded(store, InProcessRunner(), shards)
        first.run([str(corpus)])
        Ingestor(ref, default_coder(), batch_size=BATCH).run([str(corpus)])
        # damage one coded file: its hash no longer matches the manifest, so the shard is coded again
        damaged = shards / "coded" / "events-00001.parquet"
        pq.write_table(pq.read_table(damaged).slice(0, 1), damaged)
        wire = corpus / "wire" / "wire.jsonl"
        lines = wire.read_text().splitlines()
        edited = json.loads(lines[300])
        edited["text"] = wire_story(5, changed=True) + " Officials later denied it."
        lines[300] = json.dumps(edited)
        wire.write_text("\n".join(lines) + "\n")
        second = sharded(store, InProcessRunner(), shards)
        counts = second.run([str(corpus)])
        reference = Ingestor(ref, default_coder(), batch_size=BATCH).run([str(corpus)])
        assert counts.as_dict() == reference.as_dict()
        assert store.snapshot() == ref.snapshot()
    assert second.stats.shards == first.stats.shards
    # the edit keeps every shard boundary: only the damaged shard and the edited one are coded again
    assert second.stats.coded_shards == 2
    assert second.stats.skipped == second.stats.shards - 2 >= 3


def test_runner_options_are_checked():
    with pytest.raises(ScaleError, match="--engine threads: use local, processes or dask"):
        make_runner("threads")
    with pytest.raises(ScaleError, match="only used with --engine dask"):
        make_runner("processes", scheduler="tcp://127.0.0.1:8786")


def blocwatch(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "blocwatch.cli", *args], capture_output=True, text=True, timeout=600)


def test_cli_engine_local_matches_the_default_ingest(mixed, tmp_path):
    corpus, _, _ = mixed
    classic = blocwatch("ingest", str(corpus), "--db", str(tmp_path / "a.duckdb"), "-q")
    assert classic.returncode == 0, classic.stderr
    shards = tmp_path / "shards"
    db = str(tmp_path / "b.duckdb")
    out = blocwatch("ingest", str(corpus), "--db", db, "--engine", "local", "--shards", str(shards))
    assert out.returncode == 0, out.stderr
    assert out.stderr.split("(")[0] == classic.stderr.split("(")[0]  # read · stored · duplicates · ... line
    assert f"(0 coded on an earlier run) in {shards}" in out.stderr
    with DuckDBStore(tmp_path / "a.duckdb", read_only=True) as a, DuckDBStore(db, read_only=True) as b:
        assert a.snapshot() == b.snapshot()
    assert (shards / "manifest.json").is_file()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--engine", "spark"], "error: --engine spark: use local, processes or dask"),
        (["--scheduler", "tcp://10.0.0.1:8786"], "--scheduler tcp://10.0.0.1:8786: only used with --engine dask"),
        (["--engine", "local", "--shards", "{corpus}/shards"], "inside the input"),
    ],
)
def test_cli_scale_options_fail_with_one_line(mixed, tmp_path, options, message):
    corpus, _, _ = mixed
    args = [o.format(corpus=corpus) for o in options]
    out = blocwatch("ingest", str(corpus), "--db", str(tmp_path / "s.duckdb"), *args)
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_sharded_load_into_postgres_equals_the_in_process_run(mixed, postgres_url, tmp_path):  # noqa: F811
    import psycopg

    corpus, counts, _ = mixed
    base = postgres_url.rsplit("/", 1)[0]
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        for name in ("sharded", "inprocess"):
            admin.execute(f"CREATE DATABASE {name}")
    with open_store(f"{base}/inprocess") as pg:
        assert Ingestor(pg, default_coder(), batch_size=BATCH).run([str(corpus)]).as_dict() == counts
        expected = pg.snapshot()
    with open_store(f"{base}/sharded") as pg:
        assert sharded(pg, InProcessRunner(), tmp_path / "shards").run([str(corpus)]).as_dict() == counts
        assert pg.snapshot() == expected
