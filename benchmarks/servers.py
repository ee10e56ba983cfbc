"""The servers under test: ``harness.servers.Servers`` (the chosen model, and
endpoints.yml as deployed with a fresh SQLite file), started both at the same
moment, as ``make serve`` starts them, and timed.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List

from harness.servers import Servers


@dataclass
class BenchServers(Servers):
    """Servers for one bot; ``started_at`` is when both were launched."""

    rasa_start_timeout: float = 300
    started_at: float = 0.0
    ready_seconds: Dict[str, float] = field(default_factory=dict)

    def _timed(self, name: str, start: Any, errors: List[BaseException]) -> None:
        try:
            start()
            self.ready_seconds[name] = time.monotonic() - self.started_at
        except BaseException as error:  # reported by start_both
            errors.append(error)

    def start_both(self) -> None:
        """Launch the action server and the Rasa server together; wait for both."""
        self.started_at = time.monotonic()
        errors: List[BaseException] = []
        actions = threading.Thread(target=self._timed, args=("actions", self.start_actions, errors))
        actions.start()
        self._timed("rasa", self.start_rasa, errors)
        actions.join()
        if errors:
            self.stop_all()
            raise errors[0]

    def pids(self) -> Dict[str, int]:
        return {name: process.pid for name, process in list(self.processes.items())}
