"""The Docker image of the Rasa server holds every module its configuration names."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import List

import pytest
import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (PROJECT_ROOT / "deploy" / "Dockerfile.rasa").read_text()


def module_paths() -> List[str]:
    """Dotted class paths of our own code in the files the image runs with."""
    found = []
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.production.yml").read_text())
    found += [
        section["type"]
        for section in endpoints.values()
        if isinstance(section, dict) and "." in str(section.get("type", ""))
    ]
    found += [name for name in yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text()) if "." in name]
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    found += [part["name"] for part in config["pipeline"] + config["policies"] if "." in part["name"]]
    return found


def copied(path: Path) -> bool:
    relative = path.relative_to(PROJECT_ROOT).as_posix()
    sources = [
        word
        for line in DOCKERFILE.splitlines()
        if line.startswith("COPY") and "--from" not in line
        for word in line.split()[1:-1]
    ]
    return any(relative == s.rstrip("/") or relative.startswith(s if s.endswith("/") else s + "/") for s in sources)


@pytest.mark.parametrize("dotted", module_paths())
def test_each_configured_class_is_importable_and_copied_into_the_image(dotted: str) -> None:
    module_name, class_name = dotted.rsplit(".", 1)
    module = importlib.import_module(module_name)
    assert hasattr(module, class_name), f"{dotted} does not exist"
    assert copied(Path(module.__file__)), f"deploy/Dockerfile.rasa does not COPY {module.__file__}"


def test_the_production_endpoints_are_the_tested_ones() -> None:
    local = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())
    production = yaml.safe_load((PROJECT_ROOT / "endpoints.production.yml").read_text())
    assert production["tracker_store"]["type"] == local["tracker_store"]["type"]
    assert production["action_endpoint"].get("enable_selective_domain") == local["action_endpoint"].get(
        "enable_selective_domain"
    )
    assert re.search(r"COPY [^\n]*endpoints\.production\.yml", DOCKERFILE)
