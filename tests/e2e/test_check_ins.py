"""Check-ins (the return-to-running coach) through the real servers and the Telegram and Slack fakes.

``CHECK_IN_DELAY_SECONDS`` makes every check-in due a few seconds after it is
scheduled, and ``CHECK_IN_POLL_SECONDS`` makes the Rasa server look often:
the real scheduler, database and connectors do the rest. Each check-in is
counted at the fake platform, where the runner would see it.
"""

from __future__ import annotations

import json
import sqlite3
import time

import pytest
import requests

from harness.scripts import BUTTON_ANSWERS
from harness.servers import MODEL, Servers, free_port
from tests.e2e.fake_platforms import fake_slack, fake_telegram
from tests.e2e.platforms import Platforms, PlatformSettings

pytestmark = pytest.mark.e2e

DELAY = 4  # seconds from scheduling to due
CHECK_IN = "How is it today"


@pytest.fixture(scope="module")
def coach(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("no trained model: run `make setup` (scripts/setup) first")
    telegram, slack = fake_telegram(port=free_port()), fake_slack()
    settings = PlatformSettings(telegram_api=telegram.url, slack_api=f"{slack.url}/api/")
    env = {**settings.environment(), "CHECK_IN_DELAY_SECONDS": str(DELAY), "CHECK_IN_POLL_SECONDS": "0.5"}
    running = Servers(tmp_path_factory.mktemp("coach"), extra_args=["--enable-api"], env=env)
    running.start_actions()
    running.start_rasa()
    try:
        yield Platforms(running, telegram, slack, settings)
    finally:
        running.stop_all()
        slack.stop()
        telegram.stop()


def telegram_texts(platforms, chat):
    return [c.params.get("text", "") for c in platforms.telegram.calls_to("sendMessage", chat_id=chat)]


def say_telegram(platforms, chat, text, button=False):
    update = platforms.updates.button(chat, text) if button else platforms.updates.text(chat, text)
    before = len(telegram_texts(platforms, chat))
    assert platforms.to_telegram_webhook(update).status_code == 200
    platforms.telegram.wait_for("sendMessage", count=before + 1, chat_id=chat)
    time.sleep(0.3)  # the rest of the turn's messages
    return telegram_texts(platforms, chat)[before:]


def stored_events(platforms, sender):
    with sqlite3.connect(platforms.servers.db) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def check_ins_at(platforms, chat):
    return [t for t in telegram_texts(platforms, chat) if CHECK_IN in t]


def wait_for_check_in(platforms, chat, count=1, timeout=DELAY + 20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if len(check_ins_at(platforms, chat)) >= count:
            return
        time.sleep(0.3)
    raise AssertionError(f"no check-in {count} at chat {chat}: {telegram_texts(platforms, chat)[-5:]}")


def assessed_with_plan_and_check_ins(platforms, chat):
    for text in BUTTON_ANSWERS:
        say_telegram(platforms, chat, text)
    assert platforms.slot(f"telegram:{chat}", "triage") == "self_care"
    plan = say_telegram(platforms, chat, "/request_plan", button=True)
    assert any("Walk-run" in t for t in plan), plan
    opted = say_telegram(platforms, chat, "/opt_in_check_ins", button=True)
    assert any("I'll check in" in t for t in opted), opted


def test_a_check_in_arrives_and_the_plan_moves_on_then_steps_back(coach):
    chat = 8101
    assessed_with_plan_and_check_ins(coach, chat)
    wait_for_check_in(coach, chat)
    replies = say_telegram(coach, chat, "2")
    assert any("hurt during your runs" in r for r in replies), replies
    replies = say_telegram(coach, chat, "it didn't hurt")
    assert any("it's settling" in r for r in replies), replies
    assert coach.slot(f"telegram:{chat}", "plan_stage") == 1
    wait_for_check_in(coach, chat, count=2)
    say_telegram(coach, chat, "6")
    replies = say_telegram(coach, chat, "sore the next morning")
    assert any("go back a step" in r for r in replies), replies
    assert coach.slot(f"telegram:{chat}", "plan_stage") == 0


def test_a_red_flag_at_a_check_in_gets_the_urgent_advice_and_ends_the_check_ins(coach):
    chat = 8102
    assessed_with_plan_and_check_ins(coach, chat)
    wait_for_check_in(coach, chat)
    replies = say_telegram(coach, chat, "worse, my foot has gone numb and cold")
    texts = " ".join(replies)
    assert "A&E" in texts or "urgent care" in texts, replies
    time.sleep(DELAY + 3)
    assert len(check_ins_at(coach, chat)) == 1  # none after it


def test_stop_check_ins_stops_them(coach):
    chat = 8103
    assessed_with_plan_and_check_ins(coach, chat)
    replies = say_telegram(coach, chat, "stop check-ins")
    assert any("no more check-ins" in r for r in replies), replies
    time.sleep(DELAY + 3)
    assert check_ins_at(coach, chat) == []


def test_forget_me_deletes_the_conversation_and_its_check_ins(coach):
    chat = 8104
    sender = f"telegram:{chat}"
    assessed_with_plan_and_check_ins(coach, chat)
    replies = say_telegram(coach, chat, "forget me")
    assert any("deleting our conversation" in r for r in replies), replies
    deadline = time.time() + 15
    while time.time() < deadline and stored_events(coach, sender):
        time.sleep(0.5)
    assert stored_events(coach, sender) == 0  # nothing of the conversation left in the database
    time.sleep(DELAY + 2)
    assert check_ins_at(coach, chat) == []


def test_a_check_in_reaches_slack(coach):
    events = coach.slack_events
    channel = "D8105"

    def post(text):
        request = events.signed(json.dumps(events.message("U8105", channel, text)).encode(), "application/json")
        assert coach.to_slack_webhook(request["data"], request["headers"]).status_code == 200
        time.sleep(1.5)  # Slack replies in the background

    for text in BUTTON_ANSWERS + ["make me a plan", "yes check in with me"]:
        post(text)
    deadline = time.time() + DELAY + 20
    while time.time() < deadline:
        if any(CHECK_IN in c.params.get("text", "") for c in coach.slack.calls_to("chat.postMessage", channel=channel)):
            break
        time.sleep(0.3)
    texts = [c.params.get("text", "") for c in coach.slack.calls_to("chat.postMessage", channel=channel)]
    assert sum(CHECK_IN in t for t in texts) == 1, texts[-6:]


def test_a_restart_between_scheduling_and_firing_fires_it_once(coach):
    chat = 8106
    assessed_with_plan_and_check_ins(coach, chat)
    coach.servers.stop("rasa")
    time.sleep(DELAY + 1)  # due while the server is down
    coach.servers.start_rasa()
    wait_for_check_in(coach, chat)
    time.sleep(3)
    assert len(check_ins_at(coach, chat)) == 1


def test_two_rasa_servers_fire_a_check_in_once(coach, tmp_path):
    second = Servers(
        tmp_path,
        action_port=coach.servers.action_port,
        tracker_db=coach.servers.db,  # the same database: the check-ins are shared
        extra_args=["--enable-api"],
        env=coach.servers.env,
    )
    second.start_rasa()
    try:
        chat = 8107
        assessed_with_plan_and_check_ins(coach, chat)
        wait_for_check_in(coach, chat)
        time.sleep(4)  # both servers have polled several times since
        assert len(check_ins_at(coach, chat)) == 1
        fired = [requests.get(f"{s.url}/", timeout=5).status_code for s in (coach.servers, second)]
        assert fired == [200, 200]  # both were up all along
    finally:
        second.stop("rasa")
