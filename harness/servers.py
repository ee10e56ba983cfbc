"""Start the real action server and Rasa server for end-to-end tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import requests
import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
MODEL = PROJECT_ROOT / "models" / "current.tar.gz"
ENDPOINTS = PROJECT_ROOT / "endpoints.yml"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "PYTHONWARNINGS": "ignore::DeprecationWarning",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        }
    )
    env.update(extra or {})
    return env


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} not up after {timeout} s:\n{log.read_text()[-3000:]}")


@dataclass
class Servers:
    """A running action server and Rasa server, with their ports and logs."""

    workdir: Path
    action_port: int = field(default_factory=free_port)
    rasa_port: int = field(default_factory=free_port)
    tracker_db: Optional[Path] = None
    extra_args: List[str] = field(default_factory=list)
    env: Dict[str, str] = field(default_factory=dict)
    api_token: str = field(default_factory=lambda: os.urandom(12).hex())
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)
    model: Path = MODEL
    rasa_start_timeout: float = 180
    credentials: str = "credentials.yml"  # the channels the Rasa server opens

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def db(self) -> Path:
        """This run's SQLite tracker store file."""
        return self.tracker_db or (self.workdir / "tracker.db")

    def endpoints_file(self) -> Path:
        """endpoints.yml as deployed, with this action server's URL and this run's SQLite file."""
        deployed = yaml.safe_load(ENDPOINTS.read_text())
        action = {**deployed["action_endpoint"], "url": f"http://127.0.0.1:{self.action_port}/webhook"}
        tracker_store = {**deployed["tracker_store"], "db": str(self.db)}
        endpoints = {"action_endpoint": action, "tracker_store": tracker_store, "lock_store": {"type": "in_memory"}}
        path = self.workdir / "endpoints.yml"
        path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
        return path

    def start_actions(self) -> None:
        log = self.workdir / "actions.log"
        self.processes["actions"] = subprocess.Popen(
            [str(VENV_BIN / "rasa"), "run", "actions", "--port", str(self.action_port), "--actions", "actions"],
            cwd=PROJECT_ROOT,
            env=server_env({"RASA_ENDPOINTS": str(self.endpoints_file()), **self.env}),  # the check-ins' database
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_until_up(f"http://127.0.0.1:{self.action_port}/health", self.processes["actions"], log)

    def start_rasa(self) -> None:
        log = self.workdir / "rasa.log"
        if "--enable-api" in self.extra_args and "--auth-token" not in self.extra_args:
            self.extra_args += ["--auth-token", self.api_token]
        self.processes["rasa"] = subprocess.Popen(
            [
                *self.rasa_program(),
                "run",
                "--model",
                str(self.model),
                "--port",
                str(self.rasa_port),
                "--endpoints",
                str(self.endpoints_file()),
                "--credentials",
                str(self.credentials),
                "--interface",
                "127.0.0.1",
                *self.extra_args,
            ],
            cwd=PROJECT_ROOT,
            env=server_env({"RASA_ENDPOINTS": str(self.endpoints_file()), **self.env}),
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_until_up(self.url, self.processes["rasa"], log, timeout=self.rasa_start_timeout)

    def rasa_program(self) -> List[str]:
        """The command that runs Rasa's CLI (a subclass may run it under a profiler)."""
        return [str(VENV_BIN / "rasa")]

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            process.send_signal(sig)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)

    def say(self, sender: str, text: str) -> List[str]:
        """Send a message over the REST channel; the assistant's texts."""
        response = requests.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=30
        )
        response.raise_for_status()
        return [m.get("text", "") for m in response.json()]

    def tracker(self, sender: str) -> dict:
        response = requests.get(
            f"{self.url}/conversations/{sender}/tracker", params={"token": self.api_token}, timeout=30
        )
        response.raise_for_status()
        return response.json()
