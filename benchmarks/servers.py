"""The servers under test: ``tests.e2e.servers.Servers`` with a chosen model.

Two differences from the end-to-end fixture: the model file is a parameter
(ours or the default-config baseline), and the endpoints come from the
project's ``endpoints.yml`` (so options such as ``enable_selective_domain``
are benchmarked as deployed), with the action server's URL, a fresh SQLite
tracker store (endpoints.yml's type) and the in-memory lock store filled in. Both servers start at
the same moment, as ``make serve`` starts them.
"""
from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

import yaml

from tests.e2e.servers import ENDPOINTS, MODEL, PROJECT_ROOT, VENV_BIN, Servers, server_env, wait_until_up


@dataclass
class BenchServers(Servers):
    """Servers for one bot; ``started_at`` is when both were launched."""

    model: Path = MODEL
    started_at: float = 0.0
    ready_seconds: Dict[str, float] = field(default_factory=dict)

    @property
    def db(self) -> Path:
        return self.tracker_db or (self.workdir / "tracker.db")

    def endpoints_file(self) -> Path:
        config: Dict[str, Any] = yaml.safe_load(ENDPOINTS.read_text()) or {}
        action = dict(config.get("action_endpoint") or {})
        action["url"] = f"http://127.0.0.1:{self.action_port}/webhook"
        endpoints = {
            "action_endpoint": action,
            "tracker_store": {**config["tracker_store"], "db": str(self.db)},
            "lock_store": {"type": "in_memory"},
        }
        path = self.workdir / "endpoints.yml"
        path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
        return path

    def start_rasa(self) -> None:
        log = self.workdir / "rasa.log"
        self.processes["rasa"] = subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "--model", str(self.model), "--port", str(self.rasa_port),
             "--endpoints", str(self.endpoints_file()), "--credentials", "credentials.yml",
             "--interface", "127.0.0.1", *self.extra_args],
            cwd=PROJECT_ROOT, env=server_env(self.env), stdout=log.open("w"), stderr=subprocess.STDOUT,
        )
        wait_until_up(self.url, self.processes["rasa"], log, timeout=300)

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
