"""A full conversation over the REST channel against the real servers.

Checks what a runner sees (questions, urgent advice, assessment) and the slot
contract at the HTTP API tracker endpoint.
"""
import uuid

import requests

import pytest

pytestmark = pytest.mark.e2e


def new_sender() -> str:
    return f"runner-{uuid.uuid4().hex[:8]}"


def test_full_assessment_fills_the_slot_contract(servers):
    sender = new_sender()
    replies = servers.say(sender, "right ankle hurts since I doubled my distance, "
                                  "I run on concrete in old shoes and never warm up")
    assert any("twist" in r.lower() for r in replies), replies  # asks only what is missing
    servers.say(sender, "no, it came on gradually")
    replies = servers.say(sender, "no swelling")
    assert any("stretch" in r.lower() for r in replies), replies
    servers.say(sender, "I stretch after every run")
    replies = servers.say(sender, "about 20 miles a week")
    texts = " ".join(replies).lower()
    assert "not a diagnosis" in texts
    assert "physio" in texts

    slots = servers.tracker(sender)["slots"]
    assert slots["body_part"] == "ankle"
    assert slots["pain_side"] == "right"
    assert slots["injury_event"] is False
    assert slots["swelling"] is False
    assert slots["shoes"] == "worn_out"
    assert slots["surface"] == "hard"
    assert slots["warm_up"] is False
    assert slots["stretching"] is True
    assert slots["weekly_km"] == pytest.approx(32.2)
    assert slots["volume_change"] == "increased"
    assert slots["triage"] == "self_care"
    assert slots["likely_causes"] == ["overload", "footwear", "surface", "no_warm_up"]


def test_red_flag_stops_the_questions_and_says_what_to_do(servers):
    sender = new_sender()
    replies = servers.say(sender, "I twisted my ankle on a trail, heard a crack and now I can't walk")
    text = " ".join(replies).lower()
    assert "a&e" in text or "urgent" in text or "emergency" in text, replies
    assert not any(r.endswith("?") for r in replies[-1:]), replies  # no further question
    slots = servers.tracker(sender)["slots"]
    assert slots["triage"] == "emergency"
    assert {"crack_heard", "cannot_bear_weight"} <= set(slots["red_flags"])


def test_conversations_are_kept_apart(servers):
    first, second = new_sender(), new_sender()
    servers.say(first, "my achilles hurts")
    servers.say(second, "my heel hurts")
    assert servers.tracker(first)["slots"]["body_part"] == "achilles"
    assert servers.tracker(second)["slots"]["body_part"] == "heel"


def test_a_correction_after_the_assessment_updates_it(servers):
    sender = new_sender()
    servers.say(sender, "my left heel hurts, no twist, no swelling, I run 30 km a week on grass, "
                        "same as always, I warm up and stretch")
    replies = servers.say(sender, "my shoes are fine")
    assert any("not a diagnosis" in r for r in replies), replies
    assert servers.tracker(sender)["slots"]["likely_causes"] == []
    replies = servers.say(sender, "actually my shoes are brand new")
    slots = servers.tracker(sender)["slots"]
    assert slots["shoes"] == "new"
    assert slots["likely_causes"] == ["footwear"]
    assert slots["triage"] == "self_care"


def test_a_red_flag_after_the_assessment_changes_the_advice(servers):
    sender = new_sender()
    servers.say(sender, "my ankle aches after runs, no twist, not swollen, old shoes, road, "
                        "I never warm up or stretch, 20 km a week, same as usual")
    assert servers.tracker(sender)["slots"]["triage"] == "self_care"
    replies = servers.say(sender, "it now hurts at night and wakes me up")
    assert any("doctor" in r.lower() or "physio" in r.lower() for r in replies), replies
    assert servers.tracker(sender)["slots"]["triage"] == "see_doctor"


def test_the_http_api_refuses_requests_without_the_token(servers):
    import requests

    sender = new_sender()
    servers.say(sender, "my ankle hurts")
    assert requests.get(f"{servers.url}/conversations/{sender}/tracker", timeout=10).status_code == 401
    assert requests.get(f"{servers.url}/conversations/{sender}/tracker", params={"token": "wrong"},
                        timeout=10).status_code == 401
    assert servers.tracker(sender)["slots"]["body_part"] == "ankle"


@pytest.mark.parametrize("channel", ["telegram", "slack"])
def test_a_channel_without_its_secrets_is_off_and_says_so(servers, channel):
    response = requests.post(f"{servers.url}/webhooks/{channel}/webhook", json={"update_id": 1}, timeout=10)
    assert response.status_code == 503
    assert "not configured" in response.text
