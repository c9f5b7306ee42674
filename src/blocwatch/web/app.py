"""The FastAPI application: pages with JSON twins, the JSON API, Atom feeds, static files.

``create_app(db, token)`` opens the store once (read-only unless a token is given, which enables the
token-protected writes) and serves it. Nothing is fetched from elsewhere at run time: the chart
library is vendored under ``static/vendor`` and FastAPI's CDN-based /docs pages are switched off
(the OpenAPI description stays at ``/openapi.json``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from blocwatch import __version__
from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.web import routes_api, routes_events, routes_feeds, routes_pages
from blocwatch.web.access import StoreAccess
from blocwatch.web.cache import Memo
from blocwatch.web.middleware import DropEmptyQuery, SecurityHeaders
from blocwatch.web.render import html
from blocwatch.web.respcache import ResponseCache
from blocwatch.web.scenarios import ScenarioShelf
from blocwatch.web.state import WebState

STATIC = Path(__file__).parent / "static"
INDEX_WAIT = 120.0  # seconds the start waits for the events index before serving without it
DESCRIPTION = """Coded interstate events about Northeast Asia and their analysis, read from a blocwatch store.

Every page has a JSON twin: the same URL with `.json` (e.g. `/dyad/USA/CHN.json`) or `Accept: application/json`.
Writes (`POST /api/ingest`, `POST /api/scenarios`) need `Authorization: Bearer <token>` and are refused when the
server runs without a token."""


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith((".json", ".atom", ".csv")):
        return False
    return "text/html" in request.headers.get("accept", "")


def _error(request: Request, status: int, messages: list[str], detail: object,
           headers: dict[str, str] | None = None) -> Response:
    if _wants_html(request):
        response = html(request, "error.html", {"status": status, "messages": messages}, status, f"Error {status}")
        response.headers.update(headers or {})
        return response
    return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=status, headers=headers)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, [str(exc.detail)], exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        messages = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in errors]
        return _error(request, 422, messages, errors)

    @app.exception_handler(AnalysisInputError)
    async def bad_input(request: Request, exc: AnalysisInputError) -> Response:
        return _error(request, 422, [str(exc)], str(exc))


def create_app(db: str, token: str | None = None, data_dir: Path | None = None) -> FastAPI:
    """The application over the DuckDB store ``db``; a ``token`` (8+ characters) enables writes.

    Saved scenarios and ingested uploads live in ``data_dir`` (default: ``<store>-web`` beside the store).
    """
    if token is not None and len(token) < 8:
        raise ValueError("the write token must be at least 8 characters long")
    access = StoreAccess(db, writable=token is not None)
    location = Path(access.location)
    folder = data_dir or location.with_name(f"{location.stem}-web")
    state = WebState(access, Memo(), token, ScenarioShelf(folder / "scenarios"), folder / "uploads")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # serve once the explorer's index is built (about a second per million events), so the first requests
        # do not fall back to slower SQL; later rebuilds, after writes, happen in the background
        await anyio.to_thread.run_sync(lambda: access.event_index(wait=INDEX_WAIT))
        yield
        access.close()

    app = FastAPI(title="blocwatch", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.web = state
    app.add_middleware(ResponseCache, version=lambda: access.version)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(DropEmptyQuery)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (routes_pages, routes_events, routes_api, routes_feeds):
        app.include_router(module.router)
    _install_handlers(app)
    return app
