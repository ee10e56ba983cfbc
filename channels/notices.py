"""The short notices the channels send themselves (knowledge/messages.yml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict

import yaml

MESSAGES = Path(__file__).resolve().parent.parent / "knowledge" / "messages.yml"


@lru_cache(maxsize=1)
def _notices() -> Dict[str, str]:
    return yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))["channel_notices"]


def notice(name: str) -> str:
    """One notice by name, e.g. ``notice("text_only")``."""
    return _notices()[name]
