"""evaluation/outsider.py judge_runner: what counts as an acknowledged correction."""

from evaluation.outsider import judge_runner


def result_with(replies_after):
    turns = [
        {"text": "my ankle hurts", "replies": ["Got it: it came on gradually."]},
        {"text": "road", "replies": ["From what you told me, you can start with self-care."]},
        {"text": "sorry, it's my left one", "replies": replies_after},
    ]
    return {
        "turns": turns,
        "texts": [r for t in turns for r in t["replies"]],
        "assessed_at": 2,
        "slots": {"triage": "self_care"},
        "asked": {},
    }


RUNNER = {"expected": {"triage": "self_care", "acknowledges_correction": True}}


def test_an_acknowledgement_counts_only_in_the_replies_after_the_advice():
    # a "Got it" early in the conversation is no acknowledgement of a later correction
    assert judge_runner(RUNNER, result_with(["Thanks, noted."]))["acknowledged"] is False
    assert judge_runner(RUNNER, result_with(["Got it: left ankle."]))["acknowledged"] is True
    assert judge_runner(RUNNER, result_with(["Earlier you mentioned ... Thanks for correcting that"]))["acknowledged"]
