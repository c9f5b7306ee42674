"""Mechanisms added for PLOVER's demand, reject, threaten, investigate and disapprove records, on sentences
written like wire copy."""

from __future__ import annotations

from tests.conftest import asserted, triples


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


def test_a_vetoed_resolution_does_not_condemn(code):
    # the condemnation in a resolution that a veto stopped was never adopted; the veto itself is the event
    events = code("China vetoed a Security Council resolution condemning Burma's crackdown on monks.", "2007-10-05")
    got = asserted(events)
    assert ("CHN", "IGO", "129") in got
    assert not any(c.startswith("11") for _, _, c in got)


def test_inspectors_sent_to_a_state_are_an_inquiry(code):
    # sending inspectors or a fact-finding team is a mission of inquiry (090), not arms ("weapons inspectors")
    text = "The United Nations sent weapons inspectors to Libya on Monday to verify the disarmament."
    events = code(text, "2004-01-19")
    got = asserted(events)
    assert ("IGO", "LBY", "090") in got
    assert not any(c.startswith("07") for _, _, c in got)


def test_declared_refusal_to_meet_demands_is_a_rejection(code):
    # "will not meet / bow to / give in to demands" is a refusal to yield declared now (124, asserted), as
    # "will never accept" is; the negated "not" + head form outranks the bare yielding entry
    events = code("Greece said it would not meet Turkish demands to demilitarise its Aegean islands.", "1996-02-08")
    assert ("GRC", "TUR", "124", "asserted") in triples(events)
    events = code("Israel will never bow to pressure from the United States, the prime minister said.", "1991-09-12")
    assert ("ISR", "USA", "124", "asserted") in triples(events)
    # the irregular forms keep their "not": yielding itself is no refusal
    events = code("Greece gave in to Turkish demands to demilitarise its Aegean islands.", "1996-02-08")
    assert not any(e.code.startswith("12") for e in events)


def test_accuser_after_a_long_charge_complement(code):
    # "was accused of <long complement>, by X": the comma-set "by" phrase after the charge names the accuser
    text = (
        "A Japanese diplomat has been accused of passing classified documents to a foreign intelligence service"
        " over several years, by Russian security officials."
    )
    events = code(text, "2000-09-11")
    assert ("RUS", "JPN", "112", "asserted") in triples(events)


def test_court_orders_someone_to_appear(code):
    # a judge ordering someone to appear for questioning makes a demand (10); a court's demand on its own
    # state's people is not redirected to someone further on, as a government's would be
    text = "A Peruvian judge on Tuesday summoned former president Alberto Fujimori to testify about the massacre."
    events = code(text, "2005-03-08")
    assert ("PER", "PER", "100", "asserted") in triples(events)


def test_call_to_unite_against_someone_rallies_opposition(code):
    # urging others to unite or mobilise against someone rallies opposition to them (113); the people urged
    # are only the means
    events = code("Iran urged Muslim nations to unite and mobilize against Israel, state radio said.", "2001-04-24")
    assert ("IRN", "ISR", "113", "asserted") in triples(events)


def test_wire_copy_double_quotes_are_read_through(code):
    # older wire copy quotes with doubled backticks and apostrophes (``...''): the object is read through them
    events = code("Iraqi radio called on Arabs to unite and ``rise up'' against the United States.", "1991-01-20")
    assert ("IRQ", "USA", "113", "asserted") in triples(events)


def test_rebels_named_after_their_region_belong_to_its_state(code):
    # "Aceh separatists", "the rebels in Darfur": armed opponents named after the region they fight in are that
    # state's (a region otherwise stands for its state only where an act is aimed at it)
    events = code("The Indonesian army accused Aceh separatists of ambushing a military convoy.", "2003-05-02")
    assert ("IDN", "IDN", "112", "asserted") in triples(events)
    events = code("Britain said the rebels in Darfur must stop attacking aid convoys.", "2005-08-12")
    assert ("GBR", "SDN", "100", "asserted") in triples(events)
    events = code("Violence in Darfur continued on Sunday.", "2005-08-12")
    assert not events


def test_following_as_a_preposition_ends_a_modifier(code):
    # "the prime minister of Lebanon following the invasion": the actor before "following" is not the invader
    text = "The French president telephoned the prime minister of Lebanon following the invasion of Kuwait."
    events = code(text, "1990-08-04")
    assert not any(e.code.startswith("19") for e in events)


def test_complaint_to_an_international_body_is_also_aimed_at_the_offender(code):
    # a protest taken to the UN or the EU "over" or "about" another state's act faults that state as well
    events = code("Cyprus complained to the European Union about Turkish warships in its waters.", "2018-02-14")
    got = triples(events)
    assert ("CYP", "IGO", "114", "asserted") in got
    assert ("CYP", "TUR", "114", "asserted") in got


def test_extremists_are_a_sector_of_their_own(code):
    # a state's extremists (CAMEO RAD) are not the state itself: acting on them is not a self-reference
    events = code("Serbian police arrested Serbian extremists who attacked a mosque in Belgrade.", "2004-03-19")
    assert ("SRB", "SRB", "173", "asserted") in triples(events)
    assert any(e.target == "SRBRAD" for e in events)


def test_the_leader_of_a_led_operation_is_the_one_faulted_or_joined(code):
    # "the US-led strikes on Syria": whoever leads the operation is the one condemned, refused or joined (unlike
    # "a US-drafted resolution", whose drafter is skipped); a named body after "-led" stays the target
    events = code("Russia condemned the US-led strikes on Syria.", "2018-04-14")
    assert ("RUS", "USA", "111", "asserted") in triples(events)
    events = code("Germany refused to join the US-led coalition against Iraq.", "2003-01-22")
    got = triples(events)
    assert ("DEU", "USA", "120", "asserted") in got
    assert not any(t == "IRQ" for _, t, _, _ in got)


def test_pushing_for_someone_to_act_is_a_demand(code):
    # "pushing (hard) for X to do Y" presses X, as "pressing X to" does (100)
    events = code("Germany is pushing hard for Greece to accept the terms of the bailout.", "2015-07-10")
    assert ("DEU", "GRC", "100", "asserted") in triples(events)


def test_rebels_saying_their_government_must_act_make_a_demand(code):
    # rebels laying a "must" on their own government demand it of them (a state saying its own government must
    # act does not); with a coordinated subject, each conjunct is obliged
    text = "Sudanese rebels said President Omar al-Bashir and the Sudanese army must withdraw from the villages."
    events = code(text, "2004-05-01")
    got = {(e.source, e.target, e.code) for e in events if e.mode == "asserted"}
    assert ("SDNREB", "SDNGOV", "100") in got
    assert ("SDNREB", "SDNMIL", "100") in got
