"""Change points and rolling-baseline alerts for dyad series.

Change points are found by penalised segmentation with ``ruptures`` (Truong,
Oudre & Vayatis 2020): the exact PELT search of Killick, Fearnhead & Eckley
(2012, "Optimal detection of changepoints with a linear computational cost",
JASA 107:1590–1598) or binary segmentation (Scott & Knott 1974; Vostrikova
1981). Three segment costs are offered: ``l2`` (mean shift; Gaussian with known
variance), ``normal`` (mean and variance shift; Gaussian likelihood) and
``rbf`` (kernel mean shift, i.e. any change of distribution; Arlot, Celisse &
Harchaoui 2019). They are computed from cumulative sums, so a segment's cost
is O(1) rather than ruptures' O(length).

Scale and default penalty. Each column is centred on its median and divided by
a robust noise scale, σ̂ = MAD(Δx) / (0.6745·√2), the median absolute deviation
of first differences (the differencing makes σ̂ insensitive to the mean shifts
being sought; if that MAD is 0, sd(Δx)/√2 is used). On that scale a cost is a
−2·log-likelihood and the default penalty per break is the modified BIC of
Zhang & Siegmund (2007) as used by default in R's ``changepoint`` package:
``(q + 2)·log n``, q being the number of parameters of a new segment. For
``l2`` q = d (columns), so a univariate series gets 3·log n — on the raw
scale, 3·σ̂²·log n; for ``normal`` q = d + d(d+1)/2, so 4·log n univariate.
``rbf`` has no likelihood; its cost is bounded by the segment length and it
uses log n. ``normal`` adds (0.1·σ̂)²·I to every segment covariance, a
variance floor so that runs of identical values (sparse dyads have many weeks
at exactly 0) do not count as infinitely precise segments; such series are
still far from Gaussian and ``l2`` or ``rbf`` suit them better. The plain BIC,
(q + 1)·log n, gave false breaks in about one pure Gaussian noise series of
500 in twenty; this rule gave none in a hundred.
With ``n_bkps`` instead of a penalty, binary segmentation stops after
``n_bkps`` splits, and PELT returns the least-cost segmentation with exactly
``n_bkps`` breaks: it searches the penalty (the CROPS idea of Haynes, Eckley &
Fearnhead 2017) and, for a count that no penalty yields, falls back to exact
dynamic programming (segment neighbourhood, Auger & Lawrence 1989).

Missing values. Rows with a NaN (in any column) are dropped before the search
and break indices are mapped back to positions in the input, so a break is
the input index of the first observed value of the new segment.

Alerts. ``baseline_alerts`` flags a value that is more than k standard
deviations away from the mean of the ``window`` observations before it (the
current point is never part of its own baseline; NaNs in the window are
skipped and count against ``min_periods``). The baseline standard deviation
(sample, ddof = 1) is floored at ``min_sd`` so a flat history does not divide
by zero: any departure from a perfectly flat baseline is then an alert, and a
repeat of the flat value is not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise
from typing import Literal, NamedTuple

import numpy as np
import ruptures as rpt
from ruptures.base import BaseCost
from ruptures.exceptions import BadSegmentationParameters, NotEnoughPoints
from scipy.spatial.distance import cdist

from blocwatch.analysis.errors import AnalysisInputError

Method = Literal["pelt", "binseg"]
Model = Literal["l2", "normal", "rbf"]
METHODS: tuple[str, ...] = ("pelt", "binseg")
MODELS: tuple[str, ...] = ("l2", "normal", "rbf")
_MAD_TO_SD = 0.6744897501960817  # Φ⁻¹(0.75): MAD of a standard normal
_NORMAL_RIDGE = 1e-2  # variance floor added to each segment covariance: (0.1·σ̂)² on the robust-σ scale


# --- segment costs -------------------------------------------------------------------------------


class _MomentCost(BaseCost):
    """A cost that depends on a segment only through its length, mean and covariance.

    The moments come from cumulative sums, so each cost is O(1) (O(d³) for d columns); univariate series use
    plain floats, which keeps ruptures' Python loops fast.
    """

    min_size = 1

    def fit(self, signal: np.ndarray) -> _MomentCost:
        self.signal = signal.reshape(len(signal), -1)
        self._univariate = self.signal.shape[1] == 1
        if self._univariate:
            column = self.signal[:, 0]
            self._s1 = np.concatenate([[0.0], np.cumsum(column)]).tolist()
            self._s2 = np.concatenate([[0.0], np.cumsum(column * column)]).tolist()
        else:
            dim = self.signal.shape[1]
            outer = np.einsum("ti,tj->tij", self.signal, self.signal)
            self._m1 = np.vstack([np.zeros(dim), np.cumsum(self.signal, axis=0)])
            self._m2 = np.concatenate([np.zeros((1, dim, dim)), np.cumsum(outer, axis=0)])
        return self

    def error(self, start: int, end: int) -> float:
        size = end - start
        if size < self.min_size:
            raise NotEnoughPoints
        if self._univariate:
            mean = (self._s1[end] - self._s1[start]) / size
            variance = (self._s2[end] - self._s2[start]) / size - mean * mean
            return self._from_variance(size, max(variance, 0.0))
        mean = (self._m1[end] - self._m1[start]) / size
        covariance = (self._m2[end] - self._m2[start]) / size - np.outer(mean, mean)
        return self._from_covariance(size, covariance)

    def _from_variance(self, size: int, variance: float) -> float:
        raise NotImplementedError

    def _from_covariance(self, size: int, covariance: np.ndarray) -> float:
        raise NotImplementedError


class _CumsumL2(_MomentCost):
    """Sum of squared deviations from the segment mean (ruptures' ``l2``)."""

    model = "l2"

    def _from_variance(self, size: int, variance: float) -> float:
        return size * variance

    def _from_covariance(self, size: int, covariance: np.ndarray) -> float:
        return float(size * np.trace(covariance))


class _CumsumNormal(_MomentCost):
    """Gaussian −2·log-likelihood up to constants: len · log det(Σ̂ + ridge·I), Σ̂ the ML covariance."""

    model = "normal"
    min_size = 2

    def _from_variance(self, size: int, variance: float) -> float:
        return size * math.log(variance + _NORMAL_RIDGE)

    def _from_covariance(self, size: int, covariance: np.ndarray) -> float:
        _, logdet = np.linalg.slogdet(covariance + _NORMAL_RIDGE * np.eye(len(covariance)))
        return float(size * logdet)


class _CumsumRbf(BaseCost):
    """Kernel (rbf) cost len − (1/len)·ΣK over the segment block, from an integral image of the Gram matrix.

    The bandwidth follows ruptures: γ = 1 / median of squared pairwise distances, γ·distance clipped to [0.01, 100].
    """

    model = "rbf"
    min_size = 1

    def fit(self, signal: np.ndarray) -> _CumsumRbf:
        self.signal = signal.reshape(len(signal), -1)
        sq = cdist(self.signal, self.signal, "sqeuclidean")
        off = sq[np.triu_indices(len(sq), k=1)]
        median = float(np.median(off)) if off.size else 0.0
        gamma = 1.0 / median if median > 0 else 1.0
        gram = np.exp(-np.clip(gamma * sq, 1e-2, 1e2))
        np.fill_diagonal(gram, 1.0)
        self._integral = np.zeros((len(sq) + 1, len(sq) + 1))
        self._integral[1:, 1:] = gram.cumsum(axis=0).cumsum(axis=1)
        return self

    def error(self, start: int, end: int) -> float:
        if end - start < self.min_size:
            raise NotEnoughPoints
        block = self._integral
        total = block[end, end] - block[start, end] - block[end, start] + block[start, start]
        return float((end - start) - total / (end - start))


def _make_cost(model: str) -> BaseCost:
    if model == "l2":
        return _CumsumL2()
    if model == "normal":
        return _CumsumNormal()
    return _CumsumRbf()


# --- scale and penalty ---------------------------------------------------------------------------


def robust_sigma(values: np.ndarray) -> np.ndarray:
    """Per-column noise scale MAD(Δx)/(0.6745·√2); falls back to sd(Δx)/√2 when the MAD is 0.

    Returns zeros for a column that never changes (or has fewer than two values).
    """
    matrix = np.asarray(values, dtype=float)
    matrix = matrix[:, None] if matrix.ndim == 1 else matrix
    if len(matrix) < 2:
        return np.zeros(matrix.shape[1])
    diffs = np.diff(matrix, axis=0)
    mad = np.median(np.abs(diffs - np.median(diffs, axis=0)), axis=0) / (_MAD_TO_SD * math.sqrt(2.0))
    fallback = diffs.std(axis=0) / math.sqrt(2.0)
    return np.where(mad > 0, mad, fallback)


def segment_parameters(model: str, dim: int = 1) -> int:
    """q, the number of parameters a new segment adds: a mean per column, plus a covariance for normal."""
    if model == "l2":
        return dim
    if model == "normal":
        return dim + dim * (dim + 1) // 2
    raise AnalysisInputError(f"model {model!r}: no likelihood parameters (use l2 or normal)")


def default_penalty(n: int, dim: int = 1, model: str = "l2") -> float:
    """The MBIC-style penalty per break on the robust-σ scale (module docstring): (q + 2)·log n; log n for rbf."""
    if model not in MODELS:
        raise AnalysisInputError(f"model {model!r}: use one of {', '.join(MODELS)}")
    log_n = math.log(max(n, 2))
    if model == "rbf":
        return log_n
    return (segment_parameters(model, dim) + 2) * log_n


# --- change points -------------------------------------------------------------------------------


def _check_options(
    method: str, model: str, penalty: float | None, n_bkps: int | None, min_size: int, jump: int
) -> None:
    if method not in METHODS:
        raise AnalysisInputError(f"method {method!r}: use one of {', '.join(METHODS)}")
    if model not in MODELS:
        raise AnalysisInputError(f"model {model!r}: use one of {', '.join(MODELS)}")
    if penalty is not None and n_bkps is not None:
        raise AnalysisInputError("give either penalty or n_bkps, not both")
    if penalty is not None and not penalty > 0:
        raise AnalysisInputError(f"penalty {penalty}: use a positive number")
    if n_bkps is not None and n_bkps < 0:
        raise AnalysisInputError(f"n_bkps {n_bkps}: use 0 or more")
    if min_size < 1 or jump < 1:
        raise AnalysisInputError(f"min_size {min_size}, jump {jump}: use at least 1 for both")


def _observed(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows without NaN (as an (n, d) matrix) and their positions in the input."""
    matrix = np.asarray(values, dtype=float)
    if matrix.ndim not in (1, 2):
        raise AnalysisInputError(f"values has {matrix.ndim} dimensions: use a 1-D series or an (n, d) matrix")
    matrix = matrix[:, None] if matrix.ndim == 1 else matrix
    keep = np.flatnonzero(np.isfinite(matrix).all(axis=1))
    return matrix[keep], keep


def _pelt_penalty_search(algo: rpt.Pelt, n_bkps: int, penalty: float) -> list[int] | None:
    """PELT breaks (ruptures form, ending with n) for a penalty giving exactly ``n_bkps`` breaks, or None.

    The search follows CROPS (Haynes, Eckley & Fearnhead 2017): the penalty is halved or doubled until the
    target is bracketed by a segmentation with too many breaks and one with too few; the next penalty tried is
    the one at which those two cost the same. If that finds neither the target nor a new count, no penalty
    gives exactly ``n_bkps`` breaks (the count is not on the lower convex hull of cost against breaks).
    """
    many: list[int] | None = None
    few: list[int] | None = None
    bkps = algo.predict(pen=penalty)
    while len(bkps) - 1 != n_bkps:
        if len(bkps) - 1 > n_bkps:
            many = bkps
        else:
            few = bkps
        if many is not None and few is not None:
            penalty = (algo.cost.sum_of_costs(few) - algo.cost.sum_of_costs(many)) / (len(many) - len(few))
        else:
            penalty = penalty * 2.0 if few is None else penalty / 2.0
        if penalty < 1e-9:
            return None
        bkps = algo.predict(pen=penalty)
        if many is not None and few is not None and len(bkps) in (len(many), len(few)):
            return None
    return bkps


def _search(
    scaled: np.ndarray, method: str, model: str, pen: float, n_bkps: int | None, min_size: int, jump: int
) -> list[int]:
    """Run ruptures on the scaled signal; break positions in ruptures form (the last one is n)."""
    if method == "binseg":
        algo = rpt.Binseg(custom_cost=_make_cost(model), min_size=min_size, jump=jump).fit(scaled)
        return algo.predict(n_bkps=n_bkps) if n_bkps is not None else algo.predict(pen=pen)
    pelt = rpt.Pelt(custom_cost=_make_cost(model), min_size=min_size, jump=jump).fit(scaled)
    if n_bkps is None:
        return pelt.predict(pen=pen)
    found = _pelt_penalty_search(pelt, n_bkps, pen)
    if found is not None:
        return found
    exact = rpt.Dynp(custom_cost=_make_cost(model), min_size=min_size, jump=jump).fit(scaled)
    return exact.predict(n_bkps=n_bkps)


def change_points(
    values: np.ndarray,
    method: Method = "pelt",
    model: Model = "l2",
    penalty: float | None = None,
    n_bkps: int | None = None,
    min_size: int = 5,
    jump: int = 1,
) -> list[int]:
    """Break indices (where each new segment starts, in input positions), without the final n.

    ``values`` is a 1-D series or an (n, d) matrix. The search runs on the series centred and divided by its
    robust σ̂ per column, so ``penalty`` is in those units (the default is ``default_penalty``). With ``n_bkps``
    the result has exactly that many breaks: binary segmentation's first ``n_bkps`` splits, or for PELT the
    least-cost segmentation with that many breaks (PELT at a searched penalty; when no penalty gives that
    count, dynamic programming, ruptures' ``Dynp``, in O(n_bkps·n²)); ``ValueError`` when that many breaks do
    not fit. NaN rows are skipped; a constant or too short series has no breaks.
    """
    _check_options(method, model, penalty, n_bkps, min_size, jump)
    matrix, positions = _observed(values)
    n, dim = matrix.shape
    if n_bkps is not None and (n_bkps + 1) * min_size > n:
        raise AnalysisInputError(f"cannot place {n_bkps} breaks in {n} values with min_size {min_size}")
    sigma = robust_sigma(matrix)
    if n_bkps and not (sigma > 0).any():
        raise AnalysisInputError(f"the series is constant: there is nowhere to put {n_bkps} breaks")
    if n_bkps == 0 or n < 2 * min_size or not (sigma > 0).any():
        return []
    scaled = (matrix - np.median(matrix, axis=0)) / np.where(sigma > 0, sigma, 1.0)
    pen = default_penalty(n, dim, model) if penalty is None else penalty
    try:
        bkps = _search(scaled, method, model, pen, n_bkps, min_size, jump)
    except BadSegmentationParameters as err:
        raise AnalysisInputError(
            f"cannot place {n_bkps} breaks in {n} values with min_size {min_size}, jump {jump}"
        ) from err
    return [int(positions[b]) for b in bkps[:-1]]


class Segment(NamedTuple):
    """A run of the series: input positions [start, end) and the mean of its observed values."""

    start: int
    end: int
    mean: float


def segments(values: np.ndarray, breaks: Sequence[int]) -> list[Segment]:
    """Split a 1-D series at ``breaks`` (as returned by ``change_points``) into (start, end, mean) runs.

    ``end`` is exclusive; the mean ignores NaNs and is NaN for a run with no observed value.
    """
    series = np.asarray(values, dtype=float)
    if series.ndim != 1:
        raise AnalysisInputError("segments takes a 1-D series")
    edges = [0, *sorted(int(b) for b in breaks), len(series)]
    if edges != sorted(edges) or edges[0] < 0 or len(set(edges)) != len(edges):
        raise AnalysisInputError(f"breaks must be distinct positions strictly inside 0..{len(series)}")
    out: list[Segment] = []
    for start, end in pairwise(edges):
        chunk = series[start:end]
        observed = chunk[np.isfinite(chunk)]
        out.append(Segment(start, end, float(observed.mean()) if observed.size else math.nan))
    return out


# --- rolling-baseline alerts ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Alert:
    """A value that left its rolling baseline: z = (value − baseline_mean) / baseline_sd."""

    date: date
    value: float
    baseline_mean: float
    baseline_sd: float
    z: float
    direction: Literal["up", "down"]


def as_date(value: date | datetime | np.datetime64 | str | int) -> date:
    """A calendar date from a date, datetime, numpy datetime64, ISO string or YYYYMMDD string/int."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, np.datetime64):
        return date.fromisoformat(str(value.astype("datetime64[D]")))
    text = str(value).strip()
    if len(text) == 8 and text.isdigit():
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    return date.fromisoformat(text[:10])


def _baseline(history: np.ndarray, min_periods: int) -> tuple[float, float] | None:
    """Mean and sample sd of the observed values in the window, or None when too few."""
    observed = history[np.isfinite(history)]
    if observed.size < max(min_periods, 2):
        return None
    return float(observed.mean()), float(observed.std(ddof=1))


def baseline_alerts(
    dates: Sequence[date | datetime | np.datetime64 | str | int],
    values: Sequence[float] | np.ndarray,
    window: int = 12,
    k: float = 2.0,
    min_periods: int | None = None,
    min_sd: float = 1e-9,
) -> list[Alert]:
    """Values more than ``k`` baseline sds away from the mean of the preceding ``window`` observations.

    The baseline of point t is values[t − window : t] (never t itself), needing ``min_periods`` observed
    values (default: the whole window, at least 2). The sd is floored at ``min_sd``. NaN values raise no alert.
    """
    series = np.asarray(values, dtype=float)
    if series.ndim != 1 or len(series) != len(dates):
        raise AnalysisInputError(f"dates ({len(dates)}) and values ({series.size}) must be 1-D and the same length")
    if window < 2:
        raise AnalysisInputError(f"window {window}: use at least 2")
    if not k > 0:
        raise AnalysisInputError(f"k {k}: use a positive number")
    need = window if min_periods is None else min_periods
    if not 2 <= need <= window:
        raise AnalysisInputError(f"min_periods {min_periods}: use 2..window")
    alerts: list[Alert] = []
    for t in range(1, len(series)):
        base = _baseline(series[max(0, t - window) : t], need)
        if base is None or not math.isfinite(series[t]):
            continue
        mean, sd = base[0], max(base[1], min_sd)
        z = (series[t] - mean) / sd
        if abs(z) > k:
            alerts.append(Alert(as_date(dates[t]), float(series[t]), mean, sd, float(z), "up" if z > 0 else "down"))
    return alerts
