"""Signorino–Ritter S, Scott's π and Cohen's κ (Häge 2011) against values worked out by hand.

The worked example: five items on a 1..3 scale (yes = 1, abstain = 2, no = 3), range r = 2.

    item   x   y   |x−y|  (x−y)²  nominal
     1     1   1     0      0       0
     2     1   2     1      1       1
     3     2   3     1      1       1
     4     3   3     0      0       0
     5     1   3     2      4       1
    sums             4      6       3

S absolute  = 1 − 2·(4/5)/2 = 1 − 0.8 = 0.2
S squared   = 1 − 2·(6/5)/2² = 1 − 0.6 = 0.4
S weighted, w = (2,1,1,1,1), Σw = 6:  Σ w|x−y| = 4,  S = 1 − 2·(4/6)/2 = 1/3

Marginals: x: p(1,2,3) = (.6,.2,.2);  y: q = (.2,.2,.6);  pooled (π): (.4,.2,.4).

Nominal:   D_o = 3/5 = 0.6
  κ: D_e = 1 − (.6·.2 + .2·.2 + .2·.6) = 1 − .28 = .72        κ = 1 − .6/.72 = 1/6
  π: D_e = 1 − (.4² + .2² + .4²) = 1 − .36 = .64              π = 1 − .6/.64 = 0.0625
Absolute:  D_o = 4/5 = 0.8
  κ: D_e = .6(.2·1 + .6·2) + .2(.2·1 + .6·1) + .2(.2·2 + .2·1) = .84 + .16 + .12 = 1.12   κ = 1 − .8/1.12 = 2/7
  π: D_e = 2(.4·.2·1 + .4·.4·2 + .2·.4·1) = .96                                          π = 1 − .8/.96 = 1/6
Squared:   D_o = 6/5 = 1.2
  κ: D_e = .6(.2·1 + .6·4) + .2(.2·1 + .6·1) + .2(.2·4 + .2·1) = 1.56 + .16 + .2 = 1.92  κ = 1 − 1.2/1.92 = 0.375
  π: D_e = 2(.4·.2·1 + .4·.4·4 + .2·.4·1) = 1.6                                          π = 1 − 1.2/1.6 = 0.25
Weighted nominal κ, w = (2,1,1,1,1): D_o = 3/6 = .5; p = (4,1,1)/6, q = (2,1,3)/6;
  D_e = 1 − (4·2 + 1·1 + 1·3)/36 = 2/3;  κ = 1 − .5/(2/3) = 0.25
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from blocwatch.analysis.alignment import (
    AlignmentInputError,
    cohens_kappa,
    s_score,
    scotts_pi,
    similarity,
    similarity_matrix,
)

X = [1, 1, 2, 3, 1]
Y = [1, 2, 3, 3, 3]
W = [2, 1, 1, 1, 1]


def test_s_absolute_and_squared_by_hand():
    assert s_score(X, Y) == pytest.approx(0.2)
    assert s_score(X, Y, metric="squared") == pytest.approx(0.4)


def test_s_weighted_by_hand():
    assert s_score(X, Y, weights=W) == pytest.approx(1 / 3)


def test_s_uses_the_given_scale_range():
    # on a 1..5 scale (r = 4) the same distances are relatively smaller: 1 − 2·0.8/4 = 0.6
    assert s_score(X, Y, scale_range=4) == pytest.approx(0.6)
    # squared: 1 − 2·1.2/16 = 0.85
    assert s_score(X, Y, metric="squared", scale_range=4) == pytest.approx(0.85)


@pytest.mark.parametrize(
    ("metric", "pi", "kappa"),
    [("nominal", 0.0625, 1 / 6), ("absolute", 1 / 6, 2 / 7), ("squared", 0.25, 0.375)],
)
def test_pi_and_kappa_by_hand(metric, pi, kappa):
    assert scotts_pi(X, Y, metric=metric) == pytest.approx(pi)
    assert cohens_kappa(X, Y, metric=metric) == pytest.approx(kappa)


def test_weighted_kappa_by_hand():
    assert cohens_kappa(X, Y, weights=W) == pytest.approx(0.25)


def test_missing_items_are_deleted_pairwise():
    x = [*X, np.nan, 3]
    y = [*Y, 1, np.nan]
    assert s_score(x, y, scale_range=2) == pytest.approx(0.2)
    assert scotts_pi(x, y) == pytest.approx(0.0625)
    assert cohens_kappa(x, y, metric="squared") == pytest.approx(0.375)


@pytest.mark.parametrize("measure", ["s", "pi", "kappa"])
@pytest.mark.parametrize("metric", ["nominal", "absolute", "squared"])
def test_identical_profiles_score_one(measure, metric):
    assert similarity(X, X, measure, metric=metric) == pytest.approx(1.0)


@pytest.mark.parametrize("metric", ["nominal", "absolute", "squared"])
def test_perfectly_opposed_profiles_score_minus_one(metric):
    x, y = [1, 3, 1, 3], [3, 1, 3, 1]
    assert s_score(x, y, metric=metric) == pytest.approx(-1.0)
    # each actor half 1s, half 3s: chance disagreement is half the observed one
    assert cohens_kappa(x, y, metric=metric) == pytest.approx(-1.0)
    assert scotts_pi(x, y, metric=metric) == pytest.approx(-1.0)


def test_pi_equals_kappa_when_marginals_match():
    x, y = [1, 2, 3, 1, 2], [2, 1, 3, 2, 1]
    assert scotts_pi(x, y) == pytest.approx(cohens_kappa(x, y))
    assert scotts_pi(X, Y) != pytest.approx(cohens_kappa(X, Y))


def test_chance_correction_lowers_common_absent_ties():
    # Häge's point: two states with few ties agree on many "no tie" items by chance.
    x = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    y = [0, 0, 0, 0, 0, 0, 0, 1, 0, 1]
    assert s_score(x, y) == pytest.approx(0.6)
    assert cohens_kappa(x, y) < s_score(x, y)
    assert cohens_kappa(x, y) == pytest.approx(1 - 0.2 / (1 - (0.8 * 0.8 + 0.2 * 0.2)))


def test_undefined_cases_are_nan():
    assert math.isnan(s_score([np.nan, 1], [1, np.nan]))
    assert math.isnan(cohens_kappa([2, 2, 2], [2, 2, 2]))  # no variation: D_e = 0
    assert s_score([2, 2, 2], [2, 2, 2]) == 1.0


def test_bad_inputs_raise():
    with pytest.raises(AlignmentInputError, match="differ in length"):
        s_score([1, 2], [1, 2, 3])
    with pytest.raises(AlignmentInputError, match="weights"):
        s_score([1, 2], [1, 2], weights=[1, -1])
    with pytest.raises(AlignmentInputError, match="scale_range"):
        s_score([1, 5], [1, 2], scale_range=2)
    with pytest.raises(AlignmentInputError, match="unknown measure"):
        similarity(X, Y, "tau")
    with pytest.raises(AlignmentInputError, match="unknown metric"):
        cohens_kappa(X, Y, metric="euclid")  # type: ignore[arg-type]


def test_similarity_matrix_is_symmetric_and_matches_pairs():
    profiles = {"A": X, "B": Y, "C": [3, 3, 1, 1, np.nan]}
    names, matrix = similarity_matrix(profiles, "kappa", metric="absolute")
    assert names == ["A", "B", "C"]
    assert np.allclose(matrix, matrix.T, equal_nan=True)
    assert np.allclose(np.diag(matrix), 1.0)
    assert matrix[0, 1] == pytest.approx(2 / 7)
    assert matrix[1, 2] == pytest.approx(cohens_kappa(Y, profiles["C"], metric="absolute"))


def test_similarity_matrix_infers_one_scale_for_all_pairs():
    # A and B only use 1..2, but C reaches 3, so every pair is scored on r = 2.
    profiles = {"A": [1, 1, 2], "B": [1, 2, 2], "C": [3, 1, 2]}
    _, matrix = similarity_matrix(profiles, "s")
    assert matrix[0, 1] == pytest.approx(1 - 2 * (1 / 3) / 2)
    assert s_score(profiles["A"], profiles["B"]) == pytest.approx(1 - 2 * (1 / 3) / 1)
