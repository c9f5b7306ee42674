"""Highlighting evidence: the stored character spans of trigger and actors, turned into marked segments.

Spans are offsets into the document text (``store.schema`` events: sentence_start/end, trigger_start/end,
source_start/end, target_start/end). Within a sentence they are shifted to the sentence's start; when a
span is missing or does not fit (imported events carry none), the text itself is searched for.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

Mark = tuple[int, int, str]

SPAN_KINDS = (("trigger", "trigger"), ("source", "source"), ("target", "target"))


def sentence_marks(row: dict[str, Any]) -> list[Mark]:
    """(start, end, kind) of trigger, source and target inside ``row["sentence"]``."""
    sentence = row.get("sentence") or ""
    offset = row.get("sentence_start")
    marks: list[Mark] = []
    for kind, prefix in SPAN_KINDS:
        start, end = row.get(f"{prefix}_start"), row.get(f"{prefix}_end")
        text = row.get("trigger" if prefix == "trigger" else f"{prefix}_text") or ""
        if offset is not None and start is not None and end is not None and offset <= start < end <= offset + len(
                sentence):
            marks.append((start - offset, end - offset, kind))
        elif text and (found := sentence.find(text)) >= 0:
            marks.append((found, found + len(text), kind))
    return marks


def document_marks(text: str, events: list[dict[str, Any]]) -> list[Mark]:
    """Sentence, trigger and actor spans of a document's events that fit inside its text."""
    marks: list[Mark] = []
    for e in events:
        for kind, prefix in (("sentence", "sentence"), *SPAN_KINDS):
            start, end = e.get(f"{prefix}_start"), e.get(f"{prefix}_end")
            if start is not None and end is not None and 0 <= start < end <= len(text):
                marks.append((start, end, kind))
    return marks


def segments(text: str, marks: list[Mark]) -> list[dict[str, Any]]:
    """The text cut at every mark boundary: [{"text", "kinds"}], adjacent pieces with equal kinds merged."""
    bounds = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out: list[dict[str, Any]] = []
    for start, end in pairwise(bounds):
        kinds = sorted({k for s, e, k in marks if s <= start and end <= e})
        if out and out[-1]["kinds"] == kinds:
            out[-1]["text"] += text[start:end]
        else:
            out.append({"text": text[start:end], "kinds": kinds})
    return out
