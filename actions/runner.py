"""The runner's facts as the actions see them: a plain dict built from slots."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

# Slots the assessment form asks for, in the order it asks.
QUESTION_ORDER = [
    "body_part", "injury_event", "can_walk", "bone_tenderness", "swelling", "shoes",
    "surface", "warm_up", "stretching", "weekly_km", "volume_change",
]
# Asked only after a twist, roll or fall (Ottawa ankle and foot rules).
OTTAWA_QUESTIONS = ["can_walk", "bone_tenderness"]
FACT_SLOTS = QUESTION_ORDER + [
    "pain_side", "strength_training", "heavy_landing", "leaning_back", "overweight",
    "symptoms", "pain_days", "skipped_questions",
]

Facts = Dict[str, Any]


def facts_from_slots(slots: Mapping[str, Any]) -> Facts:
    """The fact slots, with list slots defaulting to empty lists."""
    facts = {name: slots.get(name) for name in FACT_SLOTS}
    facts["symptoms"] = list(facts["symptoms"] or [])
    facts["skipped_questions"] = list(facts["skipped_questions"] or [])
    return facts


def questions_to_ask(facts: Facts) -> List[str]:
    """The form's questions for these facts (answered or not)."""
    questions = [q for q in QUESTION_ORDER if q not in OTTAWA_QUESTIONS]
    if facts.get("injury_event") is True:
        position = questions.index("injury_event") + 1
        questions[position:position] = OTTAWA_QUESTIONS
    return questions


def next_question(facts: Facts) -> Optional[str]:
    """The first question neither answered nor skipped, or None."""
    skipped = set(facts.get("skipped_questions") or [])
    return next((q for q in questions_to_ask(facts)
                 if facts.get(q) is None and q not in skipped), None)
