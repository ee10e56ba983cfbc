"""Load the assistant's knowledge from ``knowledge/*.yml`` (each item has a ``source``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
# The triage levels, most urgent first (the one home of their names and order).
EMERGENCY = "emergency"
SEE_DOCTOR = "see_doctor"
SELF_CARE = "self_care"
LEVEL_ORDER = [EMERGENCY, SEE_DOCTOR, SELF_CARE]
LEVELS = tuple(LEVEL_ORDER)


@dataclass(frozen=True)
class Step:
    """One self-care step; ``when`` lists facts it needs (slot: allowed values),
    ``loads_tendon`` marks loading exercises, never given while a torn Achilles
    is possible."""

    text: str
    when: Dict[str, List[Any]]
    loads_tendon: bool = False

    def applies(self, facts: Dict[str, Any], rupture_possible: bool) -> bool:
        if self.loads_tendon and rupture_possible:
            return False
        return all(facts.get(slot) in values for slot, values in self.when.items())


def _step(raw: Any) -> Step:
    if isinstance(raw, str):
        return Step(raw, {})
    when = {slot: values if isinstance(values, list) else [values] for slot, values in (raw.get("when") or {}).items()}
    return Step(raw["text"], when, bool(raw.get("loads_tendon")))


@dataclass(frozen=True)
class Cause:
    id: str
    title: str
    explanation: str
    self_care: List[Step]
    source: List[Dict[str, str]]

    def steps(self, facts: Dict[str, Any], rupture_possible: bool = False) -> List[str]:
        """The steps that fit these facts."""
        return [step.text for step in self.self_care if step.applies(facts, rupture_possible)]


@dataclass(frozen=True)
class RedFlag:
    id: str
    level: str
    noticed: str
    advice: str
    source: List[Dict[str, str]]
    call_emergency_number: bool = False
    raised_by: Tuple[str, ...] = ()  # symptoms that raise it by themselves
    # the message key of a same-day walk-in plan (an X-ray, an examination) instead of the ambulance one, if any
    same_day: Optional[str] = None


@dataclass(frozen=True)
class TriageLevel:
    headline: str
    next_steps: str
    come_back_if: List[str]
    source: List[Dict[str, str]]


@dataclass(frozen=True)
class Knowledge:
    causes: Dict[str, Cause]
    red_flags: Dict[str, RedFlag]
    levels: Dict[str, TriageLevel]
    disclaimer: str
    caution_note: str
    faq: Dict[str, Dict[str, Any]]
    questions: Dict[str, Dict[str, Any]]
    messages: Dict[str, str]
    # words for the runner's facts, said back and in the physio summary ("true"/"false" keys as booleans)
    fact_words: Dict[str, Any]


class KnowledgeError(ValueError):
    """A knowledge file is missing an item, a field or a source."""


def _read(directory: Path, name: str) -> Dict[str, Any]:
    with open(directory / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _require_source(kind: str, key: str, item: Dict[str, Any]) -> None:
    if not item.get("source"):
        raise KnowledgeError(f"{kind} '{key}' has no source")


def load_knowledge(directory: Path = KNOWLEDGE_DIR) -> Knowledge:
    """Read and check all knowledge files."""
    causes = {}
    for item in _read(directory, "causes.yml")["causes"]:
        _require_source("cause", item["id"], item)
        causes[item["id"]] = Cause(
            item["id"], item["title"], item["explanation"], [_step(raw) for raw in item["self_care"]], item["source"]
        )
    red_flags = {}
    for item in _read(directory, "red_flags.yml")["red_flags"]:
        _require_source("red flag", item["id"], item)
        if item["level"] not in LEVELS[:2]:
            raise KnowledgeError(f"red flag '{item['id']}' has level {item['level']}")
        red_flags[item["id"]] = RedFlag(
            item["id"],
            item["level"],
            item["noticed"],
            item["advice"],
            item["source"],
            bool(item.get("call_emergency_number")),
            tuple(item.get("raised_by") or ()),
            item.get("same_day"),
        )
    triage = _read(directory, "triage.yml")
    levels = {}
    for name in LEVELS:
        item = triage["levels"][name]
        _require_source("triage level", name, item)
        levels[name] = TriageLevel(item["headline"], item["next_steps"], list(item["come_back_if"]), item["source"])
    if "{reason}" not in triage["caution_note"]:
        raise KnowledgeError("caution_note needs a {reason} placeholder")
    faq = _read(directory, "faq.yml")["faq"]
    for intent, item in faq.items():
        _require_source("FAQ answer", intent, item)
    questions = _read(directory, "questions.yml")["questions"]
    for slot, item in questions.items():
        _require_source("question", slot, item)
        if not item.get("ask") or not item.get("why"):
            raise KnowledgeError(f"question '{slot}' needs 'ask' and 'why'")
    texts = _read(directory, "messages.yml")
    messages = texts["messages"]
    for flag in red_flags.values():
        if flag.same_day and flag.same_day not in messages:
            raise KnowledgeError(f"red flag '{flag.id}' names a same-day plan '{flag.same_day}' not in messages.yml")
    return Knowledge(
        causes,
        red_flags,
        levels,
        triage["disclaimer"].strip(),
        triage["caution_note"].strip(),
        faq,
        questions,
        messages,
        _boolean_keys(texts["fact_words"]),
    )


def _boolean_keys(item: Any) -> Any:
    """YAML mappings with "true"/"false" keys (yes/no facts) keyed by the booleans themselves."""
    if not isinstance(item, dict):
        return item
    return {{"true": True, "false": False}.get(k, k): _boolean_keys(v) for k, v in item.items()}


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The knowledge, loaded once per process."""
    return load_knowledge()
