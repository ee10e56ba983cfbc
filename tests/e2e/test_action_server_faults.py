"""The action server is down or hangs: the runner is told, nothing is lost.

Rasa 3.6 alone stays silent when a custom action fails (or waits up to five
minutes for a hung action server). With our guard the runner gets a short
"having trouble" message, the conversation keeps its state, and it carries on
by itself once the action server answers again.
"""

import socket
import time
import uuid

import pytest

from harness.servers import Servers

pytestmark = pytest.mark.e2e

TROUBLE = "having trouble"


def test_action_server_down_then_back(tmp_path):
    servers = Servers(tmp_path, extra_args=["--enable-api"])
    servers.start_actions()
    servers.start_rasa()
    try:
        sender = f"down-{uuid.uuid4().hex[:6]}"
        servers.say(sender, "my left ankle hurts after running")
        before = servers.tracker(sender)["slots"]

        servers.stop("actions")
        started = time.monotonic()
        replies = servers.say(sender, "no, it came on gradually")
        assert time.monotonic() - started < 5
        assert sum(TROUBLE in r for r in replies) == 1, replies  # one notice, not one per failed action
        after = servers.tracker(sender)["slots"]
        assert after["body_part"] == before["body_part"] == "ankle"
        assert after["requested_slot"] == before["requested_slot"] == "injury_event"

        servers.start_actions()  # back on the same port: no restart of Rasa needed
        replies = servers.say(sender, "no, it came on gradually")
        assert not any(TROUBLE in r for r in replies), replies
        assert any("press firmly" in r.lower() for r in replies), replies
        slots = servers.tracker(sender)["slots"]
        assert (slots["body_part"], slots["pain_side"], slots["injury_event"]) == ("ankle", "left", False)
    finally:
        servers.stop_all()


def test_a_hung_action_server_is_cut_off_after_the_timeout(tmp_path):
    hung = socket.socket()  # accepts connections, never answers
    hung.bind(("127.0.0.1", 0))
    hung.listen(50)
    servers = Servers(tmp_path, action_port=hung.getsockname()[1], env={"ACTION_TIMEOUT_SECONDS": "2"})
    servers.start_rasa()
    try:
        started = time.monotonic()
        replies = servers.say(f"hung-{uuid.uuid4().hex[:6]}", "my heel hurts after running")
        seconds = time.monotonic() - started
        assert any(TROUBLE in r for r in replies), replies
        assert seconds < 10, f"took {seconds:.1f} s"
    finally:
        servers.stop_all()
        hung.close()


def test_fault_handling_is_the_same_with_rasas_own_channel(tmp_path):
    """Started without this project's channels (Rasa's own REST channel, as
    `rasa shell` uses Rasa's own channel too), the bot still tells the runner
    when the action server hangs: the patches come with the model (issue #13)."""
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(50)
    credentials = tmp_path / "rasa_rest_only.yml"
    credentials.write_text("rest:\n")
    servers = Servers(
        tmp_path,
        action_port=hung.getsockname()[1],
        env={"ACTION_TIMEOUT_SECONDS": "2"},
        credentials=str(credentials),
    )
    servers.start_rasa()
    try:
        replies = servers.say(f"plain-{uuid.uuid4().hex[:6]}", "my heel hurts after running")
        assert any(TROUBLE in r for r in replies), replies
        log = (servers.workdir / "rasa.log").read_text()
        assert "channels.rest" not in log and "CheckedRestInput" not in log
    finally:
        servers.stop_all()
        hung.close()
