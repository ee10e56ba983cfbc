"""Red flags and triage (docs/clinical-basis.md), from the runner's facts.

A flag is raised by what the runner said (``symptoms`` from the fact
extractor) and by the answers to the safety questions (``can_walk``,
``bone_tenderness``, ``tiptoe``, ``warning_signs``). When an answer that could
rule a flag out was skipped, the cautious flag is raised and the reason is
kept, so the assistant can say why it chose the safer advice.

Each flag's level lives in ``knowledge/red_flags.yml`` (the one home of the
levels); this module holds the rules that combine facts into flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Mapping, Optional

from actions.knowledge import EMERGENCY, LEVEL_ORDER, SEE_DOCTOR, SELF_CARE, knowledge
from actions.runner import Facts, at_back_of_leg, tiptoe_relevant

__all__ = [
    "EMERGENCY",
    "SEE_DOCTOR",
    "SELF_CARE",
    "LEVEL_ORDER",
    "Flag",
    "detect",
    "pending_question",
    "triage_level",
    "caution_reasons",
    "flags_of_level",
    "confirming_question",
    "confirms",
]
NOT_IMPROVING_DAYS = 14
LASTING_LIMP_DAYS = 5  # "a limp that lasts more than a few days"
LASTING_SWELLING_DAYS = 3  # swelling without an injury not gone down after a few days (NHS, swollen ankles)
LASTING_SWELLING_AFTER_INJURY_DAYS = 7  # a sprain's swelling not gone down after a week of looking after it
NO_BETTER_TOLD_DAYS = 7  # "no better" told after a week or more of looking after it counts; two days on, it does not
OTTAWA_WINDOW_DAYS = 10  # the Ottawa rules were made for injuries up to ten days old
LONG_STANDING_DAYS = 42  # gradual pain that has lasted six weeks or more

# Symptoms that are a red flag on their own, with the flag they raise (``raised_by`` in knowledge/red_flags.yml).
DIRECT_SYMPTOMS = {symptom: flag.id for flag in knowledge().red_flags.values() for symptom in flag.raised_by}
# Symptoms that are context for other rules, not signs that remain after a correction.
CONTEXT_SYMPTOMS = {
    "limping",
    "limp_told",
    "skin_cause",
    "improving",
    "skin_wound",
    "child_runner",
    "child_limp",
    "growth_spurt",
    "tiptoe_walking",
    "stops_sport",
    "back_of_heel",
    "swelling_not_settling",
}
# Where diabetes makes foot pain a reason to see a doctor (not a tight calf).
DIABETIC_FOOT_PARTS = {"foot", "heel", "ankle", "achilles", None}
NUMBNESS_SYMPTOMS = {"circulation", "transient_numbness", "lasting_numbness"}
# Flags that only say an earlier warning was corrected or a check was not finished.
CAUTION_FLAGS = {"corrected_warning", "unclear_bone_check", "unclear_warning_signs", "unclear_tiptoe"}


@dataclass(frozen=True)
class Flag:
    """A raised red flag; ``caution`` says why, when it was the cautious choice."""

    id: str
    caution: Optional[str] = None

    @property
    def level(self) -> str:
        return knowledge().red_flags[self.id].level


def flags_of_level(level: str) -> set:
    """The ids of every flag of one level (knowledge/red_flags.yml)."""
    return {flag_id for flag_id, item in knowledge().red_flags.items() if item.level == level}


def _skipped(facts: Facts, question: str) -> bool:
    return question in (facts.get("skipped_questions") or [])


def _bone_flags(facts: Facts, symptoms: set) -> List[Flag]:
    """Ottawa after a twist; a stress injury without one; the cautious choice when unknown."""
    injury = facts.get("injury_event")
    flags: List[Flag] = []
    bone_tender = facts.get("bone_tenderness") is True or "bone_tenderness" in symptoms
    days = facts.get("pain_days")
    if bone_tender:
        weeks_on = days is not None and days >= OTTAWA_WINDOW_DAYS and facts.get("can_walk") is not False
        if injury is True and weeks_on:
            flags.append(Flag("bone_tenderness_weeks_after_injury"))  # walking on it for weeks: an X-ray soon, not A&E
        elif injury is True:
            flags.append(Flag("bone_tenderness_after_injury"))
        elif injury is False:
            flags.append(Flag("stress_fracture"))
        elif _skipped(facts, "injury_event"):
            flags.append(Flag("bone_tenderness_after_injury", _reason("caution_bone_onset_unknown")))
    if injury is not False and (injury is True or _skipped(facts, "injury_event")):
        unknown = [q for q in ("can_walk", "bone_tenderness") if facts.get(q) is None and _skipped(facts, q)]
        if unknown:
            flags.append(Flag("unclear_bone_check", _reason("caution_bone_check_unfinished")))
    if "walking_pain" in symptoms and injury is not True:
        flags.append(Flag("walking_pain"))  # walking hurts, from pain that built up: a bone stress injury until checked
    if "limping" in symptoms and injury is False:
        flags.append(Flag("limp_without_injury"))
    limp = bool({"limping", "limp_told"} & symptoms)
    without_injury_said = injury is False and "limping" in symptoms  # limp_without_injury above says it
    if limp and not without_injury_said and days is not None and days >= LASTING_LIMP_DAYS:
        flags.append(Flag("lasting_limp"))
    if "swelling_not_settling" in symptoms:
        # after a sprain, swelling for a few days is expected (and its days must be known); a week is not
        enough = LASTING_SWELLING_AFTER_INJURY_DAYS if injury is True else LASTING_SWELLING_DAYS
        if (days is None and injury is not True) or (days is not None and days >= enough):
            flags.append(Flag("lasting_swelling"))
    child_signs = {"child_limp", "limping", "tiptoe_walking", "stops_sport"} & symptoms or bone_tender
    if "growth_spurt" in symptoms and facts.get("body_part") in GROWTH_PLATE_PLACES:
        child_signs = (
            True  # heel (Sever's) or foot pain in a growth spurt; a growing teenager's sore shins alone is not
        )
    if "child_runner" in symptoms and child_signs and injury is not True:
        # a child's heel, foot or shin pain with a limp, a growth spurt, a tender bone, a sport given up
        flags.append(Flag("growing_child"))
    if "crack_heard" in symptoms:
        if injury is True:
            flags.append(Flag("crack_heard"))
        elif injury is None and _skipped(facts, "injury_event"):
            flags.append(Flag("crack_heard", _reason("caution_crack_onset_unknown")))
    return flags


# Where a growth plate is the usual cause of a growing child's pain (docs/clinical-basis.md, children).
GROWTH_PLATE_PLACES = {"heel", "achilles", "foot"}
POP_SYMPTOMS = {"pop_heard", "crack_heard"}


def pop_at_back_of_leg(facts: Facts) -> bool:
    """A pop or snap told at the Achilles or the calf: a tear until examined."""
    return bool(POP_SYMPTOMS & set(facts.get("symptoms") or [])) and at_back_of_leg(facts)


def _achilles_flags(facts: Facts, symptoms: set) -> List[Flag]:
    """A torn Achilles: tiptoe impossible, or a pop at the back of the leg."""
    flags: List[Flag] = []
    if facts.get("tiptoe") is False:
        flags.append(Flag("achilles_rupture"))
    tiptoe_unknown = facts.get("tiptoe") is None and _skipped(facts, "tiptoe")
    if tiptoe_unknown and not POP_SYMPTOMS & symptoms and tiptoe_relevant(facts):
        # Achilles, calf or back-of-heel pain and the tiptoe check not done: a tear is not ruled out
        flags.append(Flag("unclear_tiptoe", _reason("caution_tiptoe_unknown")))
    if POP_SYMPTOMS & symptoms:
        if tiptoe_unknown:
            flags.append(Flag("achilles_rupture", _reason("caution_pop_tiptoe_unknown")))
        elif pop_at_back_of_leg(facts) and facts.get("tiptoe") is True:
            # on tiptoe: a calf pop is a calf strain; at the tendon, a tear is not ruled out (other muscles can
            # lift the heel), so it is examined today (docs/clinical-basis.md, suspected Achilles rupture)
            if facts.get("body_part") != "calf":
                flags.append(Flag("pop_at_achilles"))
        elif pop_at_back_of_leg(facts):
            flags.append(Flag("pop_back_of_leg"))  # the tiptoe check comes next (a "no" is the emergency above)
    return flags


def _circulation_and_skin_flags(facts: Facts, symptoms: set) -> List[Flag]:
    """Clots, hot joints, breathlessness: signs that depend on other facts."""
    flags: List[Flag] = []
    body = facts.get("body_part")
    swollen = facts.get("swelling")
    calf_signs = {"calf_swelling", "redness_or_heat"} & symptoms or swollen is True
    exertional = "exertional_compartment" in symptoms  # calves that swell on each run and settle with rest
    if "foot_drop" in symptoms and swollen is True and body in {"shin", "calf"}:
        # a swollen shin or calf and toes that won't lift: pressure on the nerve
        flags.append(Flag("compartment_syndrome"))
    torn = facts.get("injury_event") is True and bool(POP_SYMPTOMS & symptoms)  # "felt like I'd been shot"
    if body == "calf" and swollen is True and not {"calf_swelling", "skin_cause"} & symptoms and not exertional:
        if torn and "clot_risk" not in symptoms:
            # swelling and bruising after a pop in the calf: the tear's own, examined within a day or two
            flags.append(Flag("pop_back_of_leg"))
        else:
            flags.append(Flag("dvt"))  # "is it swollen?" "yes" about a sore calf: the same sign as "my calf is swollen"
    one_sided = facts.get("pain_side") != "both"  # a clot is almost always in one leg
    if "clot_risk" in symptoms and body == "calf" and (one_sided or calf_signs):
        flags.append(
            Flag(
                "dvt",
                _reason("caution_clot_risk"),
            )
        )
    rubbed = facts.get("shoes") == "poor_fit" and swollen is not True  # "a red patch where my new shoes rub"
    if "redness_or_heat" in symptoms and "skin_cause" not in symptoms and not rubbed:  # a sting or bite explains it
        if body == "calf" and swollen is True:
            flags.append(Flag("dvt"))
        elif facts.get("injury_event") is True:
            pass  # warmth and redness right after a sprain are expected
        elif swollen is True and body in ("heel", "achilles") and "fever" not in symptoms:
            flags.append(Flag("red_or_warm_joint"))  # a red, swollen bump at the heel (a bursa), not the joint
        elif swollen is True:
            flags.append(Flag("hot_joint_or_fever"))
        elif swollen is False:
            flags.append(Flag("red_or_warm_joint"))
        elif _skipped(facts, "swelling"):
            flags.append(Flag("hot_joint_or_fever", _reason("caution_red_swelling_unknown")))
    if "fever" in symptoms:
        local = {"redness_or_heat", "spreading_redness", "open_wound", "diabetic_wound"} & symptoms or swollen is True
        flags.append(Flag("hot_joint_or_fever") if local else Flag("fever", _reason("caution_fever")))
    heard_without_twist = "crack_heard" in symptoms and facts.get("injury_event") is False
    if ("pop_heard" in symptoms or heard_without_twist) and body in {"heel", "foot"} and not at_back_of_leg(facts):
        flags.append(Flag("pop_in_foot"))  # a torn plantar fascia or a broken bone: examined soon
    if (
        "diabetes" in symptoms
        and swollen is True
        and body in DIABETIC_FOOT_PARTS
        and facts.get("injury_event") is not True
    ):
        # Charcot foot or an infection until checked (NICE NG19: within a day)
        flags.append(Flag("diabetic_swollen_foot"))
    elif "diabetes" in symptoms and (body in DIABETIC_FOOT_PARTS or NUMBNESS_SYMPTOMS & symptoms):
        flags.append(Flag("diabetic_foot"))
    wound = {"redness_or_heat", "open_wound", "skin_wound"}
    if "diabetes" in symptoms and "diabetic_wound" not in symptoms and wound & symptoms:
        flags.append(Flag("diabetic_wound"))  # told in two messages: diabetes, then "a sore, red round the edge"
    load_change = facts.get("shoes") == "new" or facts.get("volume_change") in ("increased", "returning")
    if body == "achilles" and facts.get("pain_side") == "both" and not load_change:
        flags.append(Flag("inflammatory_signs"))  # both sides after new shoes or more running is load
    elif (
        body == "heel"
        and facts.get("pain_side") == "both"
        and facts.get("volume_change") in ("steady", "decreased")
        and not load_change
        and not _heels_loaded_otherwise(facts)
    ):
        # both heels with the running told unchanged or less (not merely unknown: most heel pain is load)
        flags.append(Flag("inflammatory_signs"))
    if "breathless" in symptoms and ({"calf_swelling", "clot_risk"} & symptoms or body == "calf"):
        flags.append(Flag("chest_symptoms"))
    return flags


def _heels_loaded_otherwise(facts: Facts) -> bool:
    """Both heels sore with a load that explains them besides the running: worn-out or unsuitable shoes, or a
    heavy build (round 49: worn shoes, 104 kg, on his feet all day, the running unchanged)."""
    return facts.get("shoes") in ("worn_out", "unsuitable") or facts.get("overweight") is True


def without_cannot_walk(symptoms: List[str], facts: Facts) -> List[str]:
    """ "I can't walk" taken back ("yes, I can take four steps"): after pain that built up, walking
    still hurts, which stays a reason to be examined (a bone stress injury) though four steps are possible.
    Not while the start is unknown: a twist told next would withdraw it again."""
    if "cannot_walk_said" not in symptoms:
        return symptoms
    kept = [s for s in symptoms if s != "cannot_walk_said"]
    if facts.get("injury_event") is False and "walking_pain" not in kept:  # said to have come on gradually
        kept.append("walking_pain")
    return kept


def _reason(key: str) -> str:
    """Why a level was chosen when unsure (docs/clinical-basis.md, "When unsure"): knowledge/messages.yml."""
    return knowledge().messages[key]


def detect(facts: Facts) -> List[Flag]:
    """All red flags the facts raise, most urgent first."""
    symptoms = set(facts.get("symptoms") or [])
    pain_days = facts.get("pain_days")
    recent = pain_days is not None and pain_days < NO_BETTER_TOLD_DAYS
    flags: List[Flag] = [
        Flag(DIRECT_SYMPTOMS[s])
        for s in sorted(symptoms)
        if s in DIRECT_SYMPTOMS and not (s == "not_improving" and recent)  # "hasn't settled" two days on
    ]
    if facts.get("can_walk") is False:
        flags.append(Flag("cannot_bear_weight"))
    flags += _bone_flags(facts, symptoms)
    flags += _achilles_flags(facts, symptoms)
    flags += _circulation_and_skin_flags(facts, symptoms)

    easing = "improving" in symptoms  # "much better, just aches after long runs"
    if pain_days is not None and pain_days >= NOT_IMPROVING_DAYS and facts.get("injury_event") is True and not easing:
        flags.append(Flag("not_improving"))  # most sprains are much better within two weeks
    elif pain_days is not None and pain_days >= LONG_STANDING_DAYS and not easing:
        flags.append(Flag("not_improving"))  # any pain still there after six weeks, unless clearly easing: examined
    if facts.get("warning_signs") is None and _skipped(facts, "warning_signs"):
        flags.append(
            Flag(
                "unclear_warning_signs",
                _reason("caution_screening_unfinished"),
            )
        )
    expected_after_a_twist = {"walking_pain"} if facts.get("injury_event") is True else set()
    if (
        facts.get("withdrawn_flags")
        and not [f for f in flags if f.id not in CAUTION_FLAGS]
        and symptoms - CONTEXT_SYMPTOMS - expected_after_a_twist  # "sore when I walk on it" after a sprain is no sign
    ):
        flags.append(
            Flag(
                "corrected_warning",
                _reason("caution_corrected_warning"),
            )
        )

    if any(f.id == "dvt" for f in flags):
        flags = [f for f in flags if f.id != "red_or_warm_joint"]  # a warm calf with a clot possible: the clot says it
    if any(f.id == "achilles_rupture" for f in flags):
        flags = [f for f in flags if f.id != "pop_back_of_leg"]  # the emergency says it; no "in a day or two" beside it
    if any(f.id == "growing_child" for f in flags):
        flags = [f for f in flags if f.id != "stress_fracture"]  # a child's sore bone: the growing-child check says it

    unique: dict = {}
    for flag in flags:
        unique.setdefault(flag.id, flag)
    return sorted(unique.values(), key=lambda f: LEVEL_ORDER.index(f.level))


# An emergency read from loose words that one question can confirm ("I can't walk" often
# means "I can't run"): symptom -> (the flag it raised, the question, symptoms that make it sure).
CONFIRMABLE = {"cannot_walk_said": ("cannot_bear_weight", "can_walk", {"cannot_bear_weight"})}


def confirming_question(facts: Facts, times_asked: Mapping[str, int]) -> Optional[str]:
    """The one question that confirms the only emergency sign, if it came from loose words
    and the question was not asked yet (docs/clinical-basis.md, "When unsure")."""
    emergency = {flag.id for flag in detect(facts) if flag.level == EMERGENCY}
    symptoms = set(facts.get("symptoms") or [])
    for symptom, (flag, question, sure) in CONFIRMABLE.items():
        if emergency == {flag} and symptom in symptoms and not sure & symptoms and not times_asked.get(question):
            return question
    return None


def confirms(facts: Facts, question: str) -> bool:
    """The question just asked is the confirming one for a sign still held."""
    symptoms = set(facts.get("symptoms") or [])
    return any(q == question and symptom in symptoms for symptom, (_, q, _) in CONFIRMABLE.items())


def pending_question(facts: Facts) -> Optional[str]:
    """A question whose answer decides whether a flag is raised, if still open."""
    symptoms = set(facts.get("symptoms") or [])
    skipped = set(facts.get("skipped_questions") or [])
    bone_tender = facts.get("bone_tenderness") is True or "bone_tenderness" in symptoms
    if (
        (bone_tender or "crack_heard" in symptoms)
        and facts.get("injury_event") is None
        and "injury_event" not in skipped
    ):
        return "injury_event"
    if "redness_or_heat" in symptoms and facts.get("swelling") is None and "swelling" not in skipped:
        return "swelling"
    if tiptoe_relevant(facts) and facts.get("tiptoe") is None and "tiptoe" not in skipped:
        return "tiptoe"
    return None


def triage_level(flags: List[Flag]) -> str:
    """The most urgent level among the flags; self-care when there are none."""
    return flags[0].level if flags else SELF_CARE


def caution_reasons(flags: List[Flag]) -> List[str]:
    """Why the cautious choice was made, for the flags that were cautious."""
    return [flag.caution for flag in flags if flag.caution]
