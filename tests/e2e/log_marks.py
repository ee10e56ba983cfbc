"""A positive control for the tests that read the servers' logs.

A check that something is *not* in a log passes as well on an empty, missing
or stale log. ``mark_logs`` makes the Rasa server and the action server each
log one line carrying a marker the test chose (its own conversation id), and
waits until both log files show it: then the files are the servers' live
logs, and whatever the servers logged while handling the test's earlier
requests has reached them.

The lines come from the servers' own error logging, with no change to either:
Rasa's HTTP API logs the events it refuses (``ErrorResponse``, ERROR), and the
Rasa SDK logs the name of an action it does not know (ERROR).
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import quote

import rasa
import requests

from harness.servers import Servers

LOGS = ("rasa.log", "actions.log")


def wait_for_text(log: Path, text: str, timeout: float = 30) -> str:
    """The log's text once it contains ``text``; fails after ``timeout`` seconds."""
    deadline = time.time() + timeout
    content = ""
    while time.time() < deadline:
        content = log.read_text(errors="replace") if log.exists() else ""
        if text in content:
            return content
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never reached {log} (positive control); its end:\n{content[-2000:]}")


def mark_logs(servers: Servers, marker: str) -> dict:
    """Have both servers log ``marker``; their logs' text once both show it, by file name."""
    refused = requests.post(
        f"{servers.url}/conversations/{quote(marker, safe='')}/tracker/events",
        params={"token": servers.api_token},
        json={"event": f"log-mark {marker}"},
        timeout=30,
    )
    assert refused.status_code == 400, refused.text[:300]
    unknown = requests.post(
        f"http://127.0.0.1:{servers.action_port}/webhook",
        json={"next_action": f"log-mark {marker}", "version": rasa.__version__, "sender_id": marker},
        timeout=30,
    )
    assert unknown.status_code == 404, unknown.text[:300]
    return {name: wait_for_text(servers.workdir / name, f"log-mark {marker}") for name in LOGS}
