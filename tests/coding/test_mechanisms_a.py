"""Coding mechanisms added for recall, one test each, on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_denial_of_an_act_targets_its_other_party(code):
    events = code("Beijing on Tuesday denied that its coast guard vessels had entered Philippine waters.")
    assert ("CHN", "PHL", "016", "asserted") in triples(events)
