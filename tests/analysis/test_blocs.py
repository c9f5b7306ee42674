"""Blocs: the published Gahuku–Gama partition, brute force, planted blocs and stability."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from blocwatch.analysis.balance import frustration_index
from blocwatch.analysis.blocs import (
    Partition,
    adjusted_rand_index,
    balance_error,
    best_k,
    bloc_stability,
    canonical_labels,
    doreian_mrvar,
    overall_stability,
    same_partition,
    sponge,
)
from blocwatch.analysis.datasets import load_gahuku_gama

# The three blocs of the Gahuku–Gama tribes (Read 1954; Hage & Harary 1983, pp. 56–60), the
# Doreian & Mrvar (1996) optimum for k = 3 and α = .5 with P = 2: the only inconsistencies are
# MASIL's alliances with NAGAM and UHETO. signnet's README reports the same partition, as
# membership 2 2 1 1 3 1 1 1 3 3 1 1 3 3 2 2 (UCINET order) with criterion 2.
GAMA_BLOCS = [
    {"GAVEV", "KOTUN", "NAGAD", "GAMA"},
    {"OVE", "ALIKA", "GAHUK", "MASIL", "UKUDZ", "GEHAM", "ASARO"},
    {"NAGAM", "NOTOH", "KOHIK", "UHETO", "SEUVE"},
]


def blocs_of(names: list[str], labels: np.ndarray) -> list[set[str]]:
    groups: dict[int, set[str]] = {}
    for name, label in zip(names, labels.tolist(), strict=True):
        groups.setdefault(label, set()).add(name)
    return sorted(groups.values(), key=lambda g: sorted(g))


def planted(
    rng: np.random.Generator, sizes: list[int], density: float = 1.0, noise: float = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """Positive ties inside groups, negative between, a share ``noise`` of signs flipped."""
    truth = np.repeat(np.arange(len(sizes)), sizes)
    sign = np.where(truth[:, None] == truth[None, :], 1.0, -1.0)
    sign *= np.where(rng.random(sign.shape) < noise, -1.0, 1.0)
    upper = np.triu(sign * (rng.random(sign.shape) < density), k=1)
    return upper + upper.T, truth


def brute_force_dm(a: np.ndarray, k: int, alpha: float) -> float:
    best = math.inf
    for labels in itertools.product(range(k), repeat=len(a)):
        if len(set(labels)) == k:
            best = min(best, balance_error(a, np.array(labels), alpha))
    return best


@pytest.fixture(scope="module")
def gama() -> tuple[list[str], np.ndarray]:
    return load_gahuku_gama()


# --- Gahuku–Gama -------------------------------------------------------------------------------


def test_doreian_mrvar_recovers_the_published_three_blocs(gama):
    names, a = gama
    result = doreian_mrvar(a, 3)
    assert blocs_of(names, result.labels) == sorted(GAMA_BLOCS, key=lambda g: sorted(g))
    assert result.error == 2.0
    assert result.k == 3


def test_best_k_picks_three_blocs(gama):
    names, a = gama
    result = best_k(a, kmax=6)
    assert result.k == 3 and result.error == 2.0
    assert blocs_of(names, result.labels) == sorted(GAMA_BLOCS, key=lambda g: sorted(g))


def test_two_blocs_at_alpha_half_is_the_frustration_index(gama):
    _, a = gama
    # each frustrated tie is two arcs, each weighted .5
    assert doreian_mrvar(a, 2).error == frustration_index(a).value == 7


def test_sponge_recovers_the_published_three_blocs(gama):
    names, a = gama
    for seed in range(3):
        assert blocs_of(names, sponge(a, 3, seed=seed)) == sorted(GAMA_BLOCS, key=lambda g: sorted(g))


def test_sponge_two_blocs_merge_published_blocs(gama):
    names, a = gama
    for group in blocs_of(names, sponge(a, 2)):
        assert any(bloc <= group for bloc in GAMA_BLOCS)
        assert group == set().union(*(bloc for bloc in GAMA_BLOCS if bloc <= group))


# --- Doreian–Mrvar -----------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0.5, 0.3, 0.8])
def test_doreian_mrvar_matches_brute_force(alpha):
    rng = np.random.default_rng(17)
    for n, k in [(5, 2), (6, 3), (7, 2), (7, 3), (8, 3)]:
        a = np.triu(rng.choice([-2.0, -1.0, 0.0, 1.0, 3.0], size=(n, n)), k=1)
        a = a + a.T
        a[0, n - 1] = a[n - 1, 0] = 1.0  # no isolated actor
        a[np.arange(n - 1), np.arange(1, n)] = a[np.arange(1, n), np.arange(n - 1)] = -1.0
        result = doreian_mrvar(a, k, alpha=alpha)
        assert result.error == pytest.approx(brute_force_dm(a, k, alpha))
        assert result.error == pytest.approx(balance_error(a, result.labels, alpha))
        assert result.k == k


def test_doreian_mrvar_is_deterministic_and_canonical():
    rng = np.random.default_rng(4)
    a, _ = planted(rng, [4, 5, 3], density=0.8, noise=0.15)
    first, second = doreian_mrvar(a, 3, seed=7), doreian_mrvar(a, 3, seed=7)
    assert np.array_equal(first.labels, second.labels) and first.error == second.error
    assert first.labels[0] == 0
    assert np.array_equal(first.labels, canonical_labels(first.labels))


def test_alpha_sets_which_inconsistency_is_cheaper():
    # 1–2 and 2–3 allied, 0 hostile to 1 and 2, and 1–3 hostile: either keep {1, 2, 3} together
    # and pay for the 1–3 enmity (N), or split off 3 with 0 and pay for the 2–3 alliance (P)
    a = np.zeros((4, 4))
    for i, j, sign in [(0, 1, -1), (0, 2, -1), (1, 2, 1), (1, 3, -1), (2, 3, 1)]:
        a[i, j] = a[j, i] = sign
    negatives_cheap, positives_cheap = doreian_mrvar(a, 2, alpha=0.2), doreian_mrvar(a, 2, alpha=0.8)
    assert same_partition(negatives_cheap.labels, [0, 1, 1, 1])
    assert same_partition(positives_cheap.labels, [0, 1, 1, 0])
    assert negatives_cheap.error == pytest.approx(0.2 * 2) and positives_cheap.error == pytest.approx(0.2 * 2)


def test_weighted_ties_count_by_weight():
    a = np.zeros((4, 4))
    a[0, 1] = a[1, 0] = 5.0
    a[2, 3] = a[3, 2] = 5.0
    a[0, 2] = a[2, 0] = -1.0
    a[1, 3] = a[3, 1] = 0.5  # weak positive tie across the two pairs
    result = doreian_mrvar(a, 2)
    assert same_partition(result.labels, [0, 0, 1, 1])
    assert result.error == pytest.approx(0.5)  # (1 − α) · 0.5 · two arcs


# --- planted blocs -----------------------------------------------------------------------------


@pytest.mark.parametrize("sizes", [[5, 5], [4, 6, 3], [3, 4, 5, 4]])
def test_both_methods_recover_clean_planted_blocs(sizes):
    rng = np.random.default_rng(len(sizes))
    a, truth = planted(rng, sizes, density=0.8)
    k = len(sizes)
    assert same_partition(doreian_mrvar(a, k).labels, truth)
    assert same_partition(sponge(a, k), truth)
    assert doreian_mrvar(a, k).error == 0


def test_both_methods_recover_noisy_planted_blocs():
    rng = np.random.default_rng(12)
    a, truth = planted(rng, [6, 7, 5], density=0.9, noise=0.05)
    assert adjusted_rand_index(doreian_mrvar(a, 3).labels, truth) == 1.0
    assert adjusted_rand_index(sponge(a, 3), truth) == 1.0


def test_actors_without_ties_are_unassigned():
    rng = np.random.default_rng(1)
    core, truth = planted(rng, [3, 3])
    a = np.zeros((7, 7))
    keep = [0, 1, 2, 4, 5, 6]  # actor 3 has no tie this window
    a[np.ix_(keep, keep)] = core
    dm, sp = doreian_mrvar(a, 2), sponge(a, 2)
    assert dm.labels[3] == sp[3] == -1
    assert same_partition(dm.labels[keep], truth) and same_partition(sp[keep], truth)
    assert dm.k == 2


def test_too_many_blocs_is_an_error():
    a = np.zeros((4, 4))
    a[0, 1] = a[1, 0] = 1.0
    with pytest.raises(ValueError, match="k=3"):
        doreian_mrvar(a, 3)
    with pytest.raises(ValueError, match="k=3"):
        sponge(a, 3)


def test_sponge_needs_a_symmetric_matrix():
    with pytest.raises(ValueError, match="symmetric"):
        sponge(np.array([[0.0, 1.0, -1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]), 2)


# --- labels and ARI ----------------------------------------------------------------------------


def test_canonical_labels_and_same_partition():
    assert canonical_labels([5, 5, 2, -1, 9, 2]).tolist() == [0, 0, 1, -1, 2, 1]
    assert same_partition([0, 0, 1, 2], [7, 7, 3, 1])
    assert not same_partition([0, 1, 1], [0, 0, 1])
    assert not same_partition([0, 0], [0, 0, 0])


def test_ari_known_values():
    assert adjusted_rand_index([0, 0, 1, 1, 2], [0, 0, 1, 1, 2]) == 1.0
    assert adjusted_rand_index([0, 0, 1, 1, 2], [4, 4, 0, 0, 9]) == 1.0
    # contingency [[2, 1, 0], [0, 1, 2]]: (2 − 6·3/15) / (4.5 − 6·3/15) = 8/33
    assert adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == pytest.approx(8 / 33)
    # crossing partitions agree less than chance
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    assert adjusted_rand_index([0, 0, 0], [1, 1, 1]) == 1.0
    assert math.isnan(adjusted_rand_index([0], [3]))


def test_ari_near_zero_for_unrelated_labelings():
    rng = np.random.default_rng(0)
    values = [adjusted_rand_index(rng.integers(0, 3, 60), rng.integers(0, 3, 60)) for _ in range(200)]
    assert abs(np.mean(values)) < 0.01


# --- stability ---------------------------------------------------------------------------------


def test_bloc_stability_over_windows():
    windows = [
        {"CHN": 0, "RUS": 0, "USA": 1, "JPN": 1, "KOR": 1},
        {"CHN": 4, "RUS": 4, "USA": 2, "JPN": 2, "KOR": 2, "PRK": 4},  # relabelled, one newcomer
        {"CHN": 0, "RUS": 1, "USA": 1, "JPN": 1, "KOR": 0, "PRK": -1},  # reshuffled; PRK unassigned
        {"MNG": 0},
    ]
    scores = bloc_stability(windows)
    assert len(scores) == 3
    assert scores[0] == 1.0
    # over CHN JPN KOR RUS USA: {CHN RUS}{JPN KOR USA} → {CHN KOR}{JPN RUS USA};
    # contingency [[1, 1], [1, 2]]: (1 − 4·4/10) / (4 − 4·4/10) = −0.25
    expected = -0.25
    assert scores[1] == pytest.approx(expected)
    assert math.isnan(scores[2])
    assert overall_stability(windows) == pytest.approx((1.0 + expected) / 2)


def test_stability_of_a_blocs_series():
    names, a = load_gahuku_gama()
    labels = doreian_mrvar(a, 3).labels
    month = dict(zip(names, labels.tolist(), strict=True))
    swapped = dict(month, MASIL=month["NAGAM"])
    assert bloc_stability([month, month]) == [1.0]
    assert bloc_stability([month, swapped])[0] < 1.0
    assert math.isnan(overall_stability([month]))


def test_partition_k_ignores_unassigned():
    assert Partition(np.array([0, -1, 1, 1]), 0.0).k == 2


def test_doreian_mrvar_is_scale_invariant():
    rng = np.random.default_rng(21)
    a, _ = planted(rng, [4, 4, 4], density=0.7, noise=0.2)
    small, large = doreian_mrvar(a, 3), doreian_mrvar(a * 1e7, 3)
    assert np.array_equal(small.labels, large.labels)
    assert large.error == pytest.approx(small.error * 1e7)


def test_relocation_step_deltas_match_recomputed_errors():
    from blocwatch.analysis.blocs import _neighbour_deltas, _pair_costs

    rng = np.random.default_rng(6)
    n, k, alpha = 7, 3, 0.35
    a = rng.choice([-2.0, -1.0, 0.0, 1.0, 2.5], size=(n, n))  # arcs: need not be symmetric
    np.fill_diagonal(a, 0)
    labels = np.array([0, 0, 1, 1, 1, 2, 0])
    shift, swap = _neighbour_deltas(_pair_costs(a, alpha), labels, k)
    before = balance_error(a, labels, alpha)
    for i, c in itertools.product(range(n), range(k)):
        moved = labels.copy()
        moved[i] = c
        if c == labels[i] or np.sum(labels == labels[i]) == 1:
            assert shift[i, c] == np.inf
        else:
            assert shift[i, c] == pytest.approx(balance_error(a, moved, alpha) - before)
    for i, j in itertools.combinations(range(n), 2):
        swapped = labels.copy()
        swapped[[i, j]] = labels[[j, i]]
        if labels[i] == labels[j]:
            assert swap[i, j] == np.inf
        else:
            assert swap[i, j] == pytest.approx(balance_error(a, swapped, alpha) - before)
