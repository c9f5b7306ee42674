"""Is this text codable English? Cheap checks on a document before coding.

Binary data (NUL bytes or many control characters), raw HTML (visible text kept, scripts and styles
dropped) and language by function-word rates: the share of the most frequent English function words,
the classic stop-word method of language identification (Grefenstette 1995), with a second list of
other Latin-script languages' function words for texts too short to judge by the rate alone.
"""

from __future__ import annotations

import html
import re
from functools import cache
from importlib import resources

import yaml

_TAG = re.compile(r"<[^>]{0,2000}>")
_SCRIPT = re.compile(r"(?is)<(script|style|noscript)[^>]*>.*?</\1>")
HTML_HINT = re.compile(r"(?i)<(html|body|div|p|span|a|br|table|script|head)[\s>/]")
_WORD = re.compile(r"[A-Za-z]+")


_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    if "\x00" in sample:
        return True
    return len(sample) > 0 and len(_UNPRINTABLE.findall(sample)) / len(sample) > 0.1


def strip_markup(text: str) -> str:
    """Visible text of an HTML fragment, same length not needed (offsets refer to the stripped text)."""
    text = _SCRIPT.sub(" ", text)
    text = re.sub(r"(?i)<(br|/p|/div|/h\d|/li|/tr)[^>]*>", "\n", text)
    return html.unescape(_TAG.sub(" ", text))


@cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """English and foreign function words from the shipped lexicon data."""
    data = yaml.safe_load(resources.files("blocwatch.lexicon").joinpath("data/function_words.yaml").read_text("utf-8"))
    return frozenset(data["english"]), frozenset(data["foreign"])


def looks_english(text: str) -> bool:
    words = _WORD.findall(text[:20000].lower())
    if len(words) < 8:
        # too short to judge: a headline in Latin script passes; other scripts do not
        letters = sum(ch.isalpha() for ch in text[:2000])
        ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text[:2000])
        return letters == 0 or ascii_letters / letters > 0.8
    english, other = _function_words()
    hits = sum(1 for w in words if w in english)
    if hits / len(words) > 0.08:
        return True
    # a single sentence may have few function words ("Arab League Secretary General Chadli Klibi undertook
    # mediation mission between Syria and Palestinian leader Yasser Arafat"): short Latin-script text passes
    # unless another language's function words outnumber the English ones
    foreign = sum(1 for w in words if w in other)
    return len(words) < 40 and (foreign == 0 or foreign < hits)
