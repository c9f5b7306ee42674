"""The broadened event lexicon: one or more wire-style sentences per CAMEO root area, each checking the
code, the source and the target of a pattern that had no entry before."""

from __future__ import annotations

import pytest

from tests.conftest import asserted, triples

CASES = [
    # 01 statements: weighing options against someone (014)
    ("Tokyo is weighing retaliatory options against Beijing over the seafood ban.", ("JPN", "CHN", "014")),
    # 02 appeals: reform, access, leadership
    ("Washington urged Myanmar's generals to restore democracy.", ("USA", "MMR", "024")),
    ("The European Union called on Minsk to allow observers at the vote.", ("IGO", "BLR", "0255")),
    ("Britain urged Sri Lanka's president to step down.", ("GBR", "LKA", "0241")),
    # 03 intent: policy support and political reform
    ("Moscow pledged unwavering support to Pyongyang during the talks.", ("RUS", "PRK", "032")),
    ("Thailand's military rulers promised early elections.", ("THA", "", "034")),
    # 04 consultation at a third location
    ("Kishida met Li Qiang on the sidelines of the G20 summit in New Delhi.", ("JPN", "CHN", "044")),
    # 06 material cooperation: evidence and suspects
    ("Seoul shared evidence with Washington about the crypto theft.", ("KOR", "USA", "064")),
    ("Cambodia handed over 19 fraud suspects to China on Friday.", ("KHM", "CHN", "063")),
    # 07 aid: supplies, the wounded, rescues, refugees
    ("South Korea airlifted emergency relief to Turkey after the earthquake.", ("KOR", "TUR", "073")),
    ("Egypt evacuated wounded Palestinians to hospitals in Cairo.", ("EGY", "PSE", "073")),
    ("The Japan Coast Guard rescued six Chinese fishermen off Okinawa.", ("JPN", "CHN", "073")),
    ("Poland took in tens of thousands of Ukrainian refugees.", ("POL", "UKR", "075")),
    # 08 yield: curfews, emergency rule, prisoners, ceasefires, inspectors, troops, demands
    ("Sri Lanka lifted the nationwide curfew on Monday.", ("LKA", "", "0813")),
    ("The Philippine government lifted martial law across Mindanao.", ("PHL", "", "0814")),
    ("Russia and Ukraine exchanged prisoners of war on Saturday.", ("RUS", "UKR", "0841")),
    ("Ethiopia declared a unilateral ceasefire in Tigray.", ("ETH", "", "0871")),
    ("Tehran accepted IAEA inspectors at two sites.", ("IRN", "IGO", "0862")),
    ("Moscow opened a humanitarian corridor for Ukrainian civilians.", ("RUS", "UKR", "0863")),
    ("Washington cut its troops in Germany by a third.", ("USA", "DEU", "0873")),
    ("Russian forces withdrew from Ukraine's Kharkiv region.", ("RUS", "UKR", "0874")),
    ("Sri Lanka's president stepped down under pressure from protesters.", ("LKA", "", "0831")),
    # 09 investigate: crime, rights, military action, war crimes
    ("The ICC opened an investigation into alleged war crimes by Russian forces.", ("IGO", "RUS", "094")),
    ("UN experts documented human rights abuses by North Korea.", ("IGO", "PRK", "092")),
    ("Seoul investigated the sinking of the Cheonan by North Korea.", ("KOR", "PRK", "093")),
    ("Japan launched a criminal investigation into Chinese hacking.", ("JPN", "CHN", "091")),
    # 10 demand: aid, rights, reform, easing dissent
    ("Seoul demanded compensation from Tokyo for wartime forced labour.", ("KOR", "JPN", "1031")),
    ("Kyiv demanded more air defence from Berlin.", ("UKR", "DEU", "1032")),
    ("Seoul demanded that Tokyo retract its textbook claims.", ("KOR", "JPN", "1042")),
    # 12 reject: aid requests, yielding, demands
    ("Germany rejected Ukraine's request for long-range missiles.", ("DEU", "UKR", "1222")),
    ("Beijing refused to back down over Taiwan.", ("CHN", "TWN", "124")),
    ("Tokyo rejected Seoul's demands on the wartime labour issue.", ("JPN", "KOR", "120")),
    # 13 threaten: mediation, international involvement
    ("Qatar threatened to end its mediation between Israel and Egypt.", ("QAT", "ISR", "135")),
    ("Iran threatened to expel IAEA inspectors.", ("IRN", "IGO", "136")),
    # 14 protest: strikes, street protests, blocking, occupations
    ("South Korean doctors went on strike against the government's plan.", ("KOR", "", "143")),
    ("Thousands of Filipinos took to the streets against China.", ("PHL", "CHN", "141")),
    ("South Korean villagers blocked the road to the US base.", ("KOR", "USA", "144")),
    ("Japanese demonstrations against Russia spread after the invasion.", ("JPN", "RUS", "141")),
    # 15 force posture: police, alerts, mobilisation, presence
    ("Kenya deployed riot police across the country.", ("KEN", "", "153")),
    ("Japan raised the terror alert level ahead of the summit.", ("JPN", "", "151")),
    ("Russia called up 300,000 reservists.", ("RUS", "", "154")),
    ("China increased its military presence near Taiwan.", ("CHN", "TWN", "154")),
    # 16 reduce relations: mediation, cooperation, communications, expulsions
    ("Qatar suspended its mediation between Israel and Hamas.", ("QAT", "ISR", "165")),
    ("Beijing suspended cooperation with Washington on climate change.", ("CHN", "USA", "160")),
    ("North Korea cut off all communication lines with South Korea.", ("PRK", "KOR", "161")),
    ("Mali expelled UN peacekeepers on Friday.", ("MLI", "IGO", "1661")),
    ("North Korea expelled IAEA inspectors in 2009.", ("PRK", "IGO", "1662")),
    # 17 coerce: freedoms, curfews, parties, custody, raids, papers, repression
    ("China imposed a national security law on Hong Kong.", ("CHN", "", "1721")),
    ("Iran shut down the internet during the unrest.", ("IRN", "", "1721")),
    ("Bangladesh banned the opposition party.", ("BGD", "BGD", "1722")),
    ("Russia put the American journalist on trial.", ("RUS", "USA", "173")),
    ("Chinese police raided the offices of a Japanese company.", ("CHN", "JPN", "171")),
    ("Beijing revoked the visas of American reporters.", ("CHN", "USA", "172")),
    ("Belarusian police dispersed protesters in Minsk.", ("BLR", "BLR", "175")),
    # 18 assault: bombings, abductions, killings
    ("A Pakistani suicide bomber carried out a suicide attack on Chinese engineers.", ("PAK", "CHN", "1831")),
    ("North Korea's abduction of Japanese citizens remains unresolved.", ("PRK", "JPN", "181")),
    ("North Korean agents gunned down a South Korean official.", ("PRK", "KOR", "1823")),
    # 19 fight: territory, small arms, sieges
    ("Russian forces captured Ukrainian territory in the east.", ("RUS", "UKR", "192")),
    ("Russian tanks rolled into Ukraine.", ("RUS", "UKR", "192")),
    ("North Korean soldiers shot a South Korean fisheries official.", ("PRK", "KOR", "193")),
    ("Russian troops besieged Ukrainian defenders in Mariupol.", ("RUS", "UKR", "191")),
    # 20 mass violence
    ("Russia committed atrocities against Ukrainian civilians.", ("RUS", "UKR", "200")),
    ("The massacre of Chinese civilians by Japanese troops shocked the world.", ("JPN", "CHN", "202")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1][2] + ":" + c[0][:40] for c in CASES])
def test_new_pattern_codes_source_and_target(code, text, expected):
    got = asserted(code(text))
    assert expected in got, got


def test_weighing_an_option_still_codes_the_option_itself(code):
    """Option nouns only: "considering imposing sanctions" stays a (hypothetical) sanctions event."""
    got = triples(code("Japan is considering imposing sanctions on Russia."))
    assert ("JPN", "RUS", "163", "hypothetical") in got
    assert not any(c == "014" for *_, c, _ in got)


def test_launching_an_attack_is_not_an_inquiry(code):
    got = triples(code("North Korea launched an attack on South Korean positions."))
    assert ("PRK", "KOR", "190", "asserted") in got
    assert not any(c.startswith("09") for *_, c, _ in got)


def test_encircling_drills_are_not_a_siege(code):
    got = triples(code("China staged drills encircling Taiwan on Monday."))
    assert ("CHN", "TWN", "150", "asserted") in got
    assert not any(c == "191" for *_, c, _ in got)


def test_an_ordinary_resignation_is_not_a_concession(code):
    assert not any(e.code.startswith("08") for e in code("Japan's economy minister resigned on Friday."))


def test_refusing_to_lift_a_curfew_is_a_refusal_to_yield(code):
    got = triples(code("Sri Lanka refused to lift the curfew."))
    assert ("LKA", "", "1241", "asserted") in got, got


def test_pledging_more_presence_is_a_threat_only_with_a_target(code):
    got = triples(code("Kishida vowed on Friday to double defence spending within five years."))
    assert not any(c.startswith("13") for *_, c, _ in got), got


def test_withdrawing_from_an_organisation_is_not_a_retreat(code):
    assert not any(e.code == "0874" for e in code("The United States withdrew from the UN Human Rights Council."))


def test_riot_police_are_not_rioters(code):
    assert not any(e.code.startswith("145") for e in code("Indonesian riot police fired tear gas at students."))
