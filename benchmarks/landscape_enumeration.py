"""Time the exhaustive Axelrod–Bennett (1993) landscape — energies, minima and basins — for n = 8 … 20.

Random instances (sizes uniform on [0.2, 3], symmetric normal propensities, fixed seed).
Printed beside two baselines, as ratios:
  labels  numpy building the 2^(n−1) × n 0/1 label matrix of the configurations and
          nothing else (the least any vectorised enumeration has to touch);
  naive   a plain Python double loop over pairs for every configuration's energy alone
          (no minima or basins), run for n ≤ 12 and extrapolated as ∝ 2^n n² above.
Best of ``--repeat`` runs for each.

Usage: python benchmarks/landscape_enumeration.py [--sizes 8 12 16 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from blocwatch.forecast.landscape import landscape

NAIVE_MAX = 12


def instance(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rng = np.random.default_rng(seed + n)
    p = rng.normal(size=(n, n))
    p = (p + p.T) / 2
    np.fill_diagonal(p, 0.0)
    return rng.uniform(0.2, 3.0, n), p, [f"a{i}" for i in range(n)]


def best_time(task: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return min(times)


def label_matrix(n: int) -> np.ndarray:
    index = np.arange(2 ** (n - 1), dtype=np.int64)
    labels = np.zeros((index.size, n), dtype=np.int8)
    labels[:, 1:] = (index[:, None] >> np.arange(n - 1)) & 1
    return labels


def naive_energies(sizes: np.ndarray, p: np.ndarray) -> list[float]:
    n = len(sizes)
    s, w = sizes.tolist(), p.tolist()
    out = []
    for k in range(2 ** (n - 1)):
        labels = [0] + [(k >> (j - 1)) & 1 for j in range(1, n)]
        out.append(sum(s[i] * s[j] * w[i][j] for i in range(n) for j in range(n) if labels[i] != labels[j]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 12, 16, 20])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'n':>3} {'configs':>8} {'minima':>6} {'landscape s':>12} {'labels s':>9} {'×labels':>8} "
        f"{'naive s':>9} {'naive/landscape':>15}"
    )
    naive_ref: tuple[int, float] | None = None
    for n in args.sizes:
        sizes, p, names = instance(n)
        result = landscape(sizes, p, names)
        full = best_time(lambda s=sizes, q=p, m=names: landscape(s, q, m), args.repeat)
        labels = best_time(lambda k=n: label_matrix(k), args.repeat)
        if n <= NAIVE_MAX:
            naive = best_time(lambda s=sizes, q=p: naive_energies(s, q), 1)
            naive_ref, note = (n, naive), ""
        elif naive_ref is not None:
            m, t = naive_ref
            naive, note = t * 2 ** (n - m) * (n / m) ** 2, "~"
        else:
            naive, note = float("nan"), ""
        print(
            f"{n:>3} {2 ** (n - 1):>8} {len(result.minima):>6} {full:>12.4f} {labels:>9.4f} "
            f"{full / labels:>8.1f} {note + format(naive, '.3f'):>9} {naive / full:>15.0f}"
        )


if __name__ == "__main__":
    main()
