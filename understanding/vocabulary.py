"""Load the domain vocabulary (``knowledge/vocabulary.yml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VOCABULARY_PATH = PROJECT_ROOT / "knowledge" / "vocabulary.yml"

IGNORE_LABEL = "ignore"
OPTIONAL_WORD = "~"
OPTIONAL_WORDS = ["my", "the", "a", "an", "this", "that", "your", "his", "her", "our", "their", "both"]
# After the optional word, a side may stand inside a phrase ("back of my left ankle").
SIDE_WORDS = ["left", "right"]


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice (the second would silently replace the first)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(
            f"knowledge/vocabulary.yml: {', '.join(repeated)} given twice (line {node.start_mark.line + 1})"
        )
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def parse_value(raw: str) -> Any:
    """Turn the YAML key of a value ("true", "worn_out") into the slot value."""
    return {"true": True, "false": False}.get(raw, raw)


def parse_assignment(text: str) -> Tuple[str, Any]:
    """Split "label=value" into (label, value)."""
    label, _, value = text.partition("=")
    return label.strip(), parse_value(value.strip())


@dataclass(frozen=True)
class CooccurrenceRule:
    """A symptom (or, keyed "label=value", another fact) read when one word of every
    group stands in one clause or sentence."""

    symptom: str
    scope: str
    groups: List[frozenset]
    negation_required: bool = False
    unless: frozenset = frozenset()  # any of these words in the scope cancels the rule
    label: str = "symptom"
    anchored: bool = False  # the other words must be told of the first group's word (its clause)

    @property
    def value(self) -> Any:
        return self.symptom if self.label == "symptom" else parse_value(self.symptom)


@dataclass
class Vocabulary:
    """Phrases per label and value, the facts some phrases imply, short answers,
    and the word groups of warning signs told in many words."""

    entities: Dict[str, Dict[str, List[str]]]
    implies: Dict[Tuple[str, Any], List[Tuple[str, Any]]] = field(default_factory=dict)
    short_answers: Dict[str, Dict[str, List[str]]] = field(default_factory=dict)
    cooccurrence: List[CooccurrenceRule] = field(default_factory=list)
    # symptom -> words that, in the same sentence, explain a phrase away ("popped the blister")
    phrase_unless: Dict[str, frozenset] = field(default_factory=dict)
    # words that make a sentence about the runner's shoes (their age and distance)
    shoe_words: frozenset = frozenset()

    @property
    def labels(self) -> List[str]:
        return [label for label in self.entities if label != IGNORE_LABEL]


def _refuse_booleans(node: Any, where: str = "knowledge/vocabulary.yml") -> None:
    """A list item YAML read as true/false (an unquoted "no", "off", "on", "yes") would never match a word."""
    if isinstance(node, dict):
        for key, value in node.items():
            _refuse_booleans(value, f"{where}: {key}")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, bool) or item is None:
                raise ValueError(f"{where}: {item!r} in a list (quote it: YAML reads no/off/on/yes as booleans)")
            _refuse_booleans(item, where)


def load_vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    """Read and check the vocabulary file."""
    with open(path, encoding="utf-8") as handle:
        raw = yaml.load(handle, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader subclass)
    _refuse_booleans(raw)
    entities = {
        label: {str(value): [str(p).lower() for p in phrases] for value, phrases in values.items()}
        for label, values in raw["entities"].items()
    }
    implies = {
        parse_assignment(key): [parse_assignment(item) for item in items]
        for key, items in (raw.get("implies") or {}).items()
    }
    short_answers = {
        label: {str(value): [str(w).lower() for w in words] for value, words in values.items()}
        for label, values in (raw.get("short_answers") or {}).items()
    }
    cooccurrence = [
        CooccurrenceRule(
            key.partition("=")[2] if "=" in key else key,
            rule["scope"],
            [frozenset(str(w).lower() for w in group) for group in rule["groups"]],
            rule.get("negation") == "required",
            frozenset(str(w).lower() for w in rule.get("unless") or []),
            key.partition("=")[0] if "=" in key else "symptom",
            bool(rule.get("anchored")),
        )
        for key, rules in (raw.get("cooccurrence") or {}).items()
        for rule in rules
    ]
    for rule in cooccurrence:
        if rule.scope not in {"clause", "sentence", "message"} or rule.symptom not in entities.get(rule.label, {}):
            raise ValueError(f"cooccurrence rule for {rule.label}={rule.symptom}: unknown scope or value")
    phrase_unless = {
        symptom: frozenset(str(w).lower() for w in words) for symptom, words in (raw.get("phrase_unless") or {}).items()
    }
    for symptom in phrase_unless:
        if symptom not in entities.get("symptom", {}):
            raise ValueError(f"phrase_unless for {symptom}: unknown symptom")
    return Vocabulary(
        entities=entities,
        implies=implies,
        short_answers=short_answers,
        cooccurrence=cooccurrence,
        phrase_unless=phrase_unless,
        shoe_words=frozenset(str(w).lower() for w in raw.get("shoe_words") or []),
    )


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once per process (light: no spaCy, so the action server can read it too)."""
    return load_vocabulary()


RED_FLAGS_PATH = PROJECT_ROOT / "knowledge" / "red_flags.yml"


def symptoms_raising_flags(path: Path = RED_FLAGS_PATH) -> frozenset:
    """The symptoms that raise a warning flag by themselves (``raised_by`` in
    knowledge/red_flags.yml, the file the actions read the flags from)."""
    with open(path, encoding="utf-8") as handle:
        flags = yaml.safe_load(handle)["red_flags"]
    return frozenset(symptom for flag in flags for symptom in flag.get("raised_by") or [])
