"""Mechanisms added for PLOVER's protest, coercion and violence categories, on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_indefinite_subject_before_a_name_apposition(code):
    # "A senior Pakistani diplomat, Tariq Mahmood, criticized ...": the opening indefinite phrase is the subject,
    # not an apposition to skip
    events = code("A senior Pakistani diplomat, Tariq Mahmood, criticized India over the dam project on Monday.")
    assert ("PAK", "IND", "111", "asserted") in triples(events)
