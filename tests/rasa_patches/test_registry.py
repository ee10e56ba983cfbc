"""rasa_patches: one registry, a Rasa version check, a switch to run unpatched,
and RulePolicy's predictions the same with and without the state window."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import List, Tuple

import pytest
import rasa
from rasa.core.actions.action import RemoteAction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_patches
from understanding import rasa_speedups

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MODEL = PROJECT_ROOT / "models" / "current.tar.gz"


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rasa_patches, "_installed", {})
    return rasa_patches


def test_another_rasa_version_is_refused_loudly(fresh_registry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="written for Rasa 3.6.21, this is Rasa 3.7.0"):
        fresh_registry.install()


def test_unpatched_on_request_installs_nothing_and_says_so(
    fresh_registry, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("RASA_PATCHES", "off")
    monkeypatch.setattr(rasa, "__version__", "3.7.0")  # no version check when unpatched
    with caplog.at_level(logging.WARNING, logger="rasa_patches"):
        assert fresh_registry.install() == []
    assert "without this project's patches" in caplog.text


def test_the_pinned_version_is_the_one_installed() -> None:
    assert rasa.__version__ == rasa_patches.PINNED_RASA
    pinned = (PROJECT_ROOT / "pyproject.toml").read_text()
    assert f'"rasa[spacy]=={rasa_patches.PINNED_RASA}"' in pinned


def test_every_patch_is_installed_and_the_action_contract_is_rasas() -> None:
    installed = rasa_patches.install()
    assert set(installed) >= {p.name for p in rasa_patches.PATCHES}
    assert getattr(RemoteAction.run, "guarded", False)  # fault handling however the bot is started
    assert RemoteAction._action_call_format.__module__.startswith("rasa.")  # every event is sent, as Rasa does


def long_conversations(agent, chains: int = 2) -> List[DialogueStateTracker]:
    """The story tests' conversations joined end to end into a few long ones,
    longer than any rule, so that the window really cuts."""
    from rasa.core.test import _create_data_generator

    generator = _create_data_generator(
        str(PROJECT_ROOT / "tests" / "stories"), agent, use_conversation_test_files=False
    )
    stories = generator.generate_story_trackers()
    joined: List[DialogueStateTracker] = []
    for chain in range(chains):
        events = []
        for story in stories[chain::chains]:
            events += list(story.events)
        joined.append(DialogueStateTracker.from_events(f"chain-{chain}", events, agent.domain.slots))
    return joined


def predictions(agent, trackers: List[DialogueStateTracker]) -> List[Tuple[str, str, float]]:
    """At every action of every conversation: what the policies predict next."""
    processor = agent.processor
    names = agent.domain.action_names_or_texts
    found = []
    for tracker in trackers:
        events = list(tracker.events)
        for i, event in enumerate(events):
            if not isinstance(event, ActionExecuted) or i == 0:
                continue
            prefix = DialogueStateTracker.from_events(tracker.sender_id, events[:i], agent.domain.slots)
            prediction = processor._predict_next_with_tracker(prefix)
            found.append((names[prediction.max_confidence_index], prediction.policy_name, prediction.max_confidence))
    return found


def test_rule_predictions_are_the_same_with_and_without_the_state_window(monkeypatch: pytest.MonkeyPatch) -> None:
    if not MODEL.exists():
        pytest.fail("needs the trained model: run make setup (make test trains it first)")
    from rasa.core.agent import load_agent

    rasa_patches.install()
    agent = asyncio.run(load_agent(model_path=str(MODEL)))
    trackers = long_conversations(agent)
    assert min(len(t.events) for t in trackers) > 200  # far beyond the window (the longest rule: a few states)

    # A spy on the window: how often it ran, with which window, on how long a history.
    windows: List[Tuple[int, int, int]] = []  # (window, actions in the history, states handed out)
    real_latest_states = rasa_speedups.latest_states

    def latest_states(domain, tracker, window, omit_unset_slots=False):
        states = real_latest_states(domain, tracker, window, omit_unset_slots)
        actions = sum(isinstance(e, ActionExecuted) for e in tracker.applied_events())
        windows.append((window, actions, len(states)))
        return states

    monkeypatch.setattr(rasa_speedups, "latest_states", latest_states)
    windowed = predictions(agent, trackers)
    assert len(windowed) > 200
    # The patched run went through the window: at least once per prediction, always the same window ...
    assert len(windows) >= len(windowed)
    (window,) = {w for w, _, _ in windows}
    assert 2 <= window < 50
    assert all(handed_out <= window for _, _, handed_out in windows)
    # ... and it really cut: most histories were longer than the window.
    assert sum(actions > window for _, actions, _ in windows) > len(windows) // 2

    rasa_states = rasa_speedups.RASA_ORIGINALS["states_for_tracker_history"]
    rasa_predict = rasa_speedups.RASA_ORIGINALS["predict_action_probabilities"]
    for original in (rasa_states, rasa_predict):  # Rasa's own code, not a patch wrapped twice
        assert "/site-packages/rasa/" in original.__code__.co_filename.replace("\\", "/"), original.__code__
    monkeypatch.setattr(Domain, "states_for_tracker_history", rasa_states)
    monkeypatch.setattr(RulePolicy, "predict_action_probabilities", rasa_predict)
    windowed_calls = len(windows)
    whole = predictions(agent, trackers)
    assert len(windows) == windowed_calls  # the unpatched run never used the window
    assert windowed == whole
