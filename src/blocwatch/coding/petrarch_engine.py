"""A coder with PETRARCH/TABARI semantics, used when PETRARCH dictionaries are loaded.

The default ``Coder`` translates imported dictionaries into blocwatch patterns
and loses what they cannot express. ``PetrarchCoder`` instead codes with the
faithful model the importer keeps (``PetrarchLexicon.petrarch``), from the
text alone (a shallow parse of its own, no treebank parse):

* actor and agent phrases match on whole words; a space in a phrase lets
  other words of the same noun phrase intervene, an ``_`` does not; the first
  actor of a noun phrase is its head and its agents attach to it
  (``[~GOV]`` after the actor code, ``[NGO~]`` before it, a code already
  present is not repeated); an agent-only phrase takes the actor of an
  ``of``/``in``/``from``/``between`` phrase ("officials in Fornost"); "former"
  turns the agents into ``ELI`` (the TABARI conversion); date-restricted codes
  resolve on the document date.
* compounds ("A, B and C", "neither A nor B") code once per member; a bare
  agent after an actor-agent conjunct shares its actor ("Danish media and
  government"), bare agents before "agent in A and B" share its actors.
* a verb's source is the subject noun phrase before it (skipping auxiliaries,
  adverbs, prepositional phrases and comma parentheticals; pronouns and
  infinitives reach back to the governing subject; "and <verb>" shares the
  previous verb's subject); its target is the first coded noun phrase after
  it within its clause; "was <verb>ed by X" swaps them.
* patterns of the verb's block match words before (upper) and after (lower)
  the verb: words joined by space may have others between them, ``_`` may
  not; ``&SYNSET`` matches any member; ``+`` is the target, ``$`` the source,
  ``^`` skips a noun phrase and ``%`` is a compound coded pairwise. The
  pattern matching the most words wins, then the earlier one; a paired code
  ``[032:033]`` also codes the reverse direction.
* a coded verb absorbs the dictionary verbs of its own clause ("abandoned
  efforts to stop ...", "is said to be about to restore ..."), as PETRARCH
  codes the higher verb of a verb chain; a verb right after its own coded
  subject ("said that Rohan attacked Mordor") is coded on its own.
* events need a coded source and target (PETRARCH's ``require_dyad``);
  sentence discards void a sentence, story discards (``+``) a document.

Every event is asserted: PETRARCH codes negation and the like through
pattern codes, not modality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import permutations

from blocwatch import CODER_VERSION
from blocwatch.coding.coder import Coder, CodingResult
from blocwatch.coding.segment import OffsetMap, chunks, compact, normalise_layout, split_sentences
from blocwatch.lexicon.loader import Lexicon
from blocwatch.lexicon.petrarch import (
    NULL_CODES,
    ActorEntry,
    AgentEntry,
    PatternElement,
    PetrarchDictionaries,
    Phrase,
    VerbForm,
    VerbPattern,
)
from blocwatch.model import Document, Event

# ----------------------------------------------------------------------------- words


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DET = _words(
    "a an the this these those its his her their our my your some all any each every both several another such "
    "many few no"
)
PREP = _words(
    "of in on at by for with from into onto over under between against about during after before since until "
    "near toward towards through across along among around without within despite via upon like per amid beyond "
    "behind above below off out up down than"
)
LINK_PREPS = _words("of in from between")  # "officials in Fornost", "the government of Gondor"
CLAUSE_PREPS = _words("after before until since as")  # "after Calenardhon crowds burned ..." opens a clause
CONJ = _words("and or but nor neither either")
SUB = _words("that which who whom whose whether when while because if although though where what whereas")
PRON = _words("it he she they we i you him them us itself themselves")
AUX = _words(
    "is are was were be been being am has have had having do does did will would shall should can could may "
    "might must wo ca 'll 'd 're 've 'm"
)
BE = _words("is are was were be been being am")
NEG = _words("not n't never")
ADVERBS = _words(
    "again also now then still just already ever even soon later earlier today yesterday tomorrow very too so "
    "here there almost nearly further only once twice meanwhile however instead together"
)
NOT_ADVERBS = _words(
    "supply reply apply comply rely ally family assembly july italy only early likely holy belly rally bully fly"
)
ADJECTIVE_ENDINGS = ("ful", "ous", "ive", "ible", "able", "ical", "less")
ADJECTIVES = _words(
    "evil good bad cool old new awful senior former main great big small strong weak poor rich major minor"
)
IRREGULAR_PAST = _words(
    "left said met held fought found sank shot won lent drawn risen made paid began broke broken sought taken "
    "seen given sent sold told kept brought thought led struck stood spoke spoken wrote written begun fled lost "
    "overcome"
)
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}[A-Za-z]?\.?"  # K.U. U.S. U.S.S.R
    r"|[A-Z]\.(?=\s+[A-Z])"  # the W. of George W. Bush
    r"|\d+(?:[.,]\d+)*(?:-[A-Za-z0-9]+)*"  # 50,000 11.8 12-year
    r"|[A-Za-z0-9&]+(?:['’][A-Za-z]+|-[A-Za-z0-9]+)*(?:-(?!-))?"  # words, hyphenated words, anti-
    r"|--|``|''|[^\sA-Za-z0-9_]"
)


@dataclass(slots=True)
class Tok:
    text: str
    up: str
    low: str
    start: int  # offsets into the compacted text
    end: int


def tokenize(text: str, base: int = 0) -> list[Tok]:
    """Treebank-style words: "didn't" → did n't, "Gondor's" → Gondor 's; ``_`` joins nothing."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0).replace("’", "'")
        a = m.start() + base
        pieces: list[tuple[str, int]] = []
        low = word.lower()
        if len(word) > 3 and low.endswith("n't"):
            pieces = [(word[:-3], 0), (word[-3:], len(word) - 3)]
        elif len(word) > 2 and low.endswith("'s"):
            pieces = [(word[:-2], 0), (word[-2:], len(word) - 2)]
        else:
            pieces = [(word, 0)]
        for piece, offset in pieces:
            if piece:
                out.append(Tok(piece, piece.upper(), piece.lower(), a + offset, a + offset + len(piece)))
    return out


def _gap_word(word: str) -> bool:
    """May this (upper-case) word stand between the words of an open phrase ("Ithilen state-run television")?"""
    low = word.lower()
    return low.replace("-", "").isalnum() and not (low in PREP or low in CONJ or low in AUX or low in SUB)


def phrase_end(up: list[str], phrase: Phrase, i: int) -> int | None:
    """End of ``phrase`` matched at token ``i`` of ``up`` (None: no match); an open link skips up to two words."""
    n = len(up)
    if i >= n or up[i] != phrase.words[0]:
        return None
    k = i + 1
    for word, closed in zip(phrase.words[1:], phrase.closed, strict=False):
        if closed:
            if k < n and up[k] == word:
                k += 1
                continue
            return None
        j = k
        while j < n and j - k < 2 and up[j] != word and _gap_word(up[j]):
            j += 1
        if j < n and up[j] == word:
            k = j + 1
            continue
        return None
    return k


def contains(up: list[str], phrases: list[Phrase]) -> bool:
    return any(phrase_end(up, p, i) is not None for p in phrases for i in range(len(up)))


# ----------------------------------------------------------------------------- sentence model


@dataclass(slots=True)
class Chunk:
    """A run of noun-phrase words; its first actor is the head, all its agents attach."""

    start: int
    end: int
    actor: tuple[str, ...] = ()
    agents: list[AgentEntry] = field(default_factory=list)
    former: bool = False
    has_actor: bool = False

    @property
    def coded(self) -> bool:
        return bool(self.actor or self.agents)


@dataclass(slots=True)
class Member:
    actor: tuple[str, ...]
    agents: list[AgentEntry]
    former: bool = False


@dataclass(slots=True)
class NounPhrase:
    """A noun phrase as the coder sees it: one or more members over tokens ``[start, end)``."""

    start: int
    end: int
    members: list[Member]
    pp: str | None = None  # the preposition that introduces it
    head: Chunk | None = None
    linked: NounPhrase | None = None  # the of/in phrase an uncoded head took its actor from
    items: list[NounPhrase] = field(default_factory=list)

    @property
    def compound(self) -> bool:
        return len(self.items) > 1

    def codes(self) -> list[str]:
        out: list[str] = []
        for m in self.members:
            for code in member_codes(m):
                if code not in out:
                    out.append(code)
        return out

    @property
    def coded(self) -> bool:
        return bool(self.codes())


def _aligned(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def compose(actor: str | None, agents: list[AgentEntry], former: bool) -> str:
    """Actor code plus agent codes: prefixes before, suffixes after, no repeated 3-letter element."""
    code = actor or "---"
    suffixes = [a.code for a in agents if not a.prefix or actor is None]
    prefixes = [a.code for a in agents if a.prefix and actor is not None]
    if former:
        suffixes, prefixes = ["ELI"], []
    for suffix in suffixes:
        for piece in _aligned(suffix):
            if piece and piece not in _aligned(code):
                code += piece
    for prefix in reversed(prefixes):
        if not code.startswith(prefix):
            code = prefix + code
    return code


def member_codes(m: Member) -> list[str]:
    if m.actor:
        return [compose(c, m.agents, m.former) for c in m.actor]
    if m.agents:
        return [compose(None, m.agents, m.former)]
    return []


@dataclass(slots=True)
class VerbHit:
    start: int
    end: int
    form: VerbForm
    morph: str


@dataclass(slots=True)
class Match:
    score: int
    pattern: VerbPattern
    binds: dict[str, NounPhrase]
    upper_left: int


class _Sentence:
    """Classes, phrases, verbs, chunks and noun phrases of one sentence."""

    def __init__(self, coder: PetrarchCoder, toks: list[Tok], day: date | None) -> None:
        self.coder = coder
        self.toks = toks
        self.up = [t.up for t in toks]
        self.low = [t.low for t in toks]
        self.n = len(toks)
        self.day = day
        self.cls = ["WORD"] * self.n
        self.phrase_at: dict[int, tuple[int, str, object]] = {}  # start -> (end, kind, entry)
        self.in_phrase = [False] * self.n
        self.verbs: list[VerbHit] = []
        self.chunks: list[Chunk] = []
        self.chunk_at: dict[int, int] = {}
        self.nes: list[NounPhrase] = []
        self.units: list[NounPhrase] = []
        self._match_phrases()
        self._classify()
        self._find_verbs()
        self._unknown_verbs()
        self._build_chunks()
        self._build_nes()

    # ---------------------------------------------------------------- phrases
    def _match_phrases(self) -> None:
        i = 0
        index = self.coder.phrase_index
        while i < self.n:
            best = None
            for kind, phrase, entry in index.get(self.up[i], ()):
                end = phrase_end(self.up, phrase, i)
                if end is None:
                    continue
                rank = (end - i, len(phrase.words), kind == "actor")
                if best is None or rank > best[0]:
                    best = (rank, end, kind, entry)
            if best is None:
                i += 1
                continue
            _, end, kind, entry = best
            self.phrase_at[i] = (end, kind, entry)
            for k in range(i, end):
                self.in_phrase[k] = True
                self.cls[k] = "ACT" if kind == "actor" else "AGT"
            i = end

    # ---------------------------------------------------------------- word classes
    def _classify(self) -> None:
        for k, low in enumerate(self.low):
            if self.in_phrase[k]:
                continue
            if low in ("'s", "'"):
                c = "POSS"
            elif low == "to":
                c = "TO"
            elif low in AUX:
                c = "AUX"
            elif low in NEG:
                c = "NEG"
            elif low in DET:
                c = "DET"
            elif low in CONJ:
                c = "CONJ"
            elif low in SUB:
                c = "SUB"
            elif low in PREP:
                c = "PREP"
            elif low in PRON:
                c = "PRON"
            elif low in ADVERBS or (len(low) >= 5 and low.endswith("ly") and low not in NOT_ADVERBS):
                c = "ADV"
            elif low[0].isdigit():
                c = "NUM"
            elif not (low[0].isalnum() or low[0] == "&"):
                c = "PUNCT"
            else:
                c = "WORD"
            self.cls[k] = c

    def _find_verbs(self) -> None:
        forms = self.coder.forms_by_first
        i = 0
        while i < self.n:
            if self.cls[i] != "WORD":
                i += 1
                continue
            hit = None
            for form in forms.get(self.up[i], ()):
                end = i + len(form.words)
                if end <= self.n and all(
                    self.up[i + j] == w and (self.cls[i + j] == "WORD" or (j > 0 and self.cls[i + j] == "PREP"))
                    for j, w in enumerate(form.words)
                ):
                    hit = VerbHit(i, end, form, _morph(form))
                    break
            if hit is None:
                i += 1
                continue
            verbal = self._verbal(hit)
            for k in range(hit.start, hit.end):
                self.cls[k] = "VERB" if verbal else "VNOUN"
            if verbal:
                self.verbs.append(hit)
            i = hit.end

    def _verbal(self, hit: VerbHit) -> bool:
        """Verb or noun? Decided from the words before it (determiners, auxiliaries, objects)."""
        p = hit.start - 1
        if p < 0:
            return True
        c = self.cls[p]
        if hit.morph == "past":
            return c not in ("DET", "POSS")
        if c == "TO":
            return hit.morph == "base"
        if c in ("AUX", "NEG", "ADV", "PRON", "SUB"):
            return True
        if c in ("DET", "POSS", "PREP"):
            return False
        j = p
        while j >= 0:
            c = self.cls[j]
            if c in ("WORD", "NUM", "ACT", "AGT", "VNOUN"):
                j -= 1
                continue
            if c == "DET" and j + 1 < hit.start and self.cls[j + 1] == "ACT" and self.cls[hit.start - 1] == "ACT":
                j -= 1  # "the Central African Republic agree": the article belongs to the actor
                continue
            if c in ("DET", "POSS", "PREP", "VERB", "UVERB"):
                return False
            if c == "CONJ" and self.low[j] != "neither":
                return not (j > 0 and self.cls[j - 1] == "VNOUN")
            break
        return True

    def _unknown_verbs(self) -> None:
        """Words outside the dictionaries that act as verbs: after an auxiliary or "to", or -ed after a noun."""
        for k in range(self.n):
            if self.cls[k] != "WORD":
                continue
            j = k - 1
            while j >= 0 and self.cls[j] in ("ADV", "NEG"):
                j -= 1
            prev = self.cls[j] if j >= 0 else ""
            word = self.toks[k].text
            if prev == "AUX" or (prev == "TO" and word[:1].islower()):
                self.cls[k] = "UVERB"
            elif (
                self.low[k].endswith("ed")
                and len(word) > 4
                and (prev in ("WORD", "ACT", "AGT", "NUM") or (prev == "PUNCT" and self.low[j] == ","))
            ):
                # "Falastur noted that", "crowds trashed": after a noun; "the affected villages" stays a word
                self.cls[k] = "UVERB"

    # ---------------------------------------------------------------- chunks and noun phrases
    def _adjective(self, k: int) -> bool:
        low = self.low[k]
        return self.cls[k] == "WORD" and (low in ADJECTIVES or low.endswith(ADJECTIVE_ENDINGS))

    def _build_chunks(self) -> None:
        material = ("DET", "WORD", "NUM", "ACT", "AGT", "POSS", "VNOUN")
        k = 0
        while k < self.n:
            if self.cls[k] not in material:
                k += 1
                continue
            start = k
            while k < self.n:
                if self.cls[k] in material:
                    k += 1
                    continue
                # "awful and evil minister": adjectives joined inside one noun phrase
                if (
                    self.low[k] == "and"
                    and k > start
                    and self._adjective(k - 1)
                    and k + 1 < self.n
                    and self.cls[k + 1] in ("WORD", "ACT", "AGT")
                ):
                    k += 1
                    continue
                break
            end = k
            # a short parenthesis right after a noun phrase belongs to it: "the European Union (EU)"
            if end < self.n and self.low[end] == "(":
                close = next((j for j in range(end + 1, min(self.n, end + 6)) if self.low[j] == ")"), None)
                if close is not None:
                    end = close + 1
                    k = end
            if all(self.cls[j] in ("DET", "PUNCT") for j in range(start, end)):
                continue
            self.chunk_at[start] = len(self.chunks)
            self.chunks.append(self._chunk(start, end))

    def _chunk(self, start: int, end: int) -> Chunk:
        chunk = Chunk(start, end)
        k = start
        while k < end:
            hit = self.phrase_at.get(k)
            if hit is None:
                if self.low[k] == "former":
                    chunk.former = True
                k += 1
                continue
            p_end, kind, entry = hit
            if kind == "actor":
                if not chunk.has_actor:
                    assert isinstance(entry, ActorEntry)
                    chunk.actor = entry.codes.on(self.day)
                    chunk.has_actor = True
            else:
                assert isinstance(entry, AgentEntry)
                if all(a.code != entry.code for a in chunk.agents):
                    chunk.agents.append(entry)
            k = p_end
        return chunk

    def _pp(self, start: int) -> str | None:
        j = start - 1
        if j >= 0 and self.cls[j] == "PREP":
            return self.low[j]
        return None

    def _np(self, ci: int) -> NounPhrase:
        ch = self.chunks[ci]
        ne = NounPhrase(ch.start, ch.end, [Member(ch.actor, list(ch.agents), ch.former)], self._pp(ch.start), ch)
        ne.items = [ne]
        end = ch.end
        if not ch.actor and end + 1 < self.n and self.low[end] in LINK_PREPS and (end + 1) in self.chunk_at:
            sub = self._npc(self.chunk_at[end + 1])
            if sub.coded:
                members = []
                for m in sub.members:
                    members.append(Member(m.actor, list(ch.agents) + list(m.agents), ch.former or m.former))
                ne = NounPhrase(ch.start, sub.end, members, ne.pp, ch, linked=sub)
                ne.items = [ne]
        return ne

    def _npc(self, ci: int) -> NounPhrase:
        first = self._np(ci)
        items = [first]
        tentative: list[NounPhrase] = []
        final = None
        j = first.end
        while j < self.n:
            low = self.low[j]
            if low == "," and j + 1 < self.n and self.low[j + 1] in ("and", "or", "nor"):
                k, is_final = j + 2, True
            elif low == ",":
                k, is_final = j + 1, False
            elif low in ("and", "or", "nor"):
                k, is_final = j + 1, True
            else:
                break
            if k not in self.chunk_at:
                break
            nxt = self._np(self.chunk_at[k])
            if is_final:
                final = nxt
                break
            tentative.append(nxt)
            j = nxt.end
        if final is None:
            return first
        items = [first, *tentative, final]
        self._share(items)
        members = [m for it in items for m in it.members]
        ne = NounPhrase(first.start, final.end, members, first.pp, first.head)
        ne.items = items
        return ne

    @staticmethod
    def _share(items: list[NounPhrase]) -> None:
        """Bare agents share the compound's actors: "lawmakers and officials in A", "Danish media and government"."""

        def bare_agent(it: NounPhrase) -> bool:
            return it.head is not None and it.linked is None and not it.head.actor and bool(it.head.agents)

        last = items[-1]
        if last.linked is not None and all(bare_agent(it) for it in items[:-1]):
            for it in items[:-1]:
                assert it.head is not None
                it.members = [Member(m.actor, it.head.agents + m.agents, it.head.former) for m in last.linked.members]
        head = items[0].head
        if head is not None and head.actor and head.agents and items[0].linked is None:
            shared = head.agents[:-1]
            for it in items[1:]:
                if bare_agent(it):
                    assert it.head is not None
                    it.members = [Member(head.actor, shared + it.head.agents, it.head.former)]

    def _build_nes(self) -> None:
        covered = 0
        for ci, ch in enumerate(self.chunks):
            if ch.start < covered:
                continue
            ne = self._npc(ci)
            self.nes.append(ne)
            covered = ne.end
        units = list(self.nes)
        seen = {(u.start, u.end) for u in units}
        for ci, ch in enumerate(self.chunks):
            if ch.coded and (ch.start, ch.end) not in seen:
                units.append(self._np_plain(ci))
        units.sort(key=lambda u: (u.start, -u.end))
        self.units = units

    def _np_plain(self, ci: int) -> NounPhrase:
        ch = self.chunks[ci]
        ne = NounPhrase(ch.start, ch.end, [Member(ch.actor, list(ch.agents), ch.former)], self._pp(ch.start), ch)
        ne.items = [ne]
        return ne

    def ne_ending_at(self, k: int) -> NounPhrase | None:
        for ne in self.nes:
            if ne.end == k + 1:
                return ne
        return None


def _morph(form: VerbForm) -> str:
    word = form.words[form.head].lower()
    if form.morph == "base" and form.explicit:
        if word in IRREGULAR_PAST or word.endswith("ed"):
            return "past"
        if word.endswith("ing"):
            return "ing"
        if word.endswith("s") and not word.endswith("ss"):
            return "3sg"
    return form.morph


# ----------------------------------------------------------------------------- the coder


class PetrarchCoder(Coder):
    """Codes documents with PETRARCH dictionaries and PETRARCH's coding rules (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, dictionaries: PetrarchDictionaries | None = None) -> None:
        super().__init__(lexicon)
        dicts = dictionaries if dictionaries is not None else getattr(lexicon, "petrarch", None)
        if dicts is None:
            raise ValueError("PetrarchCoder needs PETRARCH dictionaries (load them with load_petrarch_dir)")
        self.dicts = dicts
        self.phrase_index: dict[str, list[tuple[str, Phrase, object]]] = {}
        for actor in dicts.actors:
            for phrase in actor.phrases:
                self.phrase_index.setdefault(phrase.words[0], []).append(("actor", phrase, actor))
        for agent in dicts.agents:
            self.phrase_index.setdefault(agent.phrase.words[0], []).append(("agent", agent.phrase, agent))
        self.forms_by_first: dict[str, list[VerbForm]] = {}
        for form in dicts.forms.values():
            if form.words[form.head].lower() in AUX:
                continue
            self.forms_by_first.setdefault(form.words[0], []).append(form)
        for forms in self.forms_by_first.values():
            forms.sort(key=lambda f: -len(f.words))
        self.synsets: dict[str, list[tuple[PatternElement, ...]]] = {}
        for name in dicts.synsets:
            self.synsets[name] = self._expand(name, set())

    def _expand(self, name: str, seen: set[str]) -> list[tuple[PatternElement, ...]]:
        out: list[tuple[PatternElement, ...]] = []
        for member in self.dicts.synsets.get(name, ()):
            if len(member) == 1 and member[0].kind == "synset" and member[0].value not in seen:
                out += self._expand(member[0].value, seen | {name})
            else:
                out.append(member)
        return out

    # ---------------------------------------------------------------- documents
    def code(self, document: Document) -> CodingResult:
        result = CodingResult(document.doc_id)
        text, result.warnings = self.prepare(document)
        if not text:
            return result
        clean, offsets = compact(normalise_layout(text))
        pieces = []
        index = 0
        for offset, piece in chunks(clean):
            doc = self.nlp.make_doc(piece)
            sentences = split_sentences(doc, offset, index)
            index += len(sentences)
            pieces += [(s.index, s.char_start, s.char_end) for s in sentences]
        result.sentences = len(pieces)
        token_lists = [(i, a, b, tokenize(clean[a:b], a)) for i, a, b in pieces]
        if contains([t.up for *_, toks in token_lists for t in toks], self.dicts.story_discards):
            return result
        for sent_index, a, b, toks in token_lists:
            if not toks:
                continue
            result.events += self._code_sentence(document, text, offsets, sent_index, a, b, toks)
        return result

    # ---------------------------------------------------------------- one sentence
    def _code_sentence(
        self, document: Document, text: str, offsets: OffsetMap, sent_index: int, a: int, b: int, toks: list[Tok]
    ) -> list[Event]:
        if contains([t.up for t in toks], self.dicts.sentence_discards):
            return []
        sent = _Sentence(self, toks, document.date)
        found = self.analyse(sent)
        events: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        s0, s1 = offsets.start(a), offsets.end(b)
        sentence_text = text[s0:s1]

        def span(lo: int, hi: int) -> tuple[int, int]:
            return offsets.start(toks[lo].start), offsets.end(toks[hi - 1].end)

        for verb, src_ne, tgt_ne, source, target, code, rule in found:
            key = (source, target, code)
            if key in seen:
                continue
            seen.add(key)
            row = self._code_row(code)
            t_span = span(verb.start, verb.end)
            src_span = span(src_ne.start, src_ne.end)
            tgt_span = span(tgt_ne.start, tgt_ne.end)
            events.append(
                Event(
                    doc_id=document.doc_id,
                    date=document.date.isoformat() if document.date else "",
                    source=source,
                    target=target,
                    code=code,
                    root=row.root,
                    quad_class=row.quad_class,
                    goldstein=row.goldstein,
                    plover_type=row.plover_type,
                    plover_mode=row.plover_mode,
                    mode="asserted",
                    sentence=sentence_text,
                    sentence_index=sent_index,
                    sentence_span=(s0, s1),
                    trigger=text[t_span[0] : t_span[1]],
                    trigger_span=t_span,
                    source_text=text[src_span[0] : src_span[1]],
                    source_span=src_span,
                    target_text=text[tgt_span[0] : tgt_span[1]],
                    target_span=tgt_span,
                    rule=rule,
                    coder_version=CODER_VERSION,
                )
            )
        return events

    def analyse(self, sent: _Sentence) -> list[tuple]:
        """(verb, source phrase, target phrase, source code, target code, event code, rule) of a sentence."""
        out: list[tuple] = []
        suppressed: set[int] = set()
        previous_source: NounPhrase | None = None
        for verb in sent.verbs:
            if verb.start in suppressed and not self._has_own_subject(sent, verb):
                continue
            block = self.dicts.blocks.get(verb.form.block)
            if block is None:
                continue
            scope = self._scope_end(sent, verb.end)
            match = self._best_pattern(sent, verb, block.patterns, scope)
            if match is not None:
                code, rule = match.pattern.code, f"petrarch.{block.name}.{match.pattern.order}"
            else:
                code, rule = (verb.form.code or block.code), f"petrarch.{block.name}"
            coordinated = self._coordinated(sent, verb.start)
            subject = (
                previous_source if coordinated else self._subject(sent, verb.start - 1, self._infinitive(sent, verb))
            )
            if coordinated and subject is None:
                subject = self._subject(sent, verb.start - 1, False)
            if subject is not None:
                previous_source = subject
            if code.upper() in NULL_CODES:
                continue
            for k in range(verb.end, scope):
                suppressed.add(k)
            for src, tgt, ev_code in self._pairs(sent, verb, match, code, subject, scope):
                out.append((verb, src[0], tgt[0], src[1], tgt[1], ev_code, rule))
        return out

    # ---------------------------------------------------------------- sources and targets
    def _pairs(self, sent: _Sentence, verb: VerbHit, match: Match | None, code: str, subject, scope: int):
        binds = match.binds if match else {}
        upper_pct = binds.get("%upper")
        codes = [c.strip() for c in code.split(":")]
        forward, backward = codes[0], (codes[1] if len(codes) > 1 and codes[1] else None)
        pairs: list[tuple[tuple[NounPhrase, str], tuple[NounPhrase, str], str]] = []
        if upper_pct is not None:
            members = [(item, c) for item in upper_pct.items for c in item.codes()]
            for (s_ne, s), (t_ne, t) in permutations(members, 2):
                if s != t:
                    pairs.append(((s_ne, s), (t_ne, t), forward))
                    if backward:
                        pairs.append(((t_ne, t), (s_ne, s), backward))
            return pairs
        source = binds.get("$")
        target = binds.get("+") or binds.get("%lower")
        if source is None:
            if "+upper" in binds and match is not None:
                source = self._subject(sent, match.upper_left - 1, False)
            else:
                source = subject
        if target is None:  # a "$" pattern without "+" leaves the subject as the target
            target = subject if "$" in binds else self._first_coded(sent, verb.end, scope, exclude=source)
        if match is None or not binds:
            agent = self._passive_agent(sent, verb, scope)
            if agent is not None:
                source, target = agent, subject
        if source is None or target is None:
            return []
        for s in source.codes():
            for t in target.codes():
                if s == t:
                    continue
                pairs.append(((source, s), (target, t), forward))
                if backward:
                    pairs.append(((target, t), (source, s), backward))
        return pairs

    def _first_coded(self, sent: _Sentence, start: int, end: int, exclude=None) -> NounPhrase | None:
        for ne in sent.nes:
            if ne.start >= start and ne.start < end and ne.coded and ne is not exclude:
                return ne
        return None

    def _passive_agent(self, sent: _Sentence, verb: VerbHit, scope: int) -> NounPhrase | None:
        """``X was <verb>ed by Y``: Y, else None."""
        if verb.morph != "past":
            return None
        j = verb.start - 1
        while j >= 0 and sent.cls[j] in ("ADV", "NEG", "CONJ") and sent.low[j] not in (",",):
            j -= 1
        if j < 0 or sent.low[j] not in BE:
            return None
        k = verb.end
        while k < scope and sent.cls[k] == "ADV":
            k += 1
        if k + 1 >= scope or sent.low[k] != "by":
            return None
        for ne in sent.nes:
            if ne.start == k + 1 and ne.coded:
                return ne
        return None

    def _has_own_subject(self, sent: _Sentence, verb: VerbHit) -> bool:
        """A finite verb right after its own coded subject ("said that Y attacked Z") is not absorbed."""
        if self._infinitive(sent, verb):
            return False
        k = verb.start - 1
        while k >= 0 and sent.cls[k] in ("AUX", "NEG", "ADV"):
            k -= 1
        ne = sent.ne_ending_at(k)
        return ne is not None and ne.pp is None and ne.coded

    def _infinitive(self, sent: _Sentence, verb: VerbHit) -> bool:
        j = verb.start - 1
        while j >= 0 and sent.cls[j] in ("ADV", "NEG"):
            j -= 1
        return j >= 0 and sent.cls[j] == "TO"

    def _coordinated(self, sent: _Sentence, start: int) -> bool:
        j = start - 1
        while j >= 0 and sent.cls[j] in ("ADV", "NEG", "AUX"):
            j -= 1
        if j < 1 or sent.low[j] not in ("and", "but", "or"):
            return False
        return sent.cls[j - 1] != "ADV"  # "heavily and unjustly criticized" joins adverbs, not verbs

    def _subject(self, sent: _Sentence, k: int, infinitive: bool) -> NounPhrase | None:
        """The subject noun phrase ending at or before token ``k``."""
        while k >= 0:
            c, low = sent.cls[k], sent.low[k]
            if (
                c in ("AUX", "NEG", "ADV", "TO")
                or (low == "about" and k + 1 < sent.n and sent.low[k + 1] == "to")
                or (c == "CONJ" and k > 0 and sent.cls[k - 1] == "ADV" and sent.cls[k + 1] == "ADV")
            ):
                k -= 1
                continue
            ne = sent.ne_ending_at(k)
            if ne is not None:
                if ne.pp in CLAUSE_PREPS:
                    return ne
                if ne.pp is not None:
                    k = ne.start - 2
                    continue
                if infinitive and not ne.coded:
                    k = ne.start - 1
                    continue
                return ne
            if low == ",":
                j = next((j for j in range(k - 1, max(-1, k - 12), -1) if sent.low[j] == ","), None)
                if j is not None and (k - j <= 4 or sent.cls[j + 1] in ("PREP", "ADV")):
                    k = j - 1
                    continue
                return None
            if c == "PRON":
                return self._antecedent(sent, k)
            if c in ("VERB", "UVERB") and infinitive:
                k -= 1
                continue
            return None
        return None

    def _antecedent(self, sent: _Sentence, k: int) -> NounPhrase | None:
        for ne in reversed(sent.nes):
            if ne.end <= k and ne.coded and ne.pp is None:
                return ne
        return None

    def _new_clause(self, sent: _Sentence, j: int) -> bool:
        """Does a clause (noun phrase + verb) start at token ``j``?"""
        k = j
        while k < sent.n and sent.cls[k] == "DET":
            k += 1
        start = k
        while k < sent.n and sent.cls[k] in ("WORD", "NUM", "ACT", "AGT", "POSS", "VNOUN", "ADV"):
            k += 1
        if k == start and not (k < sent.n and sent.cls[k] == "PRON"):
            return False
        if k < sent.n and sent.cls[k] == "PRON":
            k += 1
        while k < sent.n and sent.cls[k] in ("AUX", "NEG", "ADV"):
            k += 1
        return k < sent.n and sent.cls[k] in ("VERB", "UVERB")

    def _scope_end(self, sent: _Sentence, start: int) -> int:
        k = start
        while k < sent.n:
            low = sent.low[k]
            if low in (";", ":"):
                return k
            if low == "," and self._new_clause(sent, k + 1):
                return k
            if low in ("and", "but"):
                j = k + 1
                while j < sent.n and sent.cls[j] in ("ADV", "AUX", "NEG"):
                    j += 1
                if j < sent.n and sent.cls[j] == "VERB":
                    return k
            k += 1
        return sent.n

    # ---------------------------------------------------------------- patterns
    def _best_pattern(self, sent: _Sentence, verb: VerbHit, patterns: list[VerbPattern], scope: int) -> Match | None:
        best: Match | None = None
        for pattern in patterns:
            found = self._match_pattern(sent, verb, pattern, scope)
            if found is None:
                continue
            if best is None or found.score > best.score:
                best = found
        return best

    def _match_pattern(self, sent: _Sentence, verb: VerbHit, pattern: VerbPattern, scope: int) -> Match | None:
        best_upper = None
        for score_u, pos_u, binds_u in self._walk(sent, pattern.upper, 0, verb.start - 1, -1, 0, scope, {}):
            if best_upper is None or score_u > best_upper[0]:
                best_upper = (score_u, pos_u, binds_u)
        if best_upper is None:
            return None
        best_lower = None
        for score_l, _, binds_l in self._walk(sent, pattern.lower, 0, verb.end, 1, 0, scope, {}):
            if best_lower is None or score_l > best_lower[0]:
                best_lower = (score_l, None, binds_l)
        if best_lower is None:
            return None
        binds = {**best_upper[2], **best_lower[2]}
        upper_left = best_upper[1] + 1 if pattern.upper else verb.start
        return Match(best_upper[0] + best_lower[0], pattern, binds, upper_left)

    def _walk(self, sent: _Sentence, elems, i: int, pos: int, step: int, score: int, scope: int, binds: dict):
        """Yield (score, position after the last element, bindings) for every way ``elems[i:]`` match."""
        if i == len(elems):
            yield score, pos, binds
            return
        el = elems[i]
        limit = scope if step > 0 else sent.n
        if el.kind in ("+", "$", "%", "^"):
            unit = self._marker_unit(sent, el, pos, step, scope)
            if unit is None:
                return
            key = el.kind if el.kind in "+$" else None
            new = dict(binds)
            if key:
                new[key] = unit
                if step < 0 and key == "+":
                    new["+upper"] = unit
            if el.kind == "%":
                new["%upper" if step < 0 else "%lower"] = unit
            nxt = unit.end if step > 0 else unit.start - 1
            yield from self._walk(sent, elems, i + 1, nxt, step, score + 1, scope, new)
            return
        candidates = [pos] if el.closed else list(range(pos, scope if step > 0 else -1, step))
        for p in candidates:
            if not 0 <= p < limit:
                continue
            for end, gained in self._match_element(sent, el, p, step, scope):
                yield from self._walk(sent, elems, i + 1, end, step, score + gained, scope, binds)

    def _match_element(self, sent: _Sentence, el: PatternElement, p: int, step: int, scope: int):
        """(next position, words matched) for element ``el`` placed at ``p``."""
        if el.kind == "word":
            if sent.up[p] == el.value:
                yield p + step, 1
            return
        for member in self.synsets.get(el.value, ()):
            seq = list(member) if step > 0 else _reverse(member, el.closed)
            first = PatternElement(seq[0].kind, seq[0].value, True)
            for score, end, _ in self._walk(sent, [first, *seq[1:]], 0, p, step, 0, scope, {}):
                if score:
                    yield end, score

    def _marker_unit(self, sent: _Sentence, el: PatternElement, pos: int, step: int, scope: int):
        if el.kind == "^":
            if step > 0:
                return next((ch for ch in sent.chunks if ch.end > pos and ch.start < scope), None)
            return next((ch for ch in reversed(sent.chunks) if ch.start <= pos), None)
        if step > 0:
            for unit in sent.units:
                if unit.end <= pos or unit.start >= scope or not unit.coded:
                    continue
                if unit.start < pos and any(sent.cls[k] not in ("DET", "POSS") for k in range(unit.start, pos)):
                    continue
                if el.closed and unit.start > pos:
                    return None
                if el.kind == "%" and not unit.compound:
                    return None
                return unit
            return None
        best = None
        for unit in sent.units:
            if (
                unit.end - 1 <= pos
                and unit.coded
                and (best is None or (unit.end, -unit.start) > (best.end, -best.start))
            ):
                best = unit
        if best is None or (el.closed and best.end - 1 != pos) or (el.kind == "%" and not best.compound):
            return None
        return best


def _reverse(member: tuple[PatternElement, ...], outer_closed: bool) -> list[PatternElement]:
    """A synset member matched right to left: closedness moves to the neighbour."""
    out = []
    for i in range(len(member) - 1, -1, -1):
        closed = outer_closed if i == len(member) - 1 else member[i + 1].closed
        out.append(PatternElement(member[i].kind, member[i].value, closed))
    return out


def coder_for(lexicon: Lexicon) -> Coder:
    """The PETRARCH coder when ``lexicon`` carries PETRARCH dictionaries with verbs, else the default ``Coder``.

    Without a verb dictionary (say, Phoenix actors only) the default coder keeps its own verb patterns and
    uses the imported actors.
    """
    dictionaries = getattr(lexicon, "petrarch", None)
    if dictionaries is not None and dictionaries.blocks:
        return PetrarchCoder(lexicon)
    return Coder(lexicon)
