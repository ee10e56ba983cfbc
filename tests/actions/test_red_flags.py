"""Red flags and triage levels from the runner's facts (clinical-notes.md)."""
import pytest

from actions.red_flags import caution_reasons, detect, pending_question, triage_level
from actions.runner import facts_from_slots


def flags_of(**slots):
    return [flag.id for flag in detect(facts_from_slots(slots))]


def level_of(**slots):
    return triage_level(detect(facts_from_slots(slots)))


@pytest.mark.parametrize("symptom, flag", [
    ("cannot_bear_weight", "cannot_bear_weight"), ("deformity", "deformity"),
    ("crack_heard", "crack_heard"), ("open_wound", "open_wound"),
    ("achilles_rupture", "achilles_rupture"), ("circulation", "circulation"),
    ("chest_symptoms", "chest_symptoms"), ("fever", "hot_joint_or_fever"),
])
def test_emergency_symptoms(symptom, flag):
    assert flags_of(symptoms=[symptom]) == [flag]
    assert level_of(symptoms=[symptom]) == "emergency"


@pytest.mark.parametrize("symptom", ["rest_or_night_pain", "not_improving", "giving_way", "snapping_tendon"])
def test_see_doctor_symptoms(symptom):
    assert level_of(symptoms=[symptom]) == "see_doctor"


def test_ottawa_answers_after_a_twist():
    assert level_of(injury_event=True, can_walk=False) == "emergency"
    assert flags_of(injury_event=True, can_walk=True, bone_tenderness=True) == ["bone_tenderness_after_injury"]
    assert level_of(injury_event=True, can_walk=True, bone_tenderness=False) == "self_care"


def test_bone_tenderness_without_a_twist_is_a_possible_stress_fracture():
    assert flags_of(injury_event=False, symptoms=["bone_tenderness"]) == ["stress_fracture"]
    assert level_of(injury_event=False, bone_tenderness=True) == "see_doctor"


def test_bone_tenderness_with_unknown_onset_asks_first():
    facts = facts_from_slots({"symptoms": ["bone_tenderness"]})
    assert detect(facts) == []
    assert pending_question(facts) == "injury_event"


def test_skipped_onset_with_tender_bone_is_the_cautious_emergency():
    flags = detect(facts_from_slots({"symptoms": ["bone_tenderness"], "skipped_questions": ["injury_event"]}))
    assert triage_level(flags) == "emergency"
    assert caution_reasons(flags)


def test_skipped_ottawa_question_is_the_cautious_see_doctor():
    flags = detect(facts_from_slots({"injury_event": True, "can_walk": True,
                                     "skipped_questions": ["bone_tenderness"]}))
    assert [f.id for f in flags] == ["unclear_bone_check"]
    assert triage_level(flags) == "see_doctor"
    assert caution_reasons(flags)


def test_pop_at_the_achilles_is_a_suspected_rupture():
    assert level_of(body_part="achilles", symptoms=["pop_heard"]) == "emergency"
    assert level_of(body_part="ankle", symptoms=["pop_heard"]) == "self_care"


def test_red_hot_swollen_calf_is_a_possible_clot():
    assert flags_of(body_part="calf", swelling=True, symptoms=["redness_or_heat"]) == ["dvt"]
    assert flags_of(body_part="ankle", swelling=True, symptoms=["redness_or_heat"]) == ["hot_joint_or_fever"]
    assert pending_question(facts_from_slots({"symptoms": ["redness_or_heat"]})) == "swelling"


def test_two_weeks_of_pain_means_see_someone():
    assert level_of(pain_days=21) == "see_doctor"
    assert level_of(pain_days=5) == "self_care"


def test_most_urgent_flag_first():
    assert flags_of(symptoms=["rest_or_night_pain", "deformity"])[0] == "deformity"


def test_no_flags_is_self_care():
    assert level_of(body_part="ankle", injury_event=False, swelling=False) == "self_care"
