"""A system report for one span: who interacted how much, how cooperatively, in which blocs, how balanced.

It combines the other measures the way an analyst reads a period: the
undirected dyads among the chosen states with QuadClass counts and net
cooperation; the signed network of the whole span (signs relative to the
span's mean NC, see ``network``); its structural balance (triangle ratio,
Estrada–Benzi walk index, frustration index); blocs by Doreian–Mrvar
relocation (best k up to ``kmax``) and by SPONGE with the same k; and the
monthly blocs with their stability (adjusted Rand index between consecutive
months). ``to_markdown`` renders it for reading or committing beside plots.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from blocwatch.analysis.balance import frustration_index, triangle_balance, walk_balance
from blocwatch.analysis.blocs import best_k, bloc_stability, same_partition, sponge
from blocwatch.analysis.dyads import DyadOptions, dyad_table
from blocwatch.analysis.events import EventSet
from blocwatch.analysis.network import SignedNetwork, signed_networks


@dataclass
class BlocResult:
    """Blocs in one window by both methods."""

    period: Any
    k: int
    doreian_mrvar: dict[str, int]
    dm_error: float
    sponge: dict[str, int]

    @property
    def methods_agree(self) -> bool:
        actors = [a for a in self.doreian_mrvar if self.doreian_mrvar[a] >= 0]
        return same_partition([self.doreian_mrvar[a] for a in actors], [self.sponge[a] for a in actors])


@dataclass
class Report:
    options: DyadOptions
    dyads: list[dict[str, Any]]
    network: SignedNetwork | None
    balance: dict[str, Any]
    blocs: BlocResult | None
    monthly: list[BlocResult] = field(default_factory=list)
    stability: list[float] = field(default_factory=list)
    bloc_period: str = "month"


def network_blocs(net: SignedNetwork, kmax: int = 3) -> BlocResult | None:
    """Doreian–Mrvar (best k ≤ kmax) and SPONGE (same k) on one signed network; None if too sparse."""
    tied = int((np.abs(net.weights).sum(axis=1) > 0).sum())
    if tied < 3:
        return None
    part = best_k(net.weights, kmax)
    labels = sponge(net.weights, part.k)
    return BlocResult(net.period, part.k, dict(zip(net.actors, part.labels.tolist(), strict=True)), part.error,
                      dict(zip(net.actors, labels.tolist(), strict=True)))


def balance_summary(net: SignedNetwork) -> dict[str, Any]:
    tri = triangle_balance(net.weights)
    frustration = frustration_index(net.weights)
    return {
        "ties": int(np.count_nonzero(np.triu(net.weights))),
        "negative_ties": int(np.count_nonzero(np.triu(net.weights) < 0)),
        "triangles": tri.total,
        "balanced_triangles": tri.balanced,
        "triangle_ratio": tri.ratio,
        "walk_balance": walk_balance(net.weights),
        "frustration_index": frustration.value,
        "frustration_exact": frustration.exact,
    }


def build_report(events: EventSet, options: DyadOptions, kmax: int = 3, sign: str = "system",
                 min_events: int = 5, bloc_period: str = "month") -> Report:
    """The report for the span in ``options`` (its period is ignored: the span, then each ``bloc_period``)."""
    span = replace(options, period="all", undirected=True, rolling=1, min_events=min_events)
    table = dyad_table(events, span)
    rows = sorted(table.to_pylist(), key=lambda r: -r["events"])
    nets = signed_networks(table, options.actors, method=sign)
    net = nets[0] if nets else None
    monthly_table = dyad_table(events, replace(span, period=bloc_period))
    monthly = [b for b in (network_blocs(n, kmax) for n in signed_networks(monthly_table, options.actors, method=sign))
               if b is not None]
    return Report(
        options=options,
        dyads=rows,
        network=net,
        balance=balance_summary(net) if net is not None else {},
        blocs=network_blocs(net, kmax) if net is not None else None,
        monthly=monthly,
        stability=bloc_stability([b.doreian_mrvar for b in monthly]),
        bloc_period=bloc_period,
    )


def format_groups(labels: dict[str, int]) -> str:
    groups: dict[int, list[str]] = {}
    for actor, label in labels.items():
        if label >= 0:
            groups.setdefault(label, []).append(actor)
    return " · ".join("{" + ", ".join(members) + "}" for _, members in sorted(groups.items()))


def _number(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def to_markdown(report: Report, title: str = "System report") -> str:
    """The report as Markdown."""
    o = report.options
    span = f"{o.since or 'start'} to {o.until or 'end'}"
    lines = [f"# {title}", "", f"Span: {span}. States: {', '.join(o.actors)}. Modes: {', '.join(o.modes)}.", "",
             "## Dyads (both directions summed)", "",
             "| dyad | events | VC | MC | VK | MK | Goldstein mean | NC |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in report.dyads:
        lines.append(f"| {r['source']}–{r['target']} | {r['events']} | {r['vc']} | {r['mc']} | {r['vk']} | {r['mk']} "
                     f"| {_number(r['goldstein_mean'])} | {_number(r['nc'])} |")
    if report.network is not None:
        lines += ["", "## Signed network", "", "Ties are signed relative to the span's volume-weighted mean NC "
                  "(positive: more cooperative than the system as a whole).", ""]
        lines += [f"- {a}–{b}: {w:+.3f} ({v} events)" for a, b, w, v in report.network.edges()]
        lines += ["", "## Balance", ""] + [f"- {k}: {_number(v)}" for k, v in report.balance.items()]
    if report.blocs is not None:
        b = report.blocs
        lines += ["", "## Blocs", "",
                  f"- Doreian–Mrvar (k = {b.k}, error {b.dm_error:.3f}): {format_groups(b.doreian_mrvar)}",
                  f"- SPONGE (k = {b.k}): {format_groups(b.sponge)}",
                  f"- The two methods {'agree' if b.methods_agree else 'differ'}."]
    if report.monthly:
        lines += ["", f"## Blocs by {report.bloc_period}", "",
                  f"| {report.bloc_period} | k | Doreian–Mrvar | SPONGE | stability (ARI vs previous) |",
                  "|---|---:|---|---|---:|"]
        for i, m in enumerate(report.monthly):
            stab = _number(report.stability[i - 1]) if i else "–"
            groups = f"{format_groups(m.doreian_mrvar)} | {format_groups(m.sponge)}"
            lines.append(f"| {m.period} | {m.k} | {groups} | {stab} |")
    return "\n".join(lines) + "\n"
