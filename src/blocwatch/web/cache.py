"""A small thread-safe LRU cache that computes each missing key once, however many requests ask at once."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class Memo:
    """Least-recently-used results by key; concurrent misses of one key wait for a single computation."""

    def __init__(self, maxsize: int = 512) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        cached, value = self.peek(key)
        if cached:
            return value
        with self._lock:
            pending = self._pending.setdefault(key, threading.Lock())
        with pending:
            with self._lock:
                if key in self._data:
                    self.hits += 1
                    return self._data[key]
            try:
                value = compute()
                with self._lock:
                    self.misses += 1
                    self._data[key] = value
                    while len(self._data) > self.maxsize:
                        self._data.popitem(last=False)
            finally:
                with self._lock:
                    self._pending.pop(key, None)
        return value

    def peek(self, key: Hashable) -> tuple[bool, Any]:
        """(True, value) when ``key`` is cached, else (False, None); never computes."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return True, self._data[key]
        return False, None

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
