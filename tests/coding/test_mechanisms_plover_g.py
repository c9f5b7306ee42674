"""Mechanisms added for PLOVER's cooperative categories (agree … concede), on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_arabic_article_spelt_el_with_a_space(code):
    # wire copy writes the Arabic article "al-", "el-", "El " or "al ": "Omar el Bashir" is Omar al-Bashir
    events = code("Omar el Bashir praised Iran for its support.", "1994-03-02")
    assert ("SDN", "IRN", "051", "asserted") in triples(events)
