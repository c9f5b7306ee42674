"""The PETRARCH/TABARI dictionary importer and the PETRARCH engine it feeds.

Small dictionaries written here pin down the file formats and the coding
rules; the last test runs the PETRARCH2 unit-test records against the
PETR.Validate dictionaries when the shared data is present.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from blocwatch.coding.coder import Coder
from blocwatch.coding.petrarch_engine import PetrarchCoder, coder_for, compose, tokenize
from blocwatch.lexicon.loader import load_lexicon
from blocwatch.lexicon.petrarch import (
    AgentEntry,
    PetrarchLexicon,
    Phrase,
    load_petrarch_dir,
    parse_code_block,
    parse_pattern_body,
    read_actor_entries,
    read_agent_entries,
    read_dictionaries,
    read_discard_entries,
    read_verb_entries,
)
from blocwatch.model import Document
from tests.conftest import shared

ACTORS = """\
<!-- a toy world -->
GONDOR [GON]
+MINAS_TIRITH
OSGILIATH [OSG]  # a comment
MORDOR  [MOR]
ROHAN [ROH]
ARNOR [ARN]
LORIEN [ELR/GAL]
ITHILEN TELEVISION [ITHTV]
ITHILEN [ITH]
GOLLUM
+SMEAGOL
    [HOB < 950601]
    [HOBGOV 19950601 - 19990815]
    [HOBREB > 990816]
    [BAD 9008223-911221]
BOROMIR [---]
"""

AGENTS = """\
!PERSON! = MAN, MEN
GOVERNMENT [~GOV]
POLICE {} [~COP]
MINISTER [~GOV]
FOREIGN_MINISTER [~GOVFRM]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
MSF {} [NGO~]
MEDIA {} [~MED]
STUDENT [~EDU]
"""

VERBS = """\
&CURRENCY
+DOLLARS
+SWISS FRANCS

&MONEY
+&CURRENCY
+GOLD

--- ATTACK [223] ---
ATTACK
- PLANES_* [195]

--- RESTORE [064] ---
RESTORE
- * DIPLOMATIC [0641]
- * NEW_&CURRENCY [0642]

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * &MONEY [071]

--- MEET [031:032] ---
MEET {MET}
- % HAVE * [036]

--- FREE [066] ---
FREE
- + * FROM $ [067]

--- BREAK [1717] ---
BREAK {BROKE BROKEN}
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
WIRE_+TAP {WIRE_+TAPPED} [1711]

--- WARN [160] ---
WARN
- * THEIR ^ ABOUT + [162]

--- CONDEMN [122] ---
CONDEMN

--- ABANDON [345] ---
ABANDON

--- STOP [190] ---
STOP

--- SAY [---] ---
SAID
"""

DISCARDS = """\
BASEBALL
+TYPHOON
"""


@pytest.fixture(scope="module")
def toy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("toy")
    (root / "Toy.actors.txt").write_text(ACTORS, "utf-8")
    (root / "Toy.agents.txt").write_text(AGENTS, "utf-8")
    (root / "Toy.verbs.txt").write_text(VERBS, "utf-8")
    (root / "Toy.discards.txt").write_text(DISCARDS, "utf-8")
    return root


@pytest.fixture(scope="module")
def coder(toy) -> PetrarchCoder:
    built = coder_for(load_petrarch_dir(toy, load_lexicon()))
    assert isinstance(built, PetrarchCoder)
    return built


def coded(coder: PetrarchCoder, text: str, day: date = date(1995, 1, 1)) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in coder.code(Document("t", text, day)).events}


# ----------------------------------------------------------------------------- formats


def test_phrase_connectors():
    phrase = Phrase.parse("RADAGAST THE_BROWN")
    assert phrase.words == ("RADAGAST", "THE", "BROWN")
    assert phrase.closed == (False, True)
    assert Phrase.parse("UN_").words == ("UN",)


def test_actor_entries_keep_synonyms_multi_codes_and_dated_codes_in_order(toy):
    actors = {a.name: a for a in read_actor_entries(toy / "Toy.actors.txt")}
    assert [p.words for p in actors["GONDOR"].phrases] == [("GONDOR",), ("MINAS", "TIRITH")]
    assert actors["LORIEN"].codes.on(date(2000, 1, 1)) == ("ELR", "GAL")
    gollum = actors["GOLLUM"].codes
    assert gollum.on(date(1995, 5, 31)) == ("HOB",)
    assert gollum.on(date(1995, 6, 1)) == ("HOBGOV",)
    assert gollum.on(date(2001, 1, 1)) == ("HOBREB",)
    assert len(gollum.dated) == 3  # the impossible date 9008223 is skipped, not fatal
    assert actors["BOROMIR"].codes.on(date(2000, 1, 1)) == ()


def test_legacy_code_block_tolerates_impossible_dates():
    assert parse_code_block("ARMUNR 9008223-911221") is None
    role = parse_code_block("HOBGOV 19950601 - 19990815")
    assert role is not None and role.code == "HOBGOV" and role.start == date(1995, 6, 1)


def test_agent_entries_plurals_prefixes_and_macros(toy):
    agents = read_agent_entries(toy / "Toy.agents.txt")
    by_words = {a.phrase.words: a for a in agents}
    assert ("GOVERNMENTS",) in by_words  # regular plural made when no braces
    assert ("POLICES",) not in by_words  # {} forbids it
    assert ("GOLDEN", "GEESE") in by_words and ("GOLDEN", "GOOSES") not in by_words
    assert ("CONGRESSMAN",) in by_words and ("CONGRESSMEN",) in by_words
    assert by_words[("MSF",)].prefix and by_words[("MSF",)].code == "NGO"
    assert not by_words[("GOVERNMENT",)].prefix and by_words[("GOVERNMENT",)].code == "GOV"


def test_verb_entries_forms_heads_codes_and_patterns(toy):
    blocks, forms, synsets = read_verb_entries(toy / "Toy.verbs.txt")
    assert blocks["MEET"].code == "031:032"
    assert forms[("BROKEN",)].block == "BREAK"
    assert forms[("BROKEN", "DOWN")].head == 0
    assert forms[("WIRE", "TAPPED")].head == 1 and forms[("WIRE", "TAPPED")].code == "1711"
    assert ("ATTACKED",) in forms and ("ATTACKING",) in forms
    assert [m[0].value for m in synsets["&MONEY"]] == ["&CURRENCY", "GOLD"]
    free = blocks["FREE"].patterns[0]
    assert [e.kind for e in free.upper] == ["+"] and [e.kind for e in free.lower] == ["word", "$"]
    planes = blocks["ATTACK"].patterns[0]
    assert planes.upper[0].value == "PLANES" and planes.upper[0].closed


def test_pattern_connectors():
    pattern = parse_pattern_body("MOST_CERTAINLY_&NEG_EVER * OVER EFFORTS", "907")
    assert pattern is not None
    assert [(e.value, e.closed) for e in pattern.upper] == [
        ("EVER", False),
        ("&NEG", True),
        ("CERTAINLY", True),
        ("MOST", True),
    ]
    assert [(e.value, e.closed) for e in pattern.lower] == [("OVER", False), ("EFFORTS", False)]
    assert parse_pattern_body("NO VERB HERE", "010") is None


def test_discards_split_sentence_and_story_level(toy):
    sentence, story = read_discard_entries(toy / "Toy.discards.txt")
    assert [p.words for p in sentence] == [("BASEBALL",)]
    assert [p.words for p in story] == [("TYPHOON",)]


def test_load_petrarch_dir_attaches_the_model_and_keeps_the_translation(toy):
    lexicon = load_petrarch_dir(toy, load_lexicon())
    assert isinstance(lexicon, PetrarchLexicon)
    assert lexicon.petrarch is not None and "RESTORE" in lexicon.petrarch.blocks
    assert any(p.id.startswith("petrarch.") for p in lexicon.patterns)
    assert any(p.text == "gondor" for p in lexicon.phrases)


def test_coder_for_needs_a_verb_dictionary(toy, tmp_path):
    (tmp_path / "Only.actors.txt").write_text(ACTORS, "utf-8")
    lexicon = load_petrarch_dir(tmp_path, load_lexicon())
    assert type(coder_for(lexicon)) is Coder
    assert type(coder_for(load_lexicon())) is Coder
    with pytest.raises(ValueError):
        PetrarchCoder(load_lexicon())


# ----------------------------------------------------------------------------- coding rules


def test_tokenize_treebank_style():
    assert [t.text for t in tokenize("Gondor's troops didn't ban Barad-dur's anti- K.U. raids.")] == [
        "Gondor",
        "'s",
        "troops",
        "did",
        "n't",
        "ban",
        "Barad-dur",
        "'s",
        "anti-",
        "K.U.",
        "raids",
        ".",
    ]


def test_compose_agents():
    gov = AgentEntry(Phrase(("GOVERNMENT",), ()), "GOV", False)
    med = AgentEntry(Phrase(("MEDIA",), ()), "GOVMED", False)
    ngo = AgentEntry(Phrase(("MSF",), ()), "NGO", True)
    assert compose("USAGOV", [gov], False) == "USAGOV"  # no repeated element
    assert compose("HGW", [med], False) == "HGWGOVMED"
    assert compose("GMWGOV", [AgentEntry(Phrase(("W",), ()), "WGO", False)], False) == "GMWGOVWGO"
    assert compose("ARN", [ngo, gov], False) == "NGOARNGOV"
    assert compose(None, [gov], False) == "---GOV"
    assert compose("ARN", [gov], True) == "ARNELI"


def test_subject_verb_target_with_agents_and_dates(coder):
    assert coded(coder, "The Gondor government condemned Osgiliath police.") == {("GONGOV", "OSGCOP", "122")}
    assert coded(coder, "Smeagol condemned Rohan.", date(1996, 1, 1)) == {("HOBGOV", "ROH", "122")}
    assert coded(coder, "MSF Arnor condemned Rohan.") == {("NGOARN", "ROH", "122")}
    assert coded(coder, "Students in Rohan condemned Gondor's foreign minister.") == {("ROHEDU", "GONGOVFRM", "122")}


def test_open_actor_phrase_allows_words_between(coder):
    assert coded(coder, "Gondor condemned Ithilen state-run television.") == {("GON", "ITHTV", "122")}


def test_compounds_and_multi_code_actors(coder):
    assert coded(coder, "Gondor, Rohan and Arnor condemned Mordor and Lorien.") == {
        (s, t, "122") for s in ("GON", "ROH", "ARN") for t in ("MOR", "ELR", "GAL")
    }
    assert coded(coder, "Rohan media and government condemned Mordor.") == {
        ("ROHMED", "MOR", "122"),
        ("ROHGOV", "MOR", "122"),
    }


def test_passive_with_agent_swaps(coder):
    assert coded(coder, "Osgiliath was attacked by Mordor on Monday.") == {("MOR", "OSG", "223")}
    assert coded(coder, "Osgiliath was attacked on Monday.") == set()  # no target, no event


def test_patterns_synsets_and_paired_codes(coder):
    assert coded(coder, "Arnor will restore full diplomatic ties with Gondor.") == {("ARN", "GON", "0641")}
    assert coded(coder, "Arnor will contribute a million swiss francs to Gondor.") == {("ARN", "GON", "071")}
    assert coded(coder, "Arnor will contribute gold to Gondor.") == {("ARN", "GON", "071")}
    assert coded(coder, "Arnor will contribute bread to Gondor.") == {("ARN", "GON", "070")}
    assert coded(coder, "Gondor planes attack Mordor.") == {("GON", "MOR", "195")}
    assert coded(coder, "Rohan met Gondor.") == {("ROH", "GON", "031"), ("GON", "ROH", "032")}
    assert coded(coder, "Rohan and Gondor have met.") == {("ROH", "GON", "036"), ("GON", "ROH", "036")}


def test_pattern_markers_move_source_and_target(coder):
    assert coded(coder, "Rohan was freed from Mordor.") == {("MOR", "ROH", "067")}
    assert coded(coder, "Arnor warned their students about Mordor.") == {("ARN", "MOR", "162")}


def test_multiword_verbs(coder):
    assert coded(coder, "Arnor has broken down relations with Rohan.") == {("ARN", "ROH", "1717")}
    assert coded(coder, "Gondor police wire tapped Rohan.") == {("GONCOP", "ROH", "1711")}


def test_verb_or_noun(coder):
    assert coded(coder, "Gondor condemned an attack on Rohan.") == {("GON", "ROH", "122")}
    assert coded(coder, "Gondor and Rohan attack Mordor.") == {("GON", "MOR", "223"), ("ROH", "MOR", "223")}


def test_coded_verb_absorbs_its_infinitive_but_not_a_clause_with_its_own_subject(coder):
    assert coded(coder, "Gondor abandoned efforts to stop a Rohan parade.") == {("GON", "ROH", "345")}
    assert coded(coder, "Gondor condemned Arnor because Rohan attacked Mordor.") == {
        ("GON", "ARN", "122"),
        ("ROH", "MOR", "223"),
    }


def test_discards(coder):
    assert coded(coder, "Gondor condemned Rohan at the baseball game.") == set()
    assert coded(coder, "A typhoon hit. Gondor condemned Rohan.") == set()


def test_null_codes_make_no_event(coder):
    assert coded(coder, "Boromir condemned Rohan.") == set()
    assert coded(coder, "Rohan said Gondor was ready.") == set()  # SAY is null-coded


# ----------------------------------------------------------------------------- the PETRARCH2 unit tests


def test_petrarch2_unit_test_records():
    from blocwatch.coding.evaluate import read_gold_petrarch, score
    from blocwatch.ingest.readers import parse_date

    gold = shared("petrarch2", "PETR.UnitTest.records.xml")
    shared("petrarch2", "PETR.Validate.verbs.txt")
    lexicon = load_petrarch_dir(gold.parent / "PETR.Validate.*", load_lexicon())
    engine = coder_for(lexicon)
    records = read_gold_petrarch(gold)
    predictions = {r.id: engine.code(Document(r.id, r.text, parse_date(r.date))).events for r in records}
    summary = score(records, predictions, strict=True).summary()
    assert summary["exact_record_rate"] >= 0.80
    assert summary["categories"]["SYNSET"]["exact"] == summary["categories"]["SYNSET"]["records"]
    assert summary["categories"]["PATTERN"]["exact"] == summary["categories"]["PATTERN"]["records"]


def test_read_dictionaries_on_the_validation_files():
    verbs = shared("petrarch2", "PETR.Validate.verbs.txt")
    model = read_dictionaries(verbs.parent / "PETR.Validate.*")
    assert model.blocks["SHOT"].code == "223"  # two SHOT blocks merge
    assert len(model.blocks["SHOT"].patterns) == 2
    assert "&NEGATVAUXVRB" in model.synsets
