"""Mechanisms added for PLOVER's conflict categories (disapprove … fight), on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_security_forces_in_a_state_are_its_own(code):
    # "security forces in Guinea", like "police in Kenya", are the state's own organ
    text = "Security forces in Zimbabwe beat and detained dozens of opposition activists on Saturday."
    events = code(text, "2008-06-21")
    assert ("ZWE", "ZWE", "173", "asserted") in triples(events)


def test_opposed_to_is_a_rejection_not_a_passive(code):
    # "is opposed to" is an adjectival participle: the subject rejects what follows "to"
    events = code("Turkey is firmly opposed to Greek plans to extend its territorial waters.", "1995-06-02")
    assert ("TUR", "GRC", "120", "asserted") in triples(events)
