"""Signed weighted networks per window, made from undirected dyad series.

Raw event data is overwhelmingly cooperative: in most months almost every dyad,
rivals included, has a positive net cooperation (NC). Taking the sign of raw NC
would make nearly every network all-positive and every balance measure
trivially high. blocwatch therefore signs an edge by how cooperative the dyad is
*relative to a baseline*, and says which:

* ``system`` (default): relative to the volume-weighted mean NC of all dyads in
  the same window: an edge is positive when the pair cooperates more than the
  system does at that time, negative when less. This reads as "relatively
  friendly / relatively hostile" and is what bloc detection needs.
* ``dyad``: relative to the dyad's own volume-weighted mean over the whole span:
  positive when the pair is warmer than usual (useful for change, not blocs).
* ``absolute``: the raw value (NC, or Goldstein mean / 10).

The weight is the deviation itself, in NC units; deviations smaller than
``deadband`` and dyad-windows below the minimum volume become no tie (0).
The signed graphs then feed structural balance (Cartwright & Harary 1956) and
bloc partitioning (Doreian & Mrvar 1996).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from blocwatch.analysis.events import AnalysisInputError

SIGN_METHODS = ("system", "dyad", "absolute")
VALUES = ("nc", "nc_weighted", "goldstein")


@dataclass
class SignedNetwork:
    """One window's signed network over a fixed actor list (symmetric, zero diagonal)."""

    period: object
    actors: list[str]
    weights: np.ndarray
    volume: np.ndarray

    def signs(self) -> np.ndarray:
        return np.sign(self.weights).astype(int)

    def edges(self) -> list[tuple[str, str, float, int]]:
        """(a, b, weight, events) for every tie, a < b in actor order."""
        out = []
        n = len(self.actors)
        for i in range(n):
            for j in range(i + 1, n):
                if self.weights[i, j] != 0:
                    out.append((self.actors[i], self.actors[j], float(self.weights[i, j]), int(self.volume[i, j])))
        return out


def _values(table: pa.Table, value: str) -> np.ndarray:
    if value == "goldstein":
        raw = table.column("goldstein_mean").to_numpy(zero_copy_only=False)
        nc = table.column("nc").to_numpy(zero_copy_only=False)
        # Goldstein mean / 10 is on NC's scale; where NC is withheld (too few events) so is this.
        return np.where(np.isnan(nc.astype(float)), np.nan, raw.astype(float) / 10.0)
    return table.column(value).to_numpy(zero_copy_only=False).astype(float)


def signed_networks(
    dyads: pa.Table,
    actors: list[str] | tuple[str, ...],
    method: str = "system",
    value: str = "nc",
    deadband: float = 0.0,
) -> list[SignedNetwork]:
    """Signed networks, one per period in an undirected dyad table (see the module docstring)."""
    if method not in SIGN_METHODS:
        raise AnalysisInputError(f"--sign {method}: use one of {', '.join(SIGN_METHODS)}")
    if value not in VALUES:
        raise AnalysisInputError(f"--value {value}: use one of {', '.join(VALUES)}")
    actors = list(actors)
    index = {a: i for i, a in enumerate(actors)}
    periods = table_periods(dyads)
    slot = {p: k for k, p in enumerate(periods)}
    n, t = len(actors), len(periods)
    values = np.full((t, n, n), np.nan)
    volume = np.zeros((t, n, n))
    val = _values(dyads, value)
    counts = dyads.column("events").to_numpy(zero_copy_only=False)
    for row, (p, a, b) in enumerate(zip(dyads.column("period").to_pylist(), dyads.column("source").to_pylist(),
                                        dyads.column("target").to_pylist(), strict=True)):
        if a in index and b in index and a != b:
            i, j, k = index[a], index[b], slot[p]
            values[k, i, j] = values[k, j, i] = val[row]
            volume[k, i, j] = volume[k, j, i] = counts[row]
    weights = _deviations(values, volume, method)
    weights = np.where(np.isnan(weights) | (np.abs(weights) < deadband), 0.0, weights)
    return [SignedNetwork(periods[k], actors, weights[k], volume[k]) for k in range(t)]


def _deviations(values: np.ndarray, volume: np.ndarray, method: str) -> np.ndarray:
    present = ~np.isnan(values)
    mass = np.where(present, volume, 0.0)
    filled = np.where(present, values, 0.0)
    if method == "absolute":
        return values
    if method == "system":
        totals = mass.sum(axis=(1, 2))
        means = np.divide((filled * mass).sum(axis=(1, 2)), totals, out=np.zeros_like(totals), where=totals > 0)
        return values - means[:, None, None]
    totals = mass.sum(axis=0)
    means = np.divide((filled * mass).sum(axis=0), totals, out=np.zeros_like(totals), where=totals > 0)
    return values - means[None, :, :]


def table_periods(dyads: pa.Table) -> list:
    """The sorted distinct periods of a dyad table."""
    return sorted(set(dyads.column("period").to_pylist()))


def require_undirected(dyads: pa.Table) -> None:
    pairs = zip(dyads.column("source").to_pylist(), dyads.column("target").to_pylist(), strict=True)
    if any(a > b for a, b in pairs):
        raise AnalysisInputError("signed networks need an undirected dyad table (DyadOptions(undirected=True))")
