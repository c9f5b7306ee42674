"""Sentences from messy news text, with character offsets into the original.

Tokenizing is spaCy's blank English tokenizer (its abbreviation exceptions keep
"U.S." and "Mr." whole). Sentence boundaries are rule-based, in the spirit of
spaCy's Sentencizer, extended for news layout: a line break ends a sentence
when the line is a heading, a bullet or a complete sentence; wrapped lines are
joined; bullets and list markers are dropped. The text handed to the
tokenizer has exactly the length of the original, so every span points back
into the document the user gave.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import spacy
from spacy.language import Language
from spacy.tokens import Doc

CHUNK_CHARS = 100_000
MAX_SENTENCE_TOKENS = 120

_BULLET_LINE = re.compile(r"(?m)^([ \t]*)([•·▪◦►▶*‣⁃–—-]|\d{1,2}[.)]|[a-z][)])[ \t]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TERMINAL = frozenset({".", "!", "?", "…", "...", "!!", "??", "?!", "!?"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


TOKENIZER_CACHE = 200_000


@cache
def blank_english() -> Language:
    """The shared blank English pipeline (tokenizer only; no model download)."""
    nlp = spacy.blank("en")
    nlp.max_length = CHUNK_CHARS * 2
    # spaCy caches the tokenization of 10,000 space-separated chunks by default; building the lexicon's phrase
    # matchers alone fills that with names, leaving news text to be re-split word by word
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    # split "U.S.-ROK" and "U.S.-led" at the hyphen, as spaCy already does between letters
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z]\.)[-–](?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return nlp


@dataclass(slots=True)
class Sentence:
    """A sentence: token range ``[start, end)`` in ``doc``; ``offset`` maps doc chars to text."""

    index: int
    doc: Doc
    start: int
    end: int
    offset: int

    @property
    def char_start(self) -> int:
        return self.doc[self.start].idx + self.offset

    @property
    def char_end(self) -> int:
        last = self.doc[self.end - 1]
        return last.idx + len(last.text) + self.offset


def normalise_layout(text: str) -> str:
    """Same-length copy of ``text`` with layout noise blanked out.

    Control characters and list bullets become spaces; a line break inside a
    wrapped paragraph becomes a space; line breaks that end a heading, a
    bullet item or a full sentence stay.
    """
    text = _CONTROL.sub(" ", text)
    if "\n" in text:
        chars = list(text)
        lines = text.split("\n")
        pos = 0
        for line, nxt in pairwise(lines):
            pos += len(line)
            stripped = line.strip()
            following = nxt.lstrip()
            wrapped = (
                stripped
                and following
                and stripped[-1] not in ".!?:;\"”'’)"
                and not _BULLET_LINE.match(nxt)
                and (
                    (len(stripped) > 40 and (following[0].islower() or following[0].isdigit() or following[0] in ",("))
                    or len(stripped) >= 55
                )
            )
            if wrapped:
                chars[pos] = " "
            pos += 1
        text = "".join(chars)
    return _BULLET_LINE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a wire dateline: "BAGHDAD (Reuters) - ", "KABUL, Afghanistan Aug. 23, 2004 - ", "BEIJING, Dec. 2 (Xinhua) -- ",
# "Pyongyang, May 3 (KCNA) -- ", optionally after a credit ("Canadian Press - OTTAWA (CP) - ")
_DATELINE = re.compile(
    r"(?m)(?:^|(?<=[.!?] )|(?<=[.!?]\" ))[ \t]*"
    r"(?:(?:[A-Z][A-Za-z]+ ){0,2}(?:Press|Reuters|AP|AFP|Xinhua|Yonhap|KCNA|TASS|Kyodo)"  # a credit
    r"[ \t]+[-\u2013\u2014]{1,2}[ \t]+)?"
    r"(?:"
    r"[A-Z][A-Z'\u2019-]{2,}(?:[ \t][A-Z][A-Z.'\u2019-]+){0,3}"  # BAGHDAD, KUWAIT CITY, UNITED NATIONS
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t][A-Z][a-z]+)?)?"  # , Afghanistan
    r"(?:,?[ \t]*" + _MONTH + r"[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?)?"  # Aug. 23, 2004
    r"(?:[ \t]*\([A-Za-z][A-Za-z .-]{0,30}\))?"  # (Reuters)
    r"|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?,[ \t]*" + _MONTH + r"[ \t]+\d{1,2}[ \t]*\([A-Za-z][A-Za-z .-]{0,30}\)"
    r")"
    r"(?:[ \t]*(?:-{1,2}|[\u2013\u2014])|[ \t]+:|(?<=\)):)[ \t]"  # " - ", " -- ", " : ", "(Antara): "; not "NATO: "
)


def blank_datelines(text: str) -> str:
    """Same-length copy of ``text`` with wire datelines blanked out.

    A dateline names where a story was filed, not who acted: "BAGHDAD (Reuters) -
    Gunmen killed two contractors" must not make Iraq the subject of the killing.
    """
    if not _DATELINE.search(text):
        return text
    return _DATELINE.sub(lambda m: " " * len(m.group(0)), text)


_WHITESPACE_RUN = re.compile(
    r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000]*\n[\s]*"
    r"|[ \t\r\f\v\u00a0\u2000-\u200b\u3000]{2,}"
    r"|[\t\r\f\v\u00a0\u2000-\u200b\u3000]"
)


class OffsetMap:
    """Maps offsets in whitespace-compacted text back to the original text."""

    def __init__(self, starts: array | None) -> None:
        self.starts = starts

    def start(self, i: int) -> int:
        return i if self.starts is None else self.starts[i]

    def end(self, i: int) -> int:
        """Original offset just past compacted character ``i - 1``."""
        return i if self.starts is None else self.starts[i - 1] + 1


def compact(text: str) -> tuple[str, OffsetMap]:
    """Collapse whitespace runs (a run with line breaks keeps one or two of them).

    spaCy turns extra spaces into tokens of their own; compacting first keeps
    phrases like "criticized  China" contiguous, and the map keeps spans exact.
    """
    if not _WHITESPACE_RUN.search(text):
        return text, OffsetMap(None)
    pieces: list[str] = []
    starts = array("l")
    pos = 0
    for m in _WHITESPACE_RUN.finditer(text):
        a, b = m.span()
        if a > pos:
            pieces.append(text[pos:a])
            starts.extend(range(pos, a))
        run = m.group(0)
        newlines = run.count("\n")
        repl = "\n\n" if newlines >= 2 else "\n" if newlines == 1 else " "
        pieces.append(repl)
        starts.extend([a] * len(repl))
        pos = b
    if pos < len(text):
        pieces.append(text[pos:])
        starts.extend(range(pos, len(text)))
    return "".join(pieces), OffsetMap(starts)


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split very long text at line breaks or spaces so no chunk exceeds ``limit``."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            cut = text.rfind("\n", start + limit // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + limit // 2, end)
            if cut != -1:
                end = cut + 1
        yield start, text[start:end]
        start = end


def split_sentences(doc: Doc, offset: int, first_index: int = 0) -> list[Sentence]:
    """Rule-based sentence boundaries over a tokenized chunk."""
    sentences: list[Sentence] = []
    n = len(doc)
    start = None
    i = 0
    index = first_index

    def close(end: int) -> None:
        nonlocal start, index
        if start is None:
            return
        s = start
        while s < end:
            e = min(end, s + MAX_SENTENCE_TOKENS)
            sentences.append(Sentence(index, doc, s, e, offset))
            index += 1
            s = e
        start = None

    while i < n:
        tok = doc[i]
        if tok.is_space:
            if "\n" in tok.text:
                close(i)
            i += 1
            continue
        if start is None:
            start = i
        text = tok.text
        if text in _TERMINAL:
            j = i + 1
            while j < n and (doc[j].text in _CLOSERS or doc[j].text == ","):
                j += 1  # closing quotes, and the stray comma of scraped text ("security.,  On")
            k = j
            while k < n and doc[k].is_space and "\n" not in doc[k].text:
                k += 1
            if k >= n or doc[k].is_space or _starts_sentence(doc[k].text):
                close(j)
                i = j
                continue
        i += 1
    close(n)
    return sentences


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in "\"“‘'([«"


def sentences_of(text: str, nlp: Language | None = None) -> list[Sentence]:
    """Tokenize and split a whole document text into sentences."""
    nlp = nlp or blank_english()
    clean = normalise_layout(text)
    out: list[Sentence] = []
    for offset, piece in chunks(clean):
        doc = nlp.make_doc(piece)
        out.extend(split_sentences(doc, offset, len(out)))
    return out
