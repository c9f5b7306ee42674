"""Mechanisms added for PLOVER's demand, reject, threaten, investigate and disapprove records, on sentences
written like wire copy."""

from __future__ import annotations

from tests.conftest import asserted


def test_listed_gerunds_after_accused_of_stay_the_accusation(code):
    # every item of "accused X of V-ing, W-ing and U-ing" is done by the accused and only alleged: the comma
    # before a later item does not open a participle that goes back to the accuser
    text = (
        "The Kenyan government accused Ethiopia of harbouring rebels, violating Kenyan airspace and expelling"
        " Kenyan traders."
    )
    events = code(text, "2006-05-11")
    assert asserted(events) == {("KEN", "ETH", "112")}
    assert all(e.source[:3] == "ETH" for e in events if e.code != "112")
