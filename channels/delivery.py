"""How the assistant reaches a runner it did not just hear from (a check-in).

Each connector that can send unprompted (Telegram, Slack) registers itself
when the Rasa server builds its webhook; ``output_for`` picks the one of the
conversation's channel, with the address the runner last wrote from.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from rasa.core.channels.channel import OutputChannel
from rasa.shared.core.events import UserUttered

_connectors: Dict[str, Any] = {}


def register(connector: Any) -> None:
    _connectors[connector.name()] = connector


def output_for(tracker: Any) -> Optional[OutputChannel]:
    """The output channel of the conversation's channel, or None (web page, REST, channel off)."""
    latest = next((e for e in reversed(tracker.events) if isinstance(e, UserUttered) and e.input_channel), None)
    if latest is None:
        return None
    connector = _connectors.get(latest.input_channel)
    if connector is None or not getattr(connector, "configured", False):
        return None
    if latest.input_channel == "slack":
        metadata = latest.metadata or {}
        thread = metadata.get("thread_id") if getattr(connector, "use_threads", False) else None
        return connector.get_output_channel(metadata.get("out_channel"), thread)
    return connector.get_output_channel()
