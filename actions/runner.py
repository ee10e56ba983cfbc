"""The runner's facts as the actions see them, and which question comes next.

This module is the one home of the question order. ``domain.yml``'s
``required_slots`` lists the same slots (a test checks they agree); the form
validation asks them through ``next_question``.

The order puts the checks that can raise the level to an emergency first
(docs/clinical-basis.md, "Asking"): how it started, walking, the bone press,
tiptoe, the screening question and swelling; then the training questions,
most telling first, so that a turn budget cuts the least useful ones.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

# Questions whose answer can raise the triage level: always asked, before the others.
SAFETY_QUESTIONS = [
    "injury_event",
    "can_walk",
    "bone_tenderness",
    "tiptoe",
    "warning_signs",
    "swelling",
    "anything_else",
]
# Training questions, most telling first. Stretching is not asked (it is not a
# likely cause: docs/clinical-basis.md); it is recorded when the runner says it.
# The weekly distance supports no cause on its own (the change does): it comes last.
TRAINING_QUESTIONS = ["volume_change", "shoes", "surface", "warm_up", "weekly_km"]
# Every question of the form, in the order it asks.
QUESTION_ORDER = ["body_part", *SAFETY_QUESTIONS, *TRAINING_QUESTIONS]
# The assessment comes at the latest with this user turn, whatever the answers.
TURN_BUDGET = 10
# Body parts and symptoms after which the tiptoe (Achilles rupture) check is asked.
TIPTOE_BODY_PARTS = {"achilles", "calf"}
TIPTOE_SYMPTOMS = {"pop_heard"}
# The place told with heel pain: "the back of my heel" (where the Achilles tendon meets the bone), not under it.
BACK_OF_HEEL = "back_of_heel"

FACT_SLOTS = QUESTION_ORDER + [
    "stretching",
    "pain_side",
    "strength_training",
    "heavy_landing",
    "leaning_back",
    "overweight",
    "symptoms",
    "pain_days",
    "skipped_questions",
    "withdrawn_flags",
]

Facts = Dict[str, Any]


def facts_from_slots(slots: Mapping[str, Any]) -> Facts:
    """The fact slots, with list slots defaulting to empty lists."""
    facts = {name: slots.get(name) for name in FACT_SLOTS}
    for name in ("symptoms", "skipped_questions", "withdrawn_flags"):
        facts[name] = list(facts[name] or [])
    return facts


def at_back_of_heel(facts: Facts) -> bool:
    """Heel pain told at the back of the heel, where the Achilles tendon meets the bone (not under it)."""
    return facts.get("body_part") == "heel" and BACK_OF_HEEL in (facts.get("symptoms") or [])


def at_back_of_leg(facts: Facts) -> bool:
    """Achilles, calf or back-of-heel pain: where the Achilles tendon and calf muscle are."""
    return facts.get("body_part") in TIPTOE_BODY_PARTS or at_back_of_heel(facts)


def tiptoe_relevant(facts: Facts) -> bool:
    """After a pop or snap, or with Achilles, calf or back-of-heel pain, a torn Achilles must be ruled out."""
    return at_back_of_leg(facts) or bool(TIPTOE_SYMPTOMS & set(facts.get("symptoms") or []))


def safety_questions(facts: Facts) -> List[str]:
    """The checks this runner needs: walking unless it surely came on gradually,
    the bone press for everyone (stress injuries too), tiptoe where relevant, the
    screening question, swelling, and an open "anything else?" (medicines, a long
    journey, an operation, other symptoms: what no closed question covers)."""
    needed = {
        "can_walk": facts.get("injury_event") is not False,  # after a twist, or when one could not be ruled out
        "tiptoe": tiptoe_relevant(facts),
    }
    return [question for question in SAFETY_QUESTIONS if needed.get(question, True)]


def questions_to_ask(facts: Facts) -> List[str]:
    """The form's questions for these facts (answered or not), in order."""
    return ["body_part", *safety_questions(facts), *TRAINING_QUESTIONS]


def open_questions(facts: Facts) -> List[str]:
    """Questions neither answered nor skipped, in order."""
    skipped = set(facts.get("skipped_questions") or [])
    return [q for q in questions_to_ask(facts) if facts.get(q) is None and q not in skipped]


def questions_left(facts: Facts, turns_used: int = 0) -> List[str]:
    """The questions still to ask, in order, within the turn budget.

    ``turns_used`` counts the runner's messages since the complaint began
    (the complaint included). The safety questions are always asked; the
    training questions only while turns are left, the least telling dropped
    first, so the assessment comes by turn ``TURN_BUDGET``.
    """
    remaining = open_questions(facts)
    safety = [q for q in remaining if q not in TRAINING_QUESTIONS]
    training = [q for q in remaining if q in TRAINING_QUESTIONS]
    turns_left = max(0, TURN_BUDGET - turns_used - len(safety))
    return safety + training[:turns_left]


def next_question(facts: Facts, turns_used: int = 0) -> Optional[str]:
    """The next question to ask, within the turn budget (the first of ``questions_left``)."""
    chosen = questions_left(facts, turns_used)
    return chosen[0] if chosen else None
