"""Small pieces of the web package: highlighting spans, the window arithmetic, the single-flight cache."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from fastapi import HTTPException

from blocwatch.web.cache import Memo
from blocwatch.web.evidence import segments, sentence_marks
from blocwatch.web.params import Window, make_window, parse_dyad, year_before


def test_segments_cover_the_text_and_nest_marks():
    text = "Japan condemned the treaty."
    pieces = segments(text, [(0, 26, "sentence"), (0, 5, "source"), (6, 15, "trigger")])
    assert "".join(p["text"] for p in pieces) == text
    assert pieces[0] == {"text": "Japan", "kinds": ["sentence", "source"]}
    assert pieces[2] == {"text": "condemned", "kinds": ["sentence", "trigger"]}
    assert pieces[-1] == {"text": ".", "kinds": []}
    assert segments("plain", []) == [{"text": "plain", "kinds": []}]


def test_sentence_marks_shift_stored_spans_and_fall_back_to_search():
    row = {"sentence": "Seoul protested to Tokyo.", "sentence_start": 100, "trigger": "protested",
           "trigger_start": 106, "trigger_end": 115, "source_text": "Seoul", "source_start": 100, "source_end": 105,
           "target_text": "Tokyo", "target_start": None, "target_end": None}
    assert sentence_marks(row) == [(6, 15, "trigger"), (0, 5, "source"), (19, 24, "target")]
    imported = {"sentence": "x", "trigger": None, "source_text": "nowhere", "target_text": None}
    assert sentence_marks(imported) == []


def test_windows():
    assert year_before(date(2024, 7, 10)) == date(2023, 7, 11)
    assert year_before(date(2024, 2, 29)) == date(2023, 3, 1)
    window = make_window(None, None, date(2024, 7, 10))
    assert window == Window(date(2023, 7, 11), date(2024, 7, 10)) and window.days == 366
    assert window.previous() == Window(date(2022, 7, 10), date(2023, 7, 10))
    assert make_window(None, None, None) is None
    assert make_window(date(2025, 1, 1), None, date(2024, 7, 10)) == Window(date(2025, 1, 1), date(2025, 1, 1))
    with pytest.raises(HTTPException):
        make_window(date(2024, 8, 1), date(2024, 7, 1), None)


def test_parse_dyad():
    assert parse_dyad("KOR-JPN") == ("KOR", "JPN")
    for bad in ("KOR", "KOR-KOR", "kor-jpn", "KOR-JPN-CHN", "KOR_JPN"):
        with pytest.raises(HTTPException):
            parse_dyad(bad)


def test_memo_computes_a_missing_key_once_for_concurrent_callers():
    memo, calls = Memo(maxsize=2), []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.05)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(memo.get("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8 and len(calls) == 1
    memo.get("a", lambda: 1)
    memo.get("b", lambda: 2)
    assert memo.get("k", lambda: 0) == 0  # evicted: least recently used


def test_memo_does_not_cache_failures():
    memo = Memo()
    with pytest.raises(ZeroDivisionError):
        memo.get("x", lambda: 1 / 0)
    assert memo.get("x", lambda: 7) == 7
