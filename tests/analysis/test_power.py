"""CINC reproduction against the published COW NMC file, and concentration/polarity measures."""

from __future__ import annotations

import csv
import math

import numpy as np
import pyarrow as pa
import pytest

from blocwatch.analysis.power import (
    COMPONENTS,
    bloc_shares,
    cinc_by_iso3,
    cinc_for_year,
    cinc_from_components,
    component_shares,
    concentration,
    cow_states,
    cow_to_iso3,
    effective_poles,
    hhi,
    iso3_to_cow,
    polarity,
)
from tests.conftest import shared

# ----------------------------------------------------------------------------- helpers


def _published(path) -> list[tuple[int, int, float]]:
    with path.open(newline="") as handle:
        return [(int(float(r["ccode"])), int(float(r["year"])), float(r["cinc"])) for r in csv.DictReader(handle)]


def _toy(rows: list[tuple[int, int, list[float | None]]]) -> pa.Table:
    columns: dict[str, list] = {"ccode": [r[0] for r in rows], "year": [r[1] for r in rows]}
    for j, name in enumerate(COMPONENTS):
        columns[name] = [r[2][j] for r in rows]
    return pa.table({name: pa.array(values, pa.float64()) for name, values in columns.items()})


@pytest.fixture(scope="module")
def nmc_path():
    return shared("peacesciencer", "cow_nmc.csv")


@pytest.fixture(scope="module")
def recomputed(nmc_path) -> pa.Table:
    return cinc_from_components(nmc_path)


# ----------------------------------------------------------------------------- CINC reproduction


def test_cinc_reproduces_every_published_value(nmc_path, recomputed):
    published = _published(nmc_path)
    assert recomputed.num_rows == len(published) == 17_121
    keys = list(zip(recomputed.column("ccode").to_pylist(), recomputed.column("year").to_pylist(), strict=True))
    assert keys == [(code, year) for code, year, _ in published]
    ours = np.array(recomputed.column("cinc").to_pylist(), dtype=float)
    theirs = np.array([value for _, _, value in published])
    assert np.abs(ours - theirs).max() <= 1e-8
    # stronger: each value printed to the file's eight significant digits is the published number
    assert all(float(f"{a:.8g}") == b for a, b in zip(ours, theirs, strict=True))


def test_double_precision_alone_misses_the_published_rounding(nmc_path):
    """The published file was made with float32 storage; pure double arithmetic differs beyond 1e-8."""
    published = np.array([value for _, _, value in _published(nmc_path)])
    double = np.array(cinc_from_components(nmc_path, single_precision=False).column("cinc").to_pylist())
    errors = np.abs(double - published)
    assert errors.max() > 1e-8
    assert errors.max() < 5e-8  # ... but only by float32 rounding


def test_missing_and_coded_missing_components_are_skipped():
    # year 2000, two states; state 1 lacks milex. milex shares come from state 2 alone.
    blank = _toy([(1, 2000, [None, 10, 30, 1, 1, 1]), (2, 2000, [50, 30, 10, 3, 1, 3])])
    coded = _toy([(1, 2000, [-9, 10, 30, 1, 1, 1]), (2, 2000, [50, 30, 10, 3, 1, 3])])
    state1 = (0.25 + 0.75 + 0.25 + 0.5 + 0.25) / 5  # five non-missing shares
    state2 = (1.0 + 0.75 + 0.25 + 0.75 + 0.5 + 0.75) / 6
    for table in (blank, coded):
        got = cinc_for_year(cinc_from_components(table, single_precision=False), 2000)
        assert got == pytest.approx({1: state1, 2: state2}, abs=1e-15)
    shares = component_shares(blank, single_precision=False)
    assert shares.column("milex_share").to_pylist() == [None, 1.0]


def test_zero_is_a_value_and_all_missing_gives_null():
    table = _toy(
        [
            (1, 1900, [0, 0, 0, 0, 1, 0]),  # zeros count: share 0 in five components
            (2, 1900, [4, 2, 2, 2, 1, 2]),
            (3, 1900, [None] * 6),
        ]
    )
    cinc = cinc_from_components(table, single_precision=False).column("cinc").to_pylist()
    assert cinc[0] == pytest.approx(0.5 / 6)
    assert cinc[1] == pytest.approx((5 + 0.5) / 6)
    assert cinc[2] is None


def test_years_are_separate_systems():
    table = _toy([(1, 1900, [1] * 6), (2, 1900, [3] * 6), (1, 1901, [1] * 6)])
    got = cinc_from_components(table, single_precision=False).column("cinc").to_pylist()
    assert got == pytest.approx([0.25, 0.75, 1.0])


def test_china_and_usa_lead_in_2016(recomputed):
    year = cinc_for_year(recomputed, 2016)
    top_two = sorted(year, key=year.get, reverse=True)[:2]
    assert set(top_two) == {2, 710}
    # not exactly 1: a state missing a component averages its other shares
    assert sum(year.values()) == pytest.approx(1.0, abs=0.01)
    by_iso = cinc_by_iso3(recomputed, 2016)
    assert by_iso["CHN"] > by_iso["USA"] > by_iso["RUS"] > by_iso["KOR"] > by_iso["PRK"] > by_iso["MNG"]


# ----------------------------------------------------------------------------- COW -> ISO3


def test_northeast_asia_codes():
    iso = cow_to_iso3()
    expected = {2: "USA", 710: "CHN", 713: "TWN", 731: "PRK", 732: "KOR", 740: "JPN", 365: "RUS", 712: "MNG"}
    assert {code: iso[code] for code in expected} == expected
    assert 730 not in iso  # the Korean Empire is not South Korea
    back = iso3_to_cow()
    assert {back[code] for code in expected.values()} == set(expected)


def test_shared_iso_codes_resolve_to_the_current_state():
    back = iso3_to_cow()
    assert back["DEU"] == 255
    assert back["YEM"] == 679
    duplicates = {s.iso3 for s in cow_states() if s.iso3 and sum(t.iso3 == s.iso3 for t in cow_states()) > 1}
    assert duplicates == {"DEU", "YEM"}


def test_every_state_in_the_capabilities_file_is_listed(nmc_path):
    listed = {state.ccode for state in cow_states()}
    codes = {code for code, _, _ in _published(nmc_path)}
    assert codes <= listed
    unmapped = {state.ccode for state in cow_states() if state.iso3 is None}
    assert all(state.endyear < 1976 for state in cow_states() if state.ccode in unmapped)


def test_iso_codes_agree_with_an_independent_source():
    """Where a COW state name equals a country name in the netify ICEWS node file, the ISO3 codes agree."""
    path = shared("icews-netify-dyadyear", "icews_nodes_year_2002_2014.csv")
    with path.open(newline="") as handle:
        netify = {row["country"]: row["iso3c"] for row in csv.DictReader(handle)}
    ours = {state.name: state.iso3 for state in cow_states()}
    common = set(netify) & set(ours)
    assert len(common) > 100
    assert {name: ours[name] for name in common} == {name: netify[name] for name in common}


# ----------------------------------------------------------------------------- concentration


def test_three_state_toy_by_hand():
    shares = {"A": 0.5, "B": 0.3, "C": 0.2}
    assert hhi(shares) == pytest.approx(0.38)
    assert concentration(shares) == pytest.approx(math.sqrt((0.38 - 1 / 3) / (1 - 1 / 3)))
    assert concentration(shares) == pytest.approx(0.2645751311)
    assert effective_poles(shares) == pytest.approx(1 / 0.38)
    summary = polarity(shares)
    assert summary.n == 3
    assert summary.effective_poles == pytest.approx(2.6315789474)


def test_raw_capabilities_are_rescaled():
    assert hhi([5, 3, 2]) == pytest.approx(0.38)
    assert concentration([50, 30, 20]) == pytest.approx(concentration([0.5, 0.3, 0.2]))


def test_concentration_extremes():
    assert concentration([1, 1, 1, 1]) == pytest.approx(0.0, abs=1e-12)
    assert effective_poles([1, 1, 1, 1]) == pytest.approx(4.0)
    assert concentration([1, 0, 0]) == pytest.approx(1.0)
    assert effective_poles([1, 0, 0]) == pytest.approx(1.0)


def test_bad_shares_are_refused():
    with pytest.raises(ValueError):
        hhi([])
    with pytest.raises(ValueError):
        hhi([0.5, -0.1])
    with pytest.raises(ValueError):
        concentration([1.0])
    with pytest.raises(ValueError):
        hhi([0, 0])


def test_bloc_shares():
    shares = {"USA": 0.14, "JPN": 0.03, "KOR": 0.02, "CHN": 0.22, "RUS": 0.04, "PRK": 0.01, "IND": 0.08}
    blocs = {"USA": 0, "JPN": 0, "KOR": 0, "CHN": 1, "RUS": 1, "PRK": 1, "MNG": 2}
    got = bloc_shares(shares, blocs)  # IND has no bloc, MNG no share: both left out
    assert got == pytest.approx({0: 0.19 / 0.46, 1: 0.27 / 0.46})
    assert list(got) == [1, 0]  # largest bloc first
    assert sum(got.values()) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        bloc_shares({"USA": 1.0}, {"CHN": 0})
