"""An in-process cache bounded in bytes, for rendered public pages (CACHES["pages"]).

Django's LocMemCache bounds how many entries a process keeps, not how large they are: its 500
entries of up to 512 KB each let junk query parameters grow one worker from 68 MB to 351 MB.
This cache keeps at most MAX_BYTES of pickled values (keys included) per process and, past that,
drops the entries used least recently. A value larger than the whole budget is not kept.
"""

from __future__ import annotations

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

DEFAULT_MAX_BYTES = 16 * 1024 * 1024


class Store:
    """The entries of one cache LOCATION, shared by the threads of a process."""

    def __init__(self):
        self.entries: OrderedDict[str, tuple[float | None, bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def entry_size(key: str, data: bytes) -> int:
    return len(key) + len(data)


class BoundedMemoryCache(BaseCache):
    def __init__(self, name: str, params: dict):
        super().__init__(params)
        self.max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", DEFAULT_MAX_BYTES))
        with _stores_lock:
            self.store = _stores.setdefault(name, Store())

    def usage(self) -> tuple[int, int]:
        """How many entries the cache holds and how many bytes they take."""
        with self.store.lock:
            return len(self.store.entries), self.store.size

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with self.store.lock:
            if self._live(key) is not None:
                return False
            self._put(key, data, timeout)
            return True

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            data = self._live(key)
            if data is None:
                return default
            self.store.entries.move_to_end(key)
        return pickle.loads(data)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        key = self.make_and_validate_key(key, version=version)
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with self.store.lock:
            self._put(key, data, timeout)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            data = self._live(key)
            if data is None:
                return False
            self.store.entries[key] = (self.get_backend_timeout(timeout), data)
            return True

    def delete(self, key, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            return self._drop(key)

    def has_key(self, key, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        with self.store.lock:
            return self._live(key) is not None

    def clear(self) -> None:
        with self.store.lock:
            self.store.entries.clear()
            self.store.size = 0

    # Called with the store's lock held.

    def _live(self, key: str) -> bytes | None:
        entry = self.store.entries.get(key)
        if entry is None:
            return None
        expires, data = entry
        if expires is not None and expires <= time.time():
            self._drop(key)
            return None
        return data

    def _drop(self, key: str) -> bool:
        entry = self.store.entries.pop(key, None)
        if entry is None:
            return False
        self.store.size -= entry_size(key, entry[1])
        return True

    def _put(self, key: str, data: bytes, timeout) -> None:
        self._drop(key)
        size = entry_size(key, data)
        if size > self.max_bytes:
            return
        self.store.entries[key] = (self.get_backend_timeout(timeout), data)
        self.store.size += size
        while self.store.size > self.max_bytes:
            oldest, (_, old_data) = self.store.entries.popitem(last=False)
            self.store.size -= entry_size(oldest, old_data)
