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


def anything_else(tracker_factory, events, triage=None):
    from actions.not_understood import ActionAnythingElse

    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(slots={"triage": triage}, intent="deny", text="no meds, 27", events=events)
    asyncio.run(ActionAnythingElse().run(dispatcher, tracker, {}))
    return dispatcher.messages


ASKED = {"event": "bot", "text": "Is there anything else?", "metadata": {"utter_action": "utter_anything_else"}}


def test_anything_else_is_asked_once(tracker_factory):
    assert anything_else(tracker_factory, [])[0]["response"] == "utter_anything_else"
    other = {"event": "bot", "text": "Hi!", "metadata": {"utter_action": "utter_greet"}}
    assert anything_else(tracker_factory, [ASKED, {"event": "user"}, other])[0]["response"] == "utter_anything_else"


def test_the_second_time_in_a_row_it_starts_the_questions_at_where_it_hurts(tracker_factory):
    # Round 14: "Is there anything else?" came thirteen times in a row, with no way in; round 36: the place
    # buttons came outside the form, so "it's my left heel" after them was not read as the answer
    from actions.not_understood import ActionAnythingElse

    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(
        slots={"triage": None}, intent="deny", text="no meds, 27", events=[ASKED, {"event": "user"}]
    )
    events = asyncio.run(ActionAnythingElse().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["text"] == knowledge().messages["anything_else_again"]
    assert events == [
        {"event": "followup", "timestamp": None, "name": "assessment_form"}
    ]  # it asks "where?" with the buttons


def test_after_an_assessment_the_second_time_keeps_the_advice(tracker_factory):
    message = anything_else(tracker_factory, [ASKED, {"event": "user"}], triage="self_care")[0]
    assert "My advice stands" in message["text"] and not message.get("buttons")


def test_after_the_places_were_offered_a_runner_with_nothing_to_tell_is_not_asked_again(tracker_factory):
    # Round 21: "no, fit as a fiddle" got "anything else?" and the place buttons by turns, fifteen times
    places = {"event": "bot", "text": knowledge().messages["anything_else_again"], "metadata": {}}
    message = anything_else(tracker_factory, [places, {"event": "user"}, ASKED, {"event": "user", "text": "no"}])[0]
    assert message["text"] == knowledge().messages["nothing_to_assess"] and not message.get("buttons")


def test_a_second_message_not_understood_in_a_row_offers_the_places_to_tap(tracker_factory):
    # Round 33: "Sorry, I didn't understand that" ten times in a row to a dad telling of his sports-day race
    events = [{"event": "bot", "text": "Sorry...", "metadata": {"utter_action": "utter_default"}}]
    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(intent="nlu_fallback", text="came third though", events=events)
    events = asyncio.run(ActionReplyNotUnderstood().run(dispatcher, tracker, {}))
    message = dispatcher.messages[0]
    assert message["text"] == knowledge().messages["anything_else_again"]
    assert [event["name"] for event in events] == ["assessment_form"]  # the form's "where does it hurt?" next


def test_a_hello_before_an_assessment_starts_the_questions_and_after_one_does_not(tracker_factory):
    # Round 36: "hiya", then "sorry pressed send too early, it's my left heel" was never read as the place
    from actions.greeting import ActionGreet

    before = CollectingDispatcher()
    started = asyncio.run(ActionGreet().run(before, tracker_factory(intent="greet", text="hiya"), {}))
    assert before.messages[0]["response"] == "utter_greet_first" and started[0]["name"] == "assessment_form"
    after = CollectingDispatcher()
    tracker = tracker_factory(slots={"triage": "self_care"}, intent="greet", text="hiya again")
    assert asyncio.run(ActionGreet().run(after, tracker, {})) == []
    assert after.messages[0]["response"] == "utter_greet"


def test_the_same_answer_is_never_given_twice_in_a_row(tracker_factory):
    # Round 38: a runner who kept adding "I'm 80 lbs over" got the same FAQ answer ten times in a row
    from actions.questions import ActionAnswerQuestion

    answer = knowledge().faq["ask_body_weight"]["answer"].strip()
    said = [{"event": "bot", "text": answer, "metadata": {}}]
    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(intent="ask_body_weight", text="I'm heavy, does that matter?", events=said)
    events = asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["text"] != answer
    assert [event["name"] for event in events] == ["assessment_form"]  # "where does it hurt?" next
