"""Event dates from the sentence, anchored on the document date.

Resolves the expressions wire copy uses (TimeML's DATE type, Pustejovsky et
al. 2003, restricted to what news states about single days): "on May 9",
"May 9, 2019", "9 May", ISO dates, weekdays ("on Thursday", "last Friday"),
"yesterday", "today", "tomorrow". A weekday refers to the most recent such day
on or before the document date, or the next one for a future event. Without
an expression the event takes the document date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MONTH_DAY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(
    r"\b(?:(last|this|next|on|On|Last|This|Next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_RELATIVE = re.compile(r"\b(yesterday|today|tomorrow)\b", re.IGNORECASE)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_date(month_name: str, day: str, year: str | None, anchor: date | None) -> date | None:
    month = MONTHS[month_name.lower().rstrip(".")]
    if year:
        return _safe(int(year), month, int(day))
    if anchor is None:
        return None
    found = _safe(anchor.year, month, int(day))
    if found is not None and found - anchor > timedelta(days=60):
        found = _safe(anchor.year - 1, month, int(day))
    return found


def resolve(sentence: str, anchor: date | None, future: bool = False) -> tuple[date | None, tuple[int, int] | None]:
    """The date a sentence states for its event, with the span of the expression."""
    candidates: list[tuple[int, date, tuple[int, int]]] = []
    for m in _ISO.finditer(sentence):
        d = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            candidates.append((m.start(), d, m.span()))
    for m in _MONTH_DAY.finditer(sentence):
        d = _month_date(m.group(1), m.group(2), m.group(3), anchor)
        if d:
            candidates.append((m.start(), d, m.span()))
    for m in _DAY_MONTH.finditer(sentence):
        d = _month_date(m.group(2), m.group(1), m.group(3), anchor)
        if d:
            candidates.append((m.start(), d, m.span()))
    if anchor is not None:
        for m in _WEEKDAY.finditer(sentence):
            qualifier = (m.group(1) or "").lower()
            target = WEEKDAYS[m.group(2).lower()]
            if qualifier == "next" or (future and qualifier != "last"):
                delta = (target - anchor.weekday()) % 7 or 7
                d = anchor + timedelta(days=delta)
            else:
                delta = (anchor.weekday() - target) % 7
                if qualifier == "last" and delta == 0:
                    delta = 7
                d = anchor - timedelta(days=delta)
            candidates.append((m.start(), d, m.span()))
        for m in _RELATIVE.finditer(sentence):
            word = m.group(1).lower()
            shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
            candidates.append((m.start(), anchor + timedelta(days=shift), m.span()))
    if not candidates:
        return anchor, None
    candidates.sort(key=lambda c: c[0])
    _, d, span = candidates[0]
    return d, span
