"""Importers on the real GDELT and ICEWS files in ../shared/data, plus small Phoenix and GDELT 2.0 files."""

from __future__ import annotations

from datetime import date

import pytest

from blocwatch.ingest.importers import (
    ActorResolver,
    ImportFormatError,
    read_gdelt,
    read_icews,
    read_icews_quads,
    read_phoenix,
)
from blocwatch.store.duckdb_store import DuckDBStore
from tests.conftest import shared


def test_gdelt1_mixed_57_and_58_columns():
    result = read_gdelt(shared("gdelt-samples-reed9999", "events.csv"))
    t = result.table
    assert result.rows_read == 710 and t.num_rows == 710 and result.rejected == []
    first = t.slice(0, 1).to_pylist()[0]
    assert first["event_id"] == "gdelt:564111644" and first["date"] == date(2006, 7, 31)
    assert (first["source"], first["code"], first["quad_class"], first["num_mentions"]) == ("USA", "010", 1, 2)
    assert set(t.column("origin").to_pylist()) == {"gdelt"}


def test_gdelt_csv_with_header_and_na():
    t = read_gdelt(shared("gdelt-georgia-undp", "gdelt_sept_nov_2012_georgia.csv")).table
    assert t.num_rows == 9753
    rows = t.to_pylist()
    assert {r["date"].year for r in rows} == {2012}
    assert any(r["source"] == "RUS" and r["target"] == "USA" for r in rows)
    assert "" in {r["source"] for r in rows}  # NA actors become empty codes


def test_gdelt2_layout(tmp_path):
    fields = [""] * 61
    fields[0], fields[1], fields[5], fields[15] = "1001", "20190823", "KOR", "JPN"
    fields[26], fields[27], fields[28], fields[29], fields[30] = "163", "163", "16", "4", "-8.0"
    fields[31], fields[32], fields[60] = "12", "3", "https://example.org/a"
    path = tmp_path / "20190823.export.CSV"
    path.write_text("\t".join(fields) + "\n")
    (row,) = read_gdelt(path).table.to_pylist()
    assert (row["source"], row["target"], row["code"], row["goldstein"], row["doc_id"]) == (
        "KOR",
        "JPN",
        "163",
        -8.0,
        "https://example.org/a",
    )


def test_not_gdelt(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("a\tb\tc\n")
    with pytest.raises(ImportFormatError, match="57, 58"):
        read_gdelt(path)


def test_icews_raw_maps_countries_and_sectors():
    t = read_icews(shared("icews-andybega", "icews_sample.csv")).table
    rows = t.to_pylist()
    assert len(rows) == 4993
    first = rows[0]
    assert (first["source"], first["target"], first["code"]) == ("BGDGOV", "VNMMIL", "040")
    share = sum(1 for r in rows if r["source"]) / len(rows)
    assert share > 0.95


def test_icews_quads_actor_names():
    resolver = ActorResolver()
    day = date(2018, 9, 1)
    assert resolver.actor("Citizen_(Nigeria)", day) == "NGACVL"
    assert resolver.actor("Police (India)", day) == "INDCOP"
    assert resolver.actor("Moon_Jae-in", day) == "KORGOV"
    assert resolver.actor("North_Korea", day) == "PRK"
    assert resolver.actor("United_Nations", day) == "IGOUNO"
    result = read_icews_quads(shared("icews-tkg-tlogic", "icews18_valid.txt"))
    rows = result.table.to_pylist()
    assert result.rows_read == len(rows) == 45995 and not result.rejected
    neasia = {"USA", "CHN", "JPN", "KOR", "PRK", "RUS", "MNG", "TWN"}
    assert sum(1 for r in rows if r["source"][:3] in neasia and r["target"][:3] in neasia) > 2000
    assert {r["date"] for r in rows} <= {
        date(2018, m, d) for m in (8, 9, 10) for d in range(1, 32) if (m, d) != (9, 31)
    }


def test_phoenix(tmp_path):
    line = "\t".join(
        [
            "evt7",
            "20180612",
            "2018",
            "6",
            "12",
            "USAGOV",
            "USA",
            "GOV",
            "",
            "PRKGOV",
            "PRK",
            "GOV",
            "",
            "036",
            "03",
            "1",
            "4.0",
            "",
            "1.29",
            "103.85",
            "Singapore",
            "",
            "SGP",
            "s1",
            "u1",
            "AFP",
        ]
    )
    path = tmp_path / "phoenix.txt"
    path.write_text(line + "\nbroken\tline\n")
    result = read_phoenix(path)
    (row,) = result.table.to_pylist()
    assert (row["event_id"], row["source"], row["target"], row["code"], row["quad_class"]) == (
        "phoenix:evt7",
        "USAGOV",
        "PRKGOV",
        "036",
        1,
    )
    assert result.rejected and "26" in result.rejected[0][1]


def test_import_is_idempotent(tmp_path):
    table = read_gdelt(shared("gdelt-samples-reed9999", "events.csv")).table
    with DuckDBStore(tmp_path / "s.duckdb") as store:
        run = store.start_run("import")
        assert store.write_imported(run, table, []) == 710
        assert store.write_imported(run, table, []) == 0
        assert store.query_events(origin="gdelt").num_rows == 710
