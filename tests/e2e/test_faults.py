"""Conversations survive a killed Rasa server and many runners at once.

Conversations live in the SQL tracker store (a SQLite file here), so a Rasa
server killed with SIGKILL in the middle of an assessment picks up where the
runner was when it starts again.
"""

import signal
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from harness.servers import Servers

pytestmark = pytest.mark.e2e

# A runner's answer to each question the assistant may ask (it asks what is missing, in its own order).
ANSWERS = {
    "injury_event": "no, it came on gradually",
    "bone_tenderness": "no, pressing the bones doesn't hurt",
    "tiptoe": "yes I can",
    "warning_signs": "none of these",
    "swelling": "no swelling",
    "anything_else": "nothing else",
    "weekly_km": "about 25 km a week",
    "volume_change": "same as usual",
    "shoes": "they're worn out",
    "surface": "mostly trails",
    "warm_up": "yes I warm up but I never stretch",
    "can_walk": "yes",
}


def answer_until_assessed(servers, sender, most: int = 12) -> None:
    for _ in range(most):
        question = servers.tracker(sender)["slots"]["requested_slot"]
        if question is None:
            return
        servers.say(sender, ANSWERS[question])


def test_sigkill_mid_assessment_loses_nothing(tmp_path):
    servers = Servers(tmp_path, extra_args=["--enable-api"])
    servers.start_actions()
    servers.start_rasa()
    try:
        sender = f"kill-{uuid.uuid4().hex[:6]}"
        servers.say(sender, "my right ankle hurts after running")
        for answer in ("no, it came on gradually", "no, pressing the bones doesn't hurt", "none of these"):
            servers.say(sender, answer)
        replies = servers.say(sender, "no swelling")
        assert any("anything else" in r.lower() for r in replies), replies

        servers.stop("rasa", signal.SIGKILL)
        servers.start_rasa()

        slots = servers.tracker(sender)["slots"]
        assert (slots["body_part"], slots["pain_side"], slots["injury_event"], slots["swelling"]) == (
            "ankle",
            "right",
            False,
            False,
        )
        assert slots["requested_slot"] == "anything_else"
        replies = servers.say(sender, "nothing else")
        assert any("changed lately" in r.lower() for r in replies), replies  # the next question, not a restart
    finally:
        servers.stop_all()


def test_fifty_interleaved_conversations_keep_their_own_answers(servers):
    sides = ["left", "right"]
    parts = ["ankle", "heel", "achilles", "foot", "shin"]

    def conversation(number: int) -> dict:
        sender = f"many-{number}-{uuid.uuid4().hex[:6]}"
        side, part = sides[number % 2], parts[number % 5]
        servers.say(sender, f"my {side} {part} hurts after running")
        answer_until_assessed(servers, sender)
        return {"expected": (part, side), "slots": servers.tracker(sender)["slots"]}

    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(conversation, range(50)))

    for result in results:
        slots = result["slots"]
        assert (slots["body_part"], slots["pain_side"]) == result["expected"]
        assert slots["shoes"] == "worn_out" and slots["surface"] == "uneven"
        assert slots["volume_change"] == "steady"  # the most telling training question, asked for every part
        assert slots["triage"] is not None
