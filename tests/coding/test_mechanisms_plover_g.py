"""Mechanisms added for PLOVER's cooperative categories (agree … concede), on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_arabic_article_spelt_el_with_a_space(code):
    # wire copy writes the Arabic article "al-", "el-", "El " or "al ": "Omar el Bashir" is Omar al-Bashir
    events = code("Omar el Bashir praised Iran for its support.", "1994-03-02")
    assert ("SDN", "IRN", "051", "asserted") in triples(events)


def test_aside_before_the_last_item_of_a_list(code):
    # "A, B and, to a lesser extent, C": the aside after the closing "and" does not end the list
    text = "Greece, Cyprus and, to a lesser extent, Italy criticized Turkey over the drilling plans."
    got = triples(code(text, "2019-07-10"))
    assert {(state, "TUR", "111", "asserted") for state in ("GRC", "CYP", "ITA")} <= got
    got = triples(code("Washington eased export curbs on Vietnam, Laos, and in some cases, Cambodia.", "2016-05-23"))
    assert ("USA", "KHM", "085", "asserted") in got and ("USA", "VNM", "085", "asserted") in got



def test_easing_emergency_measures(code):
    # "emergency measures" and "emergency powers" are emergency rule under another name (0814)
    events = code("Belgrade lifted emergency measures in Kosovo on Friday after a week of calm.", "1991-02-12")
    assert ("SRB", "XKX", "0814", "asserted") in triples(events)
