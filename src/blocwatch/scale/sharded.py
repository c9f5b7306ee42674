"""Scale-out ingest: read and clean into Parquet shards, code the shards on a runner, load them in order.

Method: a partition → map → ordered-reduce pipeline in the manner of MapReduce (Dean & Ghemawat
2004: independent map tasks, re-executed when they fail or their worker dies), streamed with a
bounded window of shards in flight so that neither the client nor a worker ever holds the corpus:

1. every input is read once into a spool file on disk while each publisher's boilerplate is
   learned, exactly as the in-process ``Ingestor`` does;
2. documents are written as read, in reading order, as Parquet document shards of bounded size
   (``shards.write_doc_shards``), each with the boilerplate learned for its publishers; a shard
   whose content hash the manifest already lists with intact coded files is not coded again, so a
   re-run skips finished work and a changed input is coded afresh;
3. the runner cleans and codes shards (``shards.code_shard`` → ``pipeline.clean_document`` and
   ``pipeline.code_and_sign``, the functions the ``Ingestor`` uses), writing cleaned texts, events,
   signatures and LSH band keys as Parquet;
4. shards are loaded strictly in shard order through ``pipeline.BatchLoader`` — the
   ``Ingestor``'s own batch and duplicate logic: exact duplicates by content hash and near
   duplicates by band keys looked up in the store's ``bands``/``signatures`` tables, never an
   in-memory index — so the store ends up identical (same documents, duplicate links, events
   and ids) to an in-process run with the same batch size.

With ``overlap`` (the default) the three stages run at once: shards are written as the runner asks
for work and loaded as soon as they and all before them are coded. Without it the stages run one
after another, which is what the benchmark times.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from blocwatch import CODER_VERSION
from blocwatch.coding.coder import CodingResult
from blocwatch.ingest.clean import PublisherBoilerplate
from blocwatch.ingest.readers import ColumnMap, ReadProblem, expand_inputs
from blocwatch.lexicon.loader import load_lexicon
from blocwatch.model import Document
from blocwatch.scale.pipeline import (
    BatchLoader,
    Coded,
    IngestCounts,
    spool_inputs,
    unspool,
)
from blocwatch.scale.runners import Runner, ScaleError, make_runner
from blocwatch.scale.shards import (
    SHARD_BYTES,
    SHARD_SIZE,
    CodedDoc,
    Manifest,
    ShardDone,
    ShardTask,
    code_shard,
    read_coded,
    read_items,
    shard_salt,
    warm_worker,
    write_doc_shards,
)
from blocwatch.store import LOAD_BATCH
from blocwatch.store.duckdb_store import DuckDBStore

LARGE_INPUT_BYTES = 64 * 2**20  # inputs at least this large go to the local process pool by default


@dataclass
class ScaleStats:
    """What a sharded run did, for the summary line and the benchmark."""

    shards: int = 0
    skipped: int = 0  # finished on an earlier run (manifest)
    coded_shards: int = 0
    coded_documents: int = 0
    read_seconds: float = 0.0  # reading the inputs into the spool
    partition_seconds: float = 0.0  # staged runs: cleaning and writing the document shards
    coding_seconds: float = 0.0  # staged runs: the runner alone; overlapped: first task out to last result in
    load_seconds: float = 0.0  # staged runs: loading into the store
    total_seconds: float = 0.0
    worker_peak_rss: dict[str, int] = field(default_factory=dict)  # worker (host:pid) → bytes

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


class ShardLoader(BatchLoader):
    """``BatchLoader`` fed from shards: skip reasons and coding results come from the coded files."""

    def __init__(self, store: DuckDBStore, batch_size: int = LOAD_BATCH, near_duplicates: bool = True) -> None:
        super().__init__(store, batch_size, near_duplicates)
        self._verdicts: dict[int, CodedDoc] = {}  # id(document) → verdict, for documents not yet flushed

    def load(self, shards: Iterable[ShardTask], progress: Callable[[IngestCounts], None] | None = None) -> None:
        """Load coded shards, given in shard order, into the store."""
        self._consume(self.items(shards), progress)

    def items(self, shards: Iterable[ShardTask]) -> Iterator[Document | ReadProblem]:
        """The documents and problems of the shards in order, each document with its verdict attached."""
        for task in shards:
            verdicts = read_coded(task)
            for pos, item in read_items(task):
                if isinstance(item, Document):
                    verdict = verdicts[pos]
                    item.text = verdict.text  # cleaned by the worker
                    if verdict.tags:
                        item.meta["tags"] = verdict.tags
                    self._verdicts[id(item)] = verdict
                yield item

    def _flush(self, batch: list[Document], problems: Iterable[ReadProblem]) -> None:
        try:
            self._commit(batch, problems)
        finally:
            for doc in batch:
                self._verdicts.pop(id(doc), None)

    def _skip_reason(self, document: Document) -> str | None:
        return self._verdicts[id(document)].skip_reason

    def _content_hash(self, document: Document) -> str:
        return self._verdicts[id(document)].content_hash  # the worker hashed the text it cleaned

    def _code_all(self, docs: list[Document]) -> list[Coded]:
        out: list[Coded] = []
        for doc in docs:
            verdict = self._verdicts[id(doc)]
            if not verdict.coded:
                raise ScaleError(
                    f"document {doc.doc_id}: its shard has no coding result for it; "
                    "delete the shards directory and run again"
                )
            sig = np.frombuffer(verdict.signature, dtype=np.uint64) if verdict.signature is not None else None
            out.append((CodingResult(doc.doc_id, events=verdict.events), sig))
        return out


@dataclass
class _Plan:
    """What the partitioner has found so far: shards in total and those finished on an earlier run."""

    total: int = 0
    skipped: dict[int, ShardTask] = field(default_factory=dict)


class ShardedIngestor:
    """Ingest through Parquet shards coded on a runner; the store ends up as an ``Ingestor`` run leaves it."""

    def __init__(
        self,
        store: DuckDBStore,
        runner: Runner[Any, Any],
        shards_dir: Path | str,
        batch_size: int = LOAD_BATCH,
        near_duplicates: bool = True,
        shard_size: int = SHARD_SIZE,
        shard_bytes: int = SHARD_BYTES,
        window: int | None = None,
        overlap: bool = True,
        shard_fn: Callable[[ShardTask], ShardDone] = code_shard,
    ) -> None:
        """``window`` caps the shards in flight (default twice the runner's workers); ``shard_fn`` is
        the task (``code_shard``; tests wrap it to inject failures)."""
        self.store = store
        self.runner = runner
        self.shards_dir = Path(shards_dir)
        self.batch_size = batch_size
        self.near_duplicates = near_duplicates
        self.shard_size = shard_size
        self.shard_bytes = shard_bytes
        self.window = window
        self.overlap = overlap
        self.shard_fn = shard_fn
        self.fetch_pages = False
        self.counts = IngestCounts()
        self.stats = ScaleStats()
        self.run_id = ""

    def run(
        self,
        inputs: list[str],
        columns: ColumnMap | None = None,
        default_date: date | None = None,
        progress: Callable[[IngestCounts], None] | None = None,
    ) -> IngestCounts:
        started = time.perf_counter()
        self.stats = ScaleStats()
        self._prepare_dir(inputs)
        with _locked(self.shards_dir):
            self.runner.check_visible(str(self.shards_dir))
            self.runner.warm(warm_worker)
            lexicon_version = load_lexicon().version
            loader = ShardLoader(self.store, self.batch_size, self.near_duplicates)
            self.counts = loader.counts
            self.run_id = loader.run_id = self.store.start_run(
                "ingest " + " ".join(inputs), CODER_VERSION, lexicon_version
            )
            manifest = Manifest(self.shards_dir)
            plan = _Plan()
            with tempfile.TemporaryFile(dir=self.shards_dir, prefix=".spool-") as spool:
                boilerplate = PublisherBoilerplate()
                spool_inputs(inputs, columns, default_date, spool, boilerplate, self.fetch_pages)
                self.stats.read_seconds = time.perf_counter() - started
                salt = shard_salt(self.near_duplicates, lexicon_version)
                shards = write_doc_shards(
                    unspool(spool),
                    self.shards_dir,
                    salt,
                    self.near_duplicates,
                    self.shard_size,
                    self.shard_bytes,
                    boilerplate,
                )
                todo = self._todo(shards, manifest, plan)
                if not self.overlap:
                    mark = time.perf_counter()
                    todo = iter(list(todo))
                    self.stats.partition_seconds = time.perf_counter() - mark
                results = self.runner.map_unordered(self.shard_fn, todo, self.window)
                coded = self._record(results, manifest, lexicon_version)
                if not self.overlap:
                    mark = time.perf_counter()
                    coded = iter(list(coded))
                    self.stats.coding_seconds = time.perf_counter() - mark
                mark = time.perf_counter()
                loader.load(_in_order(coded, plan), progress)
                if not self.overlap:
                    self.stats.load_seconds = time.perf_counter() - mark
            manifest.keep(plan.total, self.shards_dir)
            self.stats.shards = plan.total
        if progress:
            progress(self.counts)
        self.store.finish_run(self.run_id, self.counts.as_dict())
        self.stats.total_seconds = time.perf_counter() - started
        return self.counts

    # ------------------------------------------------------------------ stages
    def _prepare_dir(self, inputs: list[str]) -> None:
        where = self.shards_dir
        if where.exists() and not where.is_dir():
            raise ScaleError(f"--shards {where}: is a file; give a directory for the shards")
        resolved = where.resolve()
        for item in inputs:
            source = Path(item).resolve()
            if source.is_dir() and (resolved == source or source in resolved.parents):
                raise ScaleError(f"--shards {where}: inside the input {item}; put the shards somewhere else")
        try:
            for sub in ("docs", "coded"):
                (where / sub).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ScaleError(
                f"--shards {where}: cannot create it ({exc.strerror}); pick a writable directory"
            ) from None

    def _todo(self, shards: Iterable[ShardTask], manifest: Manifest, plan: _Plan) -> Iterator[ShardTask]:
        """Shards that need coding; those the manifest lists as finished are set aside for loading."""
        for task in shards:
            plan.total = task.index + 1
            if manifest.finished(task) is not None:
                plan.skipped[task.index] = task
                self.stats.skipped += 1
                continue
            yield task

    def _record(
        self, results: Iterable[tuple[ShardTask, ShardDone]], manifest: Manifest, lexicon_version: str
    ) -> Iterator[ShardTask]:
        """Check each coded shard came from the same coder, note it in the manifest, pass it on."""
        first: float | None = None
        for task, done in results:
            first = first if first is not None else time.perf_counter() - done.seconds
            if (done.coder_version, done.lexicon_version) != (CODER_VERSION, lexicon_version):
                raise ScaleError(
                    f"worker {done.worker} codes with coder {done.coder_version} and lexicon "
                    f"{done.lexicon_version}, this client with {CODER_VERSION} and {lexicon_version}; "
                    "install the same blocwatch on every worker"
                )
            manifest.record(done)
            self.stats.coded_shards += 1
            self.stats.coded_documents += done.documents
            peak = self.stats.worker_peak_rss
            peak[done.worker] = max(peak.get(done.worker, 0), done.peak_rss)
            if self.overlap:
                self.stats.coding_seconds = time.perf_counter() - first
            yield task


def _in_order(coded: Iterable[ShardTask], plan: _Plan) -> Iterator[ShardTask]:
    """Shards in shard order: each as soon as it and every shard before it are coded (or were already)."""
    ready: dict[int, ShardTask] = {}
    position = 0

    def release() -> Iterator[ShardTask]:
        nonlocal position
        while True:
            task = ready.pop(position, None) or plan.skipped.pop(position, None)
            if task is None:
                return
            position += 1
            yield task

    for task in coded:
        ready[task.index] = task
        yield from release()
    yield from release()
    if position != plan.total:
        raise ScaleError(f"shard {position:05d} was never coded; run the same command again")


@contextlib.contextmanager
def _locked(shards_dir: Path) -> Iterator[None]:
    """One run per shards directory at a time (an advisory lock; none where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(shards_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ScaleError(
                f"--shards {shards_dir}: another ingest is using it; wait for it or give another directory"
            ) from None
        yield


# ---------------------------------------------------------------------- for the command line
def default_shards_dir(store_location: str) -> Path:
    """Next to a DuckDB store (``blocwatch.duckdb`` → ``blocwatch.shards``); ``./blocwatch-shards``
    for PostgreSQL."""
    if store_location.startswith(("postgresql://", "postgres://")):
        return Path("blocwatch-shards")
    return Path(store_location).with_suffix(".shards")


def auto_engine(inputs: list[str]) -> str | None:
    """The engine when none is asked for: the local process pool for large local inputs, otherwise
    None (the in-process ``Ingestor``)."""
    files = [i for i in inputs if not i.startswith(("http://", "https://"))]
    total = 0
    for path in expand_inputs(files):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
        if total >= LARGE_INPUT_BYTES:
            return "processes"
    return None


def ingest_sharded(
    store: DuckDBStore,
    inputs: list[str],
    engine: str,
    shards_dir: Path,
    workers: int | None = None,
    scheduler: str | None = None,
    batch_size: int = LOAD_BATCH,
    columns: ColumnMap | None = None,
    default_date: date | None = None,
    fetch_pages: bool = False,
    progress: Callable[[IngestCounts], None] | None = None,
) -> tuple[IngestCounts, ScaleStats]:
    """What ``blocwatch ingest --engine ...`` runs: start the runner, ingest through shards, stop it."""
    workers = workers or os.cpu_count() or 1
    with make_runner(engine, workers, scheduler) as runner:
        ingestor = ShardedIngestor(store, runner, shards_dir, batch_size=batch_size)
        ingestor.fetch_pages = fetch_pages
        counts = ingestor.run(inputs, columns, default_date, progress)
        return counts, ingestor.stats
