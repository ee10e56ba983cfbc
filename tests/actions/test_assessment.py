"""``action_assess`` as each channel receives it (tests mirror actions/assessment.py)."""

import asyncio
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import ActionAssess, ActionStopQuestions

SLOTS = {
    "body_part": "ankle",
    "injury_event": False,
    "bone_tenderness": False,
    "warning_signs": False,
    "swelling": False,
    "weekly_km": 20,
    "volume_change": "steady",
    "shoes": "worn_out",
    "surface": "hard",
    "warm_up": False,
}


def assess(channel: str) -> List[Dict[str, Any]]:
    tracker = Tracker(
        sender_id="runner",
        slots=dict(SLOTS),
        latest_message={"text": "no", "intent": {"name": "deny"}},
        events=[{"event": "user", "text": "no", "input_channel": channel}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAssess().run(dispatcher, tracker, {}))
    return dispatcher.messages


def test_the_web_page_receives_the_summary_to_copy_without_markdown():
    messages = assess("socketio")
    custom = [m["custom"] for m in messages if m.get("custom")]
    assert len(custom) == 1
    summary = custom[0]["data"]["physio_summary"]
    assert summary.startswith("Summary for a physio or doctor\n") and "**" not in summary
    assert "came on gradually" in summary and "no warm-up" in summary
    assert any("**Summary for a physio or doctor**" in (m.get("text") or "") for m in messages)  # still shown


@pytest.mark.parametrize("channel", ["rest", "telegram", "slack", "cmdline"])
def test_other_channels_get_no_custom_payload(channel):
    assert not [m for m in assess(channel) if m.get("custom")]


def test_the_terminal_shows_no_markdown_marks():
    texts = [m["text"] for m in assess("cmdline")]
    assert texts and not any("**" in t for t in texts)
    assert any("1. " in t for t in texts)  # the numbering stays
    assert any("**" in m["text"] for m in assess("rest"))


def test_a_sentence_already_said_this_turn_is_not_said_again():
    from actions.assessment import without_repeats

    said = ["You mentioned that you cannot put weight on it. It needs an X-ray to check for a broken bone."]
    texts = ["Please get this checked now. It needs an X-ray to check for a broken bone.", "Summary"]
    assert without_repeats(texts, said) == ["Please get this checked now.", "Summary"]


def test_after_an_emergency_a_running_question_gets_go_now_not_self_care(tracker_factory):
    from actions.knowledge import knowledge
    from actions.questions import ActionAnswerQuestion

    def answer(intent, triage):
        dispatcher = CollectingDispatcher()
        tracker = tracker_factory(slots={"triage": triage}, intent=intent, text="can I wait till tomorrow?")
        asyncio.run(ActionAnswerQuestion().run(dispatcher, tracker, {}))
        return dispatcher.messages[0]["text"]

    assert answer("ask_running_through_pain", "emergency") == knowledge().messages["emergency_first"]
    assert answer("ask_running_through_pain", "self_care") != knowledge().messages["emergency_first"]
    assert answer("ask_affording_care", "emergency") == knowledge().faq["ask_affording_care"]["answer"].strip()


def test_facts_noted_are_listed_as_spoken():
    from actions.messages import spoken_list

    assert spoken_list(["a twist"]) == "a twist"
    assert spoken_list(["a twist", "trails", "swollen"]) == "a twist, trails and swollen"


def test_a_possible_bone_stress_injury_is_the_one_message_about_running():
    # Round 23: "stop running until a doctor has checked it" came beside "run less" and heel raises
    from actions.knowledge import knowledge
    from actions.messages import causes_message

    facts = {"body_part": "heel", "injury_event": False, "bone_tenderness": True, "volume_change": "increased"}
    text = causes_message(knowledge(), facts, ["stress_injury", "heel_pain", "overload"], "Meanwhile:")
    assert "heel raises" not in text.lower() and "run less" not in text.lower(), text
    assert text.count(knowledge().messages["steps_after_bone_check"]) == 2
    # a bone stress injury possible: no heel raises, even where its cause is not listed
    without = causes_message(knowledge(), facts, ["heel_pain", "overload"], "Meanwhile:")
    assert "heel raises" not in without.lower()
    no_bone_sign = {**facts, "bone_tenderness": False}
    assert "heel raises" in causes_message(knowledge(), no_bone_sign, ["heel_pain", "overload"], "Meanwhile:").lower()


def test_night_pain_withholds_loading_exercises_and_says_to_pause_earlier_ones():
    from actions.knowledge import knowledge
    from actions.messages import causes_message

    facts = {"body_part": "heel", "injury_event": False, "bone_tenderness": False, "symptoms": ["rest_or_night_pain"]}
    assert "heel raises" not in causes_message(knowledge(), facts, ["heel_pain"], "Meanwhile:").lower()
    assert "suggested earlier" in knowledge().red_flags["rest_or_night_pain"].advice


def stop_questions(slots: Dict[str, Any]) -> tuple:
    tracker = Tracker(
        sender_id="runner",
        slots={"skipped_questions": [], **slots},
        latest_message={"text": "stop", "intent": {"name": "stop"}},
        events=[{"event": "user", "text": "stop", "input_channel": "rest"}],
        paused=False,
        followup_action=None,
        active_loop={"name": "assessment_form"},
        latest_action_name=None,
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionStopQuestions().run(dispatcher, tracker, {}))
    return [m.get("text") or m.get("response") for m in dispatcher.messages], {e["name"]: e["value"] for e in events}


def test_stopping_mid_questions_gives_the_assessment_from_what_was_said():
    texts, slots = stop_questions({"body_part": "achilles", "injury_event": False, "tiptoe": True})
    assert texts[0].startswith("OK, no more questions")
    assert slots["triage"] and slots["last_advice"]  # an answer, not just "stopped"


def test_safety_checks_never_asked_count_as_skipped_and_keep_the_caution():
    # only the place is known: the bone press and the screening were never asked
    texts, slots = stop_questions({"body_part": "ankle"})
    assert {"bone_tenderness", "warning_signs"} <= set(slots["skipped_questions"])
    assert slots["triage"] != "self_care"  # what could not be checked is not assumed fine
    assert "could not check" in " ".join(texts)


def test_with_no_sore_place_told_the_questions_just_stop():
    texts, slots = stop_questions({})
    assert texts == ["utter_stopped"] and slots == {}


def test_a_changed_answer_is_a_correction_whatever_words_it_uses():
    from actions.assessment import changed_an_answer

    told = [
        {"event": "slot", "name": "bone_tenderness", "value": False},
        {"event": "user", "text": "I pressed again in the right place, one spot on the bone really hurts"},
        {"event": "slot", "name": "bone_tenderness", "value": True},
    ]
    assert changed_an_answer(told)
    first_time = [
        {"event": "slot", "name": "bone_tenderness", "value": None},
        {"event": "user", "text": "yes one spot hurts"},
        {"event": "slot", "name": "bone_tenderness", "value": True},
    ]
    assert not changed_an_answer(first_time)  # a first answer is no correction
    same = [*told[:1], {"event": "user", "text": "no"}, {"event": "slot", "name": "bone_tenderness", "value": False}]
    assert not changed_an_answer(same)
