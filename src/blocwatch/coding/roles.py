"""Role heuristics beyond the clause subject and object, for the coder.

Shallow-parse rules in the spirit of TABARI's sparse parse (Schrodt 2001), each answering one question a
parser would: whether two codes name one actor or a domestic pair; where a threat's or refusal's target
sits in its infinitive ("threatened to turn Seoul into ..."); who performs a gerund or an intention
("officials involved in sending troops", "Seoul's decision to deploy"); which further targets a parallel
phrase adds; whom force used on people named by role alone falls on; whose object a possessive pronoun names
("condemned its launch"); who does the verb of a relative clause ("an aircraft that violated ..."); where a
visit without a destination went; and the word lists these rules read.
"""

from __future__ import annotations

from blocwatch.coding.actors import SOCIETY_SECTORS, Group, Mention
from blocwatch.coding.attribution import PREPOSITIONS, TARGET_STOPS, SentenceView, pronoun_antecedent
from blocwatch.coding.modality import gerund_list_head
from blocwatch.coding.triggers import REVERSAL_VERBS, Trigger

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


# weapon platforms named as the killer: only conventional military force kills that way
AIR_PLATFORMS = frozenset(
    {"aircraft", "warplanes", "warplane", "jets", "gunships", "helicopters", "bombers", "drones", "drone",
     "predator", "predators", "airstrikes", "airstrike", "planes"}
)
GROUND_PLATFORMS = frozenset({"tanks", "artillery", "warships", "gunboats", "howitzers"})


# armed groups outside a state's forces, and people who take no part in fighting
_IRREGULARS = frozenset({"REB", "INS", "SEP", "UAF"})
_NONCOMBATANTS = frozenset({"CVL", "REF", "EDU", "LAB", "MED", "BUS"})


def combat_code(code: str, source: str, target: str, platform: str = "") -> str:
    """Killing or wounding between armed forces is combat (CAMEO 190, conventional military force), not the
    assault on persons (182x) the verb names on its own: "the shelling killed two South Korean marines".
    So is a killing done by aircraft (195, aerial weapons) or by tanks and artillery (190):
    "Russian aircraft killed 46 Afghan civilians"."""
    if code == "190" and source[3:6] in _IRREGULARS and target[3:6] in _NONCOMBATANTS:
        # "militiamen attacked a camp for Congolese refugees": armed groups turning on civilians use
        # unconventional violence (CAMEO 18, assault), not conventional military force
        return "180"
    if not code.startswith("182"):
        return code
    if platform in AIR_PLATFORMS:
        return "195"
    if platform in GROUND_PLATFORMS or (source[3:6] == "MIL" and target[3:6] == "MIL"):
        return "190"
    return code


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
THREATEN = "13"
PROTEST = "14"
# appeals, praise and apologies, demands, criticism, rejections and threats: addressed, in a coordination without
# an object of their own, to the previous verb's target ("met his Chinese counterpart and demanded the release of
# ...", "called the president a dotard and vowed that he would pay dearly", "... and apologized")
SPEECH_ACTS = frozenset({"02", "05", "10", "11", "12", "13"})
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
    others by "along with" shares the act with them. Right after the object, only "as well as" lists targets:
    "sanctioned Iran along with the United States" may name a co-doer."""
    if view.governed_by_prep(tgt) is not None:
        return tgt
    lowers = view.lowers
    for k in range(tgt.end, min(view.end - 2, tgt.end + 10)):
        word = lowers[k]
        listing = next((p for p in _LISTING if tuple(lowers[k : k + len(p)]) == p), None)
        if listing is not None:
            if k == tgt.end and listing[0] != "as":
                # "sanctioned Iran along with the United States": the United States may as well be a co-doer
                return tgt
            j = k + len(listing)
            nxt = next((g for g in view.groups if j <= g.start <= j + 1), None)
            return tgt if nxt is None or nxt.locative else Group(tgt.members + nxt.members)
        if word in (",", ";", ":") or (word in PREPOSITIONS and word != "of") or word in TARGET_STOPS:
            return tgt
    return tgt


_COMPLAINT_ABOUT = frozenset({"over", "about", "against"})


def with_complained_of(view: SentenceView, tgt: Group, src: Group) -> Group:
    """ "Lebanon complained to the United Nations over two Israeli air raids": a protest taken to an
    international body is also aimed at the state whose act it is about."""
    if not all(m.code[:3] == "IGO" for m in tgt.members):
        return tgt
    lowers = view.lowers
    for g in view.groups:
        if g.start < tgt.end or g.start > tgt.end + 8:
            continue
        gap = lowers[tgt.end : g.start]
        if any(w in (",", ";", ":") or w in TARGET_STOPS for w in gap):
            return tgt
        if view.governed_by_prep(g) in _COMPLAINT_ABOUT and not any(
            m.code[:3] in {x.code[:3] for x in src.members} or m.code[:3] in ("IGO", "NGO") for m in g.members
        ):
            return Group(tgt.members + g.members)
        return tgt
    return tgt


def is_number(word: str) -> bool:
    return word.replace(".", "").replace(",", "").isdigit()


def gerund_doer(view: SentenceView, trig: Trigger) -> Group | None:
    """ "North Korean officials involved in sending troops to Russia", "punished Seoul for deploying THAAD": the
    doer of a gerund after in/of/for is the actor right before it (or before one participle)."""
    lowers = view.lowers
    k = trig.pos - 1
    if trig.morph == "ing" and k > view.start and lowers[k] not in ("in", "of", "for"):
        # "accused Washington of violating ..., ignoring international law and ...": a later item of a list of
        # gerunds has the doer of the first
        head = gerund_list_head(lowers, trig.pos, view.start)
        k = head - 1 if head is not None else k
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


def compatriots(
    view: SentenceView, trig: Trigger, src: Group, sectors: frozenset[str] | None = None
) -> Group | None:
    """ "Liberian riot police used tear gas to disperse demonstrators": force used on people named only by
    their role falls on the source's own people (LBRCOP → LBRCVL); with ``sectors``, only people in those."""
    state = {m.code[:3] for m in src.members}
    if len(state) != 1 or not next(iter(state)).isalpha() or next(iter(state)) in ("IGO", "NGO"):
        return None
    lowers = view.lowers
    for start, end, sector in view.unowned:
        if start <= trig.pos or start > trig.end + 6:
            continue
        if any(w in (",", ";", ":") or w in TARGET_STOPS for w in lowers[trig.end : start]):
            return None
        if sectors is not None and (
            sector not in sectors or start < trig.end or "by" in lowers[max(trig.end, start - 2) : start]
        ):
            # "to end a siege called by Maoist insurgents", "End Rebel Blockade": the object's own agent
            return None
        return Group([Mention(start, end, next(iter(state)) + sector, "state", "compatriot")])
    return None


# places that house people: force used on "a camp for Congolese refugees" falls on the people housed there
SHELTERS = frozenset(
    {"camp", "camps", "shelter", "shelters", "settlement", "settlements", "hostel", "hostels", "school", "schools",
     "hospital", "hospitals", "clinic", "home", "homes", "centre", "center", "compound", "village", "villages"}
)
_HOUSING = frozenset({"for", "housing", "sheltering"})


def sheltered(view: SentenceView, lo: int, hi: int) -> Group | None:
    """The people a shelter between ``lo`` and ``hi`` houses: "attacked a camp for Congolese refugees", "a camp
    housing Rwandan refugees was shelled" (the camp is hit, and with it the people it is for)."""
    lowers = view.lowers
    for g in view.groups:
        if g.start < lo + 2 or g.start > hi:
            continue
        k = g.start - 1
        while k > lo and lowers[k] in ("the", "some", "about", "thousands", "hundreds", "of"):
            k -= 1
        if k - 1 >= lo and lowers[k] in _HOUSING and lowers[k - 1] in SHELTERS:
            return g
    return None


# places named after who holds them: "shelled rebel-held territory", "Turkish-controlled villages"
_HOLDING = frozenset({"held", "controlled"})
_HELD_PLACES = frozenset(
    {"territory", "territories", "area", "areas", "town", "towns", "village", "villages", "city", "cities",
     "district", "districts", "region", "regions", "enclave", "enclaves", "positions", "parts", "zone", "zones",
     "neighbourhoods", "neighborhoods", "suburbs", "stronghold", "strongholds", "land", "island", "islands"}
)


def place_holder(view: SentenceView, lo: int, hi: int) -> Group | None:
    """The holder of a place hit between ``lo`` and ``hi``: force used on "Albanian rebel-held territory" falls on
    the rebels who hold it (the hyphenated participle otherwise marks an agent, as in "a US-drafted text")."""
    lowers = view.lowers
    for g in view.groups:
        if not (lo <= g.start <= hi and g.end + 2 < view.end):
            continue
        if lowers[g.end] == "-" and lowers[g.end + 1] in _HOLDING and lowers[g.end + 2] in _HELD_PLACES:
            return g
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


# the yielding (08) that taking back a hostile act amounts to, by the act's code prefix
YIELD_FOR = (("163", "085"), ("15", "087"), ("19", "087"), ("17", "081"))
HOSTILE_ROOTS = frozenset({"12", "13", "15", "16", "17", "19"})


def reversed_intent(view: SentenceView, trig: Trigger) -> int | None:
    """Position of the verb that takes back the decision, plan or threat whose infinitive the trigger is:
    "Seoul suspended its decision to end the pact" reports no ending, but a yielding. None otherwise."""
    k = infinitive_to(view, trig.pos)
    if k is None or k - 1 <= view.start or view.lowers[k - 1] not in INTENT_NOUNS:
        return None
    j = k - 2
    while j > view.start and view.lowers[j] in ("its", "their", "his", "her", "the", "a", "earlier", "previous"):
        j -= 1
    return j if view.lowers[j] in REVERSAL_VERBS else None


def yield_code(code: str) -> str:
    """The 08x code for taking back the hostile act ``code``."""
    return next((y for prefix, y in YIELD_FOR if code.startswith(prefix)), "080")


# nouns that sum up the act just reported, in an appositive: "..., a move Tokyo called provocative"
_SUMMARY_NOUNS = frozenset({"move", "step", "act", "action", "decision", "development", "deployment", "incident"})


# possessive pronouns whose owner a verb's object names; "his"/"her" mostly point back to the subject itself
# ("Kim defended his decision") and are left out
_OBJECT_OWNERS = frozenset({"its", "their"})


def object_owner(view: SentenceView, trig: Trigger, src: Group) -> Group | None:
    """ "the Security Council condemned its rocket launch", "an aircraft that violated the country's airspace": an
    object owned by a pronoun or by "the country" is aimed at its antecedent, the nearest earlier actor other
    than the source."""
    lowers = view.lowers
    owner = None
    for k in dict.fromkeys((trig.end, trig.pos + 1)):  # after the verb, or opening a light verb's object
        if k >= view.end:
            continue
        if lowers[k] in _OBJECT_OWNERS:
            owner = pronoun_antecedent(view, k, src, family=True)
        elif lowers[k : k + 3] == ["the", "country", "'s"]:
            owner = pronoun_antecedent(view, k, src, family=True, pronoun="its")
        if owner is not None:
            break
    # an actor right before the verb is its subject, whatever the source found: the pronoun is its own
    return None if owner is None or owner.end == trig.pos else owner


def visited_place(view: SentenceView, trig: Trigger, src: Group) -> Group | None:
    """ "signed an agreement in Washington during a visit by Mongolia's prime minister": a visit that names no
    destination but frames the sentence's act ("during ...") was made to the place that act happened in, when
    that belongs to another state."""
    if "during" not in view.lowers[max(view.start, trig.pos - 6) : trig.pos]:
        return None
    own = {m.code[:3] for m in src.members}
    places = [
        g
        for g in view.groups
        if g.locative and len(g.members) == 1 and g.members[0].code[:3] not in own and _scene(view, g)
    ]
    return places[0] if len(places) == 1 else None


def _scene(view: SentenceView, g: Group) -> bool:
    """Whether a place is where things happen ("in Washington", "at the White House")."""
    k = g.start - 1
    while k > view.start and view.lowers[k] in ("the", "a", "an"):
        k -= 1
    return view.lowers[k] in ("in", "at")


def relative_subject(view: SentenceView, k: int) -> Group | None:
    """ "fired warning shots at a Russian aircraft that violated ...": the doer of a verb in a subject relative
    clause (``k`` is the relative pronoun before it) is the actor its noun phrase names, even inside a
    preposition phrase; at most two head words may follow the actor ("a Russian military aircraft that")."""
    if k <= view.start or view.lowers[k] not in ("that", "which", "who"):
        return None
    for g in view.groups:
        if not (k - 2 <= g.end <= k and all(w.isalpha() for w in view.lowers[g.end : k])):
            continue
        # "at a Russian aircraft that": a place only when nothing but the place is named ("bases in Japan that")
        if g.locative and g.end == k and all(len(m.code) == 3 for m in g.members):
            return None
        return g
    return None


def object_relative(view: SentenceView, src: Group) -> bool:
    """Whether the subject opens an object relative clause: ", which Pyongyang denounced ...", or one on an
    appositive noun that sums up the act before it: ", a move (that) Tokyo called provocative"."""
    lowers = view.lowers
    k = src.start - 1
    if k > view.start and lowers[k] in ("which", "that") and lowers[k - 1] == ",":
        return True
    if k > view.start and lowers[k] == "that":
        k -= 1
    return k - 2 >= view.start and lowers[k] in _SUMMARY_NOUNS and lowers[k - 1] in ("a", "an", "the") and (
        lowers[k - 2] == ","
    )


def same_state(a: Group, b: Group) -> bool:
    """Every member of both groups belongs to one state."""
    return len({m.code[:3] for m in (*a.members, *b.members)}) == 1


# organs of the state: a prosecutor asking for the premier's sentence asks a court, not the government
STATE_ORGANS = STATE_SECTORS - {"ELI"}


def asks_own_government(src: Group, tgt: Group) -> bool:
    """A non-governmental source asking its own state's government ("the US Chamber of Commerce urged the US
    government not to impose tariffs"): the appeal is made of that government, not of someone further on."""
    return all(m.code[3:6] == "GOV" for m in tgt.members) and not any(m.code[3:6] in STATE_ORGANS for m in src.members)


CONDITION_MARKERS = frozenset({"if", "unless"})


def condition_subject(view: SentenceView, trig: Trigger, source: Group) -> Group | None:
    """The actor whose conduct a threat is conditioned on, its target when the threat names none:
    "Russia threatened to walk out of the talks if the United States deployed the missiles"."""
    lowers = view.lowers
    for k in range(trig.end, view.end):
        if lowers[k] in (";", ":"):
            return None
        if lowers[k] in CONDITION_MARKERS:
            for g in view.groups:
                if k < g.start <= k + 3 and not g.locative:
                    return None if same_state(g, source) else g
            return None
    return None


# what a protest's purpose infinitive says it is for: "rallied to demand the impeachment of President Yoon"
PROTEST_PURPOSES = frozenset(
    {"demand", "protest", "press", "call", "oppose", "denounce", "condemn", "urge", "seek", "decry", "show"}
)
PURPOSE_OBJECT = ("dobj", "of", "for", "from", "against", "on", "over", "by")
PROTEST_PARTICIPLES = frozenset({"demanding", "calling", "protesting", "denouncing", "condemning", "urging"})


def protest_purpose(view: SentenceView, trig: Trigger) -> int | None:
    """Position of the verb of a protest's purpose infinitive ("marched ... to demand ..."), or None."""
    lowers = view.lowers
    for k in range(trig.end, min(view.end - 1, trig.end + 12)):
        if lowers[k] in (";", ":", "while", "but", "after", "as", "when"):
            return None
        if lowers[k] == "to" and lowers[k + 1] in PROTEST_PURPOSES:
            return k + 1
        if lowers[k] in PROTEST_PARTICIPLES:
            # "demonstrated in Kirkuk calling for independence from Iraq": the participle states the aim
            return k
        if lowers[k] == "in" and lowers[k + 1] == "protest" and lowers[k + 2] in ("against", "at", "of", "over"):
            # "staged a hunger strike in protest against abuses by the security forces"
            return k + 1
    return None


def denied_act_party(view: SentenceView, k: int, src: Group) -> Group | None:
    """ "Moscow denied that its aircraft had violated South Korean airspace": a denial of an act (016) is
    aimed at the other party to that act, the first actor of the that-clause from ``k`` that is not the
    denier's own state ("denied that Washington had pressured Seoul" → Seoul)."""
    lowers = view.lowers
    for g in view.groups:
        if g.start < k:
            continue
        if g.start > k + 12 or any(w in (";", ":", "but") for w in lowers[k : g.start]):
            return None
        if not same_state(g, src):
            return g
    return None


# regret, apology and condolence: acts aimed at those who suffered what they are about
SYMPATHY_CODES = frozenset({"055", "018"})
_RELATIVES = frozenset({"that", "which", "who"})


def sufferer_in_relative(view: SentenceView, k: int, src: Group) -> Group | None:
    """ "expressed regret over the landmine blasts that maimed two South Korean soldiers": a regret, apology
    or condolence whose object is described by a relative clause is aimed at the actor that clause names."""
    lowers = view.lowers
    rel = next((j for j in range(k, min(view.end, k + 6)) if lowers[j] in _RELATIVES), None)
    if rel is None or any(w in (",", ";", ":") for w in lowers[k:rel]):
        return None
    for g in view.groups:
        if g.start <= rel:
            continue
        if g.start > rel + 6 or any(w in (",", ";", ":") for w in lowers[rel : g.start]):
            return None
        return None if same_state(g, src) else g
    return None


# disapproval and rejection: speech acts aimed at whoever owns what they fault
FAULTING_ROOTS = frozenset({"11", "12"})


def owner_in_object(view: SentenceView, k: int, src: Group) -> Group | None:
    """ "blamed the 'tremendous anger and open hostility' in Pyongyang's recent statements": a criticism or
    rejection whose object is something an actor owns is aimed at that owner, the first possessive actor
    within twelve words of ``k`` with no clause break before it."""
    lowers = view.lowers
    for g in view.groups:
        if g.start < k:
            continue
        if g.start > k + 12 or any(w in TARGET_STOPS or w in (",", "that", ";") for w in lowers[k : g.start]):
            return None
        if g.end < view.end and lowers[g.end] in ("'s", "'") and not same_state(g, src):
            return g
    return None
