"""Material capabilities, concentration and polarity.

Capabilities follow the Composite Index of National Capability (CINC) of Singer, Bremer & Stuckey
(1972), "Capability Distribution, Uncertainty, and Major Power War, 1820-1965", as published in the
Correlates of War National Material Capabilities data (v6 and later): for each year every state's
share of the system total of six components (military expenditure, military personnel, iron and
steel production, primary energy consumption, total population, urban population), and CINC as the
mean of the state's non-missing shares.

The published ``cinc`` column was computed in Stata with single-precision ("float") storage: the
yearly totals, the six shares and the CINC itself are each rounded to float32. ``single_precision``
(on by default) repeats those roundings, which reproduces every published value to its eight
significant digits; in pure double precision the results differ by up to 2.4e-8.

Concentration follows Ray & Singer (1973), "Measuring the Concentration of Power in the International
System" (CON), together with the Herfindahl-Hirschman index and the effective number of poles of
Laakso & Taagepera (1979), "'Effective' Number of Parties"; ``bloc_shares`` sums shares by bloc
to give the balance of power between blocs.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from blocwatch.analysis.errors import AnalysisInputError

COMPONENTS: tuple[str, ...] = ("milex", "milper", "irst", "pec", "tpop", "upop")
"""The six NMC components, in the order of the COW codebook."""

ISO3_FILE = "cow_iso3.tsv"

K = TypeVar("K", bound=Hashable)
B = TypeVar("B", bound=Hashable)


# --------------------------------------------------------------------------- CINC


def read_nmc(source: str | Path | pa.Table) -> pa.Table:
    """The NMC table with ``ccode``/``year`` as integers and the components as float64.

    Missing components (blank cells, nulls, or COW's ``-9`` / any negative code) become null;
    zeros are real values and stay zero.
    """
    table = source if isinstance(source, pa.Table) else pacsv.read_csv(Path(source))
    missing = [name for name in ("ccode", "year", *COMPONENTS) if name not in table.column_names]
    if missing:
        raise AnalysisInputError(f"NMC table lacks columns {missing}")
    columns = {
        "ccode": _as_int(table.column("ccode")),
        "year": _as_int(table.column("year")),
    }
    for name in COMPONENTS:
        values = _as_float(table.column(name))
        values[values < 0] = np.nan
        columns[name] = pa.array(values, from_pandas=True)
    return pa.table(columns)


def _as_int(column: pa.ChunkedArray) -> pa.Array:
    values = column.to_numpy(zero_copy_only=False).astype(np.float64)
    if np.isnan(values).any():
        raise AnalysisInputError("ccode and year must not be missing")
    return pa.array(values.astype(np.int64))


def _as_float(column: pa.ChunkedArray) -> np.ndarray:
    return np.array(column.cast(pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)


def _round32(values: np.ndarray, single_precision: bool) -> np.ndarray:
    """Round to float32 (Stata ``float`` storage) and back, when asked to."""
    return values.astype(np.float32).astype(np.float64) if single_precision else values


def _component_matrix(table: pa.Table) -> np.ndarray:
    """States x components, NaN where missing."""
    return np.column_stack([_as_float(table.column(name)) for name in COMPONENTS])


def _year_totals(values: np.ndarray, year_index: np.ndarray, n_years: int) -> np.ndarray:
    """Years x components: the sum over the states with a value (missing cells add nothing)."""
    totals = np.empty((n_years, values.shape[1]))
    for j in range(values.shape[1]):
        totals[:, j] = np.bincount(year_index, weights=np.nan_to_num(values[:, j], nan=0.0), minlength=n_years)
    return totals


def _shares(values: np.ndarray, years: np.ndarray, single_precision: bool) -> np.ndarray:
    """Each state's share of its year's system total, per component (NaN where missing)."""
    unique_years, year_index = np.unique(years, return_inverse=True)
    totals = _round32(_year_totals(values, year_index, len(unique_years)), single_precision)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = values / totals[year_index]
    return _round32(shares, single_precision)


def _row_means(shares: np.ndarray) -> np.ndarray:
    """Mean of the non-missing shares of each row; NaN when a row has none."""
    present = ~np.isnan(shares)
    counts = present.sum(axis=1)
    sums = np.where(present, shares, 0.0).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(counts > 0, sums / counts, np.nan)


def component_shares(source: str | Path | pa.Table, *, single_precision: bool = True) -> pa.Table:
    """``ccode``, ``year`` and one ``<component>_share`` column per component (null when missing)."""
    table = read_nmc(source)
    shares = _shares(_component_matrix(table), _as_float(table.column("year")), single_precision)
    columns = {"ccode": table.column("ccode"), "year": table.column("year")}
    for j, name in enumerate(COMPONENTS):
        columns[f"{name}_share"] = pa.array(shares[:, j], from_pandas=True)
    return pa.table(columns)


def cinc_from_components(source: str | Path | pa.Table, *, single_precision: bool = True) -> pa.Table:
    """CINC recomputed from the six components: ``ccode``, ``year``, ``cinc``.

    Each component's yearly total is the sum over the states that report it, and CINC is the mean
    of a state's non-missing shares (a state-year without any component gets a null CINC).
    ``single_precision`` repeats COW's float32 storage of totals, shares and CINC (see module notes).
    """
    table = read_nmc(source)
    shares = _shares(_component_matrix(table), _as_float(table.column("year")), single_precision)
    cinc = _round32(_row_means(shares), single_precision)
    return pa.table(
        {"ccode": table.column("ccode"), "year": table.column("year"), "cinc": pa.array(cinc, from_pandas=True)}
    )


def cinc_for_year(cinc: pa.Table, year: int) -> dict[int, float]:
    """``{ccode: cinc}`` for one year of a ``cinc_from_components`` table (null CINCs left out)."""
    codes = cinc.column("ccode").to_pylist()
    years = cinc.column("year").to_pylist()
    values = cinc.column("cinc").to_pylist()
    return {
        int(code): float(value)
        for code, y, value in zip(codes, years, values, strict=True)
        if y == year and value is not None and not math.isnan(value)
    }


# --------------------------------------------------------------------------- COW <-> ISO3


@dataclass(frozen=True)
class CowState:
    """One row of ``cow_iso3.tsv``."""

    ccode: int
    stateabb: str
    name: str
    iso3: str | None
    styear: int
    endyear: int
    note: str


@cache
def cow_states() -> tuple[CowState, ...]:
    """Every COW state code with its ISO 3166-1 alpha-3 code (None for states without one)."""
    text = resources.files("blocwatch.analysis").joinpath("data", ISO3_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(_state_from_row(row) for row in csv.DictReader(lines, delimiter="\t"))


def _state_from_row(row: dict[str, str]) -> CowState:
    return CowState(
        ccode=int(row["ccode"]),
        stateabb=row["stateabb"],
        name=row["name"],
        iso3=row["iso3"] or None,
        styear=int(row["styear"]),
        endyear=int(row["endyear"]),
        note=row["note"],
    )


def cow_to_iso3() -> dict[int, str]:
    """``{ccode: iso3}`` for the COW states that have an ISO code."""
    return {state.ccode: state.iso3 for state in cow_states() if state.iso3}


def iso3_to_cow() -> dict[str, int]:
    """``{iso3: ccode}``; where several COW codes share an ISO code (DEU, YEM) the latest state wins."""
    latest: dict[str, CowState] = {}
    for state in cow_states():
        if state.iso3 and (state.iso3 not in latest or state.endyear > latest[state.iso3].endyear):
            latest[state.iso3] = state
    return {iso3: state.ccode for iso3, state in latest.items()}


def cinc_by_iso3(cinc: pa.Table, year: int) -> dict[str, float]:
    """``{iso3: cinc}`` for one year; states without an ISO code are left out."""
    iso = cow_to_iso3()
    return {iso[code]: value for code, value in cinc_for_year(cinc, year).items() if code in iso}


# --------------------------------------------------------------------------- concentration and polarity


def _normalised(shares: Mapping[K, float] | Iterable[float]) -> np.ndarray:
    """Shares rescaled to sum to one (so capabilities of any subset of states can be passed)."""
    values = np.array(list(shares.values() if isinstance(shares, Mapping) else shares), dtype=np.float64)
    if values.size == 0:
        raise AnalysisInputError("no shares given")
    if np.isnan(values).any() or (values < 0).any():
        raise AnalysisInputError("shares must be non-negative numbers")
    total = values.sum()
    if total <= 0:
        raise AnalysisInputError("shares sum to zero")
    return values / total


def hhi(shares: Mapping[K, float] | Iterable[float]) -> float:
    """Herfindahl-Hirschman index: the sum of squared shares (after rescaling to sum to one)."""
    values = _normalised(shares)
    return float(np.sum(values**2))


def concentration(shares: Mapping[K, float] | Iterable[float]) -> float:
    """Ray & Singer (1973) CON = sqrt((sum s_i^2 - 1/N) / (1 - 1/N)); 0 = parity, 1 = one state holds all."""
    values = _normalised(shares)
    n = values.size
    if n < 2:
        raise AnalysisInputError("CON needs at least two states")
    ratio = (float(np.sum(values**2)) - 1.0 / n) / (1.0 - 1.0 / n)
    return math.sqrt(max(ratio, 0.0))


def effective_poles(shares: Mapping[K, float] | Iterable[float]) -> float:
    """Laakso-Taagepera effective number of poles, 1 / sum s_i^2."""
    return 1.0 / hhi(shares)


@dataclass(frozen=True)
class Polarity:
    """The concentration measures of one distribution of capabilities."""

    n: int
    hhi: float
    concentration: float
    effective_poles: float


def polarity(shares: Mapping[K, float] | Iterable[float]) -> Polarity:
    """HHI, CON and effective number of poles together."""
    values = _normalised(shares)
    return Polarity(
        n=int(values.size),
        hhi=hhi(values),
        concentration=concentration(values),
        effective_poles=effective_poles(values),
    )


def bloc_shares(shares: Mapping[K, float], blocs: Mapping[K, B]) -> dict[B, float]:
    """The capability share of each bloc among the actors given.

    Only actors present in both mappings count; their shares are rescaled to sum to one, so the
    result is the balance of power between the blocs (an actor's bloc is e.g. a community label).
    """
    actors = [actor for actor in shares if actor in blocs]
    if not actors:
        raise AnalysisInputError("no actor has both a share and a bloc")
    weights = _normalised([shares[actor] for actor in actors])
    result: dict[B, float] = {}
    for actor, weight in zip(actors, weights, strict=True):
        result[blocs[actor]] = result.get(blocs[actor], 0.0) + float(weight)
    return dict(sorted(result.items(), key=lambda item: -item[1]))


@cache
def _shipped_cinc() -> dict[int, dict[str, float]]:
    text = resources.files("blocwatch.analysis").joinpath("data", "cinc_neasia.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    table: dict[int, dict[str, float]] = {}
    for row in rows:
        table.setdefault(int(row["year"]), {})[row["state"]] = float(row["cinc"])
    return table


def shipped_cinc(year: int) -> tuple[int, dict[str, float]]:
    """Published CINC of the eight Northeast Asian states for ``year`` (or the latest shipped year before it)."""
    table = _shipped_cinc()
    known = [y for y in table if y <= year]
    if not known:
        raise AnalysisInputError(f"no shipped CINC for {year}; the table starts in {min(table)} "
                                 "(use --nmc with the COW capabilities file)")
    chosen = max(known)
    return chosen, dict(table[chosen])
