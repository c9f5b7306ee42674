"""What-if scenarios on the web: check a YAML text, run it beside the baseline (in memory), keep saved ones.

Running reuses ``forecast.scenario`` exactly as ``blocwatch scenario`` does: the hypothetical events are
added to this request's own ``ev`` view, never to the store. Saved scenarios are YAML files in a folder
beside the store (saving is a write and needs the token); names are restricted to a safe pattern.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.forecast.scenario import (
    Model,
    Scenario,
    add_scenario_events,
    build_model,
    energy_gap,
    example_scenario,
    load_scenario,
    minima_rows,
    propensity_moves,
    scenario_events_table,
    side_changes,
)
from blocwatch.web.access import StoreAccess
from blocwatch.web.cache import Memo
from blocwatch.web.params import NAME_PATTERN

MAX_BYTES = 64_000
MAX_EVENTS = 5_000
MAX_ACTORS = 12  # the landscape enumerates 2^n configurations


def example_text() -> str:
    return example_scenario().read_text(encoding="utf-8")


def parse(text: str) -> Scenario:
    """The checked scenario; problems raise ``AnalysisInputError`` naming the field."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise AnalysisInputError(f"scenario: longer than {MAX_BYTES} bytes")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scenario.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            spec = load_scenario(path)
        except AnalysisInputError as exc:
            raise AnalysisInputError(str(exc).replace(str(path), "scenario")) from None
        except (AttributeError, TypeError, ValueError, KeyError) as exc:  # a field of the wrong shape
            raise AnalysisInputError(f"scenario: a field has the wrong shape ({type(exc).__name__}: {exc})") from None
    if sum(e.count for e in spec.events) > MAX_EVENTS:
        raise AnalysisInputError(f"scenario: at most {MAX_EVENTS} hypothetical events (sum of counts)")
    if len(spec.actors) > MAX_ACTORS:
        raise AnalysisInputError(f"scenario actors: at most {MAX_ACTORS} states")
    if spec.since and spec.until and spec.since > spec.until:
        raise AnalysisInputError(f"scenario window: since {spec.since} is after until {spec.until}")
    return spec


def _sides(baseline: Model, what_if: Model) -> list[dict[str, Any]]:
    """Each actor's side (0 or 1) in the two most likely splits, the scenario's labels aligned on the first
    actor present in both (as ``side_changes`` does); None for a removed actor."""
    before, after = baseline.most_likely(), what_if.most_likely()
    common = [a for a in baseline.actors if a in after]
    flip = bool(common) and before[common[0]] != after[common[0]]
    return [{"actor": a, "baseline": before[a], "scenario": None if a not in after else (1 - after[a] if flip
                                                                                            else after[a])}
            for a in baseline.actors]


def run(access: StoreAccess, memo: Memo, text: str) -> dict[str, Any]:
    """Baseline and scenario landscapes side by side (cached by the text and the store version)."""
    spec = parse(text)

    def compute() -> dict[str, Any]:
        try:
            return _compare(access, spec)
        except AnalysisInputError:
            raise
        except (ValueError, IndexError, KeyError, ZeroDivisionError) as exc:
            raise AnalysisInputError(f"scenario cannot be run: {type(exc).__name__}: {exc}") from None

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return memo.get(("scenario", access.version, digest), compute)


def _compare(access: StoreAccess, spec: Scenario) -> dict[str, Any]:
    """Build the baseline, add the hypothetical events to this cursor's view, build the scenario."""
    with access.events() as events:
        baseline = build_model(events, spec, apply_edits=False)
        day = spec.until or events.con.execute("SELECT max(date) FROM ev").fetchone()[0] or date.today()
        add_scenario_events(events, scenario_events_table(spec, day))
        what_if = build_model(events, spec, apply_edits=True)
    return {"scenario": spec.name, "description": spec.description, "since": spec.since, "until": spec.until,
            "actors": list(spec.actors), "removed": list(spec.remove),
            "hypothetical_events": sum(e.count for e in spec.events),
            "baseline_energy_gap": energy_gap(baseline), "scenario_energy_gap": energy_gap(what_if),
            "actors_changing_side": side_changes(baseline, what_if),
            "baseline": minima_rows("baseline", baseline), "what_if": minima_rows("scenario", what_if),
            "sides": _sides(baseline, what_if), "propensity_moves": propensity_moves(baseline, what_if)}


class ScenarioShelf:
    """Saved scenarios: ``<name>.yaml`` files in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.yaml") if re.fullmatch(NAME_PATTERN, p.stem))

    def read(self, name: str) -> str | None:
        if not re.fullmatch(NAME_PATTERN, name):
            return None
        path = self.folder / f"{name}.yaml"
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def save(self, name: str, text: str) -> Path:
        """Write atomically (a temporary file renamed into place)."""
        if not re.fullmatch(NAME_PATTERN, name):
            raise AnalysisInputError(f"name {name!r}: use lower-case letters, digits, '-' and '_'")
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{name}.yaml"
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
        return path
