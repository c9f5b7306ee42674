"""Plain text, JSONL and CSV inputs with column mappings and per-row problems."""

from __future__ import annotations

from datetime import date

from blocwatch.ingest.readers import ColumnMap, ReadProblem, parse_date, read_text_source


def test_parse_date_formats():
    assert parse_date("2019-08-23") == date(2019, 8, 23)
    assert parse_date("20190823") == date(2019, 8, 23)
    assert parse_date("2019-08-23T10:00:00Z") == date(2019, 8, 23)
    assert parse_date("December 15, 2018") == date(2018, 12, 15)
    assert parse_date("not a date") is None and parse_date("") is None


def test_jsonl_with_alternative_field_names_and_bad_rows():
    problems: list[ReadProblem] = []
    text = '{"doc_id": "a", "story": "Seoul protested.", "published": "2019-08-02"}\n{oops\n{"id": "b"}\n'
    docs = list(read_text_source("feed.jsonl", text, ColumnMap(), None, problems))
    assert [(d.doc_id, d.date) for d in docs] == [("a", date(2019, 8, 2))]
    assert [p.source for p in problems] == ["feed.jsonl:2", "feed.jsonl:3"]


def test_csv_with_column_mapping_and_default_date():
    problems: list[ReadProblem] = []
    text = "uid,body,when\n7,Tokyo protested to Beijing.,yesterday\n8,Beijing criticized Tokyo.,2012-09-15\n"
    columns = ColumnMap(id="uid", text="body", date="when")
    docs = list(read_text_source("x.csv", text, columns, date(2012, 9, 1), problems))
    assert [(d.doc_id, d.date) for d in docs] == [("7", date(2012, 9, 1)), ("8", date(2012, 9, 15))]
    assert "unreadable date" in problems[0].reason
