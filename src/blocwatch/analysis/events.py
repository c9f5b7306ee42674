"""Where analytics read events from: a blocwatch store or a plain events file, seen as one DuckDB view.

Every measure works on the same normalised view ``ev`` with the columns
``event_id, date, source, target, code, quad_class, goldstein, mode, num_mentions`` and the
evidence columns ``doc_id, sentence, trigger, source_text, target_text`` (empty when a file lacks them).
A DuckDB store is attached read-only (nothing is copied, so ten million events
cost nothing to open); a PostgreSQL store is read through its events query into
Arrow; a file may be Parquet, CSV/TSV (optionally gzipped) or JSON lines as
written by ``blocwatch events``, or any table with at least date, source, target
and either quad_class or a CAMEO code (QuadClass and Goldstein then come from
the CAMEO table, as in the GDELT codebook).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.lexicon.cameo import load_cameo

__all__ = ["MODES", "AnalysisInputError", "EventSet", "open_events"]

MODES = ("asserted", "negated", "hypothetical", "future")
EVIDENCE_COLUMNS = ("doc_id", "sentence", "trigger", "source_text", "target_text")


@dataclass
class EventSet:
    """A DuckDB connection with the normalised events view ``ev``."""

    con: duckdb.DuckDBPyConnection
    label: str

    def count(self) -> int:
        return self.con.execute("SELECT count(*) FROM ev").fetchone()[0]

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventSet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cameo_table() -> pa.Table:
    table = load_cameo()
    rows = [table.get(code) for code in table.codes()]
    return pa.table(
        {
            "cameo_code": [r.code for r in rows],
            "cameo_quad": pa.array([r.quad_class for r in rows], pa.int8()),
            "cameo_goldstein": [r.goldstein for r in rows],
        }
    )


def _file_relation(path: Path) -> str:
    name = path.name.lower()
    quoted = str(path).replace("'", "''")
    if name.endswith(".parquet"):
        return f"read_parquet('{quoted}')"
    if name.endswith((".jsonl", ".ndjson", ".json", ".jsonl.gz")):
        return f"read_json_auto('{quoted}', format='newline_delimited')"
    if name.endswith((".csv", ".tsv", ".csv.gz", ".tsv.gz", ".txt")):
        return f"read_csv('{quoted}', header=true, auto_detect=true)"
    raise AnalysisInputError(f"{path}: unknown events file type; use .parquet, .csv, .tsv or .jsonl")


def normalise_view(con: duckdb.DuckDBPyConnection, raw: str, label: str) -> None:
    """Create the view ``ev`` over the relation ``raw``, filling what a plain file may lack."""
    try:
        columns = {c.lower() for c in con.sql(f"SELECT * FROM {raw} LIMIT 0").columns}
    except duckdb.Error as exc:
        raise AnalysisInputError(f"{label}: cannot read events ({str(exc).splitlines()[0]})") from None
    missing = {"date", "source", "target"} - columns
    if missing or not ({"quad_class", "code"} & columns):
        need = sorted(missing) or ["quad_class or code"]
        raise AnalysisInputError(f"{label}: events need columns date, source, target and quad_class or code; "
                                 f"missing {', '.join(need)}")
    con.register("cameo_lookup", _cameo_table())
    code = "CAST(r.code AS VARCHAR)" if "code" in columns else "NULL"
    quad = "CAST(r.quad_class AS TINYINT)" if "quad_class" in columns else "NULL"
    gold = "CAST(r.goldstein AS DOUBLE)" if "goldstein" in columns else "NULL"
    mode = "CAST(r.mode AS VARCHAR)" if "mode" in columns else "'asserted'"
    mentions = "CAST(r.num_mentions AS INTEGER)" if "num_mentions" in columns else "1"
    event_id = "CAST(r.event_id AS VARCHAR)" if "event_id" in columns else "CAST(row_number() OVER () AS VARCHAR)"
    evidence = ", ".join(f"CAST(r.{c} AS VARCHAR) AS {c}" if c in columns else f"CAST(NULL AS VARCHAR) AS {c}"
                         for c in EVIDENCE_COLUMNS)
    join = ""
    if "code" in columns and not {"quad_class", "goldstein"} <= columns:
        # Codes read from CSV as numbers lose their leading zero ("57" for "057").
        text = "CAST(r.code AS VARCHAR)"
        join = (f" LEFT JOIN cameo_lookup c ON c.cameo_code = CASE WHEN {text} IN (SELECT cameo_code FROM cameo_lookup)"
                f" THEN {text} ELSE '0' || {text} END")
        quad = f"coalesce({quad}, c.cameo_quad)"
        gold = f"coalesce({gold}, c.cameo_goldstein)"
    con.execute(
        f"""CREATE OR REPLACE TEMP VIEW ev AS
            SELECT {event_id} AS event_id, CAST(r.date AS DATE) AS date,
                   CAST(r.source AS VARCHAR) AS source, CAST(r.target AS VARCHAR) AS target,
                   {code} AS code, {quad} AS quad_class, {gold} AS goldstein,
                   coalesce({mode}, 'asserted') AS mode, coalesce({mentions}, 1) AS num_mentions, {evidence}
            FROM {raw} r{join}"""
    )
    try:
        con.execute("SELECT * FROM ev LIMIT 1").fetchall()
    except duckdb.Error as exc:
        raise AnalysisInputError(f"{label}: cannot read events ({str(exc).splitlines()[0]})") from None


def open_events(db: str | Path | None = None, events_file: Path | None = None) -> EventSet:
    """Open a store (``db``) or a plain events file (``events_file``) as an ``EventSet``."""
    if (db is None) == (events_file is None):
        raise AnalysisInputError("give either a store (--db) or an events file (--events), not both or neither")
    con = duckdb.connect()
    if events_file is not None:
        path = Path(events_file)
        if not path.is_file():
            raise AnalysisInputError(f"{path}: no such events file")
        normalise_view(con, _file_relation(path), str(path))
        return EventSet(con, str(path))
    from blocwatch.store import is_postgres

    if is_postgres(db):
        from blocwatch.store import open_store

        with open_store(str(db), read_only=True) as store:
            con.register("store_events", store.query_events())
        normalise_view(con, "store_events", "store")
        return EventSet(con, "store")
    path = Path(db)
    if not path.is_file():
        raise AnalysisInputError(f"{path}: no such store; create it with `blocwatch ingest` or `blocwatch import`")
    quoted = str(path).replace("'", "''")
    try:
        con.execute(f"ATTACH '{quoted}' AS store (READ_ONLY)")
        con.execute("SELECT 1 FROM store.events LIMIT 0")
    except duckdb.Error as exc:
        raise AnalysisInputError(f"{path}: not a blocwatch store ({str(exc).splitlines()[0]})") from None
    normalise_view(con, "store.events", str(path))
    return EventSet(con, str(path))
