"""validate_assessment_form: reading answers and choosing the next question."""
import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.form_validation import ValidateAssessmentForm
from actions.knowledge import knowledge

SKIP = knowledge().messages["skip_question"]
UNCLEAR = knowledge().messages["did_not_understand"]

LISTEN = [{"event": "action", "name": "action_listen"}, {"event": "action", "name": "assessment_form"}]
AFTER_DIGRESSION = [{"event": "action", "name": "action_answer_question"},
                    {"event": "action", "name": "assessment_form"}]


def run_form(tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, {}))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, [m.get("response") or m.get("text") for m in dispatcher.messages]


def test_asks_only_what_is_missing(tracker_factory):
    slots, _ = run_form(tracker_factory(slots={"body_part": "ankle", "injury_event": False,
                                               "swelling": False, "shoes": "worn_out"}, events=LISTEN))
    assert slots["requested_slot"] == "surface"


def test_yes_answers_the_question_just_asked(tracker_factory):
    tracker = tracker_factory(slots={"body_part": "ankle", "requested_slot": "injury_event"},
                              intent="affirm", events=LISTEN)
    slots, _ = run_form(tracker)
    assert slots["injury_event"] is True
    assert slots["requested_slot"] == "can_walk"  # Ottawa questions after a twist


def test_no_with_another_fact_does_not_answer_the_question(tracker_factory):
    tracker = tracker_factory(slots={"body_part": "ankle", "injury_event": False, "requested_slot": "warm_up",
                                     "swelling": False},
                              intent="deny", entities=[{"entity": "swelling", "value": False}], events=LISTEN)
    slots, _ = run_form(tracker)
    assert "warm_up" not in slots


def test_a_number_answers_the_distance_question(tracker_factory):
    tracker = tracker_factory(slots={"requested_slot": "weekly_km"}, intent="inform",
                              entities=[{"entity": "number", "value": 30.0}], events=LISTEN)
    slots, _ = run_form(tracker)
    assert slots["weekly_km"] == 30.0


def test_dont_know_skips_the_question(tracker_factory):
    tracker = tracker_factory(slots={"body_part": "ankle", "injury_event": False, "requested_slot": "swelling"},
                              intent="dont_know", events=LISTEN)
    slots, messages = run_form(tracker)
    assert slots["skipped_questions"] == ["swelling"]
    assert slots["requested_slot"] == "shoes"
    assert messages == [SKIP]


def test_unclear_answer_is_asked_again_once_then_skipped(tracker_factory):
    base = {"body_part": "ankle", "injury_event": False, "requested_slot": "swelling"}
    slots, messages = run_form(tracker_factory(slots=base, intent="inform", events=LISTEN))
    assert slots["requested_slot"] == "swelling" and messages == [UNCLEAR]
    slots, messages = run_form(tracker_factory(slots={**base, "unclear_question": "swelling"},
                                               intent="inform", events=LISTEN))
    assert slots["requested_slot"] == "shoes" and messages == [SKIP]


def test_side_question_is_left_to_the_rules_then_the_same_question_returns(tracker_factory):
    base = {"body_part": "ankle", "requested_slot": "injury_event"}
    assert run_form(tracker_factory(slots=base, intent="ask_shoes", events=LISTEN)) == ({}, [])
    slots, _ = run_form(tracker_factory(slots=base, intent="ask_shoes", events=AFTER_DIGRESSION))
    assert slots == {"requested_slot": "injury_event"}


def test_a_red_flag_ends_the_questions(tracker_factory):
    tracker = tracker_factory(slots={"body_part": "ankle", "injury_event": True, "requested_slot": "can_walk"},
                              intent="deny", events=LISTEN)
    slots, _ = run_form(tracker)
    assert slots["can_walk"] is False
    assert slots["requested_slot"] is None


def test_everything_answered_ends_the_form(tracker_factory):
    done = {"body_part": "heel", "injury_event": False, "swelling": False, "shoes": "ok", "surface": "soft",
            "warm_up": True, "stretching": True, "weekly_km": 20.0, "volume_change": "steady"}
    slots, _ = run_form(tracker_factory(slots=done, events=LISTEN))
    assert slots == {"requested_slot": None}
