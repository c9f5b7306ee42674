"""Dyad-month aggregation plus blocs for every month over 10M synthetic events, against a bare DuckDB group-by.

The events are drawn from the empirical (source, target, CAMEO code) frequencies
of the real ICEWS 2018 events in ../shared/data/icews-tkg-tlogic (all actors, so
most events are not among the eight NE Asian states, as in real data), spread
uniformly over 2005-2024 (240 months), 5% in non-asserted modes, mentions 1-10.
Without the shared data a fixed synthetic frequency table is used instead.

Measured side by side in one run:
  baseline  DuckDB alone: GROUP BY month, source state, target state with four
            QuadClass counts (the least work any dyad-month table needs);
  blocwatch open the events, dyad_table (undirected, month), signed_networks,
            then Doreian-Mrvar (best k = 2..3) and SPONGE (same k) for every month.
Both over a Parquet events file and over a blocwatch DuckDB store.

Usage: python benchmarks/analytics_10m.py [--events 10000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from blocwatch.analysis.blocs import best_k, sponge
from blocwatch.analysis.dyads import NEASIA, DyadOptions, dyad_table
from blocwatch.analysis.events import open_events
from blocwatch.analysis.network import signed_networks
from blocwatch.lexicon.cameo import load_cameo
from blocwatch.store.duckdb_store import DuckDBStore

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "icews-tkg-tlogic"


def empirical_triples() -> tuple[list[tuple[str, str, str]], np.ndarray]:
    """(source, target, code) triples and their frequencies."""
    from collections import Counter

    from blocwatch.ingest.importers import read_icews_quads

    files = [SHARED / "icews18_valid.txt", SHARED / "icews18_test.txt"]
    if all(f.exists() for f in files):
        counts: Counter = Counter()
        for f in files:
            t = read_icews_quads(f).table
            counts.update(zip(t.column("source").to_pylist(), t.column("target").to_pylist(),
                              t.column("code").to_pylist(), strict=True))
        triples = [k for k in counts if k[0] and k[1]]
        return triples, np.array([counts[k] for k in triples], float)
    print("shared ICEWS data absent: using a synthetic frequency table", file=sys.stderr)
    rng = np.random.default_rng(1)
    codes = load_cameo().codes()
    actors = [*NEASIA, "GBR", "FRA", "DEU", "IND", "IRN", "ISR", "UKR", "SYR"]
    triples = [(a, b, c) for a in actors for b in actors if a != b for c in codes[::7]]
    return triples, rng.pareto(1.2, len(triples)) + 1


def synthesise(n: int, path: Path) -> None:
    triples, freq = empirical_triples()
    cameo = load_cameo()
    rng = np.random.default_rng(7)
    sources = np.array([t[0] for t in triples], dtype=object)
    targets = np.array([t[1] for t in triples], dtype=object)
    codes = np.array([t[2] for t in triples], dtype=object)
    quads = np.array([cameo.get(t[2]).quad_class for t in triples], dtype=np.int8)
    weights = np.array([cameo.get(t[2]).goldstein for t in triples])
    chunk = 2_000_000
    writer = None
    for start in range(0, n, chunk):
        size = min(chunk, n - start)
        pick = rng.choice(len(triples), size=size, p=freq / freq.sum())
        src, tgt, code, quad, gold = sources[pick], targets[pick], codes[pick], quads[pick], weights[pick]
        days = rng.integers(0, 7305, size)  # 2005-01-01 .. 2024-12-31
        modes = np.where(rng.random(size) < 0.95, "asserted", rng.choice(["negated", "hypothetical", "future"], size))
        table = pa.table({
            "event_id": pa.array(np.arange(start, start + size).astype(str)),
            "date": pa.array(np.datetime64("2005-01-01") + days.astype("timedelta64[D]")).cast(pa.date32()),
            "source": pa.array(src, pa.string()), "target": pa.array(tgt, pa.string()),
            "code": pa.array(code, pa.string()), "quad_class": pa.array(quad), "goldstein": pa.array(gold),
            "mode": pa.array(modes, pa.string()), "num_mentions": pa.array(rng.integers(1, 11, size), pa.int32()),
        })
        writer = writer or pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    writer.close()


def baseline(parquet: Path) -> float:
    start = time.perf_counter()
    con = duckdb.connect()
    con.sql(f"""SELECT date_trunc('month', date) m, substr(source, 1, 3) a, substr(target, 1, 3) b,
                count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
                count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4)
                FROM read_parquet('{parquet}') GROUP BY ALL""").fetchall()
    con.close()
    return time.perf_counter() - start


def blocwatch_run(db: Path | None = None, events: Path | None = None) -> tuple[float, int, int]:
    start = time.perf_counter()
    with open_events(db=db, events_file=events) as source:
        dyads = dyad_table(source, DyadOptions(undirected=True, period="month", min_events=5))
    nets = signed_networks(dyads, NEASIA)
    for net in nets:
        if np.count_nonzero(net.weights) >= 4:
            part = best_k(net.weights, 3)
            sponge(net.weights, part.k)
    return time.perf_counter() - start, dyads.num_rows, len(nets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--keep", type=Path, help="Keep the synthetic files in this directory.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bw-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    parquet, store = work / "events.parquet", work / "events.duckdb"
    if not parquet.exists():
        t = time.perf_counter()
        synthesise(args.events, parquet)
        print(f"synthesised {args.events:,} events in {time.perf_counter() - t:.1f} s")
    if not store.exists():
        with DuckDBStore(store) as s:
            cols = "event_id, date, source, target, code, quad_class, goldstein, mode, num_mentions"
            s.con.execute(f"INSERT INTO events ({cols}, origin) SELECT {cols}, 'synthetic' "
                          f"FROM read_parquet('{parquet}')")
    base = baseline(parquet)
    file_time, rows, months = blocwatch_run(events=parquet)
    store_time, _, _ = blocwatch_run(db=store)
    print(f"events: {args.events:,}; dyad-months: {rows:,}; months with blocs: {months}")
    print(f"baseline DuckDB group-by (Parquet): {base:.2f} s")
    print(f"blocwatch dyads+blocs, Parquet file: {file_time:.2f} s  (ratio {file_time / base:.2f}x baseline)")
    print(f"blocwatch dyads+blocs, DuckDB store: {store_time:.2f} s  (ratio {store_time / base:.2f}x baseline)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
