"""Mechanisms added for PLOVER's cooperative categories (agree … concede), on sentences written like wire copy."""

from __future__ import annotations

from tests.conftest import triples


def test_arabic_article_spelt_el_with_a_space(code):
    # wire copy writes the Arabic article "al-", "el-", "El " or "al ": "Omar el Bashir" is Omar al-Bashir
    events = code("Omar el Bashir praised Iran for its support.", "1994-03-02")
    assert ("SDN", "IRN", "051", "asserted") in triples(events)


def test_aside_before_the_last_item_of_a_list(code):
    # "A, B and, to a lesser extent, C": the aside after the closing "and" does not end the list
    text = "Greece, Cyprus and, to a lesser extent, Italy criticized Turkey over the drilling plans."
    got = triples(code(text, "2019-07-10"))
    assert {(state, "TUR", "111", "asserted") for state in ("GRC", "CYP", "ITA")} <= got
    got = triples(code("Washington eased export curbs on Vietnam, Laos, and in some cases, Cambodia.", "2016-05-23"))
    assert ("USA", "KHM", "085", "asserted") in got and ("USA", "VNM", "085", "asserted") in got



def test_easing_emergency_measures(code):
    # "emergency measures" and "emergency powers" are emergency rule under another name (0814)
    events = code("Belgrade lifted emergency measures in Kosovo on Friday after a week of calm.", "1991-02-12")
    assert ("SRB", "XKX", "0814", "asserted") in triples(events)


def test_host_of_talks_between_two_sides_receives_both(code):
    # the host of a meeting "between" two others receives both sides (043); a readiness to host is a
    # commitment to meet (036, asserted); after "between" the "and" joins the sides even when the first is
    # an adjective before a head noun the lexicon does not know ("an Iranian trade mission")
    got = triples(code("Oman said it was ready to host a meeting between an Iranian trade mission and Saudi officials.",
                       "2016-02-03"))
    assert {("OMN", "IRN", "036", "asserted"), ("OMN", "SAU", "036", "asserted")} <= got
    got = triples(code("Turkey hosted a meeting between Russian and Ukrainian negotiators on Thursday.", "2022-03-10"))
    assert {("TUR", "RUS", "043", "asserted"), ("TUR", "UKR", "043", "asserted")} <= got


def test_agreed_that_both_sides_should_is_a_commitment(code):
    # "agreed that both sides should ...": the agreeing sides bind themselves (03x, asserted), as with "would"
    text = "Armenia and Azerbaijan agreed on Friday that both sides should resume talks on the border dispute."
    got = triples(code(text, "2021-11-26"))
    assert {("ARM", "AZE", "036", "asserted"), ("AZE", "ARM", "036", "asserted")} <= got
    # a third party told what it ought to do is no commitment by the agreeing sides
    got = triples(code("Britain and France agreed that Libya should release the detained sailors.", "2011-01-05"))
    assert not any(c.startswith("03") for _, _, c, _ in got)


def test_state_name_with_a_dropped_letter(code):
    # wire copy drops a letter from long state names ("Kazakstan", "Phillipines" less an "l"); only capitalised
    got = triples(code("Kazakstan accused Kyrgyzstan of cutting water supplies to its southern farms.", "2008-07-14"))
    assert ("KAZ", "KGZ", "112", "asserted") in got
    got = triples(code("Venezula expelled the Colombian ambassador on Monday.", "2008-03-03"))
    assert any(s == "VEN" and t == "COL" for s, t, _, _ in got)
    # never where the misspelling is another name of the lexicon: "Cameron" is no Cameroon
    got = triples(code("Cameron criticized Argentina over the Falklands on Tuesday.", "2012-03-27"))
    assert not any(s == "CMR" for s, _, _, _ in got)


def test_reopening_a_border_to_someone_eases_a_restriction(code):
    # a border opened "to" someone eases a restriction on them (081)
    got = triples(code("Burundi reopened its border to Rwandan traders after a two-month closure.", "2016-08-01"))
    assert ("BDI", "RWA", "081", "asserted") in got
    # "agreed to re-open": the split-off prefix does not hide the commitment (0351)
    got = triples(code("Uganda agreed to re-open its border to Rwandan traders next month.", "2019-08-21"))
    assert ("UGA", "RWA", "0351", "asserted") in got


def test_donating_is_aid_and_doctors_from_a_state_are_its_people(code):
    # whatever is donated to someone is aid (070); "doctors from two Japanese charities" are Japan's people,
    # as "envoys from China" are China's: "from" with a count between noun and state
    text = "Doctors from three Japanese charities donated 20 ambulances to the Afghan health ministry."
    assert ("JPN", "AFG", "070", "asserted") in triples(code(text, "2004-05-11"))
    got = triples(code("Saudi Arabia donated $10 million to Lebanon.", "2007-01-25"))
    assert ("SAU", "LBN", "070", "asserted") in got


def test_yielding_to_unnamed_rebels_is_yielding_to_ones_own(code):
    # a state that yields to rebels or opposition named only by their role yields to its own (as force used
    # on them falls on its own); freed "fishermen" may be anyone's
    text = "The Nepalese government on Monday accepted demands from Maoist rebels for an interim constitution."
    assert ("NPL", "NPL", "080", "asserted") in triples(code(text, "2006-06-12"))
    assert not any(t == "JPN" for _, t, _, _ in triples(code("Japan released fishermen on Friday.", "2010-09-24")))
    # the agent of the object ("a siege called by insurgents") is not whom the state yields to
    got = triples(code("Nepal's government sought talks to end a blockade called by Maoist insurgents.", "2004-08-20"))
    assert not any(t == "NPL" for _, t, _, _ in got)


def test_strike_called_off_after_talks_with_someone(code):
    # a hyphenated compound in an object gap is one word ("a three-day strike"); a concession made "after
    # talks with" someone is made to them
    text = "Bolivian miners called off a three-day strike after negotiations with the Bolivian government."
    assert ("BOL", "BOL", "082", "asserted") in triples(code(text, "2006-10-07"))
    text = "Iran released the detained sailors after talks with Britain."
    assert ("IRN", "GBR", "0841", "asserted") in triples(code(text, "2007-04-04"))


def test_easing_a_curfew_with_no_one_named_eases_it_on_ones_own_people(code):
    # curfews, emergency rule and curbs on political freedoms weigh on the state's own people, even when the
    # place named is one the lexicon does not know
    text = "Ethiopia's government on Monday lifted a state of emergency in the Amhara region."
    assert ("ETH", "ETH", "0814", "asserted") in triples(code(text, "2017-08-07"))


def test_bare_infinitive_after_help_is_no_object_noun(code):
    # "to help support X": "support" is a verb, not the thing rallied; the "against" later is the cause's
    text = "Qatar has mobilized lobby groups in Washington to help support the rights of Syrians fighting against Iran."
    assert not any(c == "113" for _, _, c, _ in triples(code(text, "2013-05-02")))


def test_agreeing_to_a_ceasefire_is_a_commitment(code):
    # "agreed to a ceasefire" commits to stop fighting (0356, asserted, both ways for coordinated sides);
    # signing or declaring one is the truce itself (0871)
    got = triples(code("Armenia and Azerbaijan agreed to a humanitarian truce on Saturday.", "2020-10-17"))
    assert {("ARM", "AZE", "0356", "asserted"), ("AZE", "ARM", "0356", "asserted")} <= got
    got = triples(code("Armenia and Azerbaijan signed a ceasefire in Moscow.", "2020-11-10"))
    assert ("ARM", "AZE", "0871", "asserted") in got


def test_accepting_a_plan_is_agreement_in_principle(code):
    # accepting another's plan, proposal or formula is an agreement in principle (030); the plan's author is
    # the target
    got = triples(code("Serbia accepted a Russian proposal for ending the standoff in the north.", "2011-08-01"))
    assert ("SRB", "RUS", "030", "asserted") in got
    # a headline's "X urged to accept ..." asks X; X has accepted nothing yet
    got = triples(code("Japan urged to accept South Korean proposal on fisheries", "2001-06-20"))
    assert not any(c == "030" for _, _, c, _ in got)


def test_paying_compensation_returns_property(code):
    # compensation paid for what was taken makes good the property (0842)
    got = triples(code("Libya paid compensation to French victims of the airliner bombing.", "2004-01-09"))
    assert ("LBY", "FRA", "0842", "asserted") in got


def test_extending_a_peacekeeping_mandate_protects_the_host_state(code):
    # a peacekeeping force's mandate extended protects the state where it serves (074); agreeing to the
    # extension promises that protection (0334)
    text = "The Security Council renewed the mandate of the UN peacekeeping force in Cyprus for six months."
    assert ("IGO", "CYP", "074", "asserted") in triples(code(text, "2003-06-11"))
    text = "The Security Council agreed to a one-year extension of the mandate of the peacekeeping mission in Liberia."
    assert ("IGO", "LBR", "0334", "asserted") in triples(code(text, "2007-09-28"))
