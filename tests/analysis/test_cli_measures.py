"""`blocwatch analyze` on the real reference data, run as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from tests.conftest import shared


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "blocwatch.cli", "analyze", *args], capture_output=True, text=True,
                          timeout=300)


def test_un_voting_agreement_session_74():
    votes = shared("unvotes")
    proc = run("alignment", "--votes", str(votes), "--session", "74", "--csv")
    assert proc.returncode == 0, proc.stderr
    rows = {(r["a"], r["b"]): r["agreement"] for r in csv.DictReader(io.StringIO(proc.stdout))}
    assert round(float(rows[("CHN", "RUS")]), 4) == 0.7931
    assert rows[("USA", "TWN")] == ""  # Taiwan has no seat: no votes, no value
    kappa = run("alignment", "--votes", str(votes), "--session", "74", "--measure", "kappa", "--json")
    values = {(r["a"], r["b"]): r["kappa"] for r in map(json.loads, kappa.stdout.splitlines())}
    assert values[("CHN", "RUS")] > 0.3 > values[("USA", "CHN")]


def test_capabilities_polarity_and_bloc_shares():
    nmc = shared("peacesciencer", "cow_nmc.csv")
    proc = run("power", "--nmc", str(nmc), "--year", "2016", "--blocs", "USA,JPN,KOR,TWN/CHN,RUS,PRK,MNG", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    cinc = {r["actor"]: r["cinc"] for r in rows if "actor" in r}
    assert max(cinc, key=cinc.get) == "CHN" and sorted(cinc, key=cinc.get)[-2] == "USA"
    blocs = [r for r in rows if "bloc" in r]
    assert abs(sum(b["capability_share"] for b in blocs) - 1) < 1e-9
    scopes = {r["scope"]: r for r in rows if "scope" in r}
    assert 1 < scopes["these actors"]["effective_poles"] < 8 < scopes["all states"]["effective_poles"]


def test_change_points_and_alerts_for_every_gdelt_pair(tmp_path):
    series = shared("gdelt-graph-daily", "neasia_pairs_daily_2018_2024.csv")
    pairs = {f"{a}–{b}" for a, b in
             (row[1:3] for row in csv.reader(series.open()) if row[0] == "20180101")}
    assert len(pairs) == 28
    changes = run("changes", "--series", str(series), "--resample", "week", "--json", "--plot",
                  str(tmp_path / "changes.png"))
    assert changes.returncode == 0, changes.stderr
    found = [json.loads(line) for line in changes.stdout.splitlines()]
    assert "in 28 series" in changes.stderr
    assert len({r["pair"] for r in found}) >= 27  # MNG–TWN is almost all zeros: a flat series may have none
    assert (tmp_path / "changes.png").stat().st_size > 20_000
    alerts = run("alerts", "--series", str(series), "--resample", "week", "--k", "3", "--json", "--plot",
                 str(tmp_path / "alerts.html"))
    assert alerts.returncode == 0, alerts.stderr
    flagged = [json.loads(line) for line in alerts.stdout.splitlines()]
    assert {r["subject"] for r in flagged} == pairs
    assert all(abs(r["z"]) > 3 for r in flagged)
    assert "<svg" in (tmp_path / "alerts.html").read_text()


def test_bad_plot_name_and_missing_inputs_are_one_line_errors(tmp_path):
    series = shared("gdelt-graph-daily", "neasia_pairs_daily_2018_2024.csv")
    bad = run("changes", "--series", str(series), "--plot", str(tmp_path / "x.jpg"))
    assert bad.returncode == 2 and "--plot" in bad.stderr and "Traceback" not in bad.stderr
    missing = run("power", "--nmc", str(tmp_path / "none.csv"), "--year", "2016")
    assert missing.returncode == 2 and "no such NMC file" in missing.stderr
    votes = run("alignment", "--votes", str(tmp_path), "--session", "74")
    assert votes.returncode == 2 and "not found" in votes.stderr and "Traceback" not in votes.stderr


def test_risk_index_from_stored_documents(tmp_path):
    """Three months of own-written stories: the index follows the share of threat and act stories."""
    stories = [
        ("2019-01-10", "Japan and South Korea held talks on fisheries quotas and agreed to meet again in spring."),
        ("2019-01-20", "North Korea threatened a nuclear strike on the United States if the drills went ahead."),
        ("2019-02-05", "China and Russia signed a trade agreement on soybeans and timber in Beijing."),
        ("2019-02-15", "The Mongolian cabinet approved a budget for new schools in the provinces."),
        ("2019-03-02", "Chinese warships fired missiles near Taiwan as the military buildup on the coast grew."),
        ("2019-03-09", "Russia warned of war with Japan over the disputed islands after troops were deployed there."),
    ]
    source = tmp_path / "stories.jsonl"
    source.write_text("".join(json.dumps({"id": f"s{i}", "date": d, "text": t}) + "\n"
                              for i, (d, t) in enumerate(stories)))
    db = tmp_path / "risk.duckdb"
    ingest = subprocess.run([sys.executable, "-m", "blocwatch.cli", "ingest", str(source), "--db", str(db)],
                            capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    proc = run("risk", "--db", str(db), "--base", "2019-01:2019-01", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["period"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert rows["2019-01"]["gpr"] == 100.0  # one of two stories matches: the base
    assert rows["2019-02"]["gpr"] == 0.0
    assert rows["2019-03"]["gpr"] == 200.0  # both stories match
    # per-country: the January threat names the United States and North Korea, March's stories do not
    assert rows["2019-01"]["USA"] == rows["2019-01"]["PRK"] == 100.0
    assert rows["2019-03"]["USA"] == 0.0
    assert rows["2019-03"]["TWN"] is None  # no Taiwan story in the base month: that sub-index is undefined
