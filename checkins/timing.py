"""When check-ins are due: about three days after the plan, then weekly.

``CHECK_IN_DELAY_SECONDS``, when set, replaces every delay with that many
seconds, so tests and demos do not wait days.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from typing import Optional

FIRST_CHECK_IN_DAYS = 3  # the source page: about three days of rest, then try again
LATER_CHECK_IN_DAYS = 7


def delay(number: int) -> timedelta:
    """How long after now check-in ``number`` (1, 2, ...) is due."""
    override = delay_override()
    if override is not None:
        return timedelta(seconds=override)
    return timedelta(days=FIRST_CHECK_IN_DAYS if number <= 1 else LATER_CHECK_IN_DAYS)


def delay_override() -> Optional[float]:
    raw = os.environ.get("CHECK_IN_DELAY_SECONDS", "").strip()
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        raise ValueError(f"CHECK_IN_DELAY_SECONDS must be a number of seconds, not {raw!r}") from None


def due_at(start: datetime, number: int) -> datetime:
    return start + delay(number)
