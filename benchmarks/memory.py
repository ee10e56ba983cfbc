"""Peak resident memory (RSS) of server processes, sampled from /proc.

No psutil: the RSS of a process and of all its descendants is read from
``/proc/<pid>/status`` every ``interval`` seconds in a background thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Dict, List


def _children(pid: int) -> List[int]:
    found: List[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def tree_rss_bytes(pid: int) -> int:
    """RSS of ``pid`` and its descendants, in bytes (0 when it is gone)."""
    total, pending, seen = 0, [pid], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue
        pending += _children(current)
    return total


class PeakRss(threading.Thread):
    """Samples named processes until ``stop()``; ``peak`` and ``last`` in bytes."""

    def __init__(self, pids: Callable[[], Dict[str, int]], interval: float = 0.2) -> None:
        """``pids`` names the processes to watch, asked again at each sample."""
        super().__init__(daemon=True)
        self.interval = interval
        self.pids = pids
        self.peak: Dict[str, int] = {}
        self.last: Dict[str, int] = {}
        self._stopped = threading.Event()

    def sample(self) -> None:
        for name, pid in self.pids().items():
            rss = tree_rss_bytes(pid)
            if rss:
                self.last[name] = rss
                self.peak[name] = max(self.peak.get(name, 0), rss)

    def run(self) -> None:
        while not self._stopped.wait(self.interval):
            self.sample()

    def stop(self) -> None:
        self.sample()
        self._stopped.set()
