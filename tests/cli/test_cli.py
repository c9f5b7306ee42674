"""The `blocwatch` command, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "blocwatch.cli", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_code_sample_writes_jsonl_events():
    proc = run("code", "--sample")
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(events) >= 15
    for e in events:
        assert e["sentence"][e["trigger_span"][0] - e["sentence_span"][0] :].startswith(e["trigger"])
        assert e["mode"] in ("asserted", "negated", "hypothetical", "future")
    assert {"USA", "JPN", "KOR", "PRK", "CHN", "RUS"} <= {e["source"][:3] for e in events}
    assert "coded 10 documents" in proc.stderr


def test_code_stdin_plain_text():
    proc = run("code", "--date", "2019-07-01", stdin="Japan imposed export controls on South Korea.")
    assert proc.returncode == 0, proc.stderr
    (event,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (event["source"], event["target"], event["code"], event["date"]) == ("JPN", "KOR", "163", "2019-07-01")


def test_code_csv_and_parquet(tmp_path):
    src = tmp_path / "news.csv"
    src.write_text('id,date,body\na1,2018-06-12,"Washington held talks with Pyongyang in Singapore."\n')
    proc = run("code", str(src), "--text-field", "body", "-f", "csv", "-o", str(tmp_path / "e.csv"))
    assert proc.returncode == 0, proc.stderr
    header, *rows = (tmp_path / "e.csv").read_text().splitlines()
    assert header.startswith("event_id,doc_id,date,source,target,code")
    assert len(rows) == 1 and ",a1,2018-06-12,USA,PRK,040," in rows[0]
    proc = run("code", str(src), "--text-field", "body", "-f", "parquet", "-o", str(tmp_path / "e.parquet"))
    assert proc.returncode == 0, proc.stderr
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.column("source").to_pylist() == ["USA"]


def test_directory_input_and_malformed_rows(tmp_path):
    (tmp_path / "a.txt").write_text("Seoul protested to Tokyo on Monday.")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "Beijing criticized Taipei."}\n{not json}\n')
    proc = run("code", str(tmp_path), "--date", "2020-01-01")
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {(e["source"], e["target"]) for e in events} == {("KOR", "JPN"), ("CHN", "TWN")}
    assert "b.jsonl:2: not valid JSON" in proc.stderr


def test_missing_input_is_one_line_error():
    proc = run("code", "no/such/file.txt")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "no/such/file.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_format_and_date_errors():
    assert "use jsonl, csv or parquet" in run("code", "--sample", "-f", "xml").stderr
    proc = run("code", "--sample", "--date", "yesterday-ish")
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr


def test_binary_file_is_reported(tmp_path):
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    proc = run("code", str(tmp_path / "blob.bin"))
    assert proc.returncode == 1
    assert "binary" in proc.stderr and "Traceback" not in proc.stderr
