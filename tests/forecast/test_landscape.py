"""Landscape theory (Axelrod & Bennett 1993): energies, minima, basins, Ising form and invariances."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.forecast.landscape import (
    MAX_ACTORS,
    configuration_index,
    configuration_labels,
    energy,
    enumerate_energies,
    ising_couplings,
    ising_energy,
    landscape,
)


def symmetric(values: dict[tuple[int, int], float], n: int) -> np.ndarray:
    p = np.zeros((n, n))
    for (i, j), v in values.items():
        p[i, j] = p[j, i] = v
    return p


def random_instance(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    p = rng.normal(size=(n, n))
    p = (p + p.T) / 2
    np.fill_diagonal(p, 0.0)
    return rng.uniform(0.2, 3.0, n), p, [f"a{i}" for i in range(n)]


def naive_energy(sizes: np.ndarray, p: np.ndarray, labels: np.ndarray) -> float:
    n = len(sizes)
    return sum(sizes[i] * sizes[j] * p[i, j] * (labels[i] != labels[j]) for i in range(n) for j in range(n) if i != j)


def naive_basins(sizes: np.ndarray, p: np.ndarray) -> dict[int, int]:
    """Steepest descent one configuration at a time, by loops over the definition."""
    n = len(sizes)
    count = 2 ** (n - 1)
    energies = [naive_energy(sizes, p, configuration_labels(k, n)) for k in range(count)]

    def step(k: int) -> int:
        labels = configuration_labels(k, n)
        best, target = 0.0, k
        for j in range(n):
            moved = labels.copy()
            moved[j] = 1 - moved[j]
            other = configuration_index(moved)
            if energies[other] - energies[k] < best - 1e-9:
                best, target = energies[other] - energies[k], other
        return target

    basins: dict[int, int] = {}
    for k in range(count):
        here = k
        while (nxt := step(here)) != here:
            here = nxt
        basins[here] = basins.get(here, 0) + 1
    return basins


# Three actors A, B, C with sizes (1, 2, 1) and p_AB = 1, p_AC = −1, p_BC = −2, so
# w = s_i s_j p_ij is w_AB = 2, w_AC = −1, w_BC = −4.
# E counts every split pair twice:
#   k=0 {A,B,C}          E = 0
#   k=1 {A,C} | {B}      split AB, BC: 2(2 − 4)  = −4
#   k=2 {A,B} | {C}      split AC, BC: 2(−1 − 4) = −10
#   k=3 {A}   | {B,C}    split AB, AC: 2(2 − 1)  = 2
# Only k=2 has no lower neighbour (its neighbours k=3, k=0, k=1 have 2, 0, −4), and every
# other configuration reaches it in one steepest step, so its basin is all four.
THREE_SIZES = [1.0, 2.0, 1.0]
THREE_P = symmetric({(0, 1): 1.0, (0, 2): -1.0, (1, 2): -2.0}, 3)


def test_three_actor_energies_by_hand():
    np.testing.assert_allclose(enumerate_energies(THREE_SIZES, THREE_P), [0.0, -4.0, -10.0, 2.0])


def test_three_actor_single_minimum_takes_every_configuration():
    result = landscape(THREE_SIZES, THREE_P, ["A", "B", "C"])
    assert len(result.minima) == 1
    best = result.minima[0]
    assert best.coalitions == (("A", "B"), ("C",))
    assert best.labels == (0, 0, 1)
    assert best.energy == pytest.approx(-10.0)
    assert (best.basin, best.basin_share) == (4, 1.0)
    assert result.global_minimum == best
    assert result.n_configurations == 4


# Four actors of size 1, all hostile: p_AB = p_AC = p_BD = −3, p_AD = p_BC = p_CD = −1.
# Canonical k: bit 0 = B, bit 1 = C, bit 2 = D in coalition 1.
#   k=0 all together                      0
#   k=1 B alone:  AB, BC, BD  2(−3−1−3) = −14
#   k=2 C alone:  AC, BC, CD  2(−3−1−1) = −10
#   k=3 AD | BC:  AB, AC, BD, CD  2(−3−3−3−1) = −20
#   k=4 D alone:  AD, BD, CD  2(−1−3−1) = −10
#   k=5 AC | BD:  AB, AD, BC, CD  2(−3−1−1−1) = −12
#   k=6 AB | CD:  AC, AD, BC, BD  2(−3−1−1−3) = −16
#   k=7 A alone:  AB, AC, AD  2(−3−3−1) = −14
# k=6's neighbours (k=1, 7, 4, 2) all lie higher, so it is a second, shallower minimum whose
# basin is itself only; the other seven descend to k=3 (e.g. k=7 → k=3 by moving D, ΔE = −6,
# steeper than moving B to k=6, ΔE = −2).
FOUR_P = symmetric({(0, 1): -3, (0, 2): -3, (1, 3): -3, (0, 3): -1, (1, 2): -1, (2, 3): -1}, 4)


def test_four_actor_two_minima_by_hand():
    result = landscape([1, 1, 1, 1], FOUR_P, ["A", "B", "C", "D"])
    np.testing.assert_allclose(result.energies, [0, -14, -10, -20, -10, -12, -16, -14])
    summary = [(m.coalitions, m.energy, m.basin) for m in result.minima]
    assert summary == [((("A", "D"), ("B", "C")), -20.0, 7), ((("A", "B"), ("C", "D")), -16.0, 1)]
    np.testing.assert_array_equal(result.attractors, [3, 3, 3, 3, 3, 3, 6, 3])


# Three equal, mutually hostile actors (w = −1): each 2+1 split cuts two pairs, E = −4;
# all together E = 0. The three splits tie with their neighbours, so under the non-strict
# rule all three are minima. From k=0 every move gains 4 and the lowest actor (A) moves,
# giving {A} | {B,C} = k=3, whose basin is therefore 2.
def test_ties_non_strict_minima_and_lowest_actor_tie_break():
    p = symmetric({(0, 1): -1, (0, 2): -1, (1, 2): -1}, 3)
    result = landscape([1, 1, 1], p, ["A", "B", "C"])
    assert [(m.index, m.basin) for m in result.minima] == [(3, 2), (1, 1), (2, 1)]
    assert all(m.energy == pytest.approx(-4.0) for m in result.minima)
    assert result.minima[0].coalitions == (("A",), ("B", "C"))
    assert sum(m.basin_share for m in result.minima) == pytest.approx(1.0)


def test_enumeration_matches_the_definition():
    sizes, p, _ = random_instance(7, seed=1)
    expected = [naive_energy(sizes, p, configuration_labels(k, 7)) for k in range(64)]
    np.testing.assert_allclose(enumerate_energies(sizes, p), expected, rtol=1e-12, atol=1e-12)
    labels = configuration_labels(37, 7)
    assert energy(sizes, p, labels) == pytest.approx(expected[37])


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_vectorised_basins_match_one_by_one_descent(seed: int):
    sizes, p, names = random_instance(8, seed)
    result = landscape(sizes, p, names)
    assert {m.index: m.basin for m in result.minima} == naive_basins(sizes, p)


def test_minima_have_no_lower_neighbour_and_basins_partition():
    sizes, p, names = random_instance(14, seed=5)
    result = landscape(sizes, p, names)
    assert sum(m.basin for m in result.minima) == result.n_configurations == 2**13
    for m in result.minima:
        for j in range(14):
            moved = np.array(m.labels)
            moved[j] = 1 - moved[j]
            assert result.energies[configuration_index(moved)] >= m.energy - 1e-9
    assert {int(a) for a in np.unique(result.attractors)} == {m.index for m in result.minima}


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_ising_form_gives_the_same_energies(seed: int):
    sizes, p, _ = random_instance(9, seed)
    labels = np.array([configuration_labels(k, 9) for k in range(2**8)])
    spins = 1 - 2 * labels
    np.testing.assert_allclose(ising_energy(sizes, p, spins), enumerate_energies(sizes, p), atol=1e-9)
    couplings, constant = ising_couplings(sizes, p)
    assert constant == pytest.approx(0.5 * sum(couplings[i, j] for i in range(9) for j in range(9) if i != j))


@pytest.mark.parametrize("seed", [9, 10])
def test_global_minimum_is_the_ising_ground_state(seed: int):
    sizes, p, names = random_instance(8, seed)
    every_spin = np.array(list(itertools.product([-1, 1], repeat=8)))
    ground = every_spin[np.argmin(ising_energy(sizes, p, every_spin))]
    best = landscape(sizes, p, names).global_minimum
    assert best.index == configuration_index((1 - ground) // 2)
    assert best.energy == pytest.approx(ising_energy(sizes, p, ground))


def test_relabelling_actors_permutes_the_result():
    sizes, p, names = random_instance(9, seed=11)
    perm = np.random.default_rng(0).permutation(9)
    original = landscape(sizes, p, names)
    permuted = landscape(sizes[perm], p[np.ix_(perm, perm)], [names[i] for i in perm])

    def split(m) -> frozenset:
        return frozenset(frozenset(c) for c in m.coalitions)

    assert len(original.minima) > 1
    # the same minima (as splits), with the same basins and energies (to round-off: sums run in another order)
    before = {split(m): m for m in original.minima}
    after = {split(m): m for m in permuted.minima}
    assert before.keys() == after.keys()
    for key, m in before.items():
        assert m.basin == after[key].basin
        assert m.energy == pytest.approx(after[key].energy, rel=1e-9, abs=1e-12)
    assert split(original.global_minimum) == split(permuted.global_minimum)


def test_scaling_sizes_scales_energy_by_c_squared_only():
    sizes, p, names = random_instance(10, seed=12)
    base = landscape(sizes, p, names)
    scaled = landscape(3.0 * sizes, p, names)
    np.testing.assert_allclose(scaled.energies, 9.0 * base.energies, rtol=1e-12, atol=1e-9)
    assert [(m.index, m.basin) for m in scaled.minima] == [(m.index, m.basin) for m in base.minima]
    np.testing.assert_array_equal(scaled.attractors, base.attractors)


def test_flipping_every_coalition_is_the_same_configuration():
    sizes, p, _ = random_instance(6, seed=13)
    labels = np.array([0, 1, 1, 0, 1, 0])
    assert configuration_index(labels) == configuration_index(1 - labels) == 0b01011
    assert energy(sizes, p, labels) == pytest.approx(energy(sizes, p, 1 - labels))
    np.testing.assert_array_equal(configuration_labels(0b01011, 6), labels)


def test_two_hostile_blocs_split_is_the_unique_global_minimum_with_the_largest_basin():
    names = ["USA", "JPN", "KOR", "CHN", "RUS", "PRK"]
    bloc = np.array([0, 0, 0, 1, 1, 1])
    p = np.where(bloc[:, None] == bloc[None, :], 1.0, -1.0)
    np.fill_diagonal(p, 0.0)
    sizes = np.random.default_rng(14).uniform(0.5, 4.0, 6)
    result = landscape(sizes, p, names)
    best = result.minima[0]
    assert best.coalitions == (("USA", "JPN", "KOR"), ("CHN", "RUS", "PRK"))
    assert best == result.global_minimum
    others = np.delete(result.energies, best.index)
    assert others.min() > best.energy
    assert all(best.basin > m.basin for m in result.minima[1:])


def test_twenty_actors_are_enumerated():
    sizes, p, names = random_instance(MAX_ACTORS, seed=15)
    result = landscape(sizes, p, names)
    assert result.n_configurations == 2**19
    assert sum(m.basin for m in result.minima) == 2**19
    sample = np.random.default_rng(1).integers(0, 2**19, 20)
    for k in sample:
        assert result.energies[k] == pytest.approx(naive_energy(sizes, p, configuration_labels(int(k), 20)))


@pytest.mark.parametrize(
    ("sizes", "p", "message"),
    [
        (np.ones(MAX_ACTORS + 1), np.zeros((MAX_ACTORS + 1, MAX_ACTORS + 1)), "at most 20 actors"),
        ([1, 1, 1], np.array([[0, 1, 0], [0, 0, 0], [0, 0, 0]]), "symmetric"),
        ([1, 1, 1], np.eye(3), "diagonal"),
        ([1, -1, 1], np.zeros((3, 3)), "non-negative"),
        ([1, 1], np.zeros((3, 3)), "2×2"),
        ([1], np.zeros((1, 1)), "at least two"),
    ],
)
def test_bad_input_says_what_to_do(sizes, p, message: str):
    with pytest.raises(AnalysisInputError, match=message):
        enumerate_energies(sizes, p)


def test_names_must_match_the_actors():
    with pytest.raises(AnalysisInputError, match="3 distinct actor names"):
        landscape(THREE_SIZES, THREE_P, ["A", "A", "C"])
