"""Dyad aggregation on a small hand-made events file whose every count is known."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from blocwatch.analysis.dyads import DyadOptions, dyad_events, dyad_table
from blocwatch.analysis.events import AnalysisInputError, open_events
from blocwatch.analysis.network import signed_networks

# (date, source, target, code, mode, mentions); quad classes follow from the codes:
# 036 intent to meet = 1, 057 sign agreement = 1, 061 economic cooperation = 2, 112 accuse = 3, 190 fight = 4.
EVENTS = [
    ("2019-01-03", "USAGOV", "JPNGOV", "036", "asserted", 2),
    ("2019-01-09", "USA", "JPN", "057", "asserted", 1),
    ("2019-01-20", "JPNGOV", "USAGOV", "061", "asserted", 3),
    ("2019-01-22", "USA", "PRK", "112", "asserted", 5),
    ("2019-01-23", "PRKMIL", "USAMIL", "190", "asserted", 1),
    ("2019-01-25", "USA", "PRK", "036", "hypothetical", 1),
    ("2019-01-26", "USA", "PRK", "036", "negated", 1),
    ("2019-02-02", "CHNGOV", "RUSGOV", "057", "asserted", 1),
    ("2019-02-14", "USA", "PRK", "112", "asserted", 1),
    ("2019-02-14", "USA", "USA", "112", "asserted", 1),  # self-dyad: never counted
    ("2019-02-15", "USA", "GBR", "036", "asserted", 1),  # outside the actor set
    ("2019-04-01", "USA", "JPN", "036", "asserted", 1),
]


@pytest.fixture()
def events_file(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_id", "date", "source", "target", "code", "mode", "num_mentions"])
        for i, row in enumerate(EVENTS):
            writer.writerow([f"e{i}", *row])
    return path


def rows_by_key(table) -> dict:
    return {(r["period"].isoformat(), r["source"], r["target"]): r for r in table.to_pylist()}


def test_directed_month_counts_quads_goldstein_and_nc(events_file):
    with open_events(events_file=events_file) as ev:
        rows = rows_by_key(dyad_table(ev))
    us_jp = rows[("2019-01-01", "USA", "JPN")]
    assert (us_jp["events"], us_jp["vc"], us_jp["mc"], us_jp["vk"], us_jp["mk"]) == (2, 2, 0, 0, 0)
    assert us_jp["goldstein_sum"] == pytest.approx(4.0 + 8.0)  # 036 = 4.0, 057 = 8.0 in the GDELT lookup
    assert us_jp["nc"] == 1.0
    us_kp = rows[("2019-01-01", "USA", "PRK")]
    assert (us_kp["events"], us_kp["vk"]) == (1, 1)  # hypothetical and negated meetings are not counted
    assert us_kp["nc"] == -1.0
    kp_us = rows[("2019-01-01", "PRK", "USA")]
    assert kp_us["mk"] == 1 and kp_us["goldstein_mean"] == pytest.approx(-10.0)
    assert ("2019-02-01", "USA", "USA") not in rows
    assert not any(k[2] == "GBR" for k in rows)
    assert ("2019-02-01", "CHN", "RUS") in rows


def test_undirected_sums_both_directions_and_weights_by_mentions(events_file):
    with open_events(events_file=events_file) as ev:
        rows = rows_by_key(dyad_table(ev, DyadOptions(undirected=True)))
    jp_us = rows[("2019-01-01", "JPN", "USA")]
    assert (jp_us["events"], jp_us["vc"], jp_us["mc"]) == (3, 2, 1)
    kp_us = rows[("2019-01-01", "PRK", "USA")]
    assert (kp_us["vk"], kp_us["mk"], kp_us["nc"]) == (1, 1, -1.0)
    assert jp_us["mentions"] == 6
    # mention-weighted NC: all cooperative, so still 1; for PRK–USA (5 + 1 mentions, all conflict) still -1
    assert jp_us["nc_weighted"] == 1.0 and kp_us["nc_weighted"] == -1.0


def test_modes_min_events_and_dates(events_file):
    with open_events(events_file=events_file) as ev:
        all_modes = rows_by_key(dyad_table(ev, DyadOptions(modes=("asserted", "hypothetical", "negated"))))
        assert all_modes[("2019-01-01", "USA", "PRK")]["events"] == 3
        sparse = rows_by_key(dyad_table(ev, DyadOptions(min_events=2)))
        assert sparse[("2019-01-01", "USA", "PRK")]["nc"] is None  # one event: counts kept, NC withheld
        assert sparse[("2019-01-01", "USA", "JPN")]["nc"] == 1.0
        feb = dyad_table(ev, DyadOptions(since=date(2019, 2, 1), until=date(2019, 2, 28)))
        assert {(r["source"], r["target"]) for r in feb.to_pylist()} == {("CHN", "RUS"), ("USA", "PRK")}


def test_rolling_window_fills_the_calendar(events_file):
    with open_events(events_file=events_file) as ev:
        rows = rows_by_key(dyad_table(ev, DyadOptions(rolling=2)))
    # USA→JPN: 2 events in January, none in February or March, 1 in April
    assert rows[("2019-02-01", "USA", "JPN")]["events"] == 2
    assert rows[("2019-03-01", "USA", "JPN")]["events"] == 0
    assert rows[("2019-03-01", "USA", "JPN")]["nc"] is None
    assert rows[("2019-04-01", "USA", "JPN")]["events"] == 1


def test_numeric_codes_from_csv_keep_their_meaning(tmp_path):
    path = tmp_path / "numeric.csv"
    path.write_text("date,source,target,code\n2019-05-01,USA,CHN,57\n2019-05-02,USA,CHN,190\n")
    with open_events(events_file=path) as ev:
        row = dyad_table(ev).to_pylist()[0]
    assert (row["vc"], row["mk"]) == (1, 1)


def test_evidence_for_a_dyad_period(events_file):
    with open_events(events_file=events_file) as ev:
        table = dyad_events(ev, "JPN", "USA", date(2019, 1, 1), date(2019, 2, 1), DyadOptions(undirected=True))
    assert table.column("event_id").to_pylist() == ["e0", "e1", "e2"]


def test_signed_network_signs_relative_to_the_system(events_file):
    with open_events(events_file=events_file) as ev:
        table = dyad_table(ev, DyadOptions(undirected=True))
    actors = ["USA", "JPN", "PRK", "CHN", "RUS"]
    january = signed_networks(table, actors)[0]
    usa, jpn, prk = 0, 1, 2
    # January: USA–JPN NC 1 (3 events), PRK–USA NC -1 (2 events); system mean = (3 - 2) / 5 = 0.2
    assert january.weights[usa, jpn] == pytest.approx(0.8)
    assert january.weights[usa, prk] == pytest.approx(-1.2)
    assert np.allclose(january.weights, january.weights.T)
    absolute = signed_networks(table, actors, method="absolute")[0]
    assert absolute.weights[usa, jpn] == 1.0


def test_bad_inputs_name_the_problem(tmp_path, events_file):
    with pytest.raises(AnalysisInputError, match="no such events file"):
        open_events(events_file=tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("when,who,whom\n2019-01-01,USA,CHN\n")
    with pytest.raises(AnalysisInputError, match="missing date, source, target"):
        open_events(events_file=bad)
    with open_events(events_file=events_file) as ev, pytest.raises(AnalysisInputError, match="--period"):
        dyad_table(ev, DyadOptions(period="fortnight"))
