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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import permutations

from spacy.attrs import LOWER
from spacy.tokens import Doc

from blocwatch import CODER_VERSION
from blocwatch.coding.actors import ActorMatcher, Group, Mention, group_mentions
from blocwatch.coding.attribution import (
    BE,
    TARGET_STOPS,
    SentenceView,
    agent_of_passive,
    between_pair,
    noun_source,
    noun_target,
    object_pronoun,
    subject,
    support_verb,
    target_after,
    territory_owner,
    with_pronoun_partner,
)
from blocwatch.coding.dates import resolve
from blocwatch.coding.modality import MONTH_CONTEXT, event_mode, reported_speech
from blocwatch.coding.roles import (
    AIR_PLATFORMS,
    ASKS,
    CAUSATIVES,
    CAUSE_MARKERS,
    FAULTING_ROOTS,
    FORCE_ROOTS,
    GROUND_PLATFORMS,
    HOST,
    HOSTILE_ROOTS,
    INFINITIVE_OBJECT,
    INFINITIVE_ROOTS,
    INTENT_ADVERBS,
    INTENT_NOUNS,
    NOT_INFINITIVE,
    PROTEST,
    PURPOSE_OBJECT,
    REACTION_ROOTS,
    RECIPROCAL,
    SPEECH_ACTS,
    STATE_SECTORS,
    SYMPATHY_CODES,
    THREATEN,
    VISIT,
    asks_own_government,
    combat_code,
    compatriots,
    condition_subject,
    denied_act_party,
    gerund_doer,
    infinitive_to,
    intent_owner,
    object_owner,
    object_relative,
    owner_in_object,
    place_holder,
    protest_purpose,
    relative_subject,
    reversed_intent,
    same_actor,
    same_state,
    sheltered,
    sufferer_in_relative,
    unowned,
    visited_place,
    with_complained_of,
    with_listed_targets,
    with_parallel_target,
    word_before,
    yield_code,
)
from blocwatch.coding.segment import (
    OffsetMap,
    blank_datelines,
    blank_english,
    chunks,
    compact,
    normalise_layout,
    split_sentences,
)
from blocwatch.coding.textcheck import HTML_HINT, looks_binary, looks_english, strip_markup
from blocwatch.coding.triggers import Trigger, TriggerMatcher
from blocwatch.lexicon.cameo import CameoCode
from blocwatch.lexicon.loader import Lexicon, load_lexicon
from blocwatch.model import Document, Event

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


_STATIVE_INTENT = frozenset({"willing", "ready", "prepared", "open", "willingness", "readiness"})
# verbs that take an addressee and a that-clause: "told Seoul it would ..."
_TELLING = frozenset(
    {"told", "tells", "tell", "assured", "assures", "informed", "informs", "warned", "warns", "reminded",
     "reminds", "promised", "promises", "notified", "notifies"}
)
# a message handed over, and the verbs that hand it to a recipient: "handed Moon a letter inviting him"
_MESSAGES = frozenset({"letter", "letters", "message", "messages", "note", "cable", "telegram"})
_MESSAGE_MODIFIERS = frozenset({"a", "an", "the", "personal", "handwritten", "written", "signed", "private", "new"})
_GIVING = frozenset(
    {"handed", "hands", "hand", "sent", "sends", "send", "gave", "gives", "give", "delivered", "delivers",
     "deliver", "passed", "passes", "wrote", "writes", "write"}
)
# intents, approval and concessions that answer the main act of the sentence from a temporal clause
_ANSWERS = frozenset({"03", "05", "08"})
# rejections, threats, protests, cuts in relations and coercion: aimed at whom they are told to
_ADDRESSED_ROOTS = frozenset({"11", "12", "13", "14", "16", "17"})
_REPORTING_VERBS = frozenset(
    {
        "said",
        "says",
        "say",
        "announced",
        "announces",
        "stated",
        "added",
        "declared",
        "insisted",
        "claimed",
        "told",
        "tells",
        "warned",
        "argued",
        "confirmed",
        "reiterated",
        "stressed",
        "repeated",
    }
)
_NOUN_PREDICATE_MODES = {
    "will": "future",
    "'ll": "future",
    "shall": "future",
    "would": "hypothetical",
    "could": "hypothetical",
    "might": "hypothetical",
    "may": "hypothetical",
}
# predicates that call a nominal event off: "the talks were postponed"
_CALLED_OFF = frozenset(
    {"postponed", "cancelled", "canceled", "delayed", "scrapped", "shelved", "suspended", "deferred", "aborted"}
)
_NOUN_PREDICATE_BREAKS = frozenset({",", ";", ":", ".", "that", "which", "who", "but", "said", "says"})
_FACTIVE_BEFORE_TO = frozenset(
    {
        "decided",
        "decides",
        "decide",
        "moved",
        "moves",
        "began",
        "begins",
        "started",
        "starts",
        "continued",
        "continues",
        "managed",
        "manages",
        "went",
        "voted",
        "votes",
        "used",
        "rushed",
        "proceeded",
        "chose",
        "opted",
        "ordered",
        "urged",
        "asked",
        "called",
        "told",
        "forced",
        "allowed",
        "helped",
        "refused",
        "declined",
        "failed",
        "threatened",
        "vowed",
        "pledged",
        "promised",
        "agreed",
        "offered",
        "sought",
        "tried",
        "attempted",
        "have",
        "has",
        "had",
        "able",
        "unable",
        "due",
        "order",
        "enough",
        "first",
        "last",
        "prompting",
        "prompted",
        "forcing",
        "leading",
        "led",
        "causing",
        "caused",
        "spurring",
        "spurred",
        "pushing",
        "pushed",
        "compelling",
        "compelled",
        "statement",
        "statements",
        "meeting",
        "meetings",
        "rally",
        "rallies",
        "resolution",
        "resolutions",
        "letter",
        "letters",
        "message",
        "messages",
        "article",
        "articles",
        "commentary",
        "speech",
        "campaign",
        "operation",
        "operations",
    }
)
# prepositions that open an adjunct between a commitment verb and its "to": "agreed at the summit to ..."
# nouns of asking whose "for" + gerund or event noun names the act asked for ("an appeal for deploying troops");
# "the way for" names an act made possible, not done
_REQUEST_NOUNS = frozenset(
    {"appeal", "appeals", "call", "calls", "request", "requests", "demand", "demands", "plea", "pleas", "proposal",
     "way"}
)
# efforts and movements whose "for" names the act striven for ("actions for the withdrawal of U.S. troops")
_AIMS = frozenset(
    {"action", "actions", "struggle", "struggles", "campaign", "campaigns", "movement", "movements", "drive",
     "rally", "rallies", "efforts", "effort", "pressure", "fight", "calls", "demonstrations", "protests"}
)
# appeal verbs whose bare object is no act asked for ("told the withdrawal story", "called the pullout a sham")
_NOT_ASKING = frozenset({"tell", "told", "tells", "telling", "call", "called", "calls", "calling", "want"})
# a headline's closing passive of asking: "Withdrawal of U.S. Forces from S. Korea Demanded"
_PASSIVE_ASKED = frozenset({"demanded", "urged", "requested", "sought", "called"})
_CLOSING_MARKS = frozenset({".", "!", "?", '"', "'", ",", ";", ":"})
# articles and manner adjectives between that "for" and the act ("an appeal for the immediate withdrawal of")
_ASKED_ACT_MODIFIERS = frozenset(
    {"a", "an", "the", "immediate", "full", "complete", "total", "swift", "speedy", "prompt", "early", "quick",
     "phased", "gradual", "unconditional", "orderly"}
)
# words that open a new clause between two coordinated verbs ("... and they impose ...")
_SUBJECT_WORDS = frozenset({"it", "they", "he", "she", "we", "i", "you", "who", "which", "that"})
# articles that open a verb's own object phrase ("and support the multilateral trading system"); "their
# partnership" may still be the partners' own
_OWN_OBJECT_OPENERS = frozenset({"the", "a", "an"})
# words that carry the mode of a coordination of bare verbs ("should stop ... and withdraw")
_COORDINATED_AUX = frozenset(
    {"will", "would", "shall", "should", "must", "could", "can", "may", "might", "never", "not", "to"}
)
_COORDINATION_SPAN = 16
# predicates that rule out the act their gerund subject names
_RULED_OUT = (("out", "of", "the", "question"), ("off", "the", "table"), ("not", "an", "option"))


def _ruled_out_predicate(view: SentenceView, trig: Trigger) -> bool:
    """ "lifting the sanctions is (currently) out of the question": the gerund's clause ends in a predicate that
    rules it out."""
    lowers = view.lowers
    for k in range(trig.end, min(view.end, trig.end + 10)):
        if lowers[k] in (",", ";", ":", "that", "which"):
            return False
        if lowers[k] in ("is", "was", "remains", "remained", "are", "were"):
            j = k + 1
            if j < view.end and lowers[j] in ("currently", "still", "now", "simply", "clearly"):
                j += 1
            return any(tuple(lowers[j : j + len(p)]) == p for p in _RULED_OUT)
    return False


# hostile acts (protest, posture, reduced ties, coercion, force) that an "unless" clause turns into an ultimatum
_ULTIMATUM_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def _unless_follows(view: SentenceView, trig: Trigger) -> bool:
    """Whether an "unless" clause follows the trigger in its sentence part ("will boycott the talks unless ...")."""
    for k in range(trig.end, min(view.end, trig.end + 20)):
        if view.lowers[k] in (";", ":"):
            return False
        if view.lowers[k] == "unless":
            return True
    return False


_ADJUNCT_PREPS = frozenset({"at", "in", "on", "during", "after", "following", "near", "with"})
_ADJUNCT_BREAKS = frozenset({",", ";", ":", "to", "that", "and", "but", "which", "who", "said"})
_INTENT_GAP = frozenset({"unanimously", "overwhelmingly", "quietly", "reluctantly"}) | frozenset(
    {
        "on",
        "in",
        "at",
        "last",
        "this",
        "week",
        "month",
        "year",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "principle",
        "formally",
        "tentatively",
        "reportedly",
        "earlier",
        "today",
        "yesterday",
        "also",
        "have",
        "has",
        "had",
        "not",
    }
)


def _is_headline(doc: Doc, start: int, end: int) -> bool:
    """Title case and no closing full stop: "China, Russia Begin Joint Naval Drills"."""
    if doc[end - 1].text in (".", "!", "?", '"', "”"):
        return False
    words = [t.text for t in doc[start:end] if t.is_alpha and len(t.text) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _merge_visit_and_talks(events: list[Event]) -> list[Event]:
    """A visit with talks is one action: drop the consultation (040) beside a visit (042-044) of the same actors."""
    visits = [e for e in events if e.code in ("042", "043", "044")]
    if not visits:
        return events
    # by state: the visit is often made to a place ("journey to Beijing", CHN) and the talks held with its
    # officials ("talks with Xi Jinping", CHNGOV)
    same_pair = {(e.source[:3], e.target[:3], e.mode) for e in visits}
    visitors = {code[:3] for e in visits for code in (e.source, e.target)}

    def merged(e: Event) -> bool:
        if e.code != "040":
            return False
        if (e.source[:3], e.target[:3], e.mode) in same_pair:
            return True
        # "host Kishida and Yoon ... for the US-Japan-South Korea summit"
        return e.rule == "consult.talks-noun" and bool({e.source[:3], e.target[:3]} & visitors)

    return [e for e in events if not merged(e)]


# words before a verb that make it an aim rather than an act: "to", "aimed at", "for", "toward"
_PURPOSE_MARKERS = frozenset({"to", "at", "for", "toward", "towards", "of", "on"})
# the agreeing sides named again as the subject of what they agreed: "agreed that their countries should ..."
_AGREERS_THEMSELVES = frozenset(
    (a, b)
    for a in ("their", "both", "two")
    for b in ("countries", "sides", "governments", "states", "nations", "leaders", "parties")
)
# a state's own opponents, to whom it may yield
_DISSIDENT_SECTORS = frozenset({"REB", "OPP", "INS", "SEP", "LAB"})
# talks whose other side a concession made "after" them is made to
_TALK_NOUNS = frozenset(
    {"talks", "negotiations", "deliberations", "consultations", "discussions", "meeting", "meetings", "dialogue"}
)
# easing curbs a state keeps on its own people: political freedoms, party bans, curfews, emergency rule
_DOMESTIC_EASING = frozenset({"0811", "0812", "0813", "0814"})
# words naming a part of a state ("West Darfur State", "the Amhara region")
_SUBDIVISIONS = frozenset(
    {"state", "province", "region", "district", "prefecture", "governorate", "county", "territory", "provinces",
     "regions", "districts", "states"}
)


def _in_subdivision(view: SentenceView, end: int) -> bool:
    """Whether "in" and a province, region or state that the lexicon knows as no actor follow ``end``: "in West
    Darfur State", "in the Amhara region"."""
    lowers = view.lowers
    for k in range(end, min(view.end, end + 3)):
        if lowers[k] in ("in", "across", "throughout"):
            for j in range(k + 1, min(view.end, k + 6)):
                if any(g.start <= j < g.end for g in view.groups) or not lowers[j].isalpha():
                    return False
                if lowers[j] in _SUBDIVISIONS and j > k + 1:
                    return True
            return False
    return False


def _own_state(src: Group) -> str | None:
    """The one state all of ``src`` belongs to, or None (several states, an IGO or NGO)."""
    states = {m.code[:3] for m in src.members}
    if len(states) != 1:
        return None
    state = next(iter(states))
    return state if state.isalpha() and state not in ("IGO", "NGO") else None


# appeal verbs whose participle, right before "to", makes its subject the one asked ("Japan urged to lift ...")
_URGED_PARTICIPLES = frozenset({"urged", "asked", "pressed", "pressured", "called", "encouraged", "told", "requested"})
# demand verbs that take a bare-infinitive clause: "demands the U.S. pull back its forces"
_SUBJUNCTIVE_DEMANDS = frozenset({"demand", "demands", "demanded", "demanding", "insist", "insists", "insisted"})


def _asked_passive(view: SentenceView, cand: Trigger) -> bool:
    """A verb that only reports an asking: a headline's "U.S. Urged to Withdraw Its Troops" (the subject is the
    one asked, the asker unnamed), or the act in "demands the U.S. pull back its forces" (a subjunctive)."""
    lowers = view.lowers
    word = lowers[cand.pos]
    if word in _URGED_PARTICIPLES and cand.end < view.end and lowers[cand.end] == "to":
        before = lowers[cand.pos - 1] if cand.pos > view.start else ""
        return before not in ("has", "have", "had", "was", "were", "is", "are", "been") and any(
            g.end == cand.pos for g in view.groups
        )
    addressee = next((g for g in view.groups if g.end == cand.pos), None)
    if addressee is None:
        return False
    j = addressee.start - 1
    if j > view.start and lowers[j] == "the":
        j -= 1
    return j >= view.start and lowers[j] in _SUBJUNCTIVE_DEMANDS


# verbs of hosting a gathering of others ("hosted talks between Damascus and Ankara")
_HOSTING_VERBS = frozenset({"host", "hosts", "hosted", "hosting", "convene", "convenes", "convened", "convening"})


def _drop_untargeted_twins(events: list[Event]) -> list[Event]:
    """A display with no target beside one of the same root by the same state and mode with a target is the
    same act told twice: "sent ships to the waters off the islands in a show of force against Japan"."""
    aimed = {(e.source[:3], e.root, e.mode) for e in events if e.target}
    return [e for e in events if e.target or (e.source[:3], e.root, e.mode) not in aimed]


# appeals, offers of meetings, demands and threats: speech acts addressed to someone, who may be named only
# as the one who answers them (gestures and overtures, 030, are not addressed)
ADDRESSED = ("02", "036", "10", "13")
# documents whose participle states what they do: "a resolution condemning", "a statement urging"
_DOCUMENT_NOUNS = frozenset(
    {"resolution", "resolutions", "statement", "letter", "motion", "bill", "declaration", "communique", "draft"}
)
_DOCUMENT_LEAD = frozenset(
    {"a", "an", "the", "on", "for", "against", "draft", "new", "joint", "non-binding", "drafted", "sponsored",
     "backed", "proposed"}
)
# verbs that stop a document from being adopted: what a vetoed resolution would have done is not done
_DOCUMENT_BLOCKS = frozenset(
    {"veto", "vetoed", "vetoes", "vetoing", "block", "blocked", "blocks", "blocking", "reject", "rejected",
     "rejects", "rejecting", "defeat", "defeated", "defeats", "torpedoed", "scuttled", "killed"}
)
# time words between a verb and its object ("vote later this month on a resolution")
_TIME_WORDS = frozenset(
    {"later", "this", "next", "week", "month", "year", "today", "tomorrow", "soon", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _document_verb_end(view: SentenceView, trig: Trigger) -> int | None:
    """For a participle after a document noun ("a resolution condemning"), the position just after the words
    before the document's article and preposition, where the act done with the document ends; else None."""
    k = trig.pos - 1
    if trig.morph != "ing" or k <= view.start or view.lowers[k] not in _DOCUMENT_NOUNS:
        return None
    k -= 1
    # "vetoed a Security Council resolution", "a US-drafted resolution": the drafter or forum named before the
    # document is part of its phrase
    named = {t for g in view.groups for t in range(g.start, g.end)}
    while k > view.start and (
        view.lowers[k] in _DOCUMENT_LEAD or view.lowers[k] in _TIME_WORDS or k in named or view.lowers[k] == "-"
    ):
        k -= 1
    return k + 1


COMMITMENT = "03"
PROTEST_NOTE = "114"  # a complaint or formal protest
DEMAND = "10"
# public statements (01) and diplomatic cooperation, praise and tribute (05)
HONOURING_ROOTS = frozenset({"01", "05"})
# sectors of a state's own people and forces, as against its organs and its opponents
_PEOPLE_SECTORS = frozenset({"", "CVL", "LAB", "EDU", "REF", "MED", "MIL", "BUS"})


def _own_people(s: Mention, t: Mention) -> bool:
    """Whether ``t`` is the people or forces of the state that ``s`` (the state or one of its organs) is."""
    return (
        s.code[:3] == t.code[:3]
        and (s.code[3:6] in STATE_SECTORS or len(s.code) == 3)
        and t.code[3:6] in _PEOPLE_SECTORS
    )


def _earlier_partner(partners: list[tuple[Mention, Mention]], src: Group) -> Group | None:
    """The other side of the latest earlier event whose source or target is the state of ``src``."""
    state = src.members[0].code[:3]
    for s, t in reversed(partners):
        if s.code[:3] == state and t.code[:3] != state:
            return Group([t])
        if t.code[:3] == state and s.code[:3] != state:
            return Group([s])
    return None


def _during(view: SentenceView, owner: Group) -> bool:
    """Whether the owner's phrase is a time adjunct: "during Pompeo's visit", "after Xi's visit"."""
    k = owner.start - 1
    return k >= view.start and view.lowers[k] in ("during", "after", "before", "amid")


def _possessed(view: SentenceView, trig: Trigger, owner: Group | None) -> bool:
    """Whether a nominal trigger is owned by a possessive actor just before it ("Russia's annexation")."""
    return (
        trig.pattern.kind == "noun"
        and owner is not None
        and owner.end < trig.pos <= owner.end + 3
        and view.lowers[owner.end] in ("'s", "'")
    )


def _as_government(code: str) -> str:
    """A state named bare ("Washington") acts through its government: USA and USAGOV are one actor."""
    return code + "GOV" if len(code) == 3 and code.isalpha() else code


# participles that report the toll of an attack just told: "shelled Juba, killing about 20 people"
_TOLL_PARTICIPLES = frozenset({"killing", "wounding", "injuring", "maiming"})


def _drop_tolls(events: list[Event]) -> list[Event]:
    """ "fired on a fishing boat, killing one crew member": the deaths are the result of the attack, one act of
    force between the same pair; the killing yields to the earlier military event (19x, 20x) it results from."""
    out: list[Event] = []
    for e in events:
        if (
            e.code.startswith("18")
            and e.trigger.lower() in _TOLL_PARTICIPLES
            and any(
                o.code[:2] in ("19", "20")
                and o.source == e.source
                and o.target == e.target
                and o.mode == e.mode
                and o.trigger_span[0] < e.trigger_span[0]
                for o in out
            )
        ):
            continue
        out.append(e)
    return out


def _one_per_root(events: list[Event]) -> list[Event]:
    """One event per actor pair, root and mode in a sentence: "traded barbs ..., with Yang accusing
    Washington" reports one act of disapproval between the two, not two; the first (the main clause's) stays.
    An event without a target yields to one of the same source, root and mode that has one."""
    seen: set[tuple[str, str, str, str]] = set()
    aimed = {(_as_government(e.source), e.code[:2], e.mode) for e in events if e.target}
    out = []
    for e in events:
        key = (_as_government(e.source), _as_government(e.target), e.code[:2], e.mode)
        if (e.target and key in seen) or (not e.target and (key[0], key[2], key[3]) in aimed):
            # "fired missiles into waters around Taiwan as it launched drills": the drills are the same show of
            # force, the one with a target stands for both
            continue
        seen.add(key)
        out.append(e)
    return out


def _before_auxiliaries(view: SentenceView, pos: int) -> int:
    """Position of the first word before the verb at ``pos`` that is not an auxiliary ("has not been")."""
    k = pos - 1
    while k >= view.start and view.lowers[k] in _AUX:
        k -= 1
    return k


@dataclass(slots=True)
class _ClauseState:
    """The last verb's subject, shared by a coordinated verb ("protested and summoned"), and its target,
    which a coordinated verb without one of its own takes ("met his Chinese counterpart and demanded ...")."""

    source: Group | None = None
    end: int = -1
    target: Group | None = None
    sources: list[Group] = field(default_factory=list)  # the sources of the sentence's events, in order
    partners: list[tuple[Mention, Mention]] = field(default_factory=list)  # source and target of each event
    participle: bool = False  # the last verb opened a participle clause (", killing ...")


@dataclass(slots=True)
class CodingResult:
    """Events of one document plus what the coder noticed about its input."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    sentences: int = 0
    warnings: list[str] = field(default_factory=list)


def _protest_message(trig: Trigger, found: list[Trigger]) -> bool:
    """Whether a demand, appeal or criticism in an infinitive is what a protest just before it says ("marched
    to demand the minister's resignation"): made by the protest itself, so asserted, not intended."""
    if trig.pattern.code[:2] not in SPEECH_ACTS:
        return False
    return any(t.pattern.code.startswith(PROTEST) and 0 < trig.pos - t.end <= 12 for t in found)


def _restated_protest(view: SentenceView, trig: Trigger, code: str, pairs: list, acts: list) -> bool:
    """ "began a hunger strike to protest the decision": the infinitive "to protest" names the aim of the
    demonstration or strike just coded, which is itself the protest; one action gives one event. So does a
    demand in the infinitive that names no one of its own to make it of ("staged demonstrations to demand
    political reforms"): it is only what the protest says."""
    if trig.pos - 1 < view.start or view.lowers[trig.pos - 1] != "to":
        return False
    restates = code.startswith("11") and view.lowers[trig.pos] in ("protest", "complain")
    unaddressed = code[:2] in SPEECH_ACTS and all(t is None for _, t in pairs)
    if not (restates or unaddressed):
        return False
    return any(c.startswith(PROTEST) and 0 <= trig.pos - t.end <= 12 for t, _, c in acts)


# verbs that carry on an act, between "to" and a gerund: "prepared to resume shelling"
_ASPECTUAL = frozenset({"resume", "continue", "begin", "start", "step", "keep"})
_PREPARING = frozenset({"prepare", "prepares", "preparing", "prepared"})
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "remain", "remains", "stand"})


def _preparing_force(view: SentenceView, trig: Trigger) -> int | None:
    """Position of "prepared"/"preparing" in "the army prepared to (resume) shelling ...": getting forces ready
    for an attack is a military posture (15) taken now, while the attack itself is still to come. "Is prepared
    to attack" (a copula: ready, willing) states a readiness, not a move, and is left to the threat rules."""
    lowers = view.lowers
    k = trig.pos - 1
    if k > view.start and lowers[k] in _ASPECTUAL and trig.morph == "ing":
        k -= 1
    if k - 1 <= view.start or lowers[k] != "to" or lowers[k - 1] not in _PREPARING:
        return None
    if lowers[k - 1] == "prepared" and lowers[k - 2] in _COPULAS:
        return None
    return k - 1


OBLIGED = "obliged"
YIELDING = "08"  # roots up to here are cooperative: an owned object is the actor's own


def _obligation(view: SentenceView, trig: Trigger) -> tuple[Group | None, Group | None]:
    """Speaker and obliged actor of a reported "must": "Russia said Sudan must return the helicopter" is a
    demand (CAMEO 10) Russia makes of Sudan; the act after "must" has not happened (hypothetical)."""
    lowers = view.lowers
    obliged = None
    for g in view.groups:
        # "the Sudanese government and the rebels in Darfur must ...": the first conjunct of a coordinated
        # subject may stand further from "must"
        reach = 8 if g.end < trig.pos and lowers[g.end] == "and" else 3
        if trig.pos - reach <= g.end <= trig.pos and not g.locative:
            between = lowers[g.end : trig.pos]
            if not any(w in (",", "that", "which", "who", ";", "said", "says") for w in between):
                if obliged is not None and lowers[obliged.end] == "and" and g.start > obliged.end:
                    # "President Kagame and his Rwandan Patriotic Front must ...": both conjuncts are obliged
                    g = Group(obliged.members + g.members)
                obliged = g
    if obliged is None:
        return _told_obligation(view, trig)
    for j in range(obliged.start - 1, view.start - 1, -1):
        if lowers[j] in _REPORTING_VERBS:
            return subject(view, j), obliged
    # "..., Russia said" or "..., said the minister" after the clause
    for j in range(trig.end, view.end):
        if lowers[j] in _REPORTING_VERBS and lowers[j - 1] != "who":
            before = next((g for g in view.groups if g.end == j and g.start > trig.end), None)
            if before is not None:
                return before, obliged
            after = next((g for g in view.groups if g.start in (j + 1, j + 2)), None)
            return after, obliged
    return None, obliged


# the state's armed or political opponents, who make demands of its government as a party of their own
_OPPONENT_SECTORS = _DISSIDENT_SECTORS - {"LAB"}  # unions bargain; they are no rival party


def _opponents_demand(src: Group, tgt: Group) -> bool:
    """ "Rwandan rebels announced that President Kagame must agree to constitutional changes": the state's
    rebels or opposition laying a "must" on its government make a demand of it (a state saying its own
    government must act does not)."""
    return all(m.code[3:6] in _OPPONENT_SECTORS for m in src.members) and any(
        m.code[3:6] in STATE_SECTORS for m in tgt.members
    )


PEACEKEEPING = "074"
DEPLOY, INVESTIGATE = "150", "090"
_FORCE_USE = frozenset({"18", "19", "20"})  # assault, fighting and mass violence
_INQUIRY_VERBS = frozenset({"investigate", "probe", "inspect", "examine", "verify"})
_SENDING = frozenset({"send", "sends", "sent", "sending", "dispatch", "dispatched", "dispatches", "dispatching"})


def _sent_to_investigate(view: SentenceView, trig: Trigger) -> bool:
    """Whether people sent somewhere are sent "to investigate" (or probe, inspect, ...) what happened there."""
    lowers = view.lowers
    if lowers[trig.pos] not in _SENDING:
        return False
    for k in range(trig.end, min(view.end - 1, trig.end + 12)):
        if lowers[k] in (",", ";", ":", "but", "while"):
            return False
        if lowers[k] == "to" and lowers[k + 1] in _INQUIRY_VERBS:
            return True
    return False


def _peacekeepers(view: SentenceView, src: Group, trig: Trigger) -> bool:
    """Whether the subject phrase, up to its verb, names peacekeepers ("UN peacekeepers", "NATO peacekeeping
    troops", "the first Bangladeshi peace-keeping contingent", "blue helmets")."""
    words = view.lowers[src.start : trig.pos]
    text = " ".join(words)
    return len(words) <= 8 and ("peacekeep" in text or "peace - keep" in text or "blue helmets" in text)


# subjects that may stand between "before" and a verb in the present: "before they demobilize"
_CLAUSE_PRONOUNS = frozenset({"they", "it", "he", "she", "we"})


def _unrealized_clause(view: SentenceView, trig: Trigger, found: list[Trigger]) -> bool:
    """An act asked for, not done: in the that-clause of a demand or appeal told before it ("its demand today
    that Israel ease restrictions"), or in a "before" clause after one ("demanded a truce before allowing aid
    convoys", "must agree to changes before they demobilize")."""
    lowers = view.lowers
    asks = [a for a in found if a.pattern.code[:2] in ("10", "02") and a.end <= trig.pos]
    if trig.pattern.kind != "verb" or not asks:
        return False
    ask = asks[-1]
    between = lowers[ask.end : trig.pos]
    if any(w in (".", ";", ":") for w in between):
        return False
    if "that" in between and len(between) <= 10 and trig.morph in ("base", "3sg"):
        # the subjunctive of a demand's that-clause ("that Israel ease restrictions")
        return True
    before = lowers[trig.pos - 1]
    if before in _CLAUSE_PRONOUNS and trig.pos - 2 >= view.start:
        before = lowers[trig.pos - 2]
    return before == "before" and trig.morph in ("base", "3sg", "ing")


# verbs whose object is the one a following "it must ..." is laid on
_ADDRESSING = frozenset(
    {"told", "tells", "tell", "telling", "reminded", "reminds", "remind", "reminding", "warned", "warns", "warn",
     "warning", "informed", "informs", "notified", "to"}
)


def _told_obligation(view: SentenceView, trig: Trigger) -> tuple[Group | None, Group | None]:
    """ "Washington told Pyongyang that it must give up its weapons", "a reminder to Iraq that it must
    cooperate": the pronoun before "must" stands for the party addressed, and the one addressing it demands."""
    lowers = view.lowers
    pron = trig.pos - 1
    if pron <= view.start or lowers[pron] not in ("it", "they"):
        return None, None
    addressee = next((g for g in reversed(view.groups) if g.end <= pron), None)
    if addressee is None or addressee.locative or addressee.start - 1 < view.start:
        return None, None
    gap = lowers[addressee.end : pron]
    if gap[-1:] == ["that"]:
        gap = gap[:-1]
    # "told Pyongyang on Tuesday that it must": at most a short time phrase between
    if len(gap) > 3 or not all(w.isalpha() for w in gap) or lowers[addressee.start - 1] not in _ADDRESSING:
        return None, None
    speaker = subject(view, addressee.start - 1)
    if speaker is None or speaker is addressee:
        return None, None
    return speaker, addressee


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
        if HTML_HINT.search(text[:20000]):
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
        clean, offsets = compact(blank_datelines(normalise_layout(text)))
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
        strings = doc.vocab.strings
        lowers = [strings[h] for h in doc.to_array(LOWER).tolist()]  # no Token object per token
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
            groups = group_mentions(
                mentions, lowers, _is_headline(doc, sent.start, sent.end), self.lexicon.identity_nouns
            )
            actor_ends = {}
            for g in groups:
                form = "compound" if g.hyphen else g.members[-1].form
                actor_ends[g.end] = form
            found = self.triggers.match(lowers, sent.start, sent.end, actor_ends)
            # a word inside an actor's name is no trigger: "United" in "United Nations" unites no one
            inner = {k for m in mentions for k in range(m.start, m.end - 1)}
            if inner:
                found = [t for t in found if t.pos not in inner]
            if not found:
                continue
            view = SentenceView(lowers, sent.start, sent.end, groups, unowned(raw[lo:hi], mentions))
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
        out: list[tuple[int, Event]] = []
        seen: dict[tuple[str, str, str], int] = {}  # (source, target, code) → index of its event in ``out``
        state = _ClauseState()
        sent_start = offsets.start(sent.char_start)
        sent_end = offsets.end(sent.char_end)
        sentence_text = text[sent_start:sent_end]
        used_intent_verbs: set[int] = set()
        last_mode: tuple[int, str] | None = None  # where the last verb trigger ended, and its mode
        acts: list[tuple[Trigger, list, str]] = []  # each trigger read, with its pairs and code
        lowers = view.lowers

        def emit(pos: int, trig: Trigger, pairs, code: str, mode: str, rule: str) -> int:
            when, _ = resolve(sentence_text, document.date, future=mode == "future")
            t0 = offsets.start(doc[trig.pos].idx + offset)
            t_last = doc[trig.end - 1]
            t1 = offsets.end(t_last.idx + len(t_last.text) + offset)
            added = 0
            for s, t in pairs:
                # the word ending the doer's phrase or right after it: "Russian aircraft", "US Predator attacks"
                platform = next(
                    (w for w in lowers[s.end - 1 : s.end + 1] if w in AIR_PLATFORMS or w in GROUND_PLATFORMS), ""
                )
                pair_code = combat_code(code, s.code, t.code if t else "", platform)
                row = self._code_row(pair_code)
                key = (s.code, t.code if t else "", pair_code)
                earlier = seen.get(key)
                if earlier is not None and (mode != "asserted" or out[earlier][1].mode == "asserted"):
                    continue
                # the same act reported as done after being announced ("to shake hands ..., opening the summit")
                # keeps the asserted reading
                added += 1
                s_span = self._span(doc, s, offset, offsets)
                t_span = self._span(doc, t, offset, offsets) if t else None
                event = Event(
                    doc_id=document.doc_id,
                    date=when.isoformat() if when else "",
                    source=s.code,
                    target=t.code if t else "",
                    code=pair_code,
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
                    source_text=text[s_span[0] : s_span[1]] if s_span else "",
                    source_span=s_span,
                    target_text=text[t_span[0] : t_span[1]] if t_span else "",
                    target_span=t_span,
                    rule=rule,
                    coder_version=CODER_VERSION,
                )
                if earlier is not None:
                    out[earlier] = (pos, event)
                else:
                    seen[key] = len(out)
                    out.append((pos, event))
                if t is not None:
                    state.partners.append((s, t))
                previous_sources["person" if s.kind == "person" else "state"] = s
            return added

        covered_until = -1
        for trig in found:
            if trig.pos < covered_until and not (
                lowers[trig.pos - 1] == "-" and any(g.end == trig.pos - 1 for g in view.groups)
            ):
                # "fired North Korean-supplied missiles": a participle compounded with an actor is its own act
                continue  # the object of a light verb that already made an event ("held talks")
            resolved = None
            for cand in (trig, *trig.alternatives):
                pairs, code, subject_group = self._attribute(view, cand, state, previous_sources)
                if pairs:
                    resolved = (cand, pairs, code, subject_group)
                    break
            if resolved is None:
                continue
            cand, pairs, code, subject_group = resolved
            if _restated_protest(view, cand, code, pairs, acts):
                continue
            if code == VISIT and subject_group is not None and _peacekeepers(view, subject_group, cand):
                # "NATO peacekeeping troops have arrived in Bosnia": a peace force coming in protects the state
                # (074); it is no visit
                code = PEACEKEEPING
            if code in (DEPLOY, VISIT) and _sent_to_investigate(view, cand):
                # "sent 21 personnel to Bosnia on Wednesday to investigate ...": a mission of inquiry (090)
                code = INVESTIGATE
            covered_until = cand.end
            acts.append((cand, pairs, code))
            taken_back = reversed_intent(view, cand) if code[:2] in HOSTILE_ROOTS else None
            if taken_back is not None:
                code = yield_code(code)
            if (
                self._asked_for(view, cand.pos)
                or (cand.pattern.kind == "noun" and self._noun_asked_for(view, cand.pos))
                or (cand.pattern.kind == "verb" and _asked_passive(view, cand))
            ):
                continue
            if cand.pattern.kind == "verb" and not cand.passive:
                # the next verb of a coordination ("protested and summoned") shares this subject
                targets = list({id(t): t for _, t in pairs if t is not None}.values())
                state.source, state.end = subject_group, cand.end
                state.target = Group(targets) if targets else None
                state.participle = cand.morph == "ing" and lowers[cand.pos - 1] == ","
            verb = support_verb(view, cand, self.modality.support_verbs) if cand.pattern.kind == "noun" else None
            intent = self._intent_verb(view, cand.pos if verb is None else verb, code)
            # the mode is read before the whole form: "not" in "has not ruled out force" belongs to the trigger
            # "held no talks" is negated, "saw no prospect of talks" is not: the object phrase's own words stay out
            inner_end = cand.object_start or cand.end
            mode = event_mode(lowers, cand.pos - cand.lead, view.start, view.end, self.modality, inner_end)
            if mode == "future" and cand.lead and lowers[cand.pos - cand.lead] in ("not", "never", "n't"):
                # "said it would never accept ...", "will not rule out force": the refusal or threat stands now
                mode = "asserted"
            if mode == "asserted" and (verb_end := _document_verb_end(view, cand)) is not None:
                # "is expected to vote later this month on a resolution condemning ...": the document's act
                # is as real as what is done with the document
                mode = event_mode(lowers, verb_end, view.start, view.end, self.modality)
                if mode == "asserted" and lowers[verb_end - 1] in _DOCUMENT_BLOCKS:
                    mode = "negated"
            if mode in ("negated", "future") and _possessed(view, cand, subject_group):
                # "does not recognise Russia's annexation of Crimea": a possessed nominal presupposes its act,
                # so the cue of the verb it is an object of stays outside; only cues after the owner count
                mode = event_mode(lowers, cand.pos, subject_group.start, view.end, self.modality, cand.end)
            if mode == "asserted" and cand.pattern.kind == "noun":
                mode = self._noun_predicate_mode(view, cand.end)
            if mode == "asserted" and (
                intent is not None
                or (self._infinitive_of_purpose(view, cand.pos) and not _protest_message(cand, found))
            ):
                mode = "future"
            if mode == "asserted" and code[:2] in _FORCE_USE and _preparing_force(view, cand) is not None:
                mode = "future"  # "prepared to resume shelling": the shelling is still to come
            if mode == "asserted" and _unrealized_clause(view, cand, found):
                mode = "hypothetical"
            if intent is not None and lowers[intent] in self.modality.refusal_verbs:
                mode = "negated"
            if taken_back is not None:
                # the yielding is as real as the taking back: "reversed its decision to impose tariffs"
                mode = event_mode(lowers, taken_back, view.start, view.end, self.modality)
            if (
                mode == "asserted"
                and cand.morph == "base"
                and last_mode is not None
                and last_mode[1] != "asserted"
                and lowers[cand.pos - 1] in ("and", "or")
                and last_mode[0] <= cand.pos - 1
                and not any(w in (",", ";", ":") or w in _SUBJECT_WORDS for w in lowers[last_mode[0] : cand.pos])
            ):
                # "plans to tighten sanctions and impose a blockade": a bare verb coordinated with an infinitive
                # or a modal verb shares its "to" / "will" and so its mode
                mode = last_mode[1]
            elif mode == "asserted" and cand.morph == "base" and lowers[cand.pos - 1] in ("and", "or"):
                # "should stop the hostile policy and withdraw its forces", "will never take unilateral measures
                # or violate the rules": the first verb of the coordination was no trigger, but its modal still
                # governs the bare verb after "and"/"or"
                mode = self._coordinated_mode(view, cand.pos - 1) or mode
                if mode == "asked":
                    continue  # the act is demanded, as the first verb's is: the demand is the event
            if cand.pattern.kind == "verb":
                last_mode = (cand.end, mode)
            rule = cand.pattern.id + ("+taken-back" if taken_back is not None else "")
            if cand.morph == "ing" and _ruled_out_predicate(view, cand):
                # "removing the sanctions on Burma is out of the question": the act named by the gerund subject
                # is refused now (12x), by whoever says so
                code, mode, rule = self.modality.refusal_code(code), "asserted", rule + "+ruled-out"
            if emit(cand.pos, cand, pairs, code, mode, rule) and subject_group is not None:
                state.sources.append(subject_group)
            if mode in ("future", "hypothetical") and code[:2] in _ULTIMATUM_ROOTS and _unless_follows(view, cand):
                # "will withdraw its peacekeepers from Chad unless ...": a hostile step held over the other side
                # until it complies is a threat made now (13x), asserted
                aimed = [(s, t) for s, t in pairs if t is not None]
                emit(cand.pos, cand, aimed, self.modality.intent_code(code), "asserted", cand.pattern.id + "+ultimatum")
            if code[:2] in _FORCE_USE and (prep := _preparing_force(view, cand)) is not None:
                aimed = [(s, t) for s, t in pairs if t is not None]
                prep_trig = Trigger(prep, cand.pattern, "past", prep + 1)
                prep_mode = event_mode(lowers, prep, view.start, view.end, self.modality)
                emit(prep, prep_trig, aimed, DEPLOY, prep_mode, cand.pattern.id + "+preparation")
            if code.startswith(HOST):
                # "Biden welcomed Kishida to the White House": the guest makes the visit (042) the host receives
                guests = [(t, s) for s, t in pairs if t is not None and t.kind in ("state", "person")]
                emit(cand.pos, cand, guests, VISIT, mode, cand.pattern.id + "+guest")
            if intent is not None:
                intent_mode = event_mode(lowers, intent, view.start, view.end, self.modality)
                obliged = any(w in ("must", "should") for w in lowers[max(view.start, intent - 3) : intent])
                if intent_mode in ("hypothetical", "future") and lowers[intent] in _STATIVE_INTENT and not obliged:
                    # "(said he) would be willing to meet" states a willingness now
                    intent_mode = "asserted"
                intent_trig = Trigger(intent, cand.pattern, "past", intent + 1)
                intent_code = self._derived_code(lowers[intent], code)
                if emit(intent, intent_trig, pairs, intent_code, intent_mode, cand.pattern.id + "+intent"):
                    used_intent_verbs.add(intent)
        for verb, (cand, pairs, code) in self._pro_verb_intents(view, acts):
            # "has not visited Seoul, despite promising to do so": the promise is of the act just told
            intent_mode = event_mode(lowers, verb, view.start, view.end, self.modality)
            intent_trig = Trigger(verb, cand.pattern, "past", verb + 1)
            intent_code = self._derived_code(lowers[verb], code)
            emit(verb, intent_trig, pairs, intent_code, intent_mode, cand.pattern.id + "+intent")
        kept = [event for pos, event in out if pos not in used_intent_verbs or event.rule.endswith("+intent")]
        return _one_per_root(_drop_tolls(_drop_untargeted_twins(_merge_visit_and_talks(kept))))

    def _coordinated_mode(self, view: SentenceView, conj: int) -> str | None:
        """Mode of the first verb of a coordination whose bare second verb follows ``conj`` ("and"/"or"), read
        at the nearest modal or "to" before it in the same clause that is not asserted, or "asked" when the
        coordination is the subjunctive of a demand; None when there is none."""
        lowers = view.lowers
        for k in range(conj - 1, max(view.start, conj - _COORDINATION_SPAN) - 1, -1):
            word = lowers[k]
            if word in (",", ";", ":") or word in _SUBJECT_WORDS:
                return None
            if word in _SUBJUNCTIVE_DEMANDS and any(g.start in (k + 1, k + 2) for g in view.groups):
                return "asked"  # "demanded the U.S. stop its hostile policy and withdraw its troops"
            if word in _COORDINATED_AUX:
                # "to 1 trillion dollars" is a preposition: read on to the left
                mode = event_mode(lowers, k + 1, view.start, view.end, self.modality)
                if mode != "asserted":
                    return mode
        return None

    def _pro_verb_intents(self, view: SentenceView, acts: list) -> list[tuple[int, tuple]]:
        """Commitment, refusal or threat verbs whose infinitive is the pro-form "to do so" ("promising to do
        so", "refused to do so"), each with the latest act told before it."""
        lowers = view.lowers
        found = []
        for k in range(view.start + 1, view.end - 2):
            if lowers[k] != "to" or lowers[k + 1 : k + 3] != ["do", "so"]:
                continue
            verb = k - 1
            while verb > view.start and lowers[verb] in INTENT_ADVERBS:
                verb -= 1
            word = lowers[verb]
            if word.endswith("ing") and word not in self.modality.refusal_verbs:
                word = word[:-3] + "e"  # "promising" → "promise"
            if not (
                word in self.modality.cooperative_intent
                or word in self.modality.refusal_verbs
                or word in self.modality.threat_intent
            ):
                continue
            before = [a for a in acts if a[0].end <= verb]
            if before:
                found.append((verb, before[-1]))
        return found

    def _attribute(
        self, view: SentenceView, trig: Trigger, state: _ClauseState, previous_sources: dict[str, Mention]
    ) -> tuple[list[tuple[Mention, Mention | None]], str, Group | None]:
        """Source/target pairs for one trigger reading, and the code they take."""
        pattern = trig.pattern
        if pattern.kind == "noun":
            src = between_pair(view, trig) if pattern.symmetric else None
            if src is None:
                src = noun_source(view, trig, pattern.source)
            if src is None and (verb := support_verb(view, trig, self.modality.support_verbs)) is not None:
                src = subject(view, verb)
            if src is None or src.locative:
                return [], pattern.code, None
            if "subj" in pattern.target and src.end == trig.pos - 1 and view.lowers[src.end] == "-":
                # "Russia fired North Korean-supplied missiles": the compound's act is aimed at the subject of the
                # verb whose object it modifies
                last = state.source
                tgt = last if last is not None and not same_state(last, src) else None
            else:
                tgt = noun_target(view, trig, pattern.target, src)
            if tgt is None and _possessed(view, trig, src) and (
                pattern.code.startswith(ADDRESSED) or (pattern.code == VISIT and _during(view, src))
            ):
                # "Kim did not respond to Trump's offer of a meeting", "Seoul rejected Pyongyang's demand": an
                # offer, appeal, demand or threat is addressed to whoever answers it; "Pyongyang freed them
                # during Pompeo's visit": a visit is made to whoever acts during it
                answerer = subject(view, src.start)
                if answerer is not None and not answerer.locative and not same_state(answerer, src):
                    tgt = answerer
            if tgt is None and pattern.code[:2] in REACTION_ROOTS:
                # "said all options were on the table after a North Korean missile flew over Japan"
                tgt = self._cause_clause_actor(view, trig, src)
            if tgt is None and pattern.code == VISIT:
                tgt = visited_place(view, trig, src)
        elif trig.passive and (agent := agent_of_passive(view, trig)) is not None:
            src = agent
            tgt = self._passive_target(view, trig) or subject(view, trig.pos)
            if tgt is None and pattern.code[:2] in FORCE_ROOTS:
                # "a camp for Congolese refugees was attacked by ...": the people housed are hit
                tgt = sheltered(view, view.start, trig.pos)
        elif trig.passive == "be":
            return [], pattern.code, None
        elif OBLIGED in pattern.target:
            src, tgt = _obligation(view, trig)
            if src is None or tgt is None or (same_state(src, tgt) and not _opponents_demand(src, tgt)):
                return [], pattern.code, None
        elif (
            pattern.symmetric
            and pattern.objects
            and pattern.code[:2] == HOST[:2]
            and view.lowers[trig.pos] in _HOSTING_VERBS
            and (pair := between_pair(view, trig)) is not None
            and (host := self._verb_subject(view, trig, state, previous_sources)) is not None
            and not host.locative
            and not {m.code[:3] for m in host.members} & {m.code[:3] for m in pair.members}
        ):
            # "hosted talks between Israel and Egypt", "ready to host a meeting between Israel and the PLO":
            # the host receives both sides (043)
            return self._pairs(host, pair, False), HOST, host
        elif (
            pattern.symmetric
            and pattern.objects
            and view.lowers[trig.pos - 1] not in _PURPOSE_MARKERS
            and (pair := between_pair(view, trig)) is not None
        ):
            # "a joint statement deepening the partnership between China and Russia": the object's own
            # "between" names the two sides of a mutual act, whoever brought it about; not an aim ("a meeting
            # aimed at establishing relations between ...", "a summit to hammer out an agreement between ...")
            src, tgt = pair, None
        else:
            src = self._verb_subject(view, trig, state, previous_sources)
            if src is None:
                return [], pattern.code, None
            anchor = trig.pos + 1
            particle = view.lowers[anchor] if pattern.objects else ""
            if particle in pattern.particles and particle not in pattern.target:
                anchor += 1  # "took in refugees": the particle before the object belongs to the verb, not to a target
            tgt = (object_pronoun(view, anchor, src) if "dobj" in pattern.target else None) or target_after(
                view, anchor, pattern.target, src, trig.end
            )
            to = self._infinitive_after(view, trig) if tgt is None and pattern.code[:2] in INFINITIVE_ROOTS else None
            if to is not None:
                # "threatened to break off relations with Congo", "refused to meet Jordan's king": the
                # target of the threat or refusal is the object of the act it names
                tgt = target_after(view, to + 2, INFINITIVE_OBJECT, src)
            if (
                tgt is None
                and pattern.code[:2] == COMMITMENT
                and state.partners
                and len(src.members) == 1
                and src.end == _before_auxiliaries(view, trig.pos) + 1
            ):
                # "officials of the two Koreas met ..., and Pyongyang agreed to send athletes": a commitment
                # with no counterpart named, by a single subject right before it, is made to the source's
                # partner in the sentence's earlier act
                tgt = _earlier_partner(state.partners, src)
            if tgt is None and "clause" in pattern.target:
                tgt = denied_act_party(view, trig.end, src)
            if tgt is None and pattern.code in SYMPATHY_CODES:
                tgt = sufferer_in_relative(view, trig.end, src)
            if tgt is None and pattern.code[:2] in FAULTING_ROOTS and "dobj" in pattern.target:
                tgt = owner_in_object(view, trig.end, src)
            if tgt is not None:
                tgt = with_parallel_target(view, tgt)
                if pattern.code[:2] in ("11", "16", "17"):
                    tgt = with_listed_targets(view, tgt)
                if pattern.code.startswith(PROTEST_NOTE):
                    tgt = with_complained_of(view, tgt, src)
            if tgt is None and "dobj" in pattern.target and pattern.code[:2] > YIELDING:
                # "condemned its rocket launch" faults another's act; "lift its curbs" yields one's own
                tgt = object_owner(view, trig, src)
            if tgt is None:
                tgt = self._provoker(view, trig, src)
            if tgt is None and pattern.code[:2] in REACTION_ROOTS:
                tgt = self._cause_clause_actor(view, trig, src)
            if (
                tgt is None
                and pattern.code[:2] in FORCE_ROOTS
                and trig.morph == "ing"
                and view.lowers[trig.pos - 1] == ","
                and state.target is not None
                and src is state.source
                and not same_state(state.target, src)
            ):
                # "shelled Kharkiv, killing five civilians": the people a participle of force names by role
                # alone are those of the place the main verb struck, not the attacker's own
                tgt = compatriots(view, trig, state.target)
            if tgt is None and pattern.code[:2] in FORCE_ROOTS:
                tgt = compatriots(view, trig, src)
            if tgt is None and pattern.code[:2] == YIELDING:
                # "accepted demands from rebels": a state yields to its own armed or organised opponents as it
                # uses force on them (freed "fishermen" may be anyone's)
                tgt = compatriots(view, trig, src, _DISSIDENT_SECTORS)
            if tgt is None and pattern.code[:2] in FORCE_ROOTS and "dobj" in pattern.target:
                tgt = sheltered(view, trig.end, trig.end + 6) or place_holder(view, trig.end, trig.end + 4)
            if tgt is None and "dobj" in pattern.target:
                tgt = territory_owner(view, trig, src)
            if tgt is None and trig.morph == "ing":
                sender, recipient = self._message_parties(view, trig)
                tgt = recipient if sender is src else self._absolute_partner(view, src, state)
            if tgt is None and pattern.code[:2] == YIELDING:
                tgt = self._after_talks_with(view, trig, src)
            if tgt is None and pattern.code[:2] <= "08":
                tgt = self._in_return(view, trig, src) or self._answering_party(view, src, state, pattern.code)
            if tgt is None and pattern.code == VISIT:
                tgt = self._visited_party(view, src, state)
            if tgt is None and pattern.code[:2] in _ADDRESSED_ROOTS:
                # "Beijing told Seoul it would never accept the deployment": a rejection or threat told to
                # someone is aimed at them
                addressed = self._told(view, _before_auxiliaries(view, trig.pos))
                if addressed is not None and not same_state(addressed[1], src):
                    tgt = addressed[1]
            answers = view.lowers[trig.pos] in RECIPROCAL or (
                pattern.code[:2] in REACTION_ROOTS and object_relative(view, src)
            )
            # the latest act by someone else: "bombers flew near Japan as Tokyo hosted a summit, a move Tokyo
            # called provocative" answers the bombers, not Tokyo's own hosting
            last = next((g for g in reversed(state.sources) if not same_state(g, src)), None) if answers else None
            if tgt is None and answers and last is not None:
                # aimed at the source of the act just reported: "Washington imposed tariffs, and Beijing retaliated
                # with duties of its own"; "... began their Freedom Shield exercise, which Pyongyang denounced as a
                # war rehearsal" (the relative pronoun stands for that act)
                tgt = last
            if tgt is not None and same_state(src, tgt) and all(m.form == "owned" for m in tgt.members):
                # "withdraw its troops from Lebanon": the source's own agents are the object, not the target
                tgt = target_after(view, tgt.end, pattern.target, src)
            if (
                tgt is not None
                and pattern.code[:2] in ASKS
                and same_state(src, tgt)
                and not asks_own_government(src, tgt)
                and not (pattern.code[:2] == DEMAND and all(m.code[3:6] == "JUD" for m in src.members))
            ):
                # (a court's order binds its own state's people: "a judge ordered the former president to appear
                # for questioning"; a prosecutor asking the court for a sentence still asks the court)
                # "demanded the release of three Americans held in North Korea": asked of the holder, not of
                # the captives' own state
                tgt = target_after(view, tgt.end, (*pattern.target, "in", "by"), src)
            if tgt is None and state.target is not None and src is state.source:
                participle = trig.morph == "ing" and view.lowers[trig.pos - 1] == ","
                before = _before_auxiliaries(view, trig.pos)
                coordinated = view.lowers[before] in ("and", "then", "but")
                # "..., killing one crew member and seizing the vessel": a participle coordinated with a participle
                # clause belongs to it
                chained = coordinated and trig.morph == "ing" and state.participle
                # "accused Washington of overreacting and said it reserved the right to respond": a reaction
                # reported in a coordinated "said it ..." answers the same party, unless it names an object of
                # its own ("and said they also opposed the deployment of a peacekeeping force")
                reported = (
                    pattern.code[:2] in REACTION_ROOTS
                    and (trig.end >= view.end or not view.lowers[trig.end].isalpha())
                    and self._said_it(view, before, state)
                )
                # "the US and China work together and support the multilateral trading system": the partner of a
                # joint act is not the object of a coordinated verb that names an object of its own
                partner = (
                    coordinated
                    and trig.end < view.end
                    and view.lowers[trig.end] in _OWN_OBJECT_OPENERS
                    and {m.code[:3] for m in state.target.members} <= {m.code[:3] for m in src.members}
                )
                if participle or chained or reported or (
                    coordinated and pattern.code[:2] in SPEECH_ACTS and not partner
                ):
                    # "staged exercises encircling Taiwan, deploying navy ships": the participle's act is aimed
                    # where the main verb's was
                    tgt = state.target
        if tgt is None and pattern.code.startswith(PROTEST) and (aim := protest_purpose(view, trig)) is not None:
            # "rallied in Seoul to demand the impeachment of President Yoon": protested against whom it demands of
            tgt = target_after(view, aim + 1, PURPOSE_OBJECT, src)
        if tgt is None and (pattern.code.startswith(THREATEN) or self._threatened(view, trig, pattern.code)):
            tgt = condition_subject(view, trig, src)
        code = pattern.code
        if (
            tgt is None
            and code in _DOMESTIC_EASING
            and (own := _own_state(src)) is not None
            and _in_subdivision(view, trig.end)
        ):
            # "lifted a state of emergency in West Darfur State": curfews, emergency rule and curbs on political
            # freedom eased in one of the state's provinces are eased on its own people
            tgt = Group([Mention(trig.pos, trig.end, own, "state", "compatriot")])
        if tgt is None and pattern.joint and len(src.members) > 1:
            return list(permutations(src.members, 2)), pattern.joint, src
        pairs = self._pairs(src, tgt, pattern.symmetric)
        if tgt is not None and pattern.mutual:
            pairs += [(t, s) for s, t in pairs if t is not None]
        optional = "optional" in pattern.target
        kept = [
            (s, t) for s, t in pairs if (t is not None or optional) and (t is None or not same_actor(s.code, t.code))
        ]
        if code[:2] in HONOURING_ROOTS:
            # "paying tribute to Japanese detainees who died there": a state honouring or praising its own
            # people or forces is a domestic act with no counterpart (a party or rebels and the government are
            # two sides)
            kept = [(s, t) for s, t in kept if t is None or not _own_people(s, t)]
        if not kept and optional and pairs:
            # "Thailand lifted the curfew in Bangkok": the only target is the source's own state, and an event
            # that stands without a target is then a domestic one
            kept = pairs
        return kept, code, src

    @staticmethod
    def _provoker(view: SentenceView, trig: Trigger, src: Group) -> Group | None:
        """ "Russian bombers flew along the coast, forcing the Air Self-Defense Force to scramble fighters":
        a reaction named after a causative ("prompting X to ...") is aimed at the main clause's subject."""
        k = infinitive_to(view, trig.pos)
        if k is None or src.end != k:
            return None
        j = word_before(view, src)
        if j <= view.start or view.lowers[j] not in CAUSATIVES:
            return None
        provoker = subject(view, j)
        return None if provoker is None or same_state(provoker, src) else provoker

    @staticmethod
    def _cause_clause_actor(view: SentenceView, trig: Trigger, src: Group) -> Group | None:
        """ "Tokyo protested after five Chinese missiles landed in its waters": a protest, rebuke or
        retaliation with no object is aimed at the first actor of the clause that gives its cause."""
        lowers = view.lowers
        k = trig.end
        stop = min(view.end, trig.end + 6)
        while k < stop and lowers[k] not in CAUSE_MARKERS:
            if lowers[k] in (",", ";", ":", "and", "but") or any(g.start == k for g in view.groups):
                return None
            k += 1
        if k >= stop:
            return None
        own = {m.code[:3] for m in src.members}
        for g in view.groups:
            if g.start <= k or g.start > k + 8:
                continue
            if g.locative or {m.code[:3] for m in g.members} <= own:
                continue
            return g
        return None

    @staticmethod
    def _infinitive_after(view: SentenceView, trig: Trigger) -> int | None:
        """Position of the "to" of an infinitive right after a trigger ("threatened to cut ties"), or None
        when "to" is a preposition ("objected to China's move", "agreed to a ceasefire")."""
        lowers = view.lowers
        k = trig.end
        while k < view.end and lowers[k] in INTENT_ADVERBS:
            k += 1
        if k + 1 >= view.end or lowers[k] != "to":
            return None
        nxt = lowers[k + 1]
        if not nxt.isalpha() or nxt in NOT_INFINITIVE or any(g.start == k + 1 for g in view.groups):
            return None
        return k

    def _noun_predicate_mode(self, view: SentenceView, end: int) -> str:
        """A nominal event takes the mode of its predicate: "the summit will take place"."""
        lowers = view.lowers
        stop = min(view.end, end + 16)
        k = end
        while k < stop:
            word = lowers[k]
            if word == "," and k + 1 < stop:
                # skip an apposition or participle phrase: "the visit, postponed in 2020, never took place"
                nxt = next((j for j in range(k + 1, stop) if lowers[j] == ","), -1)
                if nxt != -1 and nxt - k <= 10:
                    k = nxt + 1
                    continue
                break
            if word in _NOUN_PREDICATE_BREAKS:
                break
            if word == "never":
                return "negated"
            if word in _CALLED_OFF and lowers[k - 1] in BE:
                return "negated"  # "talks with Afghan and UN officials had been postponed": not held
            if word == "may" and (lowers[k - 1] in MONTH_CONTEXT or lowers[k + 1 : k + 2] == [","]):
                k += 1
                continue
            if word in _NOUN_PREDICATE_MODES:
                after = lowers[k + 1] if k + 1 < view.end else ""
                if after in ("not", "n't", "never"):
                    return "hypothetical" if _NOUN_PREDICATE_MODES[word] == "hypothetical" else "negated"
                sentence = lowers[view.start : view.end]
                if word == "would" and reported_speech(lowers[view.start : k], sentence, self.modality):
                    return "future"  # "said the curbs would take effect on Thursday": reported speech
                return _NOUN_PREDICATE_MODES[word]
            k += 1
        return "asserted"

    @staticmethod
    def _passive_target(view: SentenceView, trig: Trigger) -> Group | None:
        """In "sanctions on Pyongyang were imposed by ...", the target follows the pattern's preposition."""
        specs = trig.pattern.target
        for g in reversed(view.groups):
            if view.start <= g.start < trig.pos and g.end <= trig.pos and view.governed_by_prep(g) in specs:
                return g
        return None

    @staticmethod
    def _infinitive_of_purpose(view: SentenceView, pos: int) -> bool:
        """An infinitive names an intended act ("a pact to share intelligence", "Putin to Visit North
        Korea"), unless its governing verb reports a done act ("decided to terminate", "began to")."""
        k = infinitive_to(view, pos)
        lowers = view.lowers
        if k is None and pos - 1 > view.start and lowers[pos - 1] == "help":
            k = infinitive_to(view, pos - 1)  # "to help defend Saudi Arabia": the bare infinitive after help
        if k is None:
            return False
        j = k - 1
        while j > view.start and (view.lowers[j] in _INTENT_GAP or view.lowers[j] in INTENT_ADVERBS):
            j -= 1
        before = view.lowers[j]
        # "ordered travel agencies to stop ...": a causative or factive verb a few words back
        if any(w in _FACTIVE_BEFORE_TO for w in view.lowers[max(view.start, j - 3) : j + 1]):
            return False
        # "prompting Japan to recall its ambassador": the causative reports a done act
        for g in view.groups:
            if g.end == k and g.start - 1 >= view.start:
                before = view.lowers[word_before(view, g)]
        return before not in _FACTIVE_BEFORE_TO

    def _intent_verb(self, view: SentenceView, pos: int, code: str) -> int | None:
        """Position of "agreed"/"vowed"/... in "agreed to <trigger>", when it makes an intent event."""
        lowers = view.lowers
        k = pos - 1
        if k - 1 > view.start and lowers[k] == "-" and lowers[k - 1] == "re":
            k -= 2  # "agreed to re-open": the tokenizer splits off the prefix
        while k > view.start and lowers[k] in INTENT_ADVERBS:
            k -= 1
        if k > view.start and lowers[k] == "and":
            # "agreed to put the dispute behind them and restore exchanges": the shared "to"
            for j in range(k - 1, max(view.start, k - 15), -1):
                if lowers[j] in (",", ";", ":"):
                    return None
                if lowers[j] == "to":
                    k = j
                    break
            else:
                return None
        if k > view.start and lowers[k] in ("would", "should") and code[:2] <= "08":
            return self._agreed_that(view, k)
        if k <= view.start or lowers[k] != "to":
            return None
        k -= 1
        while k > view.start and lowers[k] in _INTENT_GAP:
            k -= 1
        if lowers[k] not in self.modality.cooperative_intent and lowers[k] not in self.modality.threat_intent:
            k = self._verb_before_adjunct(view, k)
        verb = lowers[k]
        cooperative = code[:2] <= "08"
        if cooperative and (verb in self.modality.cooperative_intent or verb in self.modality.refusal_verbs):
            return k
        if not cooperative and verb in self.modality.threat_intent:
            return k
        return None

    def _threatened(self, view: SentenceView, trig: Trigger, code: str) -> bool:
        """Whether the trigger is the act a threat verb governs ("threatened to hold a general strike")."""
        pos = trig.pos
        if trig.pattern.kind == "noun":
            pos = support_verb(view, trig, self.modality.support_verbs) or pos
        verb = self._intent_verb(view, pos, code)
        return verb is not None and view.lowers[verb] in self.modality.threat_intent
    def _agreed_that(self, view: SentenceView, would: int) -> int | None:
        """ "had agreed in Busan that Washington would cut tariffs": a cooperative act in a that-clause of
        agreeing or promising, told with "would" (or "should", when the agreeing sides name themselves again: "agreed
        that their countries should cooperate"), is a commitment; the position of the commitment verb."""
        lowers = view.lowers
        doer = next((g.start for g in view.groups if g.end == would), None)
        if lowers[would] == "should":
            doer = None  # "agreed that Japan should lift its curbs" may name what a third party ought to do
        if doer is None and lowers[would - 1] in ("it", "they", "he", "she", "we"):
            doer = would - 1  # "promised that it would resume talks"
        elif doer is None and tuple(lowers[would - 2 : would]) in _AGREERS_THEMSELVES:
            # "agreed that their countries should cooperate": the agreeing sides bind themselves
            doer = would - 3 if lowers[would - 3] == "the" else would - 2
        if doer is None or doer - 1 <= view.start or lowers[doer - 1] != "that":
            return None
        k = doer - 2
        while k > view.start and lowers[k] in _INTENT_GAP:
            k -= 1
        if lowers[k] not in self.modality.cooperative_intent:
            k = self._verb_before_adjunct(view, k)
        return k if lowers[k] in self.modality.cooperative_intent else None

    def _verb_before_adjunct(self, view: SentenceView, k: int) -> int:
        """ "agreed at their meeting near San Francisco on Wednesday to restore ...": the commitment verb
        before a prepositional adjunct that ends at ``k`` (up to eight words, no clause break), else ``k``."""
        lowers = view.lowers
        for j in range(k - 1, max(view.start, k - 9), -1):
            word = lowers[j]
            if word in _ADJUNCT_BREAKS:
                return k
            if word in self.modality.cooperative_intent or word in self.modality.threat_intent:
                return j if lowers[j + 1] in _ADJUNCT_PREPS else k
        return k

    def _asked_for(self, view: SentenceView, pos: int) -> bool:
        """Whether the trigger is the action someone is asked to take: "urged China to lift the ban",
        "called on Moscow to pull its troops out" (an appeal verb, its addressee, then "to")."""
        lowers = view.lowers
        j = pos - 1
        while j > view.start and j >= pos - 3 and lowers[j] in _ASKED_ACT_MODIFIERS:
            j -= 1
        if j - 1 > view.start and lowers[j] == "for" and lowers[j - 1] in _REQUEST_NOUNS:
            # "a UN appeal for deploying troops", "a new appeal for the withdrawal of British troops", "clearing
            # the way for a withdrawal": the act is what is asked or made possible, not what is done
            return True
        k = infinitive_to(view, pos)
        if k is None:
            return False
        if k - 1 > view.start and lowers[k - 1] in _URGED_PARTICIPLES:
            return True  # "U.S. urged to accept DPRK's proposal": the passive addressee is asked, does nothing yet
        addressee = max((g for g in view.groups if g.end <= k), key=lambda g: g.end, default=None)
        if addressee is None or k - addressee.end > 3:
            return False
        j = addressee.start - 1
        while j > view.start and lowers[j] in ("on", "upon", "the", "its", "their", "his", "her", "for"):
            j -= 1
        return j >= view.start and lowers[j] in self.modality.appeal_verbs

    def _noun_asked_for(self, view: SentenceView, pos: int) -> bool:
        """Whether an event named by a noun is only demanded or striven for: "an article demanding the withdrawal
        of the U.S. forces", "actions for U.S. forces' withdrawal from south Korea", and the headline passive
        "Withdrawal of U.S. Forces from S. Korea Demanded"."""
        lowers = view.lowers
        j = pos - 1
        while j > view.start and pos - j <= 6:
            w = lowers[j]
            if w in _ASKED_ACT_MODIFIERS or w in ("'s", "'") or any(g.start <= j < g.end for g in view.groups):
                j -= 1
                continue
            break
        if lowers[j] in self.modality.appeal_verbs and lowers[j] not in _NOT_ASKING:
            return True
        if lowers[j] == "for" and j - 1 >= view.start and (
            lowers[j - 1] in _REQUEST_NOUNS or lowers[j - 1] in _AIMS or lowers[j - 1] in self.modality.appeal_verbs
        ):
            return True
        tail = [w for w in lowers[pos : view.end] if w not in _CLOSING_MARKS][-2:]
        return bool(tail) and (tail[-1] in _PASSIVE_ASKED or tail == ["called", "for"])

    def _derived_code(self, verb: str, code: str) -> str:
        """Intent (03x/13x) or refusal (12x) code for the act a commitment verb governs."""
        if verb in self.modality.refusal_verbs:
            return self.modality.refusal_code(code)
        return self.modality.intent_code(code)

    def _verb_subject(
        self, view: SentenceView, trig: Trigger, state: _ClauseState, previous_sources: dict[str, Mention]
    ) -> Group | None:
        lowers = view.lowers
        k = _before_auxiliaries(view, trig.pos)
        if any(end - 1 == k for _, end, _ in view.unowned):
            return None  # "demonstrators protesting the result": the doer is named by role alone, with no state
        if k >= view.start and lowers[k] in (",", "and", "or") and (listed := gerund_doer(view, trig)) is not None:
            return listed  # "accused Seoul of lying, stalling and ...": a listed gerund is done by the accused
        # coordinated verb phrases share the subject: "protested and summoned"
        if (
            state.source is not None
            and k >= view.start
            and lowers[k] in ("and", "then", ",", "but")
            and k >= state.end - 1
        ):
            return state.source
        if self._said_it(view, k, state):
            return state.source
        absolute = self._absolute_subject(view, trig, k) or self._message_parties(view, trig)[0]
        if absolute is not None:
            return absolute
        addressed = self._told(view, k)
        if addressed is not None:
            teller = subject(view, addressed[0])
            if teller is not None:
                return teller
        joined = self._joined_subject(view, trig)
        if joined is not None:
            return joined
        relative = relative_subject(view, k)
        if relative is not None:
            return relative
        doer = gerund_doer(view, trig) or intent_owner(view, trig)
        if doer is not None:
            return doer
        intent_of = trig.pos - 2 > view.start and lowers[trig.pos - 1] == "of" and lowers[trig.pos - 2] in INTENT_NOUNS
        if trig.morph == "ing" and intent_of:
            # "protest the decision of sending troops to Iraq": the gerund is the act of whoever decided, named
            # only by a possessive ("Ankara's decision of ..."), never the subject of the clause around it
            return next((g for g in view.groups if g.end == trig.pos - 3 and lowers[g.end] in ("'s", "'")), None)
        found = subject(view, trig.pos)
        if found is not None:
            return with_pronoun_partner(view, found)
        # "Pyongyang said it was expelling ...": the pronoun is the reporter
        if k >= view.start and lowers[k] in _PRONOUN_SUBJECTS:
            for j in range(k - 1, view.start, -1):
                if lowers[j] in _REPORTING_VERBS:
                    reporter = subject(view, j)
                    if reporter is not None:
                        return reporter
                    break
        # a pronoun subject falls back on the last actor of the same kind
        if k >= view.start and lowers[k] in _PRONOUN_SUBJECTS and (k == view.start or lowers[k - 1] in (",", "and")):
            prior = previous_sources.get(_PRONOUN_SUBJECTS[lowers[k]])
            if prior is not None:
                return Group([Mention(prior.start, prior.start, prior.code, prior.kind, "pronoun")])
        return None

    @staticmethod
    def _answering_party(view: SentenceView, src: Group, state: _ClauseState, code: str) -> Group | None:
        """ "Japan said it would lift export curbs on South Korea, while Seoul agreed to drop its complaint": the
        target of the main act, answering in a contrast or temporal clause, answers its source."""
        lowers = view.lowers
        k = src.start - 1
        if k - 1 < view.start:
            return None
        contrast = lowers[k] in ("while", "whereas") and lowers[k - 1] == ","
        # "removed North Korea from the terror list after Pyongyang agreed to verification measures": pledges,
        # approval and concessions answer; a visit in such a clause ("after Abe visited the shrine") goes elsewhere
        if not contrast and (lowers[k] not in ("after", "once", "when", "because") or code[:2] not in _ANSWERS):
            return None
        main, target = state.source, state.target
        if main is None or target is None or not same_state(target, src) or same_state(main, src):
            return None
        return main

    @staticmethod
    def _visited_party(view: SentenceView, src: Group, state: _ClauseState) -> Group | None:
        """ "Beijing and Moscow declared a partnership as Vladimir Putin arrived for the Olympics": a visitor
        arriving in a temporal clause without a destination visits the main act's other party (its target, or the
        visitor's partners in its subject)."""
        k = word_before(view, src)
        if k < view.start or view.lowers[k] not in ("as", "when", "after", "while") or state.source is None:
            return None
        own = {m.code[:3] for m in src.members}
        if state.target is not None and not own & {m.code[:3] for m in state.target.members}:
            return state.target
        partners = [m for m in state.source.members if m.code[:3] not in own]
        if not partners or len(partners) == len(state.source.members):
            return None
        return Group(partners)

    @staticmethod
    def _after_talks_with(view: SentenceView, trig: Trigger, src: Group) -> Group | None:
        """ "called off the strike after deliberations with the government": a concession made at the end of
        talks is made to the other side of the talks."""
        lowers = view.lowers
        for k in range(trig.end, min(view.end, trig.end + 4)):
            if lowers[k] not in ("after", "following"):
                if lowers[k] in (",", ";", ":") or lowers[k] in TARGET_STOPS:
                    return None
                continue
            for j in range(k + 1, min(view.end - 1, k + 5)):
                if lowers[j] in _TALK_NOUNS and lowers[j + 1] == "with":
                    codes = {m.code for m in src.members}
                    return next(
                        (g for g in view.groups if j + 1 < g.start <= j + 4 and {m.code for m in g.members} != codes),
                        None,
                    )
            return None
        return None

    @staticmethod
    def _in_return(view: SentenceView, trig: Trigger, src: Group) -> Group | None:
        """ "Pyongyang agreed to suspend enrichment in return for US food aid": a concession or pledge made in
        exchange for what another actor gives is made to that actor."""
        lowers = view.lowers
        stop = min(view.end, trig.end + 15)
        for k in range(trig.end, stop - 2):
            if lowers[k] in (";", ":") or lowers[k] in TARGET_STOPS:
                return None
            if lowers[k] == "in" and lowers[k + 1] in ("return", "exchange") and lowers[k + 2] == "for":
                own = {m.code[:3] for m in src.members}
                for g in view.groups:
                    if k + 2 < g.start <= k + 10 and not g.locative and not {m.code[:3] for m in g.members} <= own:
                        return g
                return None
        return None

    @staticmethod
    def _message_parties(view: SentenceView, trig: Trigger) -> tuple[Group | None, Group | None]:
        """ "Kim Yo Jong handed Moon a letter from her brother inviting him to Pyongyang": a participle after a
        letter or message is done by its sender, the giver, not by the recipient named between them, and is
        addressed to that recipient. (sender, recipient), or (None, None)."""
        lowers = view.lowers
        if trig.morph != "ing":
            return None, None
        for j in range(trig.pos - 1, max(view.start, trig.pos - 8), -1):
            if not lowers[j].isalpha():
                return None, None
            if lowers[j] in _MESSAGES:
                d = j - 1
                while d > view.start and lowers[d] in _MESSAGE_MODIFIERS:
                    d -= 1
                recipient = next((g for g in view.groups if g.end == d + 1), None)
                if recipient is None:
                    return None, None
                verb = word_before(view, recipient)
                if verb < view.start or lowers[verb] not in _GIVING:
                    return None, None
                return subject(view, verb), recipient
        return None, None

    @staticmethod
    def _absolute_subject(view: SentenceView, trig: Trigger, k: int) -> Group | None:
        """The subject of an absolute clause, ", with Tokyo offering an apology": the actor between "with" and
        the participle (``k`` is the word before the trigger and its auxiliaries)."""
        if trig.morph != "ing":
            return None
        g = next((g for g in view.groups if g.end == k + 1), None)
        if g is None or g.start - 2 < view.start or view.lowers[g.start - 1] != "with":
            return None
        return g if view.lowers[g.start - 2] == "," else None

    @staticmethod
    def _absolute_partner(view: SentenceView, src: Group, state: _ClauseState) -> Group | None:
        """ "Japan and South Korea reached an agreement ..., with Tokyo offering an apology": an absolute clause
        names one party's share of the main act, aimed at the other party of that act (its target, or the
        partners the source was coordinated with)."""
        lowers = view.lowers
        if src.start - 2 < view.start or lowers[src.start - 1] != "with" or lowers[src.start - 2] != ",":
            return None
        if state.target is not None and not same_state(state.target, src):
            return state.target
        if state.source is None:
            return None
        own = {m.code[:3] for m in src.members}
        others = [m for m in state.source.members if m.code[:3] not in own]
        return Group(others) if others and len(others) < len(state.source.members) else None

    @staticmethod
    def _told(view: SentenceView, k: int) -> tuple[int, Group] | None:
        """ "Beijing told Seoul (that) it would ...", "Moon assured Trump he would ...": for the subject pronoun at
        ``k``, the telling verb's position and its addressee (the pronoun is the teller, not the addressee)."""
        lowers = view.lowers
        if k <= view.start or lowers[k] not in _PRONOUN_SUBJECTS:
            return None
        j = k - 1 if lowers[k - 1] == "that" else k
        addressee = next((g for g in view.groups if g.end == j and not g.locative), None)
        if addressee is None:
            return None
        verb = word_before(view, addressee)
        return (verb, addressee) if verb >= view.start and lowers[verb] in _TELLING else None

    @staticmethod
    def _said_it(view: SentenceView, k: int, state: _ClauseState) -> bool:
        """ "Beijing accused Washington of overreacting and said it reserved the right to respond": the pronoun at
        ``k`` after a reporting verb coordinated with the verb before stands for that verb's subject, not for the
        object nearest to it."""
        lowers = view.lowers
        if state.source is None or k <= view.start or lowers[k] not in _PRONOUN_SUBJECTS:
            return False
        j = k - 1
        if lowers[j] == "that" and j > view.start:
            j -= 1
        return j > view.start and lowers[j] in _REPORTING_VERBS and lowers[j - 1] in ("and", "but") and j > state.end

    @staticmethod
    def _joined_subject(view: SentenceView, trig: Trigger) -> Group | None:
        """ "Russia and China joined the United States in condemning ...": all of them condemn."""
        lowers = view.lowers
        if trig.morph != "ing" or trig.pos - 1 <= view.start or lowers[trig.pos - 1] != "in":
            return None
        partner = next((g for g in view.groups if g.end == trig.pos - 1), None)
        if partner is None:
            return None
        k = partner.start - 1
        while k > view.start and lowers[k] in ("the", "a", "an"):
            k -= 1
        if k <= view.start or not lowers[k].startswith("join"):
            return None
        joiner = subject(view, k)
        if joiner is None:
            return None
        return Group(joiner.members + partner.members)

    @staticmethod
    def _pairs(src: Group, tgt: Group | None, symmetric: bool) -> list[tuple[Mention, Mention | None]]:
        sources = src.members
        if tgt is None:
            if symmetric and len(sources) > 1:
                return list(permutations(sources, 2))
            return [(s, None) for s in sources]
        targets = tgt.members
        if len(sources) > 1:
            # "China and Singapore urged the world to calm Beijing's dispute": a state among the coordinated
            # subjects is not also their target (its own agencies or people still can be)
            own = {s.code for s in sources}
            others = [t for t in targets if t.code not in own]
            if not others and len(targets) > 1:
                # "China and Russia held talks and praised their partnership": each acts on the other
                return [(s, t) for s in sources for t in targets if s.code != t.code]
            targets = others
        return [(s, t) for s in sources for t in targets]

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
