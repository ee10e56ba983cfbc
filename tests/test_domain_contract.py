"""domain.yml agrees with the other homes of the same facts: the README's slot contract and the triage levels."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List

import yaml

from actions.knowledge import LEVEL_ORDER

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SLOT_CONTRACT_HEADING = "## What it understands: the slot contract"


def domain_slots() -> Dict[str, Dict[str, Any]]:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["slots"]


def readme_slot_names() -> List[str]:
    """The slot names in the first column of the README's slot contract table, in order."""
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert SLOT_CONTRACT_HEADING in readme, f"README.md has no section {SLOT_CONTRACT_HEADING!r}"
    section = readme.split(SLOT_CONTRACT_HEADING, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    assert rows[:2] == ["| slot | values |", "|---|---|"], "the slot contract table's header changed"
    names = []
    for row in rows[2:]:
        first_cell = row.split("|")[1]
        names += [name.strip().strip("`") for name in first_cell.split(",")]
    return names


def test_the_readme_slot_contract_names_every_slot_of_the_domain_and_no_other():
    names = readme_slot_names()
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert not duplicates, f"slots listed twice in README.md: {duplicates}"
    for name in names:
        assert re.fullmatch(r"[a-z_]+", name), f"not a slot name in README.md's table: {name!r}"
    slots = set(domain_slots())
    assert sorted(slots - set(names)) == [], "slots of domain.yml missing from README.md's slot contract"
    assert sorted(set(names) - slots) == [], "README.md's slot contract names slots domain.yml does not have"


def test_the_triage_slot_values_are_the_triage_levels_of_the_actions():
    triage = domain_slots()["triage"]
    assert triage["type"] == "categorical"
    assert triage["values"] == list(LEVEL_ORDER)


def test_every_from_entity_mapping_names_an_entity_the_domain_declares():
    """Rasa skips a ``from_entity`` mapping whose entity is not declared (only a warning), so the slot
    is silently never filled from the message: a correction such as "the bones don't hurt" was lost."""
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
    declared = {e if isinstance(e, str) else next(iter(e)) for e in domain["entities"]}
    undeclared = [
        (slot, mapping["entity"])
        for slot, spec in domain["slots"].items()
        for mapping in spec.get("mappings") or []
        if mapping.get("type") == "from_entity" and mapping["entity"] not in declared
    ]
    assert undeclared == []
