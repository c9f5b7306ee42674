"""Factuality of an event: asserted, negated, hypothetical or future.

A cue-and-scope method in the manner of NegEx (Chapman et al. 2001) and the
FactBank distinctions (Saurí & Pustejovsky 2009): local cues (modal verbs,
"not", "vowed to") count only inside the trigger's clause and within a few
words of it; sentence cues ("if", "unless", "it is unlikely that") govern the
rest of the sentence after them; a question is hypothetical. Precedence:
hypothetical > negated > future > asserted.
"""

from __future__ import annotations

from functools import cache

from blocwatch.lexicon.entries import Modality

LOCAL_WINDOW = 5
_INNER_NEGATION = (("no",), ("not",), ("n't",), ("never",))
_CONTRAST = frozenset({"while", "but", "whereas", "although", "though", "and"})
_HARD_BREAKS = frozenset({";", ":", "—", "--"})
# prepositions that open a fronted phrase closed by a comma: "Despite months of speculation, ..."
_FRONTED = frozenset({"despite", "amid", "following"})


MONTH_CONTEXT = frozenset(
    {"in", "by", "since", "until", "of", "early", "late", "mid", "on", "last", "next", "this", "from", "through"}
)


def without_month_may(words: list[str]) -> list[str]:
    """Blank the month "May" ("by May", "in May", "May 9") so it is not read as the modal."""
    out = list(words)
    for i, w in enumerate(out):
        if w == "may" and ((i > 0 and out[i - 1] in MONTH_CONTEXT) or (i + 1 < len(out) and out[i + 1][:1].isdigit())):
            out[i] = ""
    return out


def _has_cue(words: list[str], cues: tuple[tuple[str, ...], ...]) -> bool:
    for cue in cues:
        n = len(cue)
        first = cue[0]
        for i in range(len(words) - n + 1):
            if words[i] == first and (n == 1 or tuple(words[i : i + n]) == cue):
                return True
    return False


# words that end a list of gerunds when walking back from one of its items
_LIST_BREAKS = frozenset({";", ":", "—", "--", "which", "who", "while", "but", "said", "says", "saying"})
_LIST_SPAN = 24


def gerund_list_head(lowers: list[str], pos: int, start: int) -> int | None:
    """ "accused Washington of violating human rights, ignoring international law and sending ...": a gerund
    that continues a list opened by "of"/"for" + gerund is part of that complement, not a participle going back
    to the main clause. Position of the list's first gerund, or None. A list of gerunds is recognised only
    when it is closed by "and"/"or" before a gerund at or after ``pos``."""
    if pos - 2 < start or not lowers[pos].endswith("ing") or lowers[pos - 1] not in (",", "and", "or"):
        return None
    closed = False
    for k in range(pos - 1, min(len(lowers) - 1, pos + _LIST_SPAN)):
        if lowers[k] in _LIST_BREAKS or lowers[k] == ".":
            break
        if lowers[k] in ("and", "or") and lowers[k + 1].endswith("ing"):
            closed = True
            break
    if not closed:
        return None
    for j in range(pos - 2, max(start, pos - _LIST_SPAN) - 1, -1):
        word = lowers[j]
        if word in _LIST_BREAKS:
            return None
        if word.endswith("ing") and j - 1 >= start and lowers[j - 1] in ("of", "for"):
            return j
    return None


def clause_start(lowers: list[str], pos: int, start: int, breaks: frozenset[str]) -> int:
    k = pos - 1
    while k >= start:
        if lowers[k] in breaks:
            return k + 1
        k -= 1
    return start


def event_mode(lowers: list[str], pos: int, start: int, end: int, modality: Modality, trigger_end: int = 0) -> str:
    """Mode of the event whose trigger is at ``pos`` (ending at ``trigger_end``) in the sentence ``[start, end)``.

    Negation inside a light-verb phrase counts too: "held no talks".
    """
    left = clause_start(lowers, pos, start, modality.clause_breaks)
    window = without_month_may(lowers[max(left, pos - LOCAL_WINDOW - 1) : pos])[-LOCAL_WINDOW:]
    hard = start
    for k in range(pos - 1, start - 1, -1):
        if lowers[k] in _HARD_BREAKS or (lowers[k] in _CONTRAST and k > start and lowers[k - 1] == ","):
            hard = k + 1  # a sentence cue's scope ends at "; ..." or ", while ..."
            break
        if lowers[k + 1].endswith("ing") and lowers[k] == "," and gerund_list_head(lowers, k + 1, start) is None:
            hard = k + 1  # ", accusing Japan of ...": a participle that goes back to the main clause
            break
    if lowers[hard] in _FRONTED and hard < pos:
        # "Despite months of speculation, Kim did not travel ...": a hedge inside a fronted phrase ends at its comma
        comma = next((k for k in range(hard, pos) if lowers[k] == ","), -1)
        if comma != -1:
            hard = comma + 1
    sentence_left = without_month_may(lowers[hard:pos])
    reported_plan = _reported_would(window, sentence_left, lowers, start, end, modality)
    if (_has_cue(window, modality.hypothetical) and not reported_plan) or _has_cue(
        sentence_left, modality.hypothetical_sentence
    ):
        return "hypothetical"
    if end > start and lowers[end - 1] == "?":
        return "hypothetical"
    if _has_cue(window, modality.negation) or _has_cue(lowers[pos + 1 : trigger_end], _INNER_NEGATION):
        return "negated"
    if pos - 1 > left and lowers[pos - 1] == "or" and _has_cue(lowers[max(left, pos - 12) : pos - 1], _INNER_NEGATION):
        return "negated"  # "will not dismantle its programs or improve ties": "or" carries the negation over
    if reported_plan or _has_cue(window, modality.future):
        return "future"
    return "asserted"


_WOULD = (("would",), ("'d",))
CONDITIONS = frozenset({"if", "unless", "otherwise", "whether"})


@cache
def _other_hedges(hypothetical: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(c for c in hypothetical if c not in _WOULD)


def _reported_would(
    window: list[str], sentence_left: list[str], lowers: list[str], start: int, end: int, modality: Modality
) -> bool:
    """ "would" as the future of reported speech ("Japan said it would lift the curbs"): the only hedge near
    the trigger, after a reporting verb, in a sentence (``lowers[start:end]``) that states no condition."""
    if not _has_cue(window, _WOULD) or _has_cue(window, _other_hedges(modality.hypothetical)):
        return False
    # the reporting verb comes before the "would"; a "would" after a nominal trigger ("said the curbs would take
    # effect") has the whole left context before it
    last = max((i for i, w in enumerate(sentence_left) if w in ("would", "'d")), default=len(sentence_left))
    return reported_speech(sentence_left[:last], lowers[start:end], modality)


def reported_speech(left: list[str], sentence: list[str], modality: Modality) -> bool:
    """Whether words ``left`` of a "would" hold a reporting verb, in a ``sentence`` that states no condition."""
    return CONDITIONS.isdisjoint(sentence) and any(w in modality.reporting_verbs for w in left)
