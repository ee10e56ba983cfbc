"""A fast regression check on every outsider round, with no Rasa in it.

    python -m evaluation.facts_only --out results/facts_only/HEAD.json
    python -m evaluation.facts_only --compare results/facts_only/BEFORE.json results/facts_only/HEAD.json

Each outsider message is read by the fact extractor alone (the spaCy pipeline
from knowledge/vocabulary.yml), as if it were the first message:

- **first messages**: the contract slots read from the text, against the
  writer's values;
- **safety messages**: the triage level of the red flags the text alone
  raises, against the writer's level (a conversation asks the rest; this
  reads only what the words themselves say).

Every round here was read and tuned on after its first measurement, so these
figures are not a measure of understanding (evaluation.outsider on a sealed
round is). They catch regressions: ``--compare`` lists every reading that
changed between two runs, fixed or broken, so a rule added for one phrasing
cannot silently break another.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Sequence

import yaml

from actions.red_flags import LEVEL_ORDER, detect, triage_level
from actions.runner import facts_from_slots
from evaluation.outsider import CONTRACT_SLOTS, OUTSIDER_DIR
from evaluation.slot_messages import same

Reader = Callable[[str], Dict[str, Any]]


def rounds(root: Path = OUTSIDER_DIR) -> List[Path]:
    """The sets, in order: round 1 (the folder itself), then round2, round3, ..."""
    found = [p for p in root.glob("round*") if p.is_dir() and p.name[5:].isdigit()]
    return [root] + sorted(found, key=lambda p: int(p.name[5:]))


def fact_reader() -> Reader:
    """Message text -> {label: value}, symptoms as a list, as the extractor reads a first message."""
    import spacy

    from understanding.facts import extract_facts
    from understanding.normalize import pipeline_text
    from understanding.spacy_model import build

    nlp = spacy.load(build())

    def read(text: str) -> Dict[str, Any]:
        facts: Dict[str, Any] = {"symptoms": []}
        for fact in extract_facts(nlp(pipeline_text(text))):
            if fact.label == "symptom":
                facts["symptoms"].append(fact.value)
            elif fact.label != "denied_symptom":
                facts[fact.label] = fact.value
        return facts

    return read


def level_of(facts: Dict[str, Any]) -> str:
    slots = {k: v for k, v in facts.items() if k != "symptoms"}
    slots["symptoms"] = facts.get("symptoms") or []
    if "duration_days" in slots:  # the slot the action server fills from it (actions/slot_mappings.py)
        slots["pain_days"] = float(slots.pop("duration_days"))
    return triage_level(detect(facts_from_slots(slots)))


def _messages(path: Path) -> List[Dict[str, Any]]:
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else data["messages"]


def readings(read: Reader, folders: Sequence[Path]) -> Dict[str, Any]:
    """Every message's reading, keyed by round and position."""
    first: Dict[str, Any] = {}
    safety: Dict[str, Any] = {}
    for folder in folders:
        name = folder.name if folder.name.startswith("round") else "round1"
        for n, item in enumerate(_messages(folder / "first_messages.yml")):
            facts = read(item["text"])
            expected = {s: v for s, v in (item.get("slots") or {}).items() if s in CONTRACT_SLOTS}
            first[f"{name}/{n}"] = {
                "text": item["text"],
                "wrong": {s: facts.get(s) for s, v in expected.items() if not same(v, facts.get(s))},
                "values": len(expected),
            }
        for n, item in enumerate(_messages(folder / "safety_messages.yml")):
            level = level_of(read(item["text"]))
            safety[f"{name}/{n}"] = {"text": item["text"], "expected": item["level"], "level": level}
    return {"first_messages": first, "safety_messages": safety}


def summary(result: Dict[str, Any]) -> Dict[str, Any]:
    first = result["first_messages"].values()
    safety = result["safety_messages"].values()
    values = sum(m["values"] for m in first)
    right = values - sum(len(m["wrong"]) for m in first)
    rank = LEVEL_ORDER.index
    return {
        "first_message_values": values,
        "first_message_values_right": right,
        "safety_messages": len(safety),
        "safety_exact": sum(m["level"] == m["expected"] for m in safety),
        "safety_under_triaged": sum(rank(m["level"]) > rank(m["expected"]) for m in safety),
        "look_alikes_at_emergency": sum(m["expected"] == "self_care" and m["level"] == "emergency" for m in safety),
    }


def _wrongness(kind: str, item: Dict[str, Any]) -> int:
    if kind == "first_messages":
        return len(item["wrong"])
    rank = LEVEL_ORDER.index
    return abs(rank(item["level"]) - rank(item["expected"]))


def compare(before: Dict[str, Any], after: Dict[str, Any]) -> List[str]:
    """One line per reading that changed on a message both runs read; broken ones first."""
    lines: List[str] = []
    for kind in ("first_messages", "safety_messages"):
        for key in sorted(set(before[kind]) & set(after[kind])):
            old, new = before[kind][key], after[kind][key]
            if old == new:
                continue
            verdict = {True: "BROKEN", False: "fixed"}[_wrongness(kind, new) > _wrongness(kind, old)]
            if _wrongness(kind, new) == _wrongness(kind, old):
                verdict = "changed"
            shown = (
                f"wrong {old['wrong']} -> {new['wrong']}"
                if kind == "first_messages"
                else f"{old['level']} -> {new['level']} (expected {new['expected']})"
            )
            lines.append(f"{verdict:8} {kind} {key}: {shown} | {new['text']}")
    return sorted(lines, key=lambda line: (not line.startswith("BROKEN"), line))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write every reading and the summary here (JSON)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(p.read_text()) for p in args.compare)
        lines = compare(before, after)
        print("\n".join(lines) or "no reading changed")
        print("before:", json.dumps(summary(before)))
        print("after: ", json.dumps(summary(after)))
        return 1 if any(line.startswith("BROKEN") for line in lines) else 0
    result = readings(fact_reader(), rounds())
    result["summary"] = summary(result)
    print(json.dumps(result["summary"], indent=1))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
