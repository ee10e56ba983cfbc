"""Answer-shaped messages keep the meaning a runner gave them."""

import pytest

from understanding.answers import corrected_intent


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
    "text,intent,has_facts",
    [
        ("should I ice it?", "ask_ice_swelling", False),  # a real question
        ("no, but should I stretch?", "ask_stretching", False),  # a question after the answer
        ("no swelling, not sure about the shoes", "deny", True),  # a fact was said: the extractor decides
        ("my ankle hurts, I don't know why", "describe_pain", True),
        ("no", "deny", False),  # already right
        ("/affirm", "affirm", False),  # a button
        ("", None, False),
        ("how long before I can run again", "ask_return_to_running", False),
    ],
)
def test_other_messages_are_left_alone(text, intent, has_facts):
    assert corrected_intent(text, intent, has_facts) in (None, intent)


def test_an_unsure_message_naming_a_body_part_starts_the_assessment():
    assert corrected_intent("foot", "inform", True, confidence=0.3, names_body_part=True) == "describe_pain"
    assert corrected_intent("foot", "inform", True, confidence=0.9, names_body_part=True) is None
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
    ],
)
def test_stop_and_start_over_only_when_asked_for(text, intent, expected):
    assert corrected_intent(text, intent, False) in (expected, intent if expected is None else expected)
    if expected == "inform":
        assert corrected_intent(text, intent, False) == "inform"
