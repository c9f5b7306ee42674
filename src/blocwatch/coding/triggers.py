"""Event triggers: verbs and nominalizations from the pattern lexicon, checked in context.

A trigger is a head word (a verb form or a noun) plus the context its pattern
asks for: an object phrase after a light verb ("held talks", "imposed
sanctions"), a particle ("crack down"), a modifier before a noun ("joint
drills"). This is the verb-pattern idea of TABARI/PETRARCH dictionaries,
matched over tokens instead of a parse. Cheap typo tolerance: adjacent-letter
transpositions of a verb ("singed") count only when the object is present, and an
object may have one doubled letter written once ("misiles").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from blocwatch.lexicon.entries import EventPattern
from blocwatch.lexicon.loader import Lexicon

OBJECT_WINDOW = 9
# how far before a passive verb its subject may name the object ("sanctions capping ... were imposed by")
PASSIVE_OBJECT_WINDOW = 16
_NOUN_CONTEXT = frozenset(
    {
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "these",
        "those",
        "'s",
        "'",
        "first",
        "second",
        "third",
        "last",
        "recent",
        "upcoming",
        "planned",
        "official",
        "state",
        "joint",
        "new",
        "latest",
        "further",
        "possible",
        "any",
        "no",
        "fresh",
        "rare",
        "historic",
        "landmark",
        "surprise",
        "formal",
        "brief",
        "weekend",
        "annual",
        "proposed",
        "of",
        "for",
        "after",
        "before",
        "during",
        "since",
        "amid",
        "following",
        "despite",
        "over",
        "about",
        "with",
        "in",
        "on",
        "against",
        "strong",
        "harsh",
        "sharp",
        "such",
        "similar",
        "economic",
        "military",
        "diplomatic",
        "unilateral",
        "bilateral",
        "trilateral",
        "high-level",
        "level",
        "two-day",
        "three-day",
        "one-day",
        "summit",
        "ministerial",
        "leaders",
        "nuclear",
    }
)
_VERB_CONTEXT = frozenset(
    {
        "to",
        "will",
        "would",
        "not",
        "n't",
        "did",
        "does",
        "do",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "also",
        "then",
        "has",
        "have",
        "had",
        "never",
        "jointly",
        "reportedly",
        "repeatedly",
        "again",
        "formally",
        "publicly",
        "strongly",
        "sharply",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "who",
        "which",
        "that",
        "'ll",
        "shall",
        "later",
        "today",
        "swiftly",
        "quickly",
        "firmly",
        "officially",
        "openly",
        "immediately",
        "recently",
        "once",
        "finally",
    }
)
# nouns of intention whose infinitive holds its own object ("its decision to end the pact")
_INTENTIONS = frozenset({"decision", "decisions", "plan", "plans", "threat", "threats", "move", "proposal", "bid"})
_HOSTILE_ROOTS = frozenset({"12", "13", "15", "16", "17", "19"})
# verbs that take back a decision, plan or threat: "suspended its decision to end the pact"
REVERSAL_VERBS = frozenset(
    {"suspend", "suspended", "suspends", "suspending", "reverse", "reversed", "reverses", "reversing", "rescind",
     "rescinded", "rescinds", "revoke", "revoked", "revokes", "retract", "retracted", "retracts", "scrap",
     "scrapped", "scraps", "shelve", "shelved", "shelves", "abandon", "abandoned", "abandons", "overturn",
     "overturned", "overturns", "withdrew", "withdrawn"}
)
_NOUN_FOLLOWERS = frozenset({"on", "against", "to", "with", "between", "of", "by", "from", "over"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those"})
_PREPOSITIONS = frozenset(
    {
        "with",
        "under",
        "of",
        "for",
        "from",
        "by",
        "on",
        "in",
        "at",
        "against",
        "into",
        "over",
        "about",
        "after",
        "before",
        "during",
        "amid",
        "without",
    }
)
# relative pronouns: a clause of its own begins after them ("promised Trump that ..." is a complement)
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
# participles whose active form puts an object before "of" ("accused China of spying"), so that the
# participle directly followed by "of" is a passive ("a diplomat accused of spying")
PASSIVE_BEFORE_OF = frozenset({"accused", "suspected", "convicted", "acquitted", "cleared", "stripped", "deprived"})
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "got", "gets", "getting"})
_PASSIVE_SKIP = frozenset(
    {
        "not",
        "n't",
        "also",
        "reportedly",
        "already",
        "been",
        "being",
        "never",
        "widely",
        "repeatedly",
        "strongly",
        "sharply",
        "allegedly",
        "just",
        "recently",
        "formally",
        "officially",
        "publicly",
        "often",
    }
)


@dataclass(slots=True)
class Trigger:
    """A matched trigger: head token, the pattern, and where its object ends."""

    pos: int
    pattern: EventPattern
    morph: str
    end: int
    passive: str = ""  # "be" (was criticized by), "reduced" (sanctions imposed by), or ""
    alternatives: list[Trigger] = field(default_factory=list)
    lead: int = 0  # words of a multi-word form before the head: 1 for "not ruled out" (a threat, not a denial)
    object_start: int = 0  # where the object phrase begins, when the pattern asks for one


def _tokens(nlp: Language, phrase: str) -> tuple[str, ...]:
    parts = phrase.split(" ... ")
    out: list[str] = []
    for n, part in enumerate(parts):
        if n:
            out.append("...")
        out.extend(t.lower_ for t in nlp.make_doc(part))
    return tuple(out)


PhraseIndex = dict[str, tuple[tuple[str, ...], ...]]


def _undoubled(phrase: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The phrase with one doubled letter of a long word written once ("misiles", "agression"), the
    commonest slip in typed English; long words only, so that no other real word ("planed") comes out."""
    out = set()
    for n, word in enumerate(phrase):
        if len(word) < 7:
            continue
        for i in range(len(word) - 1):
            if word[i] == word[i + 1] and word[i].isalpha():
                out.add((*phrase[:n], word[:i] + word[i + 1 :], *phrase[n + 1 :]))
    return out


def _phrases(nlp: Language, words: frozenset[str], typos: bool = False) -> PhraseIndex:
    """Phrases as token tuples, indexed by their first token, longest first; with ``typos``, also each
    phrase with a doubled letter written once (an object after an exactly spelt verb)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    phrases = {_tokens(nlp, w) for w in words}
    if typos:
        phrases |= {variant for phrase in phrases for variant in _undoubled(phrase)}
    for phrase in sorted(phrases, key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in index.items()}


def _find(seq: list[str], start: int, stop: int, phrases: PhraseIndex) -> int:
    """End index of the first phrase occurring in ``seq[start:stop]`` (-1 if none).

    A "..." element in a phrase matches up to three words ("joint ... patrol").
    """
    return _find_span(seq, start, stop, phrases)[1]


def _find_span(seq: list[str], start: int, stop: int, phrases: PhraseIndex) -> tuple[int, int]:
    """Start and end index of the first phrase occurring in ``seq[start:stop]`` ((-1, -1) if none)."""
    for i in range(start, stop):
        group = phrases.get(seq[i])
        if group is None:
            continue
        for phrase in group:
            if "..." in phrase:
                end = _match_gapped(seq, i, stop + 3, phrase)
                if end != -1:
                    return i, end
            elif tuple(seq[i : i + len(phrase)]) == phrase:
                return i, i + len(phrase)
    return -1, -1


# with the doubled backtick and apostrophe quotes of older wire copy ("``mobilize''")
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''", "`"})


def _find_unquoted(seq: list[str], start: int, stop: int, phrases: PhraseIndex, limit: int) -> int:
    """ `_find` reading through quotation marks: "called President Lai a 'parasite'", "called it a "provocation"".
    The marks do not count toward the window ("placed figures it labels "diehard separatists" under sanctions"),
    which may reach up to ``limit``. Only when the window holds a quotation mark; returns an end index in ``seq``."""
    quotes = sum(1 for k in range(start, stop) if seq[k] in _QUOTES)
    if not quotes:
        return -1
    stop = min(limit, stop + quotes)
    kept = [k for k in range(start, stop) if seq[k] not in _QUOTES]
    words = [seq[k] for k in kept]
    end = _find(words, 0, len(words), phrases)
    if end == -1:
        return -1
    return kept[end - 1] + 1


def _match_gapped(seq: list[str], i: int, stop: int, phrase: tuple[str, ...]) -> int:
    cut = phrase.index("...")
    head, tail = phrase[:cut], phrase[cut + 1 :]
    if tuple(seq[i : i + len(head)]) != head:
        return -1
    j0 = i + len(head)
    # up to three words in the gap; a hyphenated compound split by the tokenizer ("a four-day strike") is one
    hyphens = 0
    for j in range(j0, min(j0 + 10, len(seq), stop)):
        if j - j0 - 2 * hyphens > 3:
            break
        if tuple(seq[j : j + len(tail)]) == tail:
            return j + len(tail)
        if seq[j] == "-":
            hyphens += 1
    return -1


class TriggerMatcher:
    """Looks up head words and checks each candidate pattern's context."""

    def __init__(self, lexicon: Lexicon, nlp: Language) -> None:
        self.entries: dict[str, list[tuple[int, EventPattern, str, tuple[str, ...], bool]]] = {}
        self.objects: dict[str, PhraseIndex] = {}
        self.modifiers: dict[str, PhraseIndex] = {}
        self.excludes: dict[str, PhraseIndex] = {}
        self.noun_forms: set[str] = set()
        for order, pattern in enumerate(lexicon.patterns):
            self.objects[pattern.id] = _phrases(nlp, pattern.objects, typos=True)
            self.modifiers[pattern.id] = _phrases(nlp, pattern.modifiers)
            self.excludes[pattern.id] = _phrases(nlp, pattern.excludes)
            for form, morph in pattern.forms.items():
                toks = _tokens(nlp, form)
                head, pre = toks[-1], toks[:-1]
                self.entries.setdefault(head, []).append((order, pattern, morph, pre, False))
                if morph == "noun":
                    self.noun_forms.add(head)
            for typo in pattern.typos:
                self.entries.setdefault(typo, []).append((order, pattern, "past", (), True))
        self.heads = frozenset(self.entries)

    def match(self, lowers: list[str], start: int, end: int, actor_ends: dict[int, str]) -> list[Trigger]:
        """Triggers in the sentence ``[start, end)``; ``actor_ends`` maps mention end → form."""
        found: list[Trigger] = []
        for pos in range(start, end):
            options = self.entries.get(lowers[pos])
            if options is None:
                continue
            best = self._best(lowers, pos, start, end, options, actor_ends)
            if best is not None:
                found.append(best)
        return found

    def _noun_reading(self, lowers: list[str], pos: int, start: int, actor_ends: dict[int, str]) -> bool:
        prev = lowers[pos - 1] if pos > start else ""
        nxt = lowers[pos + 1] if pos + 1 < len(lowers) else ""
        if prev in _VERB_CONTEXT:
            return False
        if prev in _NOUN_CONTEXT:
            return True
        form = actor_ends.get(pos)
        if form is not None and nxt in _NOUN_FOLLOWERS:
            return True
        if form is not None:
            # "Chinese sanctions", "US-Japan talks" are nouns; "China visits" a verb
            return form in ("adjective", "prefix", "demonym", "compound")
        if pos == start or not prev.isalpha():
            return True
        # "a stern warning", "the long-awaited visit": an article a few plain words back
        for k in range(pos - 2, max(start, pos - 4) - 1, -1):
            word = lowers[k]
            if word in ("a", "an", "the"):
                return True
            if not (word.isalpha() or word == "-") or word in _VERB_CONTEXT or word in _PREPOSITIONS:
                break
        return False

    def _best(
        self,
        lowers: list[str],
        pos: int,
        start: int,
        end: int,
        options: list[tuple[int, EventPattern, str, tuple[str, ...], bool]],
        actor_ends: dict[int, str],
    ) -> Trigger | None:
        has_noun = any(morph == "noun" for _, _, morph, _, _ in options)
        has_verb = any(morph != "noun" for _, _, morph, _, _ in options)
        noun_reading = has_noun and (not has_verb or self._noun_reading(lowers, pos, start, actor_ends))
        if (
            not has_noun
            and has_verb
            and lowers[pos].endswith("ing")
            and pos > start
            and lowers[pos - 1] in ("the", "a", "an", "its", "his", "her", "their", "'s")
        ):
            return None
        # "the anti-DPRK moves", "Chinese imports": after an actor adjective the word is a noun
        if not has_noun and actor_ends.get(pos) in ("adjective", "prefix", "compound") and lowers[pos].endswith("s"):
            return None
        ranked: list[tuple[int, int, Trigger]] = []
        prev = lowers[pos - 1] if pos > start else ""
        for order, pattern, morph, pre, typo in options:
            if (morph == "noun") != noun_reading:
                continue
            # "a detained businessman", "with fire": a participle after a determiner is an
            # adjective, a base form after a preposition or determiner is a noun
            after_actor = pos in actor_ends  # "Moon Jae-in criticized": "in" closes a name
            if morph in ("past", "pp") and not after_actor and (prev in _DETERMINERS or prev in _PREPOSITIONS):
                continue  # "a detained businessman", "from occupied Gaza"
            if morph in ("base", "3sg") and not after_actor and (prev in _DETERMINERS or prev in _PREPOSITIONS):
                continue
            if pre and tuple(lowers[pos - len(pre) : pos]) != pre:
                continue
            stop = min(end, pos + 1 + OBJECT_WINDOW)
            if self.excludes[pattern.id] and _find(lowers, pos + 1, min(end, pos + 4), self.excludes[pattern.id]) != -1:
                continue
            trig_end = pos + 1
            if pattern.particles:
                nxt = [w for w in lowers[pos + 1 : min(end, pos + 3)]]
                hit = next((k for k, w in enumerate(nxt) if w in pattern.particles), -1)
                if hit == -1:
                    continue
                trig_end = pos + 2 + hit
            passive = self._passive(lowers, pos, start, end) if morph in ("past", "pp") and pattern.passive else ""
            # "the report released by the UN": a passive's object comes before it, and the excluded words
            # cancel it there as they do after an active verb
            if (
                passive
                and self.excludes[pattern.id]
                and _find(lowers, max(start, pos - 3), pos, self.excludes[pattern.id]) != -1
            ):
                continue
            if pattern.objects:
                obj_start, obj_end = _find_span(lowers, pos + 1, stop, self.objects[pattern.id])
                if obj_end == -1:
                    obj_end = _find_unquoted(lowers, pos + 1, stop, self.objects[pattern.id], end)
                    obj_start = pos + 1 if obj_end != -1 else -1
                # "sanctions ... were imposed by": the object is the passive subject
                if (
                    obj_end == -1
                    and passive == "be"
                    and _find(lowers, max(start, pos - PASSIVE_OBJECT_WINDOW), pos, self.objects[pattern.id]) != -1
                ):
                    obj_end = pos + 1
                if obj_end == -1:
                    continue
                if obj_start > pos + 1 and lowers[obj_start - 1] == "help":
                    continue  # "mobilized lobby groups to help support ...": a bare infinitive, not an object noun
                # "announced it will impose tariffs", "announced to slap tariffs": a later verb of the same
                # pattern heads the object, and its own modal or infinitive tells the mode
                if any(
                    any(o[1] is pattern and o[2] != "noun" for o in self.entries.get(lowers[k], ()))
                    for k in range(pos + 1, obj_start)
                ):
                    continue
                # the object must not lie beyond a clause boundary, nor inside a relative clause on the verb's
                # own object ("ending a standoff that had strained ties": the standoff is what ended)
                if any(w in (";", ".", ":") for w in lowers[pos + 1 : obj_end]) or any(
                    lowers[k] in _RELATIVES and k not in actor_ends for k in range(pos + 2, obj_start)
                ):
                    continue
                # an unpaired comma closes the verb's phrase: in "calling them an occupying army, diplomats
                # quoted ...", the diplomats are not summoned; "imposed, with the EU, sanctions" pairs its commas
                if obj_start > pos and lowers[pos + 1 : obj_start].count(",") % 2:
                    continue
                # nor, after a verb that takes back an intention, inside the intention's infinitive when that
                # names a hostile act: "suspended its decision to end the pact" suspends a decision, not the
                # pact (while "scrapped plans to hold talks" does call off talks)
                if lowers[pos] in REVERSAL_VERBS and self._hostile_intention(lowers, pos + 1, obj_end, start, end):
                    continue
                trig_end = max(trig_end, obj_end)
            elif typo:
                continue
            if pattern.modifiers:
                mods = [m for group in self.modifiers[pattern.id].values() for m in group]
                lo = max(start, pos - 4)
                if not any(
                    tuple(lowers[k - len(m) : k]) == m
                    for m in mods
                    for k in range(max(lo, pos - 1), pos + 1)
                    if k - len(m) >= start
                ):
                    continue
            trig = Trigger(pos, pattern, morph, trig_end, passive, lead=len(pre))
            if pattern.objects and obj_start > pos:
                trig.object_start = obj_start
            # among equally specific entries, a form that also matched words before its head ("would not meet
            # demands": a refusal) outranks the bare head ("meet demands")
            ranked.append((pattern.specificity, len(pre), -order, trig))
        if not ranked:
            return None
        ranked.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
        best = ranked[0][3]
        best.alternatives = [r[3] for r in ranked[1:]]
        return best

    def _hostile_intention(self, lowers: list[str], lo: int, hi: int, start: int, end: int) -> bool:
        """Whether ``lowers[lo:hi]`` holds "<decision|plan|...> to <verb>" whose verb, read in its own context,
        is a hostile act (rejecting, threatening, posturing, reducing relations, coercing, fighting)."""
        for k in range(lo, hi - 2):
            if lowers[k] in _INTENTIONS and lowers[k + 1] == "to":
                options = self.entries.get(lowers[k + 2])
                act = self._best(lowers, k + 2, start, end, options, {}) if options else None
                return act is not None and act.pattern.code[:2] in _HOSTILE_ROOTS
        return False

    @staticmethod
    def _passive(lowers: list[str], pos: int, start: int, end: int) -> str:
        if pos + 1 < end and lowers[pos + 1] == "of" and lowers[pos] in PASSIVE_BEFORE_OF:
            # "three Americans accused of torturing prisoners": the active form needs its object before "of"
            return "be"
        k = pos - 1
        while k >= start and lowers[k] in _PASSIVE_SKIP:
            k -= 1
        if k >= start and lowers[k] in BE_FORMS:
            return "be"
        # reduced relative: "sanctions imposed by Washington"
        return "reduced" if pos + 1 < end and lowers[pos + 1] == "by" else ""
