"""Core–periphery structure by the correlation models of Borgatti & Everett (2000).

Borgatti, S. P. & Everett, M. G. (2000), "Models of core/periphery structures",
Social Networks 21:375–395. Both models score a partition or a coreness vector
by the Pearson correlation, over all ordered pairs i ≠ j, between the observed
tie matrix A and an ideal pattern:

* Continuous model: the pattern is c_i·c_j for a coreness vector c.
  Maximising the correlation itself is ill-posed — it is approached, but not
  attained, as c tends to a constant vector plus an infinitesimal tilt, where
  c_i·c_j becomes additive — so, in the least-squares (MINRES) form discussed
  by Boyd, Fitzgerald & Beck (2006, Social Networks 28:165–178), c is the
  rank-one fit Σ_{i≠j} (a_ij − c_i·c_j)² → min (L-BFGS with an analytic
  gradient, from the leading eigenvector of (A + Aᵀ)/2). c is reported at
  unit length with a positive sum, and the fit is B&E's correlation between
  the ties and c_i·c_j.
* Discrete model: nodes are core or periphery; the ideal pattern is 1 for
  core–core, 0 for periphery–periphery, and for core–periphery either 1
  (``ties="ones"``, the default: the core is tied to everyone, the periphery only
  to the core) or missing (``ties="missing"``: core–periphery pairs are left out
  of the correlation, Borgatti & Everett's "don't care" variant). With n ≤ 16
  nodes every partition is scored, so the answer is the global optimum; beyond
  that, best-improvement local search by single-node moves runs from
  deterministic starts (the top 10–50% of nodes on the leading eigenvector)
  and ``n_starts`` random partitions drawn from a seeded generator, and the
  best local optimum is returned.

Input is a square matrix of (valued, possibly directed) ties; the diagonal is
ignored and NaN entries are missing pairs, left out of every correlation.
Partitions whose pattern is constant on the counted pairs (no correlation) are
never chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.optimize import minimize

from blocwatch.analysis.errors import AnalysisInputError

TieRule = Literal["ones", "missing"]
TIE_RULES: tuple[str, ...] = ("ones", "missing")


@dataclass(frozen=True)
class ContinuousCorePeriphery:
    """Coreness per node (input order, unit length, positive sum) and the correlation it attains."""

    coreness: np.ndarray
    fit: float
    labels: tuple[str, ...]

    def ranking(self) -> list[tuple[str, float]]:
        """(label, coreness) from the most to the least central."""
        order = sorted(range(len(self.labels)), key=lambda i: (-self.coreness[i], i))
        return [(self.labels[i], float(self.coreness[i])) for i in order]


@dataclass(frozen=True)
class DiscreteCorePeriphery:
    """A core set, its correlation with the ideal pattern, and whether every partition was scored."""

    is_core: np.ndarray
    fit: float
    labels: tuple[str, ...]
    exhaustive: bool

    @property
    def core(self) -> tuple[int, ...]:
        """Indices of the core nodes, ascending."""
        return tuple(int(i) for i in np.flatnonzero(self.is_core))

    @property
    def members(self) -> tuple[str, ...]:
        """Labels of the core nodes, in input order."""
        return tuple(self.labels[i] for i in self.core)


# --- input --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ties:
    """Counted pairs (weights, zero on the diagonal and at NaNs) and tie values and squares on them."""

    weight: np.ndarray
    value: np.ndarray
    square: np.ndarray

    @property
    def n(self) -> int:
        return len(self.weight)


def _ties(matrix: np.ndarray | Sequence[Sequence[float]], minimum: int) -> _Ties:
    array = np.asarray(matrix, dtype=float)
    if array.ndim != 2 or array.shape[0] != array.shape[1]:
        raise AnalysisInputError(f"need a square tie matrix, got shape {array.shape}")
    if len(array) < minimum:
        raise AnalysisInputError(f"need at least {minimum} nodes, got {len(array)}")
    weight = np.isfinite(array).astype(float)
    np.fill_diagonal(weight, 0.0)
    value = np.where(weight > 0, np.nan_to_num(array), 0.0)
    counted = value[weight > 0]
    if counted.size < 2 or np.ptp(counted) == 0:
        raise AnalysisInputError("the ties do not vary, so no pattern can correlate with them")
    return _Ties(weight, value, value**2)


def _labels(labels: Sequence[str] | None, n: int) -> tuple[str, ...]:
    if labels is None:
        return tuple(str(i) for i in range(n))
    if len(labels) != n:
        raise AnalysisInputError(f"{len(labels)} labels for {n} nodes")
    return tuple(str(label) for label in labels)


# --- continuous model ---------------------------------------------------------------------------


def _squared_error_and_gradient(c: np.ndarray, ties: _Ties) -> tuple[float, np.ndarray]:
    """Σ over counted pairs of (a_ij − c_i·c_j)², and its gradient −2·[(W∘A + (W∘A)ᵀ)·c − c ∘ ((W + Wᵀ)·c²)]."""
    residual = ties.weight * (ties.value - np.outer(c, c))
    both_values = ties.value + ties.value.T
    both_weights = ties.weight + ties.weight.T
    gradient = -2.0 * (both_values @ c - c * (both_weights @ c**2))
    return float((residual**2).sum()), gradient


def _pattern_correlation(c: np.ndarray, ties: _Ties) -> float:
    counted = ties.weight > 0
    pattern = np.outer(c, c)[counted]
    if np.ptp(pattern) == 0:
        return 0.0
    return float(np.corrcoef(ties.value[counted], pattern)[0, 1])


def _unit(c: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(c))
    c = c / norm if norm > 0 else np.full(len(c), 1.0 / np.sqrt(len(c)))
    return -c if c.sum() < 0 else c


def _eigen_start(ties: _Ties) -> np.ndarray:
    """√λ·v for the leading eigenpair of (A + Aᵀ)/2 with a zero diagonal: the rank-one fit with the diagonal kept."""
    values, vectors = np.linalg.eigh((ties.value + ties.value.T) / 2.0)
    vector = vectors[:, -1] if vectors[:, -1].sum() >= 0 else -vectors[:, -1]
    return vector * np.sqrt(max(values[-1], 1e-12))


def continuous_core_periphery(
    matrix: np.ndarray | Sequence[Sequence[float]], labels: Sequence[str] | None = None
) -> ContinuousCorePeriphery:
    """Borgatti & Everett's continuous model: coreness c with c_i·c_j ≈ a_ij (least squares, i ≠ j); fit = corr."""
    ties = _ties(matrix, minimum=3)
    start = _eigen_start(ties)
    result = minimize(
        _squared_error_and_gradient,
        start,
        args=(ties,),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": 5000, "gtol": 1e-12, "ftol": 1e-15},
    )
    best = result.x if result.fun <= _squared_error_and_gradient(start, ties)[0] else start
    coreness = _unit(best)
    return ContinuousCorePeriphery(coreness, _pattern_correlation(coreness, ties), _labels(labels, ties.n))


# --- discrete model -----------------------------------------------------------------------------


def _correlation(
    count: np.ndarray, total: np.ndarray, squares: np.ndarray, ones: np.ndarray, hits: np.ndarray
) -> np.ndarray:
    """Pearson r between ties and a 0/1 pattern from sums: pairs, Σx, Σx², pairs with 1, Σx over those pairs.

    NaN where the pattern or the ties are constant on the counted pairs.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        spread_x = squares - total**2 / count
        spread_p = ones - ones**2 / count
        r = (hits - total * ones / count) / np.sqrt(spread_x * spread_p)
    return np.where((spread_p > 1e-9) & (spread_x > 1e-12), r, np.nan)


def _block_sums(ties: _Ties, core: np.ndarray) -> dict[str, np.ndarray]:
    """Sums of weights, values and squares over the core–core and periphery–periphery blocks, per row of ``core``."""
    periphery = 1.0 - core
    out = {}
    for name, block in (("w", ties.weight), ("x", ties.value), ("x2", ties.square)):
        out[f"core_{name}"] = ((core @ block) * core).sum(axis=-1)
        out[f"per_{name}"] = ((periphery @ block) * periphery).sum(axis=-1)
    return out


def _fit_from_blocks(ties: _Ties, sums: dict[str, np.ndarray], rule: str) -> np.ndarray:
    if rule == "ones":
        count, total, squares = ties.weight.sum(), ties.value.sum(), ties.square.sum()
        return _correlation(count, total, squares, count - sums["per_w"], total - sums["per_x"])
    count = sums["core_w"] + sums["per_w"]
    total = sums["core_x"] + sums["per_x"]
    return _correlation(count, total, sums["core_x2"] + sums["per_x2"], sums["core_w"], sums["core_x"])


def _score(ties: _Ties, core: np.ndarray, rule: str) -> np.ndarray:
    """Fit of each partition (rows of a 0/1 core-membership matrix); NaN where undefined."""
    return _fit_from_blocks(ties, _block_sums(ties, core), rule)


def _all_partitions(n: int) -> np.ndarray:
    codes = np.arange(2**n, dtype=np.int64)
    return ((codes[:, None] >> np.arange(n)) & 1).astype(float)


def _exhaustive(ties: _Ties, rule: str) -> tuple[np.ndarray, float]:
    partitions = _all_partitions(ties.n)
    fits = _score(ties, partitions, rule)
    if np.isnan(fits).all():
        raise AnalysisInputError("no partition gives a defined correlation")
    best = int(np.nanargmax(fits))
    return partitions[best], float(fits[best])


def _flip_fits(ties: _Ties, core: np.ndarray, rule: str) -> np.ndarray:
    """Fit after moving each single node to the other side, from the current block sums in O(n²)."""
    periphery = 1.0 - core
    direction = 1.0 - 2.0 * core  # +1: the node joins the core, −1: it leaves
    sums = {}
    for name, block in (("w", ties.weight), ("x", ties.value), ("x2", ties.square)):
        both = block + block.T
        sums[f"core_{name}"] = core @ block @ core + direction * (both @ core)
        sums[f"per_{name}"] = periphery @ block @ periphery - direction * (both @ periphery)
    return _fit_from_blocks(ties, sums, rule)


def _climb(ties: _Ties, core: np.ndarray, rule: str) -> tuple[np.ndarray, float]:
    """Best-improvement single-node moves until none raises the fit."""
    core = core.copy()
    current = float(_score(ties, core[None, :], rule)[0])
    while True:
        fits = _flip_fits(ties, core, rule)
        if np.isnan(fits).all():
            return core, current
        node = int(np.nanargmax(fits))
        if not (np.isnan(current) or fits[node] > current + 1e-12):
            return core, current
        core[node] = 1.0 - core[node]
        current = float(fits[node])


def _starts(ties: _Ties, n_starts: int, seed: int) -> list[np.ndarray]:
    order = np.argsort(-_eigen_start(ties), kind="stable")
    starts = []
    for share in (0.1, 0.2, 0.3, 0.4, 0.5):
        core = np.zeros(ties.n)
        core[order[: max(2, round(share * ties.n))]] = 1.0
        starts.append(core)
    rng = np.random.default_rng(seed)
    starts.extend(rng.integers(0, 2, size=(n_starts, ties.n)).astype(float))
    return starts


def _local_search(ties: _Ties, rule: str, n_starts: int, seed: int) -> tuple[np.ndarray, float]:
    best, best_fit = None, -np.inf
    for start in _starts(ties, n_starts, seed):
        core, fit = _climb(ties, start, rule)
        if not np.isnan(fit) and fit > best_fit + 1e-12:
            best, best_fit = core, fit
    if best is None:
        raise AnalysisInputError("no partition gives a defined correlation")
    return best, best_fit


def discrete_core_periphery(
    matrix: np.ndarray | Sequence[Sequence[float]],
    labels: Sequence[str] | None = None,
    ties: TieRule = "ones",
    exhaustive_max: int = 16,
    n_starts: int = 20,
    seed: int = 0,
) -> DiscreteCorePeriphery:
    """Borgatti & Everett's discrete model: the core set whose ideal pattern correlates best with the ties.

    ``ties`` sets the ideal core–periphery entry: "ones" (1, the default) or "missing" (left out). Up to
    ``exhaustive_max`` nodes every partition is scored; larger graphs use seeded multi-start local search.
    """
    if ties not in TIE_RULES:
        raise AnalysisInputError(f"ties {ties!r}: use one of {', '.join(TIE_RULES)}")
    data = _ties(matrix, minimum=3 if ties == "ones" else 4)
    exhaustive = data.n <= exhaustive_max
    if exhaustive:
        core, fit = _exhaustive(data, ties)
    else:
        core, fit = _local_search(data, ties, n_starts, seed)
    return DiscreteCorePeriphery(core.astype(bool), fit, _labels(labels, data.n), exhaustive)
