"""Telegram: real webhook updates in, Bot API calls out (to a local fake).

The Rasa server runs our Telegram connector; replies go to the fake Bot API
on 127.0.0.1, which records them as Telegram would receive them.
"""

import json
import time

import pytest

pytestmark = pytest.mark.e2e


def replies_to(platforms, chat_id, count=1):
    return platforms.telegram.wait_for("sendMessage", count=count, chat_id=chat_id)


def keyboard_titles(call):
    markup = json.loads(call.params["reply_markup"])
    return [button["text"] for row in markup["inline_keyboard"] for button in row]


def test_start_up_survived_telegram_being_unreachable(platforms):
    log = (platforms.servers.workdir / "rasa.log").read_text()
    assert "Telegram could not be reached to register the webhook" in log
    assert any(
        "twist" in r.lower() for r in platforms.servers.say("rest-while-telegram-down", "my ankle hurts after running")
    )


def test_webhook_registration_can_be_retried_once_telegram_is_back(platforms):
    import requests

    url = f"{platforms.servers.url}/webhooks/telegram/set_webhook"
    assert requests.get(url, timeout=30).status_code == 405  # not by a GET from anyone (issue #13)
    assert requests.post(url, timeout=30).status_code == 403  # not without the secret
    wrong = {"X-Telegram-Bot-Api-Secret-Token": "guess"}
    assert requests.post(url, headers=wrong, timeout=30).status_code == 403
    secret = {"X-Telegram-Bot-Api-Secret-Token": platforms.settings.telegram_secret}
    response = requests.post(url, headers=secret, timeout=30)
    assert response.status_code == 200, response.text
    registered = platforms.telegram.wait_for("setWebhook")[-1].params
    assert registered["url"] == "https://runners.example.org/webhooks/telegram/webhook"
    assert registered["secret_token"] == platforms.settings.telegram_secret


def test_a_text_message_gets_the_next_question_with_an_inline_keyboard(platforms):
    chat = 1001
    assert (
        platforms.to_telegram_webhook(platforms.updates.text(chat, "my ankle hurts after running")).status_code == 200
    )
    question = replies_to(platforms, chat)[-1]
    assert "twist" in question.params["text"].lower()
    assert keyboard_titles(question) == ["Yes", "No, it came on gradually", "I don't know"]
    assert platforms.slot(f"telegram:{chat}", "body_part") == "ankle"


def test_a_button_press_is_understood_and_acknowledged(platforms):
    chat = 1002
    platforms.to_telegram_webhook(platforms.updates.text(chat, "my ankle hurts after running"))
    replies_to(platforms, chat)
    update = platforms.updates.button(chat, "/deny")
    assert platforms.to_telegram_webhook(update).status_code == 200
    platforms.telegram.wait_for("answerCallbackQuery", callback_query_id=update["callback_query"]["id"])
    next_question = replies_to(platforms, chat, count=2)[-1]
    assert "press firmly" in next_question.params["text"].lower()
    assert platforms.slot(f"telegram:{chat}", "injury_event") is False


def test_a_sticker_gets_a_polite_answer(platforms):
    chat = 1003
    assert platforms.to_telegram_webhook(platforms.updates.sticker(chat)).status_code == 200
    assert "only read text" in replies_to(platforms, chat)[-1].params["text"]


def test_an_edited_message_gets_a_polite_answer_and_changes_nothing(platforms):
    chat = 1004
    platforms.to_telegram_webhook(platforms.updates.text(chat, "my heel hurts after running"))
    replies_to(platforms, chat)
    assert platforms.to_telegram_webhook(platforms.updates.edited(chat, "my ankle hurts")).status_code == 200
    assert "missed that edit" in replies_to(platforms, chat, count=2)[-1].params["text"]
    assert platforms.slot(f"telegram:{chat}", "body_part") == "heel"


def test_two_members_of_a_group_keep_separate_conversations(platforms):
    group = -100777
    platforms.to_telegram_webhook(platforms.updates.text(group, "my heel hurts after running", user_id=11))
    platforms.to_telegram_webhook(platforms.updates.text(group, "my achilles hurts after running", user_id=12))
    replies_to(platforms, group, count=2)  # both answered in the group chat
    assert platforms.slot(f"telegram:{group}:11", "body_part") == "heel"
    assert platforms.slot(f"telegram:{group}:12", "body_part") == "achilles"


def test_a_redelivered_update_is_answered_once(platforms):
    chat = 1005
    update = platforms.updates.text(chat, "my foot hurts after running")
    platforms.to_telegram_webhook(update)
    replies_to(platforms, chat)
    time.sleep(1.5)
    answered = len(platforms.telegram.calls_to("sendMessage", chat_id=chat))
    assert platforms.to_telegram_webhook(update).status_code == 200
    time.sleep(2)
    assert len(platforms.telegram.calls_to("sendMessage", chat_id=chat)) == answered
    assert platforms.user_texts(f"telegram:{chat}") == ["my foot hurts after running"]


@pytest.mark.parametrize("secret", [None, "wrong"])
def test_an_update_without_the_secret_token_is_refused(platforms, secret):
    chat = 1006
    response = platforms.to_telegram_webhook(platforms.updates.text(chat, "my ankle hurts"), secret=secret)
    assert response.status_code == 403
    time.sleep(1)
    assert platforms.telegram.calls_to("sendMessage", chat_id=chat) == []


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'{"update_id": "x", "message": 5}'])
def test_malformed_updates_get_a_400(platforms, body):
    response = platforms.to_telegram_webhook(body)
    assert response.status_code == 400, response.text
    assert "Traceback" not in response.text


def test_no_token_or_secret_reaches_the_logs(platforms):
    """The logs hold no token or secret, after traffic this test makes itself: the
    webhook registered again (secret), an update in and a reply out through the Bot
    API (secret header, token in the URL), an update with a wrong secret, and a
    Slack message in and out (signing secret, bot token). Then both servers log this
    test's conversation id: that line must arrive (the logs are live and caught up)."""
    import requests

    from tests.e2e.log_marks import mark_logs

    settings = platforms.settings
    chat = 7070
    registered = requests.post(
        f"{platforms.servers.url}/webhooks/telegram/set_webhook",
        headers={"X-Telegram-Bot-Api-Secret-Token": settings.telegram_secret},
        timeout=30,
    )
    assert registered.status_code == 200, registered.text
    assert (
        platforms.to_telegram_webhook(platforms.updates.text(chat, "my ankle hurts after running")).status_code == 200
    )
    replies_to(platforms, chat)
    assert platforms.to_telegram_webhook(platforms.updates.text(chat, "hi"), secret="wrong").status_code == 403
    slack = platforms.slack_events.signed(
        json.dumps(platforms.slack_events.message("U7070", "D7070", "my heel hurts after running")).encode(),
        "application/json",
    )
    assert platforms.to_slack_webhook(slack["data"], slack["headers"]).status_code == 200
    platforms.slack.wait_for("chat.postMessage", channel="D7070")

    logs = mark_logs(platforms.servers, f"telegram:{chat}")
    for name, text in logs.items():
        assert f"telegram:{chat}" in text, name  # the positive control, as read for the checks below
        for secret in (
            settings.telegram_token,
            settings.telegram_secret,
            settings.slack_token,
            settings.slack_signing_secret,
        ):
            assert secret not in text, f"{secret[:6]}... in {name}"


def test_the_assessment_reaches_telegram_in_its_html_formatting(platforms):
    chat = 1010
    platforms.to_telegram_webhook(
        platforms.updates.text(chat, "I twisted my ankle on a trail, heard a crack and now I can't walk")
    )
    sent = replies_to(platforms, chat, count=3)
    summary = next(m for m in sent if "Summary for a physio" in m.params["text"])
    assert summary.params["parse_mode"] == "HTML"
    assert "<b>Summary for a physio or doctor</b>" in summary.params["text"]
    assert "**" not in " ".join(m.params["text"] for m in sent)
    assert all(len(m.params["text"]) <= 4096 for m in sent)


def test_rest_cannot_reach_a_telegram_conversation(platforms):
    """Conversations are kept per channel: a REST post naming a Telegram chat
    neither reads nor changes it (issue #13)."""
    import requests

    chat = 4242
    platforms.to_telegram_webhook(platforms.updates.text(chat, "my left ankle hurts after running"))
    replies_to(platforms, chat)
    rest = f"{platforms.servers.url}/webhooks/rest/webhook"
    takeover = {"sender": f"telegram:{chat}", "message": '/inform{"pain_side": "right", "swelling": false}'}
    refused = requests.post(rest, json=takeover, timeout=30)
    assert refused.status_code == 400 and "may not start with" in refused.json()["error"]
    same_number = requests.post(rest, json={**takeover, "sender": str(chat)}, timeout=30)
    assert same_number.status_code == 200  # its own REST conversation, not the Telegram one
    assert platforms.slot(f"telegram:{chat}", "pain_side") == "left"
    assert platforms.user_texts(f"telegram:{chat}") == ["my left ankle hurts after running"]


def test_updates_a_runner_cannot_have_sent_get_a_notice_or_a_400(platforms):
    """Not silence: a number as text or a 5,000-character text gets a short notice in the
    chat; an update without a chat (nobody to answer) gets 400 with the reason (issue #13)."""
    chat = 5150
    update = platforms.updates.text(chat, "placeholder")
    update["message"]["text"] = 12345
    assert platforms.to_telegram_webhook(update).status_code == 200
    assert "only read text" in replies_to(platforms, chat)[-1].params["text"]
    assert platforms.to_telegram_webhook(platforms.updates.text(chat, "a" * 5000)).status_code == 200
    assert "too long" in replies_to(platforms, chat, count=2)[-1].params["text"]
    no_chat = platforms.updates.text(chat, "my ankle hurts")
    del no_chat["message"]["chat"]
    response = platforms.to_telegram_webhook(no_chat)
    assert response.status_code == 400 and "Telegram update" in response.text
