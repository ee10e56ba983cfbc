"""``action_reply_not_understood`` (tests mirror actions/not_understood.py): a message the assistant
could not place never ends a conversation on "say it another way" after its answer."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import knowledge
from actions.not_understood import ActionReplyNotUnderstood


def reply(tracker_factory, intent, triage=None):
    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(slots={"triage": triage}, intent=intent, text="ok so new shoes then and repeat week 4?")
    asyncio.run(ActionReplyNotUnderstood().run(dispatcher, tracker, {}))
    assert len(dispatcher.messages) == 1
    return dispatcher.messages[0]


@pytest.mark.parametrize(
    "intent, response", [("nlu_fallback", "utter_default"), ("out_of_scope", "utter_out_of_scope")]
)
def test_before_an_assessment_it_asks_to_say_it_again_or_says_what_it_covers(tracker_factory, intent, response):
    assert reply(tracker_factory, intent)["response"] == response


@pytest.mark.parametrize("triage, level_words", [("self_care", "self-care"), ("see_doctor", "see a doctor")])
def test_after_an_assessment_the_advice_stands_and_the_runner_hears_what_to_ask(tracker_factory, triage, level_words):
    text = reply(tracker_factory, "nlu_fallback", triage)["text"]
    assert level_words in text and "ask me" in text
    assert "my ankle hurts after running" not in text  # not the opening example again


def test_after_an_emergency_it_repeats_go_now_and_offers_no_topics(tracker_factory):
    text = reply(tracker_factory, "out_of_scope", "emergency")["text"]
    assert text == knowledge().messages["not_understood_after_emergency"]
    assert "A&E" in text and "running" not in text
