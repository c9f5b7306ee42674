"""UNGA voting agreement on the real unvotes data: reproduces Voeten's published China–Russia score."""

from __future__ import annotations

import math

import numpy as np
import pytest

from blocwatch.analysis.alignment import s_score, similarity_matrix
from blocwatch.analysis.unvotes import (
    UNVotes,
    UNVotesError,
    agreement,
    agreement_matrix,
    load_votes,
    resolve_country,
    session_roll_calls,
    vote_profiles,
)
from tests.conftest import shared

NE_ASIA = ["USA", "CHN", "RUS", "JPN", "KOR", "PRK", "MNG"]


@pytest.fixture(scope="module")
def votes() -> UNVotes:
    return load_votes(shared("unvotes", "un_votes.csv.gz"), shared("unvotes", "un_roll_calls.csv"))


def test_china_russia_session_74_matches_voeten(votes):
    result = agreement(votes, 74, "CHN", "RUS")
    assert round(result.value, 4) == 0.7931
    assert result.n_votes == 87


def test_codes_and_names_resolve_to_the_same_country(votes):
    assert resolve_country(votes, "CHN") == resolve_country(votes, "cn") == "China"
    assert agreement(votes, 74, "CN", "Russia") == agreement(votes, 74, "CHN", "RUS")
    # West Germany has no ISO code in the file: its name still works
    assert agreement(votes, 30, "Federal Republic of Germany", "USA").n_votes > 0


def test_amendment_and_paragraph_votes_are_excluded(votes):
    # session 72 has 124 roll calls, 3 amendments and 30 paragraph votes (none both)
    assert len(session_roll_calls(votes, 72)) == 124 - 3 - 30
    # sessions whose flags are empty keep every roll call (74 has 91)
    assert len(session_roll_calls(votes, 74)) == 91


def test_agreement_is_plausible(votes):
    assert agreement(votes, 74, "USA", "ISR").value > 0.9
    assert agreement(votes, 74, "USA", "PRK").value < 0.1
    assert agreement(votes, 74, "CHN", "PRK").value > agreement(votes, 74, "USA", "PRK").value


def test_agreement_matrix_is_symmetric_with_unit_diagonal(votes):
    names, matrix = agreement_matrix(votes, 74, NE_ASIA)
    assert names == NE_ASIA
    assert matrix.shape == (7, 7)
    assert np.allclose(matrix, matrix.T)
    assert np.allclose(np.diag(matrix), 1.0)
    assert matrix[1, 2] == pytest.approx(agreement(votes, 74, "CHN", "RUS").value)


def test_a_known_country_without_votes_gives_nan(votes):
    result = agreement(votes, 74, "TWN", "USA")
    assert math.isnan(result.value)
    assert result.n_votes == 0


def test_vote_profiles_feed_the_alignment_measures(votes):
    profiles = vote_profiles(votes, 74, ["CHN", "RUS", "USA"])
    chn, rus = profiles["CHN"], profiles["RUS"]
    assert chn.shape == (len(session_roll_calls(votes, 74)),)
    assert set(np.unique(chn[~np.isnan(chn)])) <= {1.0, 2.0, 3.0}
    # nominal S on the profiles is 1 − 2·(share disagreeing) of the same common votes
    assert s_score(chn, rus, metric="nominal") == pytest.approx(1 - 2 * (1 - 0.7931034482758621))
    _, kappa = similarity_matrix(profiles, "kappa", metric="absolute")
    assert kappa[0, 1] > 0 > kappa[0, 2]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda v: agreement(v, 74, "XYZ", "CHN"), "unknown country 'XYZ'"),
        (lambda v: agreement(v, 99, "USA", "CHN"), "session 99"),
        (lambda v: agreement_matrix(v, 74, []), "countries is empty"),
        (lambda v: vote_profiles(v, 74, ["Atlantis"]), "unknown country"),
    ],
)
def test_bad_inputs_raise_a_value_error(votes, call, message):
    with pytest.raises(UNVotesError, match=message):
        call(votes)
    assert issubclass(UNVotesError, ValueError)


def test_missing_file_raises(tmp_path):
    roll_calls = shared("unvotes", "un_roll_calls.csv")
    with pytest.raises(UNVotesError, match="not found"):
        load_votes(tmp_path / "absent.csv.gz", roll_calls)


def test_wrong_columns_raise(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(UNVotesError, match="cannot read"):
        load_votes(shared("unvotes", "un_votes.csv.gz"), bad)
