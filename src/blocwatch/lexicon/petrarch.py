"""Import PETRARCH/TABARI-format dictionaries (actors, agents, verbs, discards).

Formats as documented in the TABARI manual (Schrodt 2014) and PETRARCH2's
dictionaries: actor phrases with ``_`` joining words, ``+`` synonym lines,
codes in brackets with optional date restrictions (``[HOB < 950601]``,
``[HOBGOV 19950601 - 19990815]``, ``[HOBREB > 990816]``); agents as
``PHRASE {PLURALS} [~GOV]`` with ``!MACRO!`` substitutions; verbs as
``--- NAME [code] ---`` blocks of verb forms and ``- … * … [code]`` patterns;
discards as phrases whose presence voids a sentence. Verb patterns are
translated as far as the blocwatch engine can express them: words after the
verb become object phrases, ``+`` marks where the target follows and ``%``
makes the pattern symmetric. Patterns with words before the verb or a ``$``
source after it are not translated (counted in ``ImportReport``).

Besides that translation, the files are read into a faithful model,
``PetrarchDictionaries`` (see ``read_dictionaries``), which keeps what the
blocwatch lexicon records cannot hold: open (space) and closed (``_``)
connectors inside phrases, multi-code actors (``[ELR/GAL]``), date-restricted
codes in file order, prefix and suffix agents (``[NGO~]``, ``[~GOV]``),
multi-word verbs with their marked head (``WIRE_+TAP``), paired codes
(``[032:033]``), upper and lower pattern parts with the ``+ $ ^ %`` markers,
nested synsets, and sentence versus story discards. ``load_petrarch_dir``
attaches it to the lexicon it returns (``PetrarchLexicon.petrarch``) so that
``blocwatch.coding.petrarch_engine`` can code with PETRARCH semantics.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from blocwatch.lexicon.entries import ActorPhrase, DatedActor, EventPattern, Role
from blocwatch.lexicon.inflect import gerund, past, third_person, verb_forms
from blocwatch.lexicon.loader import Lexicon

_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"#.*$")
_VERB_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")


class PetrarchError(ValueError):
    """A PETRARCH dictionary could not be read."""


@dataclass
class ImportReport:
    actors: int = 0
    agents: int = 0
    verbs: int = 0
    patterns: int = 0
    skipped_patterns: int = 0
    discards: int = 0
    notes: list[str] = field(default_factory=list)


def _strip(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    return _COMMENT.sub("", line).rstrip()


def _phrase(raw: str) -> tuple[str, bool]:
    """TABARI phrase → (words, exact). A trailing underscore forbids suffixes."""
    raw = raw.strip()
    exact = raw.endswith("_")
    words = raw.strip("_").replace("_", " ").strip()
    return " ".join(words.split()).lower(), exact


def _yymmdd(text: str) -> date:
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        return date(year, int(text[2:4]), int(text[4:6]))
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code_block(block: str) -> Role | None:
    """``HOBGOV 19950601 - 19990815`` → Role; '---' (null code) gives code ''; an impossible date gives None."""
    try:
        return _parse_code_block(block)
    except ValueError:  # e.g. [ARMUNR 9008223-911221] in Phoenix.Countries.actors.txt
        return None


def _parse_code_block(block: str) -> Role | None:
    block = block.strip()
    m = re.match(r"^(\S+)?\s*(<|>)\s*(\d{6,8})$", block)
    if m:
        code = m.group(1) or ""
        day = _yymmdd(m.group(3))
        return Role(
            code=_clean_code(code), end=day if m.group(2) == "<" else None, start=day if m.group(2) == ">" else None
        )
    m = re.match(r"^(\S+)?\s*(\d{6,8})\s*-\s*(\d{6,8})$", block)
    if m:
        return Role(code=_clean_code(m.group(1) or ""), start=_yymmdd(m.group(2)), end=_yymmdd(m.group(3)))
    if not block:
        return None
    return Role(code=_clean_code(block.split()[0]))


def _clean_code(code: str) -> str:
    code = code.split("/")[0]
    return "" if code in ("---", "+++", "###") else code.upper()


def read_actors(path: Path) -> tuple[list[ActorPhrase], dict[str, DatedActor]]:
    phrases: list[ActorPhrase] = []
    actors: dict[str, DatedActor] = {}
    names: list[tuple[str, bool]] = []
    roles: list[Role] = []

    def flush() -> None:
        if not names:
            return
        key = f"petrarch:{names[0][0]}"
        dated = [r for r in roles if r.start or r.end]
        plain = [r for r in roles if not (r.start or r.end)]
        default = plain[0].code if plain else ""
        actors[key] = DatedActor(key=key, name=names[0][0], default=default, roles=tuple(dated))
        for text, exact in names:
            phrases.append(ActorPhrase(text, False, "person", key, "alias" if exact else "stem"))

    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            role = parse_code_block(stripped[1:].split("]")[0])
            if role is not None:
                roles.append(role)
            continue
        if stripped.startswith("+"):
            names.append(_phrase(stripped[1:].split("[")[0]))
            for block in _CODE_BLOCK.findall(stripped):
                role = parse_code_block(block)
                if role is not None:
                    roles.append(role)
            continue
        flush()
        names, roles = [], []
        head = stripped.split("[")[0]
        names.append(_phrase(head))
        for block in _CODE_BLOCK.findall(stripped):
            role = parse_code_block(block)
            if role is not None:
                roles.append(role)
    flush()
    return phrases, actors


def _tabari_plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def read_agents(path: Path) -> list[ActorPhrase]:
    macros: dict[str, list[str]] = {}
    phrases: list[ActorPhrase] = []
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip(raw).strip()
        if not line:
            continue
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE_BLOCK.findall(line)
        if not codes:
            continue
        code = codes[0].strip().replace("~", "")
        head = line.split("[")[0]
        plural_block = re.search(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        variants = [head]
        for macro, words in macros.items():
            if macro in head.upper():
                variants = [re.sub(re.escape(macro), w, v, flags=re.IGNORECASE) for v in variants for w in words]
        for variant in variants:
            text, _ = _phrase(variant)
            forms = {text}
            if plural_block is None:
                words = text.split()
                forms.add(" ".join([*words[:-1], _tabari_plural(words[-1])]))
            else:
                forms.update(_phrase(p)[0] for p in plural_block.group(1).split() if p.strip())
            for form in forms:
                if form:
                    phrases.append(ActorPhrase(form, False, "sector", code, "term"))
    return phrases


def read_discards(path: Path) -> set[str]:
    out = set()
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip(raw).strip().lstrip("+").strip()
        if line:
            out.add(" ".join(line.replace("_", " ").lower().split()))
    return out


def _expand(tokens: list[str], synsets: dict[str, list[str]]) -> list[list[str]]:
    options = []
    for tok in tokens:
        key = tok.strip("_").upper()
        if key.startswith("&") and key in synsets:
            options.append(synsets[key])
        else:
            options.append([tok])
    return [list(combo) for combo in itertools.product(*options)][:50]


def read_verbs(path: Path, report: ImportReport) -> list[EventPattern]:
    synsets: dict[str, list[str]] = {}
    patterns: list[EventPattern] = []
    current_synset: str | None = None
    block_code = ""
    block_verbs: list[str] = []
    block_name = ""
    pending: list[tuple[str, str]] = []

    def flush() -> None:
        nonlocal block_verbs, pending
        if not block_name:
            return
        forms: dict[str, str] = {}
        for spec in block_verbs:
            word, irregular = spec
            forms.update({f: m for f, m in verb_forms(word).items() if f not in forms})
            for form in irregular:
                forms.setdefault(form, "past")
        single = {f: m for f, m in forms.items() if " " not in f}
        if not single:
            return
        report.verbs += 1
        if block_code and block_code != "---":
            patterns.append(
                EventPattern(
                    id=f"petrarch.{block_name}",
                    code=block_code.split(":")[0],
                    kind="verb",
                    forms=single,
                    target=("dobj", "with", "to", "against", "on", "optional"),
                )
            )
        for n, (body, code) in enumerate(pending):
            if code in ("---", ""):
                continue
            tokens = body.split()
            if "*" not in tokens or "$" in tokens or (tokens.index("*") != 0 and tokens[0] not in ("+", "%")):
                report.skipped_patterns += 1
                continue
            star = tokens.index("*")
            after = tokens[star + 1 :]
            symmetric = "%" in tokens
            obj_words = []
            for tok in after:
                if tok in ("+", "%", "^"):
                    break
                obj_words.append(tok)
            for k, combo in enumerate(_expand(obj_words, synsets)):
                obj = " ".join(_phrase(w)[0] for w in combo if _phrase(w)[0])
                patterns.append(
                    EventPattern(
                        id=f"petrarch.{block_name}.{n}.{k}",
                        code=code.split(":")[0],
                        kind="verb",
                        forms=single,
                        objects=frozenset({obj}) if obj else frozenset(),
                        target=("dobj", "with", "to", "against", "on", "optional"),
                        symmetric=symmetric,
                    )
                )
                report.patterns += 1
        block_verbs, pending = [], []

    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip(raw)
        stripped = line.strip()
        if not stripped:
            current_synset = None
            continue
        header = _VERB_HEADER.match(stripped)
        if header:
            flush()
            block_name = header.group(1).strip("_").lower()
            block_code = header.group(2).strip()
            current_synset = None
            continue
        if stripped.startswith("&"):
            current_synset = stripped.split()[0].upper()
            synsets[current_synset] = []
            continue
        if stripped.startswith("+") and current_synset is not None:
            synsets[current_synset].append(stripped[1:].strip())
            continue
        if stripped.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", stripped)
            if m:
                pending.append((m.group(1), m.group(2).strip()))
            continue
        if block_name:
            word = stripped.lstrip("+").split("{")[0].split("[")[0].strip().strip("_")
            irregular = []
            brace = re.search(r"\{([^}]*)\}", stripped)
            if brace:
                irregular = [w.strip("+_").lower() for w in brace.group(1).split() if "_" not in w.strip("_")]
            if word and "_" not in word and " " not in word:
                block_verbs.append((word.lower(), irregular))
    flush()
    return patterns


# ---------------------------------------------------------------------------
# The faithful model of the dictionaries, for the PETRARCH engine
# ---------------------------------------------------------------------------

NULL_CODES = frozenset({"", "---", "+++", "###"})
_HTML_COMMENT = re.compile(r"<!\s*--.*?-->", re.S)
_DATE_BLOCK = re.compile(
    r"^(?P<code>[^\s<>\d][^\s<>]*)?\s*(?:(?P<op>[<>])\s*(?P<day>\d{6,8})|(?P<a>\d{6,8})\s*-\s*(?P<b>\d{6,8}))$"
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Upper-case words; ``closed[i]`` says word ``i`` and ``i + 1`` must be adjacent (``_``), else open (space)."""

    words: tuple[str, ...]
    closed: tuple[bool, ...]

    @staticmethod
    def parse(raw: str) -> Phrase:
        words: list[str] = []
        closed: list[bool] = []
        for chunk in raw.split():
            parts = [p for p in chunk.split("_") if p]
            for k, part in enumerate(parts):
                if words and len(closed) < len(words):
                    closed.append(k > 0)
                words.append(part.upper())
        return Phrase(tuple(words), tuple(closed))


@dataclass(frozen=True, slots=True)
class ActorCodes:
    """Codes of one actor entry: ``dated`` restrictions in file order, then the default."""

    default: tuple[str, ...] = ()
    dated: tuple[tuple[tuple[str, ...], date | None, date | None], ...] = ()

    def on(self, day: date | None) -> tuple[str, ...]:
        """The codes that hold on ``day``; () is a null actor."""
        if day is not None:
            for codes, start, end in self.dated:
                if (start is None or start <= day) and (end is None or day <= end):
                    return codes
        if self.default or day is not None or not self.dated:
            return self.default
        return self.dated[-1][0]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    phrases: tuple[Phrase, ...]
    codes: ActorCodes


@dataclass(frozen=True, slots=True)
class AgentEntry:
    phrase: Phrase
    code: str
    prefix: bool  # ``[NGO~]`` goes before the actor code, ``[~GOV]`` after it


@dataclass(frozen=True, slots=True)
class PatternElement:
    """``kind``: word, synset, or a marker ``+`` (target), ``$`` (source), ``^`` (skip a phrase), ``%`` (compound)."""

    kind: str
    value: str = ""
    closed: bool = False  # adjacent to the element on its verb side


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """``upper`` runs from the verb leftwards, ``lower`` from the verb rightwards."""

    upper: tuple[PatternElement, ...]
    lower: tuple[PatternElement, ...]
    code: str
    text: str
    order: int


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A surface form: ``words`` with the inflected verb at ``head``; ``code`` overrides the block code."""

    words: tuple[str, ...]
    head: int
    morph: str  # base | 3sg | past | ing
    block: str
    code: str | None
    explicit: bool  # written in the file rather than generated


@dataclass(slots=True)
class VerbBlock:
    name: str
    code: str
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(slots=True)
class PetrarchDictionaries:
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    blocks: dict[str, VerbBlock] = field(default_factory=dict)
    forms: dict[tuple[str, ...], VerbForm] = field(default_factory=dict)
    synsets: dict[str, tuple[tuple[PatternElement, ...], ...]] = field(default_factory=dict)
    sentence_discards: list[Phrase] = field(default_factory=list)
    story_discards: list[Phrase] = field(default_factory=list)

    def merge(self, other: PetrarchDictionaries) -> None:
        self.actors += other.actors
        self.agents += other.agents
        for name, block in other.blocks.items():
            mine = self.blocks.setdefault(name, VerbBlock(name, block.code))
            mine.patterns += block.patterns
        for key, form in other.forms.items():
            self.forms.setdefault(key, form)
        self.synsets.update(other.synsets)
        self.sentence_discards += other.sentence_discards
        self.story_discards += other.story_discards


def _clean_lines(path: Path) -> list[str]:
    """Lines without ``<!-- -->`` blocks and ``#`` comments (a ``#`` inside ``[...]`` is kept)."""
    text = _HTML_COMMENT.sub("", path.read_text("utf-8", errors="replace"))
    out = []
    for line in text.splitlines():
        depth = 0
        cut = len(line)
        for i, ch in enumerate(line):
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth = max(0, depth - 1)
            elif ch == "#" and depth == 0:
                cut = i
                break
        out.append(line[:cut].rstrip())
    return out


def _codes(raw: str) -> tuple[str, ...]:
    """``ELR/GAL`` → ('ELR', 'GAL'); null codes give ()."""
    raw = raw.strip().upper()
    if raw in NULL_CODES:
        return ()
    return tuple(c for c in raw.split("/") if c and c not in NULL_CODES)


def _actor_block(block: str) -> tuple[tuple[str, ...], date | None, date | None, bool] | None:
    """One ``[...]`` of an actor entry → (codes, start, end, dated); None when empty or its date is impossible."""
    block = " ".join(block.split())
    if not block:
        return None
    m = _DATE_BLOCK.match(block)
    if not m:
        return _codes(block.split()[0]), None, None, False
    codes = _codes(m.group("code") or "")
    try:
        if m.group("op"):
            day = _yymmdd(m.group("day"))
            if m.group("op") == "<":
                return codes, None, date.fromordinal(day.toordinal() - 1), True
            return codes, date.fromordinal(day.toordinal() + 1), None, True
        return codes, _yymmdd(m.group("a")), _yymmdd(m.group("b")), True
    except ValueError:
        return None


def read_actor_entries(path: Path) -> list[ActorEntry]:
    """Actor entries: a head phrase, ``+`` synonym lines, code blocks on the same or following lines."""
    entries: list[ActorEntry] = []
    names: list[str] = []
    blocks: list[str] = []

    def flush() -> None:
        if not names:
            return
        default: tuple[str, ...] = ()
        dated = []
        for block in blocks:
            parsed = _actor_block(block)
            if parsed is None:
                continue
            codes, start, end, is_dated = parsed
            if is_dated:
                dated.append((codes, start, end))
            elif not default:
                default = codes
        phrases = tuple(p for p in (Phrase.parse(n) for n in names) if p.words)
        if phrases:
            entries.append(ActorEntry(names[0].strip(), phrases, ActorCodes(default, tuple(dated))))

    for line in _clean_lines(path):
        if not line.strip():
            continue
        stripped = line.strip()
        head = stripped.split("[")[0].strip()
        if stripped.startswith("["):
            blocks += _CODE_BLOCK.findall(stripped)
            continue
        if stripped.startswith("+"):
            names.append(head[1:])
            blocks += _CODE_BLOCK.findall(stripped)
            continue
        if line[:1].isspace() and not head:
            continue
        flush()
        names, blocks = [head], _CODE_BLOCK.findall(stripped)
    flush()
    return entries


def _regular_plural(word: str) -> str:
    if word.endswith("Y") and word[-2:-1] not in ("A", "E", "I", "O", "U"):
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def read_agent_entries(path: Path) -> list[AgentEntry]:
    """Agents: ``PHRASE {PLURALS} [~CODE]``; no braces makes a regular plural, ``{}`` none; ``!MACRO!`` sets."""
    macros: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for line in _clean_lines(path):
        line = line.strip()
        if not line:
            continue
        m = re.match(r"^(![\w-]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        blocks = _CODE_BLOCK.findall(line)
        if not blocks:
            continue
        raw_code = "".join(blocks[0].split()).upper()
        prefix = raw_code.endswith("~") and not raw_code.startswith("~")
        code = raw_code.replace("~", "")
        head = line.split("[")[0]
        braces = re.search(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        variants = [head]
        plural_variants = braces.group(1).split() if braces else None
        for macro, words in macros.items():
            if macro in head.upper():
                variants = [re.sub(re.escape(macro), w, v, flags=re.IGNORECASE) for v in variants for w in words]
        forms = [Phrase.parse(v) for v in variants]
        if plural_variants is None:
            forms += [Phrase((*p.words[:-1], _regular_plural(p.words[-1])), p.closed) for p in list(forms) if p.words]
        else:
            forms += [Phrase.parse(v.lstrip("+")) for v in plural_variants]
        seen = set()
        for phrase in forms:
            if phrase.words and phrase.words not in seen:
                seen.add(phrase.words)
                entries.append(AgentEntry(phrase, code, prefix))
    return entries


def read_discard_entries(path: Path) -> tuple[list[Phrase], list[Phrase]]:
    """(sentence discards, story discards): story-level lines start with ``+``."""
    sentence: list[Phrase] = []
    story: list[Phrase] = []
    for line in _clean_lines(path):
        line = line.strip()
        if not line:
            continue
        target = story if line.startswith("+") else sentence
        phrase = Phrase.parse(line.lstrip("+").strip())
        if phrase.words:
            target.append(phrase)
    return sentence, story


def _pattern_elements(body: str) -> list[PatternElement | str]:
    """A pattern body → elements, with ``"*"`` standing for the verb; ``closed`` links to the previous item."""
    items: list[PatternElement | str] = []
    link_next = False
    for chunk in body.split():
        parts = chunk.split("_")
        for k, part in enumerate(parts):
            closed = link_next or k > 0
            link_next = False
            if not part:
                if k == len(parts) - 1 and k > 0:
                    link_next = True  # "IN_ *": a trailing underscore links to what follows
                continue
            if part == "*":
                items.append("*" if not closed else "*_")
                continue
            if part in ("+", "$", "^", "%"):
                element = PatternElement(part, "", closed)
            elif part.startswith("&"):
                element = PatternElement("synset", part.upper().rstrip("_"), closed)
            else:
                element = PatternElement("word", part.upper(), closed)
            items.append(element)
    return items


def parse_pattern_body(body: str, code: str, order: int = 0) -> VerbPattern | None:
    """``SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS`` → a ``VerbPattern`` (None without a ``*``)."""
    items = _pattern_elements(body)
    stars = [i for i, it in enumerate(items) if isinstance(it, str)]
    if len(stars) != 1:
        return None
    star = stars[0]
    verb_closed_left = items[star] == "*_"
    upper_items = [it for it in items[:star] if isinstance(it, PatternElement)]
    lower_items = [it for it in items[star + 1 :] if isinstance(it, PatternElement)]
    # upper: nearest the verb first; each element's ``closed`` says it touches the element on its right
    upper: list[PatternElement] = []
    for i in range(len(upper_items) - 1, -1, -1):
        right_closed = verb_closed_left if i == len(upper_items) - 1 else upper_items[i + 1].closed
        el = upper_items[i]
        upper.append(PatternElement(el.kind, el.value, right_closed))
    return VerbPattern(tuple(upper), tuple(lower_items), code, body.strip(), order)


def _synset_member(raw: str) -> tuple[PatternElement, ...]:
    items = _pattern_elements(raw)
    return tuple(it for it in items if isinstance(it, PatternElement))


def _form_morph(form: str, head: str) -> str:
    if form == head:
        return "base"
    if form.endswith("ING"):
        return "ing"
    if form == third_person(head.lower()).upper() or (form.endswith("S") and not form.endswith("SS")):
        return "3sg"
    return "past"


def _inflections(head: str) -> dict[str, str]:
    low = head.lower()
    forms = {head: "base"}
    for form, morph in ((third_person(low), "3sg"), (past(low), "past"), (gerund(low), "ing")):
        forms.setdefault(form.upper(), morph)
    # the plain TABARI endings, without consonant doubling or e-dropping
    for suffix, morph in (("ED", "past"), ("ING", "ing"), ("S", "3sg")):
        if not (suffix == "ED" and head.endswith("E")):
            forms.setdefault(head + suffix, morph)
    if head.endswith("E"):
        forms.setdefault(head + "D", "past")
    return forms


def _verb_line(line: str) -> tuple[tuple[str, ...], int, list[tuple[tuple[str, ...], int]], str | None]:
    """``WIRE_+TAP {WIRE_+TAPPED ...} [code]`` → (words, head index, explicit forms, own code)."""
    code_blocks = _CODE_BLOCK.findall(line)
    own = code_blocks[0].strip() if code_blocks else None
    body = line.split("[")[0]
    braces = re.search(r"\{([^}]*)\}", body)
    body = re.sub(r"\{[^}]*\}", "", body).strip()

    def split(raw: str) -> tuple[tuple[str, ...], int]:
        words = []
        head = 0
        for k, part in enumerate(p for p in re.split(r"[_\s]+", raw.strip()) if p):
            if part.startswith("+"):
                head = k
                part = part[1:]
            words.append(part.upper())
        return tuple(w for w in words if w), head

    words, head = split(body)
    explicit = [split(f) for f in braces.group(1).split()] if braces else []
    return words, head, [e for e in explicit if e[0]], own


def read_verb_entries(
    path: Path,
) -> tuple[dict[str, VerbBlock], dict[tuple[str, ...], VerbForm], dict[str, tuple[tuple[PatternElement, ...], ...]]]:
    """Verb blocks, the surface forms of their verbs and the synsets their patterns use."""
    blocks: dict[str, VerbBlock] = {}
    forms: dict[tuple[str, ...], VerbForm] = {}
    raw_synsets: dict[str, list[str]] = {}
    current_synset: str | None = None
    block: VerbBlock | None = None
    order = 0

    def add_form(words: tuple[str, ...], head: int, morph: str, code: str | None, explicit: bool) -> None:
        assert block is not None
        old = forms.get(words)
        if old is None or (explicit and not old.explicit):
            forms[words] = VerbForm(words, head, morph, block.name, code, explicit)

    for line in _clean_lines(path):
        stripped = line.strip()
        if not stripped:
            current_synset = None
            continue
        header = re.match(r"^---\s+(.+?)\s*\[([^\]]*)\]", stripped)
        if header:
            name = " ".join(header.group(1).strip("_ ").split()).upper()
            code = header.group(2).strip().upper()
            block = blocks.get(name)
            if block is None:
                block = blocks[name] = VerbBlock(name, code)
            elif block.code in NULL_CODES:
                block.code = code
            current_synset = None
            continue
        if stripped.startswith("&"):
            current_synset = stripped.split()[0].upper().rstrip("_")
            raw_synsets[current_synset] = []
            block = None
            continue
        if stripped.startswith("+") and current_synset is not None:
            raw_synsets[current_synset].append(stripped[1:].strip())
            continue
        if block is None:
            continue
        if stripped.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", stripped)
            if m:
                pattern = parse_pattern_body(m.group(1), m.group(2).strip().upper(), order)
                order += 1
                if pattern is not None:
                    block.patterns.append(pattern)
            continue
        words, head, explicit, own = _verb_line(stripped)
        if not words:
            continue
        own_code = own.upper() if own else None
        add_form(words, head, "base", own_code, True)
        if explicit:
            for e_words, e_head in explicit:
                add_form(e_words, e_head, _form_morph(e_words[e_head], words[head]), own_code, True)
        for form, morph in _inflections(words[head]).items():
            if form != words[head]:
                add_form((*words[:head], form, *words[head + 1 :]), head, morph, own_code, False)
    synsets = {name: tuple(_synset_member(m) for m in members) for name, members in raw_synsets.items()}
    return blocks, forms, synsets


def read_dictionaries(location: Path) -> PetrarchDictionaries:
    """Every PETRARCH dictionary at ``location`` (a directory or a glob) as one ``PetrarchDictionaries``."""
    files = dictionary_files(location)
    if not files:
        raise PetrarchError("no dictionary files there; give a directory or a glob like DIR/PETR.Validate.*")
    out = PetrarchDictionaries()
    for path in files:
        name = path.name.lower()
        part = PetrarchDictionaries()
        if "actors" in name:
            part.actors = read_actor_entries(path)
        elif "agents" in name:
            part.agents = read_agent_entries(path)
        elif "verbs" in name:
            part.blocks, part.forms, part.synsets = read_verb_entries(path)
        elif "discards" in name:
            part.sentence_discards, part.story_discards = read_discard_entries(path)
        out.merge(part)
    return out


@dataclass(frozen=True)
class PetrarchLexicon(Lexicon):
    """A lexicon extended from PETRARCH files that also carries their faithful model."""

    petrarch: PetrarchDictionaries | None = None


def dictionary_files(location: Path) -> list[Path]:
    """The ``*.txt`` files of a directory, or the files a glob such as ``dir/PETR.Validate.*`` names."""
    if location.is_dir():
        return sorted(location.glob("*.txt"))
    return sorted(p for p in location.parent.glob(location.name) if p.is_file())


def load_petrarch_dir(
    location: Path, base: Lexicon, report: ImportReport | None = None, replace_patterns: bool = False
) -> Lexicon:
    """Add every PETRARCH dictionary at ``location`` (a directory or a glob) to ``base``."""
    report = report or ImportReport()
    files = dictionary_files(location)
    if not files:
        raise PetrarchError("no dictionary files there; give a directory or a glob like DIR/PETR.Validate.*")
    phrases: list[ActorPhrase] = []
    actors: dict[str, DatedActor] = {}
    patterns: list[EventPattern] = []
    discards: set[str] = set()
    for path in files:
        name = path.name.lower()
        if "actors" in name:
            p, a = read_actors(path)
            phrases += p
            actors.update(a)
            report.actors += len(a)
        elif "agents" in name:
            agents = read_agents(path)
            phrases += agents
            report.agents += len(agents)
        elif "verbs" in name:
            patterns += read_verbs(path, report)
        elif "discards" in name:
            d = read_discards(path)
            discards |= d
            report.discards += len(d)
    if not (phrases or patterns):
        raise PetrarchError("no *actors*.txt, *agents*.txt or *verbs*.txt files found")
    lexicon = base.extended(phrases, actors, patterns, discards, tag=str(location), replace_patterns=replace_patterns)
    model = read_dictionaries(location)
    previous = getattr(base, "petrarch", None)
    if previous is not None:
        merged = PetrarchDictionaries()
        merged.merge(previous)
        merged.merge(model)
        model = merged
    values = {f.name: getattr(lexicon, f.name) for f in fields(Lexicon)}
    return PetrarchLexicon(**values, petrarch=model)
