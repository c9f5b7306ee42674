"""Geopolitical-risk index: the normaliser against the published GPR file, and the text search."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest

from blocwatch.analysis.risk import (
    country_series,
    default_terms,
    in_base,
    load_risk_terms,
    match_document,
    normalise,
    period_key,
    read_gpr_export,
    risk_shares,
    share_series,
)
from tests.conftest import shared

# ----------------------------------------------------------------------------- normaliser vs the published GPR

ROUNDING = 0.005  # the file prints shares and indices with two decimals


@pytest.fixture(scope="module")
def gpr() -> dict[str, dict[str, float]]:
    return read_gpr_export(shared("gpr", "data_gpr_export.csv"))


def _max_error(gpr, index: str, share: str, base) -> tuple[float, float]:
    """Largest |normalised share - published index| and the bound that rounding allows."""
    ours = normalise(gpr[share], base)
    errors = [abs(ours[month] - value) for month, value in gpr[index].items()]
    base_mean = np.mean([value for month, value in gpr[share].items() if in_base(month, base)])
    bound = 100 * ROUNDING / base_mean + ROUNDING  # share rounding, then index rounding
    return max(errors), bound


def test_file_layout(gpr):
    assert len(gpr["GPR"]) == 492  # 1985-01 .. 2025-12
    assert min(gpr["GPR"]) == "1985-01"
    assert min(gpr["GPRH"]) == "1900-01"
    assert set(gpr["GPR"]) == set(gpr["SHARE_GPR"])


def test_recent_gpr_is_share_gpr_over_its_1985_2019_mean(gpr):
    error, bound = _max_error(gpr, "GPR", "SHARE_GPR", (1985, 2019))
    assert error <= bound  # observed 0.1696, bound 0.1717
    assert error < 0.17


def test_historical_gprh_is_share_gprh_over_its_1900_2019_mean(gpr):
    error, bound = _max_error(gpr, "GPRH", "SHARE_GPRH", (1900, 2019))
    assert error <= bound  # observed 0.1426, bound 0.1436


@pytest.mark.parametrize("base", [(1985, 2020), (1986, 2019), ("1985-01", "2019-11")])
def test_other_base_periods_do_not_reproduce_gpr(gpr, base):
    error, bound = _max_error(gpr, "GPR", "SHARE_GPR", base)
    assert error > bound


def test_normalise_array_with_periods_and_nan():
    periods = [date(2000, 1, 1), date(2000, 2, 1), date(2000, 3, 1), date(2001, 1, 1)]
    shares = np.array([2.0, np.nan, 4.0, 9.0])
    index = normalise(shares, (2000, 2000), periods=periods)
    assert isinstance(index, np.ndarray)
    assert index[0] == pytest.approx(200 / 3)
    assert math.isnan(index[1])
    assert index[3] == pytest.approx(300.0)
    with pytest.raises(ValueError):
        normalise(shares, (2000, 2000))  # an array needs its periods
    with pytest.raises(ValueError):
        normalise({"1990-01": 1.0}, (2000, 2001))  # nothing in the base


def test_in_base_bounds_are_inclusive_and_may_be_coarse():
    assert in_base("1985-01", (1985, 2019))
    assert in_base("2019-12", (1985, 2019))
    assert not in_base("1984-12", (1985, 2019))
    assert not in_base("2020-01", (1985, 2019))
    assert in_base(date(2019, 11, 30), ("1985-01", "2019-11"))
    assert not in_base(date(2019, 12, 1), ("1985-01", "2019-11"))


# ----------------------------------------------------------------------------- term matching

MATCHES = [
    ("North Korea warned of war if the joint drills go ahead.", "war_threats"),
    ("Analysts see a growing risk of military conflict in the Taiwan Strait.", "war_threats"),
    ("The truce is fragile and could collapse at any moment.", "peace_threats"),
    ("Satellite images show China massing troops near the border.", "military_buildups"),
    ("Japan's defence white paper warns of a regional arms race.", "military_buildups"),
    ("Pyongyang conducted its sixth nuclear test on Sunday.", "nuclear_threats"),
    ("Police said the terror plot targeted the embassy.", "terror_threats"),
    ("War broke out between the two countries in June.", "beginning_of_war"),
    ("Russian forces invaded Ukraine in February.", "beginning_of_war"),
    ("The escalation of the war alarmed the neighbours.", "escalation_of_war"),
    ("Air strikes hit the city overnight, killing dozens.", "escalation_of_war"),
    ("A suicide bomber killed twelve people at a checkpoint.", "terror_acts"),
]

NON_MATCHES = [
    "Fears of a trade war weighed on Asian stocks.",  # trade-war metaphor
    "Tariff war fears rattle markets.",
    "The company launched a price war with its rivals.",
    "Netflix and Disney are locked in a streaming war.",
    "The war on drugs has failed, activists say.",
    "He found peace of mind after retiring.",
    "The central bank warned of inflation risks.",
    "Samsung's new phone drew a record number of pre-orders.",
    "The Korean War ended with an armistice in 1953.",  # history, no threat or act words
    "An invasion of locusts destroyed the crops.",  # invasion needs a military word nearby
    "The war ended. Risk managers are calmer now.",  # no proximity across sentences
    "Officials fear the dispute over fishing rights could one day end in war.",  # 'fear' too far from 'war'
]


@pytest.mark.parametrize(("text", "category"), MATCHES)
def test_realistic_sentences_match_their_category(text, category):
    assert category in match_document(text)


@pytest.mark.parametrize("text", NON_MATCHES)
def test_non_geopolitical_sentences_do_not_match(text):
    assert match_document(text) == set()


def test_metaphor_masks_only_its_own_words():
    assert match_document("The trade war risks turning into a military conflict.") == set()  # 3 words apart
    assert match_document("The trade war raised the risk of military conflict.") == {"war_threats"}


def test_categories_split_into_threats_and_acts():
    terms = default_terms()
    assert terms.names("threat") == {
        "war_threats",
        "peace_threats",
        "military_buildups",
        "nuclear_threats",
        "terror_threats",
    }
    assert terms.names("act") == {"beginning_of_war", "escalation_of_war", "terror_acts"}


def test_window_comes_from_the_term_file(tmp_path):
    path = tmp_path / "terms.yaml"
    path.write_text(
        "window: 0\n"
        "groups:\n  war: [war]\n  threat: [threat*]\n"
        "categories:\n  war_threats: {kind: threat, near: [[war, threat]]}\n"
    )
    strict = load_risk_terms(path)
    assert match_document("a war threat", strict) == {"war_threats"}
    assert match_document("the threat of war", strict) == set()
    assert match_document("the threat of war") == {"war_threats"}  # default window 2


def test_bad_term_files_are_refused(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("groups:\n  war: [war]\ncategories:\n  x: {kind: worry, near: [[war, war]]}\n")
    with pytest.raises(ValueError, match="kind"):
        load_risk_terms(path)
    path.write_text("groups:\n  war: [war, no]\ncategories:\n  x: {kind: act, near: [[war, war]]}\n")
    with pytest.raises(ValueError, match="not a word"):
        load_risk_terms(path)  # YAML reads a bare `no` as False


# ----------------------------------------------------------------------------- per-period shares


DOCS = [
    ("2019-08-02", "North Korea warned of war as the United States and South Korea began drills."),
    ("2019-08-10", "Air strikes hit the outskirts of Idlib, killing dozens."),
    ("2019-08-21", "China and the United States agreed to resume trade talks."),
    ("2019-08-30", "Fears of a trade war with China weighed on stocks."),
    (date(2019, 9, 3), "China warned of war over Taiwan as tensions rose."),
    (date(2019, 9, 15), "Let us hope the festival goes well."),
]
COUNTRIES = {"USA": ["United States", "US", "U.S."], "CHN": ["China", "Beijing"], "PRK": ["North Korea"]}


def test_monthly_counts_and_shares():
    rows = risk_shares(DOCS, countries=COUNTRIES)
    assert list(rows) == ["2019-08", "2019-09"]
    august, september = rows["2019-08"], rows["2019-09"]
    assert (august.documents, august.gpr, august.threats, august.acts) == (4, 2, 1, 1)
    assert august.share == pytest.approx(50.0)
    assert august.share_threats == pytest.approx(25.0)
    assert august.share_acts == pytest.approx(25.0)
    assert august.categories == {"war_threats": 1, "escalation_of_war": 1}
    assert september.share == pytest.approx(50.0)
    assert share_series(rows, "acts") == pytest.approx({"2019-08": 25.0, "2019-09": 0.0})
    assert share_series(rows, "war_threats") == pytest.approx({"2019-08": 25.0, "2019-09": 50.0})


def test_country_variant_needs_a_match_and_a_mention():
    rows = risk_shares(DOCS, countries=COUNTRIES)
    # August: USA and PRK in the war-threat story; CHN only in non-matching stories
    assert rows["2019-08"].countries == {"USA": 1, "CHN": 0, "PRK": 1}
    assert country_series(rows, "CHN") == pytest.approx({"2019-08": 0.0, "2019-09": 50.0})
    # "us" in "Let us hope" is not the United States: names are case-sensitive
    assert rows["2019-09"].countries["USA"] == 0


def test_other_periods():
    assert period_key(date(2019, 8, 23), "quarter") == "2019-Q3"
    assert period_key("2019-08-23", "year") == "2019"
    assert period_key("2019-08-23T10:00:00", "day") == "2019-08-23"
    rows = risk_shares(DOCS, period="year")
    assert list(rows) == ["2019"]
    assert rows["2019"].gpr == 3
    with pytest.raises(ValueError):
        period_key(date(2019, 1, 1), "week")  # type: ignore[arg-type]


def test_index_from_documents_uses_the_same_normaliser():
    rows = risk_shares(DOCS)
    index = normalise(share_series(rows), ("2019-08", "2019-09"))
    assert index == pytest.approx({"2019-08": 100.0, "2019-09": 100.0})
