"""An in-memory columnar index of the events table for the explorer: filter, count and page without a scan.

The explorer's common questions (a dyad, an actor, a CAMEO root, a QuadClass, a mode, a date range; newest or
oldest first) are answered from a few compact numpy arrays, one entry per event, ordered by (date, event_id) with
undated events last: the state codes of source and target as small integers, the day number, root, QuadClass and
mode codes, and the row ids of the event and of its document. A date range is a binary search; the other filters
are vectorised comparisons over the range; the count is the number of matches; a page is a slice. This is the
columnar "bitmap index" idea of data warehouses (e.g. O'Neil & Quass 1997, *Improved query performance with
variant indexes*) kept in process memory. The rows of a page are then taken from an Arrow table of the columns
the explorer shows, in the same order, when the store's text fits the memory budget (``display_mb``); otherwise
they are read from DuckDB by row id (a few milliseconds per page, since DuckDB scans a row group to find them).

The index is built from the store in a background thread when the server starts (about 0.5 s per million events)
and again after every write, since row ids are only stable while the store is unchanged; until it is ready, and
for filters or sorts it does not cover (publisher, tag, text search; sorting by other columns), the explorer runs
its SQL. Stores above ``MAX_EVENTS`` events are served by SQL alone, which bounds the memory of the keys (about
22 bytes per event).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from blocwatch.web.explorer import COLUMNS, EventFilter, decorate, rows_at

MAX_EVENTS = 20_000_000
log = logging.getLogger("blocwatch.web")
NO_DAY = np.iinfo(np.int32).max
EPOCH = date(1970, 1, 1)

KEYS_SQL = """
    SELECT e.rowid AS k_rid,
           coalesce(CAST(e.date - DATE '1970-01-01' AS INTEGER), {no_day}) AS k_day,
           coalesce(list_position($states, substr(e.source, 1, 3)), 0) AS k_src,
           coalesce(list_position($states, substr(e.target, 1, 3)), 0) AS k_tgt,
           coalesce(list_position($roots, coalesce(e.root, substr(e.code, 1, 2))), 0) AS k_root,
           coalesce(e.quad_class, 0) AS k_quad,
           coalesce(list_position($modes, e.mode), 0) AS k_mode,
           coalesce(d.rowid, -1) AS k_drid{display}
    FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
    ORDER BY k_day, e.event_id"""
DISPLAY_SQL = ", " + ", ".join(f"e.{c}" for c in COLUMNS) + ", d.source AS publisher, d.title, d.url"
KEY_COLUMNS = ("k_rid", "k_day", "k_src", "k_tgt", "k_root", "k_quad", "k_mode", "k_drid")
# bytes of the shown columns: their text plus a fixed cost per event for numbers, offsets and validity
DISPLAY_BYTES_SQL = """
    SELECT coalesce(sum(strlen(coalesce(e.event_id, '')) + strlen(coalesce(e.doc_id, '')) +
                        strlen(coalesce(e.sentence, '')) + strlen(coalesce(e.trigger, '')) +
                        strlen(coalesce(e.source_text, '')) + strlen(coalesce(e.target_text, '')) +
                        strlen(coalesce(e.source, '')) + strlen(coalesce(e.target, '')) + strlen(e.code) +
                        strlen(e.mode) + strlen(coalesce(d.source, '')) + strlen(coalesce(d.title, '')) +
                        strlen(coalesce(d.url, '')) + 160), 0)
    FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id"""


NOTHING = np.empty(0, dtype=np.int64)


def pair_key(a: Any, b: Any) -> Any:
    """One number for an unordered pair of state codes (element-wise for arrays of codes)."""
    return np.minimum(a, b) * 2**32 + np.maximum(a, b)


def postings(keys: np.ndarray) -> dict[int, np.ndarray]:
    """For each key, the sorted positions (int32) that carry it."""
    order = np.argsort(keys, kind="stable").astype(np.int32)  # stable: positions stay sorted within a key
    ordered = keys[order]
    cuts = np.flatnonzero(np.diff(ordered)) + 1
    return {int(ordered[start]): order[start:end]
            for start, end in zip(np.r_[0, cuts], np.r_[cuts, len(keys)], strict=True) if end > start}


@dataclass(frozen=True)
class EventIndex:
    """Per-event keys in (date, event_id) order; codes are 1-based positions in the lookup lists, 0 = none."""

    states: dict[str, int]
    roots: dict[str, int]
    modes: dict[str, int]
    dated: int  # how many events have a date (they come first)
    day: np.ndarray
    src: np.ndarray
    tgt: np.ndarray
    root: np.ndarray
    quad: np.ndarray
    mode: np.ndarray
    rid: np.ndarray
    drid: np.ndarray
    by_state: dict[int, np.ndarray]  # posting lists: sorted positions of each state's events (either side)
    by_pair: dict[int, np.ndarray]  # ... of each unordered pair of states (``pair_key``)
    by_root: dict[int, np.ndarray]  # ... of each CAMEO root
    display: pa.Table | None = None  # the explorer's columns plus publisher, title, url, in index order


    @staticmethod
    def covers(f: EventFilter, sort: str) -> bool:
        return sort == "date" and not (f.publisher or f.tag or f.q)

    def select(self, f: EventFilter) -> np.ndarray:
        """Positions (in index order) of the events that pass the filter: the date range is a binary search, the
        shortest posting list that applies (dyad, actor, root) gives the candidates, and the other conditions are
        checked on those candidates only."""
        lo, hi = 0, len(self.day)
        if f.since or f.until:
            hi = self.dated
            if f.since:
                lo = int(np.searchsorted(self.day[:hi], np.int32((f.since - EPOCH).days), side="left"))
            if f.until:
                hi = int(np.searchsorted(self.day[:hi], np.int32((f.until - EPOCH).days), side="right"))
        if hi <= lo:
            return NOTHING
        code = {s: self.states.get(s, -1) for s in (f.actor, *(f.dyad or ())) if s}
        lists = {}
        if f.dyad:
            lists["dyad"] = self.by_pair.get(int(pair_key(code[f.dyad[0]], code[f.dyad[1]])), NOTHING)
        if f.actor:
            lists["actor"] = self.by_state.get(code[f.actor], NOTHING)
        if f.root:
            lists["root"] = self.by_root.get(self.roots.get(f.root, -1), NOTHING)
        if lists:
            used = min(lists, key=lambda k: len(lists[k]))
            chosen = lists[used]
            found = chosen[np.searchsorted(chosen, lo):np.searchsorted(chosen, hi)].astype(np.int64)
        else:
            used, found = "", np.arange(lo, hi, dtype=np.int64)
        keep: np.ndarray | None = None

        def narrow(condition: np.ndarray) -> None:
            nonlocal keep
            keep = condition if keep is None else keep & condition

        if f.dyad and used != "dyad":
            src, tgt = self.src[found], self.tgt[found]
            a, b = code[f.dyad[0]], code[f.dyad[1]]
            narrow(((src == a) & (tgt == b)) | ((src == b) & (tgt == a)))
        if f.actor and used != "actor":
            narrow((self.src[found] == code[f.actor]) | (self.tgt[found] == code[f.actor]))
        if f.root and used != "root":
            narrow(self.root[found] == self.roots.get(f.root, -1))
        if f.quad:
            narrow(self.quad[found] == f.quad)
        if f.mode:
            narrow(self.mode[found] == self.modes.get(f.mode, -1))
        return found if keep is None else found[keep]

    def page(self, matches: np.ndarray, order: str, limit: int, offset: int) -> np.ndarray:
        """The positions of one page: ascending is index order; descending is newest first, then the undated."""
        if order != "desc":
            return matches[offset:offset + limit]
        dated = int(np.searchsorted(matches, np.int64(self.dated), side="left"))
        newest_first = np.concatenate([matches[:dated][::-1], matches[dated:][::-1]]) if dated < len(matches) \
            else matches[::-1]
        return newest_first[offset:offset + limit]

    def rows(self, cur: duckdb.DuckDBPyConnection | None, positions: np.ndarray) -> list[dict[str, Any]]:
        """The events at these positions, in this order, ready for the explorer: from memory when the shown columns
        are kept (``cur`` may then be None), otherwise read by row id through ``cur``."""
        if self.display is not None:
            return decorate(self.display.take(positions).to_pylist())
        return rows_at(cur, self.rid[positions].tolist(), self.drid[positions].tolist())


def build_index(cur: duckdb.DuckDBPyConnection, display_mb: float = 0) -> EventIndex | None:
    """The index of the store behind ``cur`` (None when it is too large to keep in memory), with the shown columns
    when they take at most ``display_mb`` megabytes."""
    total = cur.execute("SELECT count(*) FROM events").fetchone()[0]
    if total > MAX_EVENTS:
        return None
    states = [r[0] for r in cur.execute(
        "SELECT DISTINCT c FROM (SELECT substr(source, 1, 3) AS c FROM events UNION "
        "SELECT substr(target, 1, 3) FROM events) WHERE c IS NOT NULL AND c <> '' ORDER BY c").fetchall()]
    roots = [r[0] for r in cur.execute(
        "SELECT DISTINCT coalesce(root, substr(code, 1, 2)) AS r FROM events WHERE r IS NOT NULL ORDER BY r"
    ).fetchall()]
    modes = [r[0] for r in cur.execute("SELECT DISTINCT mode FROM events ORDER BY mode").fetchall()]
    shown = display_mb > 0 and cur.execute(DISPLAY_BYTES_SQL).fetchall()[0][0] <= display_mb * 2**20
    sql = KEYS_SQL.format(no_day=NO_DAY, display=DISPLAY_SQL if shown else "")
    table = cur.sql(sql, params={"states": states or [""], "roots": roots or [""], "modes": modes or [""]}
                    ).to_arrow_table().combine_chunks()
    cols = {name: table.column(name).to_numpy() for name in KEY_COLUMNS}
    display = table.drop_columns(list(KEY_COLUMNS)) if shown else None
    small = np.uint16 if len(states) < 2**16 - 1 else np.int32

    def codes(values: list[str]) -> dict[str, int]:
        return {v: i for i, v in enumerate(values, start=1)}

    day = np.asarray(cols["k_day"], np.int32)
    src, tgt = np.asarray(cols["k_src"], np.int64), np.asarray(cols["k_tgt"], np.int64)
    root = np.asarray(cols["k_root"], np.uint8)
    as_source, as_target = postings(src), postings(tgt)
    by_state = {c: np.union1d(as_source.get(c, NOTHING), as_target.get(c, NOTHING)).astype(np.int32)
                for c in set(as_source) | set(as_target) if c != 0}
    by_pair = postings(pair_key(src, tgt))
    return EventIndex(codes(states), codes(roots), codes(modes), int(np.searchsorted(day, np.int32(NO_DAY))), day,
                      src.astype(small), tgt.astype(small), root, np.asarray(cols["k_quad"], np.int8),
                      np.asarray(cols["k_mode"], np.uint8), np.asarray(cols["k_rid"], np.int64),
                      np.asarray(cols["k_drid"], np.int64), by_state, by_pair, postings(root), display)


class IndexHolder:
    """The index of the current store version, built in a background thread; ``get`` waits only when asked to."""

    def __init__(self, open_cursor: Callable[[], duckdb.DuckDBPyConnection], display_mb: float = 0) -> None:
        self._open_cursor = open_cursor
        self._display_mb = display_mb
        self._lock = threading.Lock()
        self._builds: dict[Hashable, threading.Event] = {}
        self._version: Hashable | None = None
        self._index: EventIndex | None = None
        self._closed = False
        self.failed: str | None = None

    def get(self, version: Hashable, wait: float = 0.0) -> EventIndex | None:
        """The index of ``version`` if it is built (starting the build if not), after waiting up to ``wait`` s."""
        with self._lock:
            if self._version == version or self._closed:
                return self._index if self._version == version else None
            ready = self._builds.get(version)
            if ready is None:
                ready = self._builds[version] = threading.Event()
                threading.Thread(target=self._build, args=(version, ready), daemon=True, name="event-index").start()
        if wait > 0 and ready.wait(wait):
            with self._lock:
                return self._index if self._version == version else None
        return None

    def _build(self, version: Hashable, ready: threading.Event) -> None:
        index = None
        try:
            cur = self._open_cursor()
            try:
                index = build_index(cur, self._display_mb)
            finally:
                cur.close()
        except Exception as exc:  # a failed build must not leave waiters hanging: SQL serves instead
            self.failed = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            log.warning("the events index could not be built (%s); the explorer uses SQL", self.failed)
        with self._lock:
            self._builds.pop(version, None)
            if self._version is None or version >= self._version:  # versions only grow; a late old build loses
                self._version, self._index = version, index
        ready.set()

    def close(self, timeout: float = 120.0) -> None:
        """No new builds; wait for a running one (its cursor must finish before the connection closes)."""
        with self._lock:
            self._closed = True
            running = list(self._builds.values())
        for ready in running:
            ready.wait(timeout)
