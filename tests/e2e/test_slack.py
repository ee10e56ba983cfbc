"""Slack: signed Events API and interactivity requests in, Web API calls out.

Our Slack connector runs in the real Rasa server; its replies go to a fake
Slack Web API on 127.0.0.1 that records ``chat.postMessage`` calls.
"""

import json
import time

import pytest

pytestmark = pytest.mark.e2e

EVENT_JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def post_event(platforms, body, headers=None, secret=None):
    request = platforms.slack_events.signed(json.dumps(body).encode(), EVENT_JSON, secret=secret)
    request["headers"].update(headers or {})
    return platforms.to_slack_webhook(request["data"], request["headers"])


def posts_to(platforms, channel, count=1):
    return platforms.slack.wait_for("chat.postMessage", count=count, channel=channel)


def button_titles(call):
    blocks = call.params["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return [element["text"]["text"] for block in blocks if block["type"] == "actions" for element in block["elements"]]


def test_a_direct_message_gets_the_question_with_buttons(platforms):
    events = platforms.slack_events
    response = post_event(platforms, events.message("U100", "D100", "my ankle hurts after running"))
    assert response.status_code == 200, response.text
    question = posts_to(platforms, "D100")[-1]
    assert "twist" in question.params["text"].lower()
    assert button_titles(question) == ["Yes", "No, it came on gradually", "I don't know"]
    assert question.headers["Authorization"] == f"Bearer {platforms.settings.slack_token}"
    assert platforms.slot("slack:U100_D100", "body_part") == "ankle"


def test_a_button_press_is_understood(platforms):
    events = platforms.slack_events
    post_event(platforms, events.message("U101", "D101", "my ankle hurts after running"))
    posts_to(platforms, "D101")
    request = platforms.slack_events.signed(events.button("U101", "D101", "/deny"), FORM)
    assert platforms.to_slack_webhook(request["data"], request["headers"]).status_code == 200
    assert "press firmly" in posts_to(platforms, "D101", count=2)[-1].params["text"].lower()
    assert platforms.slot("slack:U101_D101", "injury_event") is False


@pytest.mark.parametrize("how", ["missing", "wrong_secret", "stale"])
def test_a_request_without_a_valid_signature_is_rejected(platforms, how):
    body = json.dumps(platforms.slack_events.message("U102", "D102", "my ankle hurts")).encode()
    headers = {"Content-Type": EVENT_JSON}
    if how == "wrong_secret":
        headers = platforms.slack_events.signed(body, EVENT_JSON, secret="not-the-secret")["headers"]
    elif how == "stale":
        headers = platforms.slack_events.signed(body, EVENT_JSON)["headers"]
        old = str(int(time.time()) - 3600)
        from tests.e2e.fake_platforms import slack_signature

        headers.update(
            {
                "X-Slack-Request-Timestamp": old,
                "X-Slack-Signature": slack_signature(platforms.settings.slack_signing_secret, old, body),
            }
        )
    response = platforms.to_slack_webhook(body, headers)
    assert response.status_code == 401
    time.sleep(1)
    assert platforms.slack.calls_to("chat.postMessage", channel="D102") == []


@pytest.mark.parametrize("reason", ["http_timeout", "http_error"])
def test_a_slack_retry_does_not_produce_a_second_answer(platforms, reason):
    channel = f"D103{reason}"
    body = platforms.slack_events.message("U103", channel, "my foot hurts after running")
    post_event(platforms, body)
    posts_to(platforms, channel)
    time.sleep(1.5)
    answered = len(platforms.slack.calls_to("chat.postMessage", channel=channel))
    retry = post_event(platforms, body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": reason})
    assert retry.status_code == 200
    time.sleep(2)
    assert len(platforms.slack.calls_to("chat.postMessage", channel=channel)) == answered
    assert platforms.user_texts(f"slack:U103_{channel}") == ["my foot hurts after running"]


def test_two_people_in_one_channel_keep_separate_conversations(platforms):
    events = platforms.slack_events
    post_event(platforms, events.message("U201", "C200", "<@UBOT> my heel hurts after running", channel_type="channel"))
    post_event(
        platforms, events.message("U202", "C200", "<@UBOT> my achilles hurts after running", channel_type="channel")
    )
    posts_to(platforms, "C200", count=2)
    assert platforms.slot("slack:U201_C200", "body_part") == "heel"
    assert platforms.slot("slack:U202_C200", "body_part") == "achilles"


def test_the_url_verification_challenge_is_answered(platforms):
    response = post_event(
        platforms, {"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    )
    assert response.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


@pytest.mark.parametrize(
    "body,content_type",
    [(b"{not json", EVENT_JSON), (b"[]", EVENT_JSON), (b"payload=%7Bnot", FORM), (b"nothing=1", FORM)],
)
def test_malformed_signed_requests_get_a_400(platforms, body, content_type):
    request = platforms.slack_events.signed(body, content_type)
    response = platforms.to_slack_webhook(request["data"], request["headers"])
    assert response.status_code == 400, response.text
    assert "Traceback" not in response.text


def test_the_assessment_reaches_slack_in_mrkdwn(platforms):
    events = platforms.slack_events
    post_event(
        platforms, events.message("U110", "D110", "I twisted my ankle on a trail, heard a crack and now I can't walk")
    )
    sent = posts_to(platforms, "D110", count=3)
    summary = next(m for m in sent if "Summary for a physio" in m.params["text"])
    assert "*Summary for a physio or doctor*" in summary.params["text"]
    assert "**" not in " ".join(m.params["text"] for m in sent)
    assert "A&amp;E" in " ".join(m.params["text"] for m in sent)  # Slack's control characters escaped
