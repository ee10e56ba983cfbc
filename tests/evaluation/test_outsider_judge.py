"""evaluation/outsider.py judge_runner: what counts as an acknowledged correction."""

from evaluation.outsider import corrections_acknowledged, judge_runner, pending_corrections


def turn(replies, **slots):
    return {
        "text": "...",
        "replies": replies,
        "assessed": False,
        "slots": {"pain_side": None, "swelling": None, **slots},
    }


def result_with(turns):
    return {
        "turns": turns,
        "texts": [r for t in turns for r in t["replies"]],
        "assessed_at": len(turns),
        "slots": {"triage": "self_care"},
        "asked": {},
    }


RUNNER = {"expected": {"triage": "self_care", "acknowledges_correction": True}}
EARLY_GOT_IT = turn(["Got it: left ankle.", "Is it swollen?"], pain_side="left")


def test_the_reply_to_the_message_that_changed_a_value_must_acknowledge_it():
    corrected = turn(["Thanks, noted."], pain_side="right")
    assert judge_runner(RUNNER, result_with([EARLY_GOT_IT, corrected]))["acknowledged"] is False
    corrected = turn(["Got it: right ankle.", "Here is what I think..."], pain_side="right")
    assert judge_runner(RUNNER, result_with([EARLY_GOT_IT, corrected]))["acknowledged"] is True


def test_a_correction_in_the_message_that_brings_the_advice_counts():
    corrected = turn(["Earlier you mentioned swelling. Thanks for correcting that.", "Advice"], swelling=False)
    assert corrections_acknowledged([turn([], pain_side="left", swelling=True), corrected])


def test_a_correction_never_taken_in_is_not_acknowledged():
    # "it's the right one, not the left" left pain_side at "left": the "Got it" earlier does not count
    assert corrections_acknowledged([EARLY_GOT_IT, turn(["Advice"], pain_side="left")]) is False


def test_a_value_set_for_the_first_time_is_no_correction():
    assert corrections_acknowledged([turn([]), turn(["Is it swollen?"], pain_side="left")]) is False


def test_incorrect_in_the_advice_is_no_acknowledgement():
    corrected = turn(["Incorrect running form can add load."], pain_side="right")
    assert corrections_acknowledged([EARLY_GOT_IT, corrected]) is False


def test_loading_advice_counts_once_a_torn_tendon_is_possible():
    from evaluation.outsider import loading_advice_while_possible

    before = {"replies": ["Try slow heel drops off a step."], "red_flags": []}
    pop = {"replies": ["The Achilles tendon may be torn. Go to A&E."], "red_flags": ["achilles_rupture"]}
    again = {"replies": ["Once it settles, start calf raises."], "red_flags": ["achilles_rupture"]}
    assert loading_advice_while_possible([before, pop]) == []  # suggested for a sore tendon, before the pop
    assert loading_advice_while_possible([before, pop, again]) == ["calf raise"]
    # never flagged: every reply counts, so a missed rupture with heel drops fails
    assert loading_advice_while_possible([{**before, "red_flags": []}]) == ["heel drop"]


def test_a_warning_sign_taken_back_is_a_correction_to_acknowledge():
    told = {**turn(["Advice"]), "red_flags": ["exertional_numbness"]}
    taken_back = {**turn(["Earlier you mentioned numbness. Thanks for correcting that."]), "red_flags": []}
    assert corrections_acknowledged([told, taken_back])
    assert not corrections_acknowledged([told, {**taken_back, "replies": ["Advice again"]}])


def test_a_correction_left_unsent_by_an_urgent_stop_is_sent_after_the_assessment():
    from collections import Counter

    answers = {"can_walk": ["no", "sorry, I meant I can't run; walking is fine"], "swelling": ["a bit", "more now"]}
    assert pending_corrections(answers, Counter({"can_walk": 1})) == ["sorry, I meant I can't run; walking is fine"]
    assert pending_corrections(answers, Counter({"can_walk": 2, "swelling": 2})) == []  # both already said
    assert pending_corrections(answers, Counter()) == []  # a topic never asked has nothing to correct


def test_a_loading_exercise_the_reply_forbids_is_no_loading_advice():
    from evaluation.outsider import loading_advice_while_possible

    forbidding = [{"replies": ["Until it is checked, no heel raises or hopping."], "red_flags": ["unclear_tiptoe"]}]
    advising = [{"replies": ["Do slow heel raises on a step every day."], "red_flags": ["unclear_tiptoe"]}]
    assert loading_advice_while_possible(forbidding) == []
    assert loading_advice_while_possible(advising) == ["heel raise"]
