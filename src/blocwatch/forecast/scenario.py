"""What-if scenarios: hypothetical events, propensity and size edits, removed actors — re-run beside the baseline.

A scenario is a small YAML file (see ``scenarios/us_missiles_japan.yaml``)::

    name: ...
    description: ...
    window: {since: 2023-01-01, until: 2025-12-31}   # the observed events the baseline is built from
    actors: [USA, CHN, JPN, KOR, PRK, RUS, MNG, TWN]
    sizes_year: 2022                                  # published CINC of that year (or the latest before it)
    events:                                           # hypothetical events, counted as if reported `count` times
      - {source: USA, target: JPN, code: "062", count: 20}
    propensity:                                       # direct edits after the events: add to or set p_ij
      - {a: CHN, b: RUS, add: 0.1}
    sizes: {JPN: 0.05}                                # override a size (CINC share before normalising)
    remove: [MNG]                                     # actors taken out of the system

The model (Axelrod & Bennett 1993): sizes are CINC shares among the actors;
propensities are the signed tie weights of the window's network (net
cooperation relative to the system's mean, see ``analysis.network``), so the
combination is documented in one place and the weights are configurable
through edits. Scenario events are added to a temporary copy of the events
view inside the analysis connection; they are never written to the store and
never mix with observed events.

The comparison reports, for the baseline and the scenario, the minima ranked
by basin size, the energy gap between the two best minima (how decisive the
prediction is), and the actors whose side changes in the most likely
configuration (sides are aligned on the first actor that stays in both).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import yaml

from blocwatch.analysis.dyads import NEASIA, DyadOptions, dyad_table
from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.analysis.events import EVIDENCE_COLUMNS, EventSet
from blocwatch.analysis.network import signed_networks
from blocwatch.analysis.power import shipped_cinc
from blocwatch.forecast.landscape import Landscape, landscape
from blocwatch.lexicon.cameo import load_cameo


@dataclass(frozen=True)
class ScenarioEvent:
    source: str
    target: str
    code: str
    count: int = 1


@dataclass(frozen=True)
class PropensityEdit:
    a: str
    b: str
    add: float | None = None
    set: float | None = None


@dataclass
class Scenario:
    name: str
    description: str = ""
    since: date | None = None
    until: date | None = None
    actors: tuple[str, ...] = NEASIA
    sizes_year: int = 2022
    events: list[ScenarioEvent] = field(default_factory=list)
    propensity: list[PropensityEdit] = field(default_factory=list)
    sizes: dict[str, float] = field(default_factory=dict)
    remove: tuple[str, ...] = ()


def _fail(where: str, problem: str) -> AnalysisInputError:
    return AnalysisInputError(f"{where}: {problem}")


def _actor(value: Any, where: str) -> str:
    text = str(value or "").strip().upper()
    if len(text) != 3 or not text.isalpha():
        raise _fail(where, f"{value!r} is not a three-letter state code such as USA")
    return text


def _day(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(where, f"{value!r} is not a YYYY-MM-DD date") from None


def _events(raw: Any, where: str) -> list[ScenarioEvent]:
    cameo = load_cameo()
    out = []
    for n, item in enumerate(raw or [], 1):
        at = f"{where} events[{n}]"
        if not isinstance(item, dict):
            raise _fail(at, "each event needs source, target and code")
        code = str(item.get("code", "")).strip()
        if code not in cameo:
            raise _fail(at, f"unknown CAMEO code {code!r} (quote codes with leading zeros, e.g. \"062\")")
        count = item.get("count", 1)
        if not isinstance(count, int) or count < 1:
            raise _fail(at, f"count {count!r} must be a positive whole number")
        out.append(ScenarioEvent(_actor(item.get("source"), at), _actor(item.get("target"), at), code, count))
    return out


def _edits(raw: Any, where: str) -> list[PropensityEdit]:
    out = []
    for n, item in enumerate(raw or [], 1):
        at = f"{where} propensity[{n}]"
        if not isinstance(item, dict) or ("add" in item) == ("set" in item):
            raise _fail(at, "each edit names a, b and exactly one of add or set")
        value = item.get("add", item.get("set"))
        if not isinstance(value, int | float):
            raise _fail(at, f"{value!r} is not a number")
        out.append(PropensityEdit(_actor(item.get("a"), at), _actor(item.get("b"), at),
                                  float(value) if "add" in item else None, float(value) if "set" in item else None))
    return out


def load_scenario(path: Path) -> Scenario:
    """Read and check a scenario file; every problem is one line naming the file and the field."""
    where = str(path)
    if not path.is_file():
        raise _fail(where, "no such scenario file")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise _fail(where, f"not valid YAML ({str(exc).splitlines()[0]})") from None
    except ValueError as exc:  # PyYAML reads unquoted dates itself and rejects impossible ones
        raise _fail(where, f"a date is not a real YYYY-MM-DD date ({exc})") from None
    if not isinstance(raw, dict) or not raw.get("name"):
        raise _fail(where, "a scenario is a mapping with at least a name")
    window = raw.get("window") or {}
    actors = tuple(_actor(a, f"{where} actors") for a in raw.get("actors") or NEASIA)
    sizes = {_actor(k, f"{where} sizes"): v for k, v in (raw.get("sizes") or {}).items()}
    if any(not isinstance(v, int | float) or v < 0 for v in sizes.values()):
        raise _fail(f"{where} sizes", "sizes must be non-negative numbers")
    scenario = Scenario(
        name=str(raw["name"]), description=str(raw.get("description") or "").strip(),
        since=_day(window.get("since"), f"{where} window.since"),
        until=_day(window.get("until"), f"{where} window.until"),
        actors=actors, sizes_year=int(raw.get("sizes_year") or 2022), events=_events(raw.get("events"), where),
        propensity=_edits(raw.get("propensity"), where), sizes={k: float(v) for k, v in sizes.items()},
        remove=tuple(_actor(a, f"{where} remove") for a in raw.get("remove") or ()),
    )
    named = {e.source for e in scenario.events} | {e.target for e in scenario.events} | set(scenario.sizes) | {
        x for e in scenario.propensity for x in (e.a, e.b)} | set(scenario.remove)
    unknown = sorted(named - set(actors))
    if unknown:
        raise _fail(where, f"{', '.join(unknown)} not among the scenario's actors; add them to `actors`")
    return scenario


def scenario_events_table(scenario: Scenario, day: date) -> pa.Table:
    """The hypothetical events as rows of the events view, dated ``day`` and marked as scenario events."""
    cameo = load_cameo()
    rows = []
    for n, e in enumerate(scenario.events):
        info = cameo.get(e.code)
        for k in range(e.count):
            digest = hashlib.blake2b(f"{scenario.name}\t{n}\t{k}".encode(), digest_size=8).hexdigest()
            rows.append({"event_id": f"scenario:{digest}", "date": day, "source": e.source, "target": e.target,
                         "code": e.code, "quad_class": info.quad_class, "goldstein": info.goldstein,
                         "mode": "asserted", "num_mentions": 1, "doc_id": None,
                         "sentence": f"[scenario: {scenario.name}] {e.source} {info.name.lower()} {e.target}",
                         "trigger": None, "source_text": e.source, "target_text": e.target})
    schema = pa.schema([("event_id", pa.string()), ("date", pa.date32()), ("source", pa.string()),
                        ("target", pa.string()), ("code", pa.string()), ("quad_class", pa.int8()),
                        ("goldstein", pa.float64()), ("mode", pa.string()), ("num_mentions", pa.int32()),
                        *((c, pa.string()) for c in EVIDENCE_COLUMNS)])
    return pa.Table.from_pylist(rows, schema=schema)


def add_scenario_events(events: EventSet, table: pa.Table) -> None:
    """Make the connection's ``ev`` view observed events plus ``table`` (in this connection only)."""
    events.con.execute("ALTER VIEW ev RENAME TO ev_observed")
    events.con.register("scenario_rows", table)
    events.con.execute("CREATE TEMP VIEW ev AS SELECT * FROM ev_observed UNION ALL BY NAME SELECT * FROM scenario_rows")


@dataclass
class Model:
    """The inputs and the landscape of one run (baseline or scenario)."""

    actors: list[str]
    sizes: np.ndarray
    propensity: np.ndarray
    result: Landscape

    def most_likely(self) -> dict[str, int]:
        best = self.result.minima[0]
        return dict(zip(self.actors, best.labels, strict=True))


def _propensities(events: EventSet, options: DyadOptions, actors: list[str], min_events: int) -> np.ndarray:
    table = dyad_table(events, replace(options, period="all", undirected=True, min_events=min_events,
                                       actors=tuple(actors)))
    nets = signed_networks(table, actors)
    return nets[0].weights.copy() if nets else np.zeros((len(actors), len(actors)))


def build_model(events: EventSet, scenario: Scenario, apply_edits: bool, min_events: int = 3) -> Model:
    """Sizes and propensities for the scenario's window, with or without its edits, and their landscape."""
    actors = [a for a in scenario.actors if not (apply_edits and a in scenario.remove)]
    options = DyadOptions(since=scenario.since, until=scenario.until, actors=tuple(actors))
    propensity = _propensities(events, options, actors, min_events)
    _, cinc = shipped_cinc(scenario.sizes_year)
    raw = {a: cinc.get(a, 0.0) for a in actors}
    if apply_edits:
        raw.update({a: v for a, v in scenario.sizes.items() if a in raw})
        index = {a: i for i, a in enumerate(actors)}
        for edit in scenario.propensity:
            if edit.a in index and edit.b in index:
                i, j = index[edit.a], index[edit.b]
                value = edit.set if edit.set is not None else propensity[i, j] + (edit.add or 0.0)
                propensity[i, j] = propensity[j, i] = value
    total = sum(raw.values()) or 1.0
    sizes = np.array([raw[a] / total for a in actors])
    return Model(actors, sizes, propensity, landscape(sizes, propensity, actors))


def energy_gap(model: Model) -> float | None:
    """Energy of the second-best minimum minus the best: how decisive the most likely split is."""
    energies = sorted(m.energy for m in model.result.minima)
    return energies[1] - energies[0] if len(energies) > 1 else None


def side_changes(baseline: Model, scenario: Model) -> list[str]:
    """Actors (present in both) whose side differs between the two most likely splits."""
    before, after = baseline.most_likely(), scenario.most_likely()
    common = [a for a in baseline.actors if a in after]
    if not common:
        return []
    anchor = common[0]
    flip = before[anchor] != after[anchor]
    return [a for a in common if before[a] != (1 - after[a] if flip else after[a])]


def propensity_moves(baseline: Model, scenario: Model, top: int = 12) -> list[dict[str, Any]]:
    """Pairs (present in both runs) whose propensity the scenario moved, largest change first."""
    index = {a: i for i, a in enumerate(scenario.actors)}
    moves = []
    for i, a in enumerate(baseline.actors):
        for j in range(i + 1, len(baseline.actors)):
            b = baseline.actors[j]
            if a in index and b in index:
                before, after = float(baseline.propensity[i, j]), float(scenario.propensity[index[a], index[b]])
                if abs(after - before) > 1e-9:
                    moves.append({"a": a, "b": b, "before": before, "after": after})
    return sorted(moves, key=lambda m: -abs(m["after"] - m["before"]))[:top]


def example_scenario() -> Path:
    """The shipped, documented scenario file (US intermediate-range missiles in Japan)."""
    return Path(str(resources.files("blocwatch").joinpath("forecast/scenarios/us_missiles_japan.yaml")))


def minima_rows(label: str, model: Model, top: int = 5) -> list[dict[str, Any]]:
    """The ``top`` minima of a run as table rows, most likely first."""
    return [{"run": label, "rank": i + 1, "coalition_a": ", ".join(m.coalitions[0]),
             "coalition_b": ", ".join(m.coalitions[1]) or "–", "energy": m.energy, "basin_share": m.basin_share}
            for i, m in enumerate(model.result.minima[:top])]
