"""Non-state armed groups, movements and political parties (organizations.yaml, second part): a group
named in the news codes as its state plus a sector (UNITA -> AGOREB, the LDP -> JPNPTY), and the
ambiguous words around them (an "Islamic state", "the front", a "democratic party of the people")
name no group."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from blocwatch.coding.coder import Coder, code_text
from blocwatch.lexicon.loader import _read_yaml

# (sentence, document date, expected source, expected target)
EVENTS = [
    # Sub-Saharan Africa
    (
        "UNITA rejected the Angolan government's peace plan on Thursday, saying it ignored the rebels' demands.",
        date(1998, 3, 5),
        "AGOREB",
        "AGOGOV",
    ),
    (
        "RUF rebels attacked Nigerian peacekeepers near the diamond town of Koidu, a UN spokesman said.",
        date(2000, 5, 8),
        "SLEREB",
        "NGA",
    ),
    (
        "The SPLA signed a ceasefire agreement with the Sudanese government in Nairobi on Monday.",
        date(2002, 7, 22),
        "SDNREB",
        "SDNGOV",
    ),
    (
        "Boko Haram fighters abducted more than 200 schoolgirls from a school in northeastern Nigeria.",
        date(2014, 4, 16),
        "NGAREB",
        "NGAEDU",
    ),
    (
        "Al-Shabaab militants attacked Kenyan troops at a base in southern Somalia early on Friday.",
        date(2016, 1, 15),
        "SOMREB",
        "KENMIL",
    ),
    (
        "The M23 rebel group accused Congolese troops of shelling its positions near Goma.",
        date(2012, 11, 18),
        "CODREB",
        "CODMIL",
    ),
    # Middle East and North Africa
    (
        "Hamas fired dozens of rockets at Israel overnight, the Israeli military said on Tuesday.",
        date(2014, 7, 8),
        "PSEREB",
        "ISR",
    ),
    (
        "Hizbollah fighters attacked an Israeli army patrol along the border with Lebanon.",
        date(2006, 7, 12),
        "LBNREB",
        "ISRMIL",
    ),
    (
        "The PLO signed an agreement with Israel on Palestinian self-rule in Gaza and Jericho.",
        date(1994, 5, 4),
        "PSEGOV",
        "ISR",
    ),
    (
        "The Houthis fired a ballistic missile at Saudi Arabia, the coalition said on Sunday.",
        date(2018, 3, 25),
        "YEMREB",
        "SAU",
    ),
    (
        "The PKK attacked a Turkish army outpost in Hakkari province overnight, killing eight soldiers.",
        date(2011, 10, 19),
        "TURREB",
        "TURMIL",
    ),
    (
        "Islamic State militants attacked Iraqi forces on the outskirts of Ramadi on Saturday.",
        date(2015, 5, 16),
        "IMGISI",
        "IRQMIL",
    ),
    (
        "Al-Qaeda threatened the United States with new attacks in a video released on Wednesday.",
        date(2006, 9, 13),
        "IMGALQ",
        "USA",
    ),
    # South Asia
    (
        "The Taliban attacked Afghan government forces in Helmand province on Monday, officials said.",
        date(2016, 10, 10),
        "AFGREB",
        "AFGGOV",
    ),
    (
        "The Tamil Tigers rejected Sri Lanka's proposal for talks on Wednesday, a rebel spokesman said.",
        date(2006, 10, 4),
        "LKAREB",
        "LKA",
    ),
    (
        "The Pakistani Taliban attacked an army school in Peshawar, killing more than 130 children.",
        date(2014, 12, 16),
        "PAKREB",
        "PAKEDU",
    ),
    # Southeast Asia
    (
        "The Moro Islamic Liberation Front signed a peace agreement with the Philippine government in Manila.",
        date(2014, 3, 27),
        "PHLREB",
        "PHLGOV",
    ),
    (
        "The Arakan Army attacked Myanmar police posts in Rakhine state, state media reported.",
        date(2019, 1, 4),
        "MMRREB",
        "MMRCOP",
    ),
    # Europe and the Americas
    (
        "The KLA accused Serbia of massacring civilians in the Drenica region, a rebel statement said.",
        date(1998, 6, 1),
        "XKXREB",
        "SRB",
    ),
    (
        "FARC rebels kidnapped three Colombian soldiers in the south of the country, the army said.",
        date(2012, 5, 2),
        "COLREB",
        "COLMIL",
    ),
    (
        "The Shining Path attacked Peruvian police in the Andean highlands, officials said on Friday.",
        date(1992, 7, 17),
        "PERREB",
        "PERCOP",
    ),
    # Northeast Asia and the United States: parties
    (
        "The Liberal Democratic Party criticized China over its coast guard incursions near the Senkakus.",
        date(2013, 2, 5),
        "JPNPTY",
        "CHN",
    ),
    (
        "Japan's ruling Liberal Democratic Party urged Beijing to release the detained Japanese businessman.",
        date(2019, 11, 20),
        "JPNPTY",
        "CHN",
    ),
    (
        "The Kuomintang welcomed talks with Beijing on cross-strait trade during a visit to the mainland.",
        date(2005, 4, 29),
        "TWNPTY",
        "CHN",
    ),
    (
        "The DPP accused Beijing of intimidation after Chinese warships sailed around the island.",
        date(2022, 8, 6),
        "TWNPTY",
        "CHN",
    ),
    (
        "The Workers' Party of Korea denounced the United States in a lengthy statement carried by KCNA.",
        date(2017, 8, 9),
        "PRKGOV",
        "USA",
    ),
    (
        "The Chinese Communist Party warned Taiwan against any move toward formal independence.",
        date(2021, 7, 1),
        "CHNGOV",
        "TWN",
    ),
    (
        "South Korea's Democratic Party criticized Japan over its export curbs on chip materials.",
        date(2019, 7, 10),
        "KORPTY",
        "JPN",
    ),
    (
        "The People Power Party urged North Korea to return to denuclearization talks, a spokesman said.",
        date(2023, 3, 2),
        "KORPTY",
        "PRK",
    ),
    (
        "United Russia praised Putin for his handling of the conflict in a statement on Monday.",
        date(2016, 9, 19),
        "RUSPTY",
        "RUSGOV",
    ),
    (
        "The Mongolian People's Party criticized China over the new mining tax in a statement.",
        date(2020, 6, 25),
        "MNGPTY",
        "CHN",
    ),
    (
        "The Republican National Committee criticized China for hiding the scale of the outbreak.",
        date(2020, 4, 2),
        "USAPTY",
        "CHN",
    ),
]


@pytest.mark.parametrize(("text", "day", "source", "target"), EVENTS, ids=[e[2] + ":" + e[0][:30] for e in EVENTS])
def test_group_codes_in_events(text, day, source, target):
    pairs = {(e.source, e.target) for e in code_text(text, day=day)}
    assert (source, target) in pairs, pairs


@pytest.fixture(scope="module")
def coder():
    return Coder()


def _actors(coder: Coder, text: str) -> list[str]:
    doc = coder.nlp.make_doc(text)
    lowers = [t.lower_ for t in doc]
    raw = coder.actors.raw_matches(doc, lowers)
    return [m.code for m in coder.actors.mentions(doc, lowers, 0, len(doc), raw, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's own party after the state is one actor; its army is not
        ("Japan's ruling LDP won the vote.", ["JPNPTY"]),
        ("Taiwan's main opposition Kuomintang won the vote.", ["TWNPTY"]),
        ("Turkey's army attacked the PKK.", ["TURMIL", "TURREB"]),
        # longer, qualified forms win over the bare ones
        ("Kataib Hezbollah claimed the drone strike.", ["IRQREB"]),
        ("The Liberal Democratic Party of Russia won seats.", ["RUSPTY"]),
        ("Malawi's Democratic Progressive Party won the election.", ["MWIPTY"]),
        ("BNP Paribas agreed to pay a fine.", ["FRABUS"]),
        # "the Democratic Party" alone names no state
        ("The Democratic Party won the election.", []),
        ("The Communist Party held a plenum.", []),
        # common words and lower-case phrases are not groups
        ("Rebels vowed to set up an Islamic state in the region.", []),
        ("Troops moved to the front as the movement of refugees continued.", []),
        ("The editorial called for a democratic party of the people, not of the elites.", []),
        ("The Democratic Party for the People criticized the budget.", ["JPNPTY"]),
        ("Fans in red shirts and yellow shirts filled the stadium.", []),
        ("Leaders agreed to form a national unity government within a month.", []),
        ("Forecasters warned of a future movement of the storm toward the coast.", []),
        ("Police said an armed Islamic group was behind the attack.", []),
        ("Officials in North Sinai province reported the attack.", []),
        # abbreviations that name other things in the region's news
        ("Seoul's AQI reading topped 150 on Monday.", ["KOR"]),
        ("Hyundai said the IRA tax credits excluded its cars.", []),
        ("The post went viral on SNS.", []),
        ("Japan's FSA fined the bank.", ["JPN"]),
        ("Rebels seized an APC.", []),
        ("Japan's NPA arrested the suspect.", ["JPN"]),
        ("Seoul wants to join the TPP.", ["KOR"]),
    ],
)
def test_actor_phrases(coder, text, expected):
    assert _actors(coder, text) == expected


def _groups() -> list[dict]:
    orgs = _read_yaml(None, "organizations.yaml")
    start = next(i for i, o in enumerate(orgs) if o["code"] == "JPNPTY")
    return orgs[start:]


def test_group_codes_are_a_state_or_transnational_plus_a_sector():
    states = {s["code"] for s in _read_yaml(None, "states.yaml")}
    groups = _groups()
    assert 150 <= len(groups) <= 250
    for entry in groups:
        code = entry["code"]
        assert code[:3] in states or code[:3] == "IMG", code
        assert code[3:] in ("REB", "SEP", "PTY", "OPP", "GOV", "BUS") or code.startswith("IMG"), code


def test_no_group_phrase_names_two_codes():
    owners: dict[tuple[str, bool], set[str]] = defaultdict(set)
    for entry in _read_yaml(None, "organizations.yaml"):
        for text in entry.get("names") or ():
            owners[(str(text).lower(), False)].add(entry["code"])
        for text in entry.get("abbreviations") or ():
            owners[(str(text), True)].add(entry["code"])
    assert [k for k, v in owners.items() if len(v) > 1] == []
