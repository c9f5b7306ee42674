"""The events explorer page, its JSON twin, ``/api/events`` (what a chart click loads) and the CSV/JSON export."""

from __future__ import annotations

import csv
import io
import math
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from blocwatch.analysis.events import MODES
from blocwatch.lexicon.cameo import load_cameo
from blocwatch.web import explorer
from blocwatch.web.eventindex import EventIndex
from blocwatch.web.explorer import EXPORT_COLUMNS, EventFilter
from blocwatch.web.params import (
    CODE_PATTERN,
    DYAD_PATTERN,
    MAX_EXPORT,
    MAX_PAGE_SIZE,
    ROOT_PATTERN,
    parse_dyad,
    unprocessable,
)
from blocwatch.web.render import json_response, jsonable, respond
from blocwatch.web.state import WebState, get_state

router = APIRouter(tags=["events"])
State = Annotated[WebState, Depends(get_state)]
Sort = Literal["date", "source", "target", "code", "quad_class", "goldstein", "mode", "mentions", "publisher"]
Mode = Literal["asserted", "negated", "hypothetical", "future"]
assert set(Mode.__args__) == set(MODES)


async def event_filter(
    since: Annotated[date | None, Query(description="First event date (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Last event date (YYYY-MM-DD).")] = None,
    actor: Annotated[str | None, Query(pattern=CODE_PATTERN, description="A state on either side (USA also "
                                                                         "matches USAGOV, USAMIL, ...).")] = None,
    dyad: Annotated[str | None, Query(pattern=DYAD_PATTERN, description="Two states, either direction: USA-CHN.")]
    = None,
    root: Annotated[str | None, Query(pattern=ROOT_PATTERN, description="CAMEO root code, 01 to 20.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass: 1 verbal cooperation, 2 material "
                                                             "cooperation, 3 verbal conflict, 4 material conflict.")]
    = None,
    mode: Annotated[Mode | None, Query(description="Event mode.")] = None,
    publisher: Annotated[str | None, Query(max_length=200, description="Publisher (the document's source), "
                                                                       "exact.")] = None,
    tag: Annotated[str | None, Query(max_length=100, description="A document tag (case-insensitive).")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text the evidence sentence contains.")] = None,
) -> EventFilter:
    if since and until and since > until:
        raise unprocessable(f"since {since} is after until {until}")
    return EventFilter(since, until, actor, parse_dyad(dyad) if dyad else None, root, quad, mode, publisher, tag,
                       q.strip() if q else None)


Filter = Annotated[EventFilter, Depends(event_filter)]
SortParam = Annotated[Sort, Query(description="Column to sort by.")]
Order = Annotated[Literal["asc", "desc"], Query(description="Sort direction.")]
PageNo = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
Size = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Events per page (at most {MAX_PAGE_SIZE}).")]


async def _publishers(st: WebState) -> list[str]:
    def compute() -> list[str]:
        with st.access.cursor() as cur:
            return [r[0] for r in cur.execute(
                "SELECT source FROM documents WHERE source IS NOT NULL AND source <> '' GROUP BY source "
                "ORDER BY count(*) DESC, source LIMIT 200").fetchall()]

    key = ("publishers", st.access.version)
    cached, value = st.memo.peek(key)
    return value if cached else await run_in_threadpool(st.memo.get, key, compute)


def _roots() -> list[dict[str, str]]:
    cameo = load_cameo()
    return [{"code": c, "name": cameo.get(c).name} for c in cameo.codes() if len(c) == 2]


def search(st: WebState, f: EventFilter, sort: str, order: str, page: int, size: int,
           index: EventIndex | None = None) -> dict[str, Any]:
    """A page of events and the total (cached by the store version): from ``index`` (the in-memory index, when it
    covers the filter and sort), otherwise by SQL."""

    def total() -> int:
        with st.access.cursor() as cur:
            return explorer.count(cur, f)

    def compute() -> dict[str, Any]:
        offset = (page - 1) * size
        if index is not None:
            matches = index.select(f)
            picked = index.page(matches, order, size, offset)
            if index.display is not None:  # all in memory: no cursor, no wait for a database slot
                rows = index.rows(None, picked)
            else:
                with st.access.cursor() as cur:
                    rows = index.rows(cur, picked)
            found = len(matches)
        else:
            with st.access.cursor() as cur:
                rows = explorer.rows(cur, f, sort, order, size, offset)
            # everything on the first page needs no count; otherwise one count serves every page and order
            complete = page == 1 and len(rows) < size
            found = len(rows) if complete else st.memo.get(("count", st.access.version, f), total)
        return {"total": found, "page": page, "size": size, "pages": max(1, math.ceil(found / size)), "sort": sort,
                "order": order, "filters": f.query_items(), "rows": rows}

    return st.memo.get(("events", st.access.version, f, sort, order, page, size), compute)


async def answer(st: WebState, f: EventFilter, sort: str, order: str, page: int, size: int) -> dict[str, Any]:
    """``search`` on the event loop when the in-memory index answers it all (well under a millisecond of work),
    otherwise in a worker thread, since it queries the store."""
    index = st.access.event_index()
    if index is None or not index.covers(f, sort):
        return await run_in_threadpool(search, st, f, sort, order, page, size)
    if index.display is None:
        return await run_in_threadpool(search, st, f, sort, order, page, size, index)
    return search(st, f, sort, order, page, size, index)


@router.get("/events", summary="Events explorer", responses={200: {"content": {"text/html": {},
                                                                               "application/json": {}}}})
@router.get("/events.json", summary="Events explorer (JSON twin)")
async def events_page(request: Request, st: State, f: Filter, sort: SortParam = "date", order: Order = "desc",
                      page: PageNo = 1, size: Size = 50) -> Response:
    """Filter, sort and page through the coded events with their evidence sentences."""
    data = await answer(st, f, sort, order, page, size)
    extra = {"publishers": await _publishers(st), "roots": _roots(), "modes": list(MODES)}
    return respond(request, "events.html", {**data, "_form": extra}, title="Events", nav="events")


@router.get("/api/events", summary="Events as JSON (what a chart point loads)")
async def api_events(st: State, f: Filter, sort: SortParam = "date", order: Order = "asc", page: PageNo = 1,
                     size: Size = 100) -> Response:
    """The events behind a dyad-month, e.g. `/api/events?dyad=USA-CHN&since=2024-01-01&until=2024-01-31`; each row
    carries `marks`: [start, end, kind] of trigger, source and target inside its sentence."""
    return json_response(await answer(st, f, sort, order, page, size))


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@router.get("/events/export", summary="Export filtered events as CSV or JSON")
def export_events(st: State, f: Filter, sort: SortParam = "date", order: Order = "asc",
                  format: Annotated[Literal["csv", "json"], Query(description="File format.")] = "csv",
                  limit: Annotated[int, Query(ge=1, le=MAX_EXPORT, description=f"At most {MAX_EXPORT} rows.")]
                  = 10_000) -> Response:
    """A download of up to `limit` events with the columns of `blocwatch events` plus the publisher."""
    with st.access.cursor() as cur:
        found = explorer.export(cur, f, sort, order, limit)
    rows = [{c: _cell(r.get(c)) for c in EXPORT_COLUMNS} for r in found]
    headers = {"Content-Disposition": f'attachment; filename="blocwatch-events.{format}"'}
    if format == "json":
        return json_response(rows, headers=headers)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(jsonable(rows))
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
