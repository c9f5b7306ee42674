"""The in-process runner: read → exact-duplicate check → code → store, in batches.

Each batch is written in one transaction and every row is keyed by a content
hash or a stable id, so re-running the same command after an interruption
finishes the work without duplicating anything. The counts always add up:
read = stored + duplicates + quarantined (a document already in the store
counts as stored).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from blocwatch import CODER_VERSION
from blocwatch.coding.coder import Coder
from blocwatch.ingest.readers import ColumnMap, ReadProblem, read_inputs
from blocwatch.model import Document, Event
from blocwatch.store.duckdb_store import DuckDBStore, DuplicateLink, QuarantineItem, StoredDocument

BATCH_SIZE = 200
_SPACE = re.compile(r"\s+")


@dataclass
class IngestCounts:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    events: int = 0

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("read", "stored", "duplicates", "quarantined", "events")}

    @property
    def balanced(self) -> bool:
        return self.read == self.stored + self.duplicates + self.quarantined


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace normalised: the key for exact duplicates."""
    normal = _SPACE.sub(" ", text).strip().lower()
    return hashlib.blake2b(normal.encode("utf-8", "replace"), digest_size=16).hexdigest()


class Ingestor:
    """Moves documents from readers into a store, coding each new one once."""

    def __init__(self, store: DuckDBStore, coder: Coder, batch_size: int = BATCH_SIZE) -> None:
        self.store = store
        self.coder = coder
        self.batch_size = batch_size
        self.counts = IngestCounts()
        self.run_id = ""

    def run(
        self,
        inputs: list[str],
        columns: ColumnMap | None = None,
        default_date: date | None = None,
        progress: Callable[[IngestCounts], None] | None = None,
    ) -> IngestCounts:
        self.run_id = self.store.start_run("ingest " + " ".join(inputs), CODER_VERSION, self.coder.lexicon.version)
        problems: list[ReadProblem] = []
        batch: list[Document] = []
        for document in read_inputs(inputs, columns, default_date, problems):
            batch.append(document)
            if len(batch) >= self.batch_size:
                self._flush(batch, problems)
                batch, problems[:] = [], []
                if progress:
                    progress(self.counts)
        self._flush(batch, problems)
        if progress:
            progress(self.counts)
        self.store.finish_run(self.run_id, self.counts.as_dict())
        return self.counts

    def _flush(self, batch: list[Document], problems: Iterable[ReadProblem]) -> None:
        quarantine = [QuarantineItem(p.source, p.reason) for p in problems if p.lost]
        self.counts.read += len(quarantine)
        self.counts.quarantined += len(quarantine)
        if not batch and not quarantine:
            return
        hashes = {id(d): content_hash(d.text) for d in batch}
        stored_hashes = self.store.known_hashes(hashes.values())
        known_ids = self.store.known_ids(d.doc_id for d in batch)
        documents: list[StoredDocument] = []
        links: list[DuplicateLink] = []
        events: list[tuple[Event, str]] = []
        seen: dict[str, str] = {}
        already: list[str] = []
        for doc in batch:
            self.counts.read += 1
            digest = hashes[id(doc)]
            canonical = stored_hashes.get(digest) or seen.get(digest)
            if doc.doc_id in known_ids or doc.doc_id == canonical:
                if canonical and canonical != doc.doc_id:
                    self.counts.duplicates += 1
                else:
                    self.counts.stored += 1
                    already.append(doc.doc_id)
                continue
            if canonical is not None:
                links.append(
                    DuplicateLink(doc.doc_id, canonical, "exact", 1.0, doc.source, doc.url, doc.meta.get("input", ""))
                )
                self.counts.duplicates += 1
                continue
            result = self.coder.code(doc)
            if not result.sentences:
                reason = result.warnings[-1].split(": ", 1)[-1] if result.warnings else "no text to code"
                quarantine.append(
                    QuarantineItem(doc.meta.get("input", doc.doc_id) + f"#{doc.doc_id}", reason, doc.text[:300])
                )
                self.counts.quarantined += 1
                continue
            seen[digest] = doc.doc_id
            documents.append(
                StoredDocument(
                    doc_id=doc.doc_id,
                    content_hash=digest,
                    text=doc.text,
                    title=doc.title,
                    source=doc.source,
                    url=doc.url,
                    published=doc.date,
                    author=str(doc.meta.get("author", "")),
                    tags=list(doc.meta.get("tags", [])),
                    input=str(doc.meta.get("input", "")),
                )
            )
            events.extend((e, "coded") for e in result.events)
            self.counts.stored += 1
            self.counts.events += len(result.events)
        self.counts.events += self.store.events_for(already)
        self.store.write_batch(self.run_id, documents, links, events, quarantine)
