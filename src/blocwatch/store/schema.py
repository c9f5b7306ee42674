"""The store's schema, versioned, with ordered migrations.

One schema serves every backend: documents (one clean copy of each story),
duplicates (links from repeats to their canonical document), events (coded or
imported, marked by origin, with GDELT-style mention and source counts; kept
unique by event id through anti-joins rather than an index, which makes bulk
imports several times faster), runs
(what each command did, with counts that add up) and quarantine (what could
not be used, and why). Column names follow ``model.Event`` and the GDELT
event codebook where they overlap.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL
        )""",
    "runs": """
        CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY,
            command VARCHAR NOT NULL,
            started TIMESTAMP NOT NULL,
            finished TIMESTAMP,
            coder_version VARCHAR,
            lexicon_version VARCHAR,
            read BIGINT DEFAULT 0,
            stored BIGINT DEFAULT 0,
            duplicates BIGINT DEFAULT 0,
            quarantined BIGINT DEFAULT 0,
            events BIGINT DEFAULT 0
        )""",
    "documents": """
        CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL UNIQUE,
            title VARCHAR,
            source VARCHAR,
            url VARCHAR,
            published DATE,
            author VARCHAR,
            tags VARCHAR,
            text VARCHAR NOT NULL,
            input VARCHAR,
            run_id VARCHAR
        )""",
    "duplicates": """
        CREATE TABLE IF NOT EXISTS duplicates (
            doc_id VARCHAR PRIMARY KEY,
            canonical_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            content_hash VARCHAR,
            similarity DOUBLE,
            source VARCHAR,
            url VARCHAR,
            input VARCHAR,
            run_id VARCHAR
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR NOT NULL,
            origin VARCHAR NOT NULL,
            doc_id VARCHAR,
            date DATE,
            source VARCHAR,
            target VARCHAR,
            code VARCHAR NOT NULL,
            root VARCHAR,
            quad_class TINYINT,
            goldstein DOUBLE,
            plover_type VARCHAR,
            plover_mode VARCHAR,
            mode VARCHAR NOT NULL,
            sentence VARCHAR,
            sentence_index INTEGER,
            sentence_start INTEGER,
            sentence_end INTEGER,
            trigger VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            source_text VARCHAR,
            source_start INTEGER,
            source_end INTEGER,
            target_text VARCHAR,
            target_start INTEGER,
            target_end INTEGER,
            rule VARCHAR,
            coder_version VARCHAR,
            num_mentions INTEGER,
            num_sources INTEGER,
            run_id VARCHAR
        )""",
    "signatures": """
        CREATE TABLE IF NOT EXISTS signatures (
            doc_id VARCHAR PRIMARY KEY,
            signature BLOB NOT NULL
        )""",
    "bands": """
        CREATE TABLE IF NOT EXISTS bands (
            band VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL
        )""",
    "alerts": """
        CREATE TABLE IF NOT EXISTS alerts (
            alert_id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,
            subject VARCHAR NOT NULL,
            measure VARCHAR NOT NULL,
            period DATE NOT NULL,
            value DOUBLE,
            baseline DOUBLE,
            spread DOUBLE,
            z DOUBLE,
            direction VARCHAR,
            detail VARCHAR,
            created TIMESTAMP,
            run_id VARCHAR
        )""",
    "alert_events": """
        CREATE TABLE IF NOT EXISTS alert_events (
            alert_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            PRIMARY KEY (alert_id, event_id)
        )""",
    "quarantine": """
        CREATE TABLE IF NOT EXISTS quarantine (
            item_id VARCHAR PRIMARY KEY,
            input VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            excerpt VARCHAR,
            run_id VARCHAR
        )""",
}

# Migrations from version N to N+1, in order. Version 1 is the first schema; version 2 adds the
# alerts and alert_events tables, which the CREATE IF NOT EXISTS statements above already provide.
MIGRATIONS: dict[int, list[str]] = {1: []}

ALERT_COLUMNS = ["alert_id", "kind", "subject", "measure", "period", "value", "baseline", "spread", "z",
                 "direction", "detail", "created", "run_id"]

DOCUMENT_TEXTS = """
    SELECT published, text FROM documents
    WHERE published IS NOT NULL AND ({p}::DATE IS NULL OR published >= {p}::DATE)
      AND ({p}::DATE IS NULL OR published <= {p}::DATE)
    ORDER BY published, doc_id"""

ALERTS_QUERY = """
    SELECT a.alert_id, a.kind, a.subject, a.measure, a.period, a.value, a.baseline, a.spread, a.z, a.direction,
           a.detail, (SELECT string_agg(l.event_id, ' ' ORDER BY l.event_id) FROM alert_events l
                      WHERE l.alert_id = a.alert_id) AS event_ids
    FROM alerts a ORDER BY a.period DESC, a.subject, a.alert_id"""

EVENT_COLUMNS = [
    "event_id",
    "origin",
    "doc_id",
    "date",
    "source",
    "target",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "mode",
    "sentence",
    "sentence_index",
    "sentence_start",
    "sentence_end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "source_text",
    "source_start",
    "source_end",
    "target_text",
    "target_start",
    "target_end",
    "rule",
    "coder_version",
    "num_mentions",
    "num_sources",
    "run_id",
]


def event_filters(
    since: object = None,
    until: object = None,
    actor: str | None = None,
    modes: tuple[str, ...] = (),
    origin: str | None = None,
    mark: str = "?",
) -> tuple[str, list]:
    """A WHERE clause (possibly empty) and its parameters for filtering events; ``mark`` is the placeholder."""
    where, params = [], []
    if since:
        where.append(f"date >= {mark}")
        params.append(since)
    if until:
        where.append(f"date <= {mark}")
        params.append(until)
    if actor:
        where.append(f"(starts_with(source, {mark}) OR starts_with(target, {mark}))")
        params += [actor, actor]
    if modes:
        where.append(f"mode IN ({', '.join(mark for _ in modes)})")
        params += list(modes)
    if origin:
        where.append(f"origin = {mark}")
        params.append(origin)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def events_query(
    since: object = None,
    until: object = None,
    actor: str | None = None,
    modes: tuple[str, ...] = (),
    origin: str | None = None,
    limit: int | None = None,
    mark: str = "?",
) -> tuple[str, list]:
    """The filtered, ordered, limited events query for either store; ``mark`` is the placeholder."""
    where, params = event_filters(since, until, actor, modes, origin, mark)
    sql = "SELECT * FROM events" + where + " ORDER BY date, event_id"
    if limit:
        sql += f" LIMIT {mark}"
        params.append(limit)
    return sql, params


FINISH_RUN = (
    "UPDATE runs SET finished = {p}, read = {p}, stored = {p}, duplicates = {p}, quarantined = {p}, events = {p} "
    "WHERE run_id = {p}"
)
RUN_COUNTS = ("read", "stored", "duplicates", "quarantined", "events")

# NumMentions / NumSources of a story's coded events, from its duplicate links. {ids} is a
# relation with one column ``d`` of canonical document ids (a registered table or an unnest).
REFRESH_MENTIONS = """
    UPDATE events SET num_mentions = c.mentions, num_sources = c.sources
    FROM (
        SELECT d AS doc_id,
               1 + (SELECT count(*) FROM duplicates WHERE canonical_id = d) AS mentions,
               greatest(1, (
                   SELECT count(DISTINCT s) FROM (
                       SELECT source AS s FROM documents WHERE doc_id = d
                       UNION ALL
                       SELECT source AS s FROM duplicates WHERE canonical_id = d
                   ) x WHERE s IS NOT NULL AND s <> ''
               )) AS sources
        FROM {ids}
    ) c
    WHERE events.doc_id = c.doc_id AND events.origin = 'coded'
"""
