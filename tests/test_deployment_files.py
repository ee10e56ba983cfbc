"""The Docker images hold every module their configuration names, and everything those import."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest
import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (PROJECT_ROOT / "deploy" / "Dockerfile.rasa").read_text()
ACTIONS_DOCKERFILE = (PROJECT_ROOT / "deploy" / "Dockerfile.actions").read_text()


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


def copied(path: Path, dockerfile: str = DOCKERFILE) -> bool:
    relative = path.relative_to(PROJECT_ROOT).as_posix()
    sources = [
        word
        for line in dockerfile.splitlines()
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


def project_modules_imported_by(*modules: str) -> List[Path]:
    """The project's own files that importing ``modules`` loads (in a fresh interpreter)."""
    script = (
        "import importlib, json, pkgutil, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    module = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(getattr(module, '__path__', []), name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(json.dumps([getattr(m, '__file__', None) for m in list(sys.modules.values())]))"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    files = [Path(f) for f in json.loads(out.stdout.splitlines()[-1]) if f]
    return sorted(f for f in files if PROJECT_ROOT in f.parents and ".venv" not in f.parts)


def test_the_rasa_image_holds_everything_its_modules_import() -> None:
    modules = sorted({dotted.rsplit(".", 1)[0] for dotted in module_paths()})
    missing = [str(f) for f in project_modules_imported_by(*modules) if not copied(f)]
    assert not missing, f"deploy/Dockerfile.rasa does not COPY {missing}"


def test_the_action_image_holds_everything_the_actions_import() -> None:
    missing = [str(f) for f in project_modules_imported_by("actions") if not copied(f, ACTIONS_DOCKERFILE)]
    assert not missing, f"deploy/Dockerfile.actions does not COPY {missing}"
