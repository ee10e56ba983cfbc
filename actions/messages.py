"""The texts the assistant sends, built from the knowledge files.

An assessment is at most three messages: what to do now and when to see
someone, the likely causes (numbered, bold titles, what to do for each), and a
summary for a physio. Every explanation comes from ``knowledge/``. No message
holds a blank line: Rasa's output channels split a text there into several
messages.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from actions.knowledge import EMERGENCY, SEE_DOCTOR, SELF_CARE, Knowledge
from actions.red_flags import Flag
from actions.runner import Facts, tiptoe_relevant

LEVEL_NAMES = {EMERGENCY: "urgent care now", SEE_DOCTOR: "see a doctor or physio soon", SELF_CARE: "self-care"}
BODY_NAMES = {"achilles": "Achilles", "other": "leg"}
SHOE_NAMES = {
    "ok": "fine",
    "worn_out": "worn out",
    "poor_fit": "poor fit",
    "unsuitable": "not running shoes",
    "new": "new",
}
SURFACE_NAMES = {
    "hard": "hard (road, concrete)",
    "uneven": "uneven (trails, rough ground)",
    "downhill": "downhill / steep hills",
    "soft": "soft (grass, track, treadmill)",
}
CHANGE_NAMES = {
    "increased": "recently increased",
    "steady": "steady",
    "returning": "just started or coming back after a break",
}
SHOWN_CAUSES = 3  # the assessment explains the three likeliest causes
# Lists are written with a bullet character, not Markdown "-": the chat widget's
# Markdown nests a numbered cause after a list of steps inside that list.
BULLET = "\u2022"


def rupture_possible(facts: Facts) -> bool:
    """A torn Achilles has not been ruled out, or a medicine weakens the tendon
    (fluoroquinolones, steroids): no loading exercises then."""
    symptoms = set(facts.get("symptoms") or [])
    if "tendon_medication" in symptoms or "pop_heard" in symptoms and facts.get("body_part") in {"achilles", "calf"}:
        return True  # a pop at the back of the leg: a tear until examined, whatever tiptoe says
    return tiptoe_relevant(facts) and facts.get("tiptoe") is not True


def fact_phrase(slot: str, value: Any, facts: Facts) -> Optional[str]:
    """A few words for one fact, as the runner would say it back."""
    if slot == "body_part":
        side = facts.get("pain_side")
        where = BODY_NAMES.get(value, value)
        return f"{where}, both sides" if side == "both" else f"{side or ''} {where}".strip()
    phrases: Dict[str, Dict[Any, str]] = {
        "pain_side": {"left": "the left side", "right": "the right side", "both": "both sides"},
        "injury_event": {True: "it started with a twist, fall or pop", False: "it came on gradually"},
        "swelling": {True: "it's swollen", False: "no swelling"},
        "shoes": {k: f"shoes {v}" for k, v in SHOE_NAMES.items()},
        "surface": {
            "hard": "you run on roads or hard ground",
            "uneven": "you run on trails or rough ground",
            "downhill": "you run hills",
            "soft": "you run on soft ground",
        },
        "warm_up": {True: "you warm up", False: "no warm-up"},
        "volume_change": {
            "increased": "you run more than before",
            "steady": "you run as much as usual",
            "returning": "you just started or came back after a break",
        },
    }
    if slot == "weekly_km":
        return f"about {float(value):g} km a week"
    return phrases.get(slot, {}).get(value)


def noted_message(knowledge: Knowledge, changed: Dict[str, Any], facts: Facts) -> Optional[str]:
    """ "Got it: left ankle, came on gradually." for facts the runner gave unasked or corrected."""
    if "body_part" in changed:
        changed.pop("pain_side", None)  # "left ankle" says both
    phrases = [p for slot, value in changed.items() if (p := fact_phrase(slot, value, facts))]
    return knowledge.messages["noted"].format(facts=spoken_list(phrases)) if phrases else None


def spoken_list(items: List[str]) -> str:
    """ "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def red_flag_message(knowledge: Knowledge, flag: Flag) -> str:
    """What the runner said that is a warning sign, and what is specific to it."""
    item = knowledge.red_flags[flag.id]
    text = f"You mentioned {item.noticed}. {item.advice}"
    if flag.caution:
        text += " " + knowledge.caution_note.format(reason=flag.caution)
    return text


def withdrawn_message(knowledge: Knowledge, flag_id: str) -> str:
    """An earlier warning the runner has corrected: said, never dropped silently."""
    return knowledge.messages["flag_withdrawn"].format(noticed=knowledge.red_flags[flag_id].noticed)


def cause_block(knowledge: Knowledge, cause_id: str, rank: int, facts: Facts) -> str:
    """One likely cause: why it matters and what to do about it."""
    cause = knowledge.causes[cause_id]
    steps = "\n".join(f"{BULLET} {step}" for step in cause.steps(facts, rupture_possible(facts)))
    return f"**{rank}. {cause.title}**\n{cause.explanation}\n{steps}"


def level_advice(knowledge: Knowledge, level: str) -> str:
    """What the triage level means for the runner now."""
    item = knowledge.levels[level]
    return f"{item.headline} {item.next_steps}"


def emergency_plan(knowledge: Knowledge, flags: List[Flag]) -> str:
    """One clear emergency message: go now, how, and what to do on the way."""
    if any(knowledge.red_flags[f.id].call_emergency_number for f in flags):
        return knowledge.messages["call_emergency_number"]
    return level_advice(knowledge, EMERGENCY)


def when_to_see_someone(knowledge: Knowledge, level: str) -> str:
    conditions = "\n".join(f"{BULLET} {c}" for c in knowledge.levels[level].come_back_if)
    return f"See a doctor or physio if:\n{conditions}" if conditions else ""


def _yes_no(value: Optional[bool], yes: str, no: str) -> Optional[str]:
    return None if value is None else (yes if value else no)


def physio_summary(facts: Facts, causes: List[str], flags: List[Flag], level: str, knowledge: Knowledge) -> str:
    """What a physio wants to know, with what is unknown said as unknown."""
    body = facts.get("body_part")
    where = BODY_NAMES.get(body, body) if body else "ankle or foot"
    side = {"left": "left ", "right": "right ", "both": "both sides, "}.get(facts.get("pain_side") or "", "")
    symptoms = set(facts.get("symptoms") or [])
    parts = [f"{side}{where} pain after running".capitalize()]
    unknown: List[str] = []

    def add(value: Optional[str], missing: Optional[str] = None) -> None:
        if value:
            parts.append(value)
        elif missing:
            unknown.append(missing)

    add(
        _yes_no(facts.get("injury_event"), "started with a twist, roll, fall or pop", "came on gradually"),
        "how it started",
    )
    if facts.get("pain_days"):
        add(f"for about {float(facts['pain_days']):g} days")
    add(
        _yes_no(facts.get("can_walk"), "can take four steps", "cannot take four steps"),
        "walking" if facts.get("injury_event") is not False else None,
    )
    add(_yes_no(facts.get("bone_tenderness"), "a bone is tender to press", "bones not tender to press"), "bone press")
    if tiptoe_relevant(facts):
        add(
            _yes_no(facts.get("tiptoe"), "can stand on tiptoe on that leg", "cannot stand on tiptoe on that leg"),
            "tiptoe on that leg",
        )
    if "rest_or_night_pain" in symptoms:
        add("pain at rest or at night")
    elif facts.get("warning_signs") is False:
        add("no pain at rest or at night, no numbness, no calf swelling")
    else:
        unknown.append("pain at rest or at night")
    if "giving_way" in symptoms:
        add("earlier sprains or giving way")
    add(_yes_no(facts.get("swelling"), "swollen", "no swelling"), "swelling")
    if facts.get("weekly_km") is not None:
        distance = f"about {float(facts['weekly_km']):g} km a week"
        if facts.get("volume_change"):
            distance += f", {CHANGE_NAMES[facts['volume_change']]}"
        add(distance)
    else:
        unknown.append("weekly distance")
        add(f"weekly distance {CHANGE_NAMES[facts['volume_change']]}" if facts.get("volume_change") else None)
    add(f"shoes: {SHOE_NAMES[facts['shoes']]}" if facts.get("shoes") else None, "shoes")
    add(f"surface: {SURFACE_NAMES[facts['surface']]}" if facts.get("surface") else None, "surface")
    add(_yes_no(facts.get("warm_up"), "warms up", "no warm-up"))
    add(_yes_no(facts.get("stretching"), "stretches", "no stretching"))
    lines = ["**Summary for a physio or doctor**", "; ".join(parts) + "."]
    if isinstance(facts.get("anything_else"), str):
        lines.append(f"Also said, in their words: \u201c{facts['anything_else']}\u201d")
    if flags:
        lines.append("Warning signs: " + "; ".join(knowledge.red_flags[f.id].noticed for f in flags) + ".")
    if causes:
        lines.append("Possible factors: " + ", ".join(knowledge.causes[c].title.lower() for c in causes) + ".")
    lines.append("Not asked or not known: " + ", ".join(unknown + ["pain score", "what was tried"]) + ".")
    lines.append(f"Advice given: {LEVEL_NAMES[level]}.")
    return "\n".join(lines)


def plain_text(message: str) -> str:
    """A message without its Markdown bold, for copying or saving as a file."""
    return message.replace("**", "")


def causes_message(knowledge: Knowledge, facts: Facts, causes: List[str], intro: str) -> str:
    shown = causes[:SHOWN_CAUSES]
    blocks = [cause_block(knowledge, c, i, facts) for i, c in enumerate(shown, 1)]
    return "\n".join([intro, *blocks])


def assessment_messages(
    knowledge: Knowledge, facts: Facts, causes: List[str], flags: List[Flag], level: str
) -> List[str]:
    """The full assessment, as at most three messages."""
    reasons = [f.caution for f in flags if f.caution]
    caution = (" " + knowledge.caution_note.format(reason="; ".join(reasons))) if reasons else ""
    summary = physio_summary(facts, causes, flags, level, knowledge) + "\n" + knowledge.disclaimer
    if level == EMERGENCY:
        specific = " ".join(dict.fromkeys(knowledge.red_flags[f.id].advice for f in flags if f.level == EMERGENCY))
        return [f"{emergency_plan(knowledge, flags)} {specific}{caution}".strip(), summary]
    see_someone = when_to_see_someone(knowledge, level)
    messages = [level_advice(knowledge, level) + caution + (f"\n{see_someone}" if see_someone else "")]
    if causes:
        intro = (
            "Meanwhile, what may be behind it, most likely first:"
            if level == SEE_DOCTOR
            else "The likely causes, most likely first, and what to do for each:"
        )
        messages.append(causes_message(knowledge, facts, causes, intro))
    else:
        messages.append(knowledge.messages["no_clear_cause"])
    messages.append(summary)
    return messages


def advice_of(level: str, causes: List[str], flags: List[Flag]) -> Dict[str, Any]:
    """What an assessment advised, to tell later what a new detail changed."""
    return {"level": level, "causes": list(causes), "flags": [f.id for f in flags]}


def update_messages(
    knowledge: Knowledge, facts: Facts, before: Dict[str, Any], causes: List[str], flags: List[Flag], level: str
) -> List[str]:
    """After an assessment, only what a new detail changed (an emergency replaces everything)."""
    if level == EMERGENCY and before.get("level") != EMERGENCY:
        return [knowledge.messages["advice_changed"], *assessment_messages(knowledge, facts, causes, flags, level)]
    if level == before.get("level") and causes == before.get("causes"):
        return [knowledge.messages["assessment_unchanged"].format(level=LEVEL_NAMES[level])]
    messages = [knowledge.messages["advice_changed"]]
    if level != before.get("level"):
        messages[0] += " " + level_advice(knowledge, level)
    added = [c for c in causes if c not in (before.get("causes") or [])]
    if added:
        messages.append(causes_message(knowledge, facts, added, "Also likely now:"))
    return messages
