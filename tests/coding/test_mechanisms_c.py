"""Mechanism tests for the recall work of branch recall-c, on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_possessive_pronoun_object_names_the_target(code):
    # "its" in the object stands for the state named earlier, not for the critic
    events = code(
        "North Korea test-fired a new cruise missile, and the UN Security Council later condemned its launch."
    )
    assert any(s.startswith("IGO") and t == "PRK" and c.startswith("11") for s, t, c, _ in triples(events))


def test_object_inside_a_relative_clause_is_not_the_verbs(code):
    # what ended is the dispute, not the relations the relative clause speaks of
    events = code("Beijing on Friday ended a trade dispute that had badly strained relations with Canberra.")
    assert not any(c.startswith("16") for _, _, c, _ in triples(events))


def test_particle_before_the_object_governs_no_target(code):
    # "in" belongs to "took in"; the refugees' state is the one received
    events = code("Germany took in hundreds of thousands of Syrian refugees in 2015 and 2016.")
    assert ("DEU", "SYR", "075", "asserted") in triples(events)


def test_own_people_are_the_sources_civilians(code):
    # "its own people" names the civilians of the state whose forces act
    events = code("Syria's army has committed atrocities against its own people, a UN report said.")
    assert ("SYR", "SYR", "200", "asserted") in triples(events)
    assert any(e.target == "SYRCVL" for e in events)


def test_the_allies_stands_for_the_pair_named_before(code):
    events = code("Washington and Tokyo held naval drills on Tuesday, and Beijing accused the allies of meddling.")
    assert {("CHN", "USA", "112", "asserted"), ("CHN", "JPN", "112", "asserted")} <= triples(events)


def test_anaphoric_pair_leaves_out_its_own_clause_subject(code):
    # "the two allies" are Japan and Australia, not Australia and the critic
    events = code("Japan and Australia signed a defence pact on Monday, and China criticized the two allies on Sunday")
    got = {(s, t, c[:2]) for s, t, c, _ in triples(events)}
    assert {("CHN", "JPN", "11"), ("CHN", "AUS", "11")} <= got


def test_wanting_closer_ties_is_intent_to_cooperate(code):
    events = code("Mongolia wants closer ties with South Korea in mining and energy, its president said on Monday.")
    assert ("MNG", "KOR", "030", "asserted") in triples(events)


def test_ignoring_a_court_warrant_is_a_violation(code):
    events = code("Tajikistan hosted the Russian president on Friday, ignoring an International Criminal Court warrant")
    assert any(s == "TJK" and t == "IGO" and c == "128" for s, t, c, _ in triples(events))


def test_participle_chain_shares_the_target(code):
    # "seizing the vessel" continues the participle clause "killing the skipper", aimed where the shots were
    events = code(
        "North Korean patrol boats fired on a South Korean fishing boat, killing the skipper and seizing the vessel."
    )
    assert any(s == "PRK" and t == "KOR" and c == "1711" for s, t, c, _ in triples(events))


def test_visit_without_destination_goes_to_the_scene(code):
    # the visit framing the signing was made to the place the signing happened in
    events = code("Vietnam and Japan signed a security pact in Tokyo on Friday during a visit by Vietnam's president.")
    assert ("VNM", "JPN", "042", "asserted") in triples(events)


def test_seeing_no_prospect_is_pessimism_not_negation(code):
    # the "no" belongs to the object phrase "no prospect", it does not negate the statement
    events = code("Seoul sees no prospect of a summit with Pyongyang this year, the unification minister said.")
    assert ("KOR", "PRK", "012", "asserted") in triples(events)


def test_name_calling_is_criticism(code):
    events = code('North Korean state media called the South Korean president a "traitor" and a puppet of Washington.')
    assert ("PRK", "KOR", "111", "asserted") in triples(events)


def test_coordinated_threat_takes_the_previous_target(code):
    events = code("China condemned the Japanese prime minister on Monday and warned that he would regret it.")
    assert ("CHN", "JPN", "130", "asserted") in triples(events)


def test_stepping_into_a_country_is_a_visit(code):
    events = code("The South Korean president stepped into North Korean territory at Panmunjom on Friday.")
    events += code("Biden became the first US president to set foot in Vietnam's central highlands.")
    got = triples(events)
    assert ("KOR", "PRK", "042", "asserted") in got
    assert ("USA", "VNM", "042", "asserted") in got


def test_passive_subject_may_name_the_object_far_before(code):
    # "sanctions" opens a long subject phrase; "were imposed by" still finds it as its object
    events = code(
        "New sanctions targeting Russian banks, energy firms and dozens of oligarchs were imposed by Japan on Friday."
    )
    assert ("JPN", "RUS", "163", "asserted") in triples(events)


def test_absolute_clause_is_not_a_nouns_complement(code):
    # ", with Seoul ..." opens a clause of its own: it does not name who the talks were with
    events = code("Japanese and Chinese diplomats spoke to reporters before their talks, with Seoul watching closely.")
    got = {(s, t) for s, t, c, _ in triples(events) if c.startswith("04")}
    assert got == {("JPN", "CHN"), ("CHN", "JPN")}


def test_halting_drills_as_a_gesture_to_a_rival_is_de_escalation(code):
    events = code("Washington and Seoul postponed their spring drills, a goodwill gesture to Pyongyang.")
    assert {("USA", "PRK", "087", "asserted"), ("KOR", "PRK", "087", "asserted")} <= triples(events)


def test_coordinated_apology_takes_the_previous_target(code):
    events = code("Japan's prime minister met the South Korean president in Seoul and apologized for the past.")
    assert ("JPN", "KOR", "055", "asserted") in triples(events)


def test_agents_of_a_state_are_its_intelligence_service(code):
    events = code("Two South Korean fishermen were abducted by North Korean agents in 1977.")
    assert any(e.source == "PRKSPY" and e.target.startswith("KOR") and e.code == "181" for e in events)


def test_one_event_per_pair_and_root_in_a_sentence(code):
    # criticizing and accusing in one breath is one act of disapproval between the same two actors
    events = code("Beijing sharply criticized Washington on Monday and accused the United States of hypocrisy.")
    assert [e.code[:2] for e in events if e.source[:3] == "CHN" and e.target[:3] == "USA"] == ["11"]


def test_gathering_in_a_country_names_the_host(code):
    # sent "to the opening ceremony in Beijing": the host state receives the delegation
    events = code("Seoul sent a delegation to the opening ceremony in Beijing on Friday.")
    assert ("KOR", "CHN", "042", "asserted") in triples(events)


def test_putting_a_military_satellite_into_orbit_is_a_show_of_force(code):
    events = code("North Korea said on Tuesday it had put its first military reconnaissance satellite into orbit.")
    assert ("PRK", "", "150", "asserted") in triples(events)


def test_options_on_the_table_threaten_the_cause(code):
    # the veiled threat is aimed at the actor whose act the "after" clause reports
    events = code("The White House said all options were on the table after Iran seized a British tanker in the Gulf.")
    assert ("USA", "IRN", "138", "asserted") in triples(events)


def test_owner_inside_a_light_verbs_object_is_the_target(code):
    # "its" and "the country's" open the object phrase of "entered ... waters/airspace"
    events = code("Tokyo protested on Friday after four Chinese coast guard ships entered its territorial waters.")
    events += code("Japan said a Chinese drone entered the country's airspace on Monday.")
    got = triples(events)
    assert ("CHN", "JPN", "150", "asserted") in got
    assert sum(1 for e in events if e.rule == "posture.airspace" and e.target == "JPN") == 2


def test_subject_relative_clause_names_its_doer(code):
    # "a Chinese drone that entered ..." does the entering, though "against" governs it
    events = code("Japan scrambled fighter jets against a Chinese drone that entered Japanese airspace on Monday.")
    assert ("CHN", "JPN", "150", "asserted") in triples(events)


def test_flag_carrier_is_a_business_of_its_state(code):
    events = code("Russian fighter jets shot down Korean Air Lines Flight 007 near Sakhalin.")
    assert any(e.source == "RUSMIL" and e.target == "KORBUS" for e in events)


def test_blowing_up_an_airliner_is_a_bombing(code):
    events = code("Libyan agents blew up an American airliner over Scotland in 1988.")
    assert ("LBY", "USA", "183", "asserted") in triples(events)


def test_targetless_event_yields_to_the_same_act_with_a_target(code):
    events = code("China fired rockets toward Taiwan on Friday as it staged large-scale military drills.")
    assert [(e.source[:3], e.target[:3], e.code[:2]) for e in events] == [("CHN", "TWN", "15")]
