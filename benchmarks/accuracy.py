"""Coder accuracy on every gold set at hand, printed as one table.

- the project's own Northeast Asia gold file (tests/data/gold_neasia.jsonl), used
  while developing the lexicon, and its held-out twin (gold_neasia_heldout.jsonl),
  written independently and never used for tuning: the gap between them is the
  honest measure of how far the lexicon generalises;
- PLOVER gold records mapped to CAMEO roots (../shared/data/plover);
- the PETRARCH2 unit-test records with its validation dictionaries
  (../shared/data/petrarch2), scored per category.

    python benchmarks/accuracy.py [--failures N]   (failures of every set but the held-out one)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from blocwatch.coding.coder import Coder
from blocwatch.coding.evaluate import SUMMARY_KEYS, read_gold_jsonl, read_gold_petrarch, read_gold_plover, score
from blocwatch.coding.petrarch_engine import coder_for
from blocwatch.ingest.readers import parse_date
from blocwatch.lexicon.loader import load_lexicon
from blocwatch.lexicon.petrarch import ImportReport, load_petrarch_dir
from blocwatch.model import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def run(coder: Coder, records, strict: bool = False):
    predictions = [coder.code(Document(r.id, r.text, parse_date(r.date))).events for r in records]
    return score(records, predictions, strict=strict)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=int, default=0,
                        help="print this many failed records per set (never of the held-out set, which is for "
                             "measuring only)")
    args = parser.parse_args()
    rows = []
    coder = Coder()
    sets = [
        ("NE Asia gold (dev)", coder, read_gold_jsonl(ROOT / "tests" / "data" / "gold_neasia.jsonl")),
        ("NE Asia held-out", coder, read_gold_jsonl(ROOT / "tests" / "data" / "gold_neasia_heldout.jsonl")),
    ]
    plover = SHARED / "plover" / "PLOVER_GSR_CAMEO.txt"
    if plover.exists():
        sets.append(("PLOVER GSR (roots)", coder, read_gold_plover(plover)))
    petrarch = SHARED / "petrarch2"
    if petrarch.exists():
        report = ImportReport()
        lexicon = load_petrarch_dir(petrarch / "PETR.Validate.*", load_lexicon(), report)
        sets.append(
            ("PETRARCH unit tests", coder_for(lexicon), read_gold_petrarch(petrarch / "PETR.UnitTest.records.xml"))
        )
    for name, c, records in sets:
        s = run(c, records, strict=name.startswith("PETRARCH"))
        summary = s.summary()
        rows.append((name, summary))
        if args.failures and "held-out" not in name:
            for item in s.failures[: args.failures]:
                print(json.dumps(item, ensure_ascii=False))
    keys = tuple(k for k in SUMMARY_KEYS if k not in ("gold_events", "predicted_events"))
    widths = [max(len(k), 6) + 2 for k in keys]
    print(f"{'gold set':<24}" + "".join(f"{k:>{w}}" for k, w in zip(keys, widths, strict=True)))
    for name, summary in rows:
        print(f"{name:<24}" + "".join(f"{summary[k]:>{w}}" for k, w in zip(keys, widths, strict=True)))
    for name, summary in rows:
        if name.startswith("PETRARCH"):
            print("PETRARCH categories (exact/records):", json.dumps(summary["categories"]))


if __name__ == "__main__":
    main()
