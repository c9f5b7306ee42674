"""GDELT import speed: 1M rows synthesised from the real sample's format, beside a bare Arrow CSV read.

Rows are copies of the 58-column GDELT 1.0 rows in ../shared/data/gdelt-samples-reed9999
with fresh event ids. Prints rows/s for `blocwatch import gdelt` (parse, map, write to
DuckDB) and for pyarrow's CSV reader alone on the same file.

    python benchmarks/import_gdelt.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.csv as pacsv

from blocwatch.ingest.importers import GDELT1_COLUMNS, read_gdelt
from blocwatch.store.duckdb_store import DuckDBStore

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "gdelt-samples-reed9999" / "events.csv"


def synthesise(out: Path, rows: int) -> None:
    template = [line.split("\t") for line in SAMPLE.read_text("utf-8").splitlines() if line.count("\t") == 57]
    with out.open("w", encoding="utf-8") as handle:
        for i in range(rows):
            fields = template[i % len(template)]
            fields[0] = str(900_000_000 + i)
            handle.write("\t".join(fields) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    if not SAMPLE.exists():
        sys.exit(f"{SAMPLE}: GDELT sample not found; this benchmark needs ../shared/data")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "gdelt.export.tsv"
        synthesise(data, args.rows)
        started = time.perf_counter()
        pacsv.read_csv(
            data,
            read_options=pacsv.ReadOptions(column_names=GDELT1_COLUMNS),
            parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        )
        bare = time.perf_counter() - started
        started = time.perf_counter()
        result = read_gdelt(data)
        with DuckDBStore(Path(tmp) / "s.duckdb") as store:
            added = store.write_imported(store.start_run("bench"), result.table, [])
        full = time.perf_counter() - started
    print(f"rows {args.rows:,}  imported {added:,}")
    print(f"{'run':<40}{'seconds':>10}{'rows/s':>14}")
    print(f"{'blocwatch import gdelt (→ DuckDB)':<40}{full:>10.2f}{args.rows / full:>14,.0f}")
    print(f"{'pyarrow CSV read only':<40}{bare:>10.2f}{args.rows / bare:>14,.0f}")
    print(f"ratio import/read: {bare / full:.2f}")


if __name__ == "__main__":
    main()
