"""``action_explain_question`` (tests mirror actions/questions.py): "why do you ask?" gets the reason,
"what do you mean?" gets the question in plainer words, never the reason again."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import knowledge
from actions.questions import ActionExplainQuestion


def said(tracker_factory, intent, question):
    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(slots={"requested_slot": question}, intent=intent, text="hmm?")
    asyncio.run(ActionExplainQuestion().run(dispatcher, tracker, {}))
    assert len(dispatcher.messages) == 1
    return dispatcher.messages[0]["text"]


def test_why_gets_the_reason(tracker_factory):
    assert (
        said(tracker_factory, "ask_why", "bone_tenderness") == knowledge().questions["bone_tenderness"]["why"].strip()
    )


@pytest.mark.parametrize("question", ["bone_tenderness", "tiptoe", "can_walk", "warning_signs", "injury_event"])
def test_what_do_you_mean_gets_plainer_words_for_the_hard_questions(tracker_factory, question):
    text = said(tracker_factory, "ask_clarify", question)
    item = knowledge().questions[question]
    assert text == item["explain"].strip() and text != item["why"].strip() and text != item["ask"]


def test_what_do_you_mean_gets_an_example_answer_where_the_question_is_plain(tracker_factory):
    text = said(tracker_factory, "ask_clarify", "surface")
    assert knowledge().questions["surface"]["example"] in text


def test_what_do_you_mean_outside_a_question_says_how_to_start(tracker_factory):
    assert said(tracker_factory, "ask_clarify", None) == knowledge().messages["clarify_in_general"]
    assert said(tracker_factory, "ask_why", None) == knowledge().messages["why_in_general"]


def test_every_explanation_fits_a_phone_screen():
    explained = {slot: item["explain"] for slot, item in knowledge().questions.items() if item.get("explain")}
    assert len(explained) >= 5
    for slot, explain in explained.items():
        assert len(explain) <= 450 and explain.count(". ") <= 3, slot
