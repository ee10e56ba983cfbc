"""Answer-shaped messages keep the meaning a runner gave them."""

import pytest

from understanding.answers import answer_outside_question, corrected_intent


@pytest.mark.parametrize(
    "text,intent,has_facts,expected",
    [
        ("I don't know, I haven't pressed it", "deny", False, "dont_know"),
        ("not sure tbh", "affirm", False, "dont_know"),
        ("haven't checked", "inform", False, "dont_know"),
        ("no, I couldn't even take a few steps, my friend had to carry me", "ask_return_to_running", False, "deny"),
        ("no, nothing like that, it just came on", "inform", False, "deny"),
        ("yeah pretty much every run", "ask_warm_up", False, "affirm"),
        ("Nope.", "inform", False, "deny"),
    ],
)
def test_misread_answers_are_corrected(text, intent, has_facts, expected):
    assert corrected_intent(text, intent, has_facts) == expected


@pytest.mark.parametrize(
    "text,intent,has_facts,expected",
    [
        ("should I ice it?", "ask_ice_swelling", False, None),  # a real question
        ("no, but should I stretch?", "ask_stretching", False, None),  # a question after the answer
        ("no swelling, not sure about the shoes", "deny", True, None),  # a fact was said: the extractor decides
        # the classifier's own intent, made sure (a complaint with facts starts the assessment)
        ("my ankle hurts, I don't know why", "describe_pain", True, "describe_pain"),
        ("no", "deny", False, None),  # already right
        ("/affirm", "affirm", False, None),  # a button
        ("", None, False, None),
        ("how long before I can run again", "ask_return_to_running", False, None),
    ],
)
def test_other_messages_are_left_alone(text, intent, has_facts, expected):
    assert corrected_intent(text, intent, has_facts) == expected


def test_an_unsure_message_naming_a_body_part_starts_the_assessment():
    assert corrected_intent("foot", "inform", True, confidence=0.3, names_body_part=True) == "describe_pain"
    # a sure "inform" with facts is kept, made sure, so that a close "describe_pain" never makes it a fallback
    assert corrected_intent("foot", "inform", True, confidence=0.9, names_body_part=True) == "inform"
    # a question from someone naming the sore place: answered (then the assessment starts, data/rules)
    assert corrected_intent("should I ice my foot", "ask_ice_swelling", True, 0.3, True) == "ask_ice_swelling"


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("jogged to the start so sort of", "start_over", "inform"),
        ("I stopped at the lights and then it hurt", "stop", "inform"),
        ("start over", "start_over", None),
        ("can we start again please", "start_over", None),
        ("I'd rather stop now", "stop", None),
        ("stop", "stop", None),
        # a "stop" about running, not about the questions
        ("haha I love it too much, I won’t stop", "stop", "inform"),
        ("i dont wanna quit running tho", "stop", "inform"),
        ("should I stop running for a while", "stop", "inform"),
        ("please stop, no more questions", "stop", None),
    ],
)
def test_stop_and_start_over_only_when_asked_for(text, intent, expected):
    assert corrected_intent(text, intent, False) == expected


@pytest.mark.parametrize(
    "text, intent, injury",
    [
        ("I rolled my right ankle in a pothole during parkrun Saturday", "nlu_fallback", True),
        ("what happens if you run on a stress fracture? asking for myself lol, my shins are achy", "ask_why", False),
        ("doc gave me cipro, now a funny twinge in my heel tendon, can I still race?", "out_of_scope", True),
    ],
)
def test_a_complaint_said_with_an_unanswerable_intent_starts_the_assessment(text, intent, injury):
    assert corrected_intent(text, intent, True, 0.5, names_body_part=True, states_injury=injury) == "describe_pain"


def test_an_injury_said_with_a_yes_stays_an_answer():
    assert (
        corrected_intent("yes I rolled my ankle", "affirm", True, 0.9, names_body_part=True, states_injury=True) is None
    )


def test_two_close_intents_that_both_start_the_assessment_are_made_sure():
    # inform 0.50 against describe_pain 0.49 was an ambiguity fallback ("Sorry, I didn't understand that")
    assert corrected_intent("rolled my ankle on a kerb", "inform", True, 0.5, True, False, True) == "inform"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("walking yes", "affirm"),
        ("yes no problem", "affirm"),
        ("no problem", None),  # "no problem" is no "no"
        ("the bones no, the soft bit yes", "deny"),  # the first part answers the bone question
        ("swelling maybe no", None),  # hedged
    ],
)
def test_a_yes_or_no_closing_a_short_part_answers(text, expected):
    from understanding.answers import answer_outside_question

    assert answer_outside_question(text) == expected


def test_an_earlier_answer_taken_back_is_information_not_a_question():
    text = "like I said I warm up, but honestly I don't"
    assert corrected_intent(text, "ask_warm_up", has_facts=True, confidence=0.9) == "inform"
    assert corrected_intent("do I need a warm up", "ask_warm_up", has_facts=True, confidence=0.9) is None


def test_a_sore_place_with_a_shrug_starts_the_assessment():
    # Round 28: "my shin, idk" was "Is there anything else?" over and over, never an assessment
    assert corrected_intent("my heel, dunno", "dont_know", has_facts=True, names_body_part=True) == "describe_pain"
    assert corrected_intent("dunno", "dont_know", has_facts=False) is None


@pytest.mark.parametrize("text, expected", [("naw", "deny"), ("wala po", "deny"), ("opo", "affirm"), ("ja", "affirm")])
def test_a_yes_or_no_mixed_in_from_another_tongue_is_an_answer(text, expected):
    # round 31: "wala naman" to the screening question got "didn't catch", then a skip and the cautious level
    assert answer_outside_question(text) == expected


def test_i_did_the_check_is_no_yes():
    # round 32: "I did the pressing thing, nothing on the bones, just the soft bit" was taken for "yes, a tender bone"
    assert answer_outside_question("I did the pressing thing, nothing on the bones") != "affirm"
    assert answer_outside_question("I do, every time") == "affirm"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("can", "affirm"),
        ("can lah", "affirm"),
        ("can do", "affirm"),
        ("cannot lah", "deny"),
        ("can I race sunday", None),
    ],
)
def test_can_alone_is_a_yes(text, expected):
    # Round 34: "can" (Singapore English) to the tiptoe question was "didn't catch that" twice, then skipped
    assert answer_outside_question(text) == expected


@pytest.mark.parametrize(
    "text, tender",
    [
        ("the heel pad hurts, the ankle bones no", False),  # the sore part is soft tissue; the bones denied
        ("bones on the foot are fine, the shin is sore along the whole inside", False),  # diffuse, and not asked
        ("nope, but the bony knob on the outside is sore", True),  # a "but" turns to a tender bone
        ("pressing the navicular hurts like hell", True),
        ("just the arch muscle is tender", None),  # no bone named: the form's other rules decide
    ],
)
def test_the_bone_press_answer_is_read_clause_by_clause(text, tender):
    from understanding.answers import bone_press_by_clause

    assert bone_press_by_clause(text) is tender
