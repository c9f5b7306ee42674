"""What every blocwatch command shares: the error console, one-line failures and the store location."""

from __future__ import annotations

import os

import typer
from rich.console import Console

err = Console(stderr=True, soft_wrap=True)

DB_HELP = "Store: a DuckDB file (default ./blocwatch.duckdb or $BLOCWATCH_DB) or a postgresql:// URL."


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def db_location(db: str | None) -> str:
    """The store to use: the option, else $BLOCWATCH_DB, else ./blocwatch.duckdb."""
    from blocwatch.store.duckdb_store import DEFAULT_DB

    return db or os.environ.get("BLOCWATCH_DB", str(DEFAULT_DB))
