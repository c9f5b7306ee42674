"""A self-contained HTML report of the state of the system for a window: inline SVG charts, no network.

It gathers the span report (dyads, signed network, balance, blocs by two methods
and by month), the capability shares of the detected blocs (published CINC of
the latest year not after the span, the balance of power), the months where a
dyad left its rolling baseline (with the sentences behind them), the change
points of each dyad's monthly NC, and example evidence sentences for the most
active dyads, so every figure can be traced back to the text that produced it.
Rendered with a Jinja2 template shipped as package data.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from blocwatch.analysis.alerts import period_end, series_alerts, series_change_points
from blocwatch.analysis.dyads import DyadOptions, dyad_events, dyad_table
from blocwatch.analysis.events import EventSet
from blocwatch.analysis.plots import plot_heatmap, plot_network
from blocwatch.analysis.power import bloc_shares, polarity, shipped_cinc
from blocwatch.analysis.report import Report, build_report, format_groups
from blocwatch.analysis.series import dyad_series


@dataclass
class Evidence:
    date: date
    pair: str
    code: str
    quad_class: int | None
    sentence: Markup


def highlight(sentence: str | None, *parts: str | None) -> Markup:
    """The sentence, HTML-escaped, with the trigger and actor texts marked."""
    text = html.escape(sentence or "")
    for part in sorted({p for p in parts if p}, key=len, reverse=True):
        escaped = html.escape(part)
        if escaped and escaped in text:
            text = text.replace(escaped, f"<mark>{escaped}</mark>", 1)
    return Markup(text)


def _evidence(events: EventSet, pair: tuple[str, str], start: date, end: date, options: DyadOptions,
              limit: int) -> list[Evidence]:
    rows = dyad_events(events, pair[0], pair[1], start, end, options, limit=limit).to_pylist()
    return [Evidence(r["date"], f"{r['source']} → {r['target']}", r["code"], r["quad_class"],
                     highlight(r["sentence"], r["trigger"], r["source_text"], r["target_text"]))
            for r in rows if r["sentence"]]


def capability_summary(report: Report, year: int) -> dict[str, Any] | None:
    try:
        cinc_year, cinc = shipped_cinc(year)
    except ValueError:
        return None
    actors = [a for a in report.options.actors if a in cinc]
    total = sum(cinc[a] for a in actors) or 1.0
    shares = {a: cinc[a] / total for a in actors}
    result: dict[str, Any] = {"year": cinc_year, "shares": sorted(shares.items(), key=lambda kv: -kv[1]),
                              "polarity": polarity(list(shares.values()))}
    if report.blocs is not None:
        labels = {a: b for a, b in report.blocs.doreian_mrvar.items() if b >= 0 and a in shares}
        by_bloc = bloc_shares(shares, labels)
        result["blocs"] = [(", ".join(a for a, b in labels.items() if b == bloc), share)
                           for bloc, share in sorted(by_bloc.items(), key=lambda kv: -kv[1])]
    return result


def build_html(events: EventSet, options: DyadOptions, title: str = "System report", kmax: int = 3,
               sign: str = "system", min_events: int = 5, period: str = "month", window: int = 6, k: float = 2.0,
               min_periods: int | None = None) -> str:
    """Render the report for the span in ``options`` as one HTML page; blocs, alerts and change points are
    computed per ``period`` (alerts against the preceding ``window`` periods)."""
    report = build_report(events, options, kmax=kmax, sign=sign, min_events=min_events, bloc_period=period)
    monthly_options = replace(options, period=period, undirected=True, min_events=min_events)
    monthly = dyad_table(events, monthly_options)
    series = dyad_series(monthly, "nc", period) if monthly.num_rows else []
    alerts = sorted(series_alerts(series, "nc", window=window, k=k, min_periods=min_periods),
                    key=lambda a: a["period"], reverse=True)[:12]
    for alert in alerts:
        a, b = alert["subject"].split("–")
        alert["evidence"] = _evidence(events, (a, b), alert["period"], period_end(alert["period"], period),
                                      monthly_options, 3)
    changes = series_change_points(series) if series else []
    charts = {}
    if report.network is not None:
        charts["network"] = Markup(plot_network(report.network.actors, report.network.weights, None,
                                                "Signed ties and blocs (Doreian–Mrvar)",
                                                report.blocs.doreian_mrvar if report.blocs else None))
    if series:
        periods = sorted({d for s in series for d in s.dates})
        matrix = np.full((len(series), len(periods)), np.nan)
        for row, s in enumerate(series):
            for d, v in zip(s.dates, s.values, strict=True):
                matrix[row, periods.index(d)] = v
        months = [p.strftime("%Y-%m") for p in periods]
        charts["heatmap"] = Markup(plot_heatmap(matrix, [s.label for s in series], months, None,
                                                f"Net cooperation by dyad and {period}", label="NC"))
    start = options.since or (min(r["period"] for r in report.dyads) if report.dyads else date.today())
    end = options.until or date.today()
    span_options = replace(options, undirected=True)
    evidence = {f"{r['source']}–{r['target']}": _evidence(events, (r["source"], r["target"]), start,
                                                          end + timedelta(days=1), span_options, 3)
                for r in report.dyads[:8]}
    env = Environment(loader=PackageLoader("blocwatch.analysis", "templates"), autoescape=select_autoescape())
    env.filters["num"] = lambda v, digits=3: "–" if v is None or (isinstance(v, float) and np.isnan(v)) \
        else f"{v:.{digits}f}"
    env.filters["groups"] = format_groups
    return env.get_template("report.html").render(
        title=title, report=report, options=options, charts=charts, alerts=alerts, changes=changes,
        evidence=evidence, period=period, capabilities=capability_summary(report, end.year), source=events.label,
        events_total=sum(r["events"] for r in report.dyads),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
