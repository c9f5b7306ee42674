"""`blocwatch analyze <measure>`: every analytics family from the command line.

Event-based measures read a store (``--db``) or a plain events file (``--events``);
each prints a table, or JSON lines (``--json``) or CSV (``--csv``), and can draw a
plot (``--plot FILE.png|svg|html``).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from blocwatch.cli_common import DB_HELP, db_location, err, fail

analyze_app = typer.Typer(no_args_is_help=True, help="System analytics: dyads, balance, blocs, alignment, power, risk, "
                                                     "change and core–periphery.")

Db = Annotated[str | None, typer.Option(help=DB_HELP)]
EventsFile = Annotated[Path | None, typer.Option("--events", help="A plain events file (Parquet, CSV, JSONL) instead "
                                                                   "of a store.")]
Since = Annotated[str | None, typer.Option(help="First date (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Last date (YYYY-MM-DD).")]
Period = Annotated[str, typer.Option(help="day, week, month, quarter, year or all.")]
Actors = Annotated[str, typer.Option(help="Comma-separated state codes.")]
Modes = Annotated[list[str] | None, typer.Option("--mode", help="Modes to count (repeatable); asserted if omitted.")]
Json = Annotated[bool, typer.Option("--json", help="JSON lines on stdout.")]
Csv = Annotated[bool, typer.Option("--csv", help="CSV on stdout.")]
Plot = Annotated[Path | None, typer.Option("--plot", help="Also draw a plot: FILE.png, FILE.svg or FILE.html.")]
MinEvents = Annotated[int, typer.Option(help="Dyad-periods with fewer events get no NC (and no tie).")]
Sign = Annotated[str, typer.Option(help="How ties are signed: system (vs the window's mean NC), dyad (vs the "
                                        "dyad's own mean) or absolute.")]
DEFAULT_ACTORS = "USA,CHN,JPN,KOR,PRK,RUS,MNG,TWN"


def _date(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"--{name} {value}: not a date; use YYYY-MM-DD") from None


def _actors(text: str) -> tuple[str, ...]:
    return tuple(a.strip().upper() for a in text.split(",") if a.strip())


def _emit(rows: list[dict], columns: list[str] | None, as_json: bool, as_csv: bool, title: str) -> None:
    from blocwatch.analysis.output import render

    if as_json and as_csv:
        raise fail("--json and --csv: choose one")
    text = render(rows, columns, "json" if as_json else "csv" if as_csv else "table", title)
    if text is not None:
        sys.stdout.write(text)
    if not rows:
        err.print(f"{title}: no rows (check the dates, actors and modes)", highlight=False)


class _Run:
    """Open events and dyad options from the shared options, turning input errors into one-line failures."""

    def __init__(self, db, events_file, since, until, period, actors, modes, undirected=False, rolling=1,
                 min_events=1, plot: Path | None = None) -> None:
        from blocwatch.analysis.dyads import DyadOptions
        from blocwatch.analysis.events import AnalysisInputError, open_events
        from blocwatch.analysis.plots import check_plot_path

        self.options = DyadOptions(period=period, actors=_actors(actors), modes=tuple(modes or ("asserted",)),
                                   since=_date("since", since), until=_date("until", until),
                                   undirected=undirected, rolling=rolling, min_events=min_events)
        try:
            self.options.check()
            if plot:
                check_plot_path(plot)
            self.events = open_events(db_location(db) if events_file is None else None, events_file)
        except AnalysisInputError as exc:
            raise fail(str(exc)) from None

    def dyads(self):
        from blocwatch.analysis.dyads import dyad_table

        return dyad_table(self.events, self.options)

    def networks(self, sign: str):
        from blocwatch.analysis.network import signed_networks

        return signed_networks(self.dyads(), self.options.actors, method=sign)


def _guard(func):
    """Turn input errors raised inside a command (blocwatch's own ValueError subclasses) into one-line failures."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ValueError as exc:
            if not type(exc).__module__.startswith("blocwatch."):  # only our own input errors are the user's
                raise
            raise fail(str(exc)) from None

    return wrapper


@analyze_app.command()
@_guard
def dyads(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None, period: Period = "month",
    actors: Actors = DEFAULT_ACTORS, mode: Modes = None,
    undirected: Annotated[bool, typer.Option(help="Sum both directions of each pair.")] = False,
    rolling: Annotated[int, typer.Option(help="Rolling window in periods (sums over the last N).")] = 1,
    min_events: MinEvents = 1, as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """Counts per QuadClass, Goldstein and net cooperation per dyad and period."""
    run = _Run(db, events, since, until, period, actors, mode, undirected, rolling, min_events, plot)
    table = run.dyads()
    rows = table.to_pylist()
    _emit(rows, None, as_json, as_csv, "dyads")
    if plot and rows:
        import numpy as np

        from blocwatch.analysis.plots import plot_heatmap

        periods = sorted({r["period"] for r in rows})
        pairs = sorted({(r["source"], r["target"]) for r in rows})
        matrix = np.full((len(pairs), len(periods)), np.nan)
        for r in rows:
            if r["nc"] is not None:
                matrix[pairs.index((r["source"], r["target"])), periods.index(r["period"])] = r["nc"]
        plot_heatmap(matrix, [f"{a}–{b}" for a, b in pairs], [p.isoformat() for p in periods], plot,
                     "Net cooperation by dyad", label="NC")


@analyze_app.command()
@_guard
def network(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None, period: Period = "month",
    actors: Actors = DEFAULT_ACTORS, mode: Modes = None, min_events: MinEvents = 5, sign: Sign = "system",
    as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """Signed weighted ties per window (see `network.py` for how signs are made)."""
    run = _Run(db, events, since, until, period, actors, mode, True, 1, min_events, plot)
    nets = run.networks(sign)
    rows = [{"period": n.period, "a": a, "b": b, "weight": w, "sign": 1 if w > 0 else -1, "events": v}
            for n in nets for a, b, w, v in n.edges()]
    _emit(rows, None, as_json, as_csv, "signed ties")
    if plot and nets:
        from blocwatch.analysis.plots import plot_network

        last = nets[-1]
        plot_network(last.actors, last.weights, plot, f"Signed ties, {last.period}")


def _series(run: _Run | None, series_file: Path | None, value: str, resample: str):
    """Pair series from events (NC per dyad-period) or from a series file."""
    from blocwatch.analysis.series import dyad_series, read_series_file

    if series_file is not None:
        return read_series_file(series_file, value=None if value == "nc" else value, period=resample)
    return dyad_series(run.dyads(), value=value, period=run.options.period)


SeriesFile = Annotated[Path | None, typer.Option("--series", help="A pair-series CSV (date, country_a, country_b, "
                                                                   "value) instead of events.")]
Resample = Annotated[str, typer.Option(help="For --series: average per day, week, month, quarter or year.")]
Value = Annotated[str, typer.Option(help="The dyad column to follow (nc, goldstein_mean, events, ...) or, with "
                                         "--series, the value column.")]


def _series_run(db, events, series_file, since, until, period, actors, mode, undirected, min_events, plot):
    if series_file is not None:
        from blocwatch.analysis.plots import check_plot_path

        if plot:
            check_plot_path(plot)
        return None
    return _Run(db, events, since, until, period, actors, mode, undirected, 1, min_events, plot)


@analyze_app.command()
@_guard
def changes(
    db: Db = None, events: EventsFile = None, series: SeriesFile = None, since: Since = None, until: Until = None,
    period: Period = "month", resample: Resample = "week", actors: Actors = DEFAULT_ACTORS, mode: Modes = None,
    value: Value = "nc", min_events: MinEvents = 3,
    method: Annotated[str, typer.Option(help="pelt or binseg.")] = "pelt",
    penalty: Annotated[float | None, typer.Option(help="Penalty per change point (default: BIC-like, from the "
                                                       "noise level).")] = None,
    n_bkps: Annotated[int | None, typer.Option(help="Exactly this many change points per series.")] = None,
    as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """Change points (PELT or binary segmentation) in every pair's series."""
    from blocwatch.analysis.alerts import series_change_points

    run = _series_run(db, events, series, since, until, period, actors, mode, True, min_events, plot)
    pairs = _series(run, series, value, resample)
    rows = series_change_points(pairs, method=method, penalty=penalty, n_bkps=n_bkps)
    _emit(rows, ["pair", "date", "before_mean", "after_mean"], as_json, as_csv, "change points")
    err.print(f"{len(rows)} change points in {len(pairs)} series", highlight=False)
    if plot and pairs:
        from blocwatch.analysis.plots import plot_series

        breaks: dict[str, list] = {}
        for r in rows:
            breaks.setdefault(r["pair"], []).append(r["date"])
        label = value if series is None else "series value"
        plot_series({s.label: (s.dates, s.values) for s in pairs}, plot, f"{label}: change points", breaks, label)


@analyze_app.command()
@_guard
def alerts(
    db: Db = None, events: EventsFile = None, series: SeriesFile = None, since: Since = None, until: Until = None,
    period: Period = "month", resample: Resample = "week", actors: Actors = DEFAULT_ACTORS, mode: Modes = None,
    value: Value = "nc", min_events: MinEvents = 3,
    window: Annotated[int, typer.Option(help="Baseline: the preceding N periods.")] = 12,
    k: Annotated[float, typer.Option(help="Alert beyond k standard deviations of the baseline.")] = 2.0,
    save: Annotated[bool, typer.Option(help="Store the alerts, with their events, in the --db store.")] = False,
    as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """Periods where a pair leaves its rolling baseline by k standard deviations."""
    from blocwatch.analysis.alerts import alert_evidence, series_alerts

    if save and (events is not None or series is not None):
        raise fail("--save stores alerts with their events in a store; use it with --db, not --events or --series")
    run = _series_run(db, events, series, since, until, period, actors, mode, True, min_events, plot)
    pairs = _series(run, series, value, resample)
    rows = series_alerts(pairs, value, window=window, k=k)
    columns = ["subject", "period", "value", "baseline", "spread", "z", "direction"]
    if run is not None:
        links = alert_evidence(run.events, rows, run.options)
        by_alert: dict[str, int] = {}
        for alert_id, _ in links:
            by_alert[alert_id] = by_alert.get(alert_id, 0) + 1
        for r in rows:
            r["events"] = by_alert.get(r["alert_id"], 0)
        columns.append("events")
        if save:
            run.events.close()  # the store is attached read-only; release it before writing
            _save_alerts(db, rows, links)
    _emit(rows, columns, as_json, as_csv, "alerts")
    err.print(f"{len(rows)} alerts in {len(pairs)} series", highlight=False)
    if plot and pairs:
        from blocwatch.analysis.plots import plot_series

        marks: dict[str, list] = {}
        for r in rows:
            marks.setdefault(r["subject"], []).append(r["period"])
        label = value if series is None else "series value"
        plot_series({s.label: (s.dates, s.values) for s in pairs}, plot, f"{label}: alerts (k={k})", marks, label)


def _save_alerts(db: str | None, rows: list[dict], links: list[tuple[str, str]]) -> None:
    from blocwatch.store import open_store
    from blocwatch.store.duckdb_store import StoreError

    try:
        with open_store(db_location(db)) as store:
            run_id = store.start_run("analyze alerts")
            added = store.write_alerts(run_id, rows, links)
            store.finish_run(run_id, {})
    except StoreError as exc:
        raise fail(str(exc)) from None
    err.print(f"stored {added} new alerts ({len(links)} event links)", highlight=False)


@analyze_app.command()
@_guard
def alignment(
    votes: Annotated[Path, typer.Option(help="Directory with un_votes.csv(.gz) and un_roll_calls.csv "
                                             "(the unvotes data).")],
    session: Annotated[int, typer.Option(help="UN General Assembly session, e.g. 74 (2019-20).")],
    countries: Actors = DEFAULT_ACTORS,
    measure: Annotated[str, typer.Option(help="agreement (Voeten), s (Signorino-Ritter), pi (Scott) or kappa "
                                              "(Cohen).")] = "agreement",
    metric: Annotated[str | None, typer.Option(help="For s, pi, kappa: nominal, absolute or squared distance.")] = None,
    as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """UN General Assembly voting similarity between countries in one session."""
    import numpy as np

    from blocwatch.analysis.alignment import similarity_matrix
    from blocwatch.analysis.unvotes import agreement_matrix, load_votes, vote_profiles

    if measure not in ("agreement", "s", "pi", "kappa"):
        raise fail(f"--measure {measure}: use agreement, s, pi or kappa")
    names = list(_actors(countries))
    vote_file = next((votes / n for n in ("un_votes.csv.gz", "un_votes.csv") if (votes / n).exists()),
                     votes / "un_votes.csv.gz")
    data = load_votes(vote_file, votes / "un_roll_calls.csv")
    if measure == "agreement":
        names, matrix = agreement_matrix(data, session, names)
    else:
        names, matrix = similarity_matrix(vote_profiles(data, session, names), measure, metric=metric,
                                          scale_range=2.0 if metric != "nominal" else None)
    rows = [{"a": a, "b": b, measure: None if np.isnan(matrix[i, j]) else float(matrix[i, j])}
            for i, a in enumerate(names) for j, b in enumerate(names) if i < j]
    _emit(rows, None, as_json, as_csv, f"UNGA session {session}: {measure}")
    if plot:
        from blocwatch.analysis.plots import plot_heatmap

        plot_heatmap(matrix, names, names, plot, f"UNGA session {session}: {measure}", vmin=-1 if measure != "agreement"
                     else 0, vmax=1, label=measure)


@analyze_app.command()
@_guard
def report(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None,
    actors: Actors = DEFAULT_ACTORS, mode: Modes = None, min_events: MinEvents = 5, sign: Sign = "system",
    kmax: Annotated[int, typer.Option(help="Try 2..kmax blocs.")] = 3,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the Markdown report here.")] = None,
    plot: Plot = None,
) -> None:
    """Dyads, signed network, balance and blocs (whole span and by month) as a Markdown report."""
    from blocwatch.analysis.report import build_report, to_markdown

    run = _Run(db, events, since, until, "month", actors, mode, True, 1, min_events, plot)
    result = build_report(run.events, run.options, kmax=kmax, sign=sign, min_events=min_events)
    if not result.dyads:
        raise fail(f"{run.events.label}: no events among {actors} in that span (check --since/--until and --mode)")
    text = to_markdown(result, f"{', '.join(run.options.actors)}: system report")
    if out:
        out.write_text(text, encoding="utf-8")
        err.print(f"report → {out}", highlight=False)
    else:
        sys.stdout.write(text)
    if plot and result.network is not None:
        from blocwatch.analysis.plots import plot_network

        plot_network(result.network.actors, result.network.weights, plot,
                     f"Signed network and blocs, {since or 'start'} to {until or 'end'}",
                     result.blocs.doreian_mrvar if result.blocs else None)


def _normalised(normalise, values: dict, span: tuple, required: bool) -> dict:
    """Index a series to its base; a sub-index whose base is all zeros is left empty (NaN) rather than failing."""
    from blocwatch.analysis.errors import AnalysisInputError

    try:
        return normalise(values, span)
    except AnalysisInputError:
        if required:
            raise
        return dict.fromkeys(values, float("nan"))


def _period_start(key: str) -> date:
    """The first day of a period key: '2019-08-23', '2019-08', '2019-Q3' or '2019'."""
    if "Q" in key:
        return date(int(key[:4]), 3 * int(key[-1]) - 2, 1)
    return date.fromisoformat((key + "-01-01")[:10])


def _bloc_groups(text: str | None) -> dict[str, int]:
    """'USA,JPN,KOR/CHN,RUS,PRK' → actor → bloc number."""
    blocs: dict[str, int] = {}
    for number, group in enumerate((text or "").split("/")):
        for actor in _actors(group):
            blocs[actor] = number
    return blocs


@analyze_app.command()
@_guard
def power(
    nmc: Annotated[Path, typer.Option(help="COW National Material Capabilities CSV (ccode, year, milex, milper, "
                                           "irst, pec, tpop, upop).")],
    year: Annotated[int, typer.Option(help="The year to report.")],
    actors: Actors = DEFAULT_ACTORS,
    blocs: Annotated[str | None, typer.Option(help="Blocs to weigh, e.g. 'USA,JPN,KOR/CHN,RUS,PRK'.")] = None,
    as_json: Json = False, as_csv: Csv = False,
) -> None:
    """CINC recomputed from the six NMC components; concentration and poles; capability share per bloc."""
    from blocwatch.analysis.power import bloc_shares, cinc_by_iso3, cinc_from_components, polarity

    if not nmc.is_file():
        raise fail(f"{nmc}: no such NMC file; pass the COW capabilities CSV")
    cinc = cinc_by_iso3(cinc_from_components(nmc), year)
    if not cinc:
        raise fail(f"{nmc}: no capabilities for {year}; pick a year the file covers")
    names = [a for a in _actors(actors) if a in cinc]
    regional = {a: cinc[a] for a in names}
    total = sum(regional.values()) or 1.0
    rows = [{"actor": a, "cinc": cinc[a], "regional_share": cinc[a] / total} for a in names]
    _emit(rows, None, as_json, as_csv, f"capabilities {year}")
    scopes = []
    for label, shares in (("all states", cinc), ("these actors", regional)):
        p = polarity(list(shares.values()))
        scopes.append({"scope": label, "states": p.n, "hhi": p.hhi, "con": p.concentration,
                       "effective_poles": p.effective_poles})
    _emit(scopes, None, as_json, as_csv, f"concentration and polarity {year}")
    groups = _bloc_groups(blocs)
    if groups:
        shares = bloc_shares(regional, groups)
        _emit([{"bloc": ",".join(a for a, b in groups.items() if b == bloc), "capability_share": share}
               for bloc, share in sorted(shares.items())], None, as_json, as_csv, f"balance of power {year}")


@analyze_app.command()
@_guard
def risk(
    db: Db = None, since: Since = None, until: Until = None,
    period: Annotated[str, typer.Option(help="day, month, quarter or year.")] = "month",
    base: Annotated[str | None, typer.Option(help="Base span for 100, e.g. 2011-01:2011-12 (default: all periods).")]
    = None,
    countries: Actors = DEFAULT_ACTORS,
    as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """A Geopolitical-Risk-style index from the stored documents: share matching threat/act terms, base = 100."""
    from blocwatch.analysis.risk import country_series, normalise, risk_shares, share_series
    from blocwatch.lexicon.loader import load_lexicon
    from blocwatch.store import open_store
    from blocwatch.store.duckdb_store import StoreError

    if plot:
        from blocwatch.analysis.plots import check_plot_path

        check_plot_path(plot)
    try:
        with open_store(db_location(db), read_only=True) as store:
            docs = store.document_texts(_date("since", since), _date("until", until))
    except StoreError as exc:
        raise fail(str(exc)) from None
    if not docs:
        raise fail(f"{db_location(db)}: no dated documents in that span; ingest news first")
    states = _actors(countries)
    names = {code: [p.text for p in load_lexicon().phrases if p.kind == "state" and p.ref == code
                    and p.form in ("name", "adjective", "abbreviation", "capital")] for code in states}
    rows = risk_shares(docs, countries=names, period=period)
    keys = list(rows)
    span = tuple(base.split(":", 1)) if base else (keys[0], keys[-1])
    if len(span) != 2:
        raise fail(f"--base {base}: use START:END, e.g. 2011-01:2011-12")
    series = {"gpr": share_series(rows, "gpr"), "threats": share_series(rows, "threats"),
              "acts": share_series(rows, "acts")} | {c: country_series(rows, c) for c in states}
    indices = {name: _normalised(normalise, values, span, required=name == "gpr") for name, values in series.items()}
    table = [{"period": k, "documents": rows[k].documents, **{n: indices[n][k] for n in indices}} for k in keys]
    _emit(table, None, as_json, as_csv, f"geopolitical risk (base {span[0]}..{span[1]} = 100)")
    if plot:
        from blocwatch.analysis.plots import plot_series

        dates = [_period_start(k) for k in keys]
        lines = {n: (dates, [indices[n][k] for k in keys]) for n in ("gpr", "threats", "acts")}
        plot_series(lines, plot, "Geopolitical risk index", ylabel="index")


@analyze_app.command()
@_guard
def balance(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None, period: Period = "month",
    actors: Actors = DEFAULT_ACTORS, mode: Modes = None, min_events: MinEvents = 5, sign: Sign = "system",
    as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """Structural balance per window: triangle ratio, Estrada–Benzi walk index, frustration index."""
    from blocwatch.analysis.report import balance_summary

    run = _Run(db, events, since, until, period, actors, mode, True, 1, min_events, plot)
    rows = [{"period": net.period, **balance_summary(net)} for net in run.networks(sign)]
    _emit(rows, None, as_json, as_csv, "structural balance")
    if plot and rows:
        from blocwatch.analysis.plots import plot_series

        dates = [r["period"] for r in rows]
        plot_series({m: (dates, [r[m] for r in rows]) for m in ("triangle_ratio", "walk_balance")}, plot,
                    "Structural balance", ylabel="share balanced")


@analyze_app.command()
@_guard
def blocs(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None, period: Period = "month",
    actors: Actors = DEFAULT_ACTORS, mode: Modes = None, min_events: MinEvents = 5, sign: Sign = "system",
    kmax: Annotated[int, typer.Option(help="Try 2..kmax blocs (Doreian–Mrvar); SPONGE uses the chosen k.")] = 3,
    as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """Blocs per window by Doreian–Mrvar and SPONGE, with stability (adjusted Rand index vs the previous window)."""
    from blocwatch.analysis.blocs import bloc_stability
    from blocwatch.analysis.report import format_groups, network_blocs

    run = _Run(db, events, since, until, period, actors, mode, True, 1, min_events, plot)
    nets = run.networks(sign)
    found = [(n, b) for n in nets if (b := network_blocs(n, kmax)) is not None]
    stability = bloc_stability([b.doreian_mrvar for _, b in found])
    rows = [{"period": b.period, "k": b.k, "doreian_mrvar": format_groups(b.doreian_mrvar), "dm_error": b.dm_error,
             "sponge": format_groups(b.sponge), "methods_agree": b.methods_agree,
             "stability": stability[i - 1] if i else None} for i, (_, b) in enumerate(found)]
    _emit(rows, None, as_json, as_csv, "blocs")
    if plot and found:
        from blocwatch.analysis.plots import plot_network

        net, last = found[-1]
        plot_network(net.actors, net.weights, plot, f"Blocs, {last.period}", last.doreian_mrvar)


@analyze_app.command()
@_guard
def coreperiphery(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None,
    actors: Actors = DEFAULT_ACTORS, mode: Modes = None,
    as_json: Json = False, as_csv: Csv = False, plot: Plot = None,
) -> None:
    """Borgatti–Everett core and periphery of the interaction network (log event volume, whole span)."""
    import numpy as np

    from blocwatch.analysis.coreperiphery import continuous_core_periphery, discrete_core_periphery

    run = _Run(db, events, since, until, "all", actors, mode, True, 1, 1, plot)
    names = list(run.options.actors)
    matrix = np.zeros((len(names), len(names)))
    for r in run.dyads().to_pylist():
        i, j = names.index(r["source"]), names.index(r["target"])
        matrix[i, j] = matrix[j, i] = np.log1p(r["events"])
    if not matrix.any():
        raise fail(f"{run.events.label}: no interactions among {', '.join(names)} in that span")
    cont = continuous_core_periphery(matrix, names)
    disc = discrete_core_periphery(matrix, names)
    rows = [{"actor": a, "coreness": float(c), "core": a in disc.members} for a, c in cont.ranking()]
    _emit(rows, None, as_json, as_csv, f"core–periphery (continuous fit {cont.fit:.3f}, discrete fit {disc.fit:.3f})")
    if plot:
        from blocwatch.analysis.plots import plot_heatmap

        order = [names.index(a) for a, _ in cont.ranking()]
        plot_heatmap(matrix[np.ix_(order, order)], [names[i] for i in order], [names[i] for i in order], plot,
                     "Interaction volume, core first (log events)", vmin=-matrix.max(), vmax=matrix.max(),
                     label="log(1 + events)")


@_guard
def html_report(
    db: Db = None, events: EventsFile = None, since: Since = None, until: Until = None,
    actors: Actors = DEFAULT_ACTORS, mode: Modes = None, min_events: MinEvents = 5, sign: Sign = "system",
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("report.html"),
    title: Annotated[str, typer.Option(help="Report title.")] = "Northeast Asia: the state of the system",
    period: Annotated[str, typer.Option(help="Blocs, alerts and change points per month, quarter or year.")]
    = "month",
    window: Annotated[int, typer.Option(help="Alert baseline: the preceding N periods.")] = 6,
) -> None:
    """A self-contained HTML report (inline charts, works offline) of the system for a window."""
    from blocwatch.analysis.html_report import build_html

    if out.suffix.lower() not in (".html", ".htm"):
        raise fail(f"--out {out}: the report is HTML; use a .html file name")
    run = _Run(db, events, since, until, "month", actors, mode, True, 1, min_events)
    if period not in ("month", "quarter", "year"):
        raise fail(f"--period {period}: use month, quarter or year")
    page = build_html(run.events, run.options, title=title, sign=sign, min_events=min_events, period=period,
                      window=window, min_periods=2)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    err.print(f"report → {out}", highlight=False)
