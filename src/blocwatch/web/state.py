"""What every request needs (the store, the cache, the token, where scenarios and uploads go) and the write guard."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request

from blocwatch.web.access import StoreAccess
from blocwatch.web.cache import Memo
from blocwatch.web.scenarios import ScenarioShelf


@dataclass
class WebState:
    access: StoreAccess
    memo: Memo
    token: str | None
    shelf: ScenarioShelf
    uploads: Path


async def get_state(request: Request) -> WebState:
    """(async, so FastAPI does not hand this lookup to a worker thread)"""
    return request.app.state.web


def require_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer <token>``: 401 without credentials, 403 with a wrong one or none set."""
    token = request.app.state.web.token
    if token is None:
        raise HTTPException(403, "this server is read-only: writes are enabled only when it is started with a token")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "this is a write: send Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": 'Bearer realm="blocwatch"'})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(403, "wrong token")
