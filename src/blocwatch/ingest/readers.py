"""Read plain text, JSONL and CSV inputs into ``Document`` records.

JSONL and CSV rows need a text field; id and date fields are optional and can
be renamed with a column mapping. Rows that cannot be used are reported with
their line number, never silently dropped.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from blocwatch.model import Document


def is_feed(head: str) -> bool:
    """An RSS, Atom or RDF feed, judged from the (lower-cased) first characters of a file."""
    if head.startswith("<?xml"):
        return "<rss" in head or "<feed" in head or "<rdf" in head
    return head.startswith(("<rss", "<feed"))


_STORE_SUFFIXES = {".duckdb", ".wal", ".parquet", ".db"}  # blocwatch's own outputs inside a source folder
TEXT_SUFFIXES = {".txt", ".text", ".md", ".jsonl", ".ndjson", ".csv", ".tsv", ".html", ".htm", ""}
csv.field_size_limit(sys.maxsize)


class InputError(ValueError):
    """An input cannot be read at all; the message names it and says what to do."""


@dataclass
class ColumnMap:
    id: str = "id"
    text: str = "text"
    date: str = "date"
    title: str = "title"
    alternatives: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "text": ("text", "story", "body", "content", "sentence"),
            "id": ("id", "doc_id", "_id", "uid"),
            "date": ("date", "published", "pubdate", "publish_date"),
        }
    )

    def pick(self, row: dict, role: str) -> object:
        wanted = getattr(self, role)
        if wanted in row:
            return row[wanted]
        for alt in self.alternatives.get(role, ()):
            if alt in row:
                return row[alt]
        return None


@dataclass
class ReadProblem:
    """Something wrong with an input; ``lost`` when the item could not be used at all."""

    source: str
    reason: str
    lost: bool = True


def parse_date(value: object) -> date | None:
    """ISO dates, ISO timestamps and compact YYYYMMDD; anything else gives None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":  # the common case, without strptime's cost
        with contextlib.suppress(ValueError):
            return date.fromisoformat(text)
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%d/%m/%Y", "%B %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _stable_id(source: str, text: str) -> str:
    return hashlib.blake2b(f"{source}\0{text}".encode("utf-8", "replace"), digest_size=8).hexdigest()


def decode(raw: bytes, name: str, problems: list[ReadProblem]) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(ReadProblem(name, "invalid UTF-8; undecodable bytes were replaced", lost=False))
        return raw.decode("utf-8", errors="replace")


def rows_to_documents(
    rows: Iterator[tuple[int, dict]],
    name: str,
    columns: ColumnMap,
    default_date: date | None,
    problems: list[ReadProblem],
) -> Iterator[Document]:
    for line_no, row in rows:
        text = columns.pick(row, "text")
        if not isinstance(text, str) or not text.strip():
            problems.append(ReadProblem(f"{name}:{line_no}", f"no '{columns.text}' text field"))
            continue
        doc_id = columns.pick(row, "id")
        doc_id = str(doc_id) if doc_id not in (None, "") else f"{name}:{line_no}"
        raw_date = columns.pick(row, "date")
        day = parse_date(raw_date) or default_date
        if raw_date not in (None, "") and parse_date(raw_date) is None:
            problems.append(
                ReadProblem(f"{name}:{line_no}", f"unreadable date {raw_date!r}; used the default", lost=False)
            )
        title = row.get(columns.title) or ""
        yield Document(doc_id=doc_id, text=text, date=day, title=str(title), meta={"input": name})


def _jsonl_rows(text: str, name: str, problems: list[ReadProblem]) -> Iterator[tuple[int, dict]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(ReadProblem(f"{name}:{n}", f"not valid JSON ({exc.msg})"))
            continue
        if not isinstance(row, dict):
            problems.append(ReadProblem(f"{name}:{n}", "JSON line is not an object"))
            continue
        yield n, row


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    yield from enumerate(reader, 2)


def read_text_source(
    name: str,
    text: str,
    columns: ColumnMap,
    default_date: date | None,
    problems: list[ReadProblem],
    kind: str | None = None,
    fetch_pages: bool = False,
) -> Iterator[Document]:
    """Documents from the content of one named input; ``kind`` overrides the suffix."""
    suffix = kind or Path(name).suffix.lower()
    head = text[:2000].lstrip().lower()
    if suffix in (".rss", ".atom", ".xml", "feed") or is_feed(head):
        from blocwatch.ingest.feeds import Fetcher, feed_documents

        docs, found = feed_documents(text, name, fetch_pages, Fetcher() if fetch_pages else None)
        problems.extend(ReadProblem(where, why) for where, why in found)
        for doc in docs:
            doc.date = doc.date or default_date
        yield from docs
        return
    if suffix in (".html", ".htm", "html") or head.startswith(("<!doctype html", "<html")):
        from blocwatch.ingest.html import extract_page

        page = extract_page(text, None)
        if page is None:
            problems.append(ReadProblem(name, "HTML page without a main text (truncated or not an article)"))
            return
        yield Document(
            doc_id=name,
            text=page.text,
            date=page.published or default_date,
            title=page.title,
            source=page.sitename,
            url=page.url,
            meta={"input": name, "author": page.author, "tags": page.tags},
        )
        return
    if suffix in (".jsonl", ".ndjson", "jsonl"):
        yield from rows_to_documents(_jsonl_rows(text, name, problems), name, columns, default_date, problems)
    elif suffix in (".csv", ".tsv", "csv", "tsv"):
        delimiter = "\t" if suffix in (".tsv", "tsv") else ","
        yield from rows_to_documents(_csv_rows(text, delimiter), name, columns, default_date, problems)
    else:
        yield Document(
            doc_id=name if name != "<stdin>" else _stable_id(name, text),
            text=text,
            date=default_date,
            meta={"input": name},
        )


def expand_inputs(inputs: list[str]) -> list[Path]:
    """Files named directly, or found recursively in directories."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            paths.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in _STORE_SUFFIXES
                )
            )
        elif path.exists():
            paths.append(path)
        else:
            raise InputError(f"{item}: no such file or directory; check the path")
    return paths


def read_inputs(
    inputs: list[str],
    columns: ColumnMap | None = None,
    default_date: date | None = None,
    problems: list[ReadProblem] | None = None,
    stdin: io.TextIOBase | None = None,
    fetch_pages: bool = False,
) -> Iterator[Document]:
    """Documents from files, directories, feed URLs, or standard input when ``inputs`` is empty."""
    columns = columns or ColumnMap()
    problems = problems if problems is not None else []
    urls = [i for i in inputs if i.startswith(("http://", "https://"))]
    if urls:
        from blocwatch.ingest.feeds import Fetcher, feed_documents

        fetcher = Fetcher()
        for url in urls:
            raw = fetcher.get(url)
            if raw is not None:
                docs, found = feed_documents(raw, url, fetch_pages, fetcher)
                problems.extend(ReadProblem(where, why) for where, why in found)
                yield from docs
        problems.extend(ReadProblem(url, why) for url, why in fetcher.failures)
        inputs = [i for i in inputs if i not in urls]
        if not inputs:
            return
    if not inputs:
        stream = stdin or sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode()
        text = decode(data, "<stdin>", problems)
        kind = "jsonl" if text.lstrip().startswith("{") else None
        yield from read_text_source("<stdin>", text, columns, default_date, problems, kind)
        return
    for path in expand_inputs(inputs):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(ReadProblem(str(path), f"unreadable ({exc.strerror})"))
            continue
        if b"\x00" in raw[:4096]:
            problems.append(ReadProblem(str(path), "binary file, not text; skipped"))
            continue
        yield from read_text_source(
            str(path), decode(raw, str(path), problems), columns, default_date, problems, fetch_pages=fetch_pages
        )
