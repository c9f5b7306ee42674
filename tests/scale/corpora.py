"""Corpora and reference runs shared by the scale-out tests.

``mixed`` is the ingest fixtures (feeds, HTML, forum text, syndicated wire copies, broken files)
plus a synthetic wire in which every tenth story repeats an earlier one word for word and every
seventh comes back later with one sentence changed, so exact and near duplicates fall in other
shards than their originals. ``kcna`` adds 300 real KCNA stories (shared data) with near and
exact copies of some of them at the end. Each comes with the store an in-process ``Ingestor``
run leaves (counts and ``snapshot()``), the reference every engine must reproduce.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

from blocwatch.coding.coder import default_coder
from blocwatch.scale.pipeline import Ingestor
from blocwatch.store.duckdb_store import DuckDBStore
from tests.conftest import shared

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"
BATCH = 64  # documents per store transaction in every run compared here
SHARD = 97  # documents per shard: batches and shards never line up

ACTORS = ["Japan", "South Korea", "China", "Russia", "North Korea", "the United States", "Mongolia", "Taiwan"]
ACTS = [
    "criticized {t} over its missile tests",
    "held talks with {t} in a neutral capital",
    "imposed new sanctions on {t}",
    "signed a trade agreement with {t}",
    "expelled two diplomats from {t}",
    "urged {t} to return to negotiations",
]
csv.field_size_limit(sys.maxsize)


def wire_story(n: int, changed: bool = False) -> str:
    """A wire story of a few sentences; ``changed`` rewrites its last sentence."""
    s = ACTORS[n % len(ACTORS)]
    t = ACTORS[(n // len(ACTORS) + 1 + n) % len(ACTORS)]
    if s == t:
        t = ACTORS[(ACTORS.index(t) + 1) % len(ACTORS)]
    act = ACTS[n % len(ACTS)].format(t=t)
    last = "Traders in Seoul shrugged it off." if changed else "Markets were calm."
    return (
        f"{s} {act} on Monday, officials said in dispatch number {n}. "
        f"The statement followed weeks of talks between the two sides about ports, fishing and the border. "
        f"Analysts in Tokyo and Beijing said the move might not change much before the summer. {last}"
    )


def write_wire(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "wire.jsonl").open("w") as out:
        for i in range(n):
            k = i - i % 10 if i % 10 == 9 else i  # every tenth repeats its decade's first story
            out.write(json.dumps({"id": f"w{i}", "date": "2020-03-02", "text": wire_story(k)}) + "\n")
        for i in range(0, n, 7):  # near copies, far from their originals
            out.write(json.dumps({"id": f"w{i}-v", "date": "2020-03-03", "text": wire_story(i, True)}) + "\n")
    (folder / "broken.jsonl").write_text('{"id": "b1", "text": "Seoul protested."}\n{not json}\n{"id": "b3"}\n')
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)


def kcna_stories(limit: int) -> list[dict[str, str]]:
    """The first ``limit`` stories of KCNA 2011 with text (their index link is per day, so ids get a number)."""
    rows: list[dict[str, str]] = []
    with gzip.open(shared("news-kcna", "KCNA_2011_stories.csv.gz"), "rt", encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            text = row["story"].replace(", ,", "\n").strip()
            if text:
                story_id = f"{row['index.link']}#{n}"
                rows.append({"id": story_id, "date": row["date"], "title": row["title"], "text": text})
            if len(rows) >= limit:
                break
    return rows


def write_kcna(folder: Path, limit: int) -> None:
    """KCNA stories, then near copies (a sentence dropped) of every tenth and exact copies of every 25th."""
    rows = kcna_stories(limit)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "kcna.jsonl").open("w") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
        for n, row in enumerate(rows):
            sentences = row["text"].split(". ")
            if n % 10 == 0 and len(sentences) > 6:
                near = ". ".join(sentences[:2] + sentences[3:])
                out.write(json.dumps({**row, "id": row["id"] + "-near", "text": near}) + "\n")
            if n % 25 == 0:
                out.write(json.dumps({**row, "id": row["id"] + "-copy"}) + "\n")


def reference(corpus: Path, db: Path) -> tuple[dict[str, int], dict]:
    with DuckDBStore(db) as store:
        counts = Ingestor(store, default_coder(), batch_size=BATCH).run([str(corpus)])
        return counts.as_dict(), store.snapshot()
