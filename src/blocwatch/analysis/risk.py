"""A text-based geopolitical risk index after Caldara & Iacoviello (2022), "Measuring Geopolitical Risk".

As in the paper, the index of a period is the share of its documents that match a search for
geopolitical tension, normalised so that its mean over a base period is 100 (the recent GPR uses
1985-2019, the historical GPRH 1900-2019). A document matches when it falls in at least one of
eight categories: five of threats (war threats, peace threats, military buildups, nuclear threats,
terror threats; the GPRT subindex) and three of acts (beginning of war, escalation of war, terror
acts; the GPRA subindex). A category is found when words of two groups occur close together
("threat" near "war", as the paper's N/2 proximity searches) or when a standalone phrase occurs.
The country variant counts the documents that match AND mention the country, over all documents.

The word lists are blocwatch's own and live in ``data/risk_terms.yaml``; metaphors such as
"trade war" or "war on drugs" are masked before matching (see that file).
"""

from __future__ import annotations

import bisect
import csv
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml

from blocwatch.analysis.errors import AnalysisInputError

TERMS_FILE = "risk_terms.yaml"
KINDS = ("threat", "act")
Period = Literal["day", "month", "quarter", "year"]
PeriodKey = str | date | int

_TOKEN = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[\"'“‘(\[A-Z0-9])|\n\s*\n")


# --------------------------------------------------------------------------- term sets


@dataclass(frozen=True)
class TermSet:
    """A list of words/phrases compiled to one regular expression over space-joined tokens."""

    entries: tuple[str, ...]
    pattern: re.Pattern[str] = field(compare=False)

    @classmethod
    def build(cls, entries: Iterable[Any], where: str) -> TermSet:
        words = tuple(_check_entry(entry, where) for entry in entries)
        alternatives = sorted((_phrase_regex(entry) for entry in words), key=len, reverse=True)
        body = "|".join(alternatives) if alternatives else r"(?!x)x"
        return cls(entries=words, pattern=re.compile(rf"(?<![^ ])(?:{body})(?![^ ])"))


def _check_entry(entry: Any, where: str) -> str:
    if not isinstance(entry, str) or not entry.strip():
        raise AnalysisInputError(f"{where}: term {entry!r} is not a word or phrase (quote YAML words like 'no')")
    return " ".join(entry.lower().split())


def _phrase_regex(phrase: str) -> str:
    """``"air strike*"`` -> ``air strike[a-z0-9]*``; words are whole tokens."""
    parts = []
    for word in phrase.replace("-", " ").split():
        prefix = word.endswith("*")
        stem = re.escape(word.rstrip("*"))
        parts.append(f"{stem}[a-z0-9]*" if prefix else stem)
    return " ".join(parts)


@dataclass(frozen=True)
class Category:
    """One search category: proximity pairs of groups and/or standalone phrases."""

    name: str
    kind: str
    near: tuple[tuple[str, str], ...]
    alone: TermSet


@dataclass(frozen=True)
class RiskTerms:
    """The whole search: word groups, masked metaphors, categories and the proximity window."""

    window: int
    groups: Mapping[str, TermSet]
    metaphors: TermSet
    categories: tuple[Category, ...]

    def names(self, kind: str) -> frozenset[str]:
        """The categories of one kind ("threat" or "act")."""
        return frozenset(category.name for category in self.categories if category.kind == kind)


def load_risk_terms(path: str | Path | None = None) -> RiskTerms:
    """Read a term file (by default the shipped ``risk_terms.yaml``)."""
    if path is None:
        return default_terms()
    return _parse_terms(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


@cache
def default_terms() -> RiskTerms:
    """The shipped term sets (parsed once)."""
    text = resources.files("blocwatch.analysis").joinpath("data", TERMS_FILE).read_text(encoding="utf-8")
    return _parse_terms(yaml.safe_load(text))


def _parse_terms(raw: Mapping[str, Any]) -> RiskTerms:
    groups = {name: TermSet.build(entries, f"group {name}") for name, entries in raw["groups"].items()}
    categories = tuple(_parse_category(name, spec, groups) for name, spec in raw["categories"].items())
    window = int(raw.get("window", 2))
    if window < 0:
        raise AnalysisInputError("window must be >= 0")
    return RiskTerms(
        window=window,
        groups=groups,
        metaphors=TermSet.build(raw.get("metaphors") or [], "metaphors"),
        categories=categories,
    )


def _parse_category(name: str, spec: Mapping[str, Any], groups: Mapping[str, TermSet]) -> Category:
    kind = spec.get("kind")
    if kind not in KINDS:
        raise AnalysisInputError(f"category {name}: kind must be one of {KINDS}, not {kind!r}")
    pairs = tuple((str(first), str(second)) for first, second in spec.get("near") or [])
    unknown = {group for pair in pairs for group in pair if group not in groups}
    if unknown:
        raise AnalysisInputError(f"category {name}: unknown groups {sorted(unknown)}")
    alone = TermSet.build(spec.get("alone") or [], f"category {name}")
    if not pairs and not alone.entries:
        raise AnalysisInputError(f"category {name} has neither near pairs nor alone phrases")
    return Category(name=name, kind=kind, near=pairs, alone=alone)


# --------------------------------------------------------------------------- matching


@dataclass
class _Sentence:
    """A sentence as space-joined tokens, with the tokens covered by masked metaphors."""

    text: str
    starts: list[int]
    masked: set[int]

    @classmethod
    def of(cls, raw: str, metaphors: TermSet) -> _Sentence:
        tokens = _TOKEN.findall(_POSSESSIVE.sub("", raw.lower()))
        text = " ".join(tokens)
        starts = list(accumulate((len(token) + 1 for token in tokens[:-1]), initial=0)) if tokens else []
        sentence = cls(text=text, starts=starts, masked=set())
        sentence.masked = {i for first, last in sentence.spans(metaphors, masked=False) for i in range(first, last + 1)}
        return sentence

    def spans(self, terms: TermSet, masked: bool = True) -> list[tuple[int, int]]:
        """(first, last) token indices of each occurrence, leaving out those touching a mask."""
        found = []
        for match in terms.pattern.finditer(self.text):
            first = bisect.bisect_right(self.starts, match.start()) - 1
            last = bisect.bisect_right(self.starts, match.end() - 1) - 1
            if not masked or not any(i in self.masked for i in range(first, last + 1)):
                found.append((first, last))
        return found


def _sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_BREAK.split(text) if part and part.strip()]


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int | None:
    """Number of words strictly between two spans; None when they overlap."""
    if a[1] < b[0]:
        return b[0] - a[1] - 1
    if b[1] < a[0]:
        return a[0] - b[1] - 1
    return None


def _close(a: list[tuple[int, int]], b: list[tuple[int, int]], window: int) -> bool:
    """Whether some span of ``a`` and some span of ``b`` are at most ``window`` words apart."""
    return any((gap := _gap(x, y)) is not None and gap <= window for x in a for y in b)


def _sentence_categories(sentence: _Sentence, terms: RiskTerms, skip: set[str]) -> set[str]:
    found: set[str] = set()
    spans: dict[str, list[tuple[int, int]]] = {}

    def group(name: str) -> list[tuple[int, int]]:
        if name not in spans:
            spans[name] = sentence.spans(terms.groups[name])
        return spans[name]

    for category in terms.categories:
        if category.name in skip:
            continue
        if sentence.spans(category.alone) or any(
            _close(group(first), group(second), terms.window) for first, second in category.near
        ):
            found.add(category.name)
    return found


def match_document(text: str, terms: RiskTerms | None = None) -> set[str]:
    """The GPR categories a document falls in (empty set: not a geopolitical-risk document)."""
    terms = terms or default_terms()
    found: set[str] = set()
    for raw in _sentences(text):
        found |= _sentence_categories(_Sentence.of(raw, terms.metaphors), terms, found)
        if len(found) == len(terms.categories):
            break
    return found


def country_patterns(countries: Mapping[str, Sequence[str]]) -> dict[str, re.Pattern[str]]:
    """One case-sensitive whole-word pattern per country from its names ("China", "Beijing", ...)."""
    patterns = {}
    for country, names in countries.items():
        cleaned = sorted({name.strip() for name in names if name.strip()}, key=len, reverse=True)
        if not cleaned:
            raise AnalysisInputError(f"country {country!r} has no names")
        body = "|".join(re.escape(name) for name in cleaned)
        patterns[country] = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
    return patterns


# --------------------------------------------------------------------------- per-period shares


@dataclass
class PeriodRisk:
    """Counts for one period; shares are percentages of all documents, as the published SHARE_GPR."""

    period: str
    documents: int = 0
    gpr: int = 0
    threats: int = 0
    acts: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)

    def _percent(self, count: int) -> float:
        return 100.0 * count / self.documents if self.documents else math.nan

    @property
    def share(self) -> float:
        """Percent of documents matching any category (GPR)."""
        return self._percent(self.gpr)

    @property
    def share_threats(self) -> float:
        """Percent of documents matching a threat category (GPRT)."""
        return self._percent(self.threats)

    @property
    def share_acts(self) -> float:
        """Percent of documents matching an act category (GPRA)."""
        return self._percent(self.acts)

    def category_share(self, category: str) -> float:
        return self._percent(self.categories.get(category, 0))

    def country_share(self, country: str) -> float:
        """Percent of all documents that match AND mention the country."""
        return self._percent(self.countries.get(country, 0))


def period_key(day: date | datetime | str, period: Period = "month") -> str:
    """``"2019-08-23"``, ``"2019-08"``, ``"2019-Q3"`` or ``"2019"`` for a date (or ISO date string)."""
    when = date.fromisoformat(day[:10]) if isinstance(day, str) else day
    if period == "day":
        return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "quarter":
        return f"{when.year:04d}-Q{(when.month - 1) // 3 + 1}"
    if period == "year":
        return f"{when.year:04d}"
    raise AnalysisInputError(f"unknown period {period!r}")


def _count(row: PeriodRisk, text: str, terms: RiskTerms, countries: Mapping[str, re.Pattern[str]]) -> None:
    row.documents += 1
    found = match_document(text, terms)
    if not found:
        return
    row.gpr += 1
    row.threats += bool(found & terms.names("threat"))
    row.acts += bool(found & terms.names("act"))
    for name in found:
        row.categories[name] = row.categories.get(name, 0) + 1
    for country, pattern in countries.items():
        if pattern.search(text):
            row.countries[country] = row.countries.get(country, 0) + 1


def risk_shares(
    docs: Iterable[tuple[date | datetime | str, str]],
    *,
    countries: Mapping[str, Sequence[str]] | None = None,
    period: Period = "month",
    terms: RiskTerms | None = None,
) -> dict[str, PeriodRisk]:
    """Counts and shares of GPR documents per period, in period order.

    ``docs`` yields (date, text); ``countries`` maps a country label to the names that mark a
    mention (matched case-sensitively as whole words, so pass "US" but not "us").
    """
    terms = terms or default_terms()
    patterns = country_patterns(countries or {})
    rows: dict[str, PeriodRisk] = {}
    for day, text in docs:
        key = period_key(day, period)
        row = rows.setdefault(key, PeriodRisk(period=key, countries=dict.fromkeys(patterns, 0)))
        _count(row, text, terms, patterns)
    return dict(sorted(rows.items()))


def share_series(rows: Mapping[str, PeriodRisk], measure: str = "gpr") -> dict[str, float]:
    """``{period: percent}`` for "gpr", "threats", "acts" or one category name."""
    getters = {"gpr": lambda r: r.share, "threats": lambda r: r.share_threats, "acts": lambda r: r.share_acts}
    if measure in getters:
        return {key: getters[measure](row) for key, row in rows.items()}
    return {key: row.category_share(measure) for key, row in rows.items()}


def country_series(rows: Mapping[str, PeriodRisk], country: str) -> dict[str, float]:
    """``{period: percent}`` of documents that match and mention ``country``."""
    return {key: row.country_share(country) for key, row in rows.items()}


# --------------------------------------------------------------------------- normalisation


def _period_text(value: PeriodKey) -> str:
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, int):
        return f"{value:04d}"
    return str(value)


def in_base(key: PeriodKey, base: tuple[PeriodKey, PeriodKey]) -> bool:
    """Whether a period lies in ``base`` (inclusive); bounds may be coarser, e.g. ``(1985, 2019)``."""
    start, end = _period_text(base[0]), _period_text(base[1])
    text = _period_text(key)
    return start <= text and text[: len(end)] <= end


def normalise(
    shares: Mapping[Any, float] | Sequence[float] | np.ndarray,
    base: tuple[PeriodKey, PeriodKey],
    periods: Sequence[PeriodKey] | None = None,
) -> dict[Any, float] | np.ndarray:
    """Index = share / mean(share over the base periods) * 100.

    ``shares`` is a mapping period -> share (a dict comes back) or an array with its ``periods``
    (an array comes back). Periods are dates or ISO-like strings ("1985-01"); the base bounds
    are inclusive and may be coarser (``(1985, 2019)`` = January 1985 to December 2019). Missing
    (NaN) shares are ignored in the base mean and stay NaN.
    """
    if isinstance(shares, Mapping):
        keys = list(shares)
        values = np.array([shares[key] for key in keys], dtype=np.float64)
    else:
        if periods is None:
            raise AnalysisInputError("an array of shares needs its periods")
        keys = list(periods)
        values = np.asarray(shares, dtype=np.float64)
        if len(keys) != values.size:
            raise AnalysisInputError("shares and periods differ in length")
    index = values / _base_mean(values, keys, base) * 100.0
    return dict(zip(keys, index.tolist(), strict=True)) if isinstance(shares, Mapping) else index


def _base_mean(values: np.ndarray, keys: Sequence[PeriodKey], base: tuple[PeriodKey, PeriodKey]) -> float:
    chosen = np.array([in_base(key, base) for key in keys], dtype=bool) & ~np.isnan(values)
    if not chosen.any():
        raise AnalysisInputError(f"no share inside the base period {base}")
    mean = float(values[chosen].mean())
    if mean == 0:
        raise AnalysisInputError("the base-period mean share is zero")
    return mean


# --------------------------------------------------------------------------- published GPR file


def read_gpr_export(path: str | Path) -> dict[str, dict[str, float]]:
    """The numeric columns of Caldara & Iacoviello's ``data_gpr_export`` as ``{column: {"YYYY-MM": value}}``.

    Months are written dd/mm/yyyy in the file; blank cells are left out; text columns
    (``var_name``, ``var_label``) and rows without a month are skipped.
    """
    columns: dict[str, dict[str, float]] = {}
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            month = (row.pop("month", "") or "").strip()
            if not month:
                continue
            key = _gpr_month(month)
            for name, cell in row.items():
                value = _number(cell)
                if name and value is not None:
                    columns.setdefault(name, {})[key] = value
    return columns


def _gpr_month(text: str) -> str:
    _day, month, year = text.split("/")
    return f"{int(year):04d}-{int(month):02d}"


def _number(cell: str | None) -> float | None:
    try:
        return float(cell) if cell not in (None, "") else None
    except ValueError:
        return None
