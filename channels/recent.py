"""A bounded memory of recently seen ids, to drop platform retries.

With the production endpoints (``REDIS_HOST`` set, as endpoints.production.yml
and the compose file do) the memory is shared through Redis, so a retry that
reaches another Rasa server, or arrives after a restart, is still dropped;
without Redis it is kept in this process.
"""

from __future__ import annotations

import logging
import os
import time
from collections import OrderedDict
from typing import Any, Hashable, Optional

logger = logging.getLogger(__name__)


class RecentIds:
    """Remembers up to ``size`` ids for ``seconds``; ``seen`` answers once per id."""

    def __init__(self, size: int = 10_000, seconds: float = 3600) -> None:
        self.size = size
        self.seconds = seconds
        self._ids: "OrderedDict[Hashable, float]" = OrderedDict()

    def seen(self, key: Hashable) -> bool:
        """True when ``key`` was seen recently; otherwise remember it and return False."""
        now = time.monotonic()
        while self._ids and next(iter(self._ids.values())) < now - self.seconds:
            self._ids.popitem(last=False)
        if key in self._ids:
            return True
        self._ids[key] = now
        if len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return False


class SharedRecentIds:
    """``RecentIds`` kept in Redis: ``SET key NX EX seconds`` answers once per id across servers."""

    def __init__(self, client: Any, namespace: str, seconds: float = 3600) -> None:
        self.client = client
        self.namespace = namespace
        self.seconds = int(seconds)
        self._fallback = RecentIds(seconds=seconds)

    def seen(self, key: Hashable) -> bool:
        try:
            first = self.client.set(f"recent:{self.namespace}:{key}", "1", nx=True, ex=self.seconds)
            return not first
        except Exception as error:  # Redis down: still drop retries this process has seen
            logger.warning("Retry memory: Redis unavailable (%s); using this process's memory.", type(error).__name__)
            return self._fallback.seen(key)


def recent_ids(namespace: str, seconds: float = 3600) -> "RecentIds | SharedRecentIds":
    """Shared through Redis when ``REDIS_HOST`` is set, else in this process."""
    client = redis_client()
    return SharedRecentIds(client, namespace, seconds) if client is not None else RecentIds(seconds=seconds)


def redis_client() -> Optional[Any]:
    host = os.environ.get("REDIS_HOST", "").strip()
    if not host:
        return None
    import redis

    return redis.Redis(
        host=host,
        port=int(os.environ.get("REDIS_PORT", "6379") or 6379),
        password=os.environ.get("REDIS_PASSWORD") or None,
        socket_timeout=2,
        socket_connect_timeout=2,
    )
