"""Share of slot values right from single messages (tests/nlu/slot_messages.yml).

    python -m evaluation.slot_messages

Each message is read by the fact extractor alone, as its first message or an
answer; every expected slot value counts, and so does every slot filled that
a careful reader would not have filled.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml

SET_PATH = Path(__file__).resolve().parent.parent / "tests" / "nlu" / "slot_messages.yml"
SLOTS = {
    "body_part",
    "pain_side",
    "injury_event",
    "swelling",
    "shoes",
    "surface",
    "warm_up",
    "stretching",
    "weekly_km",
    "volume_change",
}


def read_slots(nlp, text: str) -> Dict[str, Any]:
    from understanding.facts import extract_facts
    from understanding.normalize import normalize_message

    # TextNormalizer runs first; SpacyNLP (case_sensitive: false) lowercases messages before the extractor sees them.
    return {f.label: f.value for f in extract_facts(nlp(normalize_message(text).lower())) if f.label in SLOTS}


def same(expected: Any, got: Any) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(got, (int, float)) and abs(float(got) - float(expected)) <= 0.1 + 0.02 * float(expected)
    return expected == got


def evaluate(nlp, path: Path = SET_PATH) -> Tuple[Dict[str, float], List[str]]:
    messages = yaml.safe_load(path.read_text())["messages"]
    right = wrong = extra = 0
    per_slot: Counter = Counter()
    per_slot_right: Counter = Counter()
    errors: List[str] = []
    for item in messages:
        expected = item.get("slots") or {}
        got = read_slots(nlp, item["text"])
        for slot, value in expected.items():
            per_slot[slot] += 1
            if same(value, got.get(slot)):
                right += 1
                per_slot_right[slot] += 1
            else:
                wrong += 1
                errors.append(f"{item['text']!r}: {slot} expected {value!r}, got {got.get(slot)!r}")
        for slot in set(got) - set(expected):
            extra += 1
            errors.append(f"{item['text']!r}: {slot}={got[slot]!r} not said")
    total = right + wrong
    figures = {
        "messages": len(messages),
        "slot_values": total,
        "recall": right / total if total else 0.0,
        "precision": right / (right + wrong + extra) if right + wrong + extra else 0.0,
        **{f"recall_{slot}": per_slot_right[slot] / per_slot[slot] for slot in sorted(per_slot)},
    }
    return figures, errors


def main() -> None:
    import spacy

    from understanding.spacy_model import build

    figures, errors = evaluate(spacy.load(build()))
    print(
        f"Slot values right from single messages: {figures['recall']:.1%} of {figures['slot_values']} "
        f"({figures['messages']} messages); precision {figures['precision']:.1%}"
    )
    for key, value in figures.items():
        if key.startswith("recall_"):
            print(f"  {key[7:]:14s} {value:.1%}")
    for error in errors:
        print("  miss:", error)


if __name__ == "__main__":
    main()
