"""`blocwatch scenario` and `blocwatch forecast …`: what-if alignments, and forecasts shown with their skill."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from blocwatch.cli_analyze import (
    DEFAULT_ACTORS,
    Actors,
    Db,
    EventsFile,
    Json,
    Since,
    Until,
    _actors,
    _date,
    _emit,
    _guard,
)
from blocwatch.cli_common import db_location, err, fail
from blocwatch.forecast.scenario import example_scenario, minima_rows

forecast_app = typer.Typer(no_args_is_help=True, help="Forecasts: landscape alignments, balance dynamics, dyad series.")


def _open(db: str | None, events: Path | None):
    from blocwatch.analysis.events import open_events

    return open_events(db_location(db) if events is None else None, events)


@_guard
def scenario(
    file: Annotated[Path | None, typer.Argument(help="Scenario YAML (default: the shipped missile example).")]
    = None,
    db: Db = None, events: EventsFile = None, as_json: Json = False,
) -> None:
    """Run a what-if scenario beside the baseline: most likely alignments, basins, energy gap, side changes."""
    from blocwatch.forecast.scenario import (
        add_scenario_events,
        build_model,
        energy_gap,
        load_scenario,
        propensity_moves,
        scenario_events_table,
        side_changes,
    )

    spec = load_scenario(file or example_scenario())
    with _open(db, events) as source:
        baseline = build_model(source, spec, apply_edits=False)
        day = spec.until or source.con.execute("SELECT max(date) FROM ev").fetchone()[0]
        add_scenario_events(source, scenario_events_table(spec, day))
        what_if = build_model(source, spec, apply_edits=True)
    changed = side_changes(baseline, what_if)
    summary = {"scenario": spec.name, "baseline_energy_gap": energy_gap(baseline),
               "scenario_energy_gap": energy_gap(what_if), "actors_changing_side": changed,
               "baseline": minima_rows("baseline", baseline), "what_if": minima_rows("scenario", what_if)}
    if as_json:
        sys.stdout.write(json.dumps(summary, default=str) + "\n")
        return
    typer.echo(f"Scenario: {spec.name}\n{spec.description}\n")
    _emit(summary["baseline"] + summary["what_if"], None, False, False, "most likely alignments (by basin share)")
    gap = summary["baseline_energy_gap"], summary["scenario_energy_gap"]
    typer.echo(f"energy gap between the two best splits: baseline {_fmt(gap[0])}, scenario {_fmt(gap[1])}")
    typer.echo("actors changing side: " + (", ".join(changed) if changed else "none"))
    moves = [{"pair": f"{m['a']}–{m['b']}", "propensity_before": m["before"], "propensity_after": m["after"]}
             for m in propensity_moves(baseline, what_if)]
    if moves:
        _emit(moves, None, False, False, "propensities that moved")
    err.print("scenario events were added in memory only; the store is unchanged", highlight=False)


def _fmt(value: float | None) -> str:
    return "none (a single stable split)" if value is None else f"{value:.4f}"


@forecast_app.command("landscape")
@_guard
def forecast_landscape(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None,
    actors: Actors = DEFAULT_ACTORS, sizes_year: Annotated[int, typer.Option(help="CINC year for sizes.")] = 2022,
    as_json: Json = False,
) -> None:
    """Landscape theory (Axelrod–Bennett): stable two-coalition splits of the window's network, ranked by basin."""
    from blocwatch.forecast.scenario import Scenario, build_model

    spec = Scenario(name="observed", since=_date("since", since), until=_date("until", until), actors=_actors(actors),
                    sizes_year=sizes_year)
    with _open(db, events) as source:
        model = build_model(source, spec, apply_edits=False)
    _emit(minima_rows("observed", model), None, as_json, False, "landscape minima (by basin share)")


SEASONS = {"week": 52, "month": 12, "quarter": 4, "year": 1, "day": 7}


@forecast_app.command("dyads")
@_guard
def forecast_dyads(
    db: Db = None, events: EventsFile = None,
    series: Annotated[Path | None, typer.Option("--series", help="A pair-series CSV instead of events.")] = None,
    since: Since = None, until: Until = None,
    period: Annotated[str, typer.Option(help="week, month, quarter or year.")] = "month",
    actors: Actors = DEFAULT_ACTORS,
    value: Annotated[str, typer.Option(help="Dyad column to forecast (nc, events, goldstein_mean, ...).")] = "nc",
    model: Annotated[str, typer.Option(help="persistence, seasonal_naive, mean, ewma, ar1 or theta.")] = "ewma",
    min_events: Annotated[int, typer.Option(help="Dyad-periods with fewer events have no NC.")] = 3,
    as_json: Json = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV on stdout.")] = False,
) -> None:
    """Next-period forecast per dyad, each shown with its rolling-origin backtest skill against naive baselines."""
    import numpy as np

    from blocwatch.analysis.series import dyad_series, read_series_file
    from blocwatch.cli_analyze import _Run
    from blocwatch.forecast.dyads import MODEL_NAMES, forecast_with_skill

    if model not in MODEL_NAMES:
        raise fail(f"--model {model}: use one of {', '.join(MODEL_NAMES)}")
    if period not in SEASONS:
        raise fail(f"--period {period}: use week, month, quarter or year")
    if series is not None:
        pairs = read_series_file(series, value=None if value == "nc" else value, period=period)
    else:
        run = _Run(db, events, since, until, period, actors, None, True, 1, min_events)
        pairs = dyad_series(run.dyads(), value=value, period=period)
    rows = []
    for s in pairs:
        if np.count_nonzero(~np.isnan(s.values)) < 8:
            continue
        f = forecast_with_skill(s.values, model, season=SEASONS[period])
        rows.append({"pair": s.label, "last_period": s.dates[-1], "last_value": s.values[-1], "forecast": f.value,
                     "low": f.interval[0], "high": f.interval[1], "skill_vs_persistence": f.skill_vs_persistence,
                     "skill_vs_seasonal": f.skill_vs_seasonal, "backtest_n": f.n_backtest})
    if not rows:
        raise fail("no dyad has at least 8 observed periods to backtest; widen the window or use a shorter --period")
    _emit(rows, None, as_json, as_csv, f"next {period}: {model} forecasts with backtest skill (1 − MAE/MAE baseline)")


@forecast_app.command("balance")
@_guard
def forecast_balance(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None,
    actors: Actors = DEFAULT_ACTORS,
    runs: Annotated[int, typer.Option(help="Simulation runs.")] = 200,
    dynamics: Annotated[str, typer.Option(help="ctd (constrained) or ltd (local, needs --p).")] = "ctd",
    p: Annotated[float | None, typer.Option(help="LTD propensity for friendship, 0..1.")] = None,
    seed: Annotated[int, typer.Option(help="Random seed (results are reproducible).")] = 0,
    min_events: Annotated[int, typer.Option(help="Dyads with fewer events in the window have no tie.")] = 3,
    as_json: Json = False,
) -> None:
    """Antal–Krapivsky–Redner triad dynamics from the window's signed network: where balance would settle."""
    import numpy as np

    from blocwatch.cli_analyze import _Run
    from blocwatch.forecast.akr import outcomes

    run = _Run(db, events, since, until, "all", actors, None, True, 1, min_events)
    nets = run.networks("system")
    if not nets:
        raise fail(f"{run.events.label}: no ties among {actors} in that window")
    names = nets[0].actors
    signs = np.sign(nets[0].weights).astype(int)
    rows = []
    for partition, share in outcomes(signs, runs, p, dynamics=dynamics, seed=seed):
        if partition is None:
            label = "not balanced (jammed, unresolved, or an unbalanced longer cycle)"
        else:
            groups = [[n for n, g in zip(names, partition, strict=True) if g == side] for side in (0, 1)]
            label = " · ".join("{" + ", ".join(g) + "}" for g in groups if g)
        rows.append({"outcome": label, "share": share})
    _emit(rows, None, as_json, False, f"{dynamics.upper()} outcomes over {runs} runs")
