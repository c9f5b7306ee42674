"""Alerts and change points on pair series, with the events that drove each alert.

A baseline alert fires when a dyad's value (NC by default) in a period leaves the
mean of its preceding ``window`` periods by more than ``k`` standard deviations
(``change.baseline_alerts``). Each alert gets a stable id (kind, pair, measure,
period and the settings), so re-running adds nothing twice, and is linked to the
events of that dyad in that period, so an analyst can read the sentences behind
it. Change points come from ``change.change_points`` (PELT by default) and are
reported with the segment means on either side.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import numpy as np

from blocwatch.analysis.change import baseline_alerts, change_points
from blocwatch.analysis.dyads import DyadOptions, dyad_events
from blocwatch.analysis.events import EventSet
from blocwatch.analysis.series import PairSeries


def period_end(start: date, period: str) -> date:
    """The first day after the period that begins on ``start``."""
    if period == "day":
        return start + timedelta(days=1)
    if period == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def _alert_id(*parts: object) -> str:
    return "alert:" + hashlib.blake2b("\t".join(map(str, parts)).encode(), digest_size=10).hexdigest()


def series_alerts(series: list[PairSeries], measure: str, window: int = 12, k: float = 2.0,
                  min_periods: int | None = None) -> list[dict[str, Any]]:
    """Baseline alerts for every series, as store rows (``min_periods`` observed values needed in the window)."""
    rows = []
    for s in series:
        for alert in baseline_alerts(s.dates, s.values, window=window, k=k, min_periods=min_periods):
            rows.append({
                "alert_id": _alert_id("baseline", s.label, measure, alert.date, window, k),
                "kind": "baseline",
                "subject": s.label,
                "measure": measure,
                "period": alert.date,
                "value": float(alert.value),
                "baseline": float(alert.baseline_mean),
                "spread": float(alert.baseline_sd),
                "z": float(alert.z),
                "direction": alert.direction,
                "detail": f"{measure} {alert.value:+.2f} vs {window}-period mean {alert.baseline_mean:+.2f} "
                          f"(sd {alert.baseline_sd:.2f}, z {alert.z:+.1f})",
            })
    return rows


def alert_evidence(events: EventSet, alerts: list[dict[str, Any]], options: DyadOptions,
                   per_alert: int = 200) -> list[tuple[str, str]]:
    """(alert id, event id) links: the events of the alert's dyad in the alert's period."""
    links = []
    for alert in alerts:
        a, b = alert["subject"].split("–")
        start = alert["period"]
        table = dyad_events(events, a, b, start, period_end(start, options.period), options, limit=per_alert)
        links += [(alert["alert_id"], e) for e in table.column("event_id").to_pylist()]
    return links


def series_change_points(series: list[PairSeries], method: str = "pelt", penalty: float | None = None,
                         n_bkps: int | None = None) -> list[dict[str, Any]]:
    """One row per change point: pair, date, the means before and after."""
    rows = []
    for s in series:
        observed = ~np.isnan(s.values)
        if observed.sum() < 4:
            continue
        breaks = change_points(s.values, method=method, penalty=penalty, n_bkps=n_bkps)
        edges = [0, *breaks, len(s.values)]
        for i, at in enumerate(breaks):
            before = s.values[edges[i]:at]
            after = s.values[at:edges[i + 2]]
            rows.append({
                "pair": s.label,
                "date": s.dates[at],
                "before_mean": float(np.nanmean(before)) if np.any(~np.isnan(before)) else None,
                "after_mean": float(np.nanmean(after)) if np.any(~np.isnan(after)) else None,
            })
    return rows
