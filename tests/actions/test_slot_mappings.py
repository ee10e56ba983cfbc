"""action_validate_slot_mappings: symptoms, acknowledgements, corrections (issues #10 and #11)."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import knowledge
from actions.slot_mappings import ActionValidateSlotMappings


def run(tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionValidateSlotMappings().run(dispatcher, tracker, {}))
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, [m.get("text") for m in dispatcher.messages]


def user_turn(before_slots, text, entities, now_slots):
    """Events as Rasa sends them: the slots before, the runner's message, the slots it set."""
    events = [{"event": "slot", "name": k, "value": v} for k, v in before_slots.items()]
    events += [{"event": "user", "text": text}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in now_slots.items()]
    return events


def test_a_new_warning_sign_is_announced(tracker_factory):
    slots, messages = run(
        tracker_factory(
            slots={"body_part": "ankle"},
            entities=[{"entity": "symptom", "value": "cannot_bear_weight"}],
            text="I can't put weight on it",
        )
    )
    assert slots["can_walk"] is False and slots["triage"] == "emergency"
    assert any(m.startswith("You mentioned") for m in messages)


def test_a_correction_that_removes_a_warning_is_acknowledged(tracker_factory):
    before = {
        "body_part": "ankle",
        "injury_event": False,
        "swelling": True,
        "symptoms": ["redness_or_heat"],
        "red_flags": ["hot_joint_or_fever"],
    }
    now = {**before, "swelling": False}
    tracker = tracker_factory(
        slots=now,
        entities=[{"entity": "swelling", "value": False}],
        text="sorry, actually it's not swollen",
        events=user_turn(before, "sorry, actually it's not swollen", [], {"swelling": False}),
    )
    slots, messages = run(tracker)
    assert any(m.startswith("Earlier you mentioned") for m in messages), messages
    assert slots["withdrawn_flags"] == ["hot_joint_or_fever"]
    assert slots["triage"] == "see_doctor"  # red and warm is left: never silently self-care


def test_a_warning_a_new_detail_explains_is_said_to_be_explained_not_corrected(tracker_factory):
    # Round 12: "both Achilles" (a see-a-doctor sign), then "I increased quite fast": the runner corrected
    # nothing, so no "thanks for correcting" and no "what is left is still worth a check"
    before = {"body_part": "achilles", "pain_side": "both", "red_flags": ["inflammatory_signs"], "triage": "see_doctor"}
    now = {**before, "volume_change": "increased"}
    text = "increased quite fast since last month, also added hill repeats"
    tracker = tracker_factory(
        slots=now,
        entities=[{"entity": "volume_change", "value": "increased"}],
        text=text,
        events=user_turn(before, text, [], {"volume_change": "increased"}),
    )
    slots, messages = run(tracker)
    said = " ".join(m for m in messages if m)
    assert "Earlier you mentioned" in said and "explains it better" in said, messages
    assert "correcting" not in said
    assert not slots.get("withdrawn_flags") and slots["triage"] == "self_care"


def test_a_body_word_in_a_later_answer_does_not_move_the_pain(tracker_factory):
    before = {"body_part": "achilles", "requested_slot": "tiptoe"}
    tracker = tracker_factory(
        slots={**before, "body_part": "foot"},
        text="yes I can go up on my toes",
        events=user_turn(before, "yes I can go up on my toes", [], {"body_part": "foot"}),
    )
    slots, _ = run(tracker)
    assert slots["body_part"] == "achilles"


def test_a_correction_of_the_body_part_is_kept(tracker_factory):
    before = {"body_part": "ankle", "requested_slot": "injury_event"}
    tracker = tracker_factory(
        slots={**before, "body_part": "heel"},
        text="sorry, it's my heel not my ankle",
        events=user_turn(before, "sorry, it's my heel", [], {"body_part": "heel"}),
    )
    slots, _ = run(tracker)
    assert slots.get("body_part", "heel") == "heel"  # nothing reverted (the value read is kept)


def test_night_pain_still_gets_the_screening_question(tracker_factory):
    slots, _ = run(
        tracker_factory(
            slots={"body_part": "heel"},
            text="it throbs at night",
            entities=[{"entity": "symptom", "value": "rest_or_night_pain"}],
        )
    )
    assert "warning_signs" not in slots and slots["triage"] == "see_doctor"
    slots, _ = run(
        tracker_factory(
            slots={"body_part": "foot"},
            text="my toes are white and cold",
            entities=[{"entity": "symptom", "value": "circulation"}],
        )
    )
    assert slots["warning_signs"] is True and slots["triage"] == "emergency"


def test_facts_given_unasked_are_acknowledged_briefly(tracker_factory):
    before = {"body_part": "ankle", "requested_slot": "injury_event"}
    tracker = tracker_factory(
        slots={**before, "shoes": "worn_out"},
        text="no, and my shoes are old",
        events=user_turn(before, "no, and my shoes are old", [], {"shoes": "worn_out"}),
    )
    _, messages = run(tracker)
    assert messages == [knowledge().messages["noted"].format(facts="shoes worn out")]


def test_pain_told_outside_the_form_leaves_the_assessment_pending(tracker_factory):
    ankle = [{"entity": "body_part", "value": "ankle"}, {"entity": "injury_event", "value": True}]
    slots, _ = run(tracker_factory(slots={}, entities=ankle, text="rolled my ankle, ice?", intent="ask_ice_swelling"))
    assert slots.get("complaint_pending") is True


def test_no_assessment_is_pending_for_a_plain_question_a_running_form_or_after_the_assessment(tracker_factory):
    ankle = [{"entity": "body_part", "value": "ankle"}]
    question, _ = run(tracker_factory(slots={}, entities=[], text="is ice good?", intent="ask_ice_swelling"))
    assert "complaint_pending" not in question
    in_form, _ = run(
        tracker_factory(slots={"complaint_pending": True}, entities=ankle, text="ankle", active_loop="assessment_form")
    )
    assert in_form.get("complaint_pending") is False
    after, _ = run(tracker_factory(slots={"last_advice": {"level": "self_care"}}, entities=ankle, text="my ankle"))
    assert "complaint_pending" not in after


def test_taking_back_cant_walk_after_gradual_pain_keeps_walking_pain():
    from actions.red_flags import without_cannot_walk

    assert without_cannot_walk(["cannot_walk_said"], {"injury_event": False}) == ["walking_pain"]
    assert without_cannot_walk(["cannot_walk_said"], {"injury_event": True}) == []  # the bone questions follow
    assert without_cannot_walk(["cannot_walk_said"], {"injury_event": None}) == []  # a twist may be told next
    assert without_cannot_walk(["giving_way"], {}) == ["giving_way"]


def test_a_yes_about_numbness_told_as_passing_stays_the_passing_numbness(tracker_factory):
    text = "yes the numbness and tingling, that's it. foot is warm and a normal colour"
    start = text.index("numbness")
    slots, _ = run(
        tracker_factory(
            slots={"body_part": "foot", "symptoms": ["transient_numbness"], "red_flags": ["exertional_numbness"]},
            entities=[{"entity": "symptom", "value": "circulation", "start": start, "end": start + len("numbness")}],
            text=text,
        )
    )
    assert "circulation" not in slots.get("symptoms", []) and slots.get("triage") != "emergency"
    cold = "yes, and now the foot is cold and pale"
    i = cold.index("cold")
    slots, _ = run(
        tracker_factory(
            slots={"body_part": "foot", "symptoms": ["transient_numbness"]},
            entities=[{"entity": "symptom", "value": "circulation", "start": i, "end": i + len("cold and pale")}],
            text=cold,
        )
    )
    assert "circulation" in slots["symptoms"] and slots["triage"] == "emergency"


def test_a_short_answer_to_another_question_keeps_the_training_facts_told(tracker_factory):
    # Round 16: "same as always" said to the shoes question turned "ran more this week" into a steady volume
    before = {"volume_change": "increased", "requested_slot": "shoes"}
    tracker = tracker_factory(
        slots={**before, "volume_change": "steady"},
        text="same as always",
        events=user_turn(before, "same as always", [], {"volume_change": "steady"}),
    )
    slots, messages = run(tracker)
    assert slots["volume_change"] == "increased", messages


def test_a_short_correction_or_a_warning_sign_still_changes_what_was_told(tracker_factory):
    before = {"volume_change": "steady", "can_walk": True, "requested_slot": "shoes"}
    tracker = tracker_factory(
        slots={**before, "volume_change": "increased"},
        text="sorry, actually I run more now",
        events=user_turn(before, "sorry, actually I run more now", [], {"volume_change": "increased"}),
    )
    assert run(tracker)[0].get("volume_change", "increased") == "increased"
    tracker = tracker_factory(
        slots={**before, "can_walk": False},
        text="can't walk now",
        events=user_turn(before, "can't walk now", [], {"can_walk": False}),
    )
    assert run(tracker)[0].get("can_walk", False) is False


def test_tingling_told_within_a_complaint_of_weeks_is_a_nerve_to_check_soon(tracker_factory):
    # Round 20: tingling into the sole, worse at night, in heel pain of two months ended at A&E
    text = "I get pins and needles and burning along the sole, mostly in bed"
    start = text.index("pins")
    entities = [{"entity": "symptom", "value": "circulation", "start": start, "end": start + len("pins and needles")}]
    slots, _ = run(
        tracker_factory(
            slots={"body_part": "heel", "pain_days": 60.0, "injury_event": False}, entities=entities, text=text
        )
    )
    assert "lasting_numbness" in slots["symptoms"] and slots["triage"] == "see_doctor"
    # ... but not after an injury, nor when it is new, nor in a complaint of days
    for before, said in [
        ({"pain_days": 60.0, "injury_event": True}, text),
        ({"pain_days": 60.0, "injury_event": False}, text.replace("I get", "since this morning I get")),
        ({"pain_days": 5.0, "injury_event": False}, text),
    ]:
        slots, _ = run(tracker_factory(slots={"body_part": "heel", **before}, entities=entities, text=said))
        assert "circulation" in slots["symptoms"] and slots["triage"] == "emergency", before


def test_a_tender_bone_taken_back_after_the_urgent_advice_lowers_it_with_no_contradiction(tracker_factory):
    # Round 21: "the bone is fine, it's the squishy bit in front" got "I've taken it out" and then "My advice
    # stands: A&E now"
    before = {
        "body_part": "ankle",
        "injury_event": True,
        "bone_tenderness": True,
        "symptoms": ["bone_tenderness"],
        "red_flags": ["bone_tenderness_after_injury"],
        "triage": "emergency",
        "last_advice": "emergency",
    }
    text = "actually I pressed it again properly, the bone is fine, it's the soft bit in front that's sore"
    tracker = tracker_factory(
        slots={**before, "bone_tenderness": False},
        entities=[{"entity": "bone_tenderness", "value": False}],
        text=text,
        events=user_turn(before, text, [], {"bone_tenderness": False}),
    )
    slots, messages = run(tracker)
    assert any(m.startswith("Earlier you mentioned") for m in messages), messages
    assert slots.get("triage") in {"see_doctor", "self_care"}, (slots, messages)
    assert slots.get("complaint_pending") is True  # the advice is given again, whatever the message seemed to ask


def test_warmth_taken_back_with_the_swelling_goes_too(tracker_factory):
    # Round 20: "my calf is NOT swollen or warm" took back the swelling but left "red or warm" standing
    before = {"body_part": "calf", "swelling": True, "symptoms": ["redness_or_heat"], "red_flags": ["dvt"]}
    text = "sorry, misread that, my calf is NOT puffy or warm at all, it's just tight"
    tracker = tracker_factory(
        slots={**before, "swelling": False},
        entities=[{"entity": "swelling", "value": False}],
        text=text,
        events=user_turn(before, text, [], {"swelling": False}),
    )
    slots, messages = run(tracker)
    assert "redness_or_heat" not in slots.get("symptoms", ["redness_or_heat"]), (slots, messages)
    assert slots["triage"] != "emergency" and any(m.startswith("Earlier you mentioned") for m in messages), messages


def test_a_correction_that_restates_what_is_recorded_is_still_acknowledged(tracker_factory):
    # Round 22: "sorry, I misread the swelling question, it's NOT swollen" (already recorded as not swollen)
    # got only "Thanks, noted"
    before = {"body_part": "foot", "swelling": False, "triage": "self_care", "last_advice": "self_care"}
    text = "sorry, I got that question wrong, there's no swelling at all"
    tracker = tracker_factory(
        slots=before,
        entities=[{"entity": "swelling", "value": False}],
        text=text,
        events=user_turn(before, text, [], {}),
    )
    _, messages = run(tracker)
    assert any(m and m.startswith("Got it") and "swell" in m for m in messages), messages


def test_a_correction_that_denies_a_sign_of_another_place_does_not_move_the_pain(tracker_factory):
    # Round 22: "sorry I misread that list, my calf is NOT swollen" moved an ankle complaint to the calf
    before = {"body_part": "ankle", "symptoms": ["calf_swelling"], "red_flags": ["dvt"], "requested_slot": "tiptoe"}
    text = "sorry, wrong answer, my calf is not swollen or tender at all"
    tracker = tracker_factory(
        slots={**before, "body_part": "calf", "swelling": False},
        entities=[{"entity": "body_part", "value": "calf"}, {"entity": "swelling", "value": False}],
        text=text,
        events=user_turn(before, text, [], {"body_part": "calf", "swelling": False}),
    )
    slots, messages = run(tracker)
    assert slots.get("body_part") == "ankle", (slots, messages)


def test_a_yes_to_the_screening_question_with_a_word_that_needs_the_question_names_the_sign(tracker_factory):
    slots, messages = run(
        tracker_factory(slots={"body_part": "heel", "requested_slot": "warning_signs"}, text="yep, in bed mostly")
    )
    assert slots["symptoms"] == ["rest_or_night_pain"] and slots["warning_signs"] is True
    assert slots["triage"] == "see_doctor" and any(m.startswith("You mentioned") for m in messages)
    slots, _ = run(
        tracker_factory(slots={"body_part": "achilles", "requested_slot": "warning_signs"}, text="yes the calf, left")
    )
    assert "calf_swelling" in slots["symptoms"] and slots["triage"] == "emergency"


def test_a_denied_sign_in_a_screening_answer_names_nothing(tracker_factory):
    slots, _ = run(
        tracker_factory(slots={"body_part": "heel", "requested_slot": "warning_signs"}, text="no, not at night")
    )
    assert "symptoms" not in slots and "warning_signs" not in slots
    # the words are read only as an answer to the screening question
    slots, _ = run(tracker_factory(slots={"body_part": "heel", "requested_slot": "surface"}, text="at night, roads"))
    assert "symptoms" not in slots


def test_a_correction_that_restates_walking_as_it_stands_is_echoed(tracker_factory):
    before = {"body_part": "heel", "can_walk": True, "triage": "self_care", "last_advice": "self_care"}
    text = "to be clear, walking is fine, it's only running that hurts"
    tracker = tracker_factory(
        slots=before,
        entities=[{"entity": "can_walk", "value": True}],
        text=text,
        events=user_turn(before, text, [], {}),
    )
    _, messages = run(tracker)
    assert any(m and m.startswith("Got it") and "walk" in m for m in messages), messages


def place_told_again(tracker_factory, before, text, entities):
    """The slots after a message that names the calf, with the slot mapping having moved the place there."""
    tracker = tracker_factory(
        slots={**before, "body_part": "calf"},
        entities=entities,
        text=text,
        events=user_turn(before, text, [], {"body_part": "calf"}),
    )
    slots, _ = run(tracker)
    return slots


CALF_SIGN = [{"entity": "symptom", "value": "calf_swelling"}, {"entity": "body_part", "value": "calf"}]


def test_a_sign_told_with_actually_to_the_screening_question_does_not_move_the_complaint(tracker_factory):
    # Round 22: "actually yes, my right calf has been swollen and warm" moved an Achilles complaint to the calf
    before = {"body_part": "achilles", "pain_side": "right", "requested_slot": "warning_signs"}
    slots = place_told_again(
        tracker_factory, before, "actually yes, my calf has gone puffy and warm since the flight", CALF_SIGN
    )
    assert slots["body_part"] == "achilles" and slots["triage"] == "emergency", slots


def test_a_new_sign_told_with_actually_after_the_assessment_keeps_the_complaint_where_it_was(tracker_factory):
    # Round 46: "actually one more thing ... my calf has gone swollen" moved an Achilles complaint to the calf
    before = {"body_part": "achilles", "pain_side": "right", "triage": "self_care", "last_advice": "self_care"}
    text = "oh actually, forgot to say, my calf went fat and hot after the coach trip home"
    slots = place_told_again(tracker_factory, before, text, CALF_SIGN)
    assert slots["body_part"] == "achilles" and slots["triage"] == "emergency", slots
    # the place itself corrected moves it
    text = "sorry, I meant my calf, not the achilles"
    slots = place_told_again(tracker_factory, before, text, [{"entity": "body_part", "value": "calf"}])
    assert slots.get("body_part") != "achilles", slots  # not moved back


def test_tingling_told_as_passing_then_as_lasting_hours_is_a_nerve_to_check(tracker_factory):
    # Round 23: "the tingling in my toes stays for hours after, sometimes till the next day"
    text = "yes the tingling hangs around for hours after, into the next day"
    i = text.index("tingling")
    slots, _ = run(
        tracker_factory(
            slots={"body_part": "foot", "symptoms": ["transient_numbness"], "requested_slot": "warning_signs"},
            entities=[{"entity": "symptom", "value": "circulation", "start": i, "end": i + len("tingling")}],
            text=text,
        )
    )
    assert "lasting_numbness" in slots["symptoms"] and slots["triage"] == "see_doctor", slots


def test_a_long_screening_answer_is_read_like_any_message(tracker_factory):
    # Round 23: "cold and numb on the run but warmed up in the shower, normal now" (no sign read) became a numb foot
    slots, _ = run(
        tracker_factory(
            slots={"body_part": "foot", "requested_slot": "warning_signs"},
            text="they went cold and numb on the run but warmed up in the shower, fine now",
        )
    )
    assert "symptoms" not in slots, slots


@pytest.mark.parametrize(
    "text, read_side",
    [
        # Round 24: "actually the left one is sore too" after a right Achilles became "Got it: the left side"
        ("oh and actually the left one hurts a bit too", "left"),
        # Round 26: "the left one has started too now, both achilles sore" after a right Achilles stayed "right"
        ("now the other one has joined in, both achilles are stiff", "both"),
    ],
)
def test_the_other_side_told_as_sore_too_makes_both_sides(tracker_factory, text, read_side):
    before = {"body_part": "achilles", "pain_side": "right", "triage": "self_care", "last_advice": "self_care"}
    tracker = tracker_factory(
        slots={**before, "pain_side": read_side},
        entities=[{"entity": "pain_side", "value": read_side}],
        text=text,
        events=user_turn(before, text, [], {"pain_side": read_side}),
    )
    slots, _ = run(tracker)
    assert slots.get("pain_side", read_side) == "both", slots


def test_a_tender_calf_in_an_answer_to_the_screening_question_is_the_sign(tracker_factory):
    # Round 26: "it's a bit tender when I squeeze it" about a sore calf got "didn't catch that", then a skip
    slots, _ = run(
        tracker_factory(
            slots={"body_part": "calf", "requested_slot": "warning_signs"},
            text="hmm it is sort of tender if I squeeze it",
        )
    )
    assert "calf_swelling" in (slots.get("symptoms") or []), slots


def test_a_screening_clause_that_says_all_is_well_names_no_sign():
    # Round 32: "no, calves normal, nothing at night" from a pregnant runner was read as a swollen calf and night pain
    from actions.slot_mappings import affirmed_clauses

    assert affirmed_clauses("no, calves normal, nothing at night") == []
    assert affirmed_clauses("feet fine but the calf is warm") == [{"the", "calf", "is", "warm"}]


def test_a_skipped_screening_answered_later_takes_the_cautious_note_away(tracker_factory):
    """ "I don't know" to the screening question, then after the advice: "no pain at night, toes not numb, calves
    look normal". The caution about the unchecked signs goes, and the level with it."""
    before = {
        "body_part": "heel",
        "injury_event": False,
        "skipped_questions": ["warning_signs"],
        "red_flags": ["unclear_warning_signs"],
        "triage": "see_doctor",
    }
    slots, _ = run(
        tracker_factory(slots=before, entities=[], text="no pain at night, toes not numb, calves look normal")
    )
    assert slots["warning_signs"] is False and "warning_signs" not in slots["skipped_questions"]
    assert slots["triage"] == "self_care"
    half, _ = run(tracker_factory(slots=before, entities=[], text="no pain at night"))
    assert "warning_signs" not in half  # one sign denied of three: the question is still open
