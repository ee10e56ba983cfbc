"""Likely causes (knowledge/causes.yml) that the runner's answers support.

Stretching is not among them: trials found no clear effect of stretching on
injuries (docs/clinical-basis.md, "Strength and stretching").
"""

from __future__ import annotations

from typing import Callable, List, Tuple

from actions.runner import Facts, at_back_of_heel

RISKY_SHOES = {"worn_out", "poor_fit", "unsuitable", "new"}
RISKY_SURFACES = {"hard", "uneven", "downhill"}


def _bone_stress(facts: Facts) -> bool:
    bone_tender = facts.get("bone_tenderness") is True or "bone_tenderness" in facts.get("symptoms", [])
    return bone_tender and facts.get("injury_event") is False


# In order of rank: a single event first, the place, then load, then the rest.
RULES: List[Tuple[str, Callable[[Facts], bool]]] = [
    ("sprain", lambda f: f.get("injury_event") is True and f.get("body_part") in {"ankle", "foot"}),
    ("stress_injury", _bone_stress),
    (
        "achilles",  # the Achilles at the bone too; a torn Achilles suspected is an Achilles problem wherever it was felt
        lambda f: f.get("body_part") == "achilles" or at_back_of_heel(f) or "achilles_rupture" in f.get("symptoms", []),
    ),
    (
        "heel_pain",
        lambda f: f.get("body_part") == "heel" and f.get("injury_event") is not True and not at_back_of_heel(f),
    ),
    ("overload", lambda f: f.get("volume_change") == "increased"),
    ("sudden_return", lambda f: f.get("volume_change") == "returning"),
    ("footwear", lambda f: f.get("shoes") in RISKY_SHOES),
    ("surface", lambda f: f.get("surface") in RISKY_SURFACES),
    ("weak_muscles", lambda f: f.get("strength_training") is False),
    ("no_warm_up", lambda f: f.get("warm_up") is False),
    ("landing", lambda f: f.get("heavy_landing") is True),
    ("posture", lambda f: f.get("leaning_back") is True),
    ("body_weight", lambda f: f.get("overweight") is True),
]


def likely_causes(facts: Facts) -> List[str]:
    """Cause ids supported by the answers, most important first."""
    return [cause for cause, supported in RULES if supported(facts)]
