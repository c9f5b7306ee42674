"""Structural balance: published Gahuku–Gama facts, hand-made graphs and brute force."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from blocwatch.analysis.balance import (
    check_signed,
    frustration_index,
    frustration_of,
    signs,
    triangle_balance,
    walk_balance,
)
from blocwatch.analysis.datasets import load_gahuku_gama, read_signed_edges

UCINET_ORDER = [
    *("GAVEV", "KOTUN", "OVE", "ALIKA", "NAGAM", "GAHUK", "MASIL", "UKUDZ"),
    *("NOTOH", "KOHIK", "GEHAM", "ASARO", "UHETO", "SEUVE", "NAGAD", "GAMA"),
]


def graph(n: int, ties: dict[tuple[int, int], float]) -> np.ndarray:
    a = np.zeros((n, n))
    for (i, j), w in ties.items():
        a[i, j] = a[j, i] = w
    return a


def random_signed(rng: np.random.Generator, n: int, density: float = 0.7, weights: bool = False) -> np.ndarray:
    present = rng.random((n, n)) < density
    values = rng.choice([-1.0, 1.0], size=(n, n)) * (rng.integers(1, 5, size=(n, n)) if weights else 1)
    upper = np.triu(present * values, k=1)
    return upper + upper.T


def brute_force_frustration(a: np.ndarray) -> float:
    """Minimum over all 2^(n−1) bipartitions (node 0 fixed on side 0)."""
    n = len(a)
    best = math.inf
    for bits in itertools.product((0, 1), repeat=n - 1):
        best = min(best, frustration_of(a, np.array((0, *bits))))
    return best


def brute_force_triangles(a: np.ndarray) -> tuple[int, int]:
    balanced = total = 0
    for i, j, k in itertools.combinations(range(len(a)), 3):
        if a[i, j] and a[j, k] and a[i, k]:
            total += 1
            balanced += a[i, j] * a[j, k] * a[i, k] > 0
    return balanced, total


@pytest.fixture(scope="module")
def gama() -> tuple[list[str], np.ndarray]:
    return load_gahuku_gama()


# --- the Gahuku–Gama tribes (Read 1954; Hage & Harary 1983) -------------------------------------


def test_gahuku_gama_has_16_tribes_and_29_plus_29_ties(gama):
    names, a = gama
    assert names == UCINET_ORDER
    assert a.shape == (16, 16)
    assert np.array_equal(a, a.T)
    assert set(np.unique(a)) == {-1.0, 0.0, 1.0}
    assert np.count_nonzero(np.triu(a) > 0) == 29
    assert np.count_nonzero(np.triu(a) < 0) == 29


def test_gahuku_gama_known_ties(gama):
    names, a = gama
    ix = {name: i for i, name in enumerate(names)}
    assert a[ix["GAVEV"], ix["KOTUN"]] == 1
    assert a[ix["GAVEV"], ix["OVE"]] == -1
    assert a[ix["MASIL"], ix["UHETO"]] == 1
    assert a[ix["MASIL"]].min() == 0  # MASIL has no hina tie


def test_gahuku_gama_59_of_68_triangles_balanced(gama):
    _, a = gama
    result = triangle_balance(a)
    assert (result.balanced, result.total) == (59, 68)
    assert result.ratio == pytest.approx(59 / 68)


def test_gahuku_gama_frustration_index_is_7(gama):
    names, a = gama
    exact = frustration_index(a)
    assert exact.exact is True
    assert exact.value == 7
    assert frustration_of(a, exact.partition) == 7
    assert exact.partition[0] == 0
    gama_side = {names[i] for i in np.flatnonzero(exact.partition == exact.partition[0])}
    # the cheapest bipartition isolates the Gama alliance from everyone else
    assert gama_side == {"GAVEV", "KOTUN", "NAGAD", "GAMA"}
    heuristic = frustration_index(a, exact=False)
    assert (heuristic.value, heuristic.exact) == (7, False)


def test_gahuku_gama_walk_balance_matches_signnet(gama):
    # signnet (Schoch) README: balance_score(tribes, method = "walk") = 0.3575761
    _, a = gama
    assert walk_balance(a) == pytest.approx(0.3575761, abs=1e-7)


def test_loader_reads_comments_and_first_appearance_order():
    text = "# a comment\ntribe_a\ttribe_b\tsign\nB\tA\t-1\nA\tC\t+1\n"
    names, a = read_signed_edges(text)
    assert names == ["B", "A", "C"]
    assert a[0, 1] == a[1, 0] == -1 and a[1, 2] == a[2, 1] == 1 and a[0, 2] == 0


# --- triangles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weights", "balanced"),
    [((1, 1, 1), 1), ((1, -1, -1), 1), ((-1, -1, -1), 0), ((1, 1, -1), 0)],
)
def test_single_triangle(weights, balanced):
    a = graph(3, dict(zip([(0, 1), (1, 2), (0, 2)], weights, strict=True)))
    assert triangle_balance(a) == triangle_balance(a * 3.5)  # weights do not change signs
    result = triangle_balance(a)
    assert (result.balanced, result.total) == (balanced, 1)


def test_no_triangle_gives_nan_ratio():
    result = triangle_balance(graph(4, {(0, 1): 1, (1, 2): -1, (2, 3): 1}))
    assert (result.balanced, result.total) == (0, 0)
    assert math.isnan(result.ratio)


def test_triangle_counts_match_enumeration():
    rng = np.random.default_rng(11)
    for n in (5, 9, 14):
        a = random_signed(rng, n, density=0.6, weights=True)
        result = triangle_balance(a)
        assert (result.balanced, result.total) == brute_force_triangles(a)


# --- walks -------------------------------------------------------------------------------------


def test_walk_balance_is_one_for_a_balanced_network():
    groups = np.array([0, 0, 0, 1, 1])
    a = np.where(groups[:, None] == groups[None, :], 1.0, -1.0)
    assert walk_balance(a) == pytest.approx(1.0)
    assert walk_balance(a * np.arange(1, 6)[:, None] * np.arange(1, 6)[None, :], weighted=True) == pytest.approx(1.0)


def test_walk_balance_below_one_when_unbalanced():
    unbalanced = graph(3, {(0, 1): 1, (1, 2): 1, (0, 2): -1})
    assert walk_balance(unbalanced) < 1.0
    all_negative = graph(3, {(0, 1): -1, (1, 2): -1, (0, 2): -1})
    assert walk_balance(all_negative) < walk_balance(graph(3, {(0, 1): 1, (1, 2): 1, (0, 2): 1}))


def test_walk_balance_matches_matrix_exponential():
    from scipy.linalg import expm

    rng = np.random.default_rng(5)
    a = random_signed(rng, 8, weights=True)
    s = np.sign(a)
    assert walk_balance(a) == pytest.approx(np.trace(expm(s)) / np.trace(expm(np.abs(s))))
    assert walk_balance(a, weighted=True) == pytest.approx(np.trace(expm(a)) / np.trace(expm(np.abs(a))))


def test_walk_balance_survives_large_weights():
    # eigenvalues 400, 400, −800 against 800, −400, −400: exp(800) overflows a float, K does not
    a = graph(3, {(0, 1): 400.0, (1, 2): 400.0, (0, 2): -400.0})
    assert walk_balance(a, weighted=True) == pytest.approx(2 * math.exp(-400), rel=1e-6, abs=0)


# --- frustration -------------------------------------------------------------------------------


def test_frustration_of_small_graphs():
    assert frustration_index(graph(3, {(0, 1): 1, (1, 2): 1, (0, 2): -1})).value == 1
    assert frustration_index(graph(3, {(0, 1): -1, (1, 2): -1, (0, 2): -1})).value == 1
    balanced = frustration_index(graph(4, {(0, 1): 1, (2, 3): 1, (0, 2): -1, (1, 3): -1}))
    assert balanced.value == 0 and list(balanced.partition) == [0, 0, 1, 1]
    assert frustration_index(np.zeros((3, 3))).value == 0


def test_weighted_frustration_drops_the_lightest_tie():
    a = graph(3, {(0, 1): 5.0, (1, 2): 4.0, (0, 2): -3.0})
    assert frustration_index(a).value == 1
    assert frustration_index(a, weighted=True).value == 3
    assert frustration_index(a, exact=False, weighted=True).value == 3


@pytest.mark.parametrize("weighted", [False, True])
def test_exact_frustration_matches_brute_force(weighted):
    rng = np.random.default_rng(2024)
    for n in range(3, 11):
        for density in (0.4, 0.8):
            a = random_signed(rng, n, density=density, weights=weighted)
            result = frustration_index(a, weighted=weighted)
            w = a if weighted else np.sign(a)
            assert result.exact
            assert result.value == pytest.approx(brute_force_frustration(w))
            assert frustration_of(w, result.partition) == pytest.approx(result.value)


@pytest.mark.parametrize("weighted", [False, True])
def test_heuristic_agrees_with_exact_on_random_graphs(weighted):
    rng = np.random.default_rng(99)
    for n in (8, 12, 16, 20):
        for _ in range(3):
            a = random_signed(rng, n, density=0.7, weights=weighted)
            exact = frustration_index(a, exact=True, weighted=weighted)
            heuristic = frustration_index(a, exact=False, weighted=weighted)
            assert exact.exact and not heuristic.exact
            assert heuristic.value == pytest.approx(exact.value)


def test_large_network_uses_the_heuristic_and_finds_a_planted_bipartition():
    rng = np.random.default_rng(3)
    side = rng.integers(0, 2, size=30)
    spin = 1 - 2 * side
    a = np.outer(spin, spin).astype(float)
    np.fill_diagonal(a, 0)
    flips = [(0, 1), (2, 9), (4, 20)]
    for i, j in flips:
        a[i, j] = a[j, i] = -a[i, j]
    result = frustration_index(a)
    assert result.exact is False
    assert result.value == len(flips)


def test_exact_beyond_25_when_asked():
    rng = np.random.default_rng(8)
    a = random_signed(rng, 26, density=0.2)
    result = frustration_index(a, exact=True)
    assert result.exact is True
    assert result.value <= frustration_index(a, exact=False).value


def test_disconnected_components_are_each_balanced_separately():
    a = graph(6, {(0, 1): 1, (1, 2): 1, (0, 2): -1, (3, 4): -1, (4, 5): -1, (3, 5): -1})
    assert frustration_index(a).value == 2


# --- helpers -----------------------------------------------------------------------------------


def test_signs_drops_weights_and_self_ties():
    a = np.array([[4.0, 2.5, -0.1], [2.5, 0.0, 0.0], [-0.1, 0.0, -7.0]])
    assert signs(a).tolist() == [[0, 1, -1], [1, 0, 0], [-1, 0, 0]]


def test_check_signed_rejects_bad_input():
    with pytest.raises(ValueError, match="square"):
        check_signed(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="symmetric"):
        check_signed(np.array([[0.0, 1.0], [0.0, 0.0]]))
    with pytest.raises(ValueError, match="non-finite"):
        check_signed(np.array([[0.0, np.nan], [np.nan, 0.0]]))
    assert check_signed(np.array([[0.0, 1.0], [0.0, 0.0]]), symmetric=False)[0, 1] == 1


def test_heuristic_is_scale_invariant():
    rng = np.random.default_rng(13)
    a = random_signed(rng, 14, weights=True)
    small = frustration_index(a, exact=False, weighted=True)
    large = frustration_index(a * 1e9, exact=False, weighted=True)
    assert large.value == pytest.approx(small.value * 1e9)
    assert small.value == pytest.approx(frustration_index(a, weighted=True).value)
