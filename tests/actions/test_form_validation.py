"""validate_assessment_form: reading answers and choosing the next question."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.form_validation import MILD_WEAKNESS, ValidateAssessmentForm, answer_from_context, weak_on_tiptoe
from actions.knowledge import knowledge
from actions.red_flags import pop_at_back_of_leg

SKIP = knowledge().messages["skip_question"]
UNCLEAR = knowledge().messages["did_not_understand"]

LISTEN = [{"event": "action", "name": "action_listen"}, {"event": "action", "name": "assessment_form"}]
AFTER_DIGRESSION = [
    {"event": "action", "name": "action_answer_question"},
    {"event": "action", "name": "assessment_form"},
]


def run_form(tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateAssessmentForm().run(dispatcher, tracker, {}))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, [m.get("response") or m.get("text") for m in dispatcher.messages]


SAFE_ANSWERS = {"bone_tenderness": False, "warning_signs": False, "swelling": False, "anything_else": False}


def test_asks_only_what_is_missing(tracker_factory):
    slots, _ = run_form(
        tracker_factory(
            slots={
                "body_part": "ankle",
                "injury_event": False,
                **SAFE_ANSWERS,
                "weekly_km": 20.0,
                "volume_change": "steady",
                "shoes": "worn_out",
            },
            events=LISTEN,
        )
    )
    assert slots["requested_slot"] == "surface"


def test_the_emergency_checks_come_first(tracker_factory):
    slots, _ = run_form(
        tracker_factory(
            slots={"body_part": "ankle", "injury_event": False, "shoes": "ok", "surface": "hard"}, events=LISTEN
        )
    )
    assert slots["requested_slot"] == "bone_tenderness"  # the bone press for gradual pain too


def test_a_see_doctor_sign_does_not_end_the_checks_that_could_make_it_an_emergency(tracker_factory):
    slots, _ = run_form(
        tracker_factory(
            slots={"body_part": "ankle", "injury_event": True, "symptoms": ["rest_or_night_pain"]}, events=LISTEN
        )
    )
    assert slots["requested_slot"] == "can_walk"


def test_an_unknown_twist_still_gets_the_walking_question(tracker_factory):
    slots, _ = run_form(
        tracker_factory(slots={"body_part": "ankle", "skipped_questions": ["injury_event"]}, events=LISTEN)
    )
    assert slots["requested_slot"] == "can_walk"


def test_a_pop_gets_the_tiptoe_question(tracker_factory):
    slots, _ = run_form(
        tracker_factory(
            slots={
                "body_part": "ankle",
                "injury_event": True,
                "can_walk": True,
                "bone_tenderness": False,
                "symptoms": ["pop_heard"],
            },
            events=LISTEN,
        )
    )
    assert slots["requested_slot"] == "tiptoe"


def test_an_answer_with_a_side_question_keeps_the_answer_and_answers_the_question(tracker_factory):
    tracker = tracker_factory(
        slots={"body_part": "ankle", "injury_event": False, **SAFE_ANSWERS, "requested_slot": "warm_up"},
        intent="ask_warm_up",
        text="what's a warm up? no",
        events=LISTEN,
    )
    slots, messages = run_form(tracker)
    assert slots["warm_up"] is False
    assert messages == [knowledge().faq["ask_warm_up"]["answer"].strip()]


def test_short_answers_are_read_in_the_context_of_the_question(tracker_factory):
    base = {"body_part": "ankle", "injury_event": False, **SAFE_ANSWERS, "weekly_km": 20.0}
    slots, _ = run_form(
        tracker_factory(
            slots={**base, "requested_slot": "volume_change"}, intent="inform", text="same as always", events=LISTEN
        )
    )
    assert slots["volume_change"] == "steady"
    slots, _ = run_form(
        tracker_factory(
            slots={**base, "swelling": None, "requested_slot": "swelling"},
            intent="inform",
            text="a tiny bit puffy maybe",
            events=LISTEN,
        )
    )
    assert slots["swelling"] is True


def test_yes_to_the_screening_question_asks_which_sign(tracker_factory):
    tracker = tracker_factory(
        slots={
            "body_part": "ankle",
            "injury_event": False,
            "bone_tenderness": False,
            "requested_slot": "warning_signs",
        },
        intent="affirm",
        text="yes",
        events=LISTEN,
    )
    slots, messages = run_form(tracker)
    assert "warning_signs" not in slots and slots["requested_slot"] == "warning_signs"
    assert messages == [UNCLEAR]


def test_a_question_is_never_asked_a_third_time(tracker_factory):
    shoes_asked = {"event": "slot", "name": "requested_slot", "value": "shoes"}
    asked_twice = [
        shoes_asked,
        {"event": "user", "text": "?"},
        shoes_asked,
        {"event": "user", "text": "??"},
    ] + AFTER_DIGRESSION
    slots, _ = run_form(
        tracker_factory(
            slots={
                "body_part": "ankle",
                "injury_event": False,
                **SAFE_ANSWERS,
                "weekly_km": 20.0,
                "volume_change": "steady",
                "requested_slot": "shoes",
            },
            intent="ask_shoes",
            events=asked_twice,
        )
    )
    assert "shoes" in slots["skipped_questions"] and slots["requested_slot"] == "surface"


def test_the_assessment_comes_by_the_tenth_message(tracker_factory):
    nine_messages = [{"event": "user", "text": "..."}] * 9 + LISTEN
    slots, _ = run_form(
        tracker_factory(slots={"body_part": "ankle", "injury_event": False, **SAFE_ANSWERS}, events=nine_messages)
    )
    assert slots["requested_slot"] == "volume_change"  # one turn left: the most telling training question
    ten_messages = [{"event": "user", "text": "..."}] * 10 + LISTEN
    slots, _ = run_form(
        tracker_factory(slots={"body_part": "ankle", "injury_event": False, **SAFE_ANSWERS}, events=ten_messages)
    )
    assert slots["requested_slot"] is None


def test_yes_answers_the_question_just_asked(tracker_factory):
    tracker = tracker_factory(
        slots={"body_part": "ankle", "requested_slot": "injury_event"}, intent="affirm", events=LISTEN
    )
    slots, _ = run_form(tracker)
    assert slots["injury_event"] is True
    assert slots["requested_slot"] == "can_walk"  # Ottawa questions after a twist


def test_no_with_another_fact_does_not_answer_the_question(tracker_factory):
    tracker = tracker_factory(
        slots={"body_part": "ankle", "injury_event": False, "requested_slot": "warm_up", "swelling": False},
        intent="deny",
        entities=[{"entity": "swelling", "value": False}],
        events=LISTEN,
    )
    slots, _ = run_form(tracker)
    assert "warm_up" not in slots


def test_a_number_answers_the_distance_question(tracker_factory):
    tracker = tracker_factory(
        slots={"requested_slot": "weekly_km"},
        intent="inform",
        entities=[{"entity": "number", "value": 30.0}],
        events=LISTEN,
    )
    slots, _ = run_form(tracker)
    assert slots["weekly_km"] == 30.0


def test_dont_know_skips_the_question(tracker_factory):
    tracker = tracker_factory(
        slots={
            "body_part": "ankle",
            "injury_event": False,
            "bone_tenderness": False,
            "warning_signs": False,
            "requested_slot": "swelling",
        },
        intent="dont_know",
        events=LISTEN,
    )
    slots, messages = run_form(tracker)
    assert slots["skipped_questions"] == ["swelling"]
    assert slots["requested_slot"] == "anything_else"
    assert messages == [SKIP]


def test_unclear_answer_is_asked_again_once_then_skipped(tracker_factory):
    base = {
        "body_part": "ankle",
        "injury_event": False,
        "bone_tenderness": False,
        "warning_signs": False,
        "requested_slot": "swelling",
    }
    slots, messages = run_form(tracker_factory(slots=base, intent="inform", text="hmm", events=LISTEN))
    assert slots["requested_slot"] == "swelling" and messages == [UNCLEAR]
    slots, messages = run_form(
        tracker_factory(slots={**base, "unclear_question": "swelling"}, intent="inform", text="hmm", events=LISTEN)
    )
    assert slots["requested_slot"] == "anything_else" and messages == [SKIP]


def test_didnt_catch_that_is_never_said_twice_in_a_row(tracker_factory):
    events = [
        {"event": "user", "text": "blah"},
        {"event": "bot", "text": UNCLEAR},
        {"event": "bot", "text": "Is it swollen?"},
        {"event": "user", "text": "hmm"},
    ] + LISTEN
    slots, messages = run_form(
        tracker_factory(
            slots={"body_part": "ankle", "requested_slot": "injury_event"}, intent="inform", text="hmm", events=events
        )
    )
    assert messages and messages[0] != UNCLEAR and "for example" in messages[0]


def test_side_question_is_left_to_the_rules_then_the_same_question_returns(tracker_factory):
    base = {"body_part": "ankle", "requested_slot": "injury_event"}
    assert run_form(tracker_factory(slots=base, intent="ask_shoes", events=LISTEN)) == ({}, [])
    slots, _ = run_form(tracker_factory(slots=base, intent="ask_shoes", events=AFTER_DIGRESSION))
    assert slots == {"requested_slot": "injury_event"}


def test_a_red_flag_ends_the_questions(tracker_factory):
    tracker = tracker_factory(
        slots={"body_part": "ankle", "injury_event": True, "requested_slot": "can_walk"}, intent="deny", events=LISTEN
    )
    slots, _ = run_form(tracker)
    assert slots["can_walk"] is False
    assert slots["requested_slot"] is None


def test_everything_answered_ends_the_form(tracker_factory):
    done = {
        "body_part": "heel",
        "injury_event": False,
        **SAFE_ANSWERS,
        "shoes": "ok",
        "surface": "soft",
        "warm_up": True,
        "weekly_km": 20.0,
        "volume_change": "steady",
    }
    slots, _ = run_form(tracker_factory(slots=done, events=LISTEN))
    assert slots == {"requested_slot": None}


def test_domain_form_and_ask_actions_agree_with_the_question_order():
    from pathlib import Path

    import yaml

    from actions.asking import ASK_ACTIONS
    from actions.runner import QUESTION_ORDER

    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
    assert domain["forms"]["assessment_form"]["required_slots"] == QUESTION_ORDER
    asks = [a for a in domain["actions"] if isinstance(a, str) and a.startswith("action_ask_") and "check_in" not in a]
    assert asks == [f"action_ask_{q}" for q in QUESTION_ORDER]
    assert set(ASK_ACTIONS) == set(QUESTION_ORDER) == set(knowledge().questions)


def test_an_answer_beside_a_side_question_counts_after_the_rules_answered_it(tracker_factory):
    tracker = tracker_factory(
        slots={"body_part": "ankle", "injury_event": False, **SAFE_ANSWERS, "requested_slot": "warm_up"},
        intent="ask_warm_up",
        text="what's a warm up? no",
        events=AFTER_DIGRESSION,
    )
    slots, messages = run_form(tracker)
    assert slots["warm_up"] is False and messages == []


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("no, that's all", "deny", False),
        ("nothing else", "inform", False),
        ("nope", "deny", False),
        (
            "oh I'm on the pill and flew back from Thailand on Friday",
            "inform",
            "oh I'm on the pill and flew back from Thailand on Friday",
        ),
        ("yes", "affirm", None),
        ("can I take ibuprofen?", "ask_painkillers", "can I take ibuprofen?"),
        ("stop", "stop", None),
        ("why do you ask?", "ask_why", None),
    ],
)
def test_the_open_question_keeps_the_runners_words(text, intent, expected):
    assert answer_from_context("anything_else", intent, [], text) == expected


def test_a_health_fact_classed_off_topic_still_answers_the_open_question():
    # Round 13: "type 2 diabetes, insulin at night" (out_of_scope) was asked again, then skipped
    diabetes = [{"entity": "symptom", "value": "diabetes"}]
    said = "type 2 diabetes, insulin at night"
    assert answer_from_context("anything_else", "out_of_scope", diabetes, said) == said
    assert answer_from_context("anything_else", "out_of_scope", [], "what's the weather like?") is None


def test_a_no_in_one_clause_does_not_turn_the_next_round():
    # Round 14: "The bones don't hurt, it's the tendon that's sore" was read as a tender bone
    said = "The bones don\u2019t hurt, it\u2019s the tendon itself that\u2019s sore when I pinch it"
    assert answer_from_context("bone_tenderness", "describe_pain", [], said) is False


def test_not_having_tried_is_no_answer_to_a_check():
    # Round 14: "never tried, hang on" to the tiptoe question was an emergency
    assert answer_from_context("tiptoe", "deny", [], "never tried, hang on") is None
    assert answer_from_context("bone_tenderness", "deny", [], "hold on, let me check") is None


CONFIRM = knowledge().messages["confirm_emergency"]
SAID_CANT_WALK = {"body_part": "ankle", "injury_event": True, "can_walk": False, "symptoms": ["cannot_walk_said"]}


def test_an_emergency_from_loose_words_gets_one_confirming_question(tracker_factory):
    opening = [{"event": "user", "text": "I can't walk after rolling my ankle"}] + LISTEN
    slots, messages = run_form(tracker_factory(slots=SAID_CANT_WALK, events=opening))
    assert slots["requested_slot"] == "can_walk" and CONFIRM in messages


def answer_the_confirming_question(tracker_factory, said, slots, intent, reply):
    """The runner said they cannot walk, was asked to confirm, and answers ``reply``."""
    events = [
        {"event": "user", "text": said},
        {"event": "slot", "name": "requested_slot", "value": "can_walk"},
        {"event": "user", "text": reply},
    ] + LISTEN
    asked = {**slots, "requested_slot": "can_walk", "red_flags": ["cannot_bear_weight"]}
    return run_form(tracker_factory(slots=asked, intent=intent, text=reply, events=events))


def test_yes_to_the_confirming_question_withdraws_the_emergency_and_says_so(tracker_factory):
    slots, messages = answer_the_confirming_question(
        tracker_factory,
        "I can't walk after rolling my ankle",
        SAID_CANT_WALK,
        "affirm",
        "oh yes, I can walk, I meant I can't run",
    )
    assert slots["can_walk"] is True and "cannot_walk_said" not in slots["symptoms"]
    assert slots["triage"] == "self_care" and slots["requested_slot"] == "bone_tenderness"
    assert any(m.startswith("Earlier you mentioned") for m in messages), messages


def test_gradual_pain_said_too_bad_to_walk_keeps_a_check_when_walking_turns_out_possible(tracker_factory):
    said = "shin pain so bad I can't walk on it now, it built up over weeks"
    gradual = {**SAID_CANT_WALK, "body_part": "shin", "injury_event": False}
    slots, messages = answer_the_confirming_question(
        tracker_factory, said, gradual, "affirm", "yes I can, it just hurts a lot"
    )
    assert slots["can_walk"] is True and "walking_pain" in slots["symptoms"]
    assert slots["triage"] == "see_doctor", messages


def test_no_to_the_confirming_question_keeps_the_emergency_and_ends(tracker_factory):
    slots, _ = answer_the_confirming_question(
        tracker_factory, "I can't walk after rolling my ankle", SAID_CANT_WALK, "deny", "no I really can't"
    )
    assert slots.get("can_walk") is not True and slots["requested_slot"] is None


def test_two_emergency_signs_are_not_questioned(tracker_factory):
    slots, _ = run_form(
        tracker_factory(
            slots={**SAID_CANT_WALK, "symptoms": ["cannot_walk_said", "deformity"]},
            events=[{"event": "user", "text": "can't walk and it looks bent"}] + LISTEN,
        )
    )
    assert slots["requested_slot"] is None


def test_an_emphatic_cannot_bear_weight_is_not_questioned(tracker_factory):
    slots, _ = run_form(
        tracker_factory(
            slots={**SAID_CANT_WALK, "symptoms": ["cannot_walk_said", "cannot_bear_weight"]},
            events=[{"event": "user", "text": "can't walk at all, hopping"}] + LISTEN,
        )
    )
    assert slots["requested_slot"] is None


def test_a_change_told_as_from_to_answers_the_volume_question():
    assert (
        answer_from_context("volume_change", "inform", [], "she went from 1 night to 3 nights in September")
        == "increased"
    )


def test_the_one_number_in_a_sentence_answers_the_weekly_distance():
    assert answer_from_context("weekly_km", "inform", [], "went straight back to my normal 25") == 25.0
    assert answer_from_context("weekly_km", "inform", [], "about 10 miles I think") == 16.1


def test_the_runs_told_in_answer_to_the_weekly_question_are_summed():
    entities = [{"entity": "distance_km", "value": 5.0}]  # the first distance only
    assert answer_from_context("weekly_km", "inform", entities, "parkrun on sat plus two 7ks") == 19.0
    assert answer_from_context("weekly_km", "inform", [], "it was 20 but now its 32") == 32.0


def test_a_standalone_no_answers_the_question_asked_whatever_follows():
    entities = [{"entity": "injury_event", "value": False}]
    assert (
        answer_from_context("tiptoe", "describe_pain", entities, "No. I tried, nothing happens, the heel won't lift")
        is False
    )


def test_a_short_answer_word_answers_the_question_asked_in_a_longer_message_too():
    # "old" is read in any short message (vocabulary short_answers); asked about shoes, in a sentence too
    assert answer_from_context("shoes", "inform", [], "old Saucony Rides, bought 2019, the tread is gone") == "worn_out"
    assert answer_from_context("shoes", "inform", [], "fine, Brooks Ghost from a running shop") == "ok"


def test_a_sore_soft_bit_beside_a_fine_bone_answers_the_bone_press_with_no():
    text = "pressed properly on the bone and it's fine, it's the soft bit below that's sore"
    assert answer_from_context("bone_tenderness", "inform", [], text) is False
    assert answer_from_context("bone_tenderness", "inform", [], "no one sore spot, it's all along the edge") is False


def test_dont_know_to_a_check_the_runner_can_do_gets_one_try_it_now_then_a_skip(tracker_factory):
    asked = {"body_part": "ankle", "injury_event": True, "can_walk": True, "requested_slot": "bone_tenderness"}
    slots, messages = run_form(
        tracker_factory(slots=asked, intent="dont_know", text="I don't know, I haven't touched it", events=LISTEN)
    )
    assert slots.get("unclear_question") == "bone_tenderness" and slots["requested_slot"] == "bone_tenderness"
    assert knowledge().messages["check_now"] in messages
    again = {**asked, "unclear_question": "bone_tenderness"}
    slots, _ = run_form(tracker_factory(slots=again, intent="dont_know", text="still can't tell", events=LISTEN))
    assert "bone_tenderness" in slots["skipped_questions"]


def test_dont_know_how_to_do_a_check_gets_how_to_do_it(tracker_factory):
    asked = {"body_part": "heel", "injury_event": False, "requested_slot": "tiptoe"}
    slots, messages = run_form(
        tracker_factory(slots=asked, intent="dont_know", text="no idea how I'd test that", events=LISTEN)
    )
    assert slots.get("unclear_question") == "tiptoe"
    assert any("Stand on the sore leg only" in m for m in messages)
    assert knowledge().messages["check_now"] not in messages
    assert not any(m.endswith("?") for m in messages if "Stand on the sore leg" in m)  # the question follows once


def test_the_bone_press_answer_names_soft_tissue_sore_and_the_bones_not():
    assert answer_from_context("bone_tenderness", "inform", [], "the heel pad hurts, the ankle bones no") is False
    assert answer_from_context("bone_tenderness", "inform", [], "the bones? not sure, haven't tried") is None


def test_the_bone_press_answered_in_sentences():
    said = "I pressed round the ankle bones and none of that hurts, just the bottom of the heel is tender"
    assert answer_from_context("bone_tenderness", "inform", [], said) is False
    assert answer_from_context("bone_tenderness", "inform", [], "I don't know, I did not press it.") is None
    assert answer_from_context("bone_tenderness", "inform", [], "yes, one spot on the bone is sore") is True


@pytest.mark.parametrize(
    "text",
    [
        "on two feet a bit, but on that leg alone it's really weak, I can barely lift the heel",
        "I can only do it with both feet",
        "hardly, there's no push at all",
        "no, I try and nothing happens",  # round 30, in new words
        "the heel just won't come up on that side",
    ],
)
def test_clear_weakness_on_the_tiptoe_check_is_a_no(text):
    assert answer_from_context("tiptoe", "inform", [], text) is False


def test_mild_weakness_on_tiptoe_is_a_yes_except_after_a_pop_at_the_back_of_the_leg():
    assert answer_from_context("tiptoe", "affirm", [], "yes, though that side feels a little weaker") is True
    assert pop_at_back_of_leg({"symptoms": ["pop_heard"], "body_part": "calf"})
    assert not pop_at_back_of_leg({"symptoms": ["pop_heard"], "body_part": "ankle"})
    assert weak_on_tiptoe("yes, though that side feels a little weaker", MILD_WEAKNESS)
    assert not weak_on_tiptoe("yes, no weakness at all", MILD_WEAKNESS)


def test_asking_what_the_question_means_answers_nothing():
    # "which bones do you mean? I'm a bit lost" read "a bit" as a yes to the bone check: an emergency
    assert answer_from_context("bone_tenderness", "ask_clarify", [], "which bones do you mean? I'm a bit lost") is None
    assert answer_from_context("anything_else", "ask_clarify", [], "what do you mean by that, a bit confused") is None
    assert answer_from_context("bone_tenderness", "affirm", [], "yes a bit") is True


def test_a_sign_that_passed_answers_the_screening_question_with_none_now():
    # Round 18: "it went within a couple of minutes when I stopped and loosened the laces" was not understood twice
    said = "it eased within a minute once I loosened the laces, normal since"
    assert answer_from_context("warning_signs", "inform", [], said) is False
    assert answer_from_context("warning_signs", "inform", [], "it went away but my toes are still numb") is None


def test_dont_think_so_about_a_twist_is_a_no():
    # Round 22: "dont think so" to the twist question was read as "don't know" territory and the bone questions
    # followed; "dunno, dont think so" stays unknown (the cautious path)
    from actions.form_validation import answer_from_context

    assert answer_from_context("injury_event", "inform", [], "i dont think so tbh") is False
    assert answer_from_context("injury_event", "inform", [], "dunno, don't think so") is None


def test_a_screening_answer_that_names_its_sign_answers_the_question(tracker_factory):
    tracker = tracker_factory(
        slots={"body_part": "heel", "injury_event": False, "bone_tenderness": False, "requested_slot": "warning_signs"},
        intent="affirm",
        text="yeah it aches in bed",
        entities=[{"entity": "symptom", "value": "rest_or_night_pain"}],
        events=LISTEN,
    )
    slots, messages = run_form(tracker)
    assert slots["warning_signs"] is True and UNCLEAR not in messages


@pytest.mark.parametrize(
    "text, wear",
    [
        ("Saucony Ride, about 450 km", "ok"),
        ("asics kayano, 3 yrs", "worn_out"),
        ("some brooks, 2 weeks", "new"),
        ("new balance 880s, done 1100 miles", "worn_out"),
    ],
)
def test_a_bare_age_or_distance_answers_the_shoes_question(text, wear):
    assert answer_from_context("shoes", "inform", [], text) == wear


def test_shoes_named_without_their_state_get_a_follow_up_not_didnt_catch(tracker_factory):
    base = {
        "body_part": "ankle",
        "injury_event": False,
        "volume_change": "steady",
        "requested_slot": "shoes",
        **SAFE_ANSWERS,
    }
    slots, messages = run_form(tracker_factory(slots=base, intent="inform", text="mizuno wave rider", events=LISTEN))
    assert messages == [knowledge().questions["shoes"]["follow_up"]] and slots["requested_slot"] == "shoes"
    slots, messages = run_form(tracker_factory(slots=base, intent="inform", text="hmm", events=LISTEN))
    assert messages == [UNCLEAR]


def test_running_less_is_noted_once_and_not_asked_again(tracker_factory):
    base = {"body_part": "ankle", "injury_event": False, "requested_slot": "volume_change", **SAFE_ANSWERS}
    slots, messages = run_form(
        tracker_factory(slots=base, intent="inform", text="I've cut back a lot lately", events=LISTEN)
    )
    assert messages == [knowledge().questions["volume_change"]["answered_without_a_value"]["reply"]]
    assert "volume_change" in slots["skipped_questions"] and slots["requested_slot"] != "volume_change"


def test_an_unclear_answer_to_the_confirming_question_keeps_the_emergency_and_ends(tracker_factory):
    # Round 25: "like I said, it's too painful after running" (read as nothing) was rejected by the form and
    # the fallback said "say it another way" thirteen times
    slots, _ = answer_the_confirming_question(
        tracker_factory,
        "heel pain, I can't walk on it after running",
        SAID_CANT_WALK,
        "nlu_fallback",
        "as I said, it hurts too much after a run",
    )
    assert slots["can_walk"] is False and slots["requested_slot"] is None


@pytest.mark.parametrize(
    "question, intent, text, expected",
    [
        ("can_walk", "deny", "walking yes, no problem", True),  # the classifier heard "no"; the words say yes
        ("bone_tenderness", "inform", "the bones no, the soft bit yes", False),
        ("swelling", "affirm", "ankle yes, a little puffy", True),
    ],
)
def test_the_yes_or_no_in_the_words_outranks_the_classifiers_guess(question, intent, text, expected):
    assert answer_from_context(question, intent, [], text) is expected


def test_numbness_that_goes_when_the_laces_are_loosened_answers_none_now():
    # Round 26: "sometimes toes feel little numb during run but it goes the moment I loosen laces" was re-asked
    text = "toes tingle a bit some runs but it goes off as soon as I loosen the laces"
    assert answer_from_context("warning_signs", "inform", [], text) is False


@pytest.mark.parametrize(
    "question, text, expected",
    [
        # round 30 classes, in new words
        ("bone_tenderness", "not sure how to do it properly, pushed on them and nothing much", False),
        ("bone_tenderness", "sore right under the heel, not the sides", False),
        ("can_walk", "can", True),
    ],
)
def test_round_30_answers(question, text, expected):
    assert answer_from_context(question, "inform", [], text) is expected


def test_the_pages_own_hello_uses_no_turn_of_the_budget_and_a_typed_one_does():
    # The web chat sends "/greet" when it opens, which starts the questions at "where does it hurt?";
    # that must not cost the warm-up question. A typed "hiya" counts (an assessment within 10 messages).
    from actions.form_validation import complaint_events, turns_used

    def user(text, intent):
        return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "entities": []}}

    def used(events):
        return turns_used(complaint_events(Tracker("s", {}, {}, events, False, None, {}, "action_listen")))

    loop = {"event": "active_loop", "name": "assessment_form"}
    assert used([user("/greet", "greet"), {"event": "bot", "text": "Hi"}, loop, user("my left heel", "inform")]) == 1
    assert used([user("hiya", "greet"), {"event": "bot", "text": "Hi"}, loop, user("my left heel", "inform")]) == 2
    assert used([user("my heel hurts", "describe_pain"), loop, user("no", "deny")]) == 2
    # round 38: a question first, then "oh and I wear thongs" started the questions: both count
    asked_first = [user("training for a fitness test", "ask_body_weight"), user("oh and I wear thongs", "nlu_fallback")]
    assert used([*asked_first, loop, user("arches of my feet", "inform")]) == 3


@pytest.mark.parametrize(
    "text",
    ["not a bone as such, it's the skin and the tendons that feel bruised", "sore round the bone but not on it"],
)
def test_the_soft_tissue_beside_a_bone_is_a_no_to_the_bone_press(text):
    from actions.form_validation import answer_from_context

    # even when the NLU read a yes from "sore" next to "bone" (round 38)
    entities = [{"entity": "bone_tenderness", "value": True}]
    assert answer_from_context("bone_tenderness", "inform", entities, text) is False


def test_an_unsure_answer_to_the_twist_question_keeps_the_bone_injury_questions(tracker_factory):
    # Round 48: "I don't know tbh. it was dark, I didn't feel a twist" was read as no twist, so the four-steps
    # question was never asked of a runner hopping since the night before
    tracker = tracker_factory(
        slots={"body_part": "ankle", "requested_slot": "injury_event", "injury_event": False},
        intent="inform",
        entities=[{"entity": "injury_event", "value": False}],
        text="no idea honestly, it was pitch black, didn't notice going over on it",
        events=LISTEN,
    )
    slots, _ = run_form(tracker)
    assert slots["injury_event"] is None and "injury_event" in slots["skipped_questions"], slots
    assert slots["requested_slot"] == "can_walk", slots


def test_a_no_to_the_bone_press_drops_the_same_sign_read_from_its_words(tracker_factory):
    # Round 48: "pressing under the heel hurts but that's the same spot as the pain" raised a bone stress injury
    tracker = tracker_factory(
        slots={
            "body_part": "heel",
            "requested_slot": "bone_tenderness",
            "injury_event": False,
            "symptoms": ["bone_tenderness"],
        },
        intent="inform",
        text="pushing under my heel is sore, but that's the sore bit anyway, nothing on the bones",
        events=LISTEN,
    )
    slots, _ = run_form(tracker)
    assert slots["bone_tenderness"] is False and "bone_tenderness" not in slots.get("symptoms", []), slots


@pytest.mark.parametrize(
    "text",
    ["dunno, tender all over when I squeeze, no one spot really", "sore everywhere when I press it"],
)
def test_soreness_everywhere_is_no_tender_spot_on_a_bone(text):
    assert answer_from_context("bone_tenderness", "inform", [], text) is False


def test_a_weak_yes_on_tiptoe_without_a_pop_adds_the_weak_push_off(tracker_factory):
    # Round 49: on tiptoe, but weakly, with Achilles pain and no pop: a partial tear is not ruled out
    tracker = tracker_factory(
        slots={"body_part": "achilles", "injury_event": False, "symptoms": [], "requested_slot": "tiptoe"},
        intent="affirm",
        text="yes, though that side feels a little weaker",
        events=LISTEN,
    )
    slots, _ = run_form(tracker)
    assert slots["tiptoe"] is True
    assert "weak_push_off" in slots["symptoms"]


def test_a_warm_up_question_with_a_no_in_a_sentence_keeps_the_no(tracker_factory):
    tracker = tracker_factory(
        slots={"body_part": "ankle", "injury_event": False, **SAFE_ANSWERS, "requested_slot": "warm_up"},
        intent="ask_warm_up",
        text="What is warm up exactly? No, I go out of the door and run. After I stretch, yes.",
        entities=[{"entity": "stretching", "value": True}],
        events=LISTEN,
    )
    slots, _ = run_form(tracker)
    assert slots["warm_up"] is False


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("no, the bones are ok, it's sore just below the inner bone", False),
        ("bones don't hurt, the soreness is in front of the outside bone", False),
        ("yes, one spot on the outer bone hurts", True),
    ],
)
def test_a_sore_place_beside_a_bone_that_is_fine_is_not_a_tender_bone(text, answer):
    entities = [{"entity": "bone_tenderness", "value": True}]  # the words alone read a sore bone
    assert answer_from_context("bone_tenderness", "inform", entities, text) is answer


def test_a_yes_first_answers_the_question_asked_and_the_rest_adds_a_fact():
    # Round 50: "yes and walking is fine" to the tiptoe question was asked again, then skipped
    entities = [{"entity": "can_walk", "value": True}]
    assert answer_from_context("tiptoe", "affirm", entities, "yes and walking is fine") is True
