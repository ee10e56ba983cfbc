"""Reading connector settings from environment variables."""

from __future__ import annotations

import os
from typing import Optional


def setting(name: str, default: Optional[str] = None) -> Optional[str]:
    """The value of an environment variable, or ``default`` when unset or blank."""
    value = os.environ.get(name, "").strip()
    return value or default
