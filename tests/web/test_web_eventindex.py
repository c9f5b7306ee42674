"""The explorer's in-memory index answers exactly what its SQL answers: same totals, same rows in the same order.

The store is built with SQL so that it has the awkward cases: undated events, many events on one day (ties broken
by event id), sub-state actor codes (USAGOV), a missing target, events without a document or whose document is not
stored, and rows inserted out of date order.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from blocwatch.store.duckdb_store import DuckDBStore
from blocwatch.web import explorer
from blocwatch.web.access import StoreAccess
from blocwatch.web.eventindex import EventIndex, build_index
from blocwatch.web.explorer import EventFilter

ACTORS = ["USA", "USAGOV", "CHN", "CHNMIL", "JPN", "KOR", "PRK", "RUS", "MNG", "TWN"]
CODES = ["010", "036", "040", "042", "057", "111", "112", "130", "138", "163", "190"]


def synthetic_store(path: Path, n: int = 4000) -> Path:
    with DuckDBStore(path) as store:
        con = store.con
        con.execute("SELECT setseed(0.17)")
        con.execute(
            """INSERT INTO events (event_id, origin, doc_id, date, source, target, code, root, quad_class, goldstein,
                                   mode, sentence, sentence_start, sentence_end, trigger, trigger_start, trigger_end,
                                   source_text, source_start, source_end, num_mentions, num_sources)
               SELECT 'ev' || lpad(CAST(i * 7919 % $n AS VARCHAR), 6, '0'),
                      'coded',
                      CASE WHEN i % 5 = 0 THEN NULL ELSE 'doc' || (i % 400) END,
                      CASE WHEN i % 97 = 0 THEN NULL ELSE DATE '2020-01-01' + CAST(floor(random() * 900) AS INTEGER)
                           END,
                      list_extract($actors, 1 + CAST(floor(random() * len($actors)) AS INTEGER)),
                      CASE WHEN i % 41 = 0 THEN NULL
                           ELSE list_extract($actors, 1 + CAST(floor(random() * len($actors)) AS INTEGER)) END,
                      c.code, CASE WHEN i % 3 = 0 THEN NULL ELSE substr(c.code, 1, 2) END,
                      CASE WHEN c.code < '060' THEN 1 WHEN c.code < '100' THEN 2 WHEN c.code < '150' THEN 3 ELSE 4
                           END,
                      CAST(substr(c.code, 2, 2) AS DOUBLE) / 10 - 5,
                      list_extract(['asserted', 'asserted', 'asserted', 'negated', 'future', 'hypothetical'],
                                   1 + CAST(floor(random() * 6) AS INTEGER)),
                      'Officials said the talks went ahead as planned.', 0, 47, 'talks', 19, 24, 'Officials', 0, 9,
                      1 + i % 4, 1
               FROM range($n) t(i),
                    LATERAL (SELECT list_extract($codes, 1 + CAST(floor(random() * len($codes)) AS INTEGER))
                             AS code) c""",
            {"n": n, "actors": ACTORS, "codes": CODES})
        con.execute(
            """INSERT INTO documents (doc_id, content_hash, title, source, url, published, tags, text)
               SELECT 'doc' || i, md5('doc' || i), 'Story ' || i, CASE WHEN i % 3 = 0 THEN '' ELSE 'Wire ' || (i % 4)
                      END, 'https://example.org/' || i, DATE '2020-01-01', NULL, 'text'
               FROM range(350) t(i)""")  # doc350 ... doc399 are referenced but not stored
    return path


FILTERS = [
    EventFilter(),
    EventFilter(actor="USA"),
    EventFilter(actor="MNG", mode="negated"),
    EventFilter(dyad=("USA", "CHN")),
    EventFilter(dyad=("KOR", "PRK"), quad=1),
    EventFilter(since=date(2020, 6, 1), until=date(2020, 6, 30)),
    EventFilter(since=date(2021, 3, 1)),
    EventFilter(until=date(2020, 2, 15), root="04"),
    EventFilter(root="19", mode="asserted"),
    EventFilter(quad=4, actor="RUS", since=date(2020, 1, 1), until=date(2021, 12, 31)),
    EventFilter(actor="XYZ"),
    EventFilter(dyad=("USA", "ESP")),
    EventFilter(since=date(2030, 1, 1)),
]
PAGES = [(50, 0), (50, 100), (7, 70), (500, 3900)]


@pytest.fixture(scope="module")
def access(tmp_path_factory) -> StoreAccess:
    acc = StoreAccess(synthetic_store(tmp_path_factory.mktemp("index") / "events.duckdb"))
    yield acc
    acc.close()


@pytest.fixture(scope="module")
def indexes(access) -> dict[str, EventIndex]:
    in_memory = access.event_index(wait=60)
    with access.cursor() as cur:
        by_row_id = build_index(cur, display_mb=0)
    assert in_memory is not None and in_memory.display is not None
    assert by_row_id is not None and by_row_id.display is None
    return {"in memory": in_memory, "by row id": by_row_id}


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: str(f.query_items()) or "all")
def test_index_pages_equal_sql_pages(access, indexes, f):
    with access.cursor() as cur:
        total = explorer.count(cur, f)
        for kind, index in indexes.items():
            matches = index.select(f)
            assert len(matches) == total, kind
            for order in ("asc", "desc"):
                for size, offset in PAGES:
                    expected = explorer.rows(cur, f, "date", order, size, offset)
                    got = index.rows(cur, index.page(matches, order, size, offset))
                    assert [r["event_id"] for r in got] == [r["event_id"] for r in expected], (kind, order, offset)
                    assert got == expected, (kind, order, offset)


def test_the_store_has_the_awkward_cases(access):
    with access.cursor() as cur:
        undated, no_target, orphan, empty_publisher, busiest_day = cur.execute(
            """SELECT count(*) FILTER (WHERE date IS NULL), count(*) FILTER (WHERE target IS NULL),
                      count(*) FILTER (WHERE doc_id IS NOT NULL AND doc_id NOT IN (SELECT doc_id FROM documents)),
                      (SELECT count(*) FROM documents WHERE source = ''),
                      (SELECT max(n) FROM (SELECT count(*) AS n FROM events GROUP BY date))
               FROM events""").fetchone()
    assert undated > 30 and no_target > 50 and orphan > 100 and empty_publisher > 50 and busiest_day > 5


def test_newest_first_puts_undated_events_last(indexes):
    index = indexes["in memory"]
    everything = index.select(EventFilter())
    newest = index.rows(None, index.page(everything, "desc", 10, 0))
    last = index.rows(None, index.page(everything, "desc", 10, len(everything) - 10))
    assert newest[0]["date"] >= newest[-1]["date"] and all(r["date"] is not None for r in newest)
    assert all(r["date"] is None for r in last)


def test_what_the_index_does_not_cover_goes_to_sql():
    assert EventIndex.covers(EventFilter(actor="USA"), "date")
    for f, sort in [(EventFilter(publisher="Wire 1"), "date"), (EventFilter(tag="security"), "date"),
                    (EventFilter(q="talks"), "date"), (EventFilter(actor="USA"), "goldstein")]:
        assert not EventIndex.covers(f, sort)


def test_a_small_memory_budget_keeps_only_the_keys(access):
    with access.cursor() as cur:
        assert build_index(cur, display_mb=0.01).display is None
        assert build_index(cur, display_mb=64).display is not None


def test_a_write_makes_a_new_index(tmp_path):
    acc = StoreAccess(synthetic_store(tmp_path / "w.duckdb", n=300), writable=True)
    try:
        before = acc.event_index(wait=60)
        assert before is not None and len(before.day) == 300
        with acc.writer() as store:
            store.con.execute("INSERT INTO events (event_id, origin, date, source, target, code, mode) VALUES "
                              "('zz-new', 'coded', DATE '2025-01-01', 'USA', 'CHN', '040', 'asserted')")
        after = acc.event_index(wait=60)
        assert after is not before and len(after.day) == 301
        newest = after.rows(None, after.page(after.select(EventFilter(dyad=("CHN", "USA"))), "desc", 1, 0))
        assert newest[0]["event_id"] == "zz-new"
    finally:
        acc.close()
