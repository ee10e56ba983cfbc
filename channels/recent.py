"""A bounded memory of recently seen ids, to drop platform retries."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Hashable


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
