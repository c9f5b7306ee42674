"""Coding mechanisms added for recall, one test each, on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_denial_of_an_act_targets_its_other_party(code):
    events = code("Beijing on Tuesday denied that its coast guard vessels had entered Philippine waters.")
    assert ("CHN", "PHL", "016", "asserted") in triples(events)


def test_state_owned_companies_act_for_their_state(code):
    events = code("Rosneft and CNOOC signed an exploration agreement for the Sea of Okhotsk on Friday.")
    got = triples(events)
    assert ("RUS", "CHN", "057", "asserted") in got
    assert ("CHN", "RUS", "057", "asserted") in got


def test_object_with_a_doubled_letter_written_once(code):
    events = code("Kyiv requested more military asistance from Berlin on Monday.")
    assert ("UKR", "DEU", "0232", "asserted") in triples(events)


def test_region_reached_by_an_act_stands_for_its_state(code):
    aimed = code("Two Chinese H-6 bombers flew near Okinawa on Thursday, the Japanese defence ministry said.")
    assert ("CHN", "JPN", "150", "asserted") in triples(aimed)
    scene = code("Kishida held talks with Xi in Busan on Saturday.")
    assert all(e.target[:3] != "KOR" for e in scene)


def test_possessed_nominal_keeps_its_act_outside_the_verbs_negation(code):
    events = code("Tokyo did not condemn Moscow's invasion of Ukraine, a move critics called timid.")
    assert ("RUS", "UKR", "192", "asserted") in triples(events)


def test_untargeted_display_beside_its_targeted_twin_is_one_act(code):
    events = code("North Korea fired artillery into the sea on Monday in a show of force against South Korea.")
    assert [(e.source[:3], e.target[:3], e.root) for e in events if e.mode == "asserted"] == [("PRK", "KOR", "15")]


def test_visit_to_a_capital_and_talks_with_its_leader_are_one_act(code):
    events = code(
        "Putin flew to Pyongyang on Wednesday for a state visit and held talks with Kim Jong Un.", "2024-06-19"
    )
    asserted = [(e.source[:3], e.target[:3], e.code) for e in events if e.mode == "asserted"]
    assert ("RUS", "PRK", "042") in asserted
    assert not any(code == "040" for _, _, code in asserted)


def test_between_after_a_mutual_acts_object_names_both_sides(code):
    events = code("The landmark agreement strengthened ties between Hanoi and Washington, analysts said.")
    got = triples(events)
    assert ("VNM", "USA", "050", "asserted") in got
    assert ("USA", "VNM", "050", "asserted") in got


def test_commitment_verb_reaches_its_infinitive_across_an_adjunct(code):
    events = code("Japan and Vietnam agreed at a meeting in Hanoi on Monday to expand defence cooperation.")
    got = triples(events)
    assert ("JPN", "VNM", "0312", "asserted") in got
    assert ("JPN", "VNM", "062", "asserted") not in got


def test_founding_document_is_signed_with_its_body(code):
    events = code("Mongolia signed the articles of agreement of the Asian Development Bank in Manila on Friday.")
    assert [(e.source[:3], e.target[:3], e.code) for e in events] == [("MNG", "IGO", "057")]


def test_statement_naming_a_culprit_is_an_accusation(code):
    events = code("Canberra said Beijing was responsible for the cyberattack on the national parliament.")
    assert ("AUS", "CHN", "112", "asserted") in triples(events)


def test_document_participle_takes_the_mode_of_what_is_done_with_the_document(code):
    events = code("The Security Council is expected to vote next week on a draft resolution condemning Damascus.")
    assert ("IGO", "SYR", "111", "future") in triples(events)


def test_taking_back_a_hostile_decision_is_yielding(code):
    events = code("Washington on Monday reversed its decision to impose tariffs on Canadian lumber.")
    assert ("USA", "CAN", "085", "asserted") in triples(events)
    assert not any(e.code.startswith("16") for e in events)
    suspended = code("Tokyo suspended its decision to scrap the fisheries agreement with Seoul.")
    assert [(e.source[:3], e.target[:3], e.code) for e in suspended] == [("JPN", "KOR", "080")]


def test_regret_reaches_the_sufferer_named_in_a_relative_clause(code):
    events = code("Moscow expressed regret over the stray artillery shell that maimed two Japanese sailors.")
    assert ("RUS", "JPN", "055", "asserted") in triples(events)


def test_appositive_summing_up_an_act_answers_its_doer(code):
    events = code(
        "Russian warships sailed near Hokkaido as Tokyo held drills with Washington, a move Japan called provocative."
    )
    assert ("JPN", "RUS", "111", "asserted") in triples(events)


def test_owned_offer_is_addressed_to_whoever_answers_it(code):
    events = code("Hanoi ignored Beijing's offer of talks on the disputed reefs.")
    assert ("CHN", "VNM", "036", "asserted") in triples(events)


def test_visit_is_made_to_whoever_acts_during_it(code):
    events = code("Hanoi staged a welcome ceremony during Xi's visit.", "2023-12-12")
    assert ("CHN", "VNM", "042", "asserted") in triples(events)


def test_hosting_a_gathering_is_not_receiving_a_guest(code):
    events = code("Seoul hosted a summit of ASEAN leaders on Monday.")
    assert not any(e.code == "043" for e in events)


def test_promise_that_an_actor_would_cooperate_is_a_commitment(code):
    events = code("Manila promised that it would resume talks with Beijing.")
    assert ("PHL", "CHN", "036", "asserted") in triples(events)


def test_commitment_without_counterpart_is_made_to_the_earlier_partner(code):
    events = code("Tokyo protested to Seoul over the islets, and Seoul agreed to review the survey plan.")
    assert ("KOR", "JPN", "030", "asserted") in triples(events)


def test_cutting_across_a_ships_bow_is_a_military_display(code):
    events = code("A Russian destroyer cut across the bow of a Japanese frigate in the Sea of Japan on Friday.")
    assert ("RUS", "JPN", "150", "asserted") in triples(events)


def test_promise_to_do_so_commits_to_the_act_just_told(code):
    events = code("Modi has not visited Islamabad, despite promising to do so before his term ends.", "2019-01-10")
    assert ("IND", "PAK", "036", "asserted") in triples(events)


def test_honouring_ones_own_people_is_domestic(code):
    events = code("Prime Minister Albanese paid tribute to Australian soldiers who died in the war.", "2023-04-25")
    assert not any(e.code.startswith("05") for e in events)


def test_pressing_for_a_return_is_a_demand(code):
    events = code("Manila pressed Beijing for the return of the seized fishing boats.")
    assert ("PHL", "CHN", "1053", "asserted") in triples(events)


def test_faulting_a_thing_is_aimed_at_its_owner(code):
    events = code("Beijing condemned the 'provocative' remarks on Taiwan in Tokyo's annual defence white paper.")
    assert ("CHN", "JPN", "111", "asserted") in triples(events)
