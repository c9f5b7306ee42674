"""`blocwatch serve`: the dashboard and JSON API on a store, bound to 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from blocwatch.cli_common import DB_HELP, db_location, fail


def serve(
    db: Annotated[str | None, typer.Option(help=DB_HELP)] = None,
    host: Annotated[str, typer.Option(help="Interface to bind; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token_env: Annotated[str, typer.Option(help="Environment variable holding the write token; without it the "
                                                "server is read-only.")] = "BLOCWATCH_TOKEN",
) -> None:
    """Serve the dashboard and JSON API (read-only unless a write token is set in the environment)."""
    from blocwatch.store.duckdb_store import StoreError
    from blocwatch.web.server import serve as run

    if not 0 < port < 65536:
        raise fail(f"--port {port}: use a port between 1 and 65535")
    try:
        run(db_location(db), host=host, port=port, token=os.environ.get(token_env) or None)
    except (StoreError, ValueError) as exc:
        raise fail(str(exc)) from None
