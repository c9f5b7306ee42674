"""`blocwatch demo`: the whole pipeline on the shipped corpus, and a report that opens offline."""

from __future__ import annotations

import re
import subprocess
import sys

import duckdb


def test_demo_builds_store_alerts_and_an_offline_report(tmp_path):
    out = tmp_path / "demo"
    proc = subprocess.run([sys.executable, "-m", "blocwatch.cli", "demo", "--dir", str(out)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    summary = r"read \d+ · stored (\d+) · duplicates [1-9]\d* · quarantined [1-9]\d* · events (\d+)"
    assert re.search(summary, proc.stderr)
    stored, events = map(int, re.search(r"stored (\d+) .* events (\d+)", proc.stderr).groups())
    assert stored >= 120 and events >= 400
    report = (out / "report.html").read_text()
    assert str(out / "report.html") in proc.stdout
    # self-contained: inline SVG charts, nothing fetched from the network
    assert report.count("<svg") >= 2
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']https?://""", report)
    assert "Blocs" in report and "<mark>" in report  # evidence sentences with the trigger and actors marked
    con = duckdb.connect(str(out / "demo.duckdb"), read_only=True)
    years = {y for (y,) in con.execute("SELECT DISTINCT year(date) FROM events WHERE date IS NOT NULL").fetchall()}
    assert set(range(2017, 2026)) <= years
    alerts, linked = con.execute("SELECT count(*), (SELECT count(DISTINCT alert_id) FROM alert_events) "
                                 "FROM alerts").fetchone()
    assert alerts > 0 and linked == alerts  # every alert keeps the events that drove it
    stored_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    again = subprocess.run([sys.executable, "-m", "blocwatch.cli", "demo", "--dir", str(out)], capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    con = duckdb.connect(str(out / "demo.duckdb"), read_only=True)
    # re-running adds nothing twice
    counts = con.execute("SELECT count(*), (SELECT count(*) FROM alerts) FROM events").fetchone()
    assert counts == (stored_events, alerts)
    con.close()
