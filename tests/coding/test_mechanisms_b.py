"""Mechanism tests for the recall work on the NE Asia gold (slice b), on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_detonating_a_nuclear_device_is_a_show_of_force(code):
    events = code("Pakistan detonated a nuclear device in the Chagai hills, weeks after India's tests.", "1998-05-28")
    assert ("PAK", "", "150", "asserted") in triples(events)


def test_travel_advisory_is_a_boycott_of_the_destination(code):
    events = code("Seoul urged its nationals to avoid travelling to Israel as the fighting spread.", "2023-10-10")
    assert ("KOR", "ISR", "163", "asserted") in triples(events)
    events = code("Japan issued a travel warning for South Korea after the protests.", "2019-08-02")
    assert ("JPN", "KOR", "163", "asserted") in triples(events)


def test_a_states_agents_are_its_spies(code):
    events = code("North Korean agents kidnapped a Japanese schoolgirl from a beach in Niigata in 1977.", "2002-09-17")
    assert ("PRKSPY", "JPN", "181") in {(e.source, e.target[:3], e.code) for e in events}


def test_kim_jong_nam_is_a_north_korean_without_office(code):
    events = code("Kim Jong Nam met Chinese officials in Macau on Tuesday.", "2010-06-04")
    assert ("PRKELI", "CHNGOV", "040") in {(e.source, e.target, e.code) for e in events}


def test_whoever_is_behind_an_act_did_it(code):
    text = "Kyiv said Russian agents were behind the assassination of a Ukrainian general last week."
    events = code(text, "2024-03-02")
    assert ("RUS", "UKR", "186", "asserted") in triples(events)
    # an accused act is not coded, as with "accused X of plotting ..."
    events = code("The United States accused Iran of being behind the assassination of a US contractor.", "2024-03-02")
    assert not any(e.code == "186" for e in events)


def test_being_disappointed_is_disapproval(code):
    events = code("Manila said it was deeply disappointed by Beijing's decision to build on the reef.", "2016-03-10")
    assert ("PHL", "CHN", "110", "asserted") in triples(events)
    events = code("Tokyo said it was \"disappointed\" after Seoul froze the joint fund.", "2018-11-21")
    assert ("JPN", "KOR", "110", "asserted") in triples(events)


def test_buying_arms_is_military_cooperation_both_ways(code):
    events = code("India bought five S-400 air defence systems from Russia despite US objections.", "2018-10-05")
    assert {("IND", "RUS", "062", "asserted"), ("RUS", "IND", "062", "asserted")} <= triples(events)


def test_an_exit_ban_is_an_administrative_sanction(code):
    events = code("Beijing has barred two Canadians from leaving China since December.", "2019-03-05")
    assert ("CHN", "CAN", "172", "asserted") in triples(events)


def test_pardoning_people_releases_them(code):
    events = code("North Korea pardoned two South Korean fishermen held since March.", "2015-08-10")
    assert ("PRK", "KOR", "0841", "asserted") in triples(events)


def test_a_verb_between_an_agent_and_a_name_keeps_two_actors(code):
    events = code("Chinese police detained Kim Jong Nam at the airport in Macau.", "2012-05-02")
    assert ("CHNCOP", "PRKELI", "173") in {(e.source, e.target, e.code) for e in events}
    events = code("The reporters flew home with two American journalists after Kim Jong Un freed them.", "2012-05-02")
    assert ("PRK", "USA", "0841", "asserted") in triples(events)


def test_coordinated_said_it_keeps_the_first_subject_and_its_target(code):
    text = "Tokyo condemned Pyongyang's missile launch and said it reserved the right to take countermeasures."
    events = code(text, "2017-08-29")
    assert ("JPN", "PRK", "130", "asserted") in triples(events)
    events = code("Tokyo criticized Seoul and said it would impose sanctions on Moscow.", "2019-08-02")
    assert ("JPN", "RUS", "163", "future") in triples(events)


def test_told_addressee_is_not_the_pronoun_and_is_the_target(code):
    events = code("Moon told Trump he would meet Kim Jong Un at the border village.", "2018-05-22")
    assert ("KORGOV", "PRKGOV", "040") in {(e.source, e.target, e.code) for e in events}
    events = code("Tokyo told Beijing that it would never accept the new air defence zone.", "2013-11-25")
    assert ("JPN", "CHN", "120", "asserted") in triples(events)


def test_absolute_clause_with_one_party_acting_toward_the_other(code):
    text = "Russia and North Korea signed a defence treaty, with Moscow pledging military aid in case of attack."
    events = code(text, "2024-06-19")
    assert ("RUS", "PRK", "0332", "asserted") in triples(events)


def test_an_accusation_that_names_its_target_in_the_clause(code):
    text = "Manila's accusation that Chinese coast guard ships had rammed its boats drew a curt reply."
    events = code(text, "2024-03-05")
    assert ("PHL", "CHN", "112", "asserted") in triples(events)


def test_actor_supplied_weapons_are_military_aid_to_their_user(code):
    events = code("Kyiv's forces fired US-supplied ATACMS missiles at an airfield in Crimea.", "2024-05-15")
    assert ("USA", "UKR", "072", "asserted") in triples(events)


def test_forces_that_train_together_hold_joint_drills(code):
    events = code("Japan and India signed a logistics pact in 2020, and their militaries exercise together every year.")
    assert {("JPN", "IND", "062", "asserted"), ("IND", "JPN", "062", "asserted")} <= triples(events)


def test_a_pledge_in_return_for_what_another_gives_is_made_to_it(code):
    events = code("Tehran agreed to cap uranium enrichment in exchange for relief from US sanctions.", "2015-07-14")
    assert ("IRN", "USA", "030", "asserted") in triples(events)


def test_the_target_answering_in_a_while_clause_answers_the_source(code):
    text = "Washington said it would ease tariffs on Chinese steel, while Beijing agreed to buy more American soybeans."
    events = code(text, "2019-12-13")
    assert ("CHN", "USA", "030", "asserted") in triples(events)


def test_a_concession_in_a_temporal_clause_answers_the_main_source(code):
    text = "Washington lifted sanctions on Myanmar in 2016 after Naypyidaw agreed to a timetable for elections."
    events = code(text, "2016-10-07")
    assert ("MMR", "USA", "030", "asserted") in triples(events)


def test_its_territory_belongs_to_the_main_subject(code):
    text = "Tokyo lodged a protest with Beijing after Chinese coast guard ships entered its territorial waters."
    events = code(text, "2023-04-02")
    assert ("CHN", "JPN", "150", "asserted") in triples(events)


def test_an_act_told_as_an_accusation_is_not_asserted(code):
    text = "Beijing dismissed the accusation that Chinese coast guard ships had rammed a Philippine supply boat."
    events = code(text, "2024-02-02")
    rams = [e for e in events if e.code == "171"]
    assert rams and all(e.mode == "hypothetical" for e in rams)


def test_a_message_participle_is_done_by_the_sender_to_the_recipient(code):
    events = code("Kim Jong Un sent Trump a personal letter proposing a second summit.", "2018-09-10")
    assert ("PRKGOV", "USAGOV", "036") in {(e.source, e.target, e.code) for e in events}
    events = code("Xi handed Putin a letter inviting him to Beijing in October.", "2023-03-21")
    assert ("CHNGOV", "RUSGOV", "036") in {(e.source, e.target, e.code) for e in events}


def test_he_and_a_named_partner_act_together(code):
    text = "Kishida flew to Seoul on Sunday, where he and Yoon agreed to resume shuttle diplomacy."
    events = code(text, "2023-05-07")
    got = {(e.source, e.target, e.code) for e in events}
    assert {("JPNGOV", "KORGOV", "036"), ("KORGOV", "JPNGOV", "036")} <= got


def test_a_visitor_arriving_in_a_temporal_clause_visits_the_other_party(code):
    text = "Moscow and Pyongyang signed a treaty on Wednesday as Vladimir Putin arrived for a two-day visit."
    events = code(text, "2024-06-19")
    assert ("RUS", "PRK", "042", "asserted") in triples(events)


def test_switching_recognition_recognizes_the_new_partner(code):
    events = code("Honduras switched diplomatic ties from Taipei to Beijing in March.", "2023-03-26")
    assert ("HND", "CHN", "054", "asserted") in triples(events)


def test_quotation_marks_do_not_hide_a_verdict_word(code):
    events = code("Tokyo called Beijing's survey ship activity a \"provocation\" on Friday.", "2020-07-24")
    assert ("JPN", "CHN", "111", "asserted") in triples(events)


def test_calling_a_leader_an_insult_is_criticism(code):
    events = code("North Korean state media called Moon Jae-in a traitor and a puppet of Washington.", "2019-08-16")
    assert ("PRK", "KOR", "111", "asserted") in triples(events)


def test_a_major_city_stands_for_its_state_as_a_place_visited(code):
    events = code("Kim Jong Un arrived in Vladivostok by armoured train on Wednesday.", "2019-04-24")
    assert ("PRK", "RUS", "042", "asserted") in triples(events)


def test_a_hedge_in_a_fronted_phrase_ends_at_its_comma(code):
    events = code("Despite weeks of speculation, Putin did not travel to Busan for the summit.", "2025-10-30")
    assert ("RUS", "KOR", "042", "negated") in triples(events)


def test_a_warning_about_an_act_by_someone_targets_the_doer(code):
    text = "Tokyo warned that the deployment of missiles by Russia on the disputed islands would harm relations."
    events = code(text, "2016-11-22")
    assert ("JPN", "RUS", "130", "asserted") in triples(events)


def test_quotation_marks_do_not_count_toward_the_object_window(code):
    text = "Beijing placed three US firms it calls \"separatist accomplices\" under sanctions."
    events = code(text, "2024-06-21")
    assert ("CHN", "USA", "163", "asserted") in triples(events)


def test_a_direct_object_listed_along_with_others_shares_the_act(code):
    events = code("Washington branded Cuba a sponsor of terrorism along with North Korea and Syria.")
    got = triples(events)
    assert {("USA", "CUB", "163", "asserted"), ("USA", "PRK", "163", "asserted")} <= got


def test_a_link_between_states_hit_hits_them(code):
    events = code("Russian forces blew up a railway bridge linking Ukraine and Poland.", "2022-05-03")
    assert {("RUS", "UKR", "1712", "asserted"), ("RUS", "POL", "1712", "asserted")} <= triples(events)
