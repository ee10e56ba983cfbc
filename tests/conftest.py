"""Shared fixtures: the project's spaCy pipeline and Rasa SDK trackers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline built from knowledge/vocabulary.yml."""
    import spacy

    from understanding.spacy_model import build

    return spacy.load(build())


@pytest.fixture(scope="session")
def facts_of(nlp) -> Callable[[str], Dict[str, Any]]:
    """Message text -> {label: value} as the fact extractor reads it."""
    from understanding.facts import extract_facts
    from understanding.normalize import pipeline_text

    def read(text: str) -> Dict[str, Any]:
        facts: Dict[str, Any] = {}
        for fact in extract_facts(nlp(pipeline_text(text))):
            if fact.label == "symptom":
                facts.setdefault("symptoms", []).append(fact.value)
            elif fact.label == "denied_symptom":
                facts.setdefault("denied_symptoms", []).append(fact.value)
            else:
                facts[fact.label] = fact.value
        return facts

    return read


def make_tracker(
    slots: Optional[Dict[str, Any]] = None,
    intent: str = "inform",
    entities: Optional[List[Dict[str, Any]]] = None,
    text: str = "",
    events: Optional[List[Dict[str, Any]]] = None,
    active_loop: Optional[str] = None,
):
    """A rasa_sdk Tracker as the action server receives it."""
    from rasa_sdk import Tracker

    return Tracker(
        sender_id="runner",
        slots=dict(slots or {}),
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": list(entities or [])},
        events=list(events or []),
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def tracker_factory():
    return make_tracker
