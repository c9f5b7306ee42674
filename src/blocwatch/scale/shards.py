"""Parquet shards for scale-out ingest, the task that codes one shard, and the manifest of finished shards.

Method: the corpus is cut into bounded partitions that are coded independently and whose outputs
are content-addressed, so work is skipped by hash, not by timestamp (the rule of content-hashing
build systems such as Bazel or Nix: an output is reused only while the hash of its inputs is the
one it was built from). Three kinds of file live under the shards directory:

* ``docs/docs-NNNNN.parquet`` — documents as read, and the read problems met between them, in
  reading order (at most ``shard_size`` documents or ``shard_bytes`` of text), with the boilerplate
  lines learned for the shard's publishers over the whole run in the file's metadata;
* ``coded/coded-NNNNN.parquet`` — per document: its cleaned text and tags, why it cannot be coded
  (or null), its MinHash signature and LSH band keys; ``coded/events-NNNNN.parquet`` — its events,
  one row each;
* ``manifest.json`` — per shard the hash of its documents (with the coder and lexicon versions and
  the near-duplicate switch mixed in) and the hashes of the files coded from them.

``code_shard`` is the only task a worker runs. It is pure apart from writing its two output files
(atomically, so a worker killed half way leaves nothing that looks finished); it cleans each
document with ``clean_document`` and codes it with ``code_and_sign``, the functions the in-process
``Ingestor`` uses, with one cached coder per process.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from blocwatch import CODER_VERSION
from blocwatch.coding.coder import default_coder
from blocwatch.ingest.clean import PublisherBoilerplate
from blocwatch.ingest.neardup import band_keys
from blocwatch.ingest.readers import ReadProblem
from blocwatch.model import Document, Event
from blocwatch.scale.pipeline import clean_document, code_and_sign, content_hash, skip_reason

SHARD_FORMAT = 2
SHARD_SIZE = 1000
SHARD_BYTES = 16 * 2**20
MANIFEST = "manifest.json"
BOILERPLATE_KEY = b"blocwatch.boilerplate"

DOC_SCHEMA = pa.schema(
    [
        ("pos", pa.int32()),
        ("kind", pa.string()),  # "document" or "problem"
        ("doc_id", pa.string()),
        ("text", pa.string()),
        ("date", pa.date32()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("meta", pa.string()),  # JSON
        ("problem_source", pa.string()),
        ("reason", pa.string()),
        ("lost", pa.bool_()),
    ]
)
CODED_SCHEMA = pa.schema(
    [
        ("pos", pa.int32()),
        ("doc_id", pa.string()),
        ("text", pa.string()),  # cleaned
        ("content_hash", pa.string()),  # of the cleaned text
        ("tags", pa.string()),  # JSON list, after cleaning (header tags added)
        ("skip_reason", pa.string()),
        ("coded", pa.bool_()),
        ("signature", pa.binary()),
        ("bands", pa.list_(pa.string())),
        ("events", pa.int32()),
    ]
)
_SPANS = ("sentence", "trigger", "source", "target")
_EVENT_TYPES = {"quad_class": pa.int8(), "goldstein": pa.float64(), "sentence_index": pa.int32()}
_EVENT_FIELDS = [f for f in Event.__dataclass_fields__ if not f.endswith("_span")]
EVENT_SCHEMA = pa.schema(
    [("pos", pa.int32())]
    + [(f, _EVENT_TYPES.get(f, pa.string())) for f in _EVENT_FIELDS]
    + [(f"{s}_{edge}", pa.int32()) for s in _SPANS for edge in ("start", "end")]
)


@dataclass(frozen=True)
class ShardTask:
    """One shard to code: its number, where the shards live and the hash of its documents."""

    index: int
    shards_dir: str
    input_hash: str
    near_duplicates: bool = True

    @property
    def key(self) -> str:
        return f"{self.index:05d}"

    @property
    def label(self) -> str:
        return f"shard {self.key} ({self.docs_path})"

    @property
    def docs_path(self) -> Path:
        return Path(self.shards_dir) / "docs" / f"docs-{self.key}.parquet"

    @property
    def coded_path(self) -> Path:
        return Path(self.shards_dir) / "coded" / f"coded-{self.key}.parquet"

    @property
    def events_path(self) -> Path:
        return Path(self.shards_dir) / "coded" / f"events-{self.key}.parquet"


@dataclass
class ShardDone:
    """What a worker reports for a coded shard (the data stays in the files)."""

    index: int
    input_hash: str
    documents: int
    coded: int
    events: int
    files: dict[str, str] = field(default_factory=dict)  # file name → content hash
    seconds: float = 0.0
    worker: str = ""  # host:pid
    peak_rss: int = 0  # bytes, the worker process's high-water mark so far
    coder_version: str = ""
    lexicon_version: str = ""


@dataclass
class CodedDoc:
    """The coder's verdict on one document of a shard, read back by the loader."""

    skip_reason: str | None
    coded: bool
    signature: bytes | None
    events: list[Event]
    text: str = ""  # cleaned
    content_hash: str = ""
    tags: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------- small helpers
def file_hash(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_atomic(table: pa.Table, path: Path) -> str:
    """Write a Parquet file under a temporary name and rename it into place; returns its hash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    digest = file_hash(tmp)
    os.replace(tmp, path)
    return digest


def peak_rss() -> int:
    """This process's peak resident set size in bytes (VmHWM, else getrusage)."""
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def shard_salt(near_duplicates: bool, lexicon_version: str) -> str:
    """What, besides its documents, decides what coding a shard gives."""
    return f"format={SHARD_FORMAT}|coder={CODER_VERSION}|lexicon={lexicon_version}|near={near_duplicates}"


# ---------------------------------------------------------------------- documents in
def _document_row(pos: int, doc: Document) -> dict[str, Any]:
    return {
        "pos": pos,
        "kind": "document",
        "doc_id": doc.doc_id,
        "text": doc.text,
        "date": doc.date,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "meta": json.dumps(doc.meta, ensure_ascii=False, default=str),
        "problem_source": None,
        "reason": None,
        "lost": None,
    }


def _problem_row(pos: int, problem: ReadProblem) -> dict[str, Any]:
    return {
        **{name: None for name in DOC_SCHEMA.names},
        "pos": pos,
        "kind": "problem",
        "problem_source": problem.source,
        "reason": problem.reason,
        "lost": problem.lost,
    }


def row_item(row: dict[str, Any]) -> Document | ReadProblem:
    if row["kind"] == "problem":
        return ReadProblem(row["problem_source"], row["reason"], bool(row["lost"]))
    return Document(
        doc_id=row["doc_id"],
        text=row["text"],
        date=row["date"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        meta=json.loads(row["meta"]),
    )


def write_doc_shards(
    items: Iterable[Document | ReadProblem],
    shards_dir: Path,
    salt: str,
    near_duplicates: bool = True,
    shard_size: int = SHARD_SIZE,
    shard_bytes: int = SHARD_BYTES,
    boilerplate: PublisherBoilerplate | None = None,
) -> Iterator[ShardTask]:
    """Cut documents (as read) and read problems, in order, into document shards, each with what
    ``boilerplate`` learned about its publishers; yield each shard's task as soon as its file is written.
    Holds one shard in memory at a time."""
    rows: list[dict[str, Any]] = []
    digest = hashlib.blake2b(salt.encode(), digest_size=16)
    documents = size = index = 0

    def close() -> ShardTask:
        learned = boilerplate.learned({r["source"] for r in rows if r["source"]}) if boilerplate else {}
        metadata = json.dumps({"boilerplate": learned}, sort_keys=True)  # only lines to strip: no threshold
        digest.update(metadata.encode())
        table = pa.Table.from_pylist(rows, schema=DOC_SCHEMA).replace_schema_metadata({BOILERPLATE_KEY: metadata})
        write_atomic(table, ShardTask(index, str(shards_dir), "").docs_path)
        return ShardTask(index, str(shards_dir), digest.hexdigest(), near_duplicates)

    for item in items:
        if isinstance(item, ReadProblem):
            row = _problem_row(len(rows), item)
        else:
            row = _document_row(len(rows), item)
            documents += 1
            size += len(item.text)
        rows.append(row)
        digest.update(json.dumps(row, ensure_ascii=False, default=str, sort_keys=True).encode("utf-8", "replace"))
        if documents >= shard_size or size >= shard_bytes:
            yield close()
            rows, documents, size, index = [], 0, 0, index + 1
            digest = hashlib.blake2b(salt.encode(), digest_size=16)
    if rows:
        yield close()


_WITHOUT_TEXT = [name for name in DOC_SCHEMA.names if name != "text"]


def read_items(task: ShardTask) -> Iterator[tuple[int, Document | ReadProblem]]:
    """The documents and read problems of a shard with their positions, in order. The documents come without
    their text as read: the coded shard carries it cleaned (``read_coded``), and that is what the loader stores."""
    for batch in pq.ParquetFile(task.docs_path).iter_batches(batch_size=256, columns=_WITHOUT_TEXT):
        for row in batch.to_pylist():
            yield row["pos"], row_item({**row, "text": ""})


# ---------------------------------------------------------------------- coding (the worker's task)
def _event_row(pos: int, event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {"pos": pos, **{f: getattr(event, f) for f in _EVENT_FIELDS}}
    for name in _SPANS:
        span = getattr(event, f"{name}_span")
        row[f"{name}_start"], row[f"{name}_end"] = span if span is not None else (None, None)
    return row


def _row_event(row: dict[str, Any]) -> Event:
    spans = {}
    for name in _SPANS:
        start, end = row[f"{name}_start"], row[f"{name}_end"]
        spans[f"{name}_span"] = (start, end) if start is not None else None
    return Event(**{f: row[f] for f in _EVENT_FIELDS}, **spans)


def warm_worker() -> None:
    """Build this process's coder ahead of its first shard."""
    default_coder()


def code_shard(task: ShardTask) -> ShardDone:
    """Code every document of a shard that can be coded and write the results next to it.

    A document whose cleaned text repeats (by content hash) an earlier codable one in the same shard
    is not coded again: the loader always links it as an exact duplicate of that one."""
    started = time.perf_counter()
    coder = default_coder()
    coded_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    documents = coded = 0
    table = pq.read_table(task.docs_path)
    learned = json.loads((table.schema.metadata or {}).get(BOILERPLATE_KEY, b"{}"))
    boilerplate = PublisherBoilerplate.from_learned(learned.get("boilerplate", {}))
    for item_row in table.to_pylist():
        if item_row["kind"] != "document":
            continue
        documents += 1
        doc = row_item(item_row)
        assert isinstance(doc, Document)
        clean_document(doc, boilerplate)
        digest = content_hash(doc.text)
        row: dict[str, Any] = {"pos": item_row["pos"], "doc_id": doc.doc_id, "text": doc.text,
                               "content_hash": digest, "coded": False, "events": 0,
                               "tags": json.dumps(doc.meta.get("tags", []), ensure_ascii=False)}
        row["skip_reason"] = skip_reason(coder, doc)
        if row["skip_reason"] is None and digest not in seen:
            seen.add(digest)
            result, sig = code_and_sign(doc, task.near_duplicates)
            row.update(coded=True, events=len(result.events))
            if sig is not None:
                row.update(signature=sig.tobytes(), bands=band_keys(sig))
            event_rows.extend(_event_row(item_row["pos"], e) for e in result.events)
            coded += 1
        coded_rows.append(row)
    files = {
        task.coded_path.name: write_atomic(pa.Table.from_pylist(coded_rows, schema=CODED_SCHEMA), task.coded_path),
        task.events_path.name: write_atomic(pa.Table.from_pylist(event_rows, schema=EVENT_SCHEMA), task.events_path),
    }
    return ShardDone(
        index=task.index,
        input_hash=task.input_hash,
        documents=documents,
        coded=coded,
        events=len(event_rows),
        files=files,
        seconds=time.perf_counter() - started,
        worker=f"{socket.gethostname()}:{os.getpid()}",
        peak_rss=peak_rss(),
        coder_version=CODER_VERSION,
        lexicon_version=coder.lexicon.version,
    )


def read_coded(task: ShardTask) -> dict[int, CodedDoc]:
    """The coder's verdict for each document of a shard, by position in the shard."""
    events: dict[int, list[Event]] = {}
    for row in pq.read_table(task.events_path).to_pylist():
        events.setdefault(row.pop("pos"), []).append(_row_event(row))
    return {
        row["pos"]: CodedDoc(row["skip_reason"], row["coded"], row["signature"], events.get(row["pos"], []),
                             row["text"], row["content_hash"], json.loads(row["tags"] or "[]"))
        for row in pq.read_table(task.coded_path).to_pylist()
    }


# ---------------------------------------------------------------------- the manifest
class Manifest:
    """Finished shards by number, each with the hash of its documents and of its coded files.

    Only the client writes it (after each shard comes back), by atomic rename."""

    def __init__(self, shards_dir: Path) -> None:
        self.path = shards_dir / MANIFEST
        self.shards: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text("utf-8"))
            except (OSError, ValueError):
                data = {}  # unreadable: every shard is coded again
            if isinstance(data, dict) and data.get("format") == SHARD_FORMAT:
                self.shards = dict(data.get("shards") or {})

    def finished(self, task: ShardTask) -> ShardDone | None:
        """The record of this shard when its documents are unchanged and its coded files intact."""
        entry = self.shards.get(task.key)
        if not entry or entry.get("input_hash") != task.input_hash:
            return None
        folder = task.coded_path.parent
        for name, digest in entry.get("files", {}).items():
            path = folder / name
            if not path.is_file() or file_hash(path) != digest:
                return None
        try:
            return ShardDone(**entry)
        except TypeError:  # written by another blocwatch: code the shard again
            return None

    def record(self, done: ShardDone) -> None:
        self.shards[f"{done.index:05d}"] = asdict(done)
        self.save()

    def keep(self, count: int, shards_dir: Path) -> None:
        """Forget shards numbered ``count`` and up (the corpus shrank) and delete their files."""
        for key in [k for k in self.shards if int(k) >= count]:
            del self.shards[key]
        for folder, prefixes in (("docs", ("docs-",)), ("coded", ("coded-", "events-"))):
            for path in (shards_dir / folder).glob("*.parquet"):
                stem = path.stem
                for prefix in prefixes:
                    if stem.startswith(prefix) and stem[len(prefix) :].isdigit() and int(stem[len(prefix) :]) >= count:
                        path.unlink(missing_ok=True)
        self.save()

    def save(self) -> None:
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        tmp.write_text(json.dumps({"format": SHARD_FORMAT, "shards": self.shards}, indent=1, sort_keys=True), "utf-8")
        os.replace(tmp, self.path)
