"""The event coder: a document in, CAMEO/PLOVER events with mode and evidence out.

Pipeline per document: input checks (binary, markup, language) → sentences
(``segment``) → actor mentions (``actors``) → triggers (``triggers``) →
source/target (``attribution``) → mode (``modality``) → date (``dates``) →
``Event`` records carrying the sentence, character spans and the id of the
lexicon rule that fired. ``code_document`` is pure and picklable: a worker
builds its ``Coder`` once and reuses it.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import permutations

from spacy.tokens import Doc

from blocwatch import CODER_VERSION
from blocwatch.coding.actors import ActorMatcher, Group, Mention, group_mentions
from blocwatch.coding.attribution import (
    SentenceView,
    agent_of_passive,
    between_pair,
    noun_source,
    noun_target,
    subject,
    target_after,
)
from blocwatch.coding.dates import resolve
from blocwatch.coding.modality import event_mode
from blocwatch.coding.segment import (
    OffsetMap,
    blank_english,
    chunks,
    compact,
    normalise_layout,
    split_sentences,
)
from blocwatch.coding.triggers import Trigger, TriggerMatcher
from blocwatch.lexicon.cameo import CameoCode
from blocwatch.lexicon.loader import Lexicon, load_lexicon
from blocwatch.model import Document, Event

_TAG = re.compile(r"<[^>]{0,2000}>")
_SCRIPT = re.compile(r"(?is)<(script|style|noscript)[^>]*>.*?</\1>")
_HTML_HINT = re.compile(r"(?i)<(html|body|div|p|span|a|br|table|script|head)[\s>/]")
_WORD = re.compile(r"[A-Za-z]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "was",
        "as",
        "by",
        "it",
        "at",
        "from",
        "has",
        "have",
        "are",
        "be",
        "this",
        "said",
        "will",
        "its",
        "an",
        "were",
        "not",
        "but",
        "which",
        "their",
        "his",
        "after",
        "would",
        "been",
    }
)
_PRONOUN_SUBJECTS = {"it": "state", "they": "state", "he": "person", "she": "person"}
_AUX = frozenset(
    {
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "also",
        "did",
        "does",
        "not",
        "n't",
        "then",
        "later",
        "reportedly",
        "should",
        "must",
        "is",
        "was",
        "are",
        "were",
        "'s",
        "shall",
        "again",
        "once",
        "never",
        "repeatedly",
    }
)


@dataclass(slots=True)
class CodingResult:
    """Events of one document plus what the coder noticed about its input."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    sentences: int = 0
    warnings: list[str] = field(default_factory=list)


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    if "\x00" in sample:
        return True
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t") or ch == "\ufffd")
    return len(sample) > 0 and bad / len(sample) > 0.1


def strip_markup(text: str) -> str:
    """Visible text of an HTML fragment, same length not needed (offsets refer to the stripped text)."""
    text = _SCRIPT.sub(" ", text)
    text = re.sub(r"(?i)<(br|/p|/div|/h\d|/li|/tr)[^>]*>", "\n", text)
    return html.unescape(_TAG.sub(" ", text))


def looks_english(text: str) -> bool:
    words = _WORD.findall(text[:20000].lower())
    if len(words) < 8:
        # too short to judge: a headline in Latin script passes; other scripts do not
        letters = sum(ch.isalpha() for ch in text[:2000])
        ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text[:2000])
        return letters == 0 or ascii_letters / letters > 0.8
    hits = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
    return hits / len(words) > 0.08


class Coder:
    """Codes documents with one lexicon; build once, call ``code`` many times."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.nlp = blank_english()
        self.actors = ActorMatcher(self.lexicon, self.nlp)
        self.triggers = TriggerMatcher(self.lexicon, self.nlp)
        self.cameo = self.lexicon.cameo
        self.modality = self.lexicon.modality
        self.discards = [tuple(d.split()) for d in self.lexicon.discards]

    def _discarded(self, lowers: list[str], start: int, end: int) -> bool:
        words = lowers[start:end]
        for phrase in self.discards:
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) == phrase:
                    return True
        return False

    def _code_row(self, code: str) -> CameoCode:
        try:
            return self.cameo.get(code)
        except KeyError:  # codes from imported dictionaries outside CAMEO
            return CameoCode(code, code[:2], 0, 0.0, "", "", "", "")

    # ------------------------------------------------------------------ input
    def prepare(self, document: Document) -> tuple[str, list[str]]:
        """The text to code and any warnings about it ('' when it must be skipped)."""
        text = document.text or ""
        warnings: list[str] = []
        if not text.strip():
            return "", [f"{document.doc_id}: empty text, nothing to code"]
        if looks_binary(text):
            return "", [f"{document.doc_id}: looks like binary data, not text; skipped"]
        if "\ufffd" in text[:100000]:
            warnings.append(f"{document.doc_id}: text had invalid UTF-8 bytes (replaced)")
        if _HTML_HINT.search(text[:20000]):
            text = strip_markup(text)
            warnings.append(
                f"{document.doc_id}: looks like raw HTML; coded its visible text only "
                "(use `blocwatch ingest` for web pages)"
            )
        if not looks_english(text):
            return "", [*warnings, f"{document.doc_id}: does not look like English; skipped"]
        return text, warnings

    # ------------------------------------------------------------------ coding
    def code(self, document: Document) -> CodingResult:
        result = CodingResult(document.doc_id)
        text, result.warnings = self.prepare(document)
        if not text:
            return result
        clean, offsets = compact(normalise_layout(text))
        index = 0
        previous_sources: dict[str, Mention] = {}
        for offset, piece in chunks(clean):
            doc = self.nlp.make_doc(piece)
            sentences = split_sentences(doc, offset, index)
            index += len(sentences)
            result.sentences += len(sentences)
            self._code_chunk(doc, offset, text, offsets, sentences, document, result, previous_sources)
        return result

    def _code_chunk(
        self,
        doc: Doc,
        offset: int,
        text: str,
        offsets: OffsetMap,
        sentences,
        document: Document,
        result: CodingResult,
        previous_sources: dict[str, Mention],
    ) -> None:
        lowers = [t.lower_ for t in doc]
        raw = self.actors.raw_matches(doc, lowers)
        if not raw:
            return
        heads = self.triggers.heads
        starts = [m[0] for m in raw]
        for sent in sentences:
            lo = bisect.bisect_left(starts, sent.start)
            hi = bisect.bisect_left(starts, sent.end)
            if lo == hi:
                continue
            if not any(lowers[k] in heads for k in range(sent.start, sent.end)):
                continue
            if self.discards and self._discarded(lowers, sent.start, sent.end):
                continue
            mentions = self.actors.mentions(doc, lowers, sent.start, sent.end, raw[lo:hi], document.date)
            if not mentions:
                continue
            groups = group_mentions(mentions, lowers)
            actor_ends = {}
            for g in groups:
                form = "compound" if g.hyphen else g.members[-1].form
                actor_ends[g.end] = form
            found = self.triggers.match(lowers, sent.start, sent.end, actor_ends)
            if not found:
                continue
            view = SentenceView(lowers, sent.start, sent.end, groups)
            events = self._events(view, found, doc, offset, text, offsets, sent, document, previous_sources)
            result.events.extend(events)

    def _events(
        self,
        view: SentenceView,
        found: list[Trigger],
        doc: Doc,
        offset: int,
        text: str,
        offsets: OffsetMap,
        sent,
        document: Document,
        previous_sources: dict[str, Mention],
    ) -> list[Event]:
        out: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        last_verb_source: Group | None = None
        last_verb_end = -1
        sent_start = offsets.start(sent.char_start)
        sent_end = offsets.end(sent.char_end)
        sentence_text = text[sent_start:sent_end]
        for trig in found:
            pattern = trig.pattern
            pairs: list[tuple[Mention, Mention | None]] = []
            if pattern.kind == "noun":
                src = between_pair(view, trig) if pattern.symmetric else None
                if src is None:
                    src = noun_source(view, trig, pattern.source)
                if src is None or src.locative:
                    continue
                tgt = noun_target(view, trig, pattern.target, src)
                pairs = self._pairs(src, tgt, pattern.symmetric)
            else:
                if trig.passive:
                    src = agent_of_passive(view, trig)
                    tgt = subject(view, trig.pos)
                    if src is None:
                        continue
                else:
                    src = self._verb_subject(view, trig, last_verb_source, last_verb_end, previous_sources)
                    if src is None:
                        continue
                    tgt = target_after(view, trig.pos + 1, pattern.target, src, trig.end)
                    last_verb_source, last_verb_end = src, trig.end
                pairs = self._pairs(src, tgt, pattern.symmetric)
            if not pairs:
                continue
            mode = event_mode(view.lowers, trig.pos, view.start, view.end, self.modality)
            when, _ = resolve(sentence_text, document.date, future=mode == "future")
            row = self._code_row(pattern.code)
            t0 = offsets.start(doc[trig.pos].idx + offset)
            t_last = doc[trig.end - 1]
            t1 = offsets.end(t_last.idx + len(t_last.text) + offset)
            for s, t in pairs:
                if t is None and "optional" not in pattern.target:
                    continue
                if t is not None and t.code == s.code:
                    continue
                key = (s.code, t.code if t else "", pattern.code)
                if key in seen:
                    continue
                seen.add(key)
                s_span = self._span(doc, s, offset, offsets)
                t_span = self._span(doc, t, offset, offsets) if t else None
                out.append(
                    Event(
                        doc_id=document.doc_id,
                        date=when.isoformat() if when else "",
                        source=s.code,
                        target=t.code if t else "",
                        code=row.code if row.code == pattern.code else pattern.code,
                        root=row.root,
                        quad_class=row.quad_class,
                        goldstein=row.goldstein,
                        plover_type=row.plover_type,
                        plover_mode=row.plover_mode,
                        mode=mode,
                        sentence=sentence_text,
                        sentence_index=sent.index,
                        sentence_span=(sent_start, sent_end),
                        trigger=text[t0:t1],
                        trigger_span=(t0, t1),
                        source_text=text[s_span[0] : s_span[1]],
                        source_span=s_span,
                        target_text=text[t_span[0] : t_span[1]] if t_span else "",
                        target_span=t_span,
                        rule=pattern.id,
                        coder_version=CODER_VERSION,
                    )
                )
                previous_sources["person" if s.kind == "person" else "state"] = s
        return out

    def _verb_subject(
        self,
        view: SentenceView,
        trig: Trigger,
        last_source: Group | None,
        last_end: int,
        previous_sources: dict[str, Mention],
    ) -> Group | None:
        lowers = view.lowers
        k = trig.pos - 1
        while k >= view.start and lowers[k] in _AUX:
            k -= 1
        # coordinated verb phrases share the subject: "protested and summoned"
        if last_source is not None and k >= view.start and lowers[k] in ("and", "then", ",") and k >= last_end - 1:
            return last_source
        found = subject(view, trig.pos)
        if found is not None:
            return found
        # a pronoun subject falls back on the last actor of the same kind
        if k >= view.start and lowers[k] in _PRONOUN_SUBJECTS and (k == view.start or lowers[k - 1] in (",", "and")):
            prior = previous_sources.get(_PRONOUN_SUBJECTS[lowers[k]])
            if prior is not None:
                return Group([Mention(prior.start, prior.start, prior.code, prior.kind, "pronoun")])
        return None

    @staticmethod
    def _pairs(src: Group, tgt: Group | None, symmetric: bool) -> list[tuple[Mention, Mention | None]]:
        sources = src.members
        if tgt is None:
            if symmetric and len(sources) > 1:
                return list(permutations(sources, 2))
            return [(s, None) for s in sources]
        return [(s, t) for s in sources for t in tgt.members]

    @staticmethod
    def _span(doc: Doc, m: Mention, offset: int, offsets: OffsetMap) -> tuple[int, int] | None:
        if m.form == "pronoun" or m.end <= m.start:
            return None
        first = doc[m.start]
        last = doc[m.end - 1]
        return (offsets.start(first.idx + offset), offsets.end(last.idx + len(last.text) + offset))

    def code_many(self, documents: Iterable[Document]) -> Iterator[CodingResult]:
        for document in documents:
            yield self.code(document)


@cache
def default_coder() -> Coder:
    return Coder()


def code_document(document: Document) -> CodingResult:
    """Code one document with the shipped lexicon (pure; safe to call from any worker)."""
    return default_coder().code(document)


def code_text(text: str, day: date | None = None, doc_id: str = "text") -> list[Event]:
    """Convenience: the events of a piece of text."""
    return code_document(Document(doc_id=doc_id, text=text, date=day)).events
