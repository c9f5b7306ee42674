"""Series per pair: from a dyad table, or from a plain pair-series file such as daily GDELT pair scores.

A series file is CSV with a date column (YYYY-MM-DD or YYYYMMDD), two actor
columns (``country_a``/``country_b`` or ``source``/``target``) and a value column
(the first numeric column after those, or the one named). Series can be
resampled to weekly, monthly or quarterly means, on a complete calendar (empty
periods are NaN), which is what change-point detection and baselines expect.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from blocwatch.analysis.events import AnalysisInputError

PAIR_COLUMNS = (("country_a", "country_b"), ("source", "target"), ("a", "b"))
RESAMPLE = ("day", "week", "month", "quarter", "year")


@dataclass
class PairSeries:
    """One pair's values on a regular calendar (NaN where nothing was observed)."""

    pair: tuple[str, str]
    dates: list[date]
    values: np.ndarray

    @property
    def label(self) -> str:
        return f"{self.pair[0]}–{self.pair[1]}"


def _calendar(con: duckdb.DuckDBPyConnection, period: str, sql: str, params: list) -> list[PairSeries]:
    """Complete the calendar per pair and return the series (``sql`` yields period, a, b, value)."""
    step = f"INTERVAL 1 {period}"
    table = con.sql(
        f"""WITH x AS ({sql}),
            p AS (SELECT unnest(generate_series(min(period), max(period), {step}))::DATE AS period FROM x),
            d AS (SELECT DISTINCT a, b FROM x)
            SELECT d.a, d.b, p.period, x.value FROM p CROSS JOIN d
            LEFT JOIN x ON x.period = p.period AND x.a = d.a AND x.b = d.b ORDER BY d.a, d.b, p.period""",
        params=params,
    ).to_arrow_table()
    return _split(table)


def _split(table: pa.Table) -> list[PairSeries]:
    out: list[PairSeries] = []
    a, b = table.column("a").to_pylist(), table.column("b").to_pylist()
    periods = table.column("period").to_pylist()
    values = table.column("value").to_numpy(zero_copy_only=False).astype(float)
    start = 0
    for i in range(1, len(a) + 1):
        if i == len(a) or (a[i], b[i]) != (a[start], b[start]):
            out.append(PairSeries((a[start], b[start]), periods[start:i], values[start:i]))
            start = i
    return out


def read_series_file(path: Path, value: str | None = None, period: str = "day") -> list[PairSeries]:
    """Pair series from a CSV file, averaged per ``period``."""
    if period not in RESAMPLE:
        raise AnalysisInputError(f"--resample {period}: use one of {', '.join(RESAMPLE)}")
    if not path.is_file():
        raise AnalysisInputError(f"{path}: no such series file")
    con = duckdb.connect()
    quoted = str(path).replace("'", "''")
    try:
        con.execute(f"CREATE TEMP VIEW raw AS SELECT * FROM read_csv('{quoted}', header=true, auto_detect=true)")
        columns = con.sql("SELECT * FROM raw LIMIT 0").columns
    except duckdb.Error as exc:
        raise AnalysisInputError(f"{path}: cannot read a series CSV ({str(exc).splitlines()[0]})") from None
    pair = next((p for p in PAIR_COLUMNS if set(p) <= set(columns)), None)
    if "date" not in columns or pair is None:
        raise AnalysisInputError(f"{path}: a series file needs a date column and country_a/country_b "
                                 "(or source/target) columns")
    rest = [c for c in columns if c not in ("date", *pair)]
    value = value or (rest[0] if rest else None)
    if value not in rest:
        raise AnalysisInputError(f"{path}: no value column {value!r}; columns are {', '.join(columns)}")
    day = ("CASE WHEN length(CAST(date AS VARCHAR)) = 8 THEN strptime(CAST(date AS VARCHAR), '%Y%m%d')::DATE "
           "ELSE CAST(date AS DATE) END")
    sql = (f"SELECT date_trunc('{period}', {day})::DATE AS period, CAST({pair[0]} AS VARCHAR) AS a, "
           f"CAST({pair[1]} AS VARCHAR) AS b, avg(CAST(\"{value}\" AS DOUBLE)) AS value FROM raw GROUP BY ALL")
    try:
        return _calendar(con, period, sql, [])
    except duckdb.Error as exc:
        raise AnalysisInputError(f"{path}: cannot read the series ({str(exc).splitlines()[0]})") from None
    finally:
        con.close()


def dyad_series(dyads: pa.Table, value: str = "nc", period: str = "month") -> list[PairSeries]:
    """Per-dyad series of one column of a dyad table, on a complete calendar."""
    if value not in dyads.column_names:
        raise AnalysisInputError(f"--value {value}: use one of {', '.join(dyads.column_names[3:])}")
    if period == "all":
        raise AnalysisInputError("series need a calendar period (day, week, month, quarter or year)")
    con = duckdb.connect()
    con.register("dyads", dyads)
    try:
        return _calendar(con, period, f"SELECT period, source AS a, target AS b, {value} AS value FROM dyads", [])
    finally:
        con.close()
