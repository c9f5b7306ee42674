"""Whole responses of read requests, kept until the store changes.

The store cannot change behind the server's back (DuckDB lets one process write a file, and a read-only
server holds it), so a GET answered with 200 for a given URL, Accept header and host stays right until this
server writes — and every write bumps ``StoreAccess.version``, which is part of the key. A hit is answered on
the event loop without routing, validation, a worker thread or the database. ``/healthz`` (the load test's
baseline) and ``/static`` (files with their own conditional requests) are not kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SKIP_PREFIXES = ("/static/", "/healthz")


class ResponseCache:
    """An LRU of (status line and headers, body) by (store version, path, query, Accept, Host)."""

    def __init__(self, app: ASGIApp, version: Callable[[], Hashable], max_entries: int = 4096,
                 max_total: int = 96 * 2**20, max_entry: int = 2 * 2**20) -> None:
        self.app = app
        self.version = version
        self.max_entries, self.max_total, self.max_entry = max_entries, max_total, max_entry
        self.entries: OrderedDict[Hashable, tuple[Message, bytes]] = OrderedDict()
        self.total = 0

    def _key(self, scope: Scope) -> Hashable | None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(SKIP_PREFIXES):
            return None
        headers = dict(scope.get("headers") or ())
        if b"authorization" in headers:
            return None
        return (self.version(), scope.get("root_path", ""), scope["path"], scope.get("query_string", b""),
                headers.get(b"accept", b""), headers.get(b"host", b""))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            start, body = hit
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        captured: dict = {"start": None, "chunks": [], "size": 0, "keep": True}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["start"] = message
                captured["keep"] = message["status"] == 200
            elif message["type"] == "http.response.body" and captured["keep"]:
                captured["size"] += len(message.get("body", b""))
                if captured["size"] > self.max_entry:
                    captured["keep"], captured["chunks"] = False, []
                else:
                    captured["chunks"].append(message.get("body", b""))
                if not message.get("more_body", False) and captured["keep"]:
                    self._store(key, captured["start"], b"".join(captured["chunks"]))
            await send(message)

        await self.app(scope, receive, capture)

    def _store(self, key: Hashable, start: Message, body: bytes) -> None:
        self.entries[key] = (start, body)
        self.total += len(body)
        while len(self.entries) > self.max_entries or self.total > self.max_total:
            _, (_, old) = self.entries.popitem(last=False)
            self.total -= len(old)
