"""Words said back to the runner (actions/messages.py, knowledge/messages.yml ``fact_words``)."""

import pytest

from actions.knowledge import knowledge
from actions.messages import fact_phrase, noted_message


@pytest.mark.parametrize(
    "slot", ["injury_event", "swelling", "can_walk", "bone_tenderness", "warm_up", "stretching", "strength_training"]
)
@pytest.mark.parametrize("value", [True, False])
def test_every_yes_no_answer_a_runner_may_correct_is_said_back(slot, value):
    """ "I said I stretch, I really don't" gets "Got it: you don't stretch.", not a bare "noted"."""
    phrase = fact_phrase(knowledge(), slot, value, {})
    assert phrase and phrase.strip(), (slot, value)


def test_a_corrected_stretching_answer_is_acknowledged_in_words():
    message = noted_message(knowledge(), {"stretching": False}, {})
    assert message == "Got it: you don't stretch."


def test_a_correction_that_changes_the_advice_is_thanked_for():
    from actions.knowledge import knowledge
    from actions.messages import update_messages

    kb = knowledge()
    before = {"level": "self_care", "causes": ["sprain"], "flags": []}
    texts = update_messages(kb, {}, before, ["sprain"], [], "see_doctor", "summary", corrected=True)
    assert texts[0].startswith("Thanks for correcting that")
    plain = update_messages(kb, {}, before, ["sprain"], [], "see_doctor", "summary")
    assert plain[0].startswith("That changes my advice")


def test_advice_kept_after_a_sign_is_taken_out_names_the_sign_that_keeps_it():
    """ "Sorry, no swelling after all" with night pain left: the level stays, and the runner is told why."""
    from actions.messages import update_messages
    from actions.red_flags import Flag

    kb = knowledge()
    before = {"level": "see_doctor", "causes": ["overload"], "flags": ["lasting_swelling", "rest_or_night_pain"]}
    texts = update_messages(kb, {}, before, ["overload"], [Flag("rest_or_night_pain")], "see_doctor", "summary")
    assert texts == [
        "Thanks, noted. My advice stays the same ("
        + kb.fact_words["levels"]["see_doctor"]
        + "), because you also mentioned "
        + kb.red_flags["rest_or_night_pain"].noticed
        + "."
    ]
    nothing_taken_out = dict(before, flags=["rest_or_night_pain"])
    same = update_messages(kb, {}, nothing_taken_out, ["overload"], [Flag("rest_or_night_pain")], "see_doctor", "s")
    assert "because" not in same[0] and "doesn't change my advice" in same[0]
    corrected = update_messages(
        kb, {}, nothing_taken_out, ["overload"], [Flag("rest_or_night_pain")], "see_doctor", "s", corrected=True
    )
    assert corrected[0].startswith("Thanks for correcting that.") and "doesn't change my advice" in corrected[0]


def test_a_tender_bone_in_a_runner_who_walks_gets_an_x_ray_today_not_the_ambulance_plan():
    from actions.messages import emergency_plan
    from actions.red_flags import Flag

    plan = emergency_plan(knowledge(), [Flag("bone_tenderness_after_injury")])
    assert "X-ray" in plan and "ambulance" not in plan and "eat or drink" not in plan
    # with another emergency sign (cannot take four steps, a deformity) the full emergency plan stays
    both = emergency_plan(knowledge(), [Flag("bone_tenderness_after_injury"), Flag("cannot_bear_weight")])
    assert "ambulance" in both
    # a see-a-doctor sign beside it does not change the plan
    beside = emergency_plan(knowledge(), [Flag("bone_tenderness_after_injury"), Flag("not_improving")])
    assert beside == plan


def test_a_pop_at_the_tendon_on_tiptoe_is_examined_today_without_the_ambulance_plan():
    from actions.messages import emergency_plan
    from actions.red_flags import Flag

    plan = emergency_plan(knowledge(), [Flag("pop_at_achilles")])
    assert "today" in plan and "ambulance" not in plan and "X-ray" not in plan
    # two different same-day needs (a tendon and a bone): the full emergency plan
    both = emergency_plan(knowledge(), [Flag("pop_at_achilles"), Flag("bone_tenderness_after_injury")])
    assert "ambulance" in both
