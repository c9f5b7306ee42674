"""Rolling-origin backtest of next-period dyad forecasts on real data (Tashman 2000; Hyndman & Athanasopoulos, FPP3).

For GDELT weekly and monthly pair scores (28 Northeast Asian pairs, 2018-01..2024-02) and ICEWS net cooperation
per dyad-year (2002–2014; the 21 Northeast Asian pairs — Taiwan is not in the file — and every dyad with at least
10 events in each year), it prints

  1. the SELECTION half of the origins: median skill of every candidate model vs persistence and seasonal naive
     (this is what the default model was chosen on);
  2. the HELD-OUT half, per dyad: n, MAE of persistence, seasonal naive and the default model, and the default's
     skill vs each, with the medians (the honest numbers);
  3. the time of that table beside the time of a persistence-only backtest of the same pairs and origins.

Skill = 1 − MAE_model / MAE_baseline on the same origins. Seasonal naive uses 52 weeks, 12 months, 1 year (i.e. it is
persistence on dyad-years).

Usage: python benchmarks/forecast_backtest.py [--data ../shared/data] [--all-rows]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from blocwatch.forecast.data import as_mapping, gdelt_pair_series, icews_dyad_nc
from blocwatch.forecast.dyads import DEFAULT_MODEL, Persistence, SkillTable, backtest, skill_table

CANDIDATES = ("mean", "ewma", "ar1", "theta")
GDELT = Path("gdelt-graph-daily") / "neasia_pairs_daily_2018_2024.csv"
ICEWS = Path("icews-netify-dyadyear") / "icews_dyad_year_2002_2014.csv.gz"


@dataclass
class Dataset:
    """One backtest: the pair series, the season, the first origin and the first held-out origin."""

    name: str
    series: dict[str, np.ndarray]
    season: int
    min_train: int
    split: int
    rows: bool = True


def load(data: Path) -> list[Dataset]:
    return [
        Dataset("GDELT weekly (mean daily score)", as_mapping(gdelt_pair_series(data / GDELT, "week")), 52, 104, 212),
        Dataset("GDELT monthly (mean daily score)", as_mapping(gdelt_pair_series(data / GDELT, "month")), 12, 24, 49),
        Dataset("ICEWS dyad-year NC, NE Asia", as_mapping(icews_dyad_nc(data / ICEWS)), 1, 4, 9),
        Dataset("ICEWS dyad-year NC, >=10 events every year",
                as_mapping(icews_dyad_nc(data / ICEWS, states=None, min_events=10)), 1, 4, 9, rows=False),
    ]


def selection(ds: Dataset) -> None:
    table = skill_table(ds.series, CANDIDATES, season=ds.season, min_train=ds.min_train, stop=ds.split)
    print(f"  selection origins {ds.min_train}..{ds.split - 1} (n = {table.rows[0].n} per pair):")
    for model in table.models:
        print(f"    {model:15s} median skill vs persistence {table.median(model):+.3f}  "
              f"vs seasonal {table.median(model, 'seasonal_naive'):+.3f}  "
              f"positive on {table.wins(model)}/{len(table.rows)} pairs")


def persistence_seconds(ds: Dataset) -> float:
    began = time.perf_counter()
    for values in ds.series.values():
        backtest(values, Persistence(), ds.split)
    return time.perf_counter() - began


def held_out(ds: Dataset, all_rows: bool) -> SkillTable:
    began = time.perf_counter()
    table = skill_table(ds.series, [DEFAULT_MODEL], season=ds.season, min_train=ds.split)
    seconds = time.perf_counter() - began
    n = len(next(iter(ds.series.values())))
    print(f"  held-out origins {ds.split}..{n - 1}, default model {DEFAULT_MODEL}:")
    if ds.rows or all_rows:
        print(f"    {'pair':20s} {'n':>4s} {'MAE pers':>10s} {'MAE seas':>10s} {'MAE ' + DEFAULT_MODEL:>10s} "
              f"{'skill/pers':>10s} {'skill/seas':>10s}")
        for row in table.rows:
            print(f"    {row.pair:20s} {row.n:4d} {row.mae['persistence']:10.4f} {row.mae['seasonal_naive']:10.4f} "
                  f"{row.mae[DEFAULT_MODEL]:10.4f} {row.skill_vs_persistence[DEFAULT_MODEL]:+10.3f} "
                  f"{row.skill_vs_seasonal[DEFAULT_MODEL]:+10.3f}")
    print(f"    median skill of {DEFAULT_MODEL}: vs persistence {table.median(DEFAULT_MODEL):+.3f} "
          f"(positive on {table.wins(DEFAULT_MODEL)}/{len(table.rows)}), vs seasonal naive "
          f"{table.median(DEFAULT_MODEL, 'seasonal_naive'):+.3f} "
          f"(positive on {table.wins(DEFAULT_MODEL, 'seasonal_naive')}/{len(table.rows)}); "
          f"seasonal naive vs persistence {table.median('seasonal_naive'):+.3f}")
    base = persistence_seconds(ds)
    print(f"    time: table {seconds:.2f} s vs persistence-only backtest {base:.3f} s (ratio {seconds / base:.0f}×)")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--all-rows", action="store_true", help="print every dyad of the broad ICEWS set too")
    args = parser.parse_args(argv)
    if not (args.data / GDELT).is_file() or not (args.data / ICEWS).is_file():
        print(f"shared data not found under {args.data} (give --data)", file=sys.stderr)
        return 2
    for ds in load(args.data):
        n = len(next(iter(ds.series.values())))
        print(f"\n== {ds.name}: {len(ds.series)} pairs x {n} periods, season {ds.season}")
        selection(ds)
        held_out(ds, args.all_rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
