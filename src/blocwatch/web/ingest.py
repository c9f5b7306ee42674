"""Ingest over HTTP: a JSONL or plain-text body is kept as a file beside the store and run through the
normal pipeline (``scale.pipeline.Ingestor`` with the shipped coder), so the store records it like a
``blocwatch ingest`` of that file."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

from blocwatch.coding.coder import default_coder
from blocwatch.scale.pipeline import Ingestor
from blocwatch.web.access import StoreAccess

MAX_BYTES = 20_000_000
KINDS = ("jsonl", "text")


def guess_kind(content_type: str, body: bytes) -> str:
    """jsonl for JSON-lines media types or a body starting with "{", otherwise text."""
    media = content_type.split(";")[0].strip().lower()
    if media in ("application/x-ndjson", "application/jsonl", "application/json-lines", "application/json"):
        return "jsonl"
    return "jsonl" if body.lstrip()[:1] == b"{" else "text"


def ingest_body(access: StoreAccess, uploads: Path, body: bytes, kind: str,
                default_date: date | None) -> dict[str, Any]:
    """Keep the body as ``upload-<hash>.jsonl|.txt`` and ingest it; returns the run's counts."""
    digest = hashlib.sha256(body).hexdigest()[:16]
    uploads.mkdir(parents=True, exist_ok=True)
    path = uploads / f"upload-{digest}{'.jsonl' if kind == 'jsonl' else '.txt'}"
    if not path.exists():
        path.write_bytes(body)
    with access.writer() as store:
        ingestor = Ingestor(store, default_coder())
        counts = ingestor.run([str(path)], default_date=default_date)
    return {"input": path.name, "run_id": ingestor.run_id, **counts.as_dict()}
