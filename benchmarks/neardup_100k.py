"""Near-duplicate detection over 100k documents (KCNA stories plus edited variants).

Runs blocwatch's detection path on its own — MinHash signatures, LSH bands
looked up and written in the DuckDB store batch by batch — without coding,
and prints time, duplicates found and peak memory, beside the time to just
compute the signatures.

    python benchmarks/neardup_100k.py [--docs 100000]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from blocwatch.ingest.neardup import THRESHOLD, band_keys, signature, similarity
from blocwatch.store.duckdb_store import DuckDBStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput_kcna import DATA, stories


def corpus(n: int) -> list[str]:
    """Real stories, then variants of them: a changed word, a dropped sentence, an added dateline."""
    base = [d.text for d in stories(None)]
    rng = random.Random(5)
    out = list(base[: min(n, len(base))])
    while len(out) < n:
        text = rng.choice(base).split()
        if text:
            i = rng.randrange(len(text))
            text[i] = text[i].upper()
        variant = " ".join(text)
        if rng.random() < 0.5:
            variant = "PYONGYANG, (wire) -- " + variant
        out.append(variant)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA}: KCNA data not found; this benchmark needs ../shared/data/news-kcna")
    texts = corpus(args.docs)
    started = time.perf_counter()
    for t in texts[:5000]:
        signature(t)
    sig_rate = 5000 / (time.perf_counter() - started)
    found = 0
    with tempfile.TemporaryDirectory() as tmp, DuckDBStore(Path(tmp) / "s.duckdb") as store:
        run = store.start_run("bench")
        started = time.perf_counter()
        for lo in range(0, len(texts), 1000):
            batch = texts[lo : lo + 1000]
            sigs = [signature(t) for t in batch]
            bands = [band_keys(s) for s in sigs]
            index = store.band_index([b for bs in bands for b in bs])
            keep: dict[str, tuple[bytes, list[str]]] = {}
            local: dict[str, list[str]] = {}
            for k, (sig, bs) in enumerate(zip(sigs, bands, strict=True)):
                doc_id = f"d{lo + k}"
                cands = {d: blob for b in bs for d, blob in index.get(b, ())}
                cands.update({d: keep[d][0] for b in bs for d in local.get(b, ())})
                if any(similarity(sig, np.frombuffer(blob, dtype=np.uint64)) >= THRESHOLD for blob in cands.values()):
                    found += 1
                    continue
                keep[doc_id] = (sig.tobytes(), bs)
                for b in bs:
                    local.setdefault(b, []).append(doc_id)
            store.write_batch(run, [], [], [], [], keep)
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(texts):,}  near-duplicates found {found:,}")
    print(f"{'run':<44}{'seconds':>10}{'docs/s':>10}")
    print(f"{'near-dup detection (signatures + store LSH)':<44}{elapsed:>10.1f}{len(texts) / elapsed:>10,.0f}")
    print(f"{'signatures alone':<44}{len(texts) / sig_rate:>10.1f}{sig_rate:>10,.0f}")
    print(f"peak RSS: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
