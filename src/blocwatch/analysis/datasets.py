"""Reference signed networks shipped with blocwatch, for checking the balance and bloc methods.

The Gahuku–Gama highland tribes (Read 1954; as a signed graph in Hage & Harary 1983,
*Structural Models in Anthropology*, pp. 56–60): 16 sub-tribes, 29 alliances (rova, +1)
and 29 enmities (hina, −1), as distributed in UCINET IV (GAMAPOS/GAMANEG).
"""

from __future__ import annotations

import csv
from importlib import resources

import numpy as np


def read_signed_edges(text: str) -> tuple[list[str], np.ndarray]:
    """Actors (in order of first appearance) and the symmetric signed matrix of a tab-separated
    edge list with columns ``tribe_a``, ``tribe_b``, ``sign``; lines starting with ``#`` are comments."""
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    edges = [(rec["tribe_a"], rec["tribe_b"], float(rec["sign"])) for rec in csv.DictReader(rows, delimiter="\t")]
    names: list[str] = []
    for a, b, _ in edges:
        names.extend(x for x in (a, b) if x not in names)
    index = {name: i for i, name in enumerate(names)}
    matrix = np.zeros((len(names), len(names)))
    for a, b, sign in edges:
        matrix[index[a], index[b]] = matrix[index[b], index[a]] = sign
    return names, matrix


def load_gahuku_gama() -> tuple[list[str], np.ndarray]:
    """The Gahuku–Gama tribes: names in UCINET order and their 16×16 signed adjacency matrix."""
    text = resources.files("blocwatch.analysis").joinpath("data/gahuku_gama.tsv").read_text("utf-8")
    return read_signed_edges(text)
