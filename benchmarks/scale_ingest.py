"""Scale-out ingest on real KCNA stories and variants of them: 1 vs 2 worker processes, 50k and 200k documents.

Method: each configuration runs in a fresh process (so its peak memory is its own) as a staged
``ShardedIngestor`` run — read, partition into Parquet shards, code, load — with each stage timed
apart, on a Dask LocalCluster of worker processes with one thread each (``--engine processes``
uses the local process pool instead). The coding stage is the part that runs on the workers; the
read, partition and load stages run in the client. ``--overlap`` times the default pipelined
mode instead (all three stages at once), which is what ``blocwatch ingest --engine`` runs.

Corpus: the KCNA 2011 and 2012 stories that have text (about 20k), each with its own id, then
variant 1 of every story, then variant 2, ... until the size is reached. Variant k of a story
(1) rotates its paragraphs by k places when k is odd and the story has more than one paragraph,
and (2) adds one sentence, "The report was carried in bulletin k.", to paragraph k mod P. So no
variant is an exact copy; most are near duplicates of their story (Jaccard of 5-shingles ≥ 0.8),
which the load stage links through the LSH bands in the store, several shards away from the
original. The coding stage codes every document (a worker cannot know what the store will call a
duplicate). Files of 10,000 documents in JSONL; the 50k corpus is the first five of them.

Reported per run: documents/s of the coding stage and end to end, the speed-up of 2 workers over
1, each worker's peak RSS (VmHWM, read in the worker after each shard) and the client's, and the
workers' own rate (documents per second of task time, from the manifest) with the share of the
coding stage they were busy: on a shared virtual machine the speed of a core drifts between runs,
and these two numbers tell such drift apart from time lost to scheduling.

    python benchmarks/scale_ingest.py [--sizes 50000 200000] [--workers 1 2] [--engine dask]
                                      [--overlap] [--workdir DIR] [--json results.json]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-kcna"
PER_FILE = 10_000
csv.field_size_limit(sys.maxsize)


def kcna_stories() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for year in (2011, 2012):
        with gzip.open(DATA / f"KCNA_{year}_stories.csv.gz", "rt", encoding="utf-8") as handle:
            for n, row in enumerate(csv.DictReader(handle)):
                text = row["story"].replace(", ,", "\n").strip()
                if text:
                    rows.append({"id": f"{row['index.link']}#{year}-{n}", "date": row["date"], "text": text})
    return rows


def variant(text: str, k: int) -> str:
    """Paragraphs rotated by k (odd k, several paragraphs) and one sentence added to paragraph k mod P."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if k % 2 == 1 and len(paragraphs) > 1:
        r = k % len(paragraphs) or 1
        paragraphs = paragraphs[r:] + paragraphs[:r]
    j = k % len(paragraphs)
    paragraphs[j] = paragraphs[j].rstrip() + f" The report was carried in bulletin {k}."
    return "\n".join(paragraphs)


def write_corpus(folder: Path, size: int) -> list[Path]:
    """JSONL files of PER_FILE documents: the stories, then their variants, until ``size``."""
    folder.mkdir(parents=True, exist_ok=True)
    stories = kcna_stories()
    files: list[Path] = []
    written, k = 0, 0
    out = None
    while written < size:
        for story in stories:
            if written >= size:
                break
            if written % PER_FILE == 0:
                if out:
                    out.close()
                files.append(folder / f"kcna-{written // PER_FILE:03d}.jsonl")
                out = files[-1].open("w", encoding="utf-8")
            text = story["text"] if k == 0 else variant(story["text"], k)
            ident = story["id"] if k == 0 else f"{story['id']}~v{k}"
            out.write(json.dumps({"id": ident, "date": story["date"], "text": text}, ensure_ascii=False) + "\n")
            written += 1
        k += 1
    if out:
        out.close()
    return files


def one_run(args: argparse.Namespace) -> None:
    """A single configuration, in its own process; prints one JSON line."""
    from blocwatch.scale.runners import make_runner
    from blocwatch.scale.sharded import ShardedIngestor
    from blocwatch.scale.shards import peak_rss
    from blocwatch.store.duckdb_store import DuckDBStore

    size, workers = args.one
    files = sorted(Path(args.corpus).glob("kcna-*.jsonl"))[: -(-size // PER_FILE)]
    work = Path(args.workdir) / f"run-{size}-{workers}-{'overlap' if args.overlap else 'staged'}"
    work.mkdir(parents=True)
    with make_runner(args.engine, workers, memory_limit="2GiB") as runner, DuckDBStore(work / "s.duckdb") as store:
        ingestor = ShardedIngestor(store, runner, work / "shards", overlap=args.overlap)
        started = time.perf_counter()
        counts = ingestor.run([str(f) for f in files])
        total = time.perf_counter() - started
    stats = ingestor.stats
    finished = json.loads((work / "shards" / "manifest.json").read_text())["shards"].values()
    print(
        json.dumps(
            {
                "documents": size,
                "workers": workers,
                "engine": args.engine,
                "mode": "overlap" if args.overlap else "staged",
                "counts": counts.as_dict(),
                "total_seconds": total,
                "read_seconds": stats.read_seconds,
                "partition_seconds": stats.partition_seconds,
                "coding_seconds": stats.coding_seconds,
                "load_seconds": stats.load_seconds,
                "coded_documents": stats.coded_documents,
                "task_seconds": sum(entry["seconds"] for entry in finished),  # workers busy coding
                "shards": stats.shards,
                "worker_peak_rss": stats.worker_peak_rss,
                "client_peak_rss": peak_rss(),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engine", choices=["dask", "processes"], default="dask")
    parser.add_argument("--overlap", action="store_true", help="time the pipelined mode instead of staged")
    parser.add_argument("--workdir", help="where the corpus, shards and stores go (default: a temporary directory)")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--one", type=int, nargs=2, metavar=("SIZE", "WORKERS"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_run(args)
        return
    if not DATA.exists():
        sys.exit(f"{DATA}: KCNA data not found; this benchmark needs ../shared/data/news-kcna")
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, max(args.sizes))
        results = []
        for size in sorted(args.sizes):
            for workers in args.workers:
                command = [sys.executable, __file__, "--one", str(size), str(workers), "--corpus", str(corpus)]
                command += ["--workdir", tmp, "--engine", args.engine] + (["--overlap"] if args.overlap else [])
                done = subprocess.run(command, capture_output=True, text=True, env={**os.environ})
                if done.returncode != 0:
                    sys.exit(f"run {size}/{workers} failed:\n{done.stderr[-3000:]}")
                results.append(json.loads(done.stdout.strip().splitlines()[-1]))
                report(results[-1])
    summary(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


def report(r: dict) -> None:
    peaks = ", ".join(f"{v / 2**20:,.0f}" for v in sorted(r["worker_peak_rss"].values()))
    print(
        f"{r['documents']:>8,} docs  {r['workers']} worker(s)  {r['mode']:<7}  total {r['total_seconds']:7.1f}s  "
        f"read {r['read_seconds']:5.1f}s  partition {r['partition_seconds']:5.1f}s  "
        f"coding {r['coding_seconds']:6.1f}s  load {r['load_seconds']:5.1f}s  "
        f"worker peak MB [{peaks}]  client peak {r['client_peak_rss'] / 2**20:,.0f} MB  {r['counts']}",
        flush=True,
    )


def summary(results: list[dict]) -> None:
    print(
        f"\n{'documents':>10} {'workers':>8} {'coding docs/s':>14} {'end-to-end docs/s':>18} {'worker peak MB':>15} "
        f"{'docs per task-second':>21} {'busy':>6}"
    )
    by = {(r["documents"], r["workers"]): r for r in results}
    for (size, workers), r in sorted(by.items()):
        coding = r["coded_documents"] / r["coding_seconds"] if r["coding_seconds"] else float("nan")
        peak = max(r["worker_peak_rss"].values(), default=0) / 2**20
        busy = r.get("task_seconds", 0.0)
        per_task = r["coded_documents"] / busy if busy else float("nan")
        share = busy / (workers * r["coding_seconds"]) if r["coding_seconds"] else float("nan")
        print(
            f"{size:>10,} {workers:>8} {coding:>14,.0f} {size / r['total_seconds']:>18,.0f} {peak:>15,.0f} "
            f"{per_task:>21,.0f} {share:>6.0%}"
        )
    for size in sorted({r["documents"] for r in results}):
        one, two = by.get((size, 1)), by.get((size, 2))
        if one and two and one["coding_seconds"] and two["coding_seconds"]:
            print(
                f"{size:,} documents, 2 vs 1 workers: coding speed-up "
                f"{one['coding_seconds'] / two['coding_seconds']:.2f}x, end-to-end "
                f"{one['total_seconds'] / two['total_seconds']:.2f}x"
            )


if __name__ == "__main__":
    main()
