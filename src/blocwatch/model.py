"""The core records that flow through the pipeline: documents in, events out.

Field names follow the event-data conventions of CAMEO (Gerner et al. 2002) and
the GDELT 1.0/2.0 codebook (QuadClass, GoldsteinScale); PLOVER fields follow the
PLOVER 2.0 manual. Every event carries the evidence that produced it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

MODES = ("asserted", "negated", "hypothetical", "future")


@dataclass(slots=True)
class Document:
    """A piece of news text with the metadata the coder and the store need."""

    doc_id: str
    text: str
    date: date | None = None
    title: str = ""
    source: str = ""
    url: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Event:
    """Who did what to whom, when, with the sentence and spans behind it.

    Spans are character offsets into the document text, end-exclusive.
    """

    doc_id: str
    date: str
    source: str
    target: str
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str
    mode: str
    sentence: str
    sentence_index: int
    sentence_span: tuple[int, int]
    trigger: str
    trigger_span: tuple[int, int]
    source_text: str
    source_span: tuple[int, int] | None
    target_text: str
    target_span: tuple[int, int] | None
    rule: str
    coder_version: str
    event_id: str = ""

    def __post_init__(self) -> None:
        if not self.event_id:
            key = "|".join(
                (
                    self.doc_id,
                    str(self.sentence_index),
                    str(self.trigger_span[0]),
                    self.source,
                    self.target,
                    self.code,
                )
            )
            self.event_id = hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        for key in ("sentence_span", "trigger_span", "source_span", "target_span"):
            value = record[key]
            record[key] = list(value) if value is not None else None
        return record
