"""Blocs in a signed network, and how stable they are over time.

* ``doreian_mrvar`` — k-balance partitioning of Doreian & Mrvar (1996), "A partitioning approach
  to structural balance", Social Networks 18: 149–168: minimise P(C) = α·N + (1 − α)·P, with N the
  weight of negative ties inside clusters and P the weight of positive ties between them, by their
  relocation algorithm (steepest descent over moves of one actor and swaps of two) from several
  random starts. As in Doreian & Mrvar, ties are arcs: a symmetric matrix counts every tie twice,
  so the Gahuku–Gama optimum for k = 3, α = .5 has P = 2 (two positive ties between clusters).
* ``sponge`` — SPONGE signed spectral clustering of Cucuringu, Davies, Glielmo & Tyagi (2019),
  "SPONGE: A generalized eigenproblem for clustering signed networks", AISTATS: the generalised
  eigenvectors of (L⁺ + τ⁻D⁻) v = λ (L⁻ + τ⁺D⁺) v with the k − 1 smallest eigenvalues (k − 1
  directions separate k groups; the default of the authors' SigNet code), clustered by k-means
  (k-means++ seeding, Arthur & Vassilvitskii 2007; Lloyd iterations).
* ``bloc_stability`` — the adjusted Rand index (Hubert & Arabie 1985) between the memberships of
  consecutive windows, over the actors present in both.

Actors without any tie carry no information about blocs: both partitioners give them label −1
and cluster the others. Labels are canonical — numbered in order of first appearance — so equal
partitions have equal label vectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from math import comb

import numpy as np
from scipy.linalg import eigh

from blocwatch.analysis.balance import check_signed
from blocwatch.analysis.errors import AnalysisInputError

UNASSIGNED = -1
DM_RESTARTS = 30
KMEANS_INITS = 10
KMEANS_ITERATIONS = 100
_TOL = 1e-9
_MAX_STEPS_PER_PAIR = 10


@dataclass(frozen=True, slots=True)
class Partition:
    labels: np.ndarray
    error: float

    @property
    def k(self) -> int:
        return len(set(self.labels.tolist()) - {UNASSIGNED})


def canonical_labels(labels: np.ndarray | list[int]) -> np.ndarray:
    """Relabel clusters 0, 1, 2, … in order of first appearance; −1 (unassigned) stays −1."""
    labels = np.asarray(labels, dtype=int)
    mapping: dict[int, int] = {}
    for label in labels.tolist():
        if label != UNASSIGNED and label not in mapping:
            mapping[label] = len(mapping)
    return np.array([mapping.get(label, UNASSIGNED) for label in labels.tolist()], dtype=int)


def same_partition(labels_a: np.ndarray | list[int], labels_b: np.ndarray | list[int]) -> bool:
    """Whether two label vectors describe the same partition, whatever the cluster numbers."""
    a, b = np.asarray(labels_a), np.asarray(labels_b)
    return a.shape == b.shape and bool(np.array_equal(canonical_labels(a), canonical_labels(b)))


# --- Doreian & Mrvar ---------------------------------------------------------------------------


def balance_error(matrix: np.ndarray, labels: np.ndarray, alpha: float = 0.5) -> float:
    """Doreian–Mrvar P(C) = α·(negative weight inside clusters) + (1 − α)·(positive weight between),
    summed over ordered pairs (arcs). Label −1 counts as a cluster like any other; the partitioners
    give it only to actors without ties, which add nothing."""
    a = check_signed(matrix, symmetric=False)
    labels = np.asarray(labels)
    same = labels[:, None] == labels[None, :]
    return float(alpha * np.clip(-a, 0, None)[same].sum() + (1 - alpha) * np.clip(a, 0, None)[~same].sum())


def doreian_mrvar(
    matrix: np.ndarray, k: int, alpha: float = 0.5, restarts: int = DM_RESTARTS, seed: int = 0
) -> Partition:
    """The best k-cluster partition found by relocation from ``restarts`` random starts.

    Every cluster keeps at least one actor. Deterministic for a given ``seed``; of equally good
    partitions the first found is kept.
    """
    if restarts < 1 or not 0 <= alpha <= 1:
        raise AnalysisInputError(f"need restarts >= 1 and 0 <= alpha <= 1 (got {restarts}, {alpha})")
    a = check_signed(matrix, symmetric=False)
    active = _active(a)
    _check_k(k, int(active.sum()))
    sub = a[np.ix_(active, active)]
    cost = _pair_costs(sub, alpha)
    cost /= max(float(np.abs(cost).max()), np.finfo(float).tiny)  # tolerance relative to the heaviest tie
    rng = np.random.default_rng(seed)
    best, best_error = None, np.inf
    for _ in range(restarts):
        labels = _relocate(cost, _random_partition(len(sub), k, rng), k)
        error = balance_error(sub, labels, alpha)
        if error < best_error - _TOL:
            best, best_error = labels, error
    return Partition(_embed(best, active), best_error)


def best_k(matrix: np.ndarray, kmax: int, alpha: float = 0.5, restarts: int = DM_RESTARTS, seed: int = 0) -> Partition:
    """Doreian–Mrvar for k = 2 … kmax (capped at the number of tied actors); the lowest error
    wins, ties going to the smaller k."""
    n_active = int(_active(check_signed(matrix, symmetric=False)).sum())
    best: Partition | None = None
    for k in range(2, min(kmax, n_active) + 1):
        candidate = doreian_mrvar(matrix, k, alpha, restarts, seed)
        if best is None or candidate.error < best.error - _TOL:
            best = candidate
    if best is None:
        raise AnalysisInputError(f"need kmax >= 2 and at least 2 actors with ties (got kmax={kmax}, {n_active} actors)")
    return best


def _random_partition(n: int, k: int, rng: np.random.Generator) -> np.ndarray:
    """Random labels in 0..k−1 with every cluster used."""
    labels = rng.integers(0, k, size=n)
    labels[rng.permutation(n)[:k]] = np.arange(k)
    return labels


def _pair_costs(a: np.ndarray, alpha: float) -> np.ndarray:
    """Change in the error when actors i and j go from different clusters to the same one."""
    neg, pos = np.clip(-a, 0, None), np.clip(a, 0, None)
    return alpha * (neg + neg.T) - (1 - alpha) * (pos + pos.T)


def _neighbour_deltas(cost: np.ndarray, labels: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Change in error for moving actor i to cluster c (``shift[i, c]``) and for swapping actors i
    and j (``swap[i, j]``); disallowed steps (no-ops, emptying a cluster) are +inf.

    ``gain[i, c] = Σ_{j∈c} cost[i, j]`` prices putting i in cluster c.
    """
    n = len(labels)
    gain = cost @ np.eye(k)[labels]
    shift = gain - gain[np.arange(n), labels][:, None]
    to_other = shift[:, labels]  # i moves into j's cluster
    swap = to_other + to_other.T - 2 * cost  # the i–j pair stays split, so undo its double count
    swap[labels[:, None] == labels[None, :]] = np.inf
    shift[np.bincount(labels, minlength=k)[labels] == 1] = np.inf
    shift[np.arange(n), labels] = np.inf
    return shift, swap


def _relocate(cost: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Steepest descent over single moves and pairwise swaps until neither lowers the error."""
    n = len(labels)
    labels = labels.copy()
    for _ in range(_MAX_STEPS_PER_PAIR * n * n):  # a guard; each step strictly lowers the error
        shift, swap = _neighbour_deltas(cost, labels, k)
        i, c = np.unravel_index(np.argmin(shift), shift.shape)
        p, q = np.unravel_index(np.argmin(swap), swap.shape)
        if min(shift[i, c], swap[p, q]) >= -_TOL:
            break
        if shift[i, c] <= swap[p, q]:
            labels[i] = c
        else:
            labels[p], labels[q] = labels[q], labels[p]
    return labels


# --- SPONGE ------------------------------------------------------------------------------------


def sponge(matrix: np.ndarray, k: int, tau_p: float = 1.0, tau_n: float = 1.0, seed: int = 0) -> np.ndarray:
    """SPONGE labels for a symmetric signed matrix (−1 for actors without ties)."""
    a = check_signed(matrix)
    active = _active(a)
    _check_k(k, int(active.sum()))
    sub = a[np.ix_(active, active)]
    embedding = _sponge_embedding(sub, k, tau_p, tau_n)
    return _embed(_kmeans(embedding, k, np.random.default_rng(seed)), active)


def _sponge_embedding(a: np.ndarray, k: int, tau_p: float, tau_n: float) -> np.ndarray:
    """Rows of the k − 1 (at least one) generalised eigenvectors with the smallest eigenvalues.
    A ridge keeps the right-hand matrix positive definite when some component has no positive ties."""
    pos, neg = np.clip(a, 0, None), np.clip(-a, 0, None)
    d_pos, d_neg = np.diag(pos.sum(axis=1)), np.diag(neg.sum(axis=1))
    left = (d_pos - pos) + tau_n * d_neg
    right = (d_neg - neg) + tau_p * d_pos
    ridge = 1e-6 * max(float(np.trace(right)) / len(a), 1e-12)
    _, vectors = eigh(left, right + ridge * np.eye(len(a)), subset_by_index=[0, max(k - 1, 1) - 1])
    return vectors


def _kmeans(points: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Lowest-inertia result of several k-means++ seeded Lloyd runs."""
    best, best_inertia = None, np.inf
    for _ in range(KMEANS_INITS):
        labels, inertia = _lloyd(points, _kmeans_pp(points, k, rng))
        if inertia < best_inertia - _TOL:
            best, best_inertia = labels, inertia
    return canonical_labels(best)


def _kmeans_pp(points: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++: each new centre drawn with probability proportional to squared distance."""
    centres = [points[rng.integers(len(points))]]
    for _ in range(1, k):
        dist = _sq_distances(points, np.array(centres)).min(axis=1)
        if dist.sum() <= 0:
            centres.append(points[rng.integers(len(points))])
        else:
            centres.append(points[rng.choice(len(points), p=dist / dist.sum())])
    return np.array(centres)


def _lloyd(points: np.ndarray, centres: np.ndarray) -> tuple[np.ndarray, float]:
    labels = np.full(len(points), -1)
    for _ in range(KMEANS_ITERATIONS):
        new = _sq_distances(points, centres).argmin(axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
        for c in range(len(centres)):
            if np.any(labels == c):
                centres[c] = points[labels == c].mean(axis=0)
    inertia = float(_sq_distances(points, centres)[np.arange(len(points)), labels].sum())
    return labels, inertia


def _sq_distances(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    return ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)


# --- stability ---------------------------------------------------------------------------------


def adjusted_rand_index(labels_a: np.ndarray | list[int], labels_b: np.ndarray | list[int]) -> float:
    """Hubert & Arabie's adjusted Rand index: 1 for identical partitions, about 0 for chance
    agreement. NaN for fewer than two items; 1 when the chance correction is degenerate and the
    partitions agree (both all-in-one or both all-singletons)."""
    a, b = np.asarray(labels_a), np.asarray(labels_b)
    if a.shape != b.shape:
        raise AnalysisInputError("label vectors differ in length")
    n = len(a)
    if n < 2:
        return float("nan")
    _, ia = np.unique(a, return_inverse=True)
    _, ib = np.unique(b, return_inverse=True)
    table = np.zeros((ia.max() + 1, ib.max() + 1), dtype=np.int64)
    np.add.at(table, (ia, ib), 1)
    pairs = _pairs(table).sum()
    rows, cols = _pairs(table.sum(axis=1)).sum(), _pairs(table.sum(axis=0)).sum()
    expected = rows * cols / comb(n, 2)
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0 if same_partition(a, b) else 0.0
    return float((pairs - expected) / (maximum - expected))


def _pairs(counts: np.ndarray) -> np.ndarray:
    return counts * (counts - 1) / 2


def bloc_stability(label_sequences: list[dict[str, int]]) -> list[float]:
    """ARI between each window's memberships and the next one's, over actors assigned to a bloc
    (label ≥ 0) in both; NaN where fewer than two such actors are shared. 1.0 = unchanged."""
    scores = []
    for before, after in pairwise(label_sequences):
        shared = sorted(a for a in before.keys() & after.keys() if before[a] >= 0 and after[a] >= 0)
        scores.append(adjusted_rand_index([before[a] for a in shared], [after[a] for a in shared]))
    return scores


def overall_stability(label_sequences: list[dict[str, int]]) -> float:
    """Mean of the defined consecutive-window ARIs (NaN if none is defined)."""
    scores = np.array(bloc_stability(label_sequences), dtype=float)
    scores = scores[np.isfinite(scores)]
    return float(scores.mean()) if len(scores) else float("nan")


# --- shared ------------------------------------------------------------------------------------


def _active(a: np.ndarray) -> np.ndarray:
    return np.any(a != 0, axis=0) | np.any(a != 0, axis=1)


def _check_k(k: int, n_active: int) -> None:
    if not 1 <= k <= n_active:
        raise AnalysisInputError(f"k={k} clusters need 1 <= k <= {n_active} (actors with ties)")


def _embed(labels: np.ndarray, active: np.ndarray) -> np.ndarray:
    full = np.full(len(active), UNASSIGNED)
    full[active] = labels
    return canonical_labels(full)
