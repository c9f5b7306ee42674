"""Coder throughput on real KCNA stories, beside a bare spaCy blank-English tokenization.

Text in, events as JSONL out, one process. Prints sentences/s for both runs
side by side, their ratio, and the peak resident memory of the process.

    python benchmarks/throughput_kcna.py [--limit N] [--out events.jsonl]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import resource
import sys
import time
from pathlib import Path

import spacy

from blocwatch.coding.coder import Coder
from blocwatch.coding.segment import blank_english
from blocwatch.ingest.readers import parse_date
from blocwatch.model import Document

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-kcna"
csv.field_size_limit(sys.maxsize)


def stories(limit: int | None) -> list[Document]:
    docs: list[Document] = []
    for year in (2011, 2012):
        path = DATA / f"KCNA_{year}_stories.csv.gz"
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                text = row["story"].replace(", ,", "\n")
                docs.append(Document(row["index.link"], text, parse_date(row["date"]), row["title"]))
                if limit and len(docs) >= limit:
                    return docs
    return docs


def tokenize_seconds(nlp, docs: list[Document]) -> float:
    """Seconds to tokenize every story with ``nlp``'s tokenizer."""
    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(d.text for d in docs):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="code only the first N stories")
    parser.add_argument("--out", default="/dev/null", help="where to write the events (JSONL)")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA}: KCNA data not found; this benchmark needs ../shared/data/news-kcna")
    docs = stories(args.limit)
    chars = sum(len(d.text) for d in docs)

    coder = Coder()
    coder.code(Document("warm", "Japan protested to China."))  # build matchers outside the timing
    started = time.perf_counter()
    sentences = events = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for doc in docs:
            result = coder.code(doc)
            sentences += result.sentences
            for event in result.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                events += 1
    coder_seconds = time.perf_counter() - started

    # spaCy as it comes (its default 10,000-chunk cache), and the coder's own settings on a fresh pipeline (the
    # shared one has already seen this text)
    spacy_seconds = tokenize_seconds(spacy.blank("en"), docs)
    tuned_seconds = tokenize_seconds(blank_english.__wrapped__(), docs)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    coder_rate = sentences / coder_seconds
    spacy_rate = sentences / spacy_seconds
    print(f"stories {len(docs):,}  characters {chars:,}  sentences {sentences:,}  events {events:,}")
    print(f"{'run':<34}{'seconds':>10}{'sentences/s':>14}")
    print(f"{'blocwatch code (text → JSONL)':<34}{coder_seconds:>10.2f}{coder_rate:>14,.0f}")
    print(f"{'spaCy blank-English tokenizer':<34}{spacy_seconds:>10.2f}{spacy_rate:>14,.0f}")
    print(f"{'  same, with the coder cache size':<34}{tuned_seconds:>10.2f}{sentences / tuned_seconds:>14,.0f}")
    print(f"ratio coder/tokenizer: {coder_rate / spacy_rate:.2f}   peak RSS: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
