"""Mechanisms added for PLOVER's conflict categories (disapprove … fight), on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_security_forces_in_a_state_are_its_own(code):
    # "security forces in Guinea", like "police in Kenya", are the state's own organ
    text = "Security forces in Zimbabwe beat and detained dozens of opposition activists on Saturday."
    events = code(text, "2008-06-21")
    assert ("ZWE", "ZWE", "173", "asserted") in triples(events)
