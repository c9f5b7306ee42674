"""Change points (PELT, binary segmentation) and rolling-baseline alerts: synthetic series with known breaks, and
every Northeast Asian dyad of the shared GDELT daily graph."""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from blocwatch.analysis.change import (
    Alert,
    as_date,
    baseline_alerts,
    change_points,
    default_penalty,
    robust_sigma,
    segments,
)
from tests.conftest import shared

BREAKS = [100, 250, 400]


def piecewise(seed: int, means: tuple[float, ...] = (0.0, 8.0, 0.0, 8.0), breaks: list[int] = BREAKS) -> np.ndarray:
    """Piecewise-constant means plus unit Gaussian noise, 500 points."""
    rng = np.random.default_rng(seed)
    edges = [0, *breaks, 500]
    return np.concatenate([rng.normal(m, 1.0, e - s) for m, s, e in zip(means, edges[:-1], edges[1:], strict=True)])


def variance_change(seed: int) -> np.ndarray:
    """Zero-mean series whose spread jumps from 1 to about 20 at 150 and drops back at 350.

    The loud part alternates in sign, ±(20 + N(0, 1)), so no run of it has a shifted mean and none of its points
    could pass for quiet noise: the breaks are identifiable to the observation.
    """
    rng = np.random.default_rng(seed)
    loud = np.resize([1.0, -1.0], 200) * (20.0 + rng.normal(0.0, 1.0, 200))
    return np.concatenate([rng.normal(0.0, 1.0, 150), loud, rng.normal(0.0, 1.0, 150)])


# --- known breaks -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("method", ["pelt", "binseg"])
@pytest.mark.parametrize("model", ["l2", "rbf"])
def test_mean_shifts_are_found_exactly_with_the_default_penalty(seed: int, method: str, model: str) -> None:
    assert change_points(piecewise(seed), method=method, model=model) == BREAKS


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("method", ["pelt", "binseg"])
def test_mean_shifts_are_found_exactly_given_the_number_of_breaks(seed: int, method: str) -> None:
    assert change_points(piecewise(seed), method=method, n_bkps=3) == BREAKS


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("method", ["pelt", "binseg"])
def test_variance_changes_are_found_exactly_by_the_normal_model(seed: int, method: str) -> None:
    series = variance_change(seed)
    assert change_points(series, method=method, model="normal") == [150, 350]
    assert change_points(series, method=method, model="normal", n_bkps=2) == [150, 350]


def test_a_gaussian_variance_change_is_located_to_within_a_few_observations() -> None:
    rng = np.random.default_rng(7)
    series = np.concatenate([rng.normal(0, 1, 150), rng.normal(0, 5, 200), rng.normal(0, 1, 150)])
    found = change_points(series, model="normal")
    assert len(found) == 2
    assert abs(found[0] - 150) <= 5 and abs(found[1] - 350) <= 5


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("method", ["pelt", "binseg"])
@pytest.mark.parametrize("model", ["l2", "normal", "rbf"])
def test_pure_noise_has_no_breaks(seed: int, method: str, model: str) -> None:
    noise = np.random.default_rng(100 + seed).normal(50.0, 3.0, 500)
    assert change_points(noise, method=method, model=model) == []


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_runs_of_zeros_in_a_sparse_series_do_not_shatter_the_normal_model(seed: int) -> None:
    # Like a rarely reported dyad: 85% of weeks exactly 0. Without the variance floor every run of zeros would
    # look infinitely precise and be cut out (over 30 breaks here); the floor keeps it under n/10.
    rng = np.random.default_rng(seed)
    sparse = np.where(rng.random(300) < 0.15, rng.exponential(5.0, 300), 0.0)
    assert len(change_points(sparse, model="normal")) < 30


def test_a_break_in_a_two_column_series_is_found() -> None:
    rng = np.random.default_rng(3)
    matrix = rng.normal(0.0, 1.0, (300, 2))
    matrix[120:, 1] += 6.0
    assert change_points(matrix) == [120]
    assert change_points(matrix, method="binseg", n_bkps=1) == [120]


# --- penalty, scale, options --------------------------------------------------------------------


def test_default_penalty_is_mbic_on_the_robust_scale() -> None:
    assert default_penalty(500) == pytest.approx(3 * math.log(500))
    assert default_penalty(500, model="normal") == pytest.approx(4 * math.log(500))
    assert default_penalty(500, dim=2) == pytest.approx(4 * math.log(500))
    assert default_penalty(500, model="rbf") == pytest.approx(math.log(500))


def test_robust_sigma_ignores_mean_shifts_and_scales_with_the_noise() -> None:
    series = piecewise(0)
    assert robust_sigma(series)[0] == pytest.approx(1.0, rel=0.15)
    assert robust_sigma(100.0 * series)[0] == pytest.approx(100.0 * robust_sigma(series)[0])
    assert robust_sigma(np.full(50, 4.0))[0] == 0.0


def test_breaks_do_not_depend_on_the_units_of_the_series() -> None:
    series = piecewise(1)
    assert change_points(1000.0 * series + 5e4) == change_points(series) == BREAKS


def test_a_huge_penalty_gives_no_breaks_and_a_small_one_more() -> None:
    series = piecewise(2)
    assert change_points(series, penalty=1e6) == []
    assert len(change_points(series, penalty=0.5)) > 3


def test_nan_rows_are_skipped_and_breaks_are_input_positions() -> None:
    series = piecewise(0)
    series[10:20] = np.nan
    assert change_points(series) == BREAKS
    series[100:103] = np.nan  # the new segment's first observed value is now at 103
    assert change_points(series) == [103, 250, 400]


def sse(part: np.ndarray) -> float:
    return float(((part - part.mean()) ** 2).sum())


def test_pelt_with_n_bkps_returns_the_least_cost_segmentation() -> None:
    series = piecewise(0)
    # Means 0, 8, 0, 8: no penalty makes PELT stop at one break, so the exact search answers; check by brute force.
    best = min(range(5, 496), key=lambda k: sse(series[:k]) + sse(series[k:]))
    assert change_points(series, n_bkps=1) == [best] == [400]
    assert change_points(series, n_bkps=0) == []
    assert len(change_points(series, n_bkps=5)) == 5
    assert set(BREAKS) <= set(change_points(series, n_bkps=5))


def test_jump_restricts_breaks_to_its_multiples() -> None:
    assert change_points(piecewise(0), jump=50) == BREAKS
    assert all(b % 7 == 0 for b in change_points(piecewise(0), jump=7))


def test_constant_and_short_series_have_no_breaks() -> None:
    assert change_points(np.full(100, 3.0)) == []
    assert change_points(np.array([0.0, 10.0, 0.0])) == []
    assert change_points(np.full(100, np.nan)) == []
    with pytest.raises(ValueError):
        change_points(np.full(100, 3.0), n_bkps=2)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"method": "window"},
        {"model": "l1"},
        {"penalty": 5.0, "n_bkps": 2},
        {"penalty": -1.0},
        {"min_size": 0},
        {"jump": 0},
        {"method": "binseg", "n_bkps": 200},
        {"method": "pelt", "n_bkps": 200},
    ],
)
def test_bad_options_raise_value_error(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        change_points(piecewise(0), **kwargs)


# --- segments -----------------------------------------------------------------------------------


def test_segments_give_bounds_and_means() -> None:
    series = np.array([1.0, 1.0, 1.0, 5.0, 5.0, np.nan, 5.0])
    assert segments(series, [3]) == [(0, 3, 1.0), (3, 7, 5.0)]
    assert segments(series, []) == [(0, 7, pytest.approx(18.0 / 6.0))]
    found = segments(piecewise(0), BREAKS)
    assert [round(s.mean) for s in found] == [0, 8, 0, 8]
    assert [s.end for s in found] == [*BREAKS, 500]


@pytest.mark.parametrize("breaks", [[0], [7], [3, 3], [9]])
def test_segments_reject_breaks_outside_the_series(breaks: list[int]) -> None:
    with pytest.raises(ValueError):
        segments(np.arange(7.0), breaks)


# --- alerts -------------------------------------------------------------------------------------

DAYS = [date(2024, 1, 1) + timedelta(days=i) for i in range(40)]


def test_alert_baseline_excludes_the_current_point() -> None:
    # With the spike inside its own baseline the z-score would be (10 − 3.2)/3.8 < 2: no alert.
    alerts = baseline_alerts(DAYS[:5], [1.0, 2.0, 1.0, 2.0, 10.0], window=4, k=2.0)
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.date == date(2024, 1, 5)
    assert alert.baseline_mean == pytest.approx(1.5)
    assert alert.baseline_sd == pytest.approx(np.std([1, 2, 1, 2], ddof=1))
    assert alert.z == pytest.approx((10.0 - 1.5) / alert.baseline_sd)
    assert alert.direction == "up"


def test_alerts_flag_drops_and_need_a_full_window() -> None:
    rng = np.random.default_rng(0)
    values = 100.0 + rng.normal(0, 1, 40)
    values[5] = 0.0  # before a full 12-point window: not judged
    values[30] = 80.0
    alerts = baseline_alerts(DAYS, values, window=12, k=3.0)
    assert [(a.date, a.direction) for a in alerts] == [(DAYS[30], "down")]
    early = baseline_alerts(DAYS, values, window=12, k=3.0, min_periods=3)
    assert DAYS[5] in {a.date for a in early}


def test_flat_history_uses_the_sd_floor() -> None:
    values = [5.0] * 10 + [5.0, 5.5]
    alerts = baseline_alerts(DAYS[:12], values, window=5)
    assert len(alerts) == 1
    assert alerts[0].date == DAYS[11]
    assert alerts[0].baseline_sd == 1e-9
    assert math.isfinite(alerts[0].z)


def test_nan_values_neither_alert_nor_break_the_baseline() -> None:
    values = [1.0, 2.0, np.nan, 1.0, 2.0, 1.0, np.nan, 9.0]
    alerts = baseline_alerts(DAYS[:8], values, window=6, min_periods=4)
    assert [a.date for a in alerts] == [DAYS[7]]
    assert alerts[0].baseline_mean == pytest.approx(1.5)  # 2, 1, 2, 1: the NaNs are skipped


def test_alert_dates_are_parsed_from_common_forms() -> None:
    assert as_date("20240223") == as_date(20240223) == as_date("2024-02-23") == date(2024, 2, 23)
    assert as_date(np.datetime64("2024-02-23T10:00")) == date(2024, 2, 23)
    with pytest.raises(ValueError):
        baseline_alerts(DAYS[:3], [1.0, 2.0], window=2)


# --- the shared GDELT Northeast Asia dyads -----------------------------------------------------


def weekly_pairs(path: Path) -> dict[tuple[str, str], tuple[list[date], np.ndarray]]:
    """Per pair, the mean daily edge score of each ISO week (weeks keyed by their Monday)."""
    sums: dict[tuple[str, str], dict[date, list[float]]] = defaultdict(lambda: defaultdict(list))
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            day = as_date(row["date"])
            sums[(row["country_a"], row["country_b"])][day - timedelta(days=day.weekday())].append(
                float(row["edge_score"])
            )
    out = {}
    for pair, weeks in sums.items():
        mondays = sorted(weeks)
        out[pair] = (mondays, np.array([np.mean(weeks[m]) for m in mondays]))
    return out


@pytest.fixture(scope="module")
def dyads() -> dict[tuple[str, str], tuple[list[date], np.ndarray]]:
    return weekly_pairs(shared("gdelt-graph-daily", "neasia_pairs_daily_2018_2024.csv"))


def test_every_dyad_gets_sane_breaks_and_dated_alerts(dyads: dict) -> None:
    assert len(dyads) == 28
    for pair, (mondays, values) in dyads.items():
        n = len(values)
        assert n > 300, pair
        found = change_points(values)
        assert isinstance(found, list) and all(isinstance(b, int) for b in found), pair
        assert found == sorted(set(found)) and all(0 < b < n for b in found), pair
        assert len(found) < n / 10, pair
        alerts = baseline_alerts(mondays, values)
        assert alerts, pair
        assert all(isinstance(a, Alert) and a.date in mondays for a in alerts), pair
        assert all(mondays[12] <= a.date <= mondays[-1] for a in alerts), pair
        assert all(abs(a.z) > 2.0 and (a.z > 0) == (a.direction == "up") for a in alerts), pair


def test_usa_prk_peaks_in_the_2018_summit_season(dyads: dict) -> None:
    mondays, values = dyads[("USA", "PRK")]
    runs = segments(values, change_points(values))
    top = max(runs, key=lambda s: s.mean)
    # Singapore summit, 12 June 2018: the highest-scoring run of the dyad covers it.
    assert mondays[top.start] <= date(2018, 6, 12) <= mondays[top.end - 1] + timedelta(days=6)
