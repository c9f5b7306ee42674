"""Dyad series: per directed (or undirected) dyad and period, event counts by QuadClass and net cooperation.

The measures are the standard ones of event-data research (Goldstein 1992;
the GDELT and ICEWS codebooks): counts of verbal cooperation (VC, QuadClass 1),
material cooperation (MC, 2), verbal conflict (VK, 3) and material conflict
(MK, 4); the Goldstein sum and mean; and net cooperation
NC = (VC + MC − VK − MK) / (VC + MC + VK + MK), in [−1, 1]. Mention-weighted
variants weight each event by its number of mentions (GDELT's NumMentions).
Actors are reduced to states by their three-letter CAMEO prefix (``USAGOV`` →
``USA``), so a dyad is state-to-state; self-dyads are left out. Only asserted
events count unless other modes are asked for. Rolling windows sum the counts
of the last *w* periods over a complete period grid (periods without events
count as zero); a dyad-period with fewer events than ``min_events`` keeps its
counts but has no NC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from blocwatch.analysis.events import MODES, AnalysisInputError, EventSet

NEASIA = ("USA", "CHN", "JPN", "KOR", "PRK", "RUS", "MNG", "TWN")
PERIODS = ("day", "week", "month", "quarter", "year", "all")
COUNT_COLUMNS = ("events", "vc", "mc", "vk", "mk", "goldstein_sum", "mentions", "vc_w", "mc_w", "vk_w", "mk_w")


@dataclass(frozen=True)
class DyadOptions:
    """What to aggregate and how."""

    period: str = "month"
    actors: tuple[str, ...] = NEASIA
    modes: tuple[str, ...] = ("asserted",)
    since: date | None = None
    until: date | None = None
    undirected: bool = False
    rolling: int = 1
    min_events: int = 1
    extra_where: list[str] = field(default_factory=list)

    def check(self) -> None:
        if self.period not in PERIODS:
            raise AnalysisInputError(f"--period {self.period}: use one of {', '.join(PERIODS)}")
        bad = [m for m in self.modes if m not in MODES]
        if bad:
            raise AnalysisInputError(f"--mode {bad[0]}: use one of {', '.join(MODES)}")
        bad = [a for a in self.actors if len(a) != 3 or not a.isalpha() or not a.isupper()]
        if bad:
            raise AnalysisInputError(f"--actors {bad[0]}: use three-letter upper-case state codes such as USA,CHN")
        if self.rolling > 1 and self.period == "all":
            raise AnalysisInputError("--rolling needs a calendar period (day, week, month, quarter or year)")
        if self.rolling < 1:
            raise AnalysisInputError(f"--rolling {self.rolling}: use a window of at least 1 period")
        if self.min_events < 1:
            raise AnalysisInputError(f"--min-events {self.min_events}: use at least 1")


def _quote(values: tuple[str, ...]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def _filtered(options: DyadOptions) -> tuple[str, list]:
    """The per-event select: period, state dyad, quad class, Goldstein, mentions."""
    where = [f"mode IN ({_quote(options.modes)})", "a IN (" + _quote(options.actors) + ")",
             "b IN (" + _quote(options.actors) + ")", "a <> b"]
    params: list = []
    if options.since:
        where.append("date >= ?")
        params.append(options.since)
    if options.until:
        where.append("date <= ?")
        params.append(options.until)
    where += options.extra_where
    a, b = "substr(source, 1, 3)", "substr(target, 1, 3)"
    if options.undirected:
        a, b = f"least({a}, {b})", f"greatest({a}, {b})"
    period = f"date_trunc('{options.period}', date)::DATE"
    if options.period == "all":  # one period for the whole span, labelled by its first day
        period = f"DATE '{options.since.isoformat()}'" if options.since else "min(date) OVER ()"
    inner = (f"SELECT {period} AS period, {a} AS a, {b} AS b, quad_class AS q, "
             f"goldstein AS g, num_mentions AS m, mode, date FROM ev WHERE source IS NOT NULL AND target IS NOT NULL "
             f"AND date IS NOT NULL")
    return f"SELECT * FROM ({inner}) WHERE " + " AND ".join(where), params


_AGGREGATES = """count(*) AS events,
    count(*) FILTER (WHERE q = 1) AS vc, count(*) FILTER (WHERE q = 2) AS mc,
    count(*) FILTER (WHERE q = 3) AS vk, count(*) FILTER (WHERE q = 4) AS mk,
    coalesce(sum(g), 0) AS goldstein_sum, sum(m) AS mentions,
    coalesce(sum(m) FILTER (WHERE q = 1), 0) AS vc_w, coalesce(sum(m) FILTER (WHERE q = 2), 0) AS mc_w,
    coalesce(sum(m) FILTER (WHERE q = 3), 0) AS vk_w, coalesce(sum(m) FILTER (WHERE q = 4), 0) AS mk_w"""


def _rolled(options: DyadOptions, grouped: str) -> str:
    """Sums over the last ``rolling`` periods, on a complete period × dyad grid."""
    step = f"INTERVAL 1 {options.period}"
    sums = ", ".join(
        f"sum(coalesce(x.{c}, 0)) OVER (PARTITION BY d.a, d.b ORDER BY p.period "
        f"ROWS BETWEEN {options.rolling - 1} PRECEDING AND CURRENT ROW) AS {c}"
        for c in COUNT_COLUMNS
    )
    return f"""
        WITH x AS ({grouped}),
        p AS (SELECT unnest(generate_series(min(period), max(period), {step}))::DATE AS period FROM x),
        d AS (SELECT DISTINCT a, b FROM x)
        SELECT p.period, d.a, d.b, {sums}
        FROM p CROSS JOIN d LEFT JOIN x ON x.period = p.period AND x.a = d.a AND x.b = d.b"""


def dyad_table(events: EventSet, options: DyadOptions | None = None) -> pa.Table:
    """One row per dyad and period: counts, Goldstein, NC and mention-weighted NC (see the module docstring)."""
    options = options or DyadOptions()
    options.check()
    select, params = _filtered(options)
    grouped = f"SELECT period, a, b, {_AGGREGATES} FROM ({select}) GROUP BY period, a, b"
    if options.rolling > 1:
        grouped = _rolled(options, grouped)
    total = "(vc + mc + vk + mk)"
    total_w = "(vc_w + mc_w + vk_w + mk_w)"
    sql = f"""
        SELECT period, a AS source, b AS target, events::BIGINT AS events, vc::BIGINT AS vc, mc::BIGINT AS mc,
               vk::BIGINT AS vk, mk::BIGINT AS mk, goldstein_sum::DOUBLE AS goldstein_sum,
               CASE WHEN events > 0 THEN goldstein_sum / events END AS goldstein_mean,
               CASE WHEN {total} >= {options.min_events} AND {total} > 0
                    THEN (vc + mc - vk - mk) / {total} END AS nc,
               mentions::BIGINT AS mentions,
               CASE WHEN {total} >= {options.min_events} AND {total_w} > 0
                    THEN (vc_w + mc_w - vk_w - mk_w) / {total_w} END AS nc_weighted
        FROM ({grouped})
        WHERE events > 0 OR {options.rolling} > 1
        ORDER BY period, source, target"""
    return events.con.sql(sql, params=params).to_arrow_table()


def dyad_events(events: EventSet, source: str, target: str, start: date, end: date,
                options: DyadOptions | None = None, limit: int = 50) -> pa.Table:
    """The events behind one dyad-period (both directions when undirected), for evidence and alerts."""
    options = options or DyadOptions()
    for code in (source, target):
        if code not in options.actors:
            raise AnalysisInputError(f"{code}: not one of the analysed actors")
    one_way = "(substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?)"
    pair, params = one_way, [source, target]
    if options.undirected:
        pair, params = f"({one_way} OR {one_way})", [source, target, target, source]
    sql = (f"SELECT event_id, date, source, target, code, quad_class, goldstein, mode, doc_id, sentence, trigger, "
           f"source_text, target_text FROM ev WHERE {pair} AND date >= ? AND date < ? "
           f"AND mode IN ({_quote(options.modes)}) ORDER BY date, event_id LIMIT {int(limit)}")
    return events.con.sql(sql, params=[*params, start, end]).to_arrow_table()
