"""Plain-text ingest + code into DuckDB on KCNA stories, beside coding alone on the same stories.

The ingest runs as ``blocwatch ingest`` would: in-process batches with ``--workers`` coding processes (the
default), or with ``--engine processes`` through Parquet shards coded by a local process pool while the client
reads, partitions and loads at the same time (what ``blocwatch ingest --engine processes`` runs, and the default
for inputs of 64 MB or more).

python benchmarks/ingest_kcna.py [--limit 5000] [--workers 1] [--engine processes]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from blocwatch.coding.coder import Coder
from blocwatch.scale.pipeline import Ingestor
from blocwatch.scale.runners import make_runner
from blocwatch.scale.sharded import ShardedIngestor
from blocwatch.store.duckdb_store import DuckDBStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput_kcna import DATA, stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=1, help="coding processes for the ingest run")
    parser.add_argument("--engine", choices=["processes"], help="ingest through shards on a process pool")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA}: KCNA data not found; this benchmark needs ../shared/data/news-kcna")
    docs = stories(args.limit)
    coder = Coder()
    coder.code(docs[0])
    started = time.perf_counter()
    for doc in docs:
        coder.code(doc)
    code_only = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "kcna.jsonl"
        with source.open("w") as out:
            for d in docs:
                out.write(json.dumps({"id": d.doc_id, "date": d.date.isoformat() if d.date else "", "text": d.text}))
                out.write("\n")
        with DuckDBStore(Path(tmp) / "s.duckdb") as store:
            started = time.perf_counter()
            if args.engine:
                with make_runner(args.engine, args.workers) as runner:
                    counts = ShardedIngestor(store, runner, Path(tmp) / "shards").run([str(source)])
            else:
                counts = Ingestor(store, coder, workers=args.workers).run([str(source)])
            full = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(docs):,}: " + ", ".join(f"{k} {v:,}" for k, v in counts.as_dict().items()))
    print(f"{'run':<44}{'seconds':>10}{'docs/s':>10}")
    label = f"blocwatch ingest, {args.workers} coding process(es)" + (f", --engine {args.engine}" if args.engine
                                                                       else "")
    print(f"{label:<44}{full:>10.2f}{len(docs) / full:>10,.0f}")
    print(f"{'coding alone':<44}{code_only:>10.2f}{len(docs) / code_only:>10,.0f}")
    print(f"ratio ingest/coding: {code_only / full:.2f}   peak RSS: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
