"""Analytics on real ICEWS events (Aug–Oct 2018), imported into a store, run as a user runs them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from blocwatch.store import open_store
from tests.conftest import shared

NEASIA = ["USA", "CHN", "JPN", "KOR", "PRK", "RUS", "MNG", "TWN"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "blocwatch.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def icews_store(tmp_path_factory) -> Path:
    files = [shared("icews-tkg-tlogic", name) for name in ("icews18_valid.txt", "icews18_test.txt")]
    db = tmp_path_factory.mktemp("icews") / "icews18.duckdb"
    proc = run("import", "icews-quads", *map(str, files), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


def test_report_shows_dyads_nc_and_blocs(icews_store, tmp_path):
    out, plot = tmp_path / "report.md", tmp_path / "network.png"
    proc = run(
        "analyze",
        "report",
        "--db",
        str(icews_store),
        "--since",
        "2018-08-01",
        "--until",
        "2018-10-31",
        "--out",
        str(out),
        "--plot",
        str(plot),
    )
    assert proc.returncode == 0, proc.stderr
    text = out.read_text()
    rows = {
        line.split("|")[1].strip(): line for line in text.splitlines() if re.match(r"\| [A-Z]{3}–[A-Z]{3} \|", line)
    }
    # every pair of the eight states that ICEWS saw interact in the span is reported
    assert {"CHN–USA", "KOR–PRK", "PRK–USA", "JPN–USA", "CHN–RUS", "CHN–TWN", "MNG–RUS"} <= set(rows)
    nc = {pair: float(line.split("|")[8]) for pair, line in rows.items() if line.split("|")[8].strip() != "–"}
    assert nc["CHN–TWN"] < 0 < nc["CHN–USA"] < nc["KOR–USA"]  # the cross-strait dyad is the only net-hostile one
    assert min(nc, key=nc.get) == "CHN–TWN"
    assert "## Blocs" in text and "Doreian–Mrvar" in text and "SPONGE" in text
    assert "## Blocs by month" in text and "2018-09-01" in text
    assert plot.stat().st_size > 10_000


def test_blocs_separate_the_rivals(icews_store):
    from datetime import date

    from blocwatch.analysis.dyads import DyadOptions
    from blocwatch.analysis.events import open_events
    from blocwatch.analysis.report import build_report

    options = DyadOptions(since=date(2018, 8, 1), until=date(2018, 10, 31))
    with open_events(db=icews_store) as ev:
        report = build_report(ev, options)
    blocs = report.blocs.doreian_mrvar
    assert blocs["CHN"] != blocs["TWN"]
    assert blocs["CHN"] != blocs["USA"]
    ties = {(a, b): w for a, b, w, _ in report.network.edges()}
    assert ties[("USA", "CHN")] < 0 and ties[("CHN", "TWN")] < 0 and ties[("CHN", "RUS")] > 0
    assert report.balance["triangles"] >= report.balance["balanced_triangles"] > 0
    assert len(report.monthly) == 3


def test_alerts_are_stored_with_the_events_that_drove_them(icews_store, tmp_path):
    proc = run(
        "analyze",
        "alerts",
        "--db",
        str(icews_store),
        "--period",
        "week",
        "--window",
        "4",
        "--k",
        "2",
        "--save",
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    alerts = [json.loads(line) for line in proc.stdout.splitlines()]
    assert alerts, proc.stderr
    with open_store(icews_store, read_only=True) as store:
        stored = store.query_alerts()
        assert len(stored) == len(alerts)
        first = stored[0]
        ids = first["event_ids"].split()
        a, b = first["subject"].split("–")
        placeholders = ", ".join("?" for _ in ids)
        rows = store.con.execute(
            f"SELECT source, target, date FROM events WHERE event_id IN ({placeholders})", ids
        ).fetchall()
    assert rows and all({s[:3], t[:3]} == {a, b} for s, t, _ in rows)
    assert all(first["period"] <= d for _, _, d in rows)
    again = run("analyze", "alerts", "--db", str(icews_store), "--period", "week", "--window", "4", "--save")
    assert "stored 0 new alerts" in again.stderr


def test_dyads_as_json_and_bad_options(icews_store):
    proc = run("analyze", "dyads", "--db", str(icews_store), "--undirected", "--json", "--actors", "CHN,USA")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {(r["source"], r["target"]) for r in rows} == {("CHN", "USA")}
    assert sum(r["events"] for r in rows) == 710
    bad = run("analyze", "dyads", "--db", str(icews_store), "--period", "fortnight")
    assert bad.returncode == 2 and "--period fortnight" in bad.stderr and "Traceback" not in bad.stderr
    missing = run("analyze", "dyads", "--db", "/nonexistent/store.duckdb")
    assert missing.returncode == 2 and "no such store" in missing.stderr
