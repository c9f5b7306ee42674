"""English verb and noun inflection for lexicon entries.

Regular morphology only (the spelling rules of any English grammar: -s/-es,
-ed/-d/-ied, -ing with e-dropping, consonant doubling in stressed one-syllable
words). Irregular forms are written in the lexicon as ``lemma|past|participle``.
"""

from __future__ import annotations

import re

_VOWEL_GROUPS = re.compile(r"[aeiou]+")


def _doubles(lemma: str) -> bool:
    """One-syllable words ending consonant-vowel-consonant double the last letter."""
    if len(lemma) < 3 or lemma[-1] in "wxy" or len(_VOWEL_GROUPS.findall(lemma)) != 1:
        return False
    return lemma[-1] not in "aeiou" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou"


def third_person(lemma: str) -> str:
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if _doubles(lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def gerund(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    if _doubles(lemma):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun
    return third_person(noun)


def verb_forms(spec: str) -> dict[str, str]:
    """Map each surface form of a verb spec to its morphology.

    ``spec`` is ``lemma`` or ``lemma|past`` or ``lemma|past|participle``; the
    past participle defaults to the past. Morphology labels: base, 3sg, past,
    pp, ing. A form that is both past and participle is labelled ``past`` and
    may still head a passive.
    """
    parts = [p.strip().lower() for p in spec.split("|")]
    head = parts[0]
    past_form = parts[1] if len(parts) > 1 and parts[1] else past(head)
    pp_form = parts[2] if len(parts) > 2 and parts[2] else past_form
    ing_form = gerund(head)
    if past_form == head + head[-1] + "ed":  # doubled consonant: "expelled" → "expelling"
        ing_form = head + head[-1] + "ing"
    forms = {
        head: "base",
        third_person(head): "3sg",
        ing_form: "ing",
        past_form: "past",
    }
    forms.setdefault(pp_form, "pp")
    return forms


def noun_forms(spec: str) -> list[str]:
    """``noun`` or ``noun|plural``: the listed forms, with a regular plural by default."""
    parts = [p.strip().lower() for p in spec.split("|") if p.strip()]
    if len(parts) == 1:
        return list(dict.fromkeys([parts[0], plural(parts[0])]))
    return parts
