"""Dyad series for forecast backtests: GDELT pair scores per week or month, and ICEWS net cooperation per dyad-year.

Method: net cooperation NC = (VC + MC − VK − MK) / (VC + MC + VK + MK) over the four QuadClass counts (verbal
and material cooperation, verbal and material conflict), the share-of-cooperation measure used with ICEWS and
GDELT dyad counts (Goldstein 1992 for the cooperation–conflict scale; Boschee et al. 2015, ICEWS coded event
data, for the QuadClass counts). GDELT scores are averaged per calendar week (ISO weeks from Monday) or calendar
month: the mean, not the sum, so the partial first and last periods are on the same scale as full ones.

* GDELT: ``neasia_pairs_daily_2018_2024.csv`` (date YYYYMMDD, country_a, country_b, edge_score), 28 pairs, read
  with ``blocwatch.analysis.series.read_series_file``. A day with no events has score 0 in that file, so every
  period is observed.
* ICEWS: ``icews_dyad_year_2002_2014.csv.gz`` from the netify package (i, j, year, i_iso3c, j_iso3c, verbCoop,
  matlCoop, verbConf, matlConf), directed and complete over 152 states. South Korea is ``KOR`` ("Korea,
  Republic Of"), North Korea ``PRK``; Taiwan is not among the 152 states, so the Northeast Asian set has
  21 pairs, not 28. Both directions are summed into an undirected dyad-year; NC is NaN in a year with no events.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import numpy as np

from blocwatch.analysis.dyads import NEASIA
from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.analysis.series import PairSeries, read_series_file

GDELT_PERIODS = ("week", "month")
QUAD_COLUMNS = ("verbCoop", "matlCoop", "verbConf", "matlConf")


def as_mapping(series: list[PairSeries]) -> dict[str, np.ndarray]:
    """Pair label (e.g. ``USA–CHN``) → values, in the order given."""
    return {s.label: s.values for s in series}


def gdelt_pair_series(path: Path, period: str = "week") -> list[PairSeries]:
    """Mean daily GDELT pair score per calendar week or month, one series per pair."""
    if period not in GDELT_PERIODS:
        raise AnalysisInputError(f"period {period}: use week or month")
    return read_series_file(path, value="edge_score", period=period)


def _order(a: str, b: str) -> tuple[str, str]:
    """Northeast Asian pairs in the order of ``NEASIA`` (USA first), other pairs alphabetically."""
    if a in NEASIA and b in NEASIA:
        return (a, b) if NEASIA.index(a) < NEASIA.index(b) else (b, a)
    return (a, b) if a < b else (b, a)


def _read_icews(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    if not path.is_file():
        raise AnalysisInputError(f"{path}: no such ICEWS dyad-year file")
    quoted = str(path).replace("'", "''")
    try:
        con.execute(f"CREATE TEMP VIEW raw AS SELECT * FROM read_csv('{quoted}', header=true, auto_detect=true)")
        columns = con.sql("SELECT * FROM raw LIMIT 0").columns
    except duckdb.Error as exc:
        raise AnalysisInputError(f"{path}: cannot read a dyad-year CSV ({str(exc).splitlines()[0]})") from None
    missing = [c for c in ("year", "i_iso3c", "j_iso3c", *QUAD_COLUMNS) if c not in columns]
    if missing:
        raise AnalysisInputError(f"{path}: needs columns year, i_iso3c, j_iso3c and {', '.join(QUAD_COLUMNS)}; "
                                 f"missing {', '.join(missing)}")


def icews_dyad_nc(
    path: Path, states: tuple[str, ...] | None = NEASIA, min_events: int = 0
) -> list[PairSeries]:
    """Net cooperation per undirected dyad-year (NaN in a year with no events).

    ``states`` limits the dyads to pairs of those ISO3 codes (None: every pair of states); ``min_events`` keeps
    only dyads with at least that many events (both directions, all four classes) in every year.
    """
    if min_events < 0:
        raise AnalysisInputError(f"min_events {min_events}: use 0 or more")
    con = duckdb.connect()
    try:
        _read_icews(con, path)
        where = "i_iso3c <> j_iso3c"
        params: list[object] = []
        if states is not None:
            where = f"({where}) AND i_iso3c IN (SELECT unnest(?)) AND j_iso3c IN (SELECT unnest(?))"
            params = [list(states), list(states)]
        rows = con.execute(
            f"""WITH d AS (
                  SELECT least(i_iso3c, j_iso3c) AS a, greatest(i_iso3c, j_iso3c) AS b, CAST(year AS INTEGER) AS year,
                         sum(verbCoop + matlCoop) AS coop, sum(verbConf + matlConf) AS conf
                  FROM raw WHERE {where} GROUP BY ALL),
                keep AS (SELECT a, b FROM d GROUP BY a, b HAVING min(coop + conf) >= {int(min_events)})
                SELECT d.a, d.b, d.year,
                       CASE WHEN coop + conf > 0 THEN (coop - conf) / (coop + conf) END AS nc
                FROM d JOIN keep USING (a, b) ORDER BY d.a, d.b, d.year""",
            params,
        ).fetchall()
    except duckdb.Error as exc:
        raise AnalysisInputError(f"{path}: cannot aggregate dyad-years ({str(exc).splitlines()[0]})") from None
    finally:
        con.close()
    return _icews_series(rows)


def _icews_series(rows: list[tuple]) -> list[PairSeries]:
    if not rows:
        raise AnalysisInputError("no dyad-years left: check the state codes (ISO3, e.g. USA,CHN) and min_events")
    years = sorted({r[2] for r in rows})
    calendar = {y: k for k, y in enumerate(range(years[0], years[-1] + 1))}
    values: dict[tuple[str, str], np.ndarray] = {}
    for a, b, year, nc in rows:
        pair = _order(a, b)
        values.setdefault(pair, np.full(len(calendar), np.nan))[calendar[year]] = np.nan if nc is None else nc
    dates = [date(y, 1, 1) for y in calendar]
    order = sorted(values, key=lambda p: (_rank(p[0]), _rank(p[1]), p))
    return [PairSeries(pair, dates, values[pair]) for pair in order]


def _rank(state: str) -> int:
    return NEASIA.index(state) if state in NEASIA else len(NEASIA)
