"""The state of the system in a window: signed network and blocs, capabilities, the dyads that changed most,
and one actor's relations — all from the analysis package, cached by window and store version."""

from __future__ import annotations

import math
from dataclasses import asdict
from datetime import date
from typing import Any

import pyarrow as pa

from blocwatch.analysis.dyads import NEASIA, DyadOptions, dyad_table
from blocwatch.analysis.html_report import capability_summary
from blocwatch.analysis.network import SignedNetwork, signed_networks
from blocwatch.analysis.plots import BLOC_COLOURS
from blocwatch.analysis.report import BlocResult, Report, balance_summary, format_groups, network_blocs
from blocwatch.web.access import StoreAccess
from blocwatch.web.alerts import latest_alerts
from blocwatch.web.cache import Memo
from blocwatch.web.params import Window

TREND_STEP = 0.05
"""A change of net cooperation smaller than this between two windows reads as no change."""
UNTIED_COLOUR = "#b8bec9"


def latest_date(access: StoreAccess, memo: Memo) -> date | None:
    """The latest event date in the store (the default end of every window)."""

    def compute() -> date | None:
        with access.events() as events:
            return events.con.execute("SELECT max(date) FROM ev").fetchone()[0]

    return memo.get(("latest", access.version), compute)


def window_dyads(access: StoreAccess, memo: Memo, window: Window, min_events: int,
                 actors: tuple[str, ...] = NEASIA) -> pa.Table:
    """Undirected dyads of the window, summed over the whole window (``analysis.dyads.dyad_table``)."""
    options = DyadOptions(period="all", actors=actors, since=window.since, until=window.until, undirected=True,
                          min_events=min_events)

    def compute() -> pa.Table:
        with access.events() as events:
            return dyad_table(events, options)

    return memo.get(("dyads", access.version, options.since, options.until, min_events, actors), compute)


def _layout(net: SignedNetwork | None, blocs: BlocResult | None, size: int = 380) -> dict[str, Any]:
    """Nodes on a circle (first actor at the top, clockwise) and edges with their geometry, for inline SVG."""
    actors = list(NEASIA) if net is None else net.actors
    centre, radius = size / 2, size / 2 - 48
    labels = blocs.doreian_mrvar if blocs is not None else {}
    nodes = []
    for i, actor in enumerate(actors):
        angle = 2 * math.pi * i / len(actors)
        bloc = labels.get(actor, -1)
        nodes.append({"actor": actor, "bloc": bloc, "x": round(centre + radius * math.sin(angle), 1),
                      "y": round(centre - radius * math.cos(angle), 1),
                      "colour": BLOC_COLOURS[bloc % len(BLOC_COLOURS)] if bloc >= 0 else UNTIED_COLOUR})
    where = {n["actor"]: n for n in nodes}
    edges = []
    if net is not None:
        top = max((abs(w) for _, _, w, _ in net.edges()), default=1.0) or 1.0
        for a, b, weight, events in net.edges():
            edges.append({"a": a, "b": b, "weight": weight, "events": events, "sign": "pos" if weight > 0 else "neg",
                          "width": round(1 + 5 * abs(weight) / top, 2), "x1": where[a]["x"], "y1": where[a]["y"],
                          "x2": where[b]["x"], "y2": where[b]["y"]})
    return {"size": size, "nodes": nodes, "edges": edges}


def _finite(value: Any) -> Any:
    return None if isinstance(value, float) and math.isnan(value) else value


def changed_dyads(current: pa.Table, previous: pa.Table, limit: int = 10) -> list[dict[str, Any]]:
    """Dyads by how much their net cooperation moved between the previous window and this one."""
    now = {(r["source"], r["target"]): r for r in current.to_pylist()}
    before = {(r["source"], r["target"]): r for r in previous.to_pylist()}
    rows = []
    for a, b in now.keys() | before.keys():
        n, p = now.get((a, b)) or {}, before.get((a, b)) or {}
        nc, nc_before = _finite(n.get("nc")), _finite(p.get("nc"))
        delta = nc - nc_before if nc is not None and nc_before is not None else None
        rows.append({"a": a, "b": b, "nc": nc, "nc_previous": nc_before, "delta": delta,
                     "trend": trend(delta, nc, nc_before), "events": n.get("events", 0),
                     "events_previous": p.get("events", 0)})
    rows.sort(key=lambda r: (r["delta"] is None, -abs(r["delta"] or 0.0), -r["events"], r["a"], r["b"]))
    return rows[:limit]


def trend(delta: float | None, now: float | None, before: float | None) -> str:
    """up / down / flat between two windows; new (no value before) or none (no value now)."""
    if now is None:
        return "none"
    if before is None or delta is None:
        return "new"
    if delta > TREND_STEP:
        return "up"
    return "down" if delta < -TREND_STEP else "flat"


def _capability_block(net: SignedNetwork | None, blocs: BlocResult | None, year: int) -> dict[str, Any] | None:
    report = Report(options=DyadOptions(), dyads=[], network=net, balance={}, blocs=blocs)
    found = capability_summary(report, year)
    if found is None:
        return None
    out: dict[str, Any] = {"year": found["year"], "polarity": asdict(found["polarity"]),
                           "shares": [{"actor": a, "share": s} for a, s in found["shares"]]}
    out["blocs"] = [{"members": members, "share": share} for members, share in found.get("blocs", [])]
    return out


def overview(access: StoreAccess, memo: Memo, window: Window, min_events: int) -> dict[str, Any]:
    """Everything the overview shows for one window (cached)."""

    def compute() -> dict[str, Any]:
        table = window_dyads(access, memo, window, min_events)
        previous = window_dyads(access, memo, window.previous(), min_events)
        nets = signed_networks(table, NEASIA) if table.num_rows else []
        net = nets[0] if nets else None
        blocs = network_blocs(net) if net is not None else None
        return {
            "window": window.as_dict(),
            "min_events": min_events,
            "actors": list(NEASIA),
            "events": int(sum(table.column("events").to_pylist())) if table.num_rows else 0,
            "network": _layout(net, blocs),
            "blocs": None if blocs is None else {
                "k": blocs.k, "error": blocs.dm_error, "doreian_mrvar": blocs.doreian_mrvar, "sponge": blocs.sponge,
                "groups": format_groups(blocs.doreian_mrvar), "sponge_groups": format_groups(blocs.sponge),
                "methods_agree": blocs.methods_agree},
            "balance": balance_summary(net) if net is not None else {},
            "capabilities": _capability_block(net, blocs, window.until.year),
            "changed": changed_dyads(table, previous),
            "alerts": latest_alerts(access, limit=10),
        }

    return memo.get(("overview", access.version, window, min_events), compute)


def actor_relations(access: StoreAccess, memo: Memo, code: str, window: Window, min_events: int) -> dict[str, Any]:
    """One state's relations with every other state: NC now and before, the trend, the QuadClass counts."""

    def compute() -> dict[str, Any]:
        actors = NEASIA if code in NEASIA else (*NEASIA, code)
        now, before = ({(r["source"], r["target"]): r
                        for r in window_dyads(access, memo, w, min_events, actors).to_pylist()}
                       for w in (window, window.previous()))
        rows = []
        for other in actors:
            if other == code:
                continue
            pair = (min(code, other), max(code, other))
            n, p = now.get(pair) or {}, before.get(pair) or {}
            nc, nc_before = _finite(n.get("nc")), _finite(p.get("nc"))
            delta = nc - nc_before if nc is not None and nc_before is not None else None
            rows.append({"other": other, "nc": nc, "nc_previous": nc_before, "delta": delta,
                         "trend": trend(delta, nc, nc_before), "events": n.get("events", 0),
                         "events_previous": p.get("events", 0), "vc": n.get("vc", 0), "mc": n.get("mc", 0),
                         "vk": n.get("vk", 0), "mk": n.get("mk", 0),
                         "goldstein_mean": _finite(n.get("goldstein_mean"))})
        return {"actor": code, "known": code in NEASIA, "window": window.as_dict(), "min_events": min_events,
                "relations": rows, "events": sum(r["events"] for r in rows),
                "alerts": latest_alerts(access, actor=code, limit=10)}

    return memo.get(("actor", access.version, code, window, min_events), compute)
