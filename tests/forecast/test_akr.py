"""Triad dynamics of Antal, Krapivsky & Redner (2005): stationary density, absorption, CTD, seeds."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.forecast.akr import (
    MAX_NODES,
    balanced_partition,
    outcomes,
    random_signs,
    simulate_ctd,
    simulate_ltd,
    stationary_density,
)


def imbalanced_triangles(signs: np.ndarray) -> int:
    """Triangles (all three links present) whose sign product is negative, by brute force."""
    n = signs.shape[0]
    return sum(1 for i, j, k in itertools.combinations(range(n), 3) if signs[i, j] * signs[i, k] * signs[j, k] < 0)


def flip_changes(signs: np.ndarray) -> np.ndarray:
    """Change in the number of imbalanced triads if link ij flipped: s_ij Σ_k s_ik s_kj."""
    return signs * (signs @ signs)


def two_cliques(sizes: tuple[int, int]) -> np.ndarray:
    group = np.repeat([0, 1], sizes)
    s = np.where(group[:, None] == group[None, :], 1, -1)
    np.fill_diagonal(s, 0)
    return s


def test_stationary_density_formula():
    assert stationary_density(0.0) == pytest.approx(1 / (np.sqrt(3) + 1))
    assert stationary_density(0.25) == pytest.approx(1 / (np.sqrt(1.5) + 1))
    assert stationary_density(0.5) == stationary_density(0.9) == 1.0


# Tolerance for the LTD stationary density (complete graph, N = 32, ρ0 = ½, 8 runs):
#  * statistical: each run's density is averaged over t ∈ [5, 25] (relaxation from ρ0 = ½ takes
#    t ≈ 2–3); runs are independent, so the standard error of their mean is sd/√8 (≈ 0.0015).
#    We allow 4 standard errors.
#  * systematic: ρ∞ is the N → ∞ value. A 16-run study at N = 16, 24, 32, 48, 64 (t ∈ [10, 40])
#    found |mean − ρ∞| ≤ 0.0020 for every N ≥ 24 and p ∈ {0, 0.2, 0.3} (0.0018 at N = 16), each
#    within about two of its standard errors, and no trend with N; we allow 0.003.
# The total (≈ 0.009) is far below the 0.05–0.06 between the three values of ρ∞ tested.
FINITE_SIZE_ALLOWANCE = 0.003


@pytest.mark.parametrize("p", [0.0, 0.2, 0.3])
def test_ltd_stationary_density_matches_mean_field(p: float):
    means = []
    for run in range(8):
        result = simulate_ltd(random_signs(32, 0.5, seed=run), p, max_time=25, seed=1000 + run, sample_every=0.25)
        assert result.state == "unresolved"  # for p < ½ absorption takes exponentially long in N
        means.append(result.density_trace[result.times >= 5].mean())
    stderr = np.std(means, ddof=1) / np.sqrt(len(means))
    tolerance = 4 * stderr + FINITE_SIZE_ALLOWANCE
    assert tolerance < 0.015
    assert np.mean(means) == pytest.approx(stationary_density(p), abs=tolerance)


@pytest.mark.parametrize(("n", "p"), list(itertools.product([6, 8], [0.0, 0.3, 0.5, 0.8])))
def test_finite_ltd_runs_end_balanced(n: int, p: float):
    for run in range(10):
        result = simulate_ltd(random_signs(n, 0.5, seed=run), p, max_time=1e4, seed=run)
        assert result.balanced
        assert imbalanced_triangles(result.final_signs) == 0
        labels = np.array(balanced_partition(result.final_signs))
        expected = np.where(labels[:, None] == labels[None, :], 1, -1)
        np.fill_diagonal(expected, 0)
        np.testing.assert_array_equal(result.final_signs, expected)


def test_ltd_above_one_half_drifts_to_near_paradise_quickly():
    finals = []
    for run in range(10):
        result = simulate_ltd(random_signs(24, 0.5, seed=run), 0.8, max_time=50, seed=run)
        assert result.balanced and result.time < 20
        finals.append(result.density_trace[-1])
    assert np.mean(finals) > 0.9


def test_ctd_ends_balanced_or_jammed_and_mostly_balanced():
    states = {"balanced": 0, "jammed": 0}
    for run in range(150):
        result = simulate_ctd(random_signs(12, 0.5, seed=run), max_time=200, seed=run)
        states[result.state] += 1  # KeyError for "unresolved": never seen, and not allowed here
        changes = flip_changes(result.final_signs)
        np.fill_diagonal(changes, 1)
        if result.balanced:
            assert imbalanced_triangles(result.final_signs) == 0
        else:
            assert imbalanced_triangles(result.final_signs) > 0
            assert (changes > 0).all()
        assert result.time < 30  # "quickly": a few units of time, against > 10^4 for LTD at p = 0, N = 12
    assert states["balanced"] >= 0.95 * 150


def test_ctd_can_jam():
    # Found by search: from this random start CTD stops in a jammed state with 64 imbalanced triads.
    result = simulate_ctd(random_signs(12, 0.5, seed=250), max_time=200, seed=250)
    assert result.state == "jammed" and not result.balanced
    assert imbalanced_triangles(result.final_signs) == 64
    changes = flip_changes(result.final_signs)
    np.fill_diagonal(changes, 1)
    assert (changes > 0).all()  # every flip would raise the count, so CTD cannot move
    assert balanced_partition(result.final_signs) is None


def test_ctd_repairs_one_broken_link_of_two_cliques():
    signs = two_cliques((5, 5))
    signs[0, 1] = signs[1, 0] = -1
    assert outcomes(signs, runs=20, seed=1) == [((0, 0, 0, 0, 0, 1, 1, 1, 1, 1), 1.0)]


@pytest.mark.parametrize("n", [6, 20])
def test_clock_counts_every_triad_draw_as_one_over_m(n: int):
    # Two cliques with one broken link: its N − 2 triads are the only imbalanced ones, and CTD
    # repairs it when it picks that link (1 time in 3). Each pick costs Geometric((N−2)/T) triad
    # draws of 1/M each, so E[time] = 3 · T / ((N − 2) M) = 1 for every N. (N = 6 draws triads by
    # rejection, N = 20 by the geometric jump.)
    signs = two_cliques((n // 2, n - n // 2))
    signs[0, 1] = signs[1, 0] = -1
    times = [simulate_ctd(signs, seed=seed).time for seed in range(300)]
    assert np.mean(times) == pytest.approx(1.0, abs=4 * np.std(times) / np.sqrt(300))


def test_outcomes_shares_add_up_and_name_the_partitions():
    result = outcomes(random_signs(9, 0.5, seed=3), runs=40, p=0.5, dynamics="ltd", seed=4)
    assert sum(share for _, share in result) == pytest.approx(1.0)
    shares = [share for _, share in result]
    assert shares == sorted(shares, reverse=True)
    for partition, _ in result:
        assert partition is not None and partition[0] == 0 and len(partition) == 9


def test_balanced_partition():
    assert balanced_partition(np.ones((4, 4))) == (0, 0, 0, 0)
    assert balanced_partition(two_cliques((2, 3))[[2, 0, 3, 1, 4]][:, [2, 0, 3, 1, 4]]) == (0, 1, 0, 1, 0)
    frustrated = -np.ones((3, 3))
    assert balanced_partition(frustrated) is None


def test_incomplete_graph_balances_the_triangles_it_has():
    rng = np.random.default_rng(5)
    present = np.triu(rng.random((14, 14)) < 0.6, 1)
    present = present | present.T
    signs = np.where(present, random_signs(14, 0.5, seed=6), 0)
    in_triangle = (present.astype(int) @ present.astype(int) > 0) & present
    for result in (simulate_ltd(signs, 0.5, max_time=1e3, seed=7), simulate_ctd(signs, max_time=1e3, seed=7)):
        final = result.final_signs
        np.testing.assert_array_equal(final != 0, present)
        np.testing.assert_array_equal(final[~in_triangle], signs[~in_triangle])
        assert result.balanced and imbalanced_triangles(final) == 0


def test_unbalanced_long_cycle_has_no_partition():
    # One triangle 0-1-2 (balanced) and a square 2-3-4-5 with one unfriendly link.
    signs = np.zeros((6, 6), dtype=int)
    for i, j, s in [(0, 1, 1), (0, 2, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 5, 1), (5, 2, -1)]:
        signs[i, j] = signs[j, i] = s
    result = simulate_ctd(signs, seed=0)
    assert result.balanced and result.updates == 0
    assert balanced_partition(signs) is None


def test_same_seed_same_run_other_seed_other_run():
    start = random_signs(20, 0.5, seed=8)
    first, again = simulate_ltd(start, 0.3, max_time=10, seed=9), simulate_ltd(start, 0.3, max_time=10, seed=9)
    np.testing.assert_array_equal(first.final_signs, again.final_signs)
    np.testing.assert_array_equal(first.density_trace, again.density_trace)
    assert (first.time, first.updates, first.flips) == (again.time, again.updates, again.flips)
    other = simulate_ltd(start, 0.3, max_time=10, seed=10)
    assert not np.array_equal(first.final_signs, other.final_signs)
    ctd = [simulate_ctd(start, seed=11).final_signs for _ in range(2)]
    np.testing.assert_array_equal(*ctd)
    assert outcomes(start, runs=5, seed=12) == outcomes(start, runs=5, seed=12)


def test_trace_is_sampled_on_the_clock():
    result = simulate_ltd(random_signs(16, 0.5, seed=13), 0.2, max_time=3, seed=14, sample_every=0.5)
    np.testing.assert_allclose(result.times, np.arange(0, 3.01, 0.5))
    assert result.density_trace[0] == pytest.approx(np.mean(random_signs(16, 0.5, seed=13)[np.triu_indices(16, 1)] > 0))
    assert result.time == 3.0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: simulate_ltd(np.ones((4, 4)), 1.5), "between 0 and 1"),
        (lambda: simulate_ltd(np.array([[0, 1, 1], [1, 0, 1], [1, -1, 0]]), 0.5), "symmetric"),
        (lambda: simulate_ctd(2 * np.ones((4, 4))), r"\+1"),
        (lambda: simulate_ctd(np.array([[0, 1, 0, 1], [1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 1, 0]])), "no triangle"),
        (lambda: simulate_ctd(np.ones((MAX_NODES + 1, MAX_NODES + 1))), f"at most {MAX_NODES}"),
        (lambda: outcomes(np.ones((4, 4)), runs=3, dynamics="ltd"), "needs p"),
        (lambda: outcomes(np.ones((4, 4)), runs=0), "at least one run"),
    ],
)
def test_bad_input_says_what_to_do(call, message: str):
    with pytest.raises(AnalysisInputError, match=message):
        call()
