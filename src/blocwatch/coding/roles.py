"""Role heuristics beyond the clause subject and object, for the coder.

Shallow-parse rules in the spirit of TABARI's sparse parse (Schrodt 2001), each answering one question a
parser would: whether two codes name one actor or a domestic pair; where a threat's or refusal's target
sits in its infinitive ("threatened to turn Seoul into ..."); who performs a gerund or an intention
("officials involved in sending troops", "Seoul's decision to deploy"); which further targets a parallel
phrase adds; whom force used on people named by role alone falls on; and the word lists these rules read.
"""

from __future__ import annotations

from blocwatch.coding.actors import SOCIETY_SECTORS, Group, Mention
from blocwatch.coding.attribution import PREPOSITIONS, TARGET_STOPS, SentenceView
from blocwatch.coding.triggers import Trigger

INTENT_ADVERBS = frozenset(
    {
        "further",
        "jointly",
        "closely",
        "also",
        "swiftly",
        "quickly",
        "immediately",
        "gradually",
        "actively",
        "fully",
        "formally",
        "eventually",
        "soon",
        "again",
        "substantially",
    }
)


# sectors that act for the state itself: "Japan" beside "Japan's army" is one actor named twice
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"})


def word_before(view: SentenceView, group: Group) -> int:
    """Position of the word before ``group`` and its determiners ("forcing [the] Air Self-Defense Force")."""
    j = group.start - 1
    while j > view.start and view.lowers[j] in ("the", "a", "an", "its", "their"):
        j -= 1
    return j


def same_actor(a: str, b: str) -> bool:
    """Same code, or the same state where one side has no sector and the other acts for the state (an
    attribution slip). Rebels, protesters or the opposition against their own state are a domestic event."""
    if a == b:
        return True
    if a[:3] != b[:3] or (len(a) > 3 and len(b) > 3):
        return False
    sectored = a if len(a) > 3 else b
    return len(sectored) == 3 or sectored[3:6] in STATE_SECTORS


def infinitive_to(view: SentenceView, pos: int) -> int | None:
    """Position of the "to" before an infinitive trigger ("to jointly develop"), or None."""
    k = pos - 1
    while k > view.start and view.lowers[k] in INTENT_ADVERBS:
        k -= 1
    return k if k > view.start and view.lowers[k] == "to" else None


# participles and verbs that make their object react: "prompting Seoul to scramble jets"
CAUSATIVES = frozenset(
    {"prompting", "prompted", "forcing", "forced", "causing", "caused", "leading", "led", "compelling",
     "compelled", "spurring", "spurred", "provoking", "provoked", "pushing", "pushed"}
)
# reactions (disapproval, rejection, threats, protest, cutting ties, coercion) that may name their cause
# in a clause instead of an object: "protested after Chinese missiles landed ..."
REACTION_ROOTS = frozenset({"11", "12", "13", "14", "16", "17"})
CAUSE_MARKERS = frozenset({"after", "when", "because", "as"})
# participles between an actor and the "in/of/for" of a gerund it performs
DOER_PARTICIPLES = frozenset({"involved", "engaged", "responsible", "accused", "suspected", "guilty", "complicit",
                               "implicated", "caught", "active", "instrumental", "busy"})
# protest, posture, coercion and violence: acts a state's forces may turn on its own people
FORCE_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
CIVIL = SOCIETY_SECTORS | {"REF", "MED"}
# verbs whose act answers the one just reported in the sentence
RECIPROCAL = frozenset({"retaliate", "retaliated", "retaliates", "retaliating", "reciprocated", "reciprocates"})
HOST, VISIT = "043", "042"  # CAMEO: host a visit, make a visit
# nouns whose possessive owner does what their infinitive says ("Seoul's decision to deploy THAAD")
INTENT_NOUNS = frozenset(
    {"decision", "plan", "plans", "move", "bid", "attempt", "attempts", "efforts", "effort", "refusal", "failure",
     "pledge", "promise", "vow", "push", "threat", "threats", "proposal", "intention", "readiness", "willingness",
     "determination", "order", "demand", "offer", "agreement", "commitment", "right"}
)
# demands, refusals and threats whose target may be the object of the act they name
INFINITIVE_ROOTS = frozenset({"10", "12", "13"})
# where the object of an infinitive complement may stand ("threatened to cut off electricity to Nakhichevan")
INFINITIVE_OBJECT = ("dobj", "with", "to", "against", "on", "from")
# words after "to" that show it is a preposition, not an infinitive marker
NOT_INFINITIVE = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "any", "all", "some",
     "what", "which", "whom", "it", "them", "him", "us", "me", "one", "both", "each", "such", "no", "date", "power"}
)
# appeals, demands, criticism and rejections: addressed, in a coordination without an object of their own,
# to the previous verb's target ("met his Chinese counterpart and demanded the release of ...")
SPEECH_ACTS = frozenset({"02", "10", "11", "12"})
ASKS = frozenset({"02", "10"})  # appeals and demands, made of someone other than the asker's own people


def with_parallel_target(view: SentenceView, tgt: Group) -> Group:
    """ "a 24 percent tariff on Japanese goods and 25 percent on South Korean goods": a second phrase with the
    same preposition after "and" adds its actor to the target."""
    prep = view.governed_by_prep(tgt)
    if prep is None:
        return tgt
    lowers = view.lowers
    stop = min(view.end, tgt.end + 12)
    k = tgt.end
    while k < stop and lowers[k] != "and":
        if not lowers[k].isalpha() or lowers[k] in PREPOSITIONS:
            return tgt
        k += 1
    for j in range(k + 1, min(stop, k + 6)):
        word = lowers[j]
        if word == prep:
            nxt = next((g for g in view.groups if j < g.start <= j + 2), None)
            if nxt is None or nxt.locative:
                return tgt
            return Group(tgt.members + nxt.members)
        if not (word.isalpha() or is_number(word)) or word in PREPOSITIONS:
            return tgt
    return tgt


_LISTING = (("along", "with"), ("together", "with"), ("as", "well", "as"))


def with_listed_targets(view: SentenceView, tgt: Group) -> Group:
    """ "branded North Korea part of an 'axis of evil' along with Iran and Iraq": a direct object listed with
    others by "along with" shares the act with them."""
    if view.governed_by_prep(tgt) is not None:
        return tgt
    lowers = view.lowers
    for k in range(tgt.end, min(view.end - 2, tgt.end + 10)):
        word = lowers[k]
        listing = next((p for p in _LISTING if tuple(lowers[k : k + len(p)]) == p), None)
        if listing is not None:
            j = k + len(listing)
            nxt = next((g for g in view.groups if j <= g.start <= j + 1), None)
            return tgt if nxt is None or nxt.locative else Group(tgt.members + nxt.members)
        if word in (",", ";", ":") or (word in PREPOSITIONS and word != "of") or word in TARGET_STOPS:
            return tgt
    return tgt


def is_number(word: str) -> bool:
    return word.replace(".", "").replace(",", "").isdigit()


def gerund_doer(view: SentenceView, trig: Trigger) -> Group | None:
    """ "North Korean officials involved in sending troops to Russia", "punished Seoul for deploying THAAD": the
    doer of a gerund after in/of/for is the actor right before it (or before one participle)."""
    lowers = view.lowers
    k = trig.pos - 1
    if trig.morph != "ing" or k <= view.start or lowers[k] not in ("in", "of", "for"):
        return None
    ends = {g.end: g for g in view.groups}
    doer = ends.get(k) or (ends.get(k - 1) if lowers[k - 1] in DOER_PARTICIPLES else None)
    return None if doer is None or doer.locative else doer


def unowned(raw: list[tuple[int, int, list]], mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """Civil-society role words the actor matcher left without a state ("disperse demonstrators")."""
    taken = {k for m in mentions for k in range(m.start, m.end)}
    return [
        (s, e, phrases[0].ref)
        for s, e, phrases in raw
        if phrases[0].kind == "sector" and phrases[0].ref in CIVIL and s not in taken
    ]


def compatriots(view: SentenceView, trig: Trigger, src: Group) -> Group | None:
    """ "Liberian riot police used tear gas to disperse demonstrators": force used on people named only by
    their role falls on the source's own people (LBRCOP → LBRCVL)."""
    state = {m.code[:3] for m in src.members}
    if len(state) != 1 or not next(iter(state)).isalpha() or next(iter(state)) in ("IGO", "NGO"):
        return None
    lowers = view.lowers
    for start, end, sector in view.unowned:
        if start <= trig.pos or start > trig.end + 6:
            continue
        if any(w in (",", ";", ":") or w in TARGET_STOPS for w in lowers[trig.end : start]):
            return None
        return Group([Mention(start, end, next(iter(state)) + sector, "state", "compatriot")])
    return None


def intent_owner(view: SentenceView, trig: Trigger) -> Group | None:
    """ "the United States' decision to impose tariffs", "Tokyo's plan to release treated water": the owner of
    a noun of intent is the doer of its infinitive."""
    k = infinitive_to(view, trig.pos)
    if k is None or k - 1 <= view.start or view.lowers[k - 1] not in INTENT_NOUNS:
        return None
    for j in range(k - 2, max(view.start, k - 5) - 1, -1):
        owner = next((g for g in view.groups if g.end == j and view.lowers[j] in ("'s", "'")), None)
        if owner is not None:
            return owner
        if not view.lowers[j].isalpha() and view.lowers[j] not in ("'s", "'", "-"):
            return None
    return None


def object_relative(view: SentenceView, src: Group) -> bool:
    """Whether the subject opens an object relative clause: ", which Pyongyang denounced ..." """
    k = src.start - 1
    return k > view.start and view.lowers[k] in ("which", "that") and view.lowers[k - 1] == ","


def same_state(a: Group, b: Group) -> bool:
    """Every member of both groups belongs to one state."""
    return len({m.code[:3] for m in (*a.members, *b.members)}) == 1


# organs of the state: a prosecutor asking for the premier's sentence asks a court, not the government
STATE_ORGANS = STATE_SECTORS - {"ELI"}


def asks_own_government(src: Group, tgt: Group) -> bool:
    """A non-governmental source asking its own state's government ("the US Chamber of Commerce urged the US
    government not to impose tariffs"): the appeal is made of that government, not of someone further on."""
    return all(m.code[3:6] == "GOV" for m in tgt.members) and not any(m.code[3:6] in STATE_ORGANS for m in src.members)
