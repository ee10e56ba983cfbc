"""Triage and likely causes on the vignette set (tests/triage/vignettes.yml).

    python -m evaluation.triage_vignettes

Two readings of each vignette: the structured facts (what the assistant knows
after its questions), and the runner's own words (symptoms found in the text
by the fact extractor, with the other answers from the facts). Reports exact
triage accuracy, emergency sensitivity, under- and over-triage, cause accuracy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from actions.causes import likely_causes
from actions.red_flags import LEVEL_ORDER, detect, triage_level
from actions.runner import facts_from_slots

SET_PATH = Path(__file__).resolve().parent.parent / "tests" / "triage" / "vignettes.yml"
ANCHORS = (
    "Published anchors: online symptom checkers 57% right triage and 80% of emergencies "
    "(Semigran, BMJ 2015); GPs 97% safe advice (Gilbert, BMJ Open 2020)."
)


def load(path: Path = SET_PATH) -> List[Dict[str, Any]]:
    return yaml.safe_load(path.read_text())["vignettes"]


def facts_of(vignette: Dict[str, Any], symptoms: Optional[List[str]] = None) -> Dict[str, Any]:
    slots = dict(vignette.get("facts") or {})
    if symptoms is not None:
        slots["symptoms"] = symptoms
    if slots.get("pain_days") is None:
        slots.pop("pain_days", None)
    skipped = [q for q in ("can_walk", "bone_tenderness") if slots.get("injury_event") is True and slots.get(q) is None]
    slots["skipped_questions"] = skipped
    return facts_from_slots(slots)


def score(vignettes: List[Dict[str, Any]], predicted: List[str]) -> Dict[str, float]:
    expected = [v["triage"] for v in vignettes]
    n = len(expected)
    exact = sum(e == p for e, p in zip(expected, predicted))
    under = sum(LEVEL_ORDER.index(p) > LEVEL_ORDER.index(e) for e, p in zip(expected, predicted))
    over = sum(LEVEL_ORDER.index(p) < LEVEL_ORDER.index(e) for e, p in zip(expected, predicted))
    emergencies = [p for e, p in zip(expected, predicted) if e == "emergency"]
    return {
        "cases": n,
        "accuracy": exact / n,
        "emergency_sensitivity": sum(p == "emergency" for p in emergencies) / len(emergencies) if emergencies else 1.0,
        "under_triage": under / n,
        "over_triage": over / n,
        "safe_advice": (n - under) / n,
    }


def evaluate(nlp=None, path: Path = SET_PATH) -> Dict[str, Any]:
    vignettes = load(path)
    results: Dict[str, Any] = {}
    structured = [triage_level(detect(facts_of(v))) for v in vignettes]
    results["facts"] = score(vignettes, structured)
    causes_right = sum(set(likely_causes(facts_of(v))) == set(v.get("causes") or []) for v in vignettes)
    results["facts"]["causes_exact"] = causes_right / len(vignettes)
    results["_mistakes"] = {
        v["id"]: f"expected {v['triage']}, got {p}" for v, p in zip(vignettes, structured) if p != v["triage"]
    }
    results["_cause_mistakes"] = {
        v["id"]: f"expected {sorted(v.get('causes') or [])}, got {sorted(likely_causes(facts_of(v)))}"
        for v in vignettes
        if set(likely_causes(facts_of(v))) != set(v.get("causes") or [])
    }
    if nlp is not None:
        from understanding.facts import extract_facts
        from understanding.normalize import normalize_message

        from_text = []
        for v in vignettes:
            # lowercased, as SpacyNLP (case_sensitive: false) passes messages on
            symptoms = [
                f.value for f in extract_facts(nlp(normalize_message(v["text"]).lower())) if f.label == "symptom"
            ]
            facts = facts_of(v, symptoms)
            from_text.append(triage_level(detect(facts)))
        results["text"] = score(vignettes, from_text)
        results["_text_mistakes"] = {
            v["id"]: f"expected {v['triage']}, got {p}" for v, p in zip(vignettes, from_text) if p != v["triage"]
        }
    return results


def main() -> None:
    import spacy

    from understanding.spacy_model import build

    results = evaluate(spacy.load(build()))
    for reading in ("facts", "text"):
        r = results[reading]
        print(
            f"Triage from {reading:5s}: {r['accuracy']:.1%} exact of {r['cases']}, emergencies caught "
            f"{r['emergency_sensitivity']:.0%}, under-triage {r['under_triage']:.1%}, "
            f"over-triage {r['over_triage']:.1%}, safe advice {r['safe_advice']:.1%}"
        )
    print(f"Likely causes exactly right: {results['facts']['causes_exact']:.1%}")
    print(ANCHORS)
    for key in ("_mistakes", "_text_mistakes", "_cause_mistakes"):
        for vid, text in results[key].items():
            print(f"  {key[1:]}: {vid}: {text}")


if __name__ == "__main__":
    main()
