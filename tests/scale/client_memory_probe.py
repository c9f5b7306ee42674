"""Peak RSS of the client of a sharded ingest as the corpus grows (run as a script by test_memory.py).

One process, one local process pool: a warm-up corpus, then SIZES documents each, into fresh
stores with small shards and load batches of 200 documents (the client holds one batch, so the
batch has to be smaller than every corpus for the comparison to be about the corpus). The
high-water mark (VmHWM) after each run is printed as JSON. Every
text comes eight times in a row under different ids (syndicated copies): the client still reads,
cleans, shards, hashes and loads every document's full text, while the workers code only the
first copy, which keeps the probe fast.

The store should live in another process (PostgreSQL): an embedded DuckDB store keeps its own
buffer cache and allocator arenas in the client, which grow with the store, not with anything
the pipeline holds (see benchmarks/scale_ingest.py for those numbers).

    python tests/scale/client_memory_probe.py WORKDIR [POSTGRES_URL_WITHOUT_DATABASE]

With a PostgreSQL server the stores are its databases n200, n2000, n8000 (which must exist).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from blocwatch.scale.runners import ProcessRunner
from blocwatch.scale.sharded import ShardedIngestor
from blocwatch.scale.shards import peak_rss
from blocwatch.store import open_store

SIZES = (200, 2000, 8000)
COPIES = 8
ACTORS = ["Japan", "South Korea", "China", "Russia", "North Korea", "the United States", "Mongolia", "Taiwan"]
PLACES = ["harbour", "railway", "grain market", "border post", "power plant", "fishing fleet", "steel mill"]


def text(n: int) -> str:
    """About 10 kB of English: one coded event and four dozen sentences of distinct background."""
    s, t = ACTORS[n % 8], ACTORS[(n // 8 + 1 + n) % 8]
    t = t if t != s else ACTORS[(ACTORS.index(t) + 1) % 8]
    lead = f"{s} criticized {t} over its missile tests on Monday, officials said in dispatch {n}."
    body = " ".join(
        f"The {PLACES[(n + k) % 7]} of the {PLACES[(n * k + 3) % 7]} district was inspected by the "
        f"committee on day {k} of report {n}, and the officials said that it would be ready by the spring."
        for k in range(48)
    )
    return f"{lead} {body}"


def write_corpus(folder: Path, documents: int) -> int:
    """JSONL files of 500 documents; returns the bytes of text written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for start in range(0, documents, 500):
        with (folder / f"part{start // 500:04d}.jsonl").open("w") as out:
            for i in range(start, min(documents, start + 500)):
                body = text(i // COPIES)
                written += len(body)
                out.write(json.dumps({"id": f"d{i}", "date": "2020-03-02", "text": body}) + "\n")
    return written


def main() -> None:
    work = Path(sys.argv[1])
    report = []
    with ProcessRunner(workers=2) as runner:
        for size in SIZES:
            base = work / f"n{size}"
            text_bytes = write_corpus(base / "in", size)
            location = f"{sys.argv[2]}/n{size}" if len(sys.argv) > 2 else str(base / "s.duckdb")
            with open_store(location) as store:
                ingestor = ShardedIngestor(store, runner, base / "shards", shard_size=100, batch_size=200)
                counts = ingestor.run([str(base / "in")])
            report.append({"documents": size, "text_bytes": text_bytes, "peak_rss": peak_rss(), **counts.as_dict()})
    print(json.dumps(report))


if __name__ == "__main__":
    main()
