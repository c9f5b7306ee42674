"""Event triggers: verbs and nominalizations from the pattern lexicon, checked in context.

A trigger is a head word (a verb form or a noun) plus the context its pattern
asks for: an object phrase after a light verb ("held talks", "imposed
sanctions"), a particle ("crack down"), a modifier before a noun ("joint
drills"). This is the verb-pattern idea of TABARI/PETRARCH dictionaries,
matched over tokens instead of a parse. Cheap typo tolerance: adjacent-letter
transpositions of a verb ("singed") count only when the object is present.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from blocwatch.lexicon.entries import EventPattern
from blocwatch.lexicon.loader import Lexicon

OBJECT_WINDOW = 7
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
_NOUN_FOLLOWERS = frozenset({"on", "against", "to", "with", "between", "of", "by", "from", "over"})
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
    passive: bool = False


def _tokens(nlp: Language, phrase: str) -> tuple[str, ...]:
    return tuple(t.lower_ for t in nlp.make_doc(phrase))


def _phrases(nlp: Language, words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({_tokens(nlp, w) for w in words}, key=len, reverse=True))


def _find(seq: list[str], start: int, stop: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """End index of the first phrase occurring in ``seq[start:stop]`` (-1 if none)."""
    for i in range(start, stop):
        word = seq[i]
        for phrase in phrases:
            if phrase[0] == word and tuple(seq[i : i + len(phrase)]) == phrase:
                return i + len(phrase)
    return -1


class TriggerMatcher:
    """Looks up head words and checks each candidate pattern's context."""

    def __init__(self, lexicon: Lexicon, nlp: Language) -> None:
        self.entries: dict[str, list[tuple[int, EventPattern, str, tuple[str, ...], bool]]] = {}
        self.objects: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.modifiers: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.excludes: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.noun_forms: set[str] = set()
        for order, pattern in enumerate(lexicon.patterns):
            self.objects[pattern.id] = _phrases(nlp, pattern.objects)
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
        consumed_until = -1
        for pos in range(start, end):
            word = lowers[pos]
            options = self.entries.get(word)
            if options is None or pos < consumed_until:
                continue
            best = self._best(lowers, pos, start, end, options, actor_ends)
            if best is None:
                continue
            found.append(best)
            if best.end > pos + 1:
                consumed_until = best.end
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
        return pos == start or not prev.isalpha()

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
        ranked: list[tuple[int, int, Trigger]] = []
        for order, pattern, morph, pre, typo in options:
            if (morph == "noun") != noun_reading:
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
            if pattern.objects:
                obj_end = _find(lowers, pos + 1, stop, self.objects[pattern.id])
                if obj_end == -1:
                    continue
                # the object must not lie beyond a clause boundary
                if any(w in (";", ".", ":") for w in lowers[pos + 1 : obj_end]):
                    continue
                trig_end = max(trig_end, obj_end)
            elif typo:
                continue
            if pattern.modifiers:
                mods = self.modifiers[pattern.id]
                lo = max(start, pos - 4)
                if not any(
                    tuple(lowers[k - len(m) : k]) == m
                    for m in mods
                    for k in range(max(lo, pos - 1), pos + 1)
                    if k - len(m) >= start
                ):
                    continue
            passive = morph in ("past", "pp") and pattern.passive and self._is_passive(lowers, pos, start, end)
            trig = Trigger(pos, pattern, morph, trig_end, passive)
            ranked.append((pattern.specificity, -order, trig))
        if not ranked:
            return None
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
        return ranked[0][2]

    @staticmethod
    def _is_passive(lowers: list[str], pos: int, start: int, end: int) -> bool:
        k = pos - 1
        while k >= start and lowers[k] in _PASSIVE_SKIP:
            k -= 1
        if k >= start and lowers[k] in BE_FORMS:
            return True
        # reduced relative: "sanctions imposed by Washington"
        return pos + 1 < end and lowers[pos + 1] == "by"
