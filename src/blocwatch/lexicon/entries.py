"""Typed records for lexicon entries: actor phrases, dated actors, event patterns, modality cues.

Dated actor roles follow the TABARI/PETRARCH convention of date-restricted
codes (``[KORGOV 170510-220509]``): a name resolves to the code whose interval
contains the document date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    start: date | None = None
    end: date | None = None
    title: str = ""

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class DatedActor:
    """A named actor (usually a person) whose code depends on the date."""

    key: str
    name: str
    default: str
    roles: tuple[Role, ...] = ()

    def role_on(self, day: date | None) -> Role | None:
        if day is None:
            return None
        for role in self.roles:
            if role.contains(day):
                return role
        return None

    def code_on(self, day: date | None) -> str:
        role = self.role_on(day)
        if role is not None:
            return role.code
        if day is None and self.roles:
            # Without a date the most recent role is the best guess.
            return self.roles[-1].code
        return self.default


@dataclass(frozen=True, slots=True)
class ActorPhrase:
    """One surface phrase that names an actor.

    kind: state | person | org | sector | title; ref: the state code, dated
    actor key, organisation code or sector code; form: name, abbreviation,
    adjective, demonym, prefix, capital, seat, alias, short, term, title,
    national (a sector of one state, whose code is ``state``).
    """

    text: str
    case_sensitive: bool
    kind: str
    ref: str
    form: str
    state: str = ""


@dataclass(frozen=True, slots=True)
class EventPattern:
    """A trigger word (verb or noun) with the context it needs and where its actors are.

    target: where the target is: ``dobj`` (the first actor after the trigger),
    ``that`` (the subject of a that-clause), or prepositions (``with``, ``on``).
    source (nouns only): ``poss`` ("Japan's protest"), ``adj`` ("Chinese
    sanctions"), ``subj`` (the clause subject), or prepositions (``of``, ``by``).
    """

    id: str
    code: str
    kind: str
    forms: dict[str, str]
    objects: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    symmetric: bool = False
    passive: bool = True
    typos: frozenset[str] = frozenset()
    joint: str = ""
    mutual: bool = False

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.particles) + bool(self.modifiers)


@dataclass(frozen=True, slots=True)
class Modality:
    """Cue phrases (token sequences, lower case) for the factuality of an event."""

    negation: tuple[tuple[str, ...], ...]
    hypothetical: tuple[tuple[str, ...], ...]
    hypothetical_sentence: tuple[tuple[str, ...], ...]
    future: tuple[tuple[str, ...], ...]
    clause_breaks: frozenset[str] = field(default_factory=frozenset)
    cooperative_intent: frozenset[str] = field(default_factory=frozenset)
    threat_intent: frozenset[str] = field(default_factory=frozenset)
    intent_codes: tuple[tuple[str, str], ...] = ()
    refusal_verbs: frozenset[str] = field(default_factory=frozenset)
    refusal_codes: tuple[tuple[str, str], ...] = ()
    appeal_verbs: frozenset[str] = field(default_factory=frozenset)
    reporting_verbs: frozenset[str] = field(default_factory=frozenset)
    support_verbs: frozenset[str] = field(default_factory=frozenset)

    def intent_code(self, code: str) -> str:
        """The CAMEO intent code standing for an embedded action with ``code``."""
        return _by_prefix(self.intent_codes, code, "030")

    def refusal_code(self, code: str) -> str:
        """The CAMEO reject code standing for a refused action with ``code``."""
        return _by_prefix(self.refusal_codes, code, "120")


def _by_prefix(table: tuple[tuple[str, str], ...], code: str, default: str) -> str:
    for prefix, value in table:
        if code.startswith(prefix):
            return value
    return default
