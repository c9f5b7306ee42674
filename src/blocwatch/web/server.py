"""Running the dashboard: uvicorn on 127.0.0.1 by default, so the store is not exposed beyond this machine
unless a host is chosen explicitly."""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path

import uvicorn

from blocwatch.web.app import create_app

log = logging.getLogger("blocwatch.web")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          data_dir: Path | None = None) -> None:
    """Serve the store ``db`` until interrupted; a ``token`` enables writes (ingest, saving scenarios)."""
    if not _loopback(host):
        log.warning("serving on %s: the dashboard is reachable from other machines%s", host,
                    "" if token is None else "; writes are protected only by the token over plain HTTP")
    uvicorn.run(create_app(db, token, data_dir), host=host, port=port, log_level="info")
