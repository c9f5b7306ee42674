"""Result tables for the terminal, JSON and CSV: one function so every measure prints the same way."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, fmt: str = "table",
           title: str = "", console: Console | None = None) -> str | None:
    """Print ``rows`` as a Rich table (``fmt='table'``) or return them as JSON lines / CSV text."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return "".join(json.dumps({c: _plain(r.get(c)) for c in columns}, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if _plain(r.get(c)) is None else _plain(r.get(c)) for c in columns])
        return buffer.getvalue()
    table = Table(title=title or None, show_lines=False)
    for c in columns:
        table.add_column(c, justify="right" if rows and isinstance(rows[0].get(c), int | float) else "left")
    for r in rows:
        table.add_row(*(escape(_cell(r.get(c))) for c in columns))
    (console or Console(width=shutil.get_terminal_size((200, 24)).columns)).print(table)
    return None
