"""One dyad month by month: QuadClass counts and net cooperation on a complete calendar, its change points
(``analysis.alerts.series_change_points``) and the stored alerts about it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np

from blocwatch.analysis.alerts import period_end, series_change_points
from blocwatch.analysis.dyads import NEASIA, DyadOptions, dyad_table
from blocwatch.analysis.series import PairSeries
from blocwatch.web.access import StoreAccess
from blocwatch.web.alerts import latest_alerts
from blocwatch.web.cache import Memo

COUNTS = ("events", "vc", "mc", "vk", "mk")


def month_start(day: date) -> date:
    return day.replace(day=1)


def months_between(first: date, last: date) -> list[date]:
    """Every month start from ``first``'s month to ``last``'s month."""
    out, current = [], month_start(first)
    while current <= last:
        out.append(current)
        current = period_end(current, "month")
    return out


def monthly_dyads(access: StoreAccess, memo: Memo, since: date | None, until: date | None,
                  min_events: int) -> dict[tuple[str, str], dict[date, dict[str, Any]]]:
    """Monthly undirected dyad rows of all eight states in one pass, by pair and month (cached): every dyad page
    of a span is a slice of it."""
    options = DyadOptions(period="month", since=since, until=until, undirected=True, min_events=min_events)

    def compute() -> dict[tuple[str, str], dict[date, dict[str, Any]]]:
        with access.events() as events:
            table = dyad_table(events, options)
        out: dict[tuple[str, str], dict[date, dict[str, Any]]] = {}
        for row in table.to_pylist():
            out.setdefault((row["source"], row["target"]), {})[row["period"]] = row
        return out

    return memo.get(("monthly", access.version, since, until, min_events), compute)


def dyad_view(access: StoreAccess, memo: Memo, pair: tuple[str, str], since: date | None, until: date | None,
              latest: date | None, min_events: int) -> dict[str, Any]:
    """Monthly counts and NC of the undirected dyad, change points and alerts (cached)."""
    a, b = sorted(pair)

    def compute() -> dict[str, Any]:
        if a in NEASIA and b in NEASIA:
            rows = monthly_dyads(access, memo, since, until, min_events).get((a, b), {})
        else:  # a state outside the eight: its own pass
            options = DyadOptions(period="month", actors=(a, b), since=since, until=until, undirected=True,
                                  min_events=min_events)
            with access.events() as events:
                rows = {r["period"]: r for r in dyad_table(events, options).to_pylist()}
        months: list[dict[str, Any]] = []
        if rows:
            last = until or max(latest or max(rows), max(rows))
            for start in months_between(since or min(rows), last):
                row = rows.get(start, {})
                nc = row.get("nc")
                months.append({"month": start, "until": period_end(start, "month") - timedelta(days=1),
                               **{c: int(row.get(c) or 0) for c in COUNTS},
                               "nc": None if nc is None or np.isnan(nc) else float(nc)})
        values = np.array([np.nan if m["nc"] is None else m["nc"] for m in months], dtype=float)
        series = PairSeries((a, b), [m["month"] for m in months], values)
        changes = series_change_points([series]) if months else []
        alerts = latest_alerts(access, pair=(a, b), limit=200)
        marked = {c["date"] for c in changes}
        alerted = {x["period"] for x in alerts}
        for m in months:
            m["change_point"] = m["month"] in marked
            m["alert"] = m["month"] in alerted
        return {"a": a, "b": b, "since": since, "until": until, "min_events": min_events, "months": months,
                "events": sum(m["events"] for m in months), "change_points": changes, "alerts": alerts}

    return memo.get(("dyad", access.version, a, b, since, until, latest, min_events), compute)
