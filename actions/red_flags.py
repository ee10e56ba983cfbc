"""Red flags and triage (clinical-notes.md), from the runner's facts.

A flag is raised by what the runner said (``symptoms`` from the fact
extractor, and the Ottawa answers ``can_walk`` / ``bone_tenderness``). When an
answer that could rule a flag out was skipped, the cautious flag is raised and
the reason is kept, so the assistant can say why it chose the safer advice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

from actions.runner import Facts

EMERGENCY = "emergency"
SEE_DOCTOR = "see_doctor"
SELF_CARE = "self_care"
LEVEL_ORDER = [EMERGENCY, SEE_DOCTOR, SELF_CARE]
NOT_IMPROVING_DAYS = 14

EMERGENCY_FLAGS = {
    "cannot_bear_weight", "deformity", "crack_heard", "open_wound",
    "bone_tenderness_after_injury", "achilles_rupture", "circulation", "dvt",
    "chest_symptoms", "hot_joint_or_fever",
}
SEE_DOCTOR_FLAGS = {
    "rest_or_night_pain", "stress_fracture", "not_improving", "giving_way",
    "snapping_tendon", "unclear_bone_check",
}
# Symptoms that are a red flag on their own, with the flag they raise.
DIRECT_SYMPTOMS = {
    "cannot_bear_weight": "cannot_bear_weight",
    "deformity": "deformity",
    "crack_heard": "crack_heard",
    "open_wound": "open_wound",
    "achilles_rupture": "achilles_rupture",
    "circulation": "circulation",
    "chest_symptoms": "chest_symptoms",
    "fever": "hot_joint_or_fever",
    "rest_or_night_pain": "rest_or_night_pain",
    "not_improving": "not_improving",
    "giving_way": "giving_way",
    "snapping_tendon": "snapping_tendon",
}


@dataclass(frozen=True)
class Flag:
    """A raised red flag; ``caution`` says why, when it was the cautious choice."""

    id: str
    caution: Optional[str] = None

    @property
    def level(self) -> str:
        return EMERGENCY if self.id in EMERGENCY_FLAGS else SEE_DOCTOR


def _skipped(facts: Facts, question: str) -> bool:
    return question in (facts.get("skipped_questions") or [])


def detect(facts: Facts) -> List[Flag]:
    """All red flags the facts raise, most urgent first."""
    symptoms = set(facts.get("symptoms") or [])
    injury = facts.get("injury_event")
    body = facts.get("body_part")
    flags: List[Flag] = [Flag(DIRECT_SYMPTOMS[s]) for s in sorted(symptoms) if s in DIRECT_SYMPTOMS]

    if facts.get("can_walk") is False:
        flags.append(Flag("cannot_bear_weight"))
    if "pop_heard" in symptoms and body in {"achilles", "calf"}:
        flags.append(Flag("achilles_rupture"))

    bone_tender = facts.get("bone_tenderness") is True or "bone_tenderness" in symptoms
    if bone_tender:
        if injury is True:
            flags.append(Flag("bone_tenderness_after_injury"))
        elif injury is False:
            flags.append(Flag("stress_fracture"))
        elif _skipped(facts, "injury_event"):
            flags.append(Flag("bone_tenderness_after_injury",
                              "the bone is tender and we could not rule out a twist or fall"))

    if "redness_or_heat" in symptoms:
        swollen = facts.get("swelling")
        if body == "calf" and swollen is True:
            flags.append(Flag("dvt"))
        elif swollen is True:
            flags.append(Flag("hot_joint_or_fever"))
        elif swollen is None and _skipped(facts, "swelling"):
            flags.append(Flag("hot_joint_or_fever",
                              "it is red or hot and we could not rule out swelling"))

    pain_days = facts.get("pain_days")
    if pain_days is not None and pain_days >= NOT_IMPROVING_DAYS:
        flags.append(Flag("not_improving"))

    if injury is True:
        unknown = [q for q in ("can_walk", "bone_tenderness")
                   if facts.get(q) is None and _skipped(facts, q)]
        if unknown:
            flags.append(Flag("unclear_bone_check",
                              "after a twist or fall we could not check whether a bone may be hurt"))

    unique: dict = {}
    for flag in flags:
        unique.setdefault(flag.id, flag)
    return sorted(unique.values(), key=lambda f: LEVEL_ORDER.index(f.level))


def pending_question(facts: Facts) -> Optional[str]:
    """A question whose answer decides whether a flag is raised, if still open."""
    symptoms = set(facts.get("symptoms") or [])
    skipped = set(facts.get("skipped_questions") or [])
    bone_tender = facts.get("bone_tenderness") is True or "bone_tenderness" in symptoms
    if bone_tender and facts.get("injury_event") is None and "injury_event" not in skipped:
        return "injury_event"
    if "redness_or_heat" in symptoms and facts.get("swelling") is None and "swelling" not in skipped:
        return "swelling"
    return None


def triage_level(flags: List[Flag]) -> str:
    """The most urgent level among the flags; self-care when there are none."""
    return flags[0].level if flags else SELF_CARE


def caution_reasons(flags: List[Flag]) -> List[str]:
    """Why the cautious choice was made, for the flags that were cautious."""
    return [flag.caution for flag in flags if flag.caution]
