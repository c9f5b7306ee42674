"""One test per coding mechanism, on sentences written like wire copy."""

from __future__ import annotations

from datetime import date

from blocwatch.model import Document
from tests.conftest import triples


def test_metonyms_name_the_state(code):
    events = code("Pyongyang accused Washington of plotting an invasion, while the Kremlin criticized Tokyo.")
    got = triples(events)
    assert ("PRK", "USA", "112", "asserted") in got
    assert ("RUS", "JPN", "111", "asserted") in got


def test_seat_of_power_metonym(code):
    events = code("The White House praised Seoul for its restraint.")
    assert ("USA", "KOR", "051", "asserted") in triples(events)


def test_demonyms_and_agents_compose(code):
    events = code("The Japanese foreign minister summoned the South Korean ambassador in protest.")
    assert [(e.source, e.target, e.code) for e in events] == [("JPNGOV", "KORGOV", "114")]


def test_possessive_agent_and_counterpart(code):
    events = code("Japan's foreign minister met his Chinese counterpart in Beijing on Monday.", "2018-06-14")
    assert [(e.source, e.target, e.code) for e in events] == [("JPNGOV", "CHNGOV", "040")]
    assert events[0].date == "2018-06-11"


def test_dated_role_resolves_by_document_date(code):
    in_office = code("Moon Jae-in criticized Tokyo over its export curbs.", "2019-08-05")
    out_of_office = code("Moon Jae-in criticized Tokyo over its export curbs.", "2024-01-10")
    assert in_office[0].source == "KORGOV"
    assert out_of_office[0].source.startswith("KOR") and out_of_office[0].source != "KORGOV"


def test_short_name_needs_role_on_date(code):
    events = code("Abe met Trump at the White House.", "2017-02-10")
    assert ("JPNGOV", "USAGOV") in {(e.source, e.target) for e in events}


def test_hyphenated_compound_gives_pairs(code):
    events = code("The US-Japan-South Korea summit at Camp David drew sharp criticism from Beijing.", "2023-08-19")
    pairs = {(e.source[:3], e.target[:3]) for e in events if e.code.startswith("04")}
    assert pairs == {("USA", "JPN"), ("JPN", "USA"), ("USA", "KOR"), ("KOR", "USA"), ("JPN", "KOR"), ("KOR", "JPN")}


def test_sino_prefix_compound(code):
    events = code("Sino-Russian joint patrols over the Sea of Japan alarmed Tokyo.", "2019-07-24")
    assert {("CHN", "RUS", "062", "asserted"), ("RUS", "CHN", "062", "asserted")} <= triples(events)


def test_coordinated_subject_gives_both_directions(code):
    events = code("Japan and South Korea singed a pact on sharing military intelligence.", "2016-11-23")
    assert {("JPN", "KOR", "057", "asserted"), ("KOR", "JPN", "057", "asserted")} <= triples(events)


def test_passive_swaps_roles(code):
    events = code("Seoul was sharply criticized by Pyongyang for the joint drills.")
    assert ("PRK", "KOR", "111", "asserted") in triples(events)


def test_passive_reduced_relative(code):
    events = code("Sanctions imposed by Washington on Pyongyang took effect on Monday.")
    assert any(e.source == "USA" and e.code == "163" for e in events)


def test_relative_clause_does_not_steal_subject(code):
    events = code("China, which has long backed Pyongyang, criticized the United States on Tuesday.")
    assert ("CHN", "USA", "111", "asserted") in triples(events)


def test_negation(code):
    events = code("China has not met Japan at the ministerial level since May.")
    assert triples(events) == {("CHN", "JPN", "040", "negated")}


def test_will_not_is_negated(code):
    events = code("Russia will not attend talks with Japan on the islands.")
    assert {e.mode for e in events} == {"negated"}


def test_hypothetical_modal(code):
    events = code("Russia might coordinate more closely with Beijing on North Korea.")
    assert events and {e.mode for e in events} == {"hypothetical"}


def test_hypothetical_if_clause(code):
    events = code("If Washington deploys missiles to Japan, Moscow would threaten Tokyo.")
    assert events and all(e.mode == "hypothetical" for e in events)


def test_not_likely_is_hypothetical(code):
    events = code("It is not likely that China, Russia and North Korea will sign a formal alliance treaty.")
    assert events and {e.mode for e in events} == {"hypothetical"}


def test_future(code):
    events = code("Xi Jinping will visit Moscow next week.", "2023-03-14")
    assert triples(events) == {("CHN", "RUS", "042", "future")}


def test_vowed_to_is_future_and_the_vow_is_an_intent(code):
    events = code("Seoul vowed to expand trade with Hanoi.")
    assert ("KOR", "VNM", "061", "future") in triples(events)
    # the vow itself is asserted: CAMEO 0311, intent to cooperate economically
    assert ("KOR", "VNM", "0311", "asserted") in triples(events)


def test_threat_to_act_is_an_asserted_threat(code):
    events = code("Beijing threatened to impose sanctions on Lithuania.")
    assert ("CHN", "LTU", "1312", "asserted") in triples(events)
    assert not any(e.code == "163" and e.mode == "asserted" for e in events)
    events = code("Pyongyang vowed to retaliate against Seoul.")
    assert ("PRK", "KOR", "1312", "asserted") not in triples(events)


def test_agreement_to_meet_is_intent_to_meet(code):
    events = code("The two Koreas agreed on Monday to hold a third summit in Pyongyang.", "2018-08-14")
    assert {("KOR", "PRK", "036", "asserted"), ("PRK", "KOR", "036", "asserted")} <= triples(events)
    assert not any(e.code == "030" for e in events)


def test_negation_inside_light_verb_phrase(code):
    events = code("The two Koreas have held no official talks in years.")
    assert events and {e.mode for e in events} == {"negated"}


def test_dates_from_weekday_and_month_day(code):
    friday = code("North Korea fired a ballistic missile over Japan on Friday.", "2017-09-18")
    assert friday[0].date == "2017-09-15"
    may = code("Leaders of China, Japan and South Korea met in Tokyo on May 9.", "2018-05-12")
    assert {e.date for e in may} == {"2018-05-09"}


def test_evidence_spans_point_into_text(coder):
    text = "Officials said on Monday that Tokyo lodged a protest with Beijing over the incursion."
    events = coder.code(Document("d1", text, date(2020, 1, 6))).events
    assert len(events) == 1
    e = events[0]
    assert text[e.trigger_span[0] : e.trigger_span[1]] == e.trigger
    assert text[e.source_span[0] : e.source_span[1]] == "Tokyo"
    assert text[e.target_span[0] : e.target_span[1]] == "Beijing"
    assert e.sentence == text
    assert e.rule == "disapprove.lodge-protest"
    assert (e.quad_class, e.goldstein, e.plover_type) == (3, -2.0, "ACCUSE")


def test_location_is_not_an_actor(code):
    assert code("Thousands gathered in Seoul to watch the fireworks.") == []


def test_no_event_without_actors(code):
    assert code("The company said it would sign a new supplier deal next month.") == []


def test_refusal_is_a_reject_event_and_negates_the_act(code):
    events = code("North Korea refused to allow IAEA inspectors back into the country.", "2010-05-01")
    assert ("PRK", "IGO", "1245", "asserted") in triples(events)
    assert ("PRK", "IGO", "0862", "negated") in triples(events)


def test_multi_state_phrases_and_the_two_sides(code):
    events = code("North and South Korean officials met at Panmunjom on Tuesday.", "2018-01-09")
    assert {("PRK", "KOR", "040", "asserted"), ("KOR", "PRK", "040", "asserted")} <= triples(events)
    events = code("Xi Jinping received Khurelsukh in Beijing, and the two sides agreed to expand trade.", "2023-10-17")
    assert ("CHN", "MNG", "0311", "asserted") in triples(events)
    assert ("MNG", "CHN", "0311", "asserted") in triples(events)


def test_place_names_are_not_actors(code):
    events = code("Chinese and Russian bombers flew a joint patrol over the Sea of Japan.", "2019-07-23")
    assert {("CHN", "RUS", "062", "asserted"), ("RUS", "CHN", "062", "asserted")} == triples(events)


def test_possessive_pronoun_takes_its_antecedent(code):
    events = code("Japan joined sanctions against Russia after its invasion of Ukraine.", "2022-03-01")
    assert ("RUS", "UKR", "192", "asserted") in triples(events)
    assert ("JPN", "RUS", "163", "asserted") in triples(events)


def test_nominal_event_takes_the_mode_of_its_predicate(code):
    events = code("Xi Jinping's state visit to Japan, postponed in 2020, never took place.", "2023-01-01")
    assert triples(events) == {("CHN", "JPN", "042", "negated")}
    events = code("The summit between Trump and Kim will take place in Singapore.", "2018-05-11")
    assert {e.mode for e in events} == {"future"}


def test_an_envoy_recalled_from_a_capital_is_the_recalling_states(code):
    events = code("Tokyo recalled its ambassador from Seoul after the president's visit to the islets.", "2012-08-10")
    assert ("JPN", "KOR", "161", "asserted") in triples(events)
    # without a possessive, "the envoy from China" is China's envoy
    assert ("CHNGOV", "JPNGOV", "040") in {
        (e.source, e.target, e.code) for e in code("The envoy from China met Kishida.", "2023-05-02")
    }


def test_a_release_is_demanded_of_the_holder_not_of_the_captives_state(code):
    events = code("The State Department demanded the release of two Americans held in North Korea.", "2017-06-13")
    assert ("USA", "PRK", "1053", "asserted") in triples(events)
    assert not any(e.target.startswith("USA") for e in events)


def test_an_object_phrase_with_by_names_the_target(code):
    events = code("Seoul condemned the missile launch by North Korea on Sunday.", "2023-04-16")
    assert ("KOR", "PRK", "111", "asserted") in triples(events)


def test_a_reporting_clause_after_a_comma_is_not_the_target(code):
    events = code("Pyongyang fired two ballistic missiles into the sea, Japan's defence ministry said.", "2023-04-13")
    assert [(e.source[:3], e.target, e.code) for e in events] == [("PRK", "", "150")]


def test_sanction_designations_and_retaliation(code):
    got = triples(
        code(
            "Washington designated North Korea a state sponsor of terrorism, and Beijing retaliated "
            "with tariffs on American farm goods.",
            "2017-11-20",
        )
    )
    assert ("USA", "PRK", "163", "asserted") in got
    assert ("CHN", "USA", "163", "asserted") in got


def test_the_action_asked_for_is_not_an_event(code):
    got = triples(code("Tokyo called on Moscow to pull its troops out of Ukraine immediately.", "2022-03-02"))
    assert ("JPN", "RUS", "020", "asserted") in got
    assert not any(code_.startswith("087") for _, _, code_, _ in got)


def test_failing_to_act_negates_the_act(code):
    got = triples(code("Kyiv criticised Ulaanbaatar for failing to arrest the Russian leader.", "2024-09-04"))
    assert ("UKR", "MNG", "111", "asserted") in got
    assert {m for s, t, c, m in got if c == "173"} == {"negated"}


def test_agencies_stand_for_their_state_and_quotes_do_not_hide_an_owner(code):
    assert ("USA", "PRK", "112", "asserted") in triples(
        code("The FBI held North Korea responsible for the hacking of Sony Pictures.", "2014-12-19")
    )
    text = 'Russia pulled out of peace treaty talks, citing Tokyo\'s "unfriendly" sanctions.'
    got = triples(code(text, "2022-03-21"))
    assert any(s == "JPN" and c == "163" for s, _, c, _ in got)


def test_would_in_reported_speech_is_a_plan_unless_a_condition_is_stated(code):
    assert {e.mode for e in code("Japan said it would lift export curbs on South Korea.", "2020-05-12")} == {"future"}
    assert {e.mode for e in code("Seoul said it would not lift sanctions on North Korea.", "2020-05-12")} == {"negated"}
    hedged = code("Biden said the United States would defend Taiwan if China attacked the island.", "2022-05-23")
    assert {e.mode for e in hedged} == {"hypothetical"}


def test_traded_barbs_is_criticism_both_ways(code):
    got = triples(code("Chinese and American diplomats traded barbs at the opening of their talks.", "2021-03-19"))
    assert {(s[:3], t[:3]) for s, t, c, _ in got if c == "111"} == {("CHN", "USA"), ("USA", "CHN")}


def test_vetoes_joint_fighting_and_price_threats(code):
    assert ("RUS", "IGO", "129", "asserted") in {
        (s, t[:3], c, m)
        for s, t, c, m in triples(
            code("Russia used its veto to end the mandate of the UN panel of experts.", "2024-03-28")
        )
    }
    fought = triples(code("Chinese and Indian troops fought with clubs and stones in the Galwan Valley.", "2020-06-16"))
    assert {(s[:3], t[:3]) for s, t, c, _ in fought if c == "190"} == {("CHN", "IND"), ("IND", "CHN")}
    assert ("CHN", "USA", "130", "asserted") in triples(
        code("Beijing warned that Washington would pay a heavy price for the arms sale.", "2020-10-26")
    )


def test_an_object_pronoun_takes_the_nearest_earlier_actor_that_is_not_the_source(code):
    got = triples(
        code("Sergei Lavrov met Kim Jong Un in Pyongyang on Thursday and invited him to Russia.", "2023-11-30")
    )
    assert ("RUS", "PRK", "036", "asserted") in {(s[:3], t[:3], c, m) for s, t, c, m in got}
    freed = code("Three Americans held in North Korea arrived home after Pyongyang freed them.", "2018-05-10")
    assert ("PRK", "USA", "0841") in {(e.source[:3], e.target[:3], e.code) for e in freed}


def test_a_titled_official_with_an_unknown_name_is_one_coordinated_person(code):
    events = code(
        "Mongolian President Tsakhiagiin Elbegdorj and Kazakh Prime Minister Serik Akhmetov signed a "
        "transit agreement in Astana on Tuesday.",
        "2012-05-08",
    )
    pairs = {(e.source[:3], e.target[:3], e.code) for e in events}
    assert pairs == {("MNG", "KAZ", "057"), ("KAZ", "MNG", "057")}
    assert events[0].source_text.startswith("Mongolian President Tsakhiagiin Elbegdorj")
    # capitalised words that are not a name stay outside (a weekday); a title-case headline is left alone
    praise = code("The Mongolian President Tuesday praised Japan for its support.", "2012-05-08")
    assert [(e.source, e.target, e.code, e.source_text) for e in praise] == [
        ("MNGGOV", "JPN", "051", "Mongolian President")
    ]
    assert code("Chinese President Meets Russian President In Moscow", "2012-05-08") == []


def test_a_possessive_pronoun_gives_its_sector_to_the_state_it_stands_for(code):
    events = code(
        "Although Tokyo and Seoul had quarrelled over export curbs all summer, their foreign ministers met "
        "in Bangkok on Friday.",
        "2019-08-02",
    )
    assert {(e.source, e.target, e.code) for e in events} == {("JPNGOV", "KORGOV", "040"), ("KORGOV", "JPNGOV", "040")}
    # the source's own troops are the object of the withdrawal, not its target
    withdraw = code("Moscow said it would withdraw its troops from Mongolia.", "1989-03-01")
    assert [(e.source, e.target, e.code) for e in withdraw] == [("RUS", "MNG", "0874")]


def test_rebels_against_their_own_state_are_a_domestic_event(code):
    accuse = code("Philippine rebels accused Manila of violating the ceasefire.", "2016-02-01")
    assert ("PHLREB", "PHL", "112") in {(e.source, e.target, e.code) for e in accuse}
    attack = code("Myanmar insurgents attacked Chinese workers near the border on Sunday.", "2016-02-01")
    # an armed group attacking civilians is an assault (180), not conventional military force (190)
    assert [(e.source, e.target, e.code) for e in attack] == [("MMRINS", "CHNLAB", "180")]


def test_a_nominal_event_after_a_support_verb_takes_the_verbs_subject(code):
    drills = code("Mongolia and India agreed to undertake joint military exercises near Ulaanbaatar in August.",
                  "2019-05-02")
    assert {e.rule for e in drills} == {"coop.joint-drills-noun", "coop.joint-drills-noun+intent"}
    got = {(e.source, e.target, e.code, e.mode) for e in drills}
    assert ("MNG", "IND", "062", "future") in got and ("IND", "MNG", "062", "future") in got
    assert ("MNG", "IND", "0312", "asserted") in got  # the agreement is the intent to cooperate militarily
    # an article a few words back makes an -ing form a noun: "a stern warning"
    warning = code("Seoul issued a stern warning to Pyongyang on Monday.", "2019-05-02")
    assert triples(warning) == {("KOR", "PRK", "130", "asserted")}


def test_would_after_a_nominal_event_in_reported_speech_is_future(code):
    events = code("Japan's trade minister said the export curbs on South Korea would take effect on Thursday.",
                  "2019-07-01")
    assert [(e.source, e.target, e.code, e.mode) for e in events] == [("JPNGOV", "KOR", "163", "future")]
    hedged = code("Japan's trade minister said the export curbs on South Korea would take effect only if talks failed.",
                  "2019-07-01")
    assert [(e.code, e.mode) for e in hedged] == [("163", "hypothetical")]


def test_a_threat_or_refusal_targets_the_object_of_the_act_it_names(code):
    threat = code("Pyongyang threatened to turn Seoul into a sea of fire.", "2013-03-06")
    assert triples(threat) == {("PRK", "KOR", "130", "asserted")}
    refusal = code("Beijing refused to let Taiwan join the assembly as an observer.", "2013-03-06")
    assert triples(refusal) == {("CHN", "TWN", "120", "asserted")}


def test_national_institutions_name_their_state(code):
    drills = code("The PLA staged drills around Taiwan on Monday.", "2023-04-10")
    assert [(e.source, e.target, e.code) for e in drills] == [("CHNMIL", "TWN", "150")]
    treaty = code("The Duma ratified the treaty with North Korea on Wednesday.", "2024-11-13")
    assert [(e.source, e.target, e.code) for e in treaty] == [("RUSLEG", "PRK", "057")]


def test_a_reaction_after_a_causative_is_aimed_at_the_main_subject(code):
    events = code("Two Russian Tu-95 bombers flew along the coast of Japan this week, forcing the Air Self-Defense "
                  "Force to scramble fighters.", "2019-06-20")
    assert ("JPNMIL", "RUS", "150", "asserted") in {(e.source, e.target[:3], e.code, e.mode) for e in events}


def test_coordinated_adjectives_share_the_sector_of_their_noun(code):
    events = code("Chinese and Russian military aircraft flew into South Korea's air defence zone on Thursday.",
                  "2019-07-23")
    assert {e.source for e in events} == {"CHNMIL", "RUSMIL"}


def test_a_protest_without_an_object_is_aimed_at_the_actor_of_its_cause(code):
    events = code("Tokyo protested after five Chinese missiles landed inside Japan's exclusive economic zone.",
                  "2022-08-05")
    assert {(e.source, e.target[:3], e.code) for e in events} == {("JPN", "CHN", "114")}
    # the cause clause must name someone else: no event aimed at the protester itself
    assert code("Japan protested after its own patrol ship sank.", "2022-08-05") == []


def test_a_coordinated_demand_without_an_object_is_made_of_the_previous_target(code):
    events = code("Japan's foreign minister met his Chinese counterpart in Beijing on Sunday and demanded the release "
                  "of a detained Japanese businessman.", "2023-04-02")
    assert {(e.source, e.target, e.code) for e in events} == {("JPNGOV", "CHNGOV", "040"), ("JPNGOV", "CHNGOV", "1053")}
    # not for acts that need an object of their own: "drills" after "and" do not inherit the partner
    drills = code("Seoul protested to Tokyo on Monday and began live-fire drills near the islets.", "2023-04-02")
    assert all(e.target == "" for e in drills if e.code.startswith("15"))


def test_people_in_a_place_belong_to_it_but_troops_there_need_not(code):
    protest = code("Protesters in Seoul rallied against Japan on Saturday.", "2019-08-03")
    assert [(e.source, e.target, e.code) for e in protest] == [("KORCVL", "JPN", "141")]
    assert code("Troops in Iraq attacked Syria.", "2019-08-03") == []


def test_an_act_that_stands_without_a_target_is_domestic_when_its_only_target_is_home(code):
    events = code("Thailand lifted the curfew in Bangkok on Sunday.", "2014-06-15")
    assert [(e.source, e.target, e.code) for e in events] == [("THA", "THA", "0813")]
    # an act that needs a target is still dropped when it would only point back at its source
    assert code("Japan's foreign minister criticized Tokyo's own plan.", "2014-06-15") == []


def test_not_ruling_out_force_is_an_asserted_threat(code):
    events = code("Beijing has never ruled out the use of force against Taiwan.", "2021-10-09")
    assert triples(events) == {("CHN", "TWN", "138", "asserted")}
    # without the "not", ruling something out is a rejection
    assert {e.code[:2] for e in code("Tokyo ruled out talks with Pyongyang.", "2021-10-09")} == {"12"}


def test_a_reaction_in_an_object_relative_clause_is_aimed_at_the_act_just_reported(code):
    events = code("U.S. and South Korean troops began their springtime Freedom Shield exercise, which Pyongyang "
                  "denounced as a war rehearsal.", "2023-03-13")
    assert {(e.source, e.target, e.code) for e in events if e.code == "111"} == {
        ("PRK", "USAMIL", "111"), ("PRK", "KORMIL", "111")
    }


def test_a_parallel_phrase_after_and_adds_a_second_target(code):
    events = code("Washington slapped a 24 percent tariff on Japanese goods and 25 percent on South Korean goods.",
                  "2025-04-03")
    assert {(e.source, e.target, e.code) for e in events} == {("USA", "JPN", "163"), ("USA", "KOR", "163")}
    # a second act joined by "and" is not a second target, nor is an actor before "and a ban" its source
    other = code("Japan imposed sanctions on Russia and a ban on exports to China.", "2025-04-03")
    assert {(e.source, e.target, e.code) for e in other} == {("JPN", "RUS", "163")}


def test_a_reported_willingness_is_an_asserted_intent(code):
    events = code("Trump said he would be willing to meet Kim Jong Un again.", "2019-05-05")
    assert ("USA", "PRK", "036", "asserted") in triples(events)


def test_a_participle_after_a_comma_acts_on_the_main_verbs_target(code):
    # the killing is the toll of the firing (one act of force, as in the gold); the seizure is its own act
    events = code("A Russian border patrol fired on a Japanese fishing boat near the disputed islands on Wednesday, "
                  "killing one crew member and seizing the vessel.", "2006-08-16")
    assert {(e.source[:3], e.target, e.code[:2]) for e in events} == {("RUS", "JPNCVL", "19"), ("RUS", "JPNCVL", "17")}


def test_an_act_announced_then_reported_done_is_asserted_once(code):
    events = code("Kim Jong Un stepped across the curb at Panmunjom to shake hands with Moon Jae-in, opening the first "
                  "inter-Korean summit in more than a decade.", "2018-04-27")
    assert [(e.source, e.target, e.code, e.mode) for e in events] == [("PRKGOV", "KORGOV", "040", "asserted")]


def test_the_doer_of_a_gerund_after_in_or_for_is_the_actor_before_it(code):
    events = code("The European Union will impose sanctions on North Korean officials involved in sending troops to "
                  "Russia, diplomats said.", "2024-11-04")
    assert ("PRKGOV", "RUS") in {(e.source, e.target) for e in events if e.code.startswith("15")}
    assert not any(e.source.startswith("IGO") and e.target == "RUS" for e in events)


def test_the_state_of_the_sites_hit_is_the_target(code):
    fire = code("Washington said Russia had fired North Korean-supplied ballistic missiles at targets in Ukraine.",
                "2024-01-04")
    # (the supplier of the missiles gets its own 072 event: test_mechanisms_b)
    assert [(e.source, e.target, e.code[:2]) for e in fire if e.code[:2] != "07"] == [("RUS", "UKR", "19")]
    strike = code("Israeli jets struck positions in Syria overnight.", "2024-01-04")
    assert [(e.source, e.target, e.code[:2]) for e in strike] == [("ISRMIL", "SYR", "19")]


def test_force_used_on_people_named_by_role_falls_on_the_sources_own_people(code):
    events = code("Liberian riot police used tear gas to disperse demonstrators protesting election results in "
                  "Monrovia.", "2011-11-07")
    assert [(e.source, e.target, e.code[:2]) for e in events] == [("LBRCOP", "LBRCVL", "17")]
    # an international body has no "own people"
    assert all(e.target == "" for e in code("UN peacekeepers dispersed demonstrators in the capital.", "2011-11-07"))


def test_retaliation_answers_the_act_just_reported(code):
    events = code("Washington imposed tariffs on Chinese steel on Friday, and Beijing immediately retaliated with "
                  "duties of its own.", "2018-07-06")
    assert {(e.source, e.target, e.code) for e in events} == {("USA", "CHN", "163"), ("CHN", "USA", "163")}


def test_welcomes_relief_operations_and_examinations(code):
    assert triples(code("Mongolia gave Vladimir Putin a red-carpet welcome in Ulaanbaatar.", "2024-09-03")) == {
        ("MNG", "RUS", "043", "asserted"), ("RUS", "MNG", "042", "asserted")
    }
    assert triples(code("The US military launched a relief operation in northeastern Japan.", "2011-03-13")) == {
        ("USA", "JPN", "073", "asserted")
    }
    examined = code("Seoul's investigators examined wreckage of a North Korean rocket.", "2016-02-10")
    assert {(e.source, e.target, e.code[:2]) for e in examined} == {("KOR", "PRK", "09")}


def test_the_guest_of_a_host_makes_the_visit(code):
    events = code("Biden welcomed Kishida to the White House on Wednesday for an official visit.", "2024-04-10")
    assert {(e.source, e.target, e.code) for e in events} == {("USAGOV", "JPNGOV", "043"), ("JPNGOV", "USAGOV", "042")}


def test_phrases_with_dotted_abbreviations_match_as_written(code):
    events = code("The U.N. Security Council condemned North Korea's missile launch.", "2017-07-05")
    assert {(e.source, e.target[:3]) for e in events} == {("IGOUNOSC", "PRK")}
    # "U.S. dollars" is a currency, not the United States
    assert code("Beijing pledged 200 billion U.S. dollars in loans to Brazil.", "2017-07-05")[0].target == "BRA"


def test_the_owner_of_a_decision_does_what_it_decides(code):
    events = code("China's commerce ministry made remarks on the United States' decision to impose tariffs on "
                  "Chinese goods.", "2018-06-16")
    assert [(e.source, e.target, e.code) for e in events] == [("USA", "CHN", "163")]
    # tariffs on imports from a state target that state
    assert triples(code("Washington imposed tariffs on imports from China.", "2018-06-16")) == {
        ("USA", "CHN", "163", "asserted")
    }



def _full(events) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in events if e.mode == "asserted"}


def test_quantifier_before_the_object(code):
    got = _full(code("Chinese police detained more than 100 Japanese fishermen near the disputed islands."))
    assert ("CHNCOP", "JPNCVL", "173") in got
    got = _full(code("Russian border guards detained up to 16 Japanese fishermen on Monday."))
    assert [c for _, t, c in got if t == "JPNCVL"] == ["173"]
    got = _full(code("Israeli soldiers arrested tens of thousands of Palestinians during the uprising."))
    assert ("ISRMIL", "PSECVL", "173") in got


def test_wounding_and_combat_between_forces(code):
    got = _full(code("North Korean soldiers wounded two South Korean tourists near the resort."))
    assert ("PRKMIL", "KORCVL", "182") in got
    # killing soldiers of another state's forces is combat, not an assault on persons
    got = _full(code("Chinese troops killed four Indian soldiers in a border clash on Monday."))
    assert ("CHNMIL", "INDMIL", "190") in got


def test_riot_needs_a_target(code):
    assert ("CHN", "JPN", "145", "asserted") in triples(
        code("Chinese students rioted against Japan outside the consulate on Sunday.")
    )
    assert code("Thousands of Chinese students rioted in the capital on Sunday.") == []


def test_reported_must_is_a_demand_of_the_obliged(code):
    events = code("Beijing said on Monday that Tokyo must withdraw its ships from the waters near the islands.")
    assert ("CHN", "JPN", "100", "asserted") in triples(events)
    events = code("North Korea must release the detained fishermen, the South Korean foreign ministry said.")
    assert ("KOR", "PRK", "100", "asserted") in triples(events)
    # the act laid on the obliged has not happened
    assert not any(e.mode == "asserted" and e.code.startswith("08") for e in events)
    # one's own obligation is no demand
    assert not any(e.code == "100" for e in code("China said it must respond firmly to the provocation."))


def test_threat_is_aimed_at_whoever_the_condition_names(code):
    text = "Pyongyang threatened to resume nuclear tests if Washington and Seoul went ahead with their drills."
    got = triples(code(text))
    assert ("PRK", "USA", "138", "asserted") in got and ("PRK", "KOR", "138", "asserted") in got
    got = triples(code("Moscow threatened to walk out of the arms talks unless Washington dropped its missile plans."))
    assert any(s == "RUS" and t == "USA" and c.startswith("13") for s, t, c, _ in got)
    # a condition on one's own side names no target
    assert not any(e.target for e in code("Beijing threatened to retaliate if China's interests were harmed."))


def test_counted_demonyms_are_people_and_a_protest_takes_its_purpose_target(code):
    text = "Thousands of South Koreans rallied in Seoul on Saturday to demand the resignation of President Yoon."
    events = code(text, "2024-12-07")
    got = _full(events)
    assert ("KORCVL", "KORGOV", "141") in got
    # the demand is what the rally says, so it is made, not intended
    assert ("KORCVL", "KORGOV", "1041") in got
    # an uncounted demonym still names the state
    assert {e.source for e in code("The Americans protested to Beijing over the detention of the diplomat.")} == {"USA"}


def test_civil_roles_without_a_state_are_the_sources_own_people(code):
    assert ("CHNCOP", "CHNCVL", "173") in _full(code("Chinese police detained dozens of rights lawyers and activists."))


def test_soviet_union_is_its_own_actor(code):
    got = triples(code("Soviet troops began withdrawing from Afghanistan on Sunday, the USSR said.", "1988-05-15"))
    assert any(s == "USR" for s, *_ in got)


def test_demanded_and_accused_acts_are_not_asserted(code):
    events = code("Beijing demanded that Washington cancel the arms sale to Taiwan.")
    assert ("CHN", "USA", "100", "asserted") in triples(events) or any(
        e.source == "CHN" and e.code.startswith("10") and e.mode == "asserted" for e in events
    )
    assert not any(e.source == "USA" and e.mode == "asserted" for e in events)
    # a participle after the comma goes back to the main clause: the accusation is made
    events = code("Seoul demanded that Tokyo lift its export curbs, accusing Japan of unfair trade.")
    assert ("KOR", "JPN", "112", "asserted") in triples(events)


def test_sworn_and_obliged_readiness_is_not_asserted(code):
    sworn = code("North Korea has sworn to fight the United States to the end.")
    assert ("PRK", "USA", "190", "future") in triples(sworn)
    events = code("Mubarak said the United States must be ready to mediate between Israel and the Palestinians.")
    assert not any(e.source == "USA" and e.mode == "asserted" for e in events)


def test_state_organs_in_a_state_are_its_own(code):
    got = _full(code("Officials in Washington criticised Beijing over the detentions."))
    assert ("USAGOV", "CHN", "111") in got
    got = _full(code("Authorities in Croatia cracked down on Serbian nationalists."))
    assert any(s == "HRVGOV" for s, _, _ in got)
    # an ambassador "in" a capital is as often a foreign one: no owner is guessed
    assert not any(e.source.startswith("CHN") for e in code("The ambassador in Beijing criticised Tokyo."))


def test_along_with_right_after_the_object_may_name_a_co_doer(code):
    got = triples(code("The EU sanctioned Iran along with the United States."))
    assert ("IGO", "IRN", "163", "asserted") in got
    assert not any(t == "USA" for _, t, _, _ in got)
    assert ("CHN", "KOR", "111", "asserted") in triples(code("China condemned Japan as well as South Korea."))
