"""Borgatti & Everett core–periphery models: ideal structures, a hand-worked example, brute-force agreement,
random graphs, determinism, and the Northeast Asian GDELT graph."""

from __future__ import annotations

import csv
import itertools
import math
from collections import defaultdict

import numpy as np
import pytest

from blocwatch.analysis.coreperiphery import continuous_core_periphery, discrete_core_periphery
from tests.conftest import shared


def ideal(n: int, core: list[int]) -> np.ndarray:
    """Core–core and core–periphery ties 1, periphery–periphery 0, empty diagonal."""
    member = np.isin(np.arange(n), core).astype(float)
    matrix = np.maximum.outer(member, member)
    np.fill_diagonal(matrix, 0.0)
    return matrix


def random_graph(n: int, density: float, seed: int) -> np.ndarray:
    upper = np.triu((np.random.default_rng(seed).random((n, n)) < density).astype(float), 1)
    return upper + upper.T


def planted(n: int, core_size: int, seed: int) -> np.ndarray:
    """A random graph with a dense core (0.9), core–periphery ties at 0.6 and a sparse periphery (0.05)."""
    member = np.arange(n) < core_size
    density = np.where(member[:, None] & member[None, :], 0.9, np.where(member[:, None] | member[None, :], 0.6, 0.05))
    upper = np.triu((np.random.default_rng(seed).random((n, n)) < density).astype(float), 1)
    return upper + upper.T


def naive_fit(matrix: np.ndarray, core: set[int], rule: str) -> float:
    """Correlation of the off-diagonal ties with the explicit ideal pattern over non-NaN pairs (NaN if undefined)."""
    n = len(matrix)
    xs, ps = [], []
    for i, j in itertools.permutations(range(n), 2):
        inside = (i in core) + (j in core)
        if (rule == "missing" and inside == 1) or not math.isfinite(matrix[i, j]):
            continue
        xs.append(matrix[i, j])
        ps.append(1.0 if inside else 0.0)
    if len(set(ps)) < 2:
        return math.nan
    return float(np.corrcoef(xs, ps)[0, 1])


def naive_best(matrix: np.ndarray, rule: str) -> tuple[set[int], float]:
    best: tuple[set[int], float] = (set(), -math.inf)
    for size in range(1, len(matrix)):
        for core in itertools.combinations(range(len(matrix)), size):
            fit = naive_fit(matrix, set(core), rule)
            if not math.isnan(fit) and fit > best[1] + 1e-12:
                best = (set(core), fit)
    return best


# --- discrete model -----------------------------------------------------------------------------


@pytest.mark.parametrize("rule", ["ones", "missing"])
@pytest.mark.parametrize("exhaustive_max", [16, 0])
def test_an_ideal_core_periphery_matrix_is_recovered_with_fit_one(rule: str, exhaustive_max: int) -> None:
    found = discrete_core_periphery(ideal(12, [0, 3, 5, 9]), ties=rule, exhaustive_max=exhaustive_max)
    assert found.core == (0, 3, 5, 9)
    assert found.fit == pytest.approx(1.0)
    assert found.exhaustive is (exhaustive_max == 16)


def test_a_star_with_one_extra_edge() -> None:
    # Centre 0 tied to 1–4, plus 1–2. Core {0}: 4 of 5 ties on the ones, phi = 20/√600 = √(2/3);
    # core {0, 1}: 15/√525; core {0, 1, 2}: 1/3 — worked by hand.
    matrix = np.zeros((5, 5))
    for i, j in [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2)]:
        matrix[i, j] = matrix[j, i] = 1.0
    found = discrete_core_periphery(matrix, labels=list("abcde"))
    assert found.members == ("a",)
    assert found.fit == pytest.approx(math.sqrt(2.0 / 3.0))
    assert naive_fit(matrix, {0, 1}, "ones") == pytest.approx(15.0 / math.sqrt(525.0))
    assert naive_fit(matrix, {0, 1, 2}, "ones") == pytest.approx(1.0 / 3.0)


@pytest.mark.parametrize("rule", ["ones", "missing"])
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_exhaustive_search_matches_a_brute_force_of_the_definition(rule: str, seed: int) -> None:
    matrix = np.random.default_rng(seed).gamma(1.0, 1.0, (7, 7)) * random_graph(7, 0.5, seed)
    matrix[0, 3] = 2.5  # one asymmetric pair
    core, fit = naive_best(matrix, rule)
    found = discrete_core_periphery(matrix, ties=rule)
    assert set(found.core) == core
    assert found.fit == pytest.approx(fit)


@pytest.mark.parametrize("rule", ["ones", "missing"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_local_search_finds_the_exhaustive_optimum_on_small_graphs(rule: str, seed: int) -> None:
    matrix = planted(14, 4, seed) + random_graph(14, 0.1, seed + 50)
    exact = discrete_core_periphery(matrix, ties=rule)
    local = discrete_core_periphery(matrix, ties=rule, exhaustive_max=0)
    assert local.fit == pytest.approx(exact.fit)
    assert local.core == exact.core


def test_a_planted_core_is_found_in_a_larger_graph() -> None:
    found = discrete_core_periphery(planted(60, 10, seed=4))
    assert not found.exhaustive
    assert found.core == tuple(range(10))
    assert found.fit > 0.6


def test_random_graphs_fit_poorly() -> None:
    matrix = random_graph(40, 0.3, seed=1)
    assert discrete_core_periphery(matrix).fit < 0.3
    assert continuous_core_periphery(matrix).fit < 0.35
    assert discrete_core_periphery(planted(40, 8, seed=1)).fit > 0.6


def test_missing_pairs_are_left_out() -> None:
    matrix = ideal(8, [1, 2])
    matrix[1, 5] = matrix[5, 1] = np.nan
    matrix[6, 7] = 1.0
    found = discrete_core_periphery(matrix)
    assert found.core == (1, 2)
    assert found.fit == pytest.approx(naive_fit(matrix, {1, 2}, "ones"))
    assert found.fit != pytest.approx(naive_fit(np.nan_to_num(matrix), {1, 2}, "ones"))


def test_local_search_is_deterministic() -> None:
    matrix = random_graph(30, 0.25, seed=9)
    first = discrete_core_periphery(matrix, exhaustive_max=0, seed=3)
    second = discrete_core_periphery(matrix, exhaustive_max=0, seed=3)
    assert first.core == second.core and first.fit == second.fit
    assert np.array_equal(continuous_core_periphery(matrix).coreness, continuous_core_periphery(matrix).coreness)


@pytest.mark.parametrize(
    ("matrix", "kwargs"),
    [
        (np.ones((3, 4)), {}),
        (np.ones((5, 5)), {}),
        (ideal(2, [0]), {}),
        (ideal(6, [0]), {"ties": "sometimes"}),
        (ideal(6, [0]), {"labels": ["a", "b"]}),
    ],
)
def test_bad_input_raises_value_error(matrix: np.ndarray, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        discrete_core_periphery(matrix, **kwargs)


# --- continuous model ---------------------------------------------------------------------------


def test_a_rank_one_matrix_gives_back_its_coreness_with_fit_one() -> None:
    c = np.array([3.0, 2.0, 1.0, 0.5, 0.2, 0.1, 0.05])
    matrix = np.outer(c, c)
    np.fill_diagonal(matrix, 99.0)  # the diagonal is ignored
    found = continuous_core_periphery(matrix, labels=list("abcdefg"))
    assert found.coreness == pytest.approx(c / np.linalg.norm(c), abs=1e-6)
    assert found.fit == pytest.approx(1.0)
    assert [label for label, _ in found.ranking()] == list("abcdefg")


def test_continuous_coreness_separates_an_ideal_core() -> None:
    found = continuous_core_periphery(ideal(10, [0, 3, 5]))
    core, periphery = found.coreness[[0, 3, 5]], np.delete(found.coreness, [0, 3, 5])
    assert np.ptp(core) == pytest.approx(0.0, abs=1e-6) and np.ptp(periphery) == pytest.approx(0.0, abs=1e-6)
    assert core.min() > periphery.max() > 0
    assert np.linalg.norm(found.coreness) == pytest.approx(1.0)
    assert 0.5 < found.fit < 1.0


# --- the Northeast Asian GDELT graph ----------------------------------------------------------


def test_usa_and_china_are_the_core_of_northeast_asian_interaction() -> None:
    path = shared("gdelt-graph-daily", "neasia_pairs_daily_2018_2024.csv")
    totals: dict[tuple[str, str], list[float]] = defaultdict(list)
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            totals[(row["country_a"], row["country_b"])].append(abs(float(row["edge_score"])))
    labels = sorted({name for pair in totals for name in pair})
    assert len(labels) == 8
    matrix = np.zeros((8, 8))
    for (a, b), scores in totals.items():
        i, j = labels.index(a), labels.index(b)
        matrix[i, j] = matrix[j, i] = float(np.mean(scores))  # mean daily intensity of the dyad
    discrete = discrete_core_periphery(matrix, labels)
    assert discrete.exhaustive and set(discrete.members) == {"CHN", "USA"}
    continuous = continuous_core_periphery(matrix, labels)
    ranking = [label for label, _ in continuous.ranking()]
    assert set(ranking[:2]) == {"CHN", "USA"} and ranking[-1] == "MNG"
    assert continuous.fit > 0.8
