"""The fact extractor: what a runner's message says about each slot."""
import pytest


@pytest.mark.parametrize("text, expected", [
    ("my ankle hurts after running recently, I don't know why", {"body_part": "ankle"}),
    ("right ankle hurts since I doubled my distance, I run on concrete in old shoes and never warm up",
     {"body_part": "ankle", "pain_side": "right", "volume_change": "increased", "surface": "hard",
      "shoes": "worn_out", "warm_up": False}),
    ("old", {"shoes": "worn_out"}),
    ("concrete mostly", {"surface": "hard"}),
    ("no swelling", {"swelling": False}),
    ("I don't stretch but I do warm up", {"stretching": False, "warm_up": True}),
    ("I rolled my anckle and its swolen", {"injury_event": True, "body_part": "ankle", "swelling": True}),
    ("back of my heel is sore, the left one", {"body_part": "achilles", "pain_side": "left"}),
    ("5k three times a week", {"weekly_km": 15.0}),
])
def test_facts_from_one_message(facts_of, text, expected):
    assert facts_of(text) == expected


@pytest.mark.parametrize("text", ["should I stretch?", "not sure if it's swollen", "nope", "no pain at night"])
def test_questions_uncertainty_and_negated_symptoms_state_no_fact(facts_of, text):
    assert facts_of(text) == {}


def test_correction_wins(facts_of):
    assert facts_of("my left ankle, sorry I mean right")["pain_side"] == "right"


def test_red_flag_symptoms_are_kept(facts_of):
    facts = facts_of("I twisted it on a trail and heard a crack, can't walk")
    assert facts["injury_event"] is True
    assert set(facts["symptoms"]) == {"crack_heard", "cannot_bear_weight"}


def test_heel_raises_are_not_heel_pain(facts_of):
    assert "body_part" not in facts_of("should I do heel raises?")
