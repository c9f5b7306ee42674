"""Landscape theory of aggregation: which two-coalition splits of a system are stable, and how likely.

Follows Axelrod & Bennett (1993), "A landscape theory of aggregation", British Journal of
Political Science 23(2): 211–233, in its two-coalition case.

Each actor i has a size s_i ≥ 0 and each pair a propensity p_ij = p_ji (positive: affinity,
negative: antagonism; the diagonal is zero). A configuration X puts every actor in one of two
coalitions, labelled 0 and 1; d_ij(X) = 1 when i and j are in different coalitions, else 0.
The energy (frustration) of X is

    E(X) = Σ_i Σ_{j≠i} s_i s_j p_ij d_ij(X),

summed over ordered pairs as in Axelrod & Bennett, so every unordered pair is counted twice:
two friends of sizes 1 and 1 with p = 1 put in different coalitions give E = 2, not 1.

Only the split matters, not which side is called 0: the canonical form puts actor 0 in
coalition 0, and configuration ``k`` (0 ≤ k < 2^(n−1)) puts actor j ≥ 1 in coalition
``(k >> (j − 1)) & 1``. All 2^(n−1) configurations are enumerated with array operations in
blocks (E = 2 x·r − 2 xᵀWx with W_ij = s_i s_j p_ij, r = W·1), for up to ``MAX_ACTORS`` actors.

Dynamics are myopic single-actor moves: one actor switches coalition (switching actor 0 is,
in canonical form, every other actor switching). A configuration is a local minimum when no
move lowers its energy by more than a round-off tolerance; moves that leave the energy equal
do not count, so plateaus of equal energy consist of minima (the non-strict rule). The basin of
attraction of a minimum is the set of configurations whose steepest descent ends in it: from
each configuration the actor whose switch lowers the energy most moves, the lowest actor index
winning ties, until a minimum is reached. Basins partition the configurations.

The same energy in Ising form (spins σ_i = ±1, d_ij = (1 − σ_iσ_j)/2, J_ij = s_i s_j p_ij):

    E = Σ_{i≠j} J_ij (1 − σ_iσ_j)/2 = C − ½ Σ_{i≠j} J_ij σ_iσ_j,  C = ½ Σ_{i≠j} J_ij,

so the global minimum of the landscape is the ground state of the Ising spin glass with
couplings J (``ising_couplings``, ``ising_energy``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from blocwatch.analysis.errors import AnalysisInputError

MAX_ACTORS = 20
_BLOCK_BITS = 11
_REL_TOL = 1e-10


@dataclass(frozen=True, slots=True)
class Minimum:
    """A local minimum of the landscape and the configurations that descend into it."""

    coalitions: tuple[tuple[str, ...], tuple[str, ...]]
    labels: tuple[int, ...]
    energy: float
    basin: int
    basin_share: float
    index: int


@dataclass(frozen=True, slots=True)
class Landscape:
    """Every configuration's energy and attractor, and the local minima by basin size."""

    names: tuple[str, ...]
    energies: np.ndarray
    attractors: np.ndarray
    minima: list[Minimum]

    @property
    def n_configurations(self) -> int:
        return int(self.energies.size)

    @property
    def global_minimum(self) -> Minimum:
        """The lowest-energy minimum (the lowest configuration index among equal energies)."""
        return min(self.minima, key=lambda m: (m.energy, m.index))


def configuration_count(n_actors: int) -> int:
    """The number of distinct two-coalition configurations of ``n_actors`` actors."""
    return 1 << (n_actors - 1)


def configuration_labels(index: int, n_actors: int) -> np.ndarray:
    """The coalition labels (0/1, actor 0 in coalition 0) of canonical configuration ``index``."""
    if not 0 <= index < configuration_count(n_actors):
        raise AnalysisInputError(f"configuration {index}: use 0 ≤ index < 2^(n−1) = {configuration_count(n_actors)}")
    labels = np.zeros(n_actors, dtype=np.int64)
    labels[1:] = (index >> np.arange(n_actors - 1)) & 1
    return labels


def configuration_index(labels: Sequence[int] | np.ndarray) -> int:
    """The canonical index of a labelling; a labelling and its mirror image share one index."""
    x = np.asarray(labels, dtype=np.int64)
    if x.ndim != 1 or x.size < 2 or not np.isin(x, (0, 1)).all():
        raise AnalysisInputError("labels: give one 0/1 coalition label per actor (at least two actors)")
    if x[0] == 1:
        x = 1 - x
    return int((x[1:] << np.arange(x.size - 1)).sum())


def energy(sizes: Sequence[float] | np.ndarray, propensity: np.ndarray, labels: Sequence[int] | np.ndarray) -> float:
    """E(X) of one configuration, straight from the definition (ordered pairs)."""
    weights = _weights(*_check(sizes, propensity))
    x = np.asarray(labels)
    if x.shape != (weights.shape[0],) or not np.isin(x, (0, 1)).all():
        raise AnalysisInputError(f"labels: give a 0/1 coalition label for each of the {weights.shape[0]} actors")
    apart = x[:, None] != x[None, :]
    return float((weights * apart).sum())


def enumerate_energies(sizes: Sequence[float] | np.ndarray, propensity: np.ndarray) -> np.ndarray:
    """The energy of every canonical configuration; entry k is configuration k (see module doc)."""
    weights = _weights(*_check(sizes, propensity))
    return np.concatenate([chunk.energies for chunk in _scan(weights)])


def ising_couplings(sizes: Sequence[float] | np.ndarray, propensity: np.ndarray) -> tuple[np.ndarray, float]:
    """The Ising couplings J_ij = s_i s_j p_ij and the constant C = ½ Σ_{i≠j} J_ij."""
    couplings = _weights(*_check(sizes, propensity))
    return couplings, 0.5 * float(couplings.sum())


def ising_energy(
    sizes: Sequence[float] | np.ndarray, propensity: np.ndarray, spins: Sequence[int] | np.ndarray
) -> float | np.ndarray:
    """C − ½ Σ_{i≠j} J_ij σ_i σ_j for one spin vector (n,) or a stack of them (m, n)."""
    couplings, constant = ising_couplings(sizes, propensity)
    sigma = np.asarray(spins, dtype=float)
    if sigma.shape[-1:] != (couplings.shape[0],) or sigma.ndim > 2 or not np.isin(sigma, (-1.0, 1.0)).all():
        raise AnalysisInputError(f"spins: give ±1 for each of the {couplings.shape[0]} actors, as (n,) or (m, n)")
    values = constant - 0.5 * np.einsum("...i,ij,...j->...", sigma, couplings, sigma)
    return float(values) if sigma.ndim == 1 else values


def landscape(sizes: Sequence[float] | np.ndarray, propensity: np.ndarray, names: Sequence[str]) -> Landscape:
    """Energies, local minima and basins of attraction of every two-coalition configuration."""
    s, p = _check(sizes, propensity)
    actors = _check_names(names, s.size)
    weights = _weights(s, p)
    chunks = list(_scan(weights))
    energies = np.concatenate([c.energies for c in chunks])
    successors = np.concatenate([c.successors for c in chunks])
    attractors = _follow(successors)
    return Landscape(actors, energies, attractors, _minima(actors, energies, attractors))


@dataclass(frozen=True, slots=True)
class _Chunk:
    energies: np.ndarray
    successors: np.ndarray


def _check(sizes: Sequence[float] | np.ndarray, propensity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    s = np.asarray(sizes, dtype=float)
    p = np.asarray(propensity, dtype=float)
    if s.ndim != 1 or s.size < 2:
        raise AnalysisInputError("sizes: give one size per actor, for at least two actors")
    if s.size > MAX_ACTORS:
        raise AnalysisInputError(
            f"{s.size} actors: exhaustive landscapes take 2^(n−1) configurations; use at most {MAX_ACTORS} actors"
        )
    if not np.isfinite(s).all() or (s < 0).any():
        raise AnalysisInputError("sizes: use finite, non-negative sizes")
    if p.shape != (s.size, s.size) or not np.isfinite(p).all():
        raise AnalysisInputError(f"propensity: give a finite {s.size}×{s.size} matrix, one row per actor")
    if not np.allclose(p, p.T, rtol=1e-9, atol=1e-12):
        raise AnalysisInputError("propensity: make the matrix symmetric (p_ij = p_ji)")
    if np.any(np.diag(p) != 0):
        raise AnalysisInputError("propensity: set the diagonal to zero (an actor has no propensity to itself)")
    return s, p


def _check_names(names: Sequence[str], n: int) -> tuple[str, ...]:
    actors = tuple(str(name) for name in names)
    if len(actors) != n or len(set(actors)) != n:
        raise AnalysisInputError(f"names: give {n} distinct actor names, one per size")
    return actors


def _weights(sizes: np.ndarray, propensity: np.ndarray) -> np.ndarray:
    weights = np.outer(sizes, sizes) * (propensity + propensity.T) / 2
    np.fill_diagonal(weights, 0.0)
    return weights


def _scan(weights: np.ndarray) -> list[_Chunk]:
    """Energies and steepest-descent successors, in blocks of configurations sharing their high bits.

    A block is a fixed table of low-bit labels plus one row of high-bit labels, so the field
    h = x·W (each actor's weight towards coalition 1) is the low table's field plus one row:
    elementwise work only, no large matrix product. Then E = 2 Σ_j x_j (r_j − h_j) and the
    switch of actor j changes the energy by ΔE_j = 2 (2x_j − 1)(2h_j − r_j).
    """
    n = weights.shape[0]
    low_bits = min(n - 1, _BLOCK_BITS)
    block = 1 << low_bits
    low = np.zeros((block, n))
    low[:, 1 : low_bits + 1] = (np.arange(block)[:, None] >> np.arange(low_bits)) & 1
    low_field = low @ weights
    row_sums = weights.sum(axis=1)
    tol = _REL_TOL * max(float(np.abs(weights).sum()), np.finfo(float).tiny)
    chunks = []
    for high in range(configuration_count(n) >> low_bits):
        high_labels = np.zeros(n)
        high_labels[low_bits + 1 :] = (high >> np.arange(n - 1 - low_bits)) & 1
        x = low + high_labels
        field = low_field + high_labels @ weights
        energies = 2.0 * ((row_sums - field) * x).sum(axis=1)
        gains = (4.0 * x - 2.0) * (2.0 * field - row_sums)
        index = np.arange(high * block, (high + 1) * block, dtype=np.int64)
        chunks.append(_Chunk(energies, _successors(index, gains, tol, n)))
    return chunks


def _successors(index: np.ndarray, gains: np.ndarray, tol: float, n: int) -> np.ndarray:
    """The steepest-descent neighbour of each configuration, or itself at a local minimum."""
    best = np.argmin(gains, axis=1)
    improves = gains[np.arange(index.size), best] < -tol
    flip = np.where(best == 0, configuration_count(n) - 1, np.left_shift(1, np.maximum(best - 1, 0)))
    return np.where(improves, index ^ flip, index)


def _follow(successors: np.ndarray) -> np.ndarray:
    """Where each configuration's descent ends, by pointer jumping (next = next[next])."""
    ends = successors
    for _ in range(2 * int(np.log2(max(successors.size, 2))) + 4):
        jumped = ends[ends]
        if np.array_equal(jumped, ends):
            return ends
        ends = jumped
    raise RuntimeError("steepest descent did not settle; the energies may not be finite")


def _minima(actors: tuple[str, ...], energies: np.ndarray, attractors: np.ndarray) -> list[Minimum]:
    basins = np.bincount(attractors, minlength=energies.size)
    found = np.flatnonzero(attractors == np.arange(energies.size))
    order = sorted(found.tolist(), key=lambda k: (-int(basins[k]), float(energies[k]), k))
    return [_minimum(actors, k, float(energies[k]), int(basins[k]), energies.size) for k in order]


def _minimum(actors: tuple[str, ...], index: int, value: float, basin: int, total: int) -> Minimum:
    labels = configuration_labels(index, len(actors))
    coalitions = (
        tuple(a for a, c in zip(actors, labels, strict=True) if c == 0),
        tuple(a for a, c in zip(actors, labels, strict=True) if c == 1),
    )
    return Minimum(coalitions, tuple(int(c) for c in labels), value, basin, basin / total, index)
