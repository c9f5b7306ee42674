"""Request parameters: documented, validated types, and the analysis window.

Every value that reaches SQL is either validated against a strict pattern here (state codes,
dyads, CAMEO roots) or passed as a query parameter; a bad value is a 422 with a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from fastapi import HTTPException, Path, Query, Request

CODE_PATTERN = r"^[A-Z]{3}$"
DYAD_PATTERN = r"^[A-Z]{3}-[A-Z]{3}$"
ROOT_PATTERN = r"^(0[1-9]|1[0-9]|20)$"
NAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
MAX_PAGE_SIZE = 500
MAX_EXPORT = 50_000

Since = Annotated[date | None, Query(description="First day of the window (YYYY-MM-DD); default: 12 months "
                                                 "before `until`.")]
Until = Annotated[date | None, Query(description="Last day of the window (YYYY-MM-DD); default: the latest "
                                                 "event date in the store.")]
MinEvents = Annotated[int, Query(ge=1, le=10_000, description="Events a dyad needs in a window (or month) to get "
                                                             "a net-cooperation value; fewer give no tie.")]
StateA = Annotated[str, Path(pattern=CODE_PATTERN, description="Three-letter state code, e.g. USA.")]
StateB = Annotated[str, Path(pattern=CODE_PATTERN, description="Three-letter state code, e.g. CHN.")]
StateCode = Annotated[str, Path(pattern=CODE_PATTERN, description="Three-letter state code, e.g. JPN.")]


def unprocessable(message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=message)


def check_code(value: str, name: str = "actor") -> str:
    if not re.fullmatch(CODE_PATTERN, value):
        raise unprocessable(f"{name} {value!r}: use a three-letter upper-case state code such as USA")
    return value


def check_pair(a: str, b: str) -> tuple[str, str]:
    check_code(a, "first state")
    check_code(b, "second state")
    if a == b:
        raise unprocessable(f"dyad {a}-{b}: a dyad needs two different states")
    return a, b


def parse_dyad(value: str) -> tuple[str, str]:
    """``USA-CHN`` → ("USA", "CHN")."""
    if not re.fullmatch(DYAD_PATTERN, value):
        raise unprocessable(f"dyad {value!r}: use two state codes joined by a hyphen, e.g. USA-CHN")
    a, b = value.split("-")
    return check_pair(a, b)


@dataclass(frozen=True)
class Window:
    """A span of days and the span of equal length just before it."""

    since: date
    until: date

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def previous(self) -> Window:
        end = self.since - timedelta(days=1)
        return Window(end - timedelta(days=self.days - 1), end)

    def as_dict(self) -> dict[str, object]:
        prev = self.previous()
        return {"since": self.since, "until": self.until, "days": self.days,
                "previous_since": prev.since, "previous_until": prev.until}


def year_before(day: date) -> date:
    """The day after the same date one year earlier (so the window is 12 months long)."""
    try:
        start = day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        start = day.replace(year=day.year - 1, day=28)
    return start + timedelta(days=1)


def make_window(since: date | None, until: date | None, latest: date | None) -> Window | None:
    """The requested window, defaulting to the last 12 months of data; None when there is no data to default to."""
    end = until or (max(latest, since) if latest and since else latest)
    if end is None:
        return None
    start = since or year_before(end)
    if start > end:
        raise unprocessable(f"since {start} is after until {end}")
    return Window(start, end)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 beyond ``limit`` bytes (checked while reading, not after)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"body larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
