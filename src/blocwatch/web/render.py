"""Answering a page request: HTML from a Jinja2 template, or the same data as JSON (the page's JSON twin).

A request gets JSON when its path ends in ``.json`` or its Accept header prefers ``application/json``.
Dates become ISO strings and NaN becomes null, so the JSON is strict.
"""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlencode

import numpy as np
from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape

from blocwatch.lexicon.cameo import load_cameo

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
ARROWS = {"up": "↑", "down": "↓", "flat": "→", "new": "•", "none": "–"}


def _plain(value: Any) -> Any:
    """What the C JSON encoder cannot write itself (the ``default`` hook of ``json.dumps``)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, set | frozenset):
        return list(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


def jsonable(value: Any) -> Any:
    """Plain JSON types: dates as ISO strings, NaN/inf as None, numpy scalars as Python numbers (common types first:
    this runs over every cell of every JSON answer)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is dict:
        return {str(k): jsonable(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, float):  # numpy floats too
        return float(value) if math.isfinite(value) else None
    try:
        return jsonable(_plain(value))
    except TypeError:
        return value


def dumps(value: Any) -> bytes:
    """Strict JSON: in one pass of the C encoder when the data allows, otherwise after ``jsonable`` (NaN becomes
    null, keys become strings)."""
    try:
        text = json.dumps(value, default=_plain, allow_nan=False, ensure_ascii=False, separators=(",", ":"))
    except (ValueError, TypeError):
        text = json.dumps(jsonable(value), allow_nan=False, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def json_response(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(value), status_code=status, media_type="application/json", headers=headers)


def wants_json(request: Request) -> bool:
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    if "application/json" not in accept:
        return False
    if "text/html" not in accept:
        return True
    return accept.index("application/json") < accept.index("text/html")


def _num(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{value:.{digits}f}"


def _signed(value: Any, digits: int = 2) -> str:
    return "–" if value is None else f"{value:+.{digits}f}"


def _code_name(code: str | None) -> str:
    if not code:
        return ""
    try:
        return load_cameo().get(code).name
    except KeyError:
        return ""


def _highlight(text: str, marks: list[list[Any]]) -> Markup:
    """The sentence as HTML with each mark (start, end, kind) wrapped in ``<mark class="kind">``; a mark that
    overlaps an earlier one is skipped."""
    out, pos = [], 0
    for start, end, kind in sorted(marks, key=lambda m: m[0]):
        if start >= pos:
            out.append(escape(text[pos:start]))
            out.append(Markup('<mark class="{}">{}</mark>').format(kind, text[start:end]))
            pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied (None removes a key)."""
    merged = {**{k: v for k, v in params.items() if v not in (None, "")}, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("blocwatch.web", "templates"), autoescape=select_autoescape(),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=_num, quote_all=lambda v: quote(str(v), safe=""), signed=_signed, code_name=_code_name,
                       query=_query, highlight=_highlight,
                       month=lambda d: d.strftime("%Y-%m") if isinstance(d, date) else str(d or ""),
                       pct=lambda v: "–" if v is None else f"{100 * v:.1f}%", arrow=lambda t: ARROWS.get(t, ""),
                       quad=lambda q: QUADS.get(q, ""), tojson_safe=lambda v: htmlsafe_json_dumps(jsonable(v)))
    env.globals.update(quads=QUADS)
    return env


ENV = _environment()


def html(request: Request, template: str, data: dict[str, Any], status: int = 200, title: str = "",
         nav: str = "") -> HTMLResponse:
    """Render ``template`` with the data at top level and the page frame under ``site``."""
    site = {"title": title, "nav": nav, "root": request.scope.get("root_path", ""), "path": request.url.path,
            "store": request.app.state.web.access.label, "query": dict(request.query_params)}
    return HTMLResponse(ENV.get_template(template).render(site=site, **data), status_code=status)


def respond(request: Request, template: str, data: dict[str, Any], *, title: str = "", nav: str = "",
            as_json: bool | None = None, status: int = 200) -> Response:
    """The JSON twin or the HTML page of the same data (keys starting with "_" are for the page only)."""
    if as_json if as_json is not None else wants_json(request):
        response = json_response({k: v for k, v in data.items() if not k.startswith("_")}, status)
    else:
        response = html(request, template, data, status, title, nav)
    response.headers["Vary"] = "Accept"
    return response
