"""Stored alerts (``blocwatch alerts`` writes them) for pages, feeds and the digest: filtered by dyad or actor."""

from __future__ import annotations

from typing import Any

import duckdb

from blocwatch.web.access import StoreAccess

DASH = "–"  # alert subjects are pair labels such as "JPN–KOR" (analysis.series.PairSeries.label)

_SELECT = """
    SELECT a.alert_id, a.kind, a.subject, a.measure, a.period, a.value, a.baseline, a.spread, a.z, a.direction,
           a.detail, a.created, (SELECT count(*) FROM alert_events l WHERE l.alert_id = a.alert_id) AS events
    FROM alerts a"""


def split_subject(subject: str) -> tuple[str, str] | None:
    """("JPN", "KOR") from "JPN–KOR"; None for subjects that are not state pairs."""
    for dash in (DASH, "-"):
        parts = subject.split(dash)
        if len(parts) == 2 and all(len(p) == 3 and p.isalpha() and p.isupper() for p in parts):
            return parts[0], parts[1]
    return None


def query_alerts(cur: duckdb.DuckDBPyConnection, pair: tuple[str, str] | None = None, actor: str | None = None,
                 limit: int = 50) -> list[dict[str, Any]]:
    """Alerts newest period first; ``pair`` matches both orders, ``actor`` either side. Values are parameters."""
    where, params = [], []
    if pair is not None:
        a, b = pair
        where.append("a.subject IN (?, ?, ?, ?)")
        params += [f"{a}{DASH}{b}", f"{b}{DASH}{a}", f"{a}-{b}", f"{b}-{a}"]
    if actor is not None:
        where.append("(split_part(replace(a.subject, ?, '-'), '-', 1) = ? OR "
                     "split_part(replace(a.subject, ?, '-'), '-', 2) = ?)")
        params += [DASH, actor, DASH, actor]
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY a.period DESC, a.subject, a.alert_id LIMIT ?"
    rows = cur.execute(sql, [*params, limit]).fetchall()
    columns = [d[0] for d in cur.description]
    out = []
    for row in rows:
        item = dict(zip(columns, row, strict=True))
        pair_of = split_subject(item["subject"])
        item["a"], item["b"] = pair_of if pair_of else (None, None)
        out.append(item)
    return out


def latest_alerts(access: StoreAccess, pair: tuple[str, str] | None = None, actor: str | None = None,
                  limit: int = 50) -> list[dict[str, Any]]:
    """``query_alerts`` on a cursor of the shared store; empty for stores without an alerts table."""
    if not access.has_alerts:
        return []
    with access.cursor() as cur:
        return query_alerts(cur, pair, actor, limit)
