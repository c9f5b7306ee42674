"""Recall audit on general news: common wire phrasings that coded nothing (or only a generic code)
before, one or more sentences per new pattern family, plus look-alikes the new patterns must leave alone."""

from __future__ import annotations

import pytest

from tests.conftest import asserted, triples

CASES = [
    # 02 appeals: resuming talks of any kind ("six-party", "nuclear", "peace") is an appeal to negotiate
    ("Tokyo urged Pyongyang to resume the six-party talks without preconditions.", ("JPN", "PRK", "026")),
    ("The Indian foreign minister asked Islamabad to return to bilateral peace talks.", ("IND", "PAK", "026")),
    ("Washington pressed Tehran to restart nuclear talks in Vienna.", ("USA", "IRN", "026")),
    # 03 intent to cooperate: overtures, gestures, reaching out
    ("Seoul has been making overtures to Tokyo since the election.", ("KOR", "JPN", "030")),
    ("Ankara extended a conciliatory gesture to Athens after the earthquake.", ("TUR", "GRC", "030")),
    ("Beijing reached out to Hanoi after the collision near the Paracels.", ("CHN", "VNM", "030")),
    ("Moscow's overture to Tokyo on the islands drew a cool response.", ("RUS", "JPN", "030")),
    # 04 consultation: having talks, playing host, a tour of a country
    ("The Thai prime minister had talks with his Malaysian counterpart in Putrajaya.", ("THA", "MYS", "040")),
    ("The Japanese envoy had a meeting with Chinese officials on Tuesday.", ("JPN", "CHN", "040")),
    ("Ulaanbaatar played host to the South Korean president this week.", ("MNG", "KOR", "043")),
    ("The German chancellor's tour of India ended with a business forum.", ("DEU", "IND", "042")),
    # 11 disapprove: phrasal criticism, calling a move illegal, pinning the blame
    ("Beijing tore into Washington over its latest arms package.", ("CHN", "USA", "111")),
    ("Russia laid into NATO in a lengthy statement on Friday.", ("RUS", "IGO", "111")),
    ("Caracas rounded on Bogota after the border incident.", ("VEN", "COL", "111")),
    ("Iran's president railed against Israel at the rally.", ("IRN", "ISR", "111")),
    ("Manila spoke out against Beijing's reclamation work.", ("PHL", "CHN", "111")),
    ("Moscow called the American decision illegal.", ("RUS", "USA", "111")),
    ("Beijing described Tokyo's purchase of the islands as a provocation.", ("CHN", "JPN", "111")),
    ("Seoul termed Japan's export curbs a violation of free trade rules.", ("KOR", "JPN", "111")),
    ("Seoul pinned the blame on Pyongyang for the sinking of the corvette.", ("KOR", "PRK", "112")),
    ("Kyiv pointed the finger at Moscow for the blast at the dam.", ("UKR", "RUS", "112")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_recall_pattern_codes_source_and_target(code, text, expected):
    got = asserted(code(text))
    assert expected in got, got


def test_willing_to_have_consultations_is_an_intent_to_meet(code):
    got = triples(code("China is willing to have consultations with the United States, the spokeswoman said."))
    assert ("CHN", "USA", "036", "asserted") in got
    assert ("CHN", "USA", "040", "asserted") not in got


def test_have_as_auxiliary_does_not_turn_a_plan_into_talks_held(code):
    got = triples(code("Japan and China have agreed to hold talks with each other next month."))
    assert ("JPN", "CHN", "040", "asserted") not in got
    assert ("JPN", "CHN", "036", "asserted") in got


NEGATIVES = [
    # physical, not verbal: nothing between two actors
    "A shell tore into an apartment block in Kharkiv overnight.",
    # "call" with a verdict on a thing, not on anyone
    "The minister called the weather unacceptable for the parade.",
    # reaching out to people who are not actors
    "The embassy reached out to the families of the victims.",
    # a tour with no country toured
    "The minister's tour of the factory lasted an hour.",
    # "have" with talks but no partner, and "have" as possession
    "Japan has talks scheduled for next week.",
    "China has a meeting room at the embassy in Tokyo.",
    # playing host to an event, not to a visitor
    "Qatar played host to the football World Cup.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_new_patterns_do_not_fire_on_look_alikes(code, text):
    rules = {e.rule for e in code(text)}
    new = {
        "disapprove.tear-into",
        "disapprove.call-unacceptable",
        "intent.reach-out",
        "consult.tour-noun",
        "consult.have-talks",
        "consult.play-host",
    }
    assert not rules & new, rules


def test_currency_name_is_not_the_target_state(code):
    got = triples(code("The United States imposed tariffs on 200 billion US dollars worth of Chinese goods."))
    assert ("USA", "CHN", "163", "asserted") in got
