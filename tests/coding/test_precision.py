"""False positives found on general world news, one class per test, on sentences written like wire copy.

Each test names the wrong event the coder used to produce and, where the sentence holds a real
event, checks that this event still comes out.
"""

from __future__ import annotations

import pytest

from blocwatch.coding.segment import blank_datelines
from tests.conftest import triples


def _pairs(events) -> set[tuple[str, str, str]]:
    return {(e.source[:3], e.target[:3], e.code[:2]) for e in events}

# sentences that used to give a wrong event: (text, the state that must not be the source)
NOT_THE_SOURCE = [
    ("ISLAMABAD (Reuters) - Gunmen shot dead two Chinese engineers on Tuesday, police said.", "PAK"),
    ("KABUL, Afghanistan Sept. 3, 2004 - Gunmen attacked a convoy carrying Pakistani diplomats.", "AFG"),
    ("Quake aid pledged. Canadian Press - OTTAWA (CP) - The minister praised the Turkish rescuers.", "CAN"),
    ("Iraq War allies lashed out at the UN chief on Friday.", "IRQ"),
]
# (text, the CAMEO code prefix that must not come out)
NO_SUCH_EVENT = [
    ("The Chile-Japan FTA will be another comprehensive, high-standard free trade deal Japan has signed with a "
     "major economy.", "084"),
    ("Polish troops will free up American soldiers for duty elsewhere.", "084"),
    ("US and Afghan forces battled militants near Kandahar on Friday.", "19"),
    ("China and Russia vowed to fight terrorism together.", "19"),
    ("Washington welcomed a speech by the Taiwanese president.", "04"),
    ("China insists that Taiwan is a renegade province.", "10"),
]
# the real event next to each fixed false positive still comes out: (text, (source, target, code))
STILL_CODED = [
    ("Egypt freed three Israeli students on Sunday.", ("EGY", "ISR", "0841")),
    ("Seoul accused Pyongyang of spying on its military bases.", ("KOR", "PRK", "1125")),
    ("Beijing insisted on the release of the Chinese crew by Japan.", ("CHN", "JPN", "100")),
]


@pytest.mark.parametrize(("text", "state"), NOT_THE_SOURCE)
def test_not_the_source(code, text, state):
    assert not any(e.source.startswith(state) for e in code(text))


@pytest.mark.parametrize(("text", "prefix"), NO_SUCH_EVENT)
def test_no_such_event(code, text, prefix):
    assert not any(e.code.startswith(prefix) for e in code(text))


@pytest.mark.parametrize(("text", "expected"), STILL_CODED)
def test_still_coded(code, text, expected):
    assert (*expected, "asserted") in triples(code(text))



# ------------------------------------------------------------------ datelines
def test_dateline_is_blanked_but_the_story_subject_still_acts(code):
    events = code("BEIJING, Dec. 4 (Xinhua) -- China criticized Japan over the visit to the shrine.")
    assert ("CHN", "JPN", "111", "asserted") in triples(events)
    assert all(e.source_text == "China" for e in events)


def test_blank_datelines_keeps_length_and_leaves_capitalised_subjects_alone():
    text = "TOKYO - Japan protested. NATO: allies agree. BRITAIN has warned Sudan."
    out = blank_datelines(text)
    assert len(out) == len(text)
    assert out.lstrip().startswith("Japan protested.")
    assert "NATO: allies agree." in out and "BRITAIN has warned Sudan." in out


# ------------------------------------------------------------------ names of wars
def test_iraq_war_is_not_iraq(code):
    events = code("Most Spaniards oppose the Iraq War, a new poll showed.")
    assert not any("IRQ" in (e.source + e.target) for e in events)


# ------------------------------------------------------------------ participles and adjectives
def test_accused_of_is_a_passive(code):
    events = code("Two Britons accused of spying for Iran were released on bail.")
    assert not any(e.source.startswith("GBR") and e.code.startswith("112") for e in events)


# ------------------------------------------------------------------ joint fighting
def test_two_armies_fighting_still_codes_both_ways(code):
    events = code("Indian and Pakistani troops fought along the frontier for hours.")
    assert {("IND", "PAK", "19"), ("PAK", "IND", "19")} <= _pairs(events)


# ------------------------------------------------------------------ welcome, insist, meet halfway
def test_welcoming_an_acceptance_is_not_hosting(code):
    events = code("Britain welcomes Iran's acceptance of an enlarged African Union force.")
    got = _pairs(events)
    assert ("GBR", "IRN", "04") not in got
    assert ("GBR", "IRN", "05") in got


def test_meeting_halfway_is_not_a_meeting(code):
    events = code("Tokyo is ready to meet Seoul halfway on the compensation issue.")
    got = _pairs(events)
    assert ("JPN", "KOR", "04") not in got
    assert ("JPN", "KOR", "08") in got


# ------------------------------------------------------------------ appeals to one's own government
def test_business_group_urging_its_own_government_targets_that_government(code):
    events = code("The American Chamber of Commerce urged the U.S. government not to put tariffs on Chinese goods.")
    targets = {e.target for e in events if e.code.startswith("02")}
    assert "USAGOV" in targets
    assert not any(t.startswith("CHN") for t in targets)


def test_demand_for_captives_is_still_made_of_the_holder(code):
    events = code("The State Department demanded the release of two Americans held in North Korea.", "2017-06-13")
    assert any(e.target.startswith("PRK") and e.code.startswith("10") for e in events)


# ------------------------------------------------------------------ bodies named after two states
def test_binational_business_council_is_not_the_two_states(code):
    events = code("The U.S.-China Business Council urged Beijing to resume talks with Washington.")
    assert any(e.source == "USABUS" and e.target.startswith("CHN") for e in events)
    assert not any(e.source.startswith("CHN") for e in events)


def test_prosecutor_asking_a_court_does_not_appeal_to_the_government(code):
    events = code(
        "An Italian prosecutor asked a court on Friday to sentence Silvio Berlusconi to eight years in jail.",
        "2004-11-20",
    )
    assert not any(e.code.startswith("02") and e.target == "ITAGOV" for e in events)


# ------------------------------------------------------------------ acts asked for or made possible
def test_a_withdrawal_appealed_for_is_not_a_withdrawal(code):
    events = code("The kidnapped aid worker made a tearful appeal for the withdrawal of Italian troops from Iraq.")
    assert not any(e.code == "0874" and e.mode == "asserted" for e in events)
    events = code("The vote cleared the way for a withdrawal of Israeli settlers from the Gaza Strip.")
    assert not any(e.code == "0874" and e.mode == "asserted" for e in events)
    # a withdrawal that happened still counts
    assert ("RUS", "EST", "0874", "asserted") in triples(
        code("Russia completed the withdrawal of its troops from Estonia on Wednesday.")
    )


# ------------------------------------------------------------------ units, purposes and places
def test_a_company_of_infantry_is_a_military_unit(code):
    events = code("A company of Kenyan infantry arrived in Somalia on Tuesday.")
    assert ("KENMIL", "SOM") in {(e.source, e.target[:3]) for e in events}
    assert not any(e.source.endswith("BUS") for e in events)


def test_to_before_an_infinitive_names_no_destination(code):
    events = code("Ghanaian troops flew out of Accra on Monday, heading for Liberia to join an African Union force.")
    assert not any(e.code == "042" and e.target.startswith("IGO") for e in events)


def test_the_place_of_a_blast_is_not_its_author(code):
    events = code(
        "A car bomb exploded on the outskirts of the Afghan city of Kandahar, killing three Canadian soldiers."
    )
    assert not any(e.source.startswith("AFG") for e in events)


# ------------------------------------------------------------------ acts only demanded
@pytest.mark.parametrize(
    "text",
    [
        "Rodong Sinmun on Monday ran a commentary demanding the withdrawal of U.S. troops from South Korea.",
        "Withdrawal of U.S. Troops from Japan Demanded.",
        "Students staged actions for the U.S. forces' withdrawal from South Korea.",
        "The statement demands the U.S. pull its forces out of South Korea at once.",
    ],
)
def test_a_retreat_only_demanded_is_not_asserted(code, text):
    assert not any(e.code.startswith("087") and e.mode == "asserted" for e in code(text, "2012-03-05"))


def test_a_headline_passive_of_urging_names_no_urger(code):
    events = code("U.S. Urged to Pull Its Troops out of Japan.", "2012-03-05")
    assert not any(e.source.startswith("USA") for e in events)


# ------------------------------------------------------------------ surnames of leaders
def test_a_leaders_surname_before_another_given_name_is_someone_else(code):
    events = code("A pamphlet by Korean writer Kim Chol criticized Lee Myung Bak on Tuesday.", "2012-03-05")
    assert not any(e.source.startswith("PRK") for e in events)
    # the surname alone still names the leader
    got = code("Kim praised the crew of the Chinese ship on Tuesday.", "2012-03-05")
    assert any(e.source == "PRKGOV" for e in got)
