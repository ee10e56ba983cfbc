"""When the action server is down or slow, tell the runner instead of going quiet.

Rasa 3.6 logs a failed custom action and carries on without its events, so
the runner sees nothing (and a hung action server makes them wait up to five
minutes). This guard wraps ``RemoteAction.run`` in the Rasa server process:

- each call gets ``ACTION_TIMEOUT_SECONDS`` (default 10 s);
- on a connection error, a timeout or a 5xx, the runner gets one short
  "having trouble, try again in a moment" message for that turn, and the
  error is re-raised, so Rasa drops the action's events as usual: the
  conversation state stays as it was before the message;
- a rejection by the action server (HTTP 400, used by forms) is untouched.

Nothing is kept between calls except which turns already got the notice, so
the assistant recovers by itself as soon as the action server answers again.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, List

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.exceptions import RasaException

from channels.environment import setting
from channels.notices import notice
from channels.recent import RecentIds

logger = logging.getLogger(__name__)

_notified_turns = RecentIds(size=50_000, seconds=600)


def action_timeout() -> float:
    """Seconds a custom action may take (``ACTION_TIMEOUT_SECONDS``, default 10)."""
    try:
        return max(1.0, float(setting("ACTION_TIMEOUT_SECONDS", "10") or 10))
    except ValueError:
        return 10.0


async def _tell_runner_once(output_channel: Any, tracker: Any) -> None:
    latest = getattr(tracker, "latest_message", None)
    turn = (tracker.sender_id, getattr(latest, "message_id", None) or getattr(latest, "timestamp", None))
    if _notified_turns.seen(turn):
        return
    try:
        await output_channel.send_response(tracker.sender_id, {"text": notice("action_server_down")})
    except Exception:  # the notice itself must never break the turn
        logger.warning("Could not send the action-server notice on %s.", type(output_channel).__name__)


def install() -> None:
    """Wrap ``RemoteAction.run`` once per process."""
    if getattr(RemoteAction.run, "guarded", False):
        return
    original = RemoteAction.run

    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Any]:
        try:
            return await asyncio.wait_for(
                original(self, output_channel, nlg, tracker, domain), timeout=action_timeout()
            )
        except ActionExecutionRejection:
            raise
        except (RasaException, asyncio.TimeoutError) as error:
            logger.error(
                "Custom action '%s' failed (%s); the runner was asked to try again.", self.name(), type(error).__name__
            )
            await _tell_runner_once(output_channel, tracker)
            raise RasaException(f"Custom action '{self.name()}' failed: {type(error).__name__}") from error

    run.guarded = True  # type: ignore[attr-defined]
    RemoteAction.run = run
