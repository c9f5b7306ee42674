"""Load the shipped lexicon files (YAML/TSV in ``data/``) into one ``Lexicon``.

The lexicon is the unit of knowledge, as in TABARI/PETRARCH: data files,
versioned by content hash, never literals in code. Extra dictionaries (for
example PETRARCH-format files) are merged in with ``Lexicon.extended``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from blocwatch.lexicon.cameo import CameoTable, load_cameo
from blocwatch.lexicon.entries import (
    ActorPhrase,
    DatedActor,
    EventPattern,
    Modality,
    Role,
)
from blocwatch.lexicon.inflect import noun_forms, verb_forms

try:  # the C loader is several times faster where libyaml is present
    _BaseLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader


class _YamlLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """YAML 1.2 booleans only: "on", "off", "yes" and "no" stay words (prepositions, cues)."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_YamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

DATA_FILES = (
    "states.yaml",
    "organizations.yaml",
    "people.yaml",
    "people_world.yaml",
    "sectors.yaml",
    "groups.yaml",
    "places.yaml",
    "identity_nouns.yaml",
    "verbs.yaml",
    "modality.yaml",
    "cameo_codes.tsv",
)


class LexiconError(ValueError):
    """A lexicon file is missing or malformed; the message names the file and entry."""


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[ActorPhrase, ...]
    dated_actors: dict[str, DatedActor]
    patterns: tuple[EventPattern, ...]
    modality: Modality
    cameo: CameoTable
    state_names: dict[str, str]
    version: str
    discards: frozenset[str] = field(default_factory=frozenset)
    identity_nouns: frozenset[str] = field(default_factory=frozenset)

    def extended(
        self,
        phrases: list[ActorPhrase] = (),  # type: ignore[assignment]
        dated_actors: dict[str, DatedActor] | None = None,
        patterns: list[EventPattern] = (),  # type: ignore[assignment]
        discards: set[str] | None = None,
        tag: str = "",
        replace_patterns: bool = False,
    ) -> Lexicon:
        """A new lexicon with extra entries; extra phrases win over shipped ones."""
        merged_actors = dict(self.dated_actors)
        merged_actors.update(dated_actors or {})
        new_texts = {(p.text.lower(), p.case_sensitive) for p in phrases}
        kept = [p for p in self.phrases if (p.text.lower(), p.case_sensitive) not in new_texts]
        base_patterns = () if replace_patterns else self.patterns
        return replace(
            self,
            phrases=tuple(kept) + tuple(phrases),
            dated_actors=merged_actors,
            patterns=tuple(base_patterns) + tuple(patterns),
            discards=self.discards | frozenset(discards or ()),
            version=hashlib.blake2b(f"{self.version}+{tag}".encode(), digest_size=6).hexdigest(),
        )


def _read_yaml(directory: Path | None, name: str) -> Any:
    try:
        if directory is None:
            text = resources.files("blocwatch.lexicon").joinpath("data", name).read_text("utf-8")
        else:
            text = (directory / name).read_text("utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon file {name} is missing") from exc
    try:
        return yaml.load(text, Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        raise LexiconError(f"lexicon file {name} is not valid YAML: {exc}") from exc


def _as_date(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise LexiconError(f"{where}: {value!r} is not a YYYY-MM-DD date") from exc


def _state_phrases(states: list[dict[str, Any]]) -> tuple[list[ActorPhrase], dict[str, str]]:
    phrases: list[ActorPhrase] = []
    names: dict[str, str] = {}
    for entry in states:
        code = entry["code"]
        names[code] = entry.get("name", code)
        for form, key, case in (
            ("name", "names", False),
            ("adjective", "adjectives", False),
            ("demonym", "demonyms", False),
            ("capital", "capitals", False),
            ("city", "cities", False),
            ("seat", "seats", False),
            ("region", "regions", False),
            ("prefix", "prefixes", False),
            ("abbreviation", "abbreviations", True),
            ("contextual", "contextual", True),
        ):
            for text in entry.get(key) or ():
                phrases.append(ActorPhrase(str(text), case, "state", code, form))
    return phrases, names


# words and surnames a dropped letter makes of a state name
_NOT_TYPOS = frozenset({"surname", "lichtenstein"})


def _state_typos(states: list[dict[str, Any]], known: set[str]) -> list[ActorPhrase]:
    """A letter dropped from a long one-word state name ("Ethopia", "Afganistan", "Phillipines" less one "l"):
    matched capitalised only, and never where the misspelling is another phrase of the lexicon ("Cameron") or
    could be either of two states."""
    typos: dict[str, set[str]] = {}
    for entry in states:
        for text in entry.get("names") or ():
            for typo in _dropped_letter(str(text)):
                if typo.lower() not in known and typo.lower() not in _NOT_TYPOS:
                    typos.setdefault(typo, set()).add(entry["code"])
    unique = sorted((typo, codes.pop()) for typo, codes in typos.items() if len(codes) == 1)
    return [ActorPhrase(typo, True, "state", code, "name") for typo, code in unique]


def _dropped_letter(name: str) -> set[str]:
    """Misspellings of a one-word name of eight letters or more with one inner letter left out."""
    if len(name) < 8 or not name.isalpha() or not name[0].isupper():
        return set()
    return {name[:i] + name[i + 1 :] for i in range(1, len(name) - 1)}


def _org_phrases(orgs: list[dict[str, Any]]) -> list[ActorPhrase]:
    phrases = []
    for entry in orgs:
        code = entry["code"]
        for text in entry.get("names") or ():
            phrases.append(ActorPhrase(str(text), False, "org", code, "name"))
        for text in entry.get("abbreviations") or ():
            phrases.append(ActorPhrase(str(text), True, "org", code, "abbreviation"))
    return phrases


def _group_phrases(groups: list[dict[str, Any]]) -> list[ActorPhrase]:
    phrases = []
    for entry in groups:
        ref = "|".join(entry.get("codes") or ())
        kind = "anaphor" if entry.get("anaphoric") else "group"
        for text in entry.get("names") or ():
            phrases.append(ActorPhrase(str(text), False, kind, ref, "name"))
    return phrases


def _people(people: list[dict[str, Any]]) -> tuple[list[ActorPhrase], dict[str, DatedActor]]:
    phrases: list[ActorPhrase] = []
    actors: dict[str, DatedActor] = {}
    for entry in people:
        name = entry["name"]
        key = f"person:{name}"
        roles = tuple(
            sorted(
                (
                    Role(
                        code=r["code"],
                        start=_as_date(r.get("from"), f"people.yaml {name}"),
                        end=_as_date(r.get("to"), f"people.yaml {name}"),
                        title=r.get("title", ""),
                    )
                    for r in entry.get("roles") or ()
                ),
                key=lambda r: r.start or date.min,
            )
        )
        default = entry.get("default") or (roles[-1].code[:3] + "ELI" if roles else "")
        actors[key] = DatedActor(key=key, name=name, default=default, roles=roles)
        aliases = [str(t) for t in dict.fromkeys([name, *(entry.get("aliases") or ())])]
        for text in dict.fromkeys([v for a in aliases for v in (a, *_article_variants(a))]):
            phrases.append(ActorPhrase(text, False, "person", key, "alias"))
        for text in entry.get("short") or ():
            phrases.append(ActorPhrase(str(text), True, "person", key, "short"))
    return phrases, actors


# the Arabic article is transliterated "al-" or "el-", with a hyphen or a space, in wire copy
# ("Omar al-Bashir", "Omar El Bashir")
_ARTICLE = re.compile(r"(?<![^\s])([AaEe])l-(?=\w)")


def _article_variants(alias: str) -> list[str]:
    """Spellings of a name's Arabic article other than the one listed: al-/el-, hyphen or space."""
    if not _ARTICLE.search(alias):
        return []
    out = []
    for vowel in ("a", "e"):
        for joint in ("-", " "):

            def spell(m: re.Match[str], vowel: str = vowel, joint: str = joint) -> str:
                return (vowel.upper() if m.group(1).isupper() else vowel) + "l" + joint

            out.append(_ARTICLE.sub(spell, alias))
    return [v for v in out if v != alias]


def _sector_phrases(sectors: list[dict[str, Any]]) -> list[ActorPhrase]:
    phrases = []
    for entry in sectors:
        code = entry["code"]
        for text in entry.get("terms") or ():
            phrases.append(ActorPhrase(str(text), False, "sector", code, "term"))
        for text in entry.get("titles") or ():
            phrases.append(ActorPhrase(str(text), False, "title", code, "title"))
        for state, texts in (entry.get("national") or {}).items():
            for text in texts or ():
                phrases.append(ActorPhrase(str(text), False, "sector", code, "national", str(state)))
    return phrases


# transpositions that are themselves common English words: "from" is not a misspelt "form", nor "field" a
# misspelt "filed", so "sought support from the United Nations" forms no coalition
_REAL_WORDS = frozenset(
    {"from", "field", "fields", "exist", "exists", "files", "flies", "busy", "brunt", "lest", "boots", "outs",
     "sing", "sings", "singing", "compiled", "cats", "warp", "untie", "unties", "untied", "fries", "form"}
)


def _typo_variants(form: str) -> set[str]:
    """Adjacent-letter transpositions ("singed" for "signed"), a cheap typo model."""
    if len(form) < 4:
        return set()
    out = set()
    for i in range(1, len(form) - 1):
        swapped = form[:i] + form[i + 1] + form[i] + form[i + 2 :]
        if swapped != form:
            out.add(swapped)
    return out


def _words(values: Any) -> frozenset[str]:
    out: set[str] = set()
    for value in values or ():
        out.update(noun_forms(str(value)))
    return frozenset(out)


def parse_pattern(entry: dict[str, Any], where: str, cameo: CameoTable) -> EventPattern:
    """Build one ``EventPattern`` from a verbs.yaml entry."""
    try:
        pid = str(entry["id"])
        code = str(entry["code"])
    except KeyError as exc:
        raise LexiconError(f"{where}: entry without {exc.args[0]!r}") from exc
    if code not in cameo:
        raise LexiconError(f"{where} {pid}: unknown CAMEO code {code!r}")
    forms: dict[str, str] = {}
    kind = "noun" if entry.get("nouns") else "verb"
    if kind == "verb":
        for spec in entry.get("verbs") or ():
            forms.update({f: m for f, m in verb_forms(str(spec)).items() if f not in forms})
    else:
        for spec in entry["nouns"]:
            for form in noun_forms(str(spec)):
                forms.setdefault(form, "noun")
    if not forms:
        raise LexiconError(f"{where} {pid}: needs 'verbs' or 'nouns'")
    objects = _words(entry.get("objects"))
    typos: set[str] = set()
    if objects and kind == "verb" and entry.get("typos", True):
        for form in forms:
            typos |= _typo_variants(form)
        typos -= set(forms)
        typos -= _REAL_WORDS
    default_source = ("poss", "adj", "of", "by", "from") if kind == "noun" else ()
    return EventPattern(
        id=pid,
        code=code,
        kind=kind,
        forms=forms,
        objects=objects,
        particles=frozenset(str(p).lower() for p in entry.get("particles") or ()),
        modifiers=frozenset(str(p).lower() for p in entry.get("modifiers") or ()),
        excludes=frozenset(str(p).lower() for p in entry.get("excludes") or ()),
        target=tuple(str(t).lower() for t in entry.get("target") or ("dobj",)),
        source=tuple(str(t).lower() for t in entry.get("source") or default_source),
        symmetric=bool(entry.get("symmetric", False)),
        joint=str(entry.get("joint", "")),
        mutual=bool(entry.get("mutual", False)),
        passive=bool(entry.get("passive", kind == "verb")),
        typos=frozenset(typos),
    )


def _cues(values: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(v).lower().split()) for v in values or ())


def _code_table(data: Any) -> tuple[tuple[str, str], ...]:
    """Prefix → code pairs, longest prefix first."""
    return tuple(sorted(((str(k), str(v)) for k, v in (data or {}).items()), key=lambda kv: -len(kv[0])))


def _modality(data: dict[str, Any]) -> Modality:
    return Modality(
        negation=_cues(data.get("negation")),
        hypothetical=_cues(data.get("hypothetical")),
        hypothetical_sentence=_cues(data.get("hypothetical_sentence")),
        future=_cues(data.get("future")),
        clause_breaks=frozenset(str(v).lower() for v in data.get("clause_breaks") or ()),
        cooperative_intent=frozenset(str(v).lower() for v in (data.get("intent_verbs") or {}).get("cooperative") or ()),
        threat_intent=frozenset(str(v).lower() for v in (data.get("intent_verbs") or {}).get("threat") or ()),
        intent_codes=_code_table(data.get("intent_codes")),
        refusal_verbs=frozenset(str(v).lower() for v in data.get("refusal_verbs") or ()),
        refusal_codes=_code_table(data.get("refusal_codes")),
        appeal_verbs=frozenset(str(v).lower() for v in data.get("appeal_verbs") or ()),
        reporting_verbs=frozenset(str(v).lower() for v in data.get("reporting_verbs") or ()),
        support_verbs=frozenset(str(v).lower() for v in data.get("support_verbs") or ()),
    )


def load_lexicon_from(directory: Path | None = None) -> Lexicon:
    """Load every lexicon file from ``directory`` (the shipped data when None)."""
    cameo = load_cameo()
    states = _read_yaml(directory, "states.yaml") or []
    state_phrases, state_names = _state_phrases(states)
    org_phrases = _org_phrases(_read_yaml(directory, "organizations.yaml") or [])
    person_phrases, actors = _people(
        (_read_yaml(directory, "people.yaml") or []) + (_read_yaml(directory, "people_world.yaml") or [])
    )
    sector_phrases = _sector_phrases(_read_yaml(directory, "sectors.yaml") or [])
    group_phrases = _group_phrases(_read_yaml(directory, "groups.yaml") or [])
    places = _read_yaml(directory, "places.yaml") or {}
    identity = _read_yaml(directory, "identity_nouns.yaml") or {}
    place_phrases = [ActorPhrase(str(t), False, "place", "", "place") for t in places.get("names") or ()]
    raw_patterns = _read_yaml(directory, "verbs.yaml") or []
    patterns = tuple(parse_pattern(e, "verbs.yaml", cameo) for e in raw_patterns)
    ids = [p.id for p in patterns]
    if len(ids) != len(set(ids)):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise LexiconError(f"verbs.yaml: duplicate pattern ids {dupes}")
    modality = _modality(_read_yaml(directory, "modality.yaml") or {})
    digest = hashlib.blake2b(digest_size=6)
    for name in DATA_FILES:
        base = resources.files("blocwatch.lexicon").joinpath("data", name)
        path = base if directory is None else directory / name
        digest.update(path.read_bytes())
    phrases = state_phrases + group_phrases + org_phrases + person_phrases + sector_phrases + place_phrases
    phrases += _state_typos(states, {p.text.lower() for p in phrases})
    return Lexicon(
        phrases=tuple(phrases),
        dated_actors=actors,
        patterns=patterns,
        modality=modality,
        cameo=cameo,
        state_names=state_names,
        version=digest.hexdigest(),
        identity_nouns=frozenset(str(n).lower() for n in identity.get("nouns") or ()),
    )


@cache
def load_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return load_lexicon_from(None)
