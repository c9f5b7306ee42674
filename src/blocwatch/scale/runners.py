"""Runners: where shard tasks run — in this process, in a local process pool, or on a Dask cluster.

Method: task farming with a bounded window and re-execution of failed tasks, the fault-tolerance
model of MapReduce (Dean & Ghemawat 2004): the client hands out independent, idempotent tasks
(one Parquet shard each), keeps at most ``window`` of them in flight, takes results back in
completion order, and runs a task again when it raised or its worker died. Every runner calls
the same picklable task function; only the placement differs:

* ``InProcessRunner`` — in the calling process, one task at a time (``--engine local``);
* ``ProcessRunner`` — a ``concurrent.futures`` process pool on this machine; a worker that dies
  breaks the pool, so the pool is rebuilt and the tasks that were in flight run again, one at a
  time until they pass, so only the task that kills its worker is charged for it
  (``--engine processes``);
* ``DaskRunner`` — ``dask.distributed``: a ``LocalCluster`` of worker processes, or any running
  scheduler (SLURM/PBS via dask-jobqueue, Kubernetes, SSH; see docs/cluster.md). The scheduler
  already reschedules the tasks of a worker that died; a task that still fails is resubmitted
  from here (``--engine dask``).

Results travel back small (a summary per shard); the data itself goes through the shard files.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "processes", "dask")
RETRIES = 2


class ScaleError(RuntimeError):
    """Scale-out ingest cannot go on (bad option, unreachable scheduler, a task that keeps failing);
    the message is one line for the user."""


def _label(task: object) -> str:
    return str(getattr(task, "label", task))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


class Runner(Generic[T, R]):
    """Runs ``fn(task)`` for a stream of tasks; yields ``(task, result)`` as each finishes."""

    name = "runner"

    def __init__(self, retries: int = RETRIES) -> None:
        self.retries = retries

    @property
    def workers(self) -> int:
        return 1

    def map_unordered(
        self, fn: Callable[[T], R], tasks: Iterable[T], window: int | None = None
    ) -> Iterator[tuple[T, R]]:
        raise NotImplementedError

    def check_visible(self, path: str) -> None:
        """Fail early when ``path`` (the shards directory) cannot be seen where tasks run."""

    def warm(self, fn: Callable[[], object]) -> None:
        """Start ``fn`` (e.g. building the coder) on every worker now, without waiting for it, so that it
        runs while the client is still reading; in-process it is left to the first task."""

    def close(self) -> None:
        """Release the workers (a pool, a cluster, a scheduler connection)."""

    def __enter__(self) -> Runner[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _failed(self, task: T, attempts: int, exc: BaseException) -> ScaleError:
        return ScaleError(f"{_label(task)} failed after {attempts} attempt(s): {_one_line(exc)}")


class InProcessRunner(Runner[T, R]):
    """Tasks one after another in this process (no parallelism; the reference engine)."""

    name = "local"

    def map_unordered(
        self, fn: Callable[[T], R], tasks: Iterable[T], window: int | None = None
    ) -> Iterator[tuple[T, R]]:
        for task in tasks:
            for attempt in range(1, self.retries + 2):
                try:
                    result = fn(task)
                except Exception as exc:
                    if attempt > self.retries:
                        raise self._failed(task, attempt, exc) from exc
                    continue
                yield task, result
                break


def _nothing() -> None:
    """A task that only makes the pool start a worker process."""


def _pool_context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: workers do not inherit the client's threads (DuckDB's)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class ProcessRunner(Runner[T, R]):
    """A local process pool (all cores by default)."""

    name = "processes"

    def __init__(self, workers: int | None = None, retries: int = RETRIES) -> None:
        super().__init__(retries)
        self._workers = max(1, workers or os.cpu_count() or 1)
        self._context = _pool_context()
        self._pool: ProcessPoolExecutor | None = None
        self._initializer: Callable[[], object] | None = None

    @property
    def workers(self) -> int:
        return self._workers

    def _fresh_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self._workers, mp_context=self._context, initializer=self._initializer)
        return self._pool

    def warm(self, fn: Callable[[], object]) -> None:
        """Every worker process (also those of a pool rebuilt after a crash) runs ``fn`` when it starts;
        the processes are started now."""
        self._initializer = fn
        self._discard_pool()
        pool = self._fresh_pool()
        for _ in range(self._workers):
            pool.submit(_nothing)

    def map_unordered(
        self, fn: Callable[[T], R], tasks: Iterable[T], window: int | None = None
    ) -> Iterator[tuple[T, R]]:
        window = max(1, window or 2 * self._workers)
        source = iter(tasks)
        again: deque[tuple[T, int]] = deque()  # (task, attempts charged) to run again, one at a time
        running: dict[Future[R], tuple[T, int]] = {}
        isolating = exhausted = False
        breaks = 0  # pools lost since a task last finished
        try:
            while True:
                while len(running) < (1 if again or isolating else window):
                    if again:
                        task, attempts = again.popleft()
                        isolating = True
                    elif exhausted:
                        break
                    else:
                        try:
                            task, attempts = next(source), 0
                        except StopIteration:
                            exhausted = True
                            break
                    try:
                        running[self._fresh_pool().submit(fn, task)] = (task, attempts)
                    except BrokenProcessPool:  # the pool died since the last wait: not this task's fault
                        again.appendleft((task, attempts))
                        break
                if not running:
                    if not again:
                        return
                    breaks = self._lost_pool(breaks)
                    continue
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                crashed: list[tuple[T, int]] = []
                for future in done:
                    task, attempts = running.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        crashed.append((task, attempts))
                        continue
                    except Exception as exc:
                        if attempts + 1 > self.retries:
                            raise self._failed(task, attempts + 1, exc) from exc
                        again.append((task, attempts + 1))
                        continue
                    breaks = 0
                    yield task, result
                if crashed:
                    # a worker died and took the pool down: every task in flight failed with it
                    crashed.extend(running.values())
                    running.clear()
                    breaks = self._lost_pool(breaks)
                    if len(crashed) == 1:  # it ran alone, so it is the one that kills its worker
                        task, attempts = crashed[0]
                        if attempts + 1 > self.retries:
                            raise self._failed(task, attempts + 1, BrokenProcessPool("its worker process died"))
                        crashed = [(task, attempts + 1)]
                    again.extendleft(reversed(crashed))
                if not running:
                    isolating = False
        finally:
            for future in running:
                future.cancel()

    def _lost_pool(self, breaks: int) -> int:
        """Drop a broken pool; stop when pools keep dying with no task finishing in between."""
        self._discard_pool()
        if breaks + 1 > self.retries + 2:
            raise ScaleError(
                f"the worker processes keep dying ({breaks + 1} pools lost in a row); "
                "check memory limits and that blocwatch imports in a fresh Python"
            )
        return breaks + 1

    def _discard_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskRunner(Runner[T, R]):
    """Tasks on a Dask cluster: a scheduler at ``scheduler`` or a LocalCluster started here."""

    name = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        retries: int = RETRIES,
        memory_limit: str | float | None = "auto",
        connect_timeout: float = 10.0,
    ) -> None:
        super().__init__(retries)
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ScaleError(
                "--engine dask needs dask.distributed; install it with `pip install 'blocwatch[scale]'`"
            ) from exc
        self.cluster: Any = None
        self._warming: list[Any] = []
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=connect_timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ScaleError(
                    f"--scheduler {scheduler}: cannot connect to a Dask scheduler ({_one_line(exc)}); "
                    "check the address, or start one with `dask scheduler`"
                ) from None
        else:
            self.cluster = LocalCluster(
                n_workers=max(1, workers or os.cpu_count() or 1),
                threads_per_worker=1,
                processes=True,
                memory_limit=memory_limit,
                dashboard_address=None,
                silence_logs=logging.CRITICAL,
            )
            self.client = Client(self.cluster)

    @property
    def workers(self) -> int:
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def check_visible(self, path: str) -> None:
        seen = self.client.run(os.path.isdir, path, on_error="return")
        missing = [worker for worker, ok in seen.items() if ok is not True]
        if missing:
            raise ScaleError(
                f"--shards {path}: not visible on Dask worker {missing[0]}; use a directory on a file system "
                "every worker mounts (see docs/cluster.md)"
            )

    def warm(self, fn: Callable[[], object]) -> None:
        """One ``fn`` task pinned to each worker (shard tasks queue behind it on a one-thread worker)."""
        self._warming = [
            self.client.submit(fn, key=f"warm-{uuid.uuid4().hex[:10]}", workers=[address], pure=False)
            for address in self.client.scheduler_info().get("workers", {})
        ]

    def map_unordered(
        self, fn: Callable[[T], R], tasks: Iterable[T], window: int | None = None
    ) -> Iterator[tuple[T, R]]:
        from distributed import as_completed

        source = iter(tasks)
        meta: dict[str, tuple[T, int]] = {}
        pending = as_completed()
        exhausted = False

        def submit(task: T, attempts: int) -> None:
            key = f"{getattr(fn, '__name__', 'task')}-{getattr(task, 'key', 'x')}-{uuid.uuid4().hex[:10]}"
            future = self.client.submit(fn, task, key=key, pure=False)
            meta[future.key] = (task, attempts)
            pending.add(future)

        def refill() -> None:
            nonlocal exhausted
            limit = max(1, window or 2 * self.workers)  # re-read: a jobqueue cluster grows as jobs start
            while not exhausted and len(meta) < limit:
                try:
                    submit(next(source), 0)
                except StopIteration:
                    exhausted = True

        refill()
        try:
            for future in pending:
                task, attempts = meta.pop(future.key)
                try:
                    result = future.result()
                except Exception as exc:  # the task raised, or its worker died too often (KilledWorker)
                    if attempts + 1 > self.retries:
                        raise self._failed(task, attempts + 1, exc) from exc
                    submit(task, attempts + 1)
                    continue
                finally:
                    future.release()
                refill()
                yield task, result
        finally:
            if meta:
                pending.clear()

    def close(self) -> None:
        self._warming.clear()
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(
    engine: str,
    workers: int | None = None,
    scheduler: str | None = None,
    retries: int = RETRIES,
    memory_limit: str | float | None = "auto",
) -> Runner[Any, Any]:
    """The runner for an engine name (``local``, ``processes`` or ``dask``)."""
    if engine not in ENGINES:
        raise ScaleError(f"--engine {engine}: use local, processes or dask")
    if scheduler and engine != "dask":
        raise ScaleError(f"--scheduler {scheduler}: only used with --engine dask")
    if engine == "local":
        return InProcessRunner(retries)
    if engine == "processes":
        return ProcessRunner(workers, retries)
    return DaskRunner(scheduler, workers, retries, memory_limit)
