"""Atom feeds of the stored alerts: all of them, one dyad's, one actor's."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from blocwatch.web.alerts import latest_alerts
from blocwatch.web.feeds import alerts_feed
from blocwatch.web.params import StateA, StateB, StateCode, check_pair
from blocwatch.web.state import WebState, get_state

router = APIRouter(tags=["feeds"])
State = Annotated[WebState, Depends(get_state)]
ATOM_TYPE = "application/atom+xml; charset=utf-8"
FEED = {200: {"content": {"application/atom+xml": {}}, "description": "An Atom 1.0 feed."}}
LIMIT = 100


def _feed(request: Request, st: State, path: str, key: tuple, title: str, **query: object) -> Response:
    """The feed at the canonical ``path`` (a dyad's feed is the same whichever order the states are given in)."""
    base = str(request.base_url)

    def compute() -> bytes:
        return alerts_feed(latest_alerts(st.access, limit=LIMIT, **query), f"urn:blocwatch:{':'.join(key)}", title,
                           base + path, base)

    body = st.memo.get(("feed", st.access.version, key, base), compute)
    return Response(body, media_type=ATOM_TYPE)


@router.get("/alerts.atom", summary="All stored alerts", response_class=Response, responses=FEED)
def all_alerts(request: Request, st: State) -> Response:
    return _feed(request, st, "alerts.atom", ("alerts",), "blocwatch alerts")


@router.get("/alerts/dyad/{a}/{b}.atom", summary="Alerts about one dyad", response_class=Response, responses=FEED)
def dyad_alerts(request: Request, st: State, a: StateA, b: StateB) -> Response:
    check_pair(a, b)
    x, y = sorted((a, b))
    return _feed(request, st, f"alerts/dyad/{x}/{y}.atom", ("alerts", "dyad", f"{x}-{y}"), f"blocwatch alerts: {x}–{y}",
                 pair=(x, y))


@router.get("/alerts/actor/{code}.atom", summary="Alerts involving one state", response_class=Response,
            responses=FEED)
def actor_alerts(request: Request, st: State, code: StateCode) -> Response:
    return _feed(request, st, f"alerts/actor/{code}.atom", ("alerts", "actor", code), f"blocwatch alerts: {code}",
                 actor=code)
