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
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from blocwatch.lexicon.entries import ActorPhrase, DatedActor, EventPattern, Role
from blocwatch.lexicon.inflect import verb_forms
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
    """``HOBGOV 19950601 - 19990815`` → Role; '---' (null code) gives code ''."""
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
    return base.extended(phrases, actors, patterns, discards, tag=str(location), replace_patterns=replace_patterns)
