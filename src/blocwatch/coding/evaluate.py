"""Score coded events against a gold standard.

Matching follows the usual event-data convention (e.g. the PETRARCH
validation suite, Norris et al. 2017's evaluation of PETRARCH2): a predicted
event matches a gold event when source and target agree at state level (the
first three characters; empty matches empty) and the predicted CAMEO code
starts with one of the gold's acceptable code prefixes. Matching is
one-to-one (greedy, gold order). Precision/recall/F1 count asserted events
only; ``quad_f1`` matches on QuadClass instead of code; ``mode_accuracy`` is
over matched events of any mode; ``nonasserted_fp_rate`` counts asserted
predictions that match a gold event whose mode is not asserted, per such gold
event.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from blocwatch.ingest.readers import parse_date
from blocwatch.lexicon.cameo import load_cameo
from blocwatch.model import Event


@dataclass
class GoldEvent:
    source: str
    target: str
    codes: tuple[str, ...]
    mode: str = "asserted"


@dataclass
class GoldRecord:
    id: str
    text: str
    date: str = ""
    events: list[GoldEvent] = field(default_factory=list)
    category: str = ""


class GoldFormatError(ValueError):
    """The gold file cannot be read in the requested format."""


def read_gold_jsonl(path: Path) -> list[GoldRecord]:
    records = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            events = [
                GoldEvent(
                    source=e.get("source", "") or "",
                    target=e.get("target", "") or "",
                    codes=tuple(e["code"]) if isinstance(e["code"], list) else (str(e["code"]),),
                    mode=e.get("mode", "asserted"),
                )
                for e in row.get("events", [])
            ]
            records.append(GoldRecord(str(row["id"]), row["text"], row.get("date", ""), events))
        except (KeyError, TypeError, json.JSONDecodeError) as exc:
            raise GoldFormatError(f"{path}:{n}: not a gold record ({exc})") from exc
    return records


def read_gold_petrarch(path: Path) -> list[GoldRecord]:
    """PETRARCH validation XML: <Sentence date id category> with <EventCoding> and <Text>."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFormatError(f"{path}: not valid XML ({exc})") from exc
    records = []
    for sent in root.iter("Sentence"):
        text_el = sent.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            continue
        events = []
        for ec in sent.findall("EventCoding"):
            code = ec.get("eventcode", "")
            if not code:  # <EventCoding noevents="True"> and error records expect no event
                continue
            events.append(GoldEvent(ec.get("sourcecode", ""), ec.get("targetcode", ""), (code,)))
        day = parse_date(sent.get("date", ""))
        records.append(
            GoldRecord(
                sent.get("id", ""),
                " ".join(text_el.text.split()),
                day.isoformat() if day else "",
                events,
                sent.get("category", ""),
            )
        )
    return records


# PLOVER 0.5 gold labels (the GSR file) → the CAMEO roots they were made from.
PLOVER_LEGACY_ROOTS: dict[str, tuple[str, ...]] = {
    "AGREE": ("03",),
    "CONSULT": ("04",),
    "SUPPORT": ("05",),
    "COOPERATE": ("06",),
    "AID": ("07",),
    "YIELD": ("08",),
    "CONCEDE": ("08",),
    "INVESTIGATE": ("09",),
    "DEMAND": ("10",),
    "REQUEST": ("02", "10"),
    "DISAPPROVE": ("11",),
    "ACCUSE": ("11",),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "PROTEST": ("14",),
    "MOBILIZE": ("15",),
    "SANCTION": ("16",),
    "REDUCE": ("16",),
    "COERCE": ("17",),
    "ASSAULT": ("18", "20"),  # PLOVER 0.5 had no category of its own for CAMEO 20
    "FIGHT": ("19", "20"),
    "MASSACRE": ("20",),
    "RETREAT": ("08",),
    "ENGAGE": ("06", "07"),
}


# Country codes of older CAMEO releases (and slips) in the GSR file → the ISO-based codes blocwatch emits.
PLOVER_LEGACY_ACTORS: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _plover_actors(value: object) -> list[str]:
    if not value:
        return [""]
    items = value if isinstance(value, list) else [value]
    codes = []
    for item in items:
        code = str(item.get("code", "")) if isinstance(item, dict) else item if isinstance(item, str) else None
        if code is not None:
            codes.append(PLOVER_LEGACY_ACTORS.get(code[:3], code[:3]) + code[3:])
    return codes or [""]


def read_gold_plover(path: Path) -> list[GoldRecord]:
    """PLOVER gold-standard records (JSON array); actor lists expand to one event per pair."""
    try:
        data = json.loads(path.read_text("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}: not valid JSON ({exc.msg})") from exc
    records = []
    for row in data:
        label = row.get("event", "")
        if label == "DOCUMENT" or "text" not in row:
            continue
        roots = PLOVER_LEGACY_ROOTS.get(label)
        if roots is None:
            continue
        sources = _plover_actors(row.get("source"))
        targets = _plover_actors(row.get("target"))
        events = []
        if targets == [""] and len(sources) > 1:
            for s in sources:
                for t in sources:
                    if s != t:
                        events.append(GoldEvent(s, t, roots))
        else:
            for s in sources:
                for t in targets:
                    events.append(GoldEvent(s, t, roots))
        records.append(GoldRecord(row.get("id", ""), row["text"], row.get("date", ""), events, label))
    return records


SUMMARY_KEYS = (
    "records",
    "gold_events",
    "predicted_events",
    "precision",
    "recall",
    "f1",
    "quad_f1",
    "mode_accuracy",
    "nonasserted_fp_rate",
    "exact_record_rate",
)

READERS = {"jsonl": read_gold_jsonl, "petrarch": read_gold_petrarch, "plover": read_gold_plover}


def _actor_key(code: str) -> str:
    return (code or "")[:3].upper()


def _matches(pred: Event, gold: GoldEvent, by_quad: bool = False) -> bool:
    if _actor_key(pred.source) != _actor_key(gold.source) or _actor_key(pred.target) != _actor_key(gold.target):
        return False
    if by_quad:
        cameo = load_cameo()
        quads = set()
        for code in gold.codes:
            try:
                quads.add(cameo.get(code).quad_class)
            except KeyError:
                continue
        return pred.quad_class in quads
    return any(pred.code.startswith(code) for code in gold.codes)


def _align(preds: list[Event], golds: list[GoldEvent], by_quad: bool = False) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            if pi not in used and _matches(pred, gold, by_quad):
                used.add(pi)
                pairs.append((pi, gi))
                break
    return pairs


@dataclass
class Scores:
    records: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    quad_tp: int = 0
    quad_fp: int = 0
    quad_fn: int = 0
    matched_any_mode: int = 0
    mode_correct: int = 0
    gold_nonasserted: int = 0
    nonasserted_fp: int = 0
    exact_records: int = 0
    failures: list[dict] = field(default_factory=list)
    category_totals: Counter = field(default_factory=Counter)
    category_exact: Counter = field(default_factory=Counter)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def summary(self) -> dict:
        p, r, f = self._f1(self.tp, self.fp, self.fn)
        _, _, qf = self._f1(self.quad_tp, self.quad_fp, self.quad_fn)
        return {
            "records": self.records,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "quad_f1": round(qf, 4),
            "mode_accuracy": round(self.mode_correct / self.matched_any_mode, 4) if self.matched_any_mode else 0.0,
            "nonasserted_fp_rate": round(self.nonasserted_fp / self.gold_nonasserted, 4)
            if self.gold_nonasserted
            else 0.0,
            "exact_record_rate": round(self.exact_records / self.records, 4) if self.records else 0.0,
            "categories": {
                c: {"records": n, "exact": self.category_exact[c]} for c, n in sorted(self.category_totals.items())
            },
        }


def _strict_exact(rec: GoldRecord, preds: list[Event]) -> bool:
    """Full actor codes and the exact event code, as the PETRARCH validation suite checks."""
    want = sorted((g.source, g.target, g.codes[0]) for g in rec.events)
    got = sorted({(e.source, e.target, e.code) for e in preds if e.mode == "asserted"})
    return want == got


def score(
    records: list[GoldRecord], predictions: dict[str, list[Event]] | list[list[Event]], strict: bool = False
) -> Scores:
    """Score predictions (by record id, or a list aligned with ``records`` when ids repeat).

    ``strict`` makes a record exact only on full codes (PETRARCH style).
    """
    s = Scores()
    for n, rec in enumerate(records):
        preds = predictions[n] if isinstance(predictions, list) else predictions.get(rec.id, [])
        s.records += 1
        s.gold_events += len(rec.events)
        s.predicted_events += len(preds)
        asserted_p = [e for e in preds if e.mode == "asserted"]
        asserted_g = [g for g in rec.events if g.mode == "asserted"]
        pairs = _align(asserted_p, asserted_g)
        s.tp += len(pairs)
        s.fp += len(asserted_p) - len(pairs)
        s.fn += len(asserted_g) - len(pairs)
        qpairs = _align(asserted_p, asserted_g, by_quad=True)
        s.quad_tp += len(qpairs)
        s.quad_fp += len(asserted_p) - len(qpairs)
        s.quad_fn += len(asserted_g) - len(qpairs)
        all_pairs = _align(preds, rec.events)
        s.matched_any_mode += len(all_pairs)
        s.mode_correct += sum(1 for pi, gi in all_pairs if preds[pi].mode == rec.events[gi].mode)
        nonasserted = [g for g in rec.events if g.mode != "asserted"]
        s.gold_nonasserted += len(nonasserted)
        s.nonasserted_fp += len(_align(asserted_p, nonasserted))
        if strict:
            exact = _strict_exact(rec, preds)
        else:
            exact = len(pairs) == len(asserted_g) == len(asserted_p) and all(
                preds[pi].mode == rec.events[gi].mode for pi, gi in all_pairs
            )
        s.category_totals[rec.category or "all"] += 1
        if exact:
            s.exact_records += 1
            s.category_exact[rec.category or "all"] += 1
        else:
            s.failures.append(
                {
                    "id": rec.id,
                    "text": rec.text,
                    "gold": [f"{g.source}>{g.target} {'/'.join(g.codes)} {g.mode}" for g in rec.events],
                    "predicted": [f"{e.source}>{e.target} {e.code} {e.mode} [{e.rule}]" for e in preds],
                }
            )
    return s
