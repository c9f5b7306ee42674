"""A small real store for the web tests: a dozen own-written Northeast Asia news items, ingested and coded
by the normal pipeline, with a publisher and tags on some documents and two stored alerts."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from blocwatch.scale.pipeline import Ingestor
from blocwatch.store.duckdb_store import DuckDBStore
from blocwatch.web.app import create_app

TOKEN = "test-token-0123456789"
PUBLISHER = "Peninsula Wire"

STORIES = [
    ("w-001", "2023-01-16", "Tokyo and Washington deepen defence ties",
     "Tags: security · alliances\nJapan signed a defence cooperation agreement with the United States on Monday. "
     "Officials in Tokyo said the pact would strengthen deterrence."),
    ("w-002", "2023-02-20", "Beijing criticises Tokyo over arms budget",
     "China criticized Japan on Tuesday over its record military budget. The foreign ministry in Beijing accused "
     "Tokyo of stoking tension in the region."),
    ("w-003", "2023-04-05", "Seoul and Tokyo hold summit",
     "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo. The two leaders "
     "agreed to resume regular visits."),
    ("w-004", "2023-06-11", "Pyongyang threatens Seoul",
     "Tags: security · peninsula\nNorth Korea threatened South Korea with military action after joint drills. "
     "Pyongyang said the exercises were a rehearsal for invasion."),
    ("w-005", "2023-08-18", "Camp David summit",
     "The United States, Japan and South Korea held a summit at Camp David. Washington praised Seoul for its "
     "improved ties with Tokyo."),
    ("w-006", "2023-09-13", "Kim visits Russia",
     "North Korean leader Kim Jong Un met Russian President Vladimir Putin at a spaceport in the Russian Far East. "
     "Russia promised to help North Korea build satellites."),
    ("w-007", "2023-11-15", "Biden and Xi meet",
     "US President Joe Biden met Chinese President Xi Jinping near San Francisco. The two leaders agreed to "
     "restore military communication channels."),
    ("w-008", "2024-01-14", "Beijing warns Taipei",
     "China warned Taiwan against seeking independence after the island's election. Beijing condemned the United "
     "States for congratulating the winner."),
    ("w-009", "2024-03-21", "Mongolia and China sign trade deal",
     "Mongolia signed a trade agreement with China on Thursday. Ulaanbaatar said it would expand coal exports to "
     "Beijing."),
    ("w-010", "2024-05-27", "Seoul hosts trilateral talks",
     "South Korea hosted China and Japan for trilateral talks in Seoul. The three governments pledged to resume "
     "economic cooperation."),
    ("w-011", "2024-06-19", "Moscow and Pyongyang sign pact",
     "Russia signed a mutual defence treaty with North Korea in Pyongyang. Japan condemned the treaty and Seoul "
     "summoned the Russian ambassador."),
    ("w-012", "2024-07-10", "Tokyo protests Chinese incursion",
     "Japan protested to China after a Chinese military aircraft violated its airspace. Tokyo demanded that Beijing "
     "prevent a recurrence."),
]


def write_jsonl(path: Path) -> Path:
    path.write_text("".join(json.dumps({"id": i, "date": d, "title": t, "text": x}) + "\n"
                            for i, d, t, x in STORIES), encoding="utf-8")
    return path


def _events_of(store: DuckDBStore, a: str, b: str, start: date, end: date) -> list[str]:
    return [r[0] for r in store.con.execute(
        "SELECT event_id FROM events WHERE date >= ? AND date < ? AND "
        "least(substr(source, 1, 3), substr(target, 1, 3)) = ? AND greatest(substr(source, 1, 3), "
        "substr(target, 1, 3)) = ?", [start, end, a, b]).fetchall()]


def _alert(alert_id: str, subject: str, period: date, direction: str, value: float) -> dict:
    return {"alert_id": alert_id, "kind": "baseline", "subject": subject, "measure": "nc", "period": period,
            "value": value, "baseline": 0.6, "spread": 0.2, "z": (value - 0.6) / 0.2, "direction": direction,
            "detail": f"nc {value:+.2f} vs 12-period mean +0.60 (sd 0.20)"}


def build_store(path: Path, coder) -> Path:
    """Ingest the stories, give some documents a publisher (the JSONL reader keeps none), store two alerts."""
    jsonl = write_jsonl(path.with_suffix(".jsonl"))
    with DuckDBStore(path) as store:
        counts = Ingestor(store, coder).run([str(jsonl)])
        assert counts.balanced and counts.events > 15
        store.con.execute("UPDATE documents SET source = ? WHERE doc_id IN ('w-001', 'w-004', 'w-011')", [PUBLISHER])
        alerts = [_alert("alert:jpn-kor-2024-06", "JPN–KOR", date(2024, 6, 1), "down", -1.0),
                  _alert("alert:chn-jpn-2024-07", "CHN–JPN", date(2024, 7, 1), "down", -1.0)]
        links = [(alerts[0]["alert_id"], e) for e in _events_of(store, "JPN", "KOR", date(2024, 6, 1),
                                                                date(2024, 7, 1))]
        links += [(alerts[1]["alert_id"], e) for e in _events_of(store, "CHN", "JPN", date(2024, 7, 1),
                                                                 date(2024, 8, 1))]
        assert store.write_alerts("fixture", alerts, links) == 2
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, coder) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb", coder)


@pytest.fixture(scope="session")
def client(store_path) -> Iterator[TestClient]:
    """The read-only application (no token)."""
    with TestClient(create_app(str(store_path))) as test_client:
        yield test_client


@pytest.fixture
def writable(store_path, tmp_path) -> Iterator[TestClient]:
    """The application with a write token, over a copy of the store (so writes do not leak into other tests)."""
    copy = tmp_path / "writable.duckdb"
    shutil.copy(store_path, copy)
    with TestClient(create_app(str(copy), token=TOKEN, data_dir=tmp_path / "web-data")) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def empty_client(tmp_path_factory) -> Iterator[TestClient]:
    """The application over a store with no events at all."""
    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    DuckDBStore(path).close()
    with TestClient(create_app(str(path))) as test_client:
        yield test_client
