"""The connectors' small rules: who a conversation belongs to, what is refused."""

import pytest

from actions.knowledge import knowledge
from channels.action_failures import action_timeout
from channels.notices import notice
from channels.recent import RecentIds
from channels.slack import SlackConnector
from channels.telegram import TelegramConnector, chat_of, conversation_id, well_formed


def test_group_members_get_their_own_conversation_and_replies_go_to_the_group():
    assert conversation_id(-100777, "supergroup", 11) == "telegram:-100777:11"
    assert conversation_id(-100777, "group", 12) == "telegram:-100777:12"
    assert conversation_id(1001, "private", 1001) == "telegram:1001"
    assert chat_of("telegram:-100777:11") == chat_of("telegram:-100777:12") == "-100777"
    assert chat_of("telegram:1001") == "1001"


@pytest.mark.parametrize(
    "body,ok",
    [
        ({"update_id": 1, "message": {"text": "hi", "chat": {"id": 1}}}, True),
        ({"update_id": 1, "message": {"text": "hi"}}, False),  # no chat: nobody to answer
        ({"update_id": 1}, True),
        ({"update_id": "1", "message": {}}, False),
        ({"update_id": 1, "message": 5}, False),
        ([], False),
        ("text", False),
    ],
)
def test_only_well_formed_updates_are_read(body, ok):
    assert well_formed(body) is ok


def test_a_redelivered_id_is_seen_once_and_memory_stays_bounded():
    recent = RecentIds(size=3)
    assert [recent.seen(i) for i in (1, 2, 1)] == [False, False, True]
    for i in range(3, 10):
        recent.seen(i)
    assert recent.seen(1) is False  # forgotten: only the last 3 ids are kept


def test_channels_are_off_without_their_secrets(monkeypatch):
    for name in ("TELEGRAM_TOKEN", "SLACK_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert not TelegramConnector.from_credentials(None).configured
    assert not SlackConnector.from_credentials({}).configured
    monkeypatch.setenv("SLACK_TOKEN", "xoxb-1")
    assert not SlackConnector.from_credentials({}).configured  # a token without a signing secret is not enough
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("TELEGRAM_TOKEN", "123:abc")
    assert SlackConnector.from_credentials({}).configured and TelegramConnector.from_credentials(None).configured


def test_every_question_fits_telegram_and_slack_buttons():
    for slot, question in knowledge().questions.items():
        buttons = question.get("buttons") or []
        assert len(buttons) <= 5, f"{slot}: Slack shows at most 5 buttons"
        for button in buttons:
            assert len(button["payload"].encode()) <= 64, f"{slot}: Telegram callback_data is at most 64 bytes"


def test_notices_are_short_plain_sentences():
    for name in (
        "text_only",
        "edited_message",
        "empty_message",
        "action_server_down",
        "bad_chat_event",
        "no_chat_session",
    ):
        assert 20 < len(notice(name)) < 140


@pytest.mark.parametrize("value,seconds", [(None, 10.0), ("3", 3.0), ("0", 1.0), ("soon", 10.0)])
def test_action_timeout_comes_from_the_environment(monkeypatch, value, seconds):
    if value is None:
        monkeypatch.delenv("ACTION_TIMEOUT_SECONDS", raising=False)
    else:
        monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", value)
    assert action_timeout() == seconds
