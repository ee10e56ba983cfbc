"""Likely causes: only those the answers support, most important first."""
from actions.causes import likely_causes
from actions.runner import facts_from_slots


def causes_of(**slots):
    return likely_causes(facts_from_slots(slots))


def test_the_issue_example():
    assert causes_of(body_part="ankle", volume_change="increased", surface="hard",
                     shoes="worn_out", warm_up=False, stretching=True, injury_event=False,
                     swelling=False) == ["overload", "footwear", "surface", "no_warm_up"]


def test_a_twist_puts_sprain_first():
    assert causes_of(body_part="ankle", injury_event=True, surface="uneven")[:1] == ["sprain"]


def test_good_habits_support_no_cause():
    assert causes_of(body_part="ankle", injury_event=False, shoes="ok", surface="soft",
                     warm_up=True, stretching=True, volume_change="steady") == []


def test_achilles_and_weak_muscles():
    assert causes_of(body_part="achilles", strength_training=False) == ["achilles", "weak_muscles"]


def test_new_shoes_and_returning():
    assert causes_of(shoes="new", volume_change="returning") == ["sudden_return", "footwear"]


def test_bone_stress_without_twist():
    assert causes_of(injury_event=False, bone_tenderness=True) == ["stress_injury"]


def test_stretching_comes_after_strength_and_warm_up():
    assert causes_of(stretching=False, warm_up=False, strength_training=False) == [
        "weak_muscles", "no_warm_up", "no_stretching"]
