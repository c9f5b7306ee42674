"""Who did it and to whom: source and target for each trigger, without a parser.

Shallow attribution in the tradition of TABARI's sparse parse (Schrodt 2001):
the source is the nearest actor group left of the trigger in its clause,
skipping relative clauses, appositives and adverbial phrases set off by
commas and actors governed by a preposition; the target is the first actor
after the trigger (or its object) that is a direct object or follows one of
the pattern's prepositions. Passives swap the roles ("was criticized by
X"). Nominalizations take their source from a possessive, an adjective or a
compound before the noun ("Japan's protest", "Chinese sanctions",
"US-Japan talks") or from "of/by/from" after it, and "between X and Y" makes
one event per pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from blocwatch.coding.actors import Group
from blocwatch.coding.triggers import Trigger

PREPOSITIONS = frozenset(
    {
        "with",
        "to",
        "for",
        "against",
        "from",
        "on",
        "by",
        "toward",
        "towards",
        "about",
        "over",
        "into",
        "between",
        "among",
        "than",
        "like",
        "under",
        "including",
        "in",
        "at",
        "near",
        "off",
        "of",
        "upon",
        "around",
        "across",
        "through",
        "via",
        "amid",
        "despite",
        "without",
        "within",
        "regarding",
        "behind",
        "beyond",
        "after",
        "before",
        "during",
        "since",
        "onto",
        "along",
        "outside",
        "inside",
        "throughout",
        "per",
    }
)
SEGMENT_BREAKS = frozenset({",", ";", ":", "—", "--", "–", "(", ")", '"', "“", "”"})
_SKIPPABLE_SEGMENT_START = frozenset(
    {
        "which",
        "who",
        "whose",
        "whom",
        "where",
        "when",
        "while",
        "after",
        "before",
        "following",
        "despite",
        "amid",
        "as",
        "although",
        "though",
        "because",
        "since",
        "in",
        "on",
        "at",
        "with",
        "for",
        "during",
        "under",
        "according",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "one",
        "meanwhile",
        "however",
        "also",
        "from",
        "by",
        "to",
        "including",
        "especially",
        "both",
        "once",
        "until",
        "unless",
        "if",
        "then",
        "now",
        "instead",
        "moreover",
        "furthermore",
        "separately",
        "earlier",
        "later",
        "last",
        "this",
        "over",
    }
)
TARGET_STOPS = frozenset(
    {
        ";",
        ".",
        "which",
        "while",
        "but",
        "whereas",
        "although",
        "because",
        "as",
        "after",
        "before",
        "when",
        "who",
        "whom",
        "said",
        "says",
        "saying",
    }
)
_AGENTIVE_PARTICIPLE = re.compile(r"^(\w+ed|led|made|built|owned|run|held|backed|brokered)$")
_LEADING_PARTICIPLES = frozenset({"led"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
_SUBJECT_BLOCKING_PREPS = PREPOSITIONS - {"of", "after", "before", "since", "until", "as", "while", "during"}
_DIRECT_GAP_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "visiting",
        "two",
        "three",
        "four",
        "five",
        "several",
        "dozens",
        "hundreds",
        "thousands",
        "of",
        "both",
        "fellow",
        "counterpart",
        "new",
        "top",
        "senior",
        "former",
        "some",
        "many",
        "more",
        "other",
        "neighboring",
        "neighbouring",
        "rival",
        "allied",
        "key",
        "main",
        "all",
    }
)


@dataclass(slots=True)
class SentenceView:
    """One sentence: lower-cased tokens of its chunk, the sentence bounds, its actor groups."""

    lowers: list[str]
    start: int
    end: int
    groups: list[Group]
    # people named by their role alone, with no state ("demonstrators", "students"): (start, end, sector)
    unowned: list[tuple[int, int, str]] = field(default_factory=list)

    def segments(self) -> list[tuple[int, int]]:
        segs = []
        s = self.start
        for k in range(self.start, self.end):
            if self.lowers[k] in SEGMENT_BREAKS:
                if k > s:
                    segs.append((s, k))
                s = k + 1
        if s < self.end:
            segs.append((s, self.end))
        return segs

    def governed_by_prep(self, group: Group) -> str | None:
        k = group.start - 1
        while k >= self.start and self.lowers[k] in _DIRECT_GAP_WORDS - {"of"}:
            k -= 1
        if k >= self.start and self.lowers[k] in PREPOSITIONS:
            return self.lowers[k]
        return None


def subject(view: SentenceView, pos: int) -> Group | None:
    """The clause subject for a trigger at ``pos``."""
    segs = view.segments()
    current = next((i for i, (s, e) in enumerate(segs) if s <= pos < e), None)
    if current is None:
        return None
    s, _ = segs[current]
    best = None
    for g in view.groups:
        # a group may start before the comma of a list ("China, Russia and ...")
        if g.end > s and g.end <= pos and not g.locative:
            if view.governed_by_prep(g) in _SUBJECT_BLOCKING_PREPS or _in_prepositional_of(view, g):
                continue
            if best is not None and _participle_object(view, g, best):
                continue
            best = g
    if best is not None and _unnamed_subordinate_subject(view, best.end, pos):
        return None
    if best is not None and _by_gerund(view, pos):
        # "violated WTO rules by launching an investigation": the means has the main verb's subject, not its
        # object; the clause starts after a reporting verb ("Beijing said Washington broke the rules by ...")
        left = max((k + 1 for k in range(s, pos) if view.lowers[k] in _REPORT_WORDS), default=s)
        best = next(
            (
                g
                for g in view.groups
                if g.end > left
                and g.end <= best.end
                and not g.locative
                and view.governed_by_prep(g) not in _SUBJECT_BLOCKING_PREPS
                and not _in_prepositional_of(view, g)
            ),
            best,
        )
    if best is not None:
        return None if _reported_other_doer(view, best, pos) else best
    for i in range(current - 1, max(-1, current - 4), -1):
        seg_s, seg_e = segs[i]
        if seg_s > view.start and view.lowers[seg_s - 1] == "(" and seg_e < view.end and view.lowers[seg_e] == ")":
            continue  # "World Trade Organization (WTO) rules": a bracketed gloss is no clause with a subject
        first = view.lowers[seg_s]
        if (first in _SKIPPABLE_SEGMENT_START or first.endswith("ing")) and not _opening_subject(view, seg_s, seg_e):
            continue
        cands = [
            g
            for g in view.groups
            if g.start >= seg_s
            and g.end <= seg_e
            and not g.locative
            and view.governed_by_prep(g) not in _SUBJECT_BLOCKING_PREPS
        ]
        if cands:
            return cands[0]  # the subject of the clause the comma closed, not its object
    return None


# reporting verbs shared by the two lists below
_REPORTING_CORE = frozenset({"said", "says", "told", "added", "stated", "announced", "claimed"})
_SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "both", "the", "its", "their"})
# words after which a reported clause, with its own subject, begins
_REPORT_WORDS = _REPORTING_CORE | {"say", "saying", "that"}


# conjunctions that open a subordinate clause with a subject of its own
_SUBORDINATORS = frozenset({"when", "whenever", "because", "until"})  # not "once": "has once again rejected"


def _unnamed_subordinate_subject(view: SentenceView, lo: int, pos: int) -> bool:
    """ "urged Japan and the EU to join it when financial leaders of the G20 meet": between the last actor and
    the trigger a subordinate clause opens whose subject is no actor (nor a pronoun that may stand for one)."""
    lowers = view.lowers
    for k in range(lo, pos - 1):
        if lowers[k] in _SUBORDINATORS:
            nxt = lowers[k + 1]
            # "because of the visit" is a preposition, not a clause
            return nxt.isalpha() and nxt not in _SUBJECT_PRONOUNS and nxt != "of"
    return False


def _by_gerund(view: SentenceView, pos: int) -> bool:
    """A gerund of means: "by launching", "by unilaterally imposing"."""
    lowers = view.lowers
    if not lowers[pos].endswith("ing") or pos - 1 < view.start:
        return False
    k = pos - 1
    if lowers[k].endswith("ly") and k - 1 >= view.start:
        k -= 1
    return lowers[k] == "by"


# verbs that report a clause told by someone else
_REPORTING = _REPORTING_CORE | {"reported", "confirmed"}
# doers named without a state: the subject of a reported clause that the speaker is not
_NAMELESS_DOERS = frozenset(
    {"gunmen", "gunman", "militants", "insurgents", "attackers", "assailants", "kidnappers", "abductors", "captors",
     "terrorists", "bombers", "hijackers", "operation", "man", "men", "suspect", "suspects", "group"}
)


def _reported_other_doer(view: SentenceView, speaker: Group, pos: int) -> bool:
    """ "An Iraqi official said gunmen abducted a contractor", "U.S. officials reported that the operation
    killed 139 insurgents": the reported clause has its own subject, named without a state, so the speaker
    did not do it."""
    lowers = view.lowers
    for r in range(speaker.end, pos):
        if lowers[r] in _REPORTING:
            gap = lowers[r + 1 : pos]
            if gap[:1] == ["that"]:
                gap = gap[1:]
            if gap[:1] and gap[0] in ("the", "a", "an"):
                gap = gap[1:]
            return bool(gap) and gap[0] in _NAMELESS_DOERS
    return False


# -ing words that are prepositions or conjunctions rather than participles
_NOT_PARTICIPLES = frozenset(
    {"including", "following", "according", "regarding", "concerning", "during", "notwithstanding"}
)
_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "kept", "keeps", "keep", "began", "begin",
     "begins", "started", "start", "starts", "stop", "stopped", "to"}
)


def _participle_object(view: SentenceView, g: Group, earlier: Group) -> bool:
    """ "A Taliban group holding three UN workers hostage demanded ...", "the coalition fighting Islamic State
    said ...": an actor that is the object of a participle modifying an earlier actor is not the subject (a
    progressive, "Japan is urging China ...", has an auxiliary before its -ing form and keeps its object)."""
    lowers = view.lowers
    k = g.start - 1
    others = 0
    while k > earlier.end and (lowers[k] in _DIRECT_GAP_WORDS or (others < 2 and lowers[k].isalpha())):
        if lowers[k].endswith("ing") and len(lowers[k]) > 4:
            break
        if lowers[k] not in _DIRECT_GAP_WORDS:
            others += 1
        k -= 1
    word = lowers[k]
    if k <= earlier.end - 1 or not (word.endswith("ing") and len(word) > 4) or word in _NOT_PARTICIPLES:
        return False
    # the participle follows the earlier actor's noun phrase: a few plain words between ("splinter group",
    # "-led coalition")
    between = lowers[earlier.end : k]
    return len(between) <= 3 and all((w.isalpha() or w == "-") and w not in _AUXILIARIES for w in between)


def _in_prepositional_of(view: SentenceView, g: Group) -> bool:
    """ "blocked streets in defiance of Chinese authorities", "rallied in front of the Japanese embassy": the
    of-phrase completes a prepositional phrase ("in defiance of", "in front of", "at the invitation of"), so
    its actor is no more the subject than one right after the preposition."""
    k = g.start - 1
    while k >= view.start and view.lowers[k] in _DIRECT_GAP_WORDS - {"of"}:
        k -= 1
    if k - 2 < view.start or view.lowers[k] != "of" or view.lowers[k - 1] not in _COMPLEX_PREP_NOUNS:
        return False
    j = k - 2
    if view.lowers[j] in ("the", "a", "an") and j - 1 >= view.start:
        j -= 1
    return view.lowers[j] in _SUBJECT_BLOCKING_PREPS


# nouns of complex prepositions: "in defiance of", "on behalf of", "at the invitation of", "in the wake of"
_COMPLEX_PREP_NOUNS = frozenset(
    {"defiance", "front", "support", "protest", "solidarity", "behalf", "honour", "honor", "memory", "favour",
     "favor", "spite", "presence", "violation", "wake", "aftermath", "invitation", "request", "urging", "behest",
     "absence", "place", "defence", "defense", "pursuit", "search"}
)


# words that make a sentence-opening "A ..." phrase a time adverbial ("A day after the vote, ...")
_TIME_NOUNS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "decade", "after",
     "before", "ago", "later", "earlier", "since", "while", "when"}
)


def _opening_subject(view: SentenceView, seg_s: int, seg_e: int) -> bool:
    """ "A member of the Syrian parliament, Mohammed Mamoun, started ...": an indefinite noun phrase opening the
    sentence is its subject, not an apposition to skip (there is nothing before it to stand beside)."""
    lowers = view.lowers
    if seg_s != view.start or lowers[seg_s] not in ("a", "an"):
        return False
    # only before a short phrase set off by commas, the name: "A car bomb exploded in the Iraqi city of Fallujah,
    # killing ..." is a clause of its own whose place is no subject
    if seg_e >= view.end or lowers[seg_e] != ",":
        return False
    close = next((k for k in range(seg_e + 1, min(view.end, seg_e + 6)) if lowers[k] == ","), None)
    return close is not None and close - seg_e > 1 and not any(w in _TIME_NOUNS for w in lowers[seg_s:seg_e])


_PRONOUN_AGREES: dict[str, Callable[[Group], bool]] = {
    "their": lambda g: len(g.members) > 1,
    "its": lambda g: len(g.members) == 1 and g.members[0].kind != "person",
    **dict.fromkeys(("his", "her", "him"), lambda g: len(g.members) == 1 and g.members[0].kind == "person"),
    "them": lambda g: True,
}


def pronoun_antecedent(
    view: SentenceView, k: int, exclude: Group | None = None, family: bool = False, pronoun: str = ""
) -> Group | None:
    """The nearest group before the pronoun at ``k`` that agrees with it in number and kind and is not ``exclude``
    (or made of its actors; with ``family``, also of bodies of the same family: the UN beside its Security
    Council). ``pronoun`` reads the phrase at ``k`` as that pronoun ("the country's" as "its")."""
    agrees = _PRONOUN_AGREES.get(pronoun or view.lowers[k])
    if agrees is None:
        return None
    own = {m.code for m in exclude.members} if exclude is not None else None

    def excluded(g: Group) -> bool:
        if own is None:
            return False
        if family:
            return all(any(c.startswith(o) or o.startswith(c) for o in own) for c in (m.code for m in g.members))
        return {m.code for m in g.members} <= own

    for g in reversed(view.groups):
        if g.end > k or g.locative or g is exclude or excluded(g):
            continue
        if agrees(g):
            return g
    return None


# words after "its"/"their" that name a state's territory: "entered its air defence identification zone"
_TERRITORY = frozenset(
    {"airspace", "waters", "territory", "territorial", "air", "exclusive", "eez", "adiz", "soil", "coast",
     "coastline", "islands", "border", "borders", "sovereign"}
)


def territory_owner(view: SentenceView, trig: Trigger, source: Group) -> Group | None:
    """ "Seoul protested after Chinese and Russian warplanes entered its air defence identification zone": the
    owner of the territory a possessive pronoun names in the trigger's object. A pronoun in a subordinate clause
    prefers the main clause's subject (Grosz et al. 1995, centering), then the nearest actor; never the source."""
    lowers = view.lowers
    own = {m.code[:3] for m in source.members}
    for k in range(trig.pos + 1, min(trig.end, view.end - 1)):
        if lowers[k] not in ("its", "their") or lowers[k + 1] not in _TERRITORY:
            continue
        agrees = _PRONOUN_AGREES[lowers[k]]
        candidates = [
            g for g in view.groups
            if g.end <= k and not g.locative and agrees(g) and not own & {m.code[:3] for m in g.members}
        ]
        main = next((g for g in view.groups if not g.locative and view.governed_by_prep(g) is None), None)
        if main is not None and main in candidates:
            return main
        return candidates[-1] if candidates else None
    return None


def with_pronoun_partner(view: SentenceView, group: Group) -> Group:
    """ "Yoon visited Tokyo, where he and Kishida agreed ...": a subject pronoun coordinated before a group
    adds its antecedent (a person for he/she) to the group."""
    k = group.start - 2
    if k < view.start or view.lowers[k + 1] != "and" or view.lowers[k] not in ("he", "she"):
        return group
    own = {m.code for m in group.members}
    persons = [
        g for g in view.groups
        if g.end <= k and len(g.members) == 1 and g.members[0].kind == "person" and g.members[0].code not in own
    ]
    return Group(persons[-1].members + group.members) if persons else group


def object_pronoun(view: SentenceView, k: int, source: Group | None) -> Group | None:
    """ "met Kim Jong Un ... and invited him": a him/her/them object at ``k`` stands for the nearest earlier
    actor (a person for him/her) that is not the source."""
    if k >= view.end or view.lowers[k] not in ("him", "her", "them"):
        return None
    return pronoun_antecedent(view, k, source)


# passive participles of charging whose "of"/"for" complement may stand between them and their "by" agent
_CHARGE_PARTICIPLES = frozenset({"accused", "blamed", "criticized", "criticised", "condemned", "charged"})
_AGENT_WINDOW = 10
_CHARGE_WINDOW = 25


def agent_of_passive(view: SentenceView, trig: Trigger) -> Group | None:
    """The "by X" agent of a passive trigger. After a passive of charging with a long complement ("was accused
    of misusing $50 million in public funds, much of it embezzled, by government officials"), a "by" set off
    by a comma further on still names the accuser."""
    lowers = view.lowers
    charge = lowers[trig.pos] in _CHARGE_PARTICIPLES and lowers[trig.end : trig.end + 1] in (["of"], ["for"])
    for k in range(trig.end, min(view.end, trig.end + (_CHARGE_WINDOW if charge else _AGENT_WINDOW))):
        if lowers[k] in TARGET_STOPS:
            return None
        if lowers[k] == "by" and (k < trig.end + _AGENT_WINDOW or lowers[k - 1] == ","):
            for g in view.groups:
                if k < g.start <= k + 3:
                    return g
            return None
    return None


def target_after(
    view: SentenceView, anchor: int, specs: tuple[str, ...], exclude: Group | None, object_end: int | None = None
) -> Group | None:
    """First actor group after ``anchor`` reachable as direct object, via a listed preposition or a that-clause.

    Actors inside the verb's object phrase ("summoned the South Korean ambassador",
    "expelled four Russian diplomats") count as direct objects.
    """
    lowers = view.lowers
    object_end = object_end or anchor
    limit = min(view.end, max(anchor, object_end) + 14)
    skipped: set[int] = set()
    for g in view.groups:
        if g.start < anchor or g is exclude:
            continue
        if g.start >= limit:
            break
        if (
            g.end + 1 < view.end
            and lowers[g.end] == "-"
            and _AGENTIVE_PARTICIPLE.match(lowers[g.end + 1])
            and (
                lowers[g.end + 1] not in _LEADING_PARTICIPLES
                or any(h.start == g.end + 2 for h in view.groups)
            )
        ):
            # "a US-drafted resolution", "North Korean-supplied missiles": an agent, not the target (but whoever
            # leads a coalition, a war or strikes is the one joined, aided or condemned: "the US-led coalition";
            # unless the led body is named itself: "the China-led Asian Infrastructure Investment Bank")
            skipped.update(range(g.start, g.end + 2))
            continue
        window = lowers[anchor : g.start]
        if _absolute_clause(window):
            return None  # ", with Tokyo offering ...": a new clause, not this verb's object
        gap = [w for k, w in enumerate(window, anchor) if k not in skipped and not _is_quantity(w)]
        gap = _drop_at_least(gap)
        if gap[:1] == ["in"] and len(window) > 1 and (window[1] in _COUNT_NOUNS or _is_quantity(window[1])):
            gap = gap[1:]  # a particle, not a place: "took in tens of thousands of Ukrainian refugees"
        if any(w in TARGET_STOPS for w in gap) and not ("that" in specs and "that" in gap):
            return None
        preps = [w for w in gap[-6:] if w in PREPOSITIONS or w in specs]
        prep = preps[-1] if preps else None
        if prep is not None and "," in gap[len(gap) - gap[::-1].index(prep) :]:
            prep = None  # "fired missiles into the sea, Japan's defence ministry said": the phrase ended
        if prep == "to" and _infinitive_to(gap):
            continue  # "heading for Darfur to join an African Union force": a purpose, not a destination
        if prep is not None and prep in specs:
            return g
        # "against the deployment of a US battery", "on $34 billion of Chinese imports", "on imports from China"
        if prep in ("of", "from") and len(preps) >= 2 and preps[-2] in specs:
            return g
        # "lift embargoes on pharmaceutical sales to Iran": a curb on trade with someone is aimed at them
        if prep == "to" and "on" in specs and "on" in gap and any(w in _TRADE_FLOWS for w in gap):
            return g
        # "fired missiles at targets in Ukraine": the place of what was hit is the target
        if prep == "in" and _hits_site(gap, preps, specs):
            return g
        # "arrested the captain of a Chinese trawler", "condemned the launch by North Korea": an of- or
        # by-phrase inside the direct object
        if (
            prep in ("of", "by")
            and len(preps) == 1
            and "dobj" in specs
            and len(gap) <= 5
            and "," not in gap
            and "that" not in gap  # "said at a meeting that dumping by Chinese firms ...": a clause of its own
            and gap.index(prep) > 0
            and gap[gap.index(prep) - 1] not in ("out", "because", "instead", "ahead")
        ):
            return g
        if "that" in specs and "that" in gap[-2:] and prep is None:
            return g
        if "dobj" in specs and "," not in gap and [w for w in gap if w not in _DIRECT_GAP_WORDS][-1:] in (
            ["connecting"],
            ["linking"],
        ):
            # "blew up roads and railways connecting the two Koreas", "a pipeline linking Russia and Germany": the
            # states a link joins are hit with it
            return g
        if "that" in specs and "that" in gap and prep in ("by", "of", "from"):
            # "warned that the deployment of THAAD by the United States ... would": the doer named inside the
            # clause's subject
            clause = gap[len(gap) - gap[::-1].index("that") :]
            if len(clause) <= 7 and "," not in clause and all(w.isalpha() for w in clause):
                return g
        if (
            prep is None
            and "dobj" in specs
            and not g.locative
            and (len(gap) <= 4 or g.start < object_end)
            and "," not in gap
            and "that" not in gap
            and all(w in _DIRECT_GAP_WORDS or w.isalpha() for w in gap)
        ):
            return g
    return None


# nouns for what an attack or strike hits, whose "in X" names the target state; and gatherings one is sent or
# travels to, whose "in X" names the host ("send a delegation to the Olympics in the South")
_SITES = frozenset(
    {"targets", "target", "positions", "sites", "bases", "base", "cities", "towns", "villages", "facilities",
     "installations", "areas", "infrastructure", "plants", "ports", "airfields", "depots", "camps",
     "olympics", "games", "summit", "forum", "conference", "ceremony", "celebrations", "festival", "expo",
     "jail", "jails", "prison", "prisons", "detention"}
)


# goods moving to someone, named after a curb "on" them
_TRADE_FLOWS = frozenset(
    {"sale", "sales", "exports", "shipments", "deliveries", "transfers", "supplies", "flights"}
)


_OBJECT_OPENERS = _POSSESSIVE_PRONOUNS | {"a", "an", "the", "our"}


def _infinitive_to(gap: list[str]) -> bool:
    """Whether the gap's last "to" opens an infinitive: a word, then an article or possessive ("to join an",
    "to help the"), where a preposition's object would start at once ("to the", "to western")."""
    k = len(gap) - 1 - gap[::-1].index("to")
    return k + 2 < len(gap) and gap[k + 1] not in _OBJECT_OPENERS and gap[k + 2] in _OBJECT_OPENERS


def _hits_site(gap: list[str], preps: list[str], specs: tuple[str, ...]) -> bool:
    """Whether the gap ends in "<site> in", reached as the verb's object or through one of its prepositions."""
    k = len(gap) - 1 - gap[::-1].index("in")
    if k == 0 or gap[k - 1] not in _SITES:
        return False
    return (len(preps) >= 2 and preps[-2] in specs) or (len(preps) == 1 and "dobj" in specs and len(gap) <= 5)


def _absolute_clause(window: list[str]) -> bool:
    return any(a == "," and b in ("with", "as", "while", "whereas") for a, b in pairwise(window))


_NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
     "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen", "a", "an"}
)
# "hundreds of", "tens of thousands of", "scores of": a count, not a phrase the verb governs
_COUNT_NOUNS = frozenset({"dozens", "hundreds", "thousands", "millions", "scores", "tens", "hundred", "thousand"})


def _is_quantity(word: str) -> bool:
    return word[:1].isdigit() or word in ("$", "%", "percent", "million", "billion")


def _drop_at_least(gap: list[str]) -> list[str]:
    """The gap without quantifiers: "at least", "as many as", "more than", "up to", "tens of thousands of"."""
    out = []
    i = 0
    while i < len(gap):
        nxt = gap[i + 1] if i + 1 < len(gap) else ""
        if gap[i] in ("at", "as") and nxt in ("least", "many", "much", "most"):
            i += 2
            if i < len(gap) and gap[i] == "as":
                i += 1
            continue
        # quantity words are already gone: "more than 100 Palestinians" leaves "more than"
        comparative = (gap[i] in ("more", "fewer", "less") and nxt == "than") or (gap[i] == "up" and nxt == "to")
        if comparative and (i + 2 == len(gap) or gap[i + 2] in _NUMBER_WORDS or gap[i + 2] in _COUNT_NOUNS):
            i += 2
            continue
        if gap[i] in _COUNT_NOUNS and nxt == "of":
            i += 2
            continue
        out.append(gap[i])
        i += 1
    return out


_POSSESSIVE_PHRASE_MARKS = frozenset({"'s", "'", "-", '"', "“", "”", "‘", "’"})


# a coordination between an actor and a noun ends the phrase: "sanctions on Russia and a ban on exports"
# words that end a modifier phrase: coordination, and "following" used as a preposition ("the president of
# Armenia following the invasion of ...")
_NOT_MODIFIERS = frozenset({"and", "or", "but", "following"})
# verbs whose object is something received or answered: in "Australia has turned down a diplomatic plea" or
# "Seoul ignored a call for talks" the subject is the one addressed, not the author of the noun's act
_ANSWERING_VERBS = frozenset(
    {
        "turned", "turns", "turn", "turning", "rejected", "rejects", "reject", "rejecting", "refused", "refuses",
        "ignored", "ignores", "dismissed", "dismisses", "rebuffed", "rebuffs", "spurned", "spurns", "heeded",
        "heeds", "answered", "answers", "received", "receives", "faced", "faces", "facing",
    }
)
# a predicate noun describes its subject and reports no act: "ISIL is a threat to all Iraqis", "immigrants pose
# a threat to American culture" (but "is preparing a new offensive" still prepares one)
_COPULAS = frozenset(
    {"is", "are", "was", "were", "pose", "poses", "posed", "posing", "remains", "remain", "represents", "represent",
     "constitutes", "constitute"}
)


def _predicate_noun(between: list[str]) -> bool:
    return any(w in _COPULAS and nxt in ("a", "an") for w, nxt in pairwise(between))


BE = frozenset({"is", "are", "was", "were", "be", "been"})
_BEHIND_GAP = frozenset(
    {"allegedly", "likely", "probably", "almost", "certainly", "also", "not", "reportedly", "possibly"}
)


def behind_doer(view: SentenceView, pos: int) -> Group | None:
    """ "North Korean agents were behind the assassination of ...": whoever is "behind" an act did it; the
    doer is the subject of the "be"."""
    lowers = view.lowers
    k = pos - 1
    while k > view.start and pos - k <= 4 and lowers[k] != "behind":
        if not lowers[k].isalpha() or lowers[k] in PREPOSITIONS:
            return None
        k -= 1
    if lowers[k] != "behind":
        return None
    k -= 1
    while k > view.start and lowers[k] in _BEHIND_GAP:
        k -= 1
    # "accused Moscow of being behind ...": an accused act is not coded (nor is "accused X of plotting ...")
    if lowers[k] not in BE:
        return None
    return subject(view, k)


def noun_source(view: SentenceView, trig: Trigger, specs: tuple[str, ...]) -> Group | None:
    """Source of a nominal trigger: possessive, modifier, "X was behind the ...", or of/by/from phrase."""
    lowers = view.lowers
    pos = trig.pos
    ends = {g.end: g for g in view.groups}
    lo = max(view.start, pos - 5)
    doer = behind_doer(view, pos)
    if doer is not None:
        return doer
    if "poss" in specs:
        # "his talks with Trump", "its sanctions": the owner is the clause subject
        for k in range(pos - 1, lo - 1, -1):
            if lowers[k] in _POSSESSIVE_PRONOUNS:
                owner = pronoun_antecedent(view, k) or subject(view, k)
                if owner is not None:
                    return owner
                break
            if not lowers[k].isalpha() or lowers[k] in PREPOSITIONS:
                break
        for k in range(pos - 1, lo - 1, -1):
            if lowers[k] in ("'s", "'") and k in ends:
                return ends[k]
            # quotes around a modifier do not end the phrase: Tokyo's "unfriendly" sanctions
            if lowers[k] in PREPOSITIONS or not (lowers[k].isalpha() or lowers[k] in _POSSESSIVE_PHRASE_MARKS):
                break
    if "adj" in specs:
        for k in range(pos, lo - 1, -1):
            g = ends.get(k)
            if g is not None and not g.locative and not (k < len(lowers) and lowers[k] in ("'s", "'")):
                between = lowers[k:pos]
                # "US-supplied weapons": the actor compounded with the trigger by a hyphen
                if between == ["-"] or (
                    all(
                        w.isalpha() and w not in PREPOSITIONS and w not in _NOT_MODIFIERS and w not in _ANSWERING_VERBS
                        for w in between
                    )
                    and not _predicate_noun(between)
                ):
                    return g
            if k < pos and (lowers[k] in PREPOSITIONS or not (lowers[k].isalpha() or lowers[k] == "-")):
                break
    preps = [s for s in specs if s in PREPOSITIONS]
    if preps:
        found = _prep_group(view, trig.end, preps)
        if found is not None and not _goods_origin(view, found):
            return found
    if "subj" in specs:
        return subject(view, pos)
    return None


# goods whose "from" names where they come from: "tariffs on imports from China"
_GOODS = frozenset(
    {"imports", "goods", "products", "exports", "shipments", "steel", "cars", "vehicles", "produce", "items",
     "commodities", "purchases"}
)


def _goods_origin(view: SentenceView, g: Group) -> bool:
    """ "tariffs on imports from countries including China": the country the goods come from is no doer."""
    lowers = view.lowers
    for k in range(g.start - 1, max(view.start, g.start - 4) - 1, -1):
        if lowers[k] == "from":
            return k - 1 >= view.start and lowers[k - 1] in _GOODS
    return False


def support_verb(view: SentenceView, trig: Trigger, support_verbs: frozenset[str]) -> int | None:
    """Position of the support verb whose object a nominal trigger is ("agreed to undertake joint
    exercises", "issued a stern warning to Pyongyang"), or None. Only plain words may stand between verb
    and noun: no actor, preposition or punctuation."""
    lowers = view.lowers
    for k in range(trig.pos - 1, max(view.start, trig.pos - 5) - 1, -1):
        word = lowers[k]
        if word in support_verbs:
            return k
        if word in PREPOSITIONS or not (word.isalpha() or word == "-"):
            return None
        if any(g.start <= k < g.end for g in view.groups):
            return None
    return None


def between_pair(view: SentenceView, trig: Trigger) -> Group | None:
    """ "talks between Seoul and Tokyo" → the coordinated group after "between"."""
    lowers = view.lowers
    for k in range(trig.end, min(view.end, trig.end + 4)):
        if lowers[k] == "between":
            for g in view.groups:
                if k < g.start <= k + 3 and len(g.members) >= 2:
                    return g
            return None
    return None


def _prep_group(view: SentenceView, anchor: int, preps: list[str]) -> Group | None:
    lowers = view.lowers
    for k in range(anchor, min(view.end, anchor + 8)):
        w = lowers[k]
        if w in TARGET_STOPS or _absolute_clause(lowers[k - 1 : k + 1]):
            return None  # ", with Yang Jiechi accusing Washington": a new clause, not the noun's complement
        if w in preps:
            for g in view.groups:
                if k < g.start <= k + 3:
                    return g
    return None


def noun_target(view: SentenceView, trig: Trigger, specs: tuple[str, ...], exclude: Group | None) -> Group | None:
    # "that" names the subject of a content clause: "Seoul's accusation that a Russian warplane had intruded"
    preps = [s for s in specs if s in PREPOSITIONS or s == "that"]
    found = _prep_group(view, trig.end, preps) if preps else None
    if found is None and "subj" in specs:
        # "..., drawing condemnation from Tokyo": the condemned is the clause subject
        found = subject(view, trig.pos)
    return None if found is exclude else found
