"""Structural balance of a signed network (Cartwright & Harary 1956).

Three measures on a symmetric signed weighted adjacency matrix (0 = no tie; actor names are
kept by the caller):

* the triangle index — the share of closed triads whose sign product is positive
  (Cartwright & Harary 1956), counted with traces of the sign matrix;
* the walk-based index K = tr exp(A) / tr exp(|A|) of Estrada & Benzi (2014), "Walk-based
  measure of balance in signed networks", Phys. Rev. E 90, 042802 — 1 for a balanced network,
  below 1 otherwise, with closed walks discounted by the factorial of their length;
* the frustration (line) index — the least number (or weight) of ties that are negative inside
  or positive between the two sides of a bipartition (Harary 1959). It is computed exactly as
  the binary linear program of Aref, Mason & Wilson (2018), "Computing the line index of balance
  using integer programming optimisation", and (2020) "A modeling and computational study of the
  frustration index in signed networks", Networks 75: 95–110: one binary side variable per node,
  one frustration variable per tie and the side of one node per component fixed; blocwatch adds
  the valid cut that every unbalanced triangle frustrates at least one of its ties. It is solved
  with HiGHS through ``scipy.optimize.milp``. For large networks a multi-start local search
  (greedy node flips followed by Kernighan & Lin 1970 passes) gives an upper bound.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.linalg import eigh
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse.csgraph import connected_components
from scipy.special import logsumexp

from blocwatch.analysis.errors import AnalysisInputError

EXACT_MAX_NODES = 25
HEURISTIC_RESTARTS = 20
_TOL = 1e-9
_MAX_STEPS_PER_PAIR = 10


@dataclass(frozen=True, slots=True)
class TriangleBalance:
    balanced: int
    total: int
    ratio: float


@dataclass(frozen=True, slots=True)
class Frustration:
    value: float
    partition: np.ndarray
    exact: bool


def check_signed(matrix: np.ndarray, *, symmetric: bool = True) -> np.ndarray:
    """A float copy of a square, finite signed matrix with its diagonal (self-ties) set to zero."""
    a = np.array(matrix, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise AnalysisInputError(f"expected a square matrix, got shape {a.shape}")
    if not np.isfinite(a).all():
        raise AnalysisInputError("matrix has non-finite entries")
    if symmetric and not np.allclose(a, a.T):
        raise AnalysisInputError("matrix must be symmetric (an undirected signed network)")
    np.fill_diagonal(a, 0.0)
    return a


def signs(matrix: np.ndarray) -> np.ndarray:
    """The sign matrix (+1, −1, 0) of a signed weighted matrix, without self-ties."""
    return np.sign(check_signed(matrix, symmetric=False)).astype(int)


def triangle_balance(matrix: np.ndarray) -> TriangleBalance:
    """Triangles with three nonzero ties, and those among them whose sign product is positive.

    With S the sign matrix, tr(|S|³)/6 counts triangles and tr(S³)/6 is balanced minus
    unbalanced ones. The ratio is NaN when there is no triangle.
    """
    s = signs(check_signed(matrix)).astype(np.int64)
    total = int(np.trace(np.linalg.matrix_power(np.abs(s), 3))) // 6
    surplus = int(np.trace(np.linalg.matrix_power(s, 3))) // 6
    balanced = (total + surplus) // 2
    return TriangleBalance(balanced=balanced, total=total, ratio=balanced / total if total else float("nan"))


def walk_balance(matrix: np.ndarray, weighted: bool = False) -> float:
    """Estrada & Benzi's K = tr exp(A) / tr exp(|A|) on the sign matrix (or on the weights).

    Computed from eigenvalues with log-sum-exp so large weights do not overflow.
    """
    a = check_signed(matrix)
    if not weighted:
        a = np.sign(a)
    signed = eigh(a, eigvals_only=True)
    unsigned = eigh(np.abs(a), eigvals_only=True)
    return float(np.exp(logsumexp(signed) - logsumexp(unsigned)))


def frustration_index(matrix: np.ndarray, exact: bool | None = None, weighted: bool = False) -> Frustration:
    """The least number (or, with ``weighted``, total |weight|) of ties violating some bipartition.

    ``exact=None`` solves the integer program for up to 25 actors and runs the local search above
    that; ``exact=True`` always solves the program, ``exact=False`` always runs the search. The
    partition is a 0/1 vector with actor 0 on side 0; ``exact`` reports whether optimality is proven.
    """
    a = check_signed(matrix)
    w = a if weighted else np.sign(a)
    if not np.any(w):
        return Frustration(0.0, np.zeros(len(w), dtype=int), True)
    if exact is None:
        exact = len(w) <= EXACT_MAX_NODES
    if exact:
        side, proven = _frustration_milp(w)
    else:
        side, proven = _frustration_local_search(w), False
    side = _canonical_sides(side)
    return Frustration(frustration_of(w, side), side, proven)


def frustration_of(matrix: np.ndarray, partition: np.ndarray) -> float:
    """Total |weight| of the ties a 0/1 ``partition`` frustrates (negative inside, positive across)."""
    a = check_signed(matrix)
    spin = 1 - 2 * np.asarray(partition, dtype=float)
    frustrated = a * np.outer(spin, spin) < 0
    return float(np.abs(a)[frustrated].sum() / 2)


def _canonical_sides(side: np.ndarray) -> np.ndarray:
    side = np.asarray(side, dtype=int)
    return side ^ side[0] if len(side) else side


def _edges(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    i, j = np.nonzero(np.triu(w, k=1))
    return i, j


def _frustration_milp(w: np.ndarray) -> tuple[np.ndarray, bool]:
    """Aref–Mason–Wilson binary program: x_i = side of node i, f_ij ≥ |x_i − x_j| for a positive
    tie and f_ij ≥ |x_i + x_j − 1| for a negative one; minimise Σ |w_ij| f_ij."""
    n = len(w)
    i, j = _edges(w)
    m = len(i)
    constraints = [_tie_constraints(np.sign(w[i, j]), i, j, n)]
    cuts = _unbalanced_triangle_cuts(w, i, j, n)
    if cuts is not None:
        constraints.append(LinearConstraint(cuts, 1.0, np.inf))
    upper = np.ones(n + m)
    upper[_component_roots(w)] = 0.0
    cost = np.concatenate([np.zeros(n), np.abs(w[i, j])])
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    result = milp(cost, constraints=constraints, integrality=integrality, bounds=Bounds(0.0, upper))
    if result.x is None:
        return _frustration_local_search(w), False
    return np.round(result.x[:n]).astype(int), bool(result.status == 0)


def _tie_constraints(sigma: np.ndarray, i: np.ndarray, j: np.ndarray, n: int) -> LinearConstraint:
    """Two rows per tie e = (i, j) with sign σ and frustration variable f_e:
    f_e − x_i + σ x_j ≥ (σ − 1)/2 and f_e + x_i − σ x_j ≥ (1 − σ)/2."""
    m = len(sigma)
    first, second = 2 * np.arange(m), 2 * np.arange(m) + 1
    rows = np.concatenate([first, second, first, second, first, second])
    cols = np.concatenate([n + np.arange(m), n + np.arange(m), i, i, j, j])
    data = np.concatenate([np.ones(2 * m), -np.ones(m), np.ones(m), sigma, -sigma])
    lower = np.empty(2 * m)
    lower[first], lower[second] = (sigma - 1) / 2, (1 - sigma) / 2
    matrix = sparse.csr_array((data, (rows, cols)), shape=(2 * m, n + m))
    return LinearConstraint(matrix, lower, np.inf)


def _unbalanced_triangle_cuts(w: np.ndarray, i: np.ndarray, j: np.ndarray, n: int) -> sparse.csr_array | None:
    """Every triangle with a negative sign product frustrates at least one of its three ties."""
    edge_id = {(a, b): n + e for e, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True))}
    s = np.sign(w)
    triangles = [
        (a, b, c)
        for a, b in edge_id
        for c in np.nonzero(s[a] * s[b])[0].tolist()
        if c > b and s[a, b] * s[b, c] * s[a, c] < 0
    ]
    if not triangles:
        return None
    cols = [edge_id[p] for a, b, c in triangles for p in ((a, b), (b, c), (a, c))]
    rows = np.repeat(np.arange(len(triangles)), 3)
    return sparse.csr_array((np.ones(len(cols)), (rows, cols)), shape=(len(triangles), n + len(i)))


def _component_roots(w: np.ndarray) -> np.ndarray:
    """One node per connected component, whose side may be fixed without loss of generality."""
    _, labels = connected_components(sparse.csr_array(w != 0), directed=False)
    _, first = np.unique(labels, return_index=True)
    return first


def _frustration_local_search(w: np.ndarray, restarts: int = HEURISTIC_RESTARTS, seed: int = 0) -> np.ndarray:
    """Best bipartition over restarts: the leading-eigenvector split, then random ones, each
    improved by greedy flips and Kernighan–Lin passes. Returns 0/1 sides."""
    w = w / np.abs(w).max()  # the tolerance below is then relative to the heaviest tie
    rng = np.random.default_rng(seed)
    _, vectors = eigh(w)
    starts = [np.where(vectors[:, -1] >= 0, 1.0, -1.0)]
    starts += [rng.choice([-1.0, 1.0], size=len(w)) for _ in range(restarts)]
    best, best_cost = starts[0], np.inf
    for spin in starts:
        spin = _kernighan_lin(w, _greedy_flips(w, spin))
        cost = -spin @ w @ spin
        if cost < best_cost - _TOL:
            best, best_cost = spin, cost
    return (best < 0).astype(int)


def _greedy_flips(w: np.ndarray, spin: np.ndarray) -> np.ndarray:
    """Flip the node that lowers frustration most until none does. Flipping i changes the
    frustration by s_i (W s)_i, so it helps exactly when that product is negative."""
    spin = spin.copy()
    field = w @ spin
    for _ in range(_MAX_STEPS_PER_PAIR * len(w) ** 2):  # a guard; each flip strictly improves
        delta = spin * field
        node = int(np.argmin(delta))
        if delta[node] >= -_TOL:
            break
        field -= 2 * spin[node] * w[:, node]
        spin[node] = -spin[node]
    return spin


def _kernighan_lin(w: np.ndarray, spin: np.ndarray) -> np.ndarray:
    """Kernighan–Lin passes: flip every node once, best first, keep the best prefix; repeat
    while a pass improves."""
    for _ in range(_MAX_STEPS_PER_PAIR * len(w)):  # a guard; each pass strictly improves
        trial, field = spin.copy(), w @ spin
        locked = np.zeros(len(w), dtype=bool)
        change, best_change, best_prefix, order = 0.0, 0.0, 0, []
        for step in range(len(w)):
            delta = np.where(locked, np.inf, trial * field)
            node = int(np.argmin(delta))
            change += delta[node]
            field -= 2 * trial[node] * w[:, node]
            trial[node], locked[node] = -trial[node], True
            order.append(node)
            if change < best_change - _TOL:
                best_change, best_prefix = change, step + 1
        if best_prefix == 0:
            break
        spin = spin.copy()
        spin[order[:best_prefix]] *= -1
    return spin
