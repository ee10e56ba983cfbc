"""The knowledge files: complete, sourced, and quoting the page faithfully."""
import re
from pathlib import Path

import yaml

from actions.causes import RULES
from actions.knowledge import KNOWLEDGE_DIR, load_knowledge
from actions.red_flags import EMERGENCY_FLAGS, SEE_DOCTOR_FLAGS

SEED = KNOWLEDGE_DIR / "source" / "ankle-pain-after-running-qa.txt"  # copy of the source Q&A page
CAUSE_IDS = {"overload", "sudden_return", "no_warm_up", "no_stretching", "footwear", "surface", "landing",
             "posture", "weak_muscles", "body_weight", "sprain", "achilles", "stress_injury"}
FAQ_INTENTS = {"ask_landing", "ask_posture", "ask_strength", "ask_distance_increase", "ask_stretching",
               "ask_warm_up", "ask_shoes", "ask_surface", "ask_breathing", "ask_running_through_pain",
               "ask_return_to_running", "ask_see_doctor", "ask_ice_swelling", "ask_body_weight"}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


def all_sources():
    for path in KNOWLEDGE_DIR.glob("*.yml"):
        data = yaml.safe_load(path.read_text())

        def walk(node):
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("source", "sources"):
                        yield from value
                    else:
                        yield from walk(value)
            elif isinstance(node, list):
                for item in node:
                    yield from walk(item)

        yield from ((path.name, entry) for entry in walk(data))


def test_every_cause_red_flag_and_faq_topic_is_there():
    knowledge = load_knowledge()
    assert set(knowledge.causes) == CAUSE_IDS == {cause for cause, _ in RULES}
    assert set(knowledge.red_flags) == EMERGENCY_FLAGS | SEE_DOCTOR_FLAGS
    assert all(knowledge.red_flags[f].level == "emergency" for f in EMERGENCY_FLAGS)
    assert all(knowledge.red_flags[f].level == "see_doctor" for f in SEE_DOCTOR_FLAGS)
    assert set(knowledge.faq) == FAQ_INTENTS
    assert all(cause.self_care for cause in knowledge.causes.values())
    assert "diagnos" in knowledge.disclaimer.lower()


def test_seed_quotes_are_on_the_page():
    page = normalise(SEED.read_text(encoding="utf-8"))
    quotes = [(name, entry["seed"]) for name, entry in all_sources() if "seed" in entry]
    assert quotes
    missing = [(name, quote) for name, quote in quotes if normalise(quote) not in page]
    assert not missing


def test_faq_intents_are_in_the_domain():
    domain = yaml.safe_load((KNOWLEDGE_DIR.parent / "domain.yml").read_text())
    assert FAQ_INTENTS <= set(domain["intents"])
