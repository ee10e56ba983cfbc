"""The texts the assistant sends, built from the knowledge files.

Short messages, one idea each; every explanation comes from ``knowledge/``.
"""
from __future__ import annotations

from typing import List, Optional

from actions.knowledge import Knowledge
from actions.red_flags import EMERGENCY, SEE_DOCTOR, Flag
from actions.runner import Facts

LEVEL_NAMES = {EMERGENCY: "urgent care now", SEE_DOCTOR: "see a doctor or physio soon",
               "self_care": "self-care"}
BODY_NAMES = {"achilles": "Achilles", "other": "leg"}
SHOE_NAMES = {"ok": "fine", "worn_out": "worn out", "poor_fit": "poor fit",
              "unsuitable": "not running shoes", "new": "new"}
SURFACE_NAMES = {"hard": "hard (road, concrete)", "uneven": "uneven (trails, rough ground)",
                 "downhill": "downhill / steep hills", "soft": "soft (grass, track, treadmill)"}
CHANGE_NAMES = {"increased": "recently increased", "steady": "steady",
                "returning": "just started or coming back after a break"}


def red_flag_message(knowledge: Knowledge, flag: Flag) -> str:
    """What to do now about one red flag."""
    item = knowledge.red_flags[flag.id]
    text = f"You mentioned {item.noticed}. {item.advice}"
    if flag.caution:
        text += " " + knowledge.caution_note.format(reason=flag.caution)
    return text


def cause_message(knowledge: Knowledge, cause_id: str, rank: int) -> str:
    """One likely cause: why it matters and what to do about it."""
    cause = knowledge.causes[cause_id]
    steps = "\n".join(f"- {step}" for step in cause.self_care)
    return f"{rank}. {cause.title}\n{cause.explanation}\nWhat you can do:\n{steps}"


def level_advice(knowledge: Knowledge, level: str) -> str:
    """What the triage level means for the runner now."""
    item = knowledge.levels[level]
    return f"{item.headline} {item.next_steps}"


def when_to_see_someone(knowledge: Knowledge, level: str) -> str:
    """The level's advice and the signs that mean seeing someone."""
    conditions = "\n".join(f"- {c}" for c in knowledge.levels[level].come_back_if)
    return f"{level_advice(knowledge, level)}\nSee a doctor or physio if:\n{conditions}"


def _yes_no(value: Optional[bool], yes: str, no: str) -> Optional[str]:
    return None if value is None else (yes if value else no)


def physio_summary(facts: Facts, causes: List[str], flags: List[Flag], level: str,
                   knowledge: Knowledge) -> str:
    """A short summary the runner could show a physio."""
    body = facts.get("body_part")
    where = BODY_NAMES.get(body, body) if body else "ankle or foot"
    side = f"{facts['pain_side']} " if facts.get("pain_side") in {"left", "right"} else (
        "both sides, " if facts.get("pain_side") == "both" else "")
    parts = [f"{side}{where} pain after running".capitalize()]
    parts.append(_yes_no(facts.get("injury_event"), "started with a twist, roll or fall",
                         "came on gradually"))
    parts.append(_yes_no(facts.get("can_walk"), "could take four steps", "could not take four steps"))
    parts.append(_yes_no(facts.get("bone_tenderness"), "bone tender to press", "bones not tender to press"))
    parts.append(_yes_no(facts.get("swelling"), "swollen", "no swelling"))
    if facts.get("shoes"):
        parts.append(f"shoes: {SHOE_NAMES[facts['shoes']]}")
    if facts.get("surface"):
        parts.append(f"surface: {SURFACE_NAMES[facts['surface']]}")
    parts.append(_yes_no(facts.get("warm_up"), "warms up", "no warm-up"))
    parts.append(_yes_no(facts.get("stretching"), "stretches", "no stretching"))
    if facts.get("weekly_km") is not None:
        distance = f"about {float(facts['weekly_km']):g} km a week"
        if facts.get("volume_change"):
            distance += f", {CHANGE_NAMES[facts['volume_change']]}"
        parts.append(distance)
    elif facts.get("volume_change"):
        parts.append(f"weekly distance {CHANGE_NAMES[facts['volume_change']]}")
    if facts.get("pain_days"):
        parts.append(f"pain for about {float(facts['pain_days']):g} days")
    lines = ["Summary for a physio or doctor:", "; ".join(p for p in parts if p) + "."]
    if flags:
        lines.append("Warning signs: " + "; ".join(knowledge.red_flags[f.id].noticed for f in flags) + ".")
    if causes:
        lines.append("Possible factors: " + ", ".join(knowledge.causes[c].title.lower() for c in causes) + ".")
    lines.append(f"Advice given: {LEVEL_NAMES[level]}.")
    return "\n".join(lines)


def assessment_messages(knowledge: Knowledge, facts: Facts, causes: List[str],
                        flags: List[Flag], level: str) -> List[str]:
    """The full assessment, as a list of short messages."""
    messages: List[str] = []
    if level == EMERGENCY:
        messages.append(level_advice(knowledge, level))
        messages.append("Please don't run on it until you have been seen.")
    else:
        if level == SEE_DOCTOR:
            messages.append(level_advice(knowledge, level))
            messages.append("Until then, here is what may be behind it and what you can do.")
        elif causes:
            messages.append("Thanks. From what you told me, these are the likely causes, most likely first.")
        if causes:
            messages.extend(cause_message(knowledge, c, i) for i, c in enumerate(causes, 1))
        else:
            messages.append(
                "Nothing you told me points clearly to one of the usual causes. "
                "Ease off: shorter, easier runs on flat, soft ground until it settles."
            )
        if level != SEE_DOCTOR:
            messages.append(when_to_see_someone(knowledge, level))
    reasons = [f.caution for f in flags if f.caution]
    if reasons:
        messages.append(knowledge.caution_note.format(reason="; ".join(reasons)))
    messages.append(physio_summary(facts, causes, flags, level, knowledge))
    messages.append(knowledge.disclaimer)
    return messages
