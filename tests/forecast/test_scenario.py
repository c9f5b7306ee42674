"""What-if scenarios on a small store with two clear camps: the baseline, the shift, and the store left alone."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.analysis.events import open_events
from blocwatch.forecast.scenario import (
    add_scenario_events,
    build_model,
    load_scenario,
    scenario_events_table,
    side_changes,
)
from blocwatch.lexicon.cameo import load_cameo
from blocwatch.store.duckdb_store import DuckDBStore

WEST, EAST = ("USA", "JPN", "KOR"), ("CHN", "RUS", "PRK")


def _event(i: int, day: str, source: str, target: str, code: str) -> dict:
    info = load_cameo().get(code)
    return {"event_id": f"e{i}", "origin": "test", "date": date.fromisoformat(day), "source": source,
            "target": target, "code": code, "root": code[:2], "quad_class": info.quad_class,
            "goldstein": info.goldstein, "mode": "asserted"}


@pytest.fixture()
def camps_store(tmp_path: Path) -> Path:
    """Cooperation inside each camp, conflict across; Japan also trades warmly with China."""
    rows, i = [], 0
    for camp in (WEST, EAST):
        for a in camp:
            for b in camp:
                if a != b:
                    for _ in range(4):
                        rows.append(_event(i, "2024-03-10", a, b, "057"))
                        i += 1
    for a in WEST:
        for b in EAST:
            for _ in range(3):
                rows.append(_event(i, "2024-04-02", a, b, "112"))
                rows.append(_event(i + 1, "2024-04-03", b, a, "138"))
                i += 2
    path = tmp_path / "camps.duckdb"
    with DuckDBStore(path) as store:
        store.write_imported(store.start_run("test"), pa.Table.from_pylist(rows), [])
    return path


def _scenario(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text("name: test\nwindow: {since: 2024-01-01, until: 2024-12-31}\n"
                    "actors: [USA, JPN, KOR, CHN, RUS, PRK]\nsizes_year: 2022\n" + body)
    return path


def test_baseline_finds_the_two_camps_and_a_scenario_moves_japan(camps_store, tmp_path):
    spec = load_scenario(_scenario(tmp_path, """events:
  - {source: JPN, target: CHN, code: "062", count: 40}
  - {source: CHN, target: JPN, code: "062", count: 40}
  - {source: JPN, target: USA, code: "112", count: 30}
  - {source: JPN, target: KOR, code: "112", count: 30}
  - {source: JPN, target: RUS, code: "057", count: 30}
"""))
    with open_events(db=camps_store) as events:
        baseline = build_model(events, spec, apply_edits=False)
        add_scenario_events(events, scenario_events_table(spec, spec.until))
        what_if = build_model(events, spec, apply_edits=True)
        assert events.count() == 6 * 4 * 2 + 9 * 6 + 170
    best = baseline.result.minima[0]
    assert {frozenset(best.coalitions[0]), frozenset(best.coalitions[1])} == {frozenset(WEST), frozenset(EAST)}
    assert side_changes(baseline, what_if) == ["JPN"]
    with DuckDBStore(camps_store, read_only=True) as store:
        assert store.counts()["events"] == 6 * 4 * 2 + 9 * 6  # scenario events never reach the store


def test_removing_an_actor_and_editing_propensities(camps_store, tmp_path):
    spec = load_scenario(_scenario(tmp_path, "remove: [KOR]\npropensity:\n  - {a: USA, b: CHN, set: 0.9}\n"))
    with open_events(db=camps_store) as events:
        what_if = build_model(events, spec, apply_edits=True)
    assert "KOR" not in what_if.actors
    i, j = what_if.actors.index("USA"), what_if.actors.index("CHN")
    assert what_if.propensity[i, j] == what_if.propensity[j, i] == 0.9
    assert abs(what_if.sizes.sum() - 1) < 1e-12


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("events:\n  - {source: USA, target: JPN, code: \"999\"}\n", "unknown CAMEO code"),
        ("events:\n  - {source: USA, target: FRA, code: \"057\"}\n", "FRA not among the scenario's actors"),
        ("propensity:\n  - {a: USA, b: CHN}\n", "exactly one of add or set"),
        ("window: {since: 2024-13-01}\n", "not a real YYYY-MM-DD date"),
        ("window: {since: 'last spring'}\n", "not a YYYY-MM-DD date"),
    ],
)
def test_bad_scenarios_say_what_is_wrong(tmp_path, body, message):
    with pytest.raises(AnalysisInputError, match=message):
        load_scenario(_scenario(tmp_path, body))


def test_cli_runs_a_scenario_and_reports_both_runs(camps_store, tmp_path):
    path = _scenario(tmp_path, "events:\n  - {source: JPN, target: CHN, code: \"062\", count: 5}\n")
    proc = subprocess.run([sys.executable, "-m", "blocwatch.cli", "scenario", str(path), "--db", str(camps_store),
                           "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["baseline"][0]["rank"] == 1 and result["what_if"][0]["rank"] == 1
    assert "actors_changing_side" in result
    bad = subprocess.run([sys.executable, "-m", "blocwatch.cli", "scenario", str(tmp_path / "none.yaml"), "--db",
                          str(camps_store)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "no such scenario file" in bad.stderr
