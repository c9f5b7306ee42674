"""Scoring rules of `blocwatch eval`, checked on hand-computed cases."""

from __future__ import annotations

import json

from blocwatch.coding.evaluate import GoldEvent, GoldRecord, read_gold_jsonl, read_gold_petrarch, score
from blocwatch.model import Event


def ev(source: str, target: str, code: str, mode: str = "asserted", quad: int = 1) -> Event:
    return Event(
        "d",
        "",
        source,
        target,
        code,
        code[:2],
        quad,
        0.0,
        "",
        "",
        mode,
        "",
        0,
        (0, 0),
        "",
        (0, 0),
        "",
        None,
        "",
        None,
        "r",
        "v",
    )


def test_match_on_state_prefix_and_code_prefix_one_to_one():
    gold = [GoldRecord("a", "t", events=[GoldEvent("KORGOV", "PRKGOV", ("04",)), GoldEvent("KOR", "PRK", ("04",))])]
    # one prediction can match only one gold event: 1 TP, 1 FN
    s = score(gold, {"a": [ev("KOR", "PRKMIL", "040")]}).summary()
    assert (s["precision"], s["recall"]) == (1.0, 0.5)
    # empty target matches only empty target; code must start with a gold prefix
    gold = [GoldRecord("b", "t", events=[GoldEvent("PRK", "", ("15",))])]
    s = score(gold, {"b": [ev("PRK", "JPN", "150"), ev("PRK", "", "190")]}).summary()
    assert s["precision"] == 0.0 and s["recall"] == 0.0


def test_modes_and_nonasserted_false_positives():
    gold = [
        GoldRecord("c", "t", events=[GoldEvent("CHN", "RUS", ("06",), "hypothetical")]),
        GoldRecord("d", "t", events=[GoldEvent("USA", "PRK", ("04",), "negated")]),
        GoldRecord("e", "t", events=[GoldEvent("JPN", "CHN", ("11",))]),
    ]
    preds = {
        "c": [ev("CHN", "RUS", "062", "asserted")],  # asserted where gold is hypothetical
        "d": [ev("USA", "PRK", "040", "negated")],  # right mode
        "e": [ev("JPN", "CHN", "111", "asserted", 3)],
    }
    s = score(gold, preds).summary()
    assert s["nonasserted_fp_rate"] == 0.5  # 1 of 2 non-asserted gold events got an asserted prediction
    assert s["mode_accuracy"] == round(2 / 3, 4)
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 1.0, round(2 * 0.5 / 1.5, 4))


def test_quad_f1_accepts_a_code_in_the_same_quadclass():
    gold = [GoldRecord("f", "t", events=[GoldEvent("JPN", "KOR", ("163",))])]
    s = score(gold, {"f": [ev("JPN", "KOR", "172", quad=4)]}).summary()
    assert s["f1"] == 0.0 and s["quad_f1"] == 1.0


def test_read_jsonl_gold(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "1",
                "date": "2019-01-01",
                "text": "x",
                "events": [{"source": "JPN", "target": "", "code": ["15"], "mode": "future"}],
            }
        )
        + "\n"
    )
    (rec,) = read_gold_jsonl(path)
    assert rec.events[0].codes == ("15",) and rec.events[0].mode == "future"


def test_read_petrarch_xml(tmp_path):
    path = tmp_path / "p.xml"
    path.write_text(
        '<Validation><Sentences><Sentence date="19950101" id="T-1" category="DEMO">'
        '<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>'
        "<Text>\nArnor restored ties\nwith Gondor.\n</Text><Parse>(ROOT)</Parse></Sentence></Sentences></Validation>"
    )
    (rec,) = read_gold_petrarch(path)
    assert (rec.id, rec.date, rec.text, rec.category) == (
        "T-1",
        "1995-01-01",
        "Arnor restored ties with Gondor.",
        "DEMO",
    )
    assert (rec.events[0].source, rec.events[0].target, rec.events[0].codes) == ("ARN", "GON", ("064",))
