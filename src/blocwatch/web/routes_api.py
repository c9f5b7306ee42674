"""The JSON API beyond the page twins: health, alerts, scenarios (run, list, read, save) and ingest.

Saving a scenario and ingesting are the only writes; both need the bearer token (``state.require_token``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from blocwatch.web import scenarios
from blocwatch.web.alerts import latest_alerts
from blocwatch.web.ingest import KINDS, MAX_BYTES, guess_kind, ingest_body
from blocwatch.web.params import CODE_PATTERN, DYAD_PATTERN, NAME_PATTERN, parse_dyad, read_body, unprocessable
from blocwatch.web.render import jsonable
from blocwatch.web.routes_pages import SCENARIO_BODY, scenario_text
from blocwatch.web.state import WebState, get_state, require_token

router = APIRouter()
State = Annotated[WebState, Depends(get_state)]
WRITE = {401: {"description": "No bearer token sent."},
         403: {"description": "Wrong token, or the server runs read-only (no token configured)."}}


@router.get("/healthz", tags=["api"], summary="Liveness")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/api/alerts", tags=["api"], summary="Stored alerts, newest first")
def api_alerts(st: State,
               dyad: Annotated[str | None, Query(pattern=DYAD_PATTERN, description="Two states: JPN-KOR.")] = None,
               actor: Annotated[str | None, Query(pattern=CODE_PATTERN, description="One state, either side.")]
               = None,
               limit: Annotated[int, Query(ge=1, le=500, description="At most this many alerts.")] = 50) -> Any:
    pair = parse_dyad(dyad) if dyad else None
    return jsonable(latest_alerts(st.access, pair=pair, actor=actor, limit=limit))


@router.post("/api/scenario/run", tags=["api"], summary="Run a scenario beside the baseline (read-only)",
             openapi_extra=SCENARIO_BODY)
async def api_scenario_run(request: Request, st: State) -> Any:
    text = await scenario_text(request)
    return jsonable(await run_in_threadpool(scenarios.run, st.access, st.memo, text))


@router.get("/api/scenarios", tags=["api"], summary="Saved scenario names")
def api_scenarios(st: State) -> dict[str, list[str]]:
    return {"scenarios": st.shelf.names()}


@router.get("/api/scenarios/{name}", tags=["api"], summary="One saved scenario's YAML")
def api_scenario(st: State, name: Annotated[str, Path(pattern=NAME_PATTERN)]) -> dict[str, str]:
    text = st.shelf.read(name)
    if text is None:
        raise HTTPException(404, f"no saved scenario {name!r}")
    return {"name": name, "yaml": text}


class ScenarioIn(BaseModel):
    name: str = Field(pattern=NAME_PATTERN, description="File name: lower-case letters, digits, '-', '_'.")
    yaml: str = Field(max_length=scenarios.MAX_BYTES, description="The scenario YAML (checked before saving).")


@router.post("/api/scenarios", tags=["writes"], summary="Save a scenario (needs the token)", status_code=201,
             dependencies=[Depends(require_token)], responses=WRITE)
def api_save_scenario(st: State, scenario: ScenarioIn) -> JSONResponse:
    scenarios.parse(scenario.yaml)
    st.shelf.save(scenario.name, scenario.yaml)
    st.access.changed()
    return JSONResponse({"name": scenario.name, "saved": True}, status_code=201,
                        headers={"Location": f"/api/scenarios/{scenario.name}"})


@router.post("/api/ingest", tags=["writes"], summary="Ingest a JSONL or plain-text body (needs the token)",
             dependencies=[Depends(require_token)], responses=WRITE,
             openapi_extra={"requestBody": {"required": True, "description": "JSON lines (one story per line with "
                                            "`text` and optional `id`, `date`, `title`) or one plain-text story.",
                                            "content": {"application/x-ndjson": {}, "text/plain": {}}}})
async def api_ingest(
    request: Request, st: State,
    kind: Annotated[Literal["jsonl", "text"] | None, Query(description="Body format; default from the "
                                                                       "Content-Type or the first byte.")] = None,
    day: Annotated[date | None, Query(alias="date", description="Date for stories without one (default: today, "
                                                                "UTC).")] = None,
) -> dict[str, Any]:
    """Code the stories and store them, exactly like `blocwatch ingest`; returns the run's counts."""
    body = await read_body(request, MAX_BYTES)
    if not body.strip():
        raise unprocessable("body: nothing to ingest")
    chosen = kind or guess_kind(request.headers.get("content-type", ""), body)
    assert chosen in KINDS
    default = day or datetime.now(UTC).date()
    result = await run_in_threadpool(ingest_body, st.access, st.uploads, body, chosen, default)
    return result
