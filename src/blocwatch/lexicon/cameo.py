"""CAMEO event codes with Goldstein weights, QuadClass and the PLOVER crosswalk.

Sources of the facts in ``data/cameo_codes.tsv``: the CAMEO 1.1b3 code list
(Gerner, Schrodt, Yilmaz, Abu-Jabr 2002), Goldstein (1992) weights as published
in the GDELT CAMEO lookup, QuadClass as defined in the GDELT 1.0 codebook
(1 = roots 01-05, 2 = 06-08, 3 = 09-13, 4 = 14-20) and the CAMEO-to-PLOVER
conversion table of the PLOVER manual (2021). Deviation: that table has no
entries for root 02 (Appeal); blocwatch maps 02 to PLOVER REQUEST, as PLOVER
folds appeals into requests. Root 01 (public statements) has no PLOVER type.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str
    plover_context: str
    name: str


class CameoTable:
    """Look up a CAMEO code; unknown sub-codes fall back to their parent code."""

    def __init__(self, rows: dict[str, CameoCode]) -> None:
        self._rows = rows

    def __contains__(self, code: str) -> bool:
        return code in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def codes(self) -> list[str]:
        return sorted(self._rows)

    def get(self, code: str) -> CameoCode:
        """Return the row for ``code`` or its nearest listed parent (raises KeyError)."""
        probe = code
        while probe:
            row = self._rows.get(probe)
            if row is not None:
                return row
            probe = probe[:-1] if len(probe) > 2 else ""
        raise KeyError(f"unknown CAMEO code {code!r}")


@cache
def load_cameo() -> CameoTable:
    text = resources.files("blocwatch.lexicon").joinpath("data/cameo_codes.tsv").read_text("utf-8")
    rows: dict[str, CameoCode] = {}
    for rec in csv.DictReader(text.splitlines(), delimiter="\t"):
        rows[rec["code"]] = CameoCode(
            code=rec["code"],
            root=rec["root"],
            quad_class=int(rec["quad_class"]),
            goldstein=float(rec["goldstein"]),
            plover_type=rec["plover_type"],
            plover_mode=rec["plover_mode"],
            plover_context=rec["plover_context"],
            name=rec["name"],
        )
    return CameoTable(rows)
