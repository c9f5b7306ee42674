"""Mechanisms added for the PLOVER gold set (commitments, consultations, support, cooperation, aid,
concessions, retreats, investigations and demands), each on a sentence written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_opposition_groups_in_a_state_are_its_opposition(code):
    events = code("Opposition groups in Venezuela accused President Nicolas Maduro of rigging the vote.", "2018-05-22")
    assert [e.source for e in events] == ["VENOPP"]
    assert ("VEN", "VEN", "112", "asserted") in triples(events)


def test_obligation_on_a_coordinated_subject(code):
    events = code(
        "France said on Monday that the Malian government and the rebels in the north must respect the truce.",
        "2015-03-02",
    )
    assert ("FRA", "MLI", "100", "asserted") in triples(events)


def test_demand_noun_is_made_of_the_that_clause_subject(code):
    events = code("Seoul renewed its demand that Tokyo compensate Korean workers forced into labour.", "2019-07-02")
    assert ("KOR", "JPN", "100", "asserted") in triples(events)


def test_pro_adjective_names_an_allegiance_not_the_state(code):
    text = "The pro-Iranian Hezbollah (Party of God) movement accused Israel of violating the truce."
    events = code(text, "2006-08-20")
    assert ("LBN", "ISR", "112", "asserted") in triples(events)
    assert not [e for e in events if e.source.startswith("IRN")]


def test_common_misspelling_of_a_leader_name(code):
    events = code("Mitterand criticized Iraq over the hostages.", "1990-09-10")
    assert [(e.source, e.target, e.code) for e in events] == [("FRAGOV", "IRQ", "111")]


def test_insist_with_a_clause_is_a_claim_not_a_demand(code):
    events = code("Beijing criticized Tokyo on Tuesday and insisted the islands were Chinese territory.", "2012-09-11")
    assert ("CHN", "JPN", "111", "asserted") in triples(events)
    assert not [e for e in events if e.code.startswith("10")]


def test_agreeing_to_a_named_mediation_is_aimed_at_the_mediator(code):
    events = code("Ethiopia agreed on Friday to Kenyan mediation in its border dispute with Eritrea.", "2000-05-19")
    assert ("ETH", "KEN", "038", "asserted") in triples(events)


def test_offering_troops_to_another_state_is_intent_to_give_military_aid(code):
    events = code("Rwanda offered its troops to the Central African Republic to help restore order.", "2020-12-21")
    assert ("RWA", "CAF", "0332", "asserted") in triples(events)


def test_troops_for_a_peacekeeping_force_protect_its_host_state(code):
    events = code("Uruguay contributed 800 troops to a multinational peacekeeping force in Haiti.", "2004-06-01")
    assert ("URY", "HTI", "074", "asserted") in triples(events)


def test_an_unpaired_comma_ends_the_verb_object_window(code):
    text = "Germany demanded that Russia free the activists, calling them hostages, diplomats said on Friday."
    events = code(text, "2021-03-05")
    assert not [e for e in events if e.code == "114"]


def test_coordinated_sides_returning_for_talks_meet_each_other(code):
    text = "Israeli and Palestinian negotiators returned to Washington on Tuesday for a new round of talks."
    events = code(text, "2013-08-13")
    assert {("ISR", "PSE", "040", "asserted"), ("PSE", "ISR", "040", "asserted")} <= triples(events)


def test_sharing_expertise_is_cooperation(code):
    events = code("Israel has been sharing its expertise in water management with India.", "2018-01-15")
    assert ("ISR", "IND", "060", "asserted") in triples(events)


def test_curb_on_trade_flows_to_a_state_is_aimed_at_it(code):
    events = code("Washington lifted its embargo on lethal arms sales in May to Vietnam.", "2016-05-23")
    assert ("USA", "VNM", "085", "asserted") in triples(events)


def test_withdrawal_noun_is_a_retreat_from_the_place_left(code):
    events = code("Washington announced the withdrawal of 3,000 soldiers from Germany on Wednesday.", "2020-07-29")
    assert [(e.source, e.target, e.code) for e in events] == [("USA", "DEU", "0874")]


def test_people_named_after_one_state_living_in_another_belong_to_it(code):
    events = code("Bosnian Serbs accused Croatia of shelling their villages.", "1995-08-10")
    assert [e.source for e in events] == ["BIH"]


def test_demand_for_elections_stands_without_a_named_addressee(code):
    events = code("Former prime minister Imran Khan demanded early elections on Saturday.", "2022-06-04")
    assert [(e.source[:3], e.target, e.code) for e in events] == [("PAK", "", "104")]


def test_pledge_to_democratize_is_intent_to_reform(code):
    events = code("Thailand's prime minister vowed on Friday to democratize the country.", "2014-07-04")
    assert [(e.source, e.target, e.code, e.mode) for e in events] == [("THAGOV", "", "034", "asserted")]


def test_told_that_it_must_is_a_demand_on_the_addressee(code):
    events = code("Washington told Pyongyang on Tuesday that it must give up its nuclear weapons.", "2019-03-05")
    assert ("USA", "PRK", "100", "asserted") in triples(events)


def test_act_in_a_demand_that_clause_is_not_asserted(code):
    events = code("Japan repeated its demand on Monday that China lift its ban on Japanese seafood.", "2023-09-04")
    got = triples(events)
    assert ("JPN", "CHN", "100", "asserted") in got
    assert not [e for e in events if e.source.startswith("CHN") and e.mode == "asserted"]


def test_act_in_a_before_clause_after_a_demand_is_not_asserted(code):
    text = "Hamas demanded a full ceasefire before releasing more Israeli hostages."
    events = code(text, "2023-12-04")
    assert not [e for e in events if e.code.startswith("08") and e.mode == "asserted"]


def test_bare_infinitive_after_to_help_is_a_purpose(code):
    events = code("Turkey flew in more troops on Thursday to help defend Qatar.", "2017-06-22")
    assert ("TUR", "QAT", "052", "future") in triples(events)


def test_an_act_being_prepared_has_not_begun(code):
    events = code("Azerbaijan is preparing a new offensive against Armenian forces, officials said.", "2020-10-01")
    assert ("AZE", "ARM", "190", "future") in triples(events)


def test_recognizing_election_results_is_not_diplomatic_recognition(code):
    text = "Georgia's parliament approved a law recognizing victories by the Georgian opposition in local elections."
    events = code(text, "2021-06-01")
    assert not [e for e in events if e.code == "054"]


def test_arriving_peacekeepers_protect_rather_than_visit(code):
    events = code("The first Kenyan peacekeepers arrived in Haiti on Tuesday.", "2024-06-25")
    assert [(e.source[:3], e.target, e.code) for e in events] == [("KEN", "HTI", "074")]


def test_people_sent_to_investigate_are_an_inquiry(code):
    text = "The UN sent a team of military experts to Ukraine on Monday to investigate the shelling."
    events = code(text, "2022-08-29")
    assert [(e.source[:3], e.target, e.code) for e in events] == [("IGO", "UKR", "090")]


def test_ethnic_adjective_is_not_the_state(code):
    events = code("Ethnic Albanian rebels in Macedonia attacked Macedonian police near Tetovo.", "2001-03-20")
    assert not [e for e in events if e.source.startswith("ALB")]
    assert [e.source for e in events] == ["MKDREB"]


def test_consensus_to_act_is_a_commitment(code):
    events = code("Seoul and Tokyo reached a consensus to share military intelligence.", "2016-11-14")
    got = triples(events)
    assert ("KOR", "JPN", "0314", "asserted") in got
    assert not [e for e in events if e.code == "057"]
