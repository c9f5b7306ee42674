"""Near-duplicate detection: MinHash signatures over word 5-shingles, banded LSH.

Broder (1997) MinHash with locality-sensitive hashing in bands (Leskovec,
Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3), computed with
datasketch. 64 permutations in 8 bands of 8 rows put the detection threshold
near a Jaccard similarity of 0.77; a candidate counts as a duplicate when its
estimated similarity is at least ``THRESHOLD``. Band keys are kept in the
store, not in an in-memory index, so detection spans runs and shards.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 8
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.8
SHINGLE = 5
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@cache
def _template() -> MinHash:
    """A seeded MinHash whose permutations are generated once per process."""
    return MinHash(num_perm=NUM_PERM, seed=7)


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text (uint64 array of ``NUM_PERM`` values)."""
    template = _template()
    mh = MinHash(num_perm=NUM_PERM, seed=7, permutations=template.permutations, scheme=template.scheme)
    grams = list(shingles(text))
    if grams:
        mh.update_batch(grams)
    return mh.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[str]:
    return [
        f"{b}:{hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
        for b in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))
