"""Ingest on a Dask LocalCluster (two worker processes, one thread each) gives the in-process store,
also when a worker is killed in the middle of a shard, and a re-run skips every finished shard."""

from __future__ import annotations

import json
import logging
import os
import signal
from pathlib import Path

import pytest

from blocwatch.scale.runners import DaskRunner, ScaleError
from blocwatch.scale.sharded import ShardedIngestor
from blocwatch.scale.shards import ShardDone, ShardTask, code_shard
from blocwatch.store.duckdb_store import DuckDBStore
from tests.scale.corpora import BATCH, SHARD

distributed = pytest.importorskip("distributed")

KILLED_SHARD = 2


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        memory_limit="1GiB",
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as local:
        yield local


def kill_own_worker_once(task: ShardTask) -> ShardDone:
    """Code a shard, except that the first attempt at shard KILLED_SHARD SIGKILLs its own worker process."""
    marker = Path(task.shards_dir) / f"killed-{task.key}.pid"
    if task.index == KILLED_SHARD and not marker.exists():
        marker.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return code_shard(task)


def sharded_run(cluster, store: DuckDBStore, corpus: Path, shards: Path, **options) -> ShardedIngestor:
    with DaskRunner(scheduler=cluster.scheduler_address) as runner:
        ingestor = ShardedIngestor(store, runner, shards, batch_size=BATCH, shard_size=SHARD, **options)
        ingestor.run([str(corpus)])
    return ingestor


def test_two_dask_workers_give_the_in_process_store_and_a_rerun_skips_every_shard(kcna, cluster, tmp_path):
    corpus, counts, snapshot = kcna
    with DuckDBStore(tmp_path / "dask.duckdb") as store:
        first = sharded_run(cluster, store, corpus, tmp_path / "shards")
        assert first.counts.as_dict() == counts
        assert store.snapshot() == snapshot  # same documents, duplicate links, events, ids
        assert first.stats.shards >= 6 and first.stats.coded_shards == first.stats.shards
        assert len(first.stats.worker_peak_rss) == 2  # both workers coded shards
        assert snapshot["duplicates"] and any(kind == "near" for _, _, kind in snapshot["duplicates"])
        again = sharded_run(cluster, store, corpus, tmp_path / "shards")
        assert again.stats.skipped == again.stats.shards == first.stats.shards
        assert again.stats.coded_shards == 0
        assert again.counts.as_dict() == counts
        assert store.snapshot() == snapshot


def test_a_worker_killed_mid_shard_is_retried_and_the_store_is_the_same(kcna, cluster, tmp_path):
    corpus, counts, snapshot = kcna
    shards = tmp_path / "shards"
    with DuckDBStore(tmp_path / "killed.duckdb") as store:
        run = sharded_run(cluster, store, corpus, shards, shard_fn=kill_own_worker_once)
        assert run.counts.as_dict() == counts
        assert store.snapshot() == snapshot
    killed_pid = (shards / f"killed-{KILLED_SHARD:05d}.pid").read_text()
    manifest = json.loads((shards / "manifest.json").read_text())["shards"]
    assert len(manifest) == run.stats.shards == run.stats.coded_shards
    retried_on = manifest[f"{KILLED_SHARD:05d}"]["worker"]
    assert retried_on.split(":")[-1] != killed_pid  # coded again by a live worker


def test_shards_must_be_visible_to_the_workers(cluster):
    with DaskRunner(scheduler=cluster.scheduler_address) as runner:
        assert runner.workers == 2
        with pytest.raises(ScaleError, match="not visible on Dask worker"):
            runner.check_visible("/nonexistent/blocwatch-shards")
