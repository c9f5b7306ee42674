"""Shared fixtures: the coder (built once) and the location of the shared real data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from blocwatch.coding.coder import Coder, default_coder
from blocwatch.model import Document, Event

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared(*parts: str) -> Path:
    """A path under ../shared/data; the test is skipped when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def coder() -> Coder:
    return default_coder()


@pytest.fixture(scope="session")
def code(coder):
    def run(text: str, day: str = "2019-08-23") -> list[Event]:
        return coder.code(Document(doc_id="t", text=text, date=date.fromisoformat(day))).events

    return run


def triples(events: list[Event]) -> set[tuple[str, str, str, str]]:
    """(source state, target state, code, mode) for compact assertions."""
    return {(e.source[:3], e.target[:3], e.code, e.mode) for e in events}


def asserted(events: list[Event]) -> set[tuple[str, str, str]]:
    """(source state, target state, code) of the asserted events."""
    return {(s, t, c) for s, t, c, mode in triples(events) if mode == "asserted"}
