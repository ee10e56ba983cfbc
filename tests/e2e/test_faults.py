"""Conversations survive a killed Rasa server and many runners at once.

Conversations live in the SQL tracker store (a SQLite file here), so a Rasa
server killed with SIGKILL in the middle of an assessment picks up where the
runner was when it starts again.
"""
import signal
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.e2e.servers import Servers

pytestmark = pytest.mark.e2e

ANSWERS = ["no, it came on gradually", "no swelling", "they're worn out", "mostly trails",
           "yes I warm up", "I never stretch", "about 25 km a week", "same as usual"]


def test_sigkill_mid_assessment_loses_nothing(tmp_path):
    servers = Servers(tmp_path, extra_args=["--enable-api"])
    servers.start_actions()
    servers.start_rasa()
    try:
        sender = f"kill-{uuid.uuid4().hex[:6]}"
        servers.say(sender, "my right ankle hurts after running")
        servers.say(sender, "no, it came on gradually")
        replies = servers.say(sender, "no swelling")
        assert any("shoes" in r.lower() for r in replies), replies

        servers.stop("rasa", signal.SIGKILL)
        servers.start_rasa()

        slots = servers.tracker(sender)["slots"]
        assert (slots["body_part"], slots["pain_side"], slots["injury_event"], slots["swelling"]) == (
            "ankle", "right", False, False)
        assert slots["requested_slot"] == "shoes"
        replies = servers.say(sender, "they're worn out")
        assert any("run on" in r.lower() for r in replies), replies  # the next question, not a restart
    finally:
        servers.stop_all()


def test_fifty_interleaved_conversations_keep_their_own_answers(servers):
    sides = ["left", "right"]
    parts = ["ankle", "heel", "achilles", "foot", "shin"]

    def conversation(number: int) -> dict:
        sender = f"many-{number}-{uuid.uuid4().hex[:6]}"
        side, part = sides[number % 2], parts[number % 5]
        servers.say(sender, f"my {side} {part} hurts after running")
        for answer in ANSWERS:
            servers.say(sender, answer)
        return {"expected": (part, side), "slots": servers.tracker(sender)["slots"]}

    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(conversation, range(50)))

    for result in results:
        slots = result["slots"]
        assert (slots["body_part"], slots["pain_side"]) == result["expected"]
        assert slots["shoes"] == "worn_out" and slots["surface"] == "uneven"
        assert slots["stretching"] is False and slots["weekly_km"] == 25.0
        assert slots["triage"] is not None
