"""False positives found on Northeast Asian news (KCNA, People's Daily trade-war coverage), one class per test,
on sentences written in the style of that copy.

Each test names the wrong event the coder used to produce and, where the sentence holds a real event, checks that
this event still comes out.
"""

from __future__ import annotations

import pytest

from tests.conftest import triples


# ------------------------------------------------------------------ a trade war is no armed fight
@pytest.mark.parametrize(
    "text",
    [
        "Washington launched a trade war against Beijing last spring, economists noted.",
        "Tokyo started a tariff war against Seoul in 2019.",
    ],
)
def test_trade_war_is_no_fight(code, text):
    assert not any(e.code.startswith("19") for e in code(text))


def test_a_war_launched_is_still_a_fight(code):
    assert ("RUS", "UKR", "190", "asserted") in triples(code("Russia launched a war against Ukraine on Thursday."))


# ------------------------------------------------------------------ a report released is published, not freed
@pytest.mark.parametrize(
    "text",
    [
        "A Japan trade report released by the IMF on Monday forecast slower growth.",
        "Vietnamese data released by the U.N. agency showed faster growth.",
    ],
)
def test_released_document_is_no_release(code, text):
    assert not any(e.code.startswith("084") for e in code(text))


def test_captives_released_by_a_state_are_still_freed(code):
    events = code("Three South Korean sailors released by North Korea crossed the border on Friday.")
    assert ("PRK", "KOR", "0841", "asserted") in triples(events)


# ------------------------------------------------------------------ a modal governs every verb it coordinates
@pytest.mark.parametrize(
    ("text", "prefix", "mode"),
    [
        (
            "Washington should drop its hostile policy toward the DPRK and withdraw its troops from South Korea.",
            "087",
            "hypothetical",
        ),
        ("Moscow will never bow to outside pressure or violate the arms treaty with Washington.", "128", "negated"),
        (
            "Beijing aims to double its trade with Brazil within five years and invest 30 billion dollars in "
            "Argentina.",
            "061",
            "future",
        ),
    ],
)
def test_modal_scopes_over_coordinated_bare_verb(code, text, prefix, mode):
    events = [e for e in code(text) if e.code.startswith(prefix)]
    assert events
    assert all(e.mode == mode for e in events)


def test_coordinated_present_verb_without_modal_stays_asserted(code):
    events = code("Japan and China have long shared a border at sea and cooperate closely on fisheries.")
    assert ("JPN", "CHN", "060", "asserted") in triples(events)


# ------------------------------------------------------------------ "announced it will impose tariffs" is to come
@pytest.mark.parametrize(
    "text",
    [
        "Beijing announced on Friday it will impose retaliatory tariffs on American soybeans worth 50 billion dollars.",
        "Tokyo announced plans to impose export controls on South Korean chipmakers.",
    ],
)
def test_sanctions_announced_for_later_are_not_imposed(code, text):
    events = [e for e in code(text) if e.code.startswith("163")]
    assert events
    assert all(e.mode == "future" for e in events)


def test_sanctions_announced_outright_are_imposed(code):
    events = code("Washington announced new tariffs on Chinese steel on Monday.")
    assert ("USA", "CHN", "163", "asserted") in triples(events)


# ------------------------------------------------------------------ "did X by doing Y": the means has X's subject
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo broke WTO rules by restricting exports of key chemicals to South Korea.",
            ("JPN", "KOR", "163"),
        ),
        (
            "Canberra said Washington breached WTO rules by slapping tariffs on Australian aluminium.",
            ("USA", "AUS", "163"),
        ),
    ],
)
def test_by_gerund_takes_the_main_subject(code, text, expected):
    pairs = {(s, t, c[:3]) for s, t, c, mode in triples(code(text)) if mode == "asserted"}
    assert expected in pairs
    assert all(s != "IGO" for s, _, _ in pairs)  # the WTO, whose rules were broken, does nothing


def test_by_gerund_after_a_prepositional_target(code):
    events = code("China retaliated against the United States by imposing tariffs on American pork.")
    assert ("CHN", "USA", "163", "asserted") in triples(events)


# ------------------------------------------------------------------ a bracketed gloss is no subject
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States breached World Trade Organization (WTO) rules by slapping tariffs on Chinese steel.",
            ("USA", "CHN", "163", "asserted"),
        ),
        (
            "Japan's envoy to the Republic of Korea (ROK) met Chinese diplomats on Monday.",
            ("JPN", "CHN", "040", "asserted"),
        ),
    ],
)
def test_bracketed_gloss_is_no_subject(code, text, expected):
    assert expected in triples(code(text))


# ------------------------------------------------------------------ "tariffs on imports from X": X is no doer
def test_origin_of_goods_is_not_the_sanctioner(code):
    events = code(
        "Washington went ahead with the steel levy despite protests, with tariffs on imports from countries "
        "including South Korea."
    )
    assert not any(e.source.startswith("KOR") for e in events)


# ------------------------------------------------------------------ willingness to act is a commitment, not the act
def test_willingness_to_sign_is_an_intent(code):
    found = triples(code("Hanoi and Beijing have repeatedly signaled willingness to conclude a fisheries agreement "
                         "this year."))
    assert ("VNM", "CHN", "057", "asserted") not in found
    assert any(s == "VNM" and t == "CHN" and c.startswith("03") and m == "asserted" for s, t, c, m in found)


# ------------------------------------------------------------------ "far from accepting": the act is ruled out
def test_far_from_negates(code):
    found = triples(code("The Kim regime, far from accepting the proposal of Seoul, fired more shells."))
    assert not any(c.startswith("03") and m == "asserted" for _, _, c, m in found)


# ------------------------------------------------------------------ "demanded X halt ... and apologize": asked
def test_coordinated_subjunctive_of_a_demand_is_not_done(code):
    found = triples(
        code("The Cuban committee demanded Japan halt its hostile moves and apologize to the Korean people.")
    )
    assert ("CUB", "JPN", "100", "asserted") in found
    assert not any(c.startswith("055") for _, _, c, _ in found)


# ------------------------------------------------------------------ a joint act's partner is no later verb's object
@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Tokyo and Canberra work closely together and support the rules-based order in the Pacific.", "051"),
        ("Beijing and Moscow met in June and criticized the new missile shield.", "111"),
    ],
)
def test_joint_partner_is_not_the_object_of_a_coordinated_verb(code, text, prefix):
    assert not any(e.code.startswith(prefix) for e in code(text))


def test_joint_partners_praising_their_own_partnership_still_coded(code):
    found = triples(code("China and Russia held talks and praised their partnership."))
    assert ("CHN", "RUS", "051", "asserted") in found


# ------------------------------------------------------------------ ending a tariff concession is a sanction
def test_suspended_tariff_concessions_are_a_sanction(code):
    found = triples(code("Beijing suspended tariff concessions on 90 Australian goods on Monday."))
    assert not any(c.startswith("085") for _, _, c, _ in found)
    assert ("CHN", "AUS", "163", "asserted") in found


def test_sanctions_suspended_are_still_eased(code):
    assert ("IGO", "BLR", "085", "asserted") in triples(code("The EU suspended sanctions on Belarus."))


# ------------------------------------------------------------------ ", killing six civilians": the struck side's people
def test_civilians_killed_by_a_participle_belong_to_the_struck_state(code):
    found = triples(code("Russian artillery shelled the Ukrainian town of Izium on Sunday, killing six civilians."))
    assert any(s == "RUS" and t == "UKR" and c.startswith("19") for s, t, c, _ in found)
    assert not any(t == "RUS" for _, t, _, _ in found)
    assert any(s == "RUS" and t == "UKR" and c.startswith(("18", "19")) and c != "194" for s, t, c, _ in found)


def test_civilians_killed_by_their_own_state_stay_its_own(code):
    found = triples(code("Syrian troops shelled Homs, killing 20 civilians."))
    assert ("SYR", "SYR", "1823", "asserted") in found


# ------------------------------------------------------------------ "when G7 ministers meet": a subject of its own
def test_subordinate_clause_with_unnamed_subject_does_not_borrow_the_main_actors(code):
    found = triples(code("Seoul and Tokyo promised to cooperate when foreign ministers of the region meet in Hanoi."))
    assert not any(c.startswith("04") for _, _, c, _ in found)
    assert ("KOR", "JPN", "031", "asserted") in found


def test_subordinate_clause_with_pronoun_subject_keeps_its_antecedent(code):
    assert ("KOR", "JPN", "040", "asserted") in triples(code("Seoul will respond when it meets Tokyo next week."))


# ------------------------------------------------------------------ "a plan aimed at curbing imports": a purpose
@pytest.mark.parametrize(
    "text",
    [
        "Beijing scrapped a licensing regime once aimed at restricting exports of graphite to Japan.",
        "Washington unveiled a plan aimed at curbing imports of Chinese solar panels.",
    ],
)
def test_act_aimed_at_is_not_done(code, text):
    assert not any(e.code.startswith("163") and e.mode == "asserted" for e in code(text))


def test_restricted_exports_are_still_done(code):
    found = triples(code("Seoul restricted exports of chemicals to Japan last year."))
    assert ("KOR", "JPN", "163", "asserted") in found


# ------------------------------------------------------------------ "... that subsidies by X": a clause, not an object
def test_by_phrase_inside_a_that_clause_is_no_object(code):
    found = triples(
        code("The Australian trade minister said at an APEC meeting that subsidies by Chinese state firms distort "
             "markets.")
    )
    assert not any(c.startswith("04") for _, _, c, _ in found)


def test_by_phrase_inside_the_object_is_still_the_target(code):
    assert ("JPN", "PRK", "111", "asserted") in triples(code("Tokyo condemned the launch by North Korea."))


# ------------------------------------------------------------------ a tit-for-tat exchange of tariffs
def test_exchanged_tariffs_sanction_each_other(code):
    found = triples(code("Washington and Beijing exchanged tariffs on $16 billion of each other's goods in August."))
    assert {("USA", "CHN", "163", "asserted"), ("CHN", "USA", "163", "asserted")} <= found
