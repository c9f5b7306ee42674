"""Foreign-policy similarity of two actors' profiles: Signorino–Ritter S, Scott's π and Cohen's κ.

A profile is one actor's positions on a common list of items (UN roll calls,
alliance ties, event tones, ...), coded as numbers; NaN marks a missing
position. Every measure deletes missing items pairwise: an item counts for a
pair only when both actors have a position on it (and its weight is used).
Item weights ``w_k`` are optional (default 1).

Each measure is a ratio of disagreements, written as in Häge (2011):

* a distance ``d(a, b)`` between two positions, by ``metric``:
  ``"nominal"`` d = [a ≠ b]; ``"absolute"`` d = |a − b|; ``"squared"`` d = (a − b)²;
* the observed disagreement ``D_o = Σ_k w_k d(x_k, y_k) / Σ_k w_k``.

**S** (Signorino and Ritter 1999, "Tau-b or Not Tau-b: Measuring the
Similarity of Foreign Policy Positions", International Studies Quarterly
43(1): 115–144)::

    S = 1 − 2 · Σ_k w_k d(x_k, y_k) / (d_max · Σ_k w_k) = 1 − 2 · D_o / d_max

with ``d_max`` the largest possible distance on the item scale: the scale
range ``r`` (max − min position) for ``"absolute"``, ``r²`` for ``"squared"``
and 1 for ``"nominal"``. So the squared variant is
``S = 1 − 2 · Σ w_k ((x_k − y_k) / r)² / Σ w_k`` (factor 2, not 4). S is 1 for
identical profiles and −1 when every item is at opposite ends of the scale.
``r`` is given (``scale_range``) or inferred from the observed positions.

**Scott's π and Cohen's κ** (Häge 2011, "Choice or Circumstance? Adjusting
Measures of Foreign Policy Similarity for Chance Agreement", Political
Analysis 19(3): 287–305; after Scott 1955 and Cohen 1960/1968)::

    π, κ = 1 − D_o / D_e,   D_e = Σ_a Σ_b p_a q_b d(a, b)

with the chance (expected) disagreement ``D_e`` taken from the weighted
marginal distributions of the positions over the pairwise-complete items. κ
uses each actor's own marginals (``p`` = x's, ``q`` = y's); π uses the pooled
marginal ``p = q = (p_x + p_y) / 2`` for both. With ``metric="nominal"`` these
are the classic unweighted π and κ; ``"absolute"`` and ``"squared"`` give the
linearly and quadratically distance-weighted versions. (S itself is
``1 − D_o / (d_max / 2)``: it fixes the chance disagreement at half the
maximum instead of estimating it, which is Häge's critique.)

Undefined values are NaN, never an exception: no pairwise-complete items (or
zero total weight), or ``D_e = 0`` for π/κ (both actors hold one and the same
position everywhere, so chance agreement is already perfect).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

Metric = Literal["nominal", "absolute", "squared"]
Measure = Literal["s", "pi", "kappa"]
METRICS: tuple[str, ...] = ("nominal", "absolute", "squared")
MEASURES: tuple[str, ...] = ("s", "pi", "kappa")
DEFAULT_METRIC: dict[str, Metric] = {"s": "absolute", "pi": "nominal", "kappa": "nominal"}

Floats = NDArray[np.float64]


class AlignmentInputError(ValueError):
    """Profiles, weights or options that cannot be compared; the message names the input and the fix."""


def _vector(values: ArrayLike, name: str) -> Floats:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise AlignmentInputError(f"{name} is not numeric: code positions as numbers (NaN = missing)") from exc
    if array.ndim != 1:
        raise AlignmentInputError(f"{name} must be one-dimensional, got shape {array.shape}: pass one profile")
    return array


def _weights(weights: ArrayLike | None, n_items: int) -> Floats:
    if weights is None:
        return np.ones(n_items)
    w = _vector(weights, "weights")
    if w.size != n_items:
        raise AlignmentInputError(f"weights has {w.size} items but the profiles have {n_items}: pass one per item")
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise AlignmentInputError("weights must be finite and non-negative: fix or drop the bad weights")
    return w


def _check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise AlignmentInputError(f"unknown metric {metric!r}: use one of {', '.join(METRICS)}")


def paired(x: ArrayLike, y: ArrayLike, weights: ArrayLike | None = None) -> tuple[Floats, Floats, Floats]:
    """The pairwise-complete items of two profiles: (x, y, w) without any item where x or y is NaN."""
    xv, yv = _vector(x, "x"), _vector(y, "y")
    if xv.size != yv.size:
        raise AlignmentInputError(f"profiles differ in length ({xv.size} vs {yv.size}): align them on the same items")
    w = _weights(weights, xv.size)
    keep = ~(np.isnan(xv) | np.isnan(yv))
    return xv[keep], yv[keep], w[keep]


def distance(a: ArrayLike, b: ArrayLike, metric: Metric) -> Floats:
    """d(a, b) elementwise (broadcasting): [a ≠ b], |a − b| or (a − b)²."""
    _check_metric(metric)
    diff = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    if metric == "nominal":
        return (diff != 0).astype(float)
    if metric == "absolute":
        return np.abs(diff)
    return diff**2


def observed_disagreement(x: Floats, y: Floats, w: Floats, metric: Metric) -> float:
    """D_o = Σ w_k d(x_k, y_k) / Σ w_k over complete items; NaN when the total weight is 0."""
    total = float(w.sum())
    if total <= 0:
        return float("nan")
    return float(np.dot(w, distance(x, y, metric)) / total)


def marginal(values: Floats, w: Floats) -> tuple[Floats, Floats]:
    """Weighted distribution of positions: (distinct positions, their shares of the total weight)."""
    positions, index = np.unique(values, return_inverse=True)
    shares = np.bincount(index, weights=w, minlength=positions.size)
    return positions, shares / shares.sum()


def expected_disagreement(p: tuple[Floats, Floats], q: tuple[Floats, Floats], metric: Metric) -> float:
    """D_e = Σ_a Σ_b p_a q_b d(a, b) for two marginals given as (positions, shares)."""
    (pa, pw), (qa, qw) = p, q
    return float(pw @ distance(pa[:, None], qa[None, :], metric) @ qw)


def max_distance(scale_range: float, metric: Metric) -> float:
    """d_max: the largest possible distance on a scale of the given range."""
    _check_metric(metric)
    if metric == "nominal":
        return 1.0
    return scale_range if metric == "absolute" else scale_range**2


def _scale_range(x: Floats, y: Floats, scale_range: float | None) -> float:
    observed = float(max(x.max(), y.max()) - min(x.min(), y.min()))
    if scale_range is None:
        return observed
    if not np.isfinite(scale_range) or scale_range < 0:
        raise AlignmentInputError(f"scale_range={scale_range} must be a finite number ≥ 0: pass max − min of the scale")
    if observed > scale_range:
        raise AlignmentInputError(
            f"positions span {observed:g} but scale_range is {scale_range:g}: pass the full range of the scale"
        )
    return float(scale_range)


def s_score(
    x: ArrayLike,
    y: ArrayLike,
    *,
    weights: ArrayLike | None = None,
    metric: Metric = "absolute",
    scale_range: float | None = None,
) -> float:
    """Signorino–Ritter S = 1 − 2·D_o/d_max, in [−1, 1].

    ``scale_range`` is max − min of the item scale (e.g. 2 for votes coded 1/2/3);
    when omitted it is the range of the two profiles' observed positions. A scale
    with no spread (every position equal) gives S = 1.
    """
    _check_metric(metric)
    xs, ys, w = paired(x, y, weights)
    if xs.size == 0:
        return float("nan")
    d_o = observed_disagreement(xs, ys, w, metric)
    d_max = max_distance(_scale_range(xs, ys, scale_range), metric)
    if d_max == 0:
        return 1.0 if np.isfinite(d_o) else float("nan")
    return 1.0 - 2.0 * d_o / d_max


def _chance_corrected(x: ArrayLike, y: ArrayLike, weights: ArrayLike | None, metric: Metric, pooled: bool) -> float:
    _check_metric(metric)
    xs, ys, w = paired(x, y, weights)
    if xs.size == 0 or w.sum() <= 0:
        return float("nan")
    if pooled:
        p = q = marginal(np.concatenate([xs, ys]), np.concatenate([w, w]))
    else:
        p, q = marginal(xs, w), marginal(ys, w)
    d_e = expected_disagreement(p, q, metric)
    if d_e == 0:
        return float("nan")
    return 1.0 - observed_disagreement(xs, ys, w, metric) / d_e


def scotts_pi(x: ArrayLike, y: ArrayLike, *, weights: ArrayLike | None = None, metric: Metric = "nominal") -> float:
    """Scott's π = 1 − D_o/D_e with D_e from the pooled marginal of both actors (Häge 2011)."""
    return _chance_corrected(x, y, weights, metric, pooled=True)


def cohens_kappa(x: ArrayLike, y: ArrayLike, *, weights: ArrayLike | None = None, metric: Metric = "nominal") -> float:
    """Cohen's κ = 1 − D_o/D_e with D_e from each actor's own marginal (Häge 2011)."""
    return _chance_corrected(x, y, weights, metric, pooled=False)


def similarity(
    x: ArrayLike,
    y: ArrayLike,
    measure: Measure = "s",
    *,
    weights: ArrayLike | None = None,
    metric: Metric | None = None,
    scale_range: float | None = None,
) -> float:
    """One measure by name. ``metric`` defaults to "absolute" for S and "nominal" for π and κ;
    ``scale_range`` is used by S only."""
    if measure not in MEASURES:
        raise AlignmentInputError(f"unknown measure {measure!r}: use one of {', '.join(MEASURES)}")
    chosen: Metric = metric or DEFAULT_METRIC[measure]
    if measure == "s":
        return s_score(x, y, weights=weights, metric=chosen, scale_range=scale_range)
    if measure == "pi":
        return scotts_pi(x, y, weights=weights, metric=chosen)
    return cohens_kappa(x, y, weights=weights, metric=chosen)


def _profile_array(profiles: Mapping[str, ArrayLike]) -> tuple[list[str], Floats]:
    if not profiles:
        raise AlignmentInputError("profiles is empty: pass at least one actor's profile")
    names = list(profiles)
    vectors = [_vector(profiles[name], f"profile {name!r}") for name in names]
    lengths = {v.size for v in vectors}
    if len(lengths) != 1:
        raise AlignmentInputError(f"profiles differ in length ({sorted(lengths)}): align all actors on the same items")
    return names, np.vstack(vectors)


def _common_range(matrix: Floats) -> float | None:
    """The range of all observed positions of all actors (None when nothing is observed)."""
    observed = matrix[~np.isnan(matrix)]
    return float(observed.max() - observed.min()) if observed.size else None


def similarity_matrix(
    profiles: Mapping[str, ArrayLike],
    measure: Measure = "s",
    *,
    weights: ArrayLike | None = None,
    metric: Metric | None = None,
    scale_range: float | None = None,
) -> tuple[list[str], Floats]:
    """The symmetric matrix of ``measure`` for every pair of actors, rows and columns in ``names`` order.

    For S, an omitted ``scale_range`` is inferred once from all actors' positions,
    so every pair is scored on the same scale. The diagonal is each actor compared
    with itself (1 for S when it has any position; NaN for π/κ without variation).
    """
    names, matrix = _profile_array(profiles)
    if measure == "s" and scale_range is None:
        scale_range = _common_range(matrix)
    result = np.full((len(names), len(names)), np.nan)
    for i in range(len(names)):
        for j in range(i, len(names)):
            value = similarity(matrix[i], matrix[j], measure, weights=weights, metric=metric, scale_range=scale_range)
            result[i, j] = result[j, i] = value
    return names, result
