"""Likely causes: only those the answers support, most important first."""

from actions.causes import likely_causes
from actions.runner import facts_from_slots


def causes_of(**slots):
    return likely_causes(facts_from_slots(slots))


def test_the_issue_example():
    assert causes_of(
        body_part="ankle",
        volume_change="increased",
        surface="hard",
        shoes="worn_out",
        warm_up=False,
        stretching=True,
        injury_event=False,
        swelling=False,
    ) == ["overload", "footwear", "surface", "no_warm_up"]


def test_a_twist_puts_sprain_first():
    assert causes_of(body_part="ankle", injury_event=True, surface="uneven")[:1] == ["sprain"]


def test_good_habits_support_no_cause():
    assert (
        causes_of(
            body_part="ankle",
            injury_event=False,
            shoes="ok",
            surface="soft",
            warm_up=True,
            stretching=True,
            volume_change="steady",
        )
        == []
    )


def test_achilles_and_weak_muscles():
    assert causes_of(body_part="achilles", strength_training=False) == ["achilles", "weak_muscles"]


def test_new_shoes_and_returning():
    assert causes_of(shoes="new", volume_change="returning") == ["sudden_return", "footwear"]


def test_bone_stress_without_twist():
    assert causes_of(injury_event=False, bone_tenderness=True) == ["stress_injury"]


def test_not_stretching_is_never_a_likely_cause():
    assert causes_of(stretching=False, warm_up=False, strength_training=False) == ["weak_muscles", "no_warm_up"]


def test_no_sprain_without_a_twist():
    assert "sprain" not in causes_of(body_part="ankle", injury_event=False, swelling=True)
    assert "sprain" not in causes_of(body_part="ankle")


def test_heel_pain_has_its_own_plan_unless_it_was_a_twist():
    assert causes_of(body_part="heel", injury_event=False) == ["heel_pain"]
    assert "heel_pain" not in causes_of(body_part="heel", injury_event=True)


def test_shoe_advice_fits_the_shoes():
    from actions.knowledge import knowledge

    footwear = knowledge().causes["footwear"]
    worn = footwear.steps({"shoes": "worn_out"})
    new = footwear.steps({"shoes": "new"})
    assert any("Replace" in step for step in worn) and not any("gradually" in step for step in worn)
    assert any("gradually" in step for step in new) and not any("Replace" in step for step in new)


def test_no_loading_exercises_while_a_rupture_is_possible():
    from actions.knowledge import knowledge

    achilles = knowledge().causes["achilles"]
    assert any("heel raises" in step for step in achilles.steps({}, rupture_possible=False))
    assert not any("heel raise" in step or "heel drop" in step for step in achilles.steps({}, rupture_possible=True))


def test_the_back_of_the_heel_gets_the_achilles_plan_not_plantar_heel_pain():
    back = likely_causes({"body_part": "heel", "injury_event": False, "symptoms": ["back_of_heel"]})
    assert "achilles" in back and "heel_pain" not in back
    assert "heel_pain" in likely_causes({"body_part": "heel", "injury_event": False, "symptoms": []})


def test_a_suspected_torn_achilles_felt_at_the_heel_is_an_achilles_problem():
    assert "achilles" in likely_causes(facts_from_slots({"body_part": "heel", "symptoms": ["achilles_rupture"]}))
