"""The in-process runner: read → clean → exact and near-duplicate checks → code → store, in batches.

Each batch is written in one transaction and every row is keyed by a content
hash or a stable id, so re-running the same command after an interruption
finishes the work without duplicating anything. The counts always add up:
read = stored + duplicates + quarantined (a document already in the store
counts as stored).

The store-side half (``BatchLoader``: duplicate decisions in document order,
one transaction per batch) is shared with the sharded runner in
``blocwatch.scale.sharded``, which feeds it documents and coding results read
back from Parquet shards; both code with ``code_and_sign``.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

import numpy as np

from blocwatch import CODER_VERSION
from blocwatch.coding.coder import Coder, CodingResult, code_document, default_coder
from blocwatch.ingest.clean import PublisherBoilerplate, clean_text
from blocwatch.ingest.neardup import THRESHOLD, band_keys, signature, similarity
from blocwatch.ingest.readers import ColumnMap, ReadProblem, read_inputs
from blocwatch.model import Document, Event
from blocwatch.store import BATCH_SIZE
from blocwatch.store.duckdb_store import DuckDBStore, DuplicateLink, QuarantineItem, StoredDocument

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


Coded = tuple[CodingResult, np.ndarray | None]


def code_and_sign(document: Document, with_signature: bool, coder: Coder | None = None) -> Coded:
    """The per-document coding step of every runner: the events of a document and its MinHash
    signature. Pure; without ``coder`` it uses the process's cached coder for the shipped lexicon
    (built once per worker process)."""
    result = coder.code(document) if coder is not None else code_document(document)
    return result, (signature(document.text) if with_signature else None)


def skip_reason(coder: Coder, document: Document) -> str | None:
    """Why a (cleaned) document cannot be coded and goes to quarantine, or None when it can."""
    text, warnings = coder.prepare(document)
    if text.strip():
        return None
    return warnings[-1].split(": ", 1)[-1] if warnings else "no text to code"


def clean_document(document: Document, boilerplate: PublisherBoilerplate) -> None:
    """Clean a document in place: furniture and quoted repeats out, header tags kept, then the
    lines its publisher repeats (learned over the whole run) removed."""
    cleaned = clean_text(document.text)
    document.text = boilerplate.strip(document.source, cleaned.text)
    if cleaned.tags:
        document.meta["tags"] = list(dict.fromkeys([*document.meta.get("tags", []), *cleaned.tags]))


def spool_inputs(
    inputs: list[str],
    columns: ColumnMap | None,
    default_date: date | None,
    spool: BinaryIO,
    boilerplate: PublisherBoilerplate,
    fetch_pages: bool = False,
) -> None:
    """First pass: read every input once into a spool file, documents and read problems in order,
    and learn each publisher's boilerplate from all its documents (a resumed run repeats this pass
    identically)."""
    problems: list[ReadProblem] = []
    written = 0
    for document in read_inputs(inputs, columns, default_date, problems, fetch_pages=fetch_pages):
        for problem in problems[written:]:
            pickle.dump(problem, spool, protocol=pickle.HIGHEST_PROTOCOL)
        written = len(problems)
        if document.source:
            boilerplate.observe(document.source, clean_text(document.text).text)
        pickle.dump(document, spool, protocol=pickle.HIGHEST_PROTOCOL)
    for problem in problems[written:]:
        pickle.dump(problem, spool, protocol=pickle.HIGHEST_PROTOCOL)
    spool.seek(0)


def unspool(spool: BinaryIO) -> Iterator[Document | ReadProblem]:
    while True:
        try:
            yield pickle.load(spool)
        except EOFError:
            return


class BatchLoader:
    """The store-side half of ingest: documents (already cleaned) in reading order, in batches;
    exact and near-duplicate decisions in order; one transaction per batch.

    Subclasses say where a document's skip reason and coding results come from."""

    def __init__(self, store: DuckDBStore, batch_size: int = BATCH_SIZE, near_duplicates: bool = True) -> None:
        self.store = store
        self.batch_size = batch_size
        self.near_duplicates = near_duplicates
        self.counts = IngestCounts()
        self.run_id = ""

    def _consume(
        self, items: Iterable[Document | ReadProblem], progress: Callable[[IngestCounts], None] | None
    ) -> None:
        """Cut the stream into batches of ``batch_size`` documents; read problems ride with the batch
        they were met in."""
        problems: list[ReadProblem] = []
        batch: list[Document] = []
        for item in items:
            if isinstance(item, ReadProblem):
                problems.append(item)
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                self._flush(batch, problems)
                batch, problems = [], []
                if progress:
                    progress(self.counts)
        self._flush(batch, problems)

    def _flush(self, batch: list[Document], problems: Iterable[ReadProblem]) -> None:
        self._commit(batch, problems)

    def _skip_reason(self, document: Document) -> str | None:
        raise NotImplementedError

    def _content_hash(self, document: Document) -> str:
        return content_hash(document.text)

    def _code_all(self, docs: list[Document]) -> list[Coded]:
        raise NotImplementedError

    def _commit(self, batch: list[Document], problems: Iterable[ReadProblem]) -> None:
        """One batch: cheap checks in order, coding (and signatures) for all fresh documents at once,
        then near-duplicate decisions in order, then one transaction."""
        quarantine = [QuarantineItem(p.source, p.reason) for p in problems if p.lost]
        self.counts.read += len(quarantine)
        self.counts.quarantined += len(quarantine)
        if not batch and not quarantine:
            return
        hashes = {id(d): self._content_hash(d) for d in batch}
        stored_hashes = self.store.known_hashes(hashes.values())
        known_ids = self.store.known_ids(d.doc_id for d in batch)
        links: list[DuplicateLink] = []
        already: list[str] = []
        first_of_hash: dict[str, str] = {}
        fresh: list[tuple[Document, str]] = []
        for doc in batch:
            self.counts.read += 1
            digest = hashes[id(doc)]
            canonical = stored_hashes.get(digest) or first_of_hash.get(digest)
            if doc.doc_id in known_ids or doc.doc_id == canonical:
                if known_ids.get(doc.doc_id, doc.doc_id) != doc.doc_id or (canonical and canonical != doc.doc_id):
                    self.counts.duplicates += 1  # linked to another story on an earlier run
                else:
                    self.counts.stored += 1
                    already.append(doc.doc_id)
                continue
            if canonical is not None:
                links.append(self._link(doc, canonical, "exact", 1.0, digest))
                continue
            reason = self._skip_reason(doc)
            if reason is not None:
                quarantine.append(
                    QuarantineItem(doc.meta.get("input", doc.doc_id) + f"#{doc.doc_id}", reason, doc.text[:300])
                )
                self.counts.quarantined += 1
                continue
            first_of_hash[digest] = doc.doc_id
            fresh.append((doc, digest))
        # the expensive step for every fresh document at once, in worker processes if asked
        coded = self._code_all([d for d, _ in fresh])
        bands_of = [band_keys(sig) if sig is not None else [] for _, sig in coded]
        stored_bands = self.store.band_index([b for bands in bands_of for b in bands])
        documents: list[StoredDocument] = []
        events: list[tuple[Event, str]] = []
        batch_sigs: dict[str, tuple[bytes, list[str]]] = {}
        batch_bands: dict[str, list[str]] = {}
        for (doc, digest), (result, sig), bands in zip(fresh, coded, bands_of, strict=True):
            if sig is not None:
                near, score = self._nearest(sig, bands, stored_bands, batch_sigs, batch_bands)
                if near is not None:
                    links.append(self._link(doc, near, "near", score, digest))
                    continue
                batch_sigs[doc.doc_id] = (sig.tobytes(), bands)
                for band in bands:
                    batch_bands.setdefault(band, []).append(doc.doc_id)
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
        # an exact copy of a story that turned out to be a near-duplicate links to that story's canonical
        near_of = {link.doc_id: link.canonical_id for link in links if link.kind == "near"}
        for link in links:
            link.canonical_id = near_of.get(link.canonical_id, link.canonical_id)
        self.counts.duplicates += len(links)
        self.counts.events += self.store.events_for(already)
        self.store.write_batch(self.run_id, documents, links, events, quarantine, batch_sigs)

    @staticmethod
    def _link(doc: Document, canonical: str, kind: str, similarity: float, digest: str) -> DuplicateLink:
        return DuplicateLink(
            doc.doc_id, canonical, kind, similarity, doc.source, doc.url, doc.meta.get("input", ""), digest
        )

    @staticmethod
    def _nearest(
        sig: np.ndarray,
        bands: list[str],
        stored_bands: dict[str, list[tuple[str, bytes]]],
        batch_sigs: dict[str, tuple[bytes, list[str]]],
        batch_bands: dict[str, list[str]],
    ) -> tuple[str | None, float]:
        """The most similar stored or earlier-in-batch document at or above the threshold, if any."""
        candidates = {doc_id: blob for band in bands for doc_id, blob in stored_bands.get(band, ())}
        for band in bands:
            for doc_id in batch_bands.get(band, ()):
                candidates[doc_id] = batch_sigs[doc_id][0]
        best, best_score = None, 0.0
        for doc_id, blob in sorted(candidates.items()):
            score = similarity(sig, np.frombuffer(blob, dtype=np.uint64))
            if score >= THRESHOLD and score > best_score:
                best, best_score = doc_id, score
        return best, best_score


def code_chunk(documents: list[Document], with_signature: bool) -> list[Coded]:
    """``code_and_sign`` over a list, as one task for a worker process."""
    return [code_and_sign(d, with_signature) for d in documents]


class Ingestor(BatchLoader):
    """Moves documents from readers into a store, coding each new one once.

    With coding processes the batches overlap: while batch k is checked and written here, the
    processes already code every document of batch k+1 (a document that turns out to be a duplicate
    was coded for nothing, as in the sharded runs). The store is the same as without overlap: the
    duplicate decisions and writes still happen batch by batch, in order."""

    def __init__(
        self,
        store: DuckDBStore,
        coder: Coder,
        batch_size: int = BATCH_SIZE,
        near_duplicates: bool = True,
        workers: int = 1,
    ) -> None:
        """``workers`` > 1 codes in that many processes (the shipped lexicon only; others code in-process)."""
        super().__init__(store, batch_size, near_duplicates)
        self.coder = coder
        self.boilerplate = PublisherBoilerplate()
        self.fetch_pages = False
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self._pending: tuple[list[Document], list[ReadProblem], list[Future[list[Coded]]]] | None = None
        self._coded: dict[int, Coded] = {}  # id(document) → coding result, for the batch being committed

    def run(
        self,
        inputs: list[str],
        columns: ColumnMap | None = None,
        default_date: date | None = None,
        progress: Callable[[IngestCounts], None] | None = None,
    ) -> IngestCounts:
        self.run_id = self.store.start_run("ingest " + " ".join(inputs), CODER_VERSION, self.coder.lexicon.version)
        if self.workers > 1 and self.coder.lexicon is default_coder().lexicon:
            self.pool = ProcessPoolExecutor(self.workers)
        try:
            self._run_batches(inputs, columns, default_date, progress)
            self._commit_pending()
        finally:
            self._pending = None
            if self.pool is not None:
                self.pool.shutdown()
                self.pool = None
        if progress:
            progress(self.counts)
        self.store.finish_run(self.run_id, self.counts.as_dict())
        return self.counts

    def _run_batches(
        self,
        inputs: list[str],
        columns: ColumnMap | None,
        default_date: date | None,
        progress: Callable[[IngestCounts], None] | None,
    ) -> None:
        with tempfile.TemporaryFile() as spool:
            spool_inputs(inputs, columns, default_date, spool, self.boilerplate, self.fetch_pages)
            self._consume(unspool(spool), progress)

    def _flush(self, batch: list[Document], problems: Iterable[ReadProblem]) -> None:
        for doc in batch:
            clean_document(doc, self.boilerplate)
        if self.pool is None:
            self._commit(batch, problems)
            return
        size = max(1, len(batch) // (4 * self.workers))
        futures = [self.pool.submit(code_chunk, batch[i : i + size], self.near_duplicates)
                   for i in range(0, len(batch), size)]
        self._commit_pending()  # the previous batch, while the processes code this one
        self._pending = (batch, list(problems), futures)

    def _commit_pending(self) -> None:
        if self._pending is None:
            return
        batch, problems, futures = self._pending
        self._pending = None
        results = [coded for future in futures for coded in future.result()]
        self._coded = {id(doc): coded for doc, coded in zip(batch, results, strict=True)}
        try:
            self._commit(batch, problems)
        finally:
            self._coded = {}

    def _skip_reason(self, document: Document) -> str | None:
        return skip_reason(self.coder, document)

    def _code_all(self, docs: list[Document]) -> list[Coded]:
        if self._coded:
            return [self._coded[id(d)] for d in docs]
        return [code_and_sign(d, self.near_duplicates, self.coder) for d in docs]
