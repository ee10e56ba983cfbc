"""The speed fixes of understanding/rasa_speedups.py give exactly Rasa's results."""

from __future__ import annotations

import random
from pathlib import Path
from typing import List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_patches
from understanding import rasa_speedups

PROJECT_DOMAIN = Domain.load("domain.yml")
rasa_patches.install()
RASA_APPLIED = rasa_speedups.RASA_ORIGINALS["applied_events"]
RASA_STATES = rasa_speedups.RASA_ORIGINALS["states_for_tracker_history"]


def random_events(seed: int, count: int) -> List[Event]:
    """A plausible but varied conversation: the form loop, reverts, restarts, slots."""
    rng = random.Random(seed)
    intents = ["describe_pain", "affirm", "deny", "ask_ice_swelling", "inform"]
    make = [
        lambda: UserUttered("text", {"name": rng.choice(intents), "confidence": 1.0}),
        lambda: ActionExecuted("action_listen"),
        lambda: ActionExecuted("assessment_form"),
        lambda: ActionExecuted(rng.choice(["action_answer_question", "action_assess"])),
        lambda: ActiveLoop("assessment_form"),
        lambda: ActiveLoop(None),
        lambda: ActiveLoop(rng.choice(["assessment_form", "another_form"])),
        lambda: SlotSet("swelling", rng.choice([True, False, None])),
        lambda: UserUtteranceReverted(),
        lambda: ActionReverted(),
        lambda: Restarted(),
        lambda: SessionStarted(),
    ]
    weights = [6, 6, 4, 4, 2, 1, 1, 3, 1, 1, 0.3, 0.3]
    return [rng.choices(make, weights)[0]() for _ in range(count)]


@pytest.mark.parametrize("seed", range(40))
def test_applied_events_match_rasa_after_every_new_event(seed: int) -> None:
    tracker = DialogueStateTracker("runner", PROJECT_DOMAIN.slots)
    for event in random_events(seed, 120):
        tracker.update(event)
        assert tracker.applied_events() == RASA_APPLIED(tracker)


def test_applied_events_follow_a_replaced_event_list() -> None:
    tracker = DialogueStateTracker.from_events("runner", random_events(1, 60), PROJECT_DOMAIN.slots)
    tracker.applied_events()
    tracker._reset()
    for event in random_events(2, 30):
        tracker.update(event)
    assert tracker.applied_events() == RASA_APPLIED(tracker)


def test_the_applied_events_returned_can_be_changed_by_the_caller() -> None:
    tracker = DialogueStateTracker.from_events("runner", random_events(3, 40), PROJECT_DOMAIN.slots)
    tracker.applied_events().clear()
    assert tracker.applied_events() == RASA_APPLIED(tracker)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("window", [1, 3, 8])
def test_latest_states_are_the_end_of_rasas_states(seed: int, window: int) -> None:
    tracker = DialogueStateTracker.from_events("runner", random_events(seed, 150), PROJECT_DOMAIN.slots)
    expected = RASA_STATES(PROJECT_DOMAIN, tracker)
    assert rasa_speedups.latest_states(PROJECT_DOMAIN, tracker, window) == expected[-window:]


@pytest.mark.parametrize("seed", range(12))
def test_latest_states_stay_right_while_the_conversation_grows(seed: int) -> None:
    """States kept from earlier predictions, reverts and restarts included."""
    tracker = DialogueStateTracker("runner", PROJECT_DOMAIN.slots)
    for step, event in enumerate(random_events(100 + seed, 150)):
        tracker.update(event)
        if step % 3 == 0:
            expected = RASA_STATES(PROJECT_DOMAIN, tracker)[-6:]
            assert rasa_speedups.latest_states(PROJECT_DOMAIN, tracker, 6) == expected, f"after event {step}"


def test_states_handed_out_can_be_changed_by_the_caller() -> None:
    tracker = DialogueStateTracker.from_events("runner", random_events(9, 80), PROJECT_DOMAIN.slots)
    for state in rasa_speedups.latest_states(PROJECT_DOMAIN, tracker, 5):
        state.clear()
    assert rasa_speedups.latest_states(PROJECT_DOMAIN, tracker, 5) == RASA_STATES(PROJECT_DOMAIN, tracker)[-5:]


def test_outside_a_rule_prediction_all_states_are_built() -> None:
    tracker = DialogueStateTracker.from_events("runner", random_events(5, 150), PROJECT_DOMAIN.slots)
    assert tracker.past_states(PROJECT_DOMAIN) == RASA_STATES(PROJECT_DOMAIN, tracker)


MODEL = Path(__file__).resolve().parents[2] / "models" / "current.tar.gz"


def intents_of(texts: List[str]) -> List[tuple]:
    """(intent, confidence) of each text, from the trained model loaded now."""
    import asyncio

    from rasa.core.agent import load_agent

    agent = asyncio.run(load_agent(model_path=str(MODEL)))

    async def parse_all() -> List[tuple]:
        return [
            ((p := await agent.parse_message(t))["intent"]["name"], round(p["intent"]["confidence"], 5)) for t in texts
        ]

    return asyncio.run(parse_all())


def test_diet_loaded_for_prediction_only_predicts_as_rasas_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    if not MODEL.exists():
        pytest.fail("needs the trained model: run make setup (make test trains it first)")
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.utils.tensorflow.models import RasaModel

    texts = [m.get("text") for m in load_data("tests/nlu/held_out.yml").intent_examples][:120]
    ours = intents_of(texts)
    monkeypatch.setattr(RasaModel, "load", classmethod(rasa_speedups.RASA_ORIGINALS["RasaModel.load"]))
    assert intents_of(texts) == ours
