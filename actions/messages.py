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
from actions.red_flags import CAUTION_FLAGS, Flag, detect, pop_at_back_of_leg
from actions.runner import Facts, at_back_of_heel, tiptoe_relevant

SHOWN_CAUSES = 3  # the assessment explains the three likeliest causes
# Lists are written with a bullet character, not Markdown "-": the chat widget's
# Markdown nests a numbered cause after a list of steps inside that list.
BULLET = "\u2022"


def rupture_possible(facts: Facts) -> bool:
    """A torn Achilles has not been ruled out, or a medicine weakens the tendon
    (fluoroquinolones, steroids): no loading exercises then."""
    symptoms = set(facts.get("symptoms") or [])
    if {"tendon_medication", "weak_push_off"} & symptoms or pop_at_back_of_leg(facts):
        return True  # a pop or snap at the back of the leg, or a weak push-off: a tear until examined
    return tiptoe_relevant(facts) and facts.get("tiptoe") is not True


# Signs of a possible bone stress injury: no heel or calf loading until it has been checked.
BONE_STRESS_FLAGS = {"stress_fracture", "walking_pain", "limp_without_injury", "rest_or_night_pain"}


def loading_unsafe(facts: Facts) -> bool:
    """No loading exercises: a torn Achilles is not ruled out, or a bone stress injury is possible."""
    return rupture_possible(facts) or bool(BONE_STRESS_FLAGS & {flag.id for flag in detect(facts)})


def fact_phrase(knowledge: Knowledge, slot: str, value: Any, facts: Facts) -> Optional[str]:
    """A few words for one fact, as the runner would say it back (``fact_words`` in knowledge/messages.yml)."""
    words = knowledge.fact_words
    said_back = words["said_back"]
    if slot == "body_part":
        side = facts.get("pain_side")
        where = words["body_parts"].get(value, value)
        return said_back["body_part_both"].format(where=where) if side == "both" else f"{side or ''} {where}".strip()
    if slot == "weekly_km":
        return str(said_back["weekly_km"].format(km=float(value)))
    if slot == "shoes":
        return str(said_back["shoes"].format(shoes=words["shoes"][value])) if value in words["shoes"] else None
    phrases = said_back.get(slot)
    return phrases.get(value) if isinstance(phrases, dict) else None


def level_name(knowledge: Knowledge, level: str) -> str:
    """The triage level in a few words ("self-care")."""
    return str(knowledge.fact_words["levels"][level])


def noted_message(knowledge: Knowledge, changed: Dict[str, Any], facts: Facts) -> Optional[str]:
    """ "Got it: left ankle, came on gradually." for facts the runner gave unasked or corrected."""
    if "body_part" in changed:
        changed.pop("pain_side", None)  # "left ankle" says both
    phrases = [p for slot, value in changed.items() if (p := fact_phrase(knowledge, slot, value, facts))]
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


def withdrawn_message(knowledge: Knowledge, flag_id: str, explained: bool = False) -> str:
    """An earlier warning the runner has corrected, or that a new detail explains: said, never dropped silently."""
    key = "flag_explained" if explained else "flag_withdrawn"
    return knowledge.messages[key].format(noticed=knowledge.red_flags[flag_id].noticed)


# While a bone stress injury is possible, its "stop running until checked" is the one message about running:
# the other causes' running and exercise steps wait (round 23: "run less" and heel raises beside it).
BONE_CHECK_FIRST = "stress_injury"


def cause_block(
    knowledge: Knowledge,
    cause_id: str,
    rank: int,
    facts: Facts,
    bone_check_first: bool = False,
    no_loading: bool = False,
) -> str:
    """One likely cause: why it matters and what to do about it (``no_loading``: see ``loading_unsafe``)."""
    cause = knowledge.causes[cause_id]
    if bone_check_first and cause_id != BONE_CHECK_FIRST:
        steps = f"{BULLET} {knowledge.messages['steps_after_bone_check']}"
    else:
        steps = "\n".join(f"{BULLET} {step}" for step in cause.steps(facts, no_loading))
    return f"**{rank}. {cause.title}**\n{cause.explanation}\n{steps}"


def level_advice(knowledge: Knowledge, level: str) -> str:
    """What the triage level means for the runner now."""
    item = knowledge.levels[level]
    return f"{item.headline} {item.next_steps}"


def emergency_plan(knowledge: Knowledge, flags: List[Flag]) -> str:
    """One clear emergency message: go now, how, and what to do on the way."""
    if any(knowledge.red_flags[f.id].call_emergency_number for f in flags):
        return knowledge.messages["call_emergency_number"]
    emergencies = [f for f in flags if knowledge.red_flags[f.id].level == EMERGENCY]
    plans = {knowledge.red_flags[f.id].same_day for f in emergencies}
    plan = plans.pop() if len(plans) == 1 else None
    if plan is not None:
        return knowledge.messages[plan]  # a tender bone or a torn tendon in a runner who walks: seen today
    return level_advice(knowledge, EMERGENCY)


def when_to_see_someone(knowledge: Knowledge, level: str) -> str:
    conditions = "\n".join(f"{BULLET} {c}" for c in knowledge.levels[level].come_back_if)
    return f"{knowledge.messages['see_someone_if']}\n{conditions}" if conditions else ""


def physio_summary(facts: Facts, causes: List[str], flags: List[Flag], level: str, knowledge: Knowledge) -> str:
    """What a physio wants to know, with what is unknown said as unknown (words: knowledge/messages.yml)."""
    words = knowledge.fact_words
    said = words["summary"]
    unknown_name = said["unknown_names"]
    body = facts.get("body_part")
    symptoms = set(facts.get("symptoms") or [])
    where = words["body_parts"].get(body, body) if body else said["place_unknown"]
    if at_back_of_heel(facts):
        where = words["back_of_heel"]  # "Right back-of-heel pain": not the sole of the heel
    side = said["sides"].get(facts.get("pain_side") or "", "")
    parts = [said["complaint"].format(side=side, where=where).capitalize()]
    unknown: List[str] = []

    def add(value: Optional[str], missing: Optional[str] = None) -> None:
        if value:
            parts.append(value)
        elif missing:
            unknown.append(unknown_name[missing])

    def yes_no(slot: str) -> Optional[str]:
        value = facts.get(slot)
        return None if value is None else said[slot][bool(value)]

    add(yes_no("injury_event"), "injury_event")
    if facts.get("pain_days"):
        add(said["pain_days"].format(days=float(facts["pain_days"])))
    add(yes_no("can_walk"), "can_walk" if facts.get("injury_event") is not False else None)
    add(yes_no("bone_tenderness"), "bone_tenderness")
    if tiptoe_relevant(facts):
        add(yes_no("tiptoe"), "tiptoe")
    if "rest_or_night_pain" in symptoms:
        add(said["rest_or_night_pain"])
    elif facts.get("warning_signs") is False:
        add(said["screening_clear"])
    else:
        unknown.append(unknown_name["rest_or_night_pain"])
    if "giving_way" in symptoms:
        add(said["giving_way"])
    add(yes_no("swelling"), "swelling")
    change = words["changes"].get(facts.get("volume_change") or "")
    if facts.get("weekly_km") is not None:
        distance = said["weekly_km"].format(km=float(facts["weekly_km"]))
        add(f"{distance}, {change}" if change else distance)
    else:
        unknown.append(unknown_name["weekly_km"])
        add(said["weekly_change"].format(change=change) if change else None)
    if not change:
        unknown.append(unknown_name["volume_change"])
    add(said["shoes"].format(shoes=words["shoes"][facts["shoes"]]) if facts.get("shoes") else None, "shoes")
    add(
        said["surface"].format(surface=words["surfaces"][facts["surface"]]) if facts.get("surface") else None, "surface"
    )
    add(yes_no("warm_up"), "warm_up")
    add(yes_no("stretching"))
    lines = [said["heading"], "; ".join(parts) + "."]
    if isinstance(facts.get("anything_else"), str):
        lines.append(said["their_words"].format(words=facts["anything_else"]))
    # A sign inferred as the cautious choice ("red, and swelling not known") is not stated as reported.
    reported = [f for f in flags if not f.caution or f.id in CAUTION_FLAGS]
    inferred = [f for f in flags if f.caution and f.id not in CAUTION_FLAGS]
    if reported:
        lines.append(said["warning_signs"].format(signs="; ".join(knowledge.red_flags[f.id].noticed for f in reported)))
    if inferred:
        lines.append(said["unconfirmed"].format(reasons="; ".join(str(f.caution) for f in inferred)))
    if causes:
        lines.append(said["factors"].format(causes=", ".join(knowledge.causes[c].title.lower() for c in causes)))
    lines.append(said["not_known"].format(items=", ".join(unknown + list(said["always_unknown"]))))
    lines.append(said["advice"].format(level=level_name(knowledge, level)))
    return "\n".join(lines)


def plain_text(message: str) -> str:
    """A message without its Markdown bold, for copying or saving as a file."""
    return message.replace("**", "")


def causes_message(knowledge: Knowledge, facts: Facts, causes: List[str], intro: str) -> str:
    shown = causes[:SHOWN_CAUSES]
    bone_check_first = BONE_CHECK_FIRST in causes
    no_loading = loading_unsafe(facts)  # the red flags read once for all the causes
    blocks = [cause_block(knowledge, c, i, facts, bone_check_first, no_loading) for i, c in enumerate(shown, 1)]
    return "\n".join([intro, *blocks])


def assessment_messages(
    knowledge: Knowledge, facts: Facts, causes: List[str], flags: List[Flag], level: str, summary: str
) -> List[str]:
    """The full assessment, as at most three messages; the last is ``summary`` (``physio_summary``)."""
    reasons = [f.caution for f in flags if f.caution]
    caution = (" " + knowledge.caution_note.format(reason="; ".join(reasons))) if reasons else ""
    summary = summary + "\n" + knowledge.disclaimer
    if level == EMERGENCY:
        specific = " ".join(dict.fromkeys(knowledge.red_flags[f.id].advice for f in flags if f.level == EMERGENCY))
        return [f"{emergency_plan(knowledge, flags)} {specific}{caution}".strip(), summary]
    see_someone = when_to_see_someone(knowledge, level)
    messages = [level_advice(knowledge, level) + caution + (f"\n{see_someone}" if see_someone else "")]
    if causes:
        intro = knowledge.messages["causes_intro_see_doctor" if level == SEE_DOCTOR else "causes_intro"]
        messages.append(causes_message(knowledge, facts, causes, intro))
    else:
        messages.append(knowledge.messages["no_clear_cause"])
    messages.append(summary)
    return messages


def advice_of(level: str, causes: List[str], flags: List[Flag]) -> Dict[str, Any]:
    """What an assessment advised, to tell later what a new detail changed."""
    return {"level": level, "causes": list(causes), "flags": [f.id for f in flags]}


def unchanged_message(
    knowledge: Knowledge, before: Dict[str, Any], flags: List[Flag], level: str, corrected: bool = False
) -> str:
    """The advice stays: when a warning sign was taken out, name the signs that keep the level; a correction is
    thanked for as one ("Thanks for correcting that.")."""
    thanks = knowledge.messages["thanks_for_correcting"] if corrected else knowledge.messages["thanks_noted"]
    return thanks + " " + _unchanged_reason(knowledge, before, flags, level)


def _unchanged_reason(knowledge: Knowledge, before: Dict[str, Any], flags: List[Flag], level: str) -> str:
    name = level_name(knowledge, level)
    taken_out = set(before.get("flags") or []) - {f.id for f in flags}
    remaining = [f for f in flags if f.level == level and f.id not in CAUTION_FLAGS]
    if taken_out and remaining and level != SELF_CARE:
        signs = "; ".join(dict.fromkeys(knowledge.red_flags[f.id].noticed for f in remaining))
        return knowledge.messages["assessment_unchanged_by_remaining_signs"].format(level=name, signs=signs)
    return knowledge.messages["assessment_unchanged"].format(level=name)


def update_messages(
    knowledge: Knowledge,
    facts: Facts,
    before: Dict[str, Any],
    causes: List[str],
    flags: List[Flag],
    level: str,
    summary: str,
    corrected: bool = False,
) -> List[str]:
    """After an assessment, only what a new detail changed (an emergency replaces everything);
    ``corrected`` when the runner said they were correcting something told before."""
    changed = knowledge.messages["advice_changed_by_correction" if corrected else "advice_changed"]
    if level == EMERGENCY and before.get("level") != EMERGENCY:
        return [
            changed,
            *assessment_messages(knowledge, facts, causes, flags, level, summary),
        ]
    if level == before.get("level") and causes == before.get("causes"):
        return [unchanged_message(knowledge, before, flags, level, corrected)]
    messages = [changed]
    if level != before.get("level"):
        messages[0] += " " + level_advice(knowledge, level)
    added = [c for c in causes if c not in (before.get("causes") or [])]
    if added:
        messages.append(causes_message(knowledge, facts, added, knowledge.messages["also_likely"]))
    return messages
