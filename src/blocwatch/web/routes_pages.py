"""The pages — overview, dyad, actor, document, scenario — each an HTML page with a JSON twin."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any
from urllib.parse import parse_qs, quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from blocwatch.analysis.dyads import NEASIA
from blocwatch.analysis.errors import AnalysisInputError
from blocwatch.web import scenarios
from blocwatch.web.documents import canonical_id, document_view
from blocwatch.web.dyadview import dyad_view
from blocwatch.web.params import (
    CODE_PATTERN,
    NAME_PATTERN,
    MinEvents,
    Since,
    StateA,
    StateB,
    StateCode,
    Until,
    Window,
    check_pair,
    make_window,
    read_body,
    unprocessable,
)
from blocwatch.web.render import respond, wants_json
from blocwatch.web.state import WebState, get_state
from blocwatch.web.system import actor_relations, latest_date, overview

router = APIRouter(tags=["pages"])
TWIN = {200: {"description": "An HTML page; JSON with the `.json` suffix or `Accept: application/json`.",
              "content": {"text/html": {}, "application/json": {}}}}
State = Annotated[WebState, Depends(get_state)]


def _window(st: WebState, since: date | None, until: date | None) -> Window | None:
    return make_window(since, until, latest_date(st.access, st.memo))


@router.get("/", summary="Overview of the system in a window", responses=TWIN)
@router.get("/overview", summary="Overview (the same page as /)", responses=TWIN)
@router.get("/overview.json", summary="Overview (JSON twin of / and /overview)")
def overview_page(request: Request, st: State, since: Since = None, until: Until = None,
                  min_events: MinEvents = 3) -> Response:
    """Signed network of the eight states with blocs, structural balance, capability shares and polarity (published
    CINC), the latest stored alerts, and the dyads whose net cooperation moved most against the previous window of
    equal length."""
    window = _window(st, since, until)
    if window is None:
        data: dict[str, Any] = {"empty": True, "actors": list(NEASIA), "min_events": min_events}
    else:
        data = {"empty": False, **overview(st.access, st.memo, window, min_events)}
    return respond(request, "overview.html", data, title="Overview", nav="overview")


@router.get("/dyad", summary="Open a dyad page from a form (redirect)", status_code=303,
            response_class=RedirectResponse)
def dyad_picker(a: Annotated[str, Query(pattern=CODE_PATTERN, description="First state")],
                b: Annotated[str, Query(pattern=CODE_PATTERN, description="Second state")],
                since: Since = None, until: Until = None) -> RedirectResponse:
    check_pair(a, b)
    query = urlencode({k: v for k, v in (("since", since), ("until", until)) if v})
    return RedirectResponse(f"/dyad/{a}/{b}" + (f"?{query}" if query else ""), status_code=303)


@router.get("/dyad/{a}/{b}", summary="One dyad month by month", responses=TWIN)
@router.get("/dyad/{a}/{b}.json", summary="One dyad (JSON twin)")
def dyad_page(request: Request, st: State, a: StateA, b: StateB, since: Since = None, until: Until = None,
              min_events: MinEvents = 1) -> Response:
    """QuadClass counts and net cooperation per month (both directions), change points (PELT) and stored alerts.
    Without `since`/`until` the whole record of the dyad is shown."""
    check_pair(a, b)
    if since and until and since > until:
        raise unprocessable(f"since {since} is after until {until}")
    data = dyad_view(st.access, st.memo, (a, b), since, until, latest_date(st.access, st.memo), min_events)
    return respond(request, "dyad.html", data, title=f"{data['a']}–{data['b']}", nav="dyad")


@router.get("/actor/{code}", summary="One state's relations with every other state", responses=TWIN)
@router.get("/actor/{code}.json", summary="One state's relations (JSON twin)")
def actor_page(request: Request, st: State, code: StateCode, since: Since = None, until: Until = None,
               min_events: MinEvents = 3) -> Response:
    """Net cooperation with each other state in the window, the trend against the previous window of equal length
    (↑ more cooperative, ↓ less, → within ±0.05), and the QuadClass counts."""
    window = _window(st, since, until)
    if window is None:
        data: dict[str, Any] = {"actor": code, "empty": True, "relations": [], "alerts": []}
    else:
        data = {"empty": False, **actor_relations(st.access, st.memo, code, window, min_events)}
    return respond(request, "actor.html", data, title=f"Actor {code}", nav="actor")


@router.get("/document/{doc_id:path}", summary="A document with its events highlighted", responses=TWIN)
def document_page(request: Request, st: State,
                  doc_id: Annotated[str, Path(max_length=2000, description="The document id (URL-encoded); "
                                                                           "append `.json` for the JSON twin.")]
                  ) -> Response:
    """The clean stored text with each event's sentence, trigger and actors marked from the stored spans."""
    as_json = None
    with st.access.cursor() as cur:
        data = document_view(cur, doc_id)
        if data is None and doc_id.endswith(".json"):
            data = document_view(cur, doc_id[: -len(".json")])
            as_json = True if data is not None else None
        if data is None:
            canonical = canonical_id(cur, doc_id)
            if canonical is not None:
                suffix = ".json" if wants_json(request) else ""
                return RedirectResponse(f"/document/{quote(canonical, safe='')}{suffix}", status_code=303)
    if data is None:
        raise HTTPException(404, f"no document {doc_id!r} in this store")
    return respond(request, "document.html", data, title=data["title"] or data["doc_id"], nav="document",
                   as_json=as_json)


ScenarioName = Annotated[str | None, Query(pattern=NAME_PATTERN, description="A saved scenario to load.")]


def _scenario_page(request: Request, st: State, text: str, name: str | None, result: dict[str, Any] | None,
                   error: str | None = None, status: int = 200) -> Response:
    data = {"text": text, "name": name, "saved": st.shelf.names(), "writable": st.token is not None,
            "result": result, "error": error}
    return respond(request, "scenario.html", data, title="Scenario", nav="scenario", status=status)


@router.get("/scenario", summary="Scenario editor", responses=TWIN)
@router.get("/scenario.json", summary="Scenario editor (JSON twin)")
def scenario_page(request: Request, st: State, name: ScenarioName = None) -> Response:
    """A scenario YAML to edit and run: a saved one by `name`, else the shipped example."""
    text = scenarios.example_text() if name is None else st.shelf.read(name)
    if text is None:
        raise HTTPException(404, f"no saved scenario {name!r}")
    return _scenario_page(request, st, text, name, None)


async def scenario_text(request: Request) -> str:
    """The YAML from a form field ``yaml``, a JSON body {"yaml": ...}, or a raw text body."""
    body = await read_body(request, scenarios.MAX_BYTES * 4)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        values = parse_qs(body.decode("utf-8", "replace")).get("yaml", [])
        return values[0] if values else ""
    if media == "application/json":
        try:
            payload = json.loads(body)
        except ValueError:
            raise unprocessable("body: not valid JSON") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("yaml"), str):
            raise unprocessable('body: send {"yaml": "<scenario YAML>"}')
        return payload["yaml"]
    return body.decode("utf-8", "replace")


SCENARIO_BODY = {"requestBody": {"required": True, "description": "The scenario YAML: a form field `yaml`, a JSON "
                                 'object {"yaml": ...}, or the raw YAML text.',
                                 "content": {"application/x-www-form-urlencoded": {}, "application/json": {},
                                             "text/plain": {}}}}


@router.post("/scenario", summary="Run a scenario (read-only)", responses=TWIN, openapi_extra=SCENARIO_BODY)
@router.post("/scenario.json", summary="Run a scenario (JSON twin)", openapi_extra=SCENARIO_BODY)
async def scenario_run_page(request: Request, st: State) -> Response:
    """Baseline and scenario alignments side by side; the hypothetical events stay in memory."""
    text = await scenario_text(request)
    try:
        result = await run_in_threadpool(scenarios.run, st.access, st.memo, text)
    except AnalysisInputError as exc:
        if wants_json(request):
            raise
        return _scenario_page(request, st, text, None, None, str(exc), status=422)
    return _scenario_page(request, st, text, None, result)
