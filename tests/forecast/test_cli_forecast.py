"""`blocwatch forecast dyads` on the real GDELT pair series: every forecast comes with its backtest skill."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

from tests.conftest import shared


def test_weekly_forecasts_for_every_pair_with_skill():
    series = shared("gdelt-graph-daily", "neasia_pairs_daily_2018_2024.csv")
    proc = subprocess.run([sys.executable, "-m", "blocwatch.cli", "forecast", "dyads", "--series", str(series),
                           "--period", "month", "--json"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 28
    for r in rows:
        assert r["backtest_n"] > 20 and r["low"] <= r["forecast"] <= r["high"]
        assert r["skill_vs_persistence"] is not None and r["skill_vs_seasonal"] is not None
    assert statistics.median(r["skill_vs_persistence"] for r in rows) > 0  # the default model beats persistence


def test_unknown_model_is_a_one_line_error():
    proc = subprocess.run([sys.executable, "-m", "blocwatch.cli", "forecast", "dyads", "--model", "oracle"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "--model oracle" in proc.stderr and "Traceback" not in proc.stderr
