"""Cleaning news text: furniture lines, bulletin headers, quoted repeats, learned boilerplate.

Boilerplate is removed line by line, in the spirit of jusText (Pomikálek 2011)
but without its models: a shipped list of furniture lines, bulletin headers
turned into tags, paragraphs that repeat earlier ones inside a document
(forum quoting), and lines a publisher repeats across many of its documents
(learned per publisher over the run, as boilerplate detectors based on
cross-page repetition do).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

_SEPARATORS = re.compile(r"\s*[·•|/;]\s*|\s{2,}")
_QUOTE_MARKER = re.compile(r"^\s*(>+|\|)\s?")
_QUOTE_INTRO = re.compile(r"^\s*(quote|originally posted by|.{1,40} (wrote|said):)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Furniture:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    header_labels: tuple[str, ...]


@cache
def furniture() -> Furniture:
    text = resources.files("blocwatch.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Furniture(
        frozenset(str(x).lower() for x in data.get("lines") or ()),
        tuple(str(x).lower() for x in data.get("prefixes") or ()),
        tuple(str(x).lower() for x in data.get("header_labels") or ()),
    )


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip().lower()


def header_tags(line: str) -> list[str] | None:
    """Tags from a bulletin header line, or None when the line is not one."""
    low = line.strip().lower()
    labels = furniture().header_labels
    if not any(low.startswith(label + ":") for label in labels):
        return None
    body = line.split(":", 1)[1]
    tags = []
    for part in _SEPARATORS.split(body):
        part = part.strip(" .-")
        if not part:
            continue
        if ":" in part:  # "SOURCE: NK NEWS"
            label, value = (p.strip() for p in part.split(":", 1))
            tags.append(f"{label.lower()}:{value}")
        else:
            tags.append(part)
    return tags


def is_furniture(line: str) -> bool:
    key = _key(line)
    if not key:
        return False
    f = furniture()
    return key in f.lines or key.startswith(f.prefixes)


@dataclass
class Cleaned:
    text: str
    tags: list[str] = field(default_factory=list)
    removed: int = 0


def clean_text(text: str) -> Cleaned:
    """Drop furniture lines and quoted repeats; turn bulletin headers into tags."""
    out: list[str] = []
    tags: list[str] = []
    seen: set[str] = set()
    removed = 0
    for raw in text.splitlines():
        line = raw.rstrip()
        found = header_tags(line)
        if found is not None:
            tags.extend(found)
            removed += 1
            continue
        if is_furniture(line) or _QUOTE_INTRO.match(line):
            removed += 1
            continue
        quoted = bool(_QUOTE_MARKER.match(line))
        body = _QUOTE_MARKER.sub("", line) if quoted else line
        key = _key(body)
        if len(key) > 40 and key in seen:
            removed += 1  # a paragraph repeated inside the document: forum quoting
            continue
        if key:
            seen.add(key)
        out.append(body if quoted else line)
    text = "\n".join(out).strip()
    return Cleaned(re.sub(r"\n{3,}", "\n\n", text), tags, removed)


class PublisherBoilerplate:
    """Lines a publisher repeats across documents are boilerplate (learned during a run)."""

    def __init__(self, min_documents: int = 3) -> None:
        self.min_documents = min_documents
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)

    @staticmethod
    def _digests(text: str) -> set[str]:
        return {
            hashlib.blake2b(_key(line).encode(), digest_size=8).hexdigest()
            for line in text.splitlines()
            if 8 <= len(_key(line)) <= 300
        }

    def observe(self, publisher: str, text: str) -> None:
        if publisher:
            self.counts[publisher].update(self._digests(text))

    def learned(self, publishers: set[str]) -> dict[str, list[str]]:
        """The boilerplate line digests of these publishers (what ``strip`` removes), for another process."""
        return {p: sorted(d for d, n in self.counts[p].items() if n >= self.min_documents)
                for p in sorted(publishers) if p and p in self.counts}

    @classmethod
    def from_learned(cls, learned: dict[str, list[str]]) -> PublisherBoilerplate:
        """A stripper that removes exactly the lines ``learned`` lists (the inverse of ``learned``)."""
        made = cls()
        for publisher, digests in learned.items():
            made.counts[publisher] = Counter(dict.fromkeys(digests, made.min_documents))
        return made

    def strip(self, publisher: str, text: str) -> str:
        if not publisher or publisher not in self.counts:
            return text
        counts = self.counts[publisher]
        kept = []
        for line in text.splitlines():
            digest = hashlib.blake2b(_key(line).encode(), digest_size=8).hexdigest()
            if 8 <= len(_key(line)) <= 300 and counts[digest] >= self.min_documents:
                continue
            kept.append(line)
        return "\n".join(kept).strip()
