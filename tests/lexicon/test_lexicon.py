"""The shipped lexicon files: complete, consistent, and right on facts we can check."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from blocwatch.lexicon.cameo import load_cameo
from blocwatch.lexicon.inflect import noun_forms, verb_forms
from blocwatch.lexicon.loader import LexiconError, _read_yaml, load_lexicon, load_lexicon_from


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_every_un_member_plus_taiwan_kosovo_palestine():
    states = _read_yaml(None, "states.yaml")
    codes = [s["code"] for s in states if "until" not in s]
    assert len(codes) == len(set(codes)) == 196
    assert [s["code"] for s in states if "until" in s] == ["USR"]  # the Soviet Union, for stories before 1992
    assert {"USA", "CHN", "JPN", "KOR", "PRK", "RUS", "MNG", "TWN", "XKX", "PSE"} <= set(codes)


def test_metonyms_and_abbreviations_present(lexicon):
    by_text = {(p.text, p.case_sensitive): (p.kind, p.ref) for p in lexicon.phrases}
    for text, code in [
        ("Seoul", "KOR"),
        ("Pyongyang", "PRK"),
        ("Kremlin", "RUS"),
        ("Zhongnanhai", "CHN"),
        ("Blue House", "KOR"),
        ("White House", "USA"),
        ("Washington", "USA"),
    ]:
        assert by_text[(text, False)] == ("state", code), text
    for text, code in [("US", "USA"), ("U.S.", "USA"), ("ROK", "KOR"), ("DPRK", "PRK"), ("PRC", "CHN")]:
        assert by_text[(text, True)] == ("state", code), text
    assert by_text[("Sino", False)] == ("state", "CHN")


def test_no_phrase_names_two_states(lexicon):
    owners: dict[tuple[str, bool], set[str]] = {}
    for p in lexicon.phrases:
        if p.kind == "state":
            key = (p.text if p.case_sensitive else p.text.lower(), p.case_sensitive)
            owners.setdefault(key, set()).add(p.ref)
    assert [k for k, v in owners.items() if len(v) > 1] == []


def test_dated_roles(lexicon):
    moon = lexicon.dated_actors["person:Moon Jae-in"]
    assert moon.code_on(date(2017, 5, 10)) == "KORGOV"
    assert moon.code_on(date(2022, 5, 9)) == "KORGOV"
    assert moon.code_on(date(2022, 5, 11)) != "KORGOV"
    putin = lexicon.dated_actors["person:Vladimir Putin"]
    assert putin.code_on(date(2010, 1, 1)) == "RUSGOV"  # prime minister then
    for person in lexicon.dated_actors.values():
        for role in person.roles:
            assert role.start is None or role.end is None or role.start <= role.end, person.name


def test_heads_of_government_of_the_region_are_covered(lexicon):
    names = {a.name for a in lexicon.dated_actors.values()}
    for name in [
        "Xi Jinping",
        "Kim Jong Un",
        "Yoon Suk Yeol",
        "Lee Jae-myung",
        "Fumio Kishida",
        "Sanae Takaichi",
        "Joe Biden",
        "Donald Trump",
        "Sergei Lavrov",
        "Tsai Ing-wen",
        "Lai Ching-te",
        "Ukhnaagiin Khurelsukh",
    ]:
        assert name in names, name


def test_patterns_cover_all_twenty_roots_with_valid_codes(lexicon):
    cameo = load_cameo()
    roots = Counter(p.code[:2] for p in lexicon.patterns)
    assert set(roots) == {f"{r:02d}" for r in range(1, 21)}
    for pattern in lexicon.patterns:
        assert pattern.code in cameo, pattern.id
    ids = [p.id for p in lexicon.patterns]
    assert len(ids) == len(set(ids))


def test_cameo_table_goldstein_quadclass_plover():
    cameo = load_cameo()
    assert cameo.get("190").goldstein == -10.0 and cameo.get("190").quad_class == 4
    assert cameo.get("057").goldstein == 8.0 and cameo.get("057").quad_class == 1
    assert cameo.get("163").plover_type == "COERCE"
    assert cameo.get("036").quad_class == 1 and cameo.get("061").quad_class == 2
    assert cameo.get("111").quad_class == 3
    assert cameo.get("0361").code == "036"  # unknown sub-code falls back to its parent
    assert cameo.get("020").plover_type == "REQUEST"  # documented deviation for root 02


def test_cameo_table_lists_every_code_of_the_published_crosswalk():
    """Every CAMEO code of the CAMEO→PLOVER crosswalk has its own row with the crosswalk's PLOVER type."""
    import re

    from tests.conftest import shared

    crosswalk = shared("plover", "CAMEO2PLOVER-2021.txt").read_text("utf-8")
    cameo = load_cameo()
    for line in crosswalk.splitlines():
        found = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if not found or len(found.group(1)) < 3:
            continue
        code, plover = found.groups()
        assert code in cameo, f"CAMEO {code} missing from cameo_codes.tsv"
        assert cameo.get(code).plover_type == plover or code.startswith("02"), code
    assert cameo.get("106").name == "Demand meeting, negotiation" and cameo.get("108").name == "Demand mediation"


def test_inflection():
    assert verb_forms("visit") == {"visit": "base", "visits": "3sg", "visiting": "ing", "visited": "past"}
    assert set(verb_forms("ban")) == {"ban", "bans", "banning", "banned"}
    assert set(verb_forms("meet|met")) == {"meet", "meets", "meeting", "met"}
    assert "criticized" in verb_forms("criticize") and "apologising" in verb_forms("apologise")
    assert noun_forms("visit") == ["visit", "visits"] and noun_forms("talks") == ["talks"]


def test_missing_or_broken_lexicon_files_fail_with_the_file_name(tmp_path):
    with pytest.raises(LexiconError, match=r"states\.yaml is missing"):
        load_lexicon_from(tmp_path)
    for name in (
        "states.yaml",
        "organizations.yaml",
        "people.yaml",
        "sectors.yaml",
        "groups.yaml",
        "places.yaml",
        "identity_nouns.yaml",
        "people_world.yaml",
        "modality.yaml",
        "cameo_codes.tsv",
    ):
        (tmp_path / name).write_text("[]\n" if name.endswith("yaml") else "")
    (tmp_path / "verbs.yaml").write_text('- {id: x, code: "999", verbs: [meet]}\n')
    with pytest.raises(LexiconError, match="unknown CAMEO code"):
        load_lexicon_from(tmp_path)
