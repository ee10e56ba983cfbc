"""Fire due check-ins from the Rasa server, once, and carry out "forget me".

Started by the ``checkins`` input channel (``channels.checkins``) when the
Rasa server starts, so a restarted server picks up every check-in that fell
due while it was down. Every ``CHECK_IN_POLL_SECONDS`` (default 30) it:

- deletes the conversations whose runner asked to be forgotten, under the
  conversation's lock (so no message is being handled meanwhile);
- claims each due Telegram or Slack check-in (``CheckInStore.claim``: one
  server wins) and triggers the ``EXTERNAL_check_in`` intent in that
  conversation, with the connector's output channel, as Rasa's
  ``trigger_intent`` endpoint does. The assistant then starts the
  conversation in the runner's chat.

Web page conversations have no address while the page is closed: their
check-in fires when the runner next opens the page (``fire_on_open``, called
by the socket.io channel).
"""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from typing import Any, Optional

from rasa.core.channels.channel import OutputChannel

from channels import delivery
from checkins.store import CheckIn, CheckInStore, store

logger = logging.getLogger(__name__)

CHECK_IN_INTENT = "EXTERNAL_check_in"
DEFAULT_POLL_SECONDS = 30.0
WEB_PREFIX = "web:"
_running: Optional["Scheduler"] = None


def poll_seconds() -> float:
    raw = os.environ.get("CHECK_IN_POLL_SECONDS", "").strip()
    return max(0.2, float(raw)) if raw else DEFAULT_POLL_SECONDS


class Scheduler:
    """The check-in loop of one Rasa server."""

    def __init__(self, app: Any, check_ins: CheckInStore) -> None:
        self.app = app
        self.store = check_ins
        self.worker = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.fired = 0
        self._task: Optional[asyncio.Task] = None

    @property
    def agent(self) -> Any:
        agent = getattr(self.app.ctx, "agent", None)
        return agent if agent is not None and agent.is_ready() else None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def _loop(self) -> None:
        while True:
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception:  # a database or platform error must not end the loop
                logger.exception("check-ins: a round failed; trying again later")
            await asyncio.sleep(poll_seconds())

    async def tick(self) -> None:
        agent = self.agent
        if agent is None:
            return  # the model is still loading
        for sender_id in self.store.forget_requests():
            await self.forget(agent, sender_id)
        for check_in in self.store.due():
            if check_in.sender_id.startswith(WEB_PREFIX):
                continue  # fires when the page is next opened
            output = None
            tracker = await agent.tracker_store.retrieve(check_in.sender_id)
            if tracker is not None:
                output = delivery.output_for(tracker)
            if output is None:
                logger.warning("check-ins: no way to reach %s; check-in cancelled", check_in.sender_id)
                self.store.cancel(check_in.sender_id)
                continue
            await self.fire(agent, check_in, output)

    async def fire(self, agent: Any, check_in: CheckIn, output: OutputChannel) -> bool:
        """Claim the check-in and start it in the conversation; False if another server has it."""
        if not self.store.claim(check_in, self.worker):
            return False
        async with agent.lock_store.lock(check_in.sender_id):
            tracker = await agent.processor.fetch_tracker_and_update_session(check_in.sender_id)
            await agent.trigger_intent(
                CHECK_IN_INTENT, [{"entity": "check_in_number", "value": check_in.number}], output, tracker
            )
        self.store.done(check_in)
        self.fired += 1
        logger.info("check-ins: fired check-in %s of %s", check_in.number, check_in.sender_id)
        return True

    async def fire_on_open(self, sender_id: str, output: OutputChannel) -> bool:
        """The web page was opened: its due check-in, if any, now."""
        agent = self.agent
        if agent is None:
            return False
        for check_in in self.store.due(sender_id=sender_id):
            return await self.fire(agent, check_in, output)
        return False

    async def forget(self, agent: Any, sender_id: str) -> None:
        """Delete the conversation (and its check-ins) once no message of it is being handled."""
        async with agent.lock_store.lock(sender_id):
            forget_conversation(agent.tracker_store, sender_id)
        self.store.forgotten(sender_id)
        logger.info("check-ins: forgot %s", sender_id)


def forget_conversation(tracker_store: Any, sender_id: str) -> None:
    """Delete every event of the conversation from the SQL tracker store (through any wrapper)."""
    inner = getattr(tracker_store, "_tracker_store", tracker_store)  # Rasa wraps it in a FailSafeTrackerStore
    forget = getattr(inner, "forget", None)
    if forget is None:
        raise TypeError(f"{type(inner).__name__} cannot delete a conversation")
    forget(sender_id)


def start(app: Any) -> Scheduler:
    """Start this server's scheduler (once)."""
    global _running
    if _running is None:
        _running = Scheduler(app, store())
        _running.start()
    return _running


def running() -> Optional[Scheduler]:
    return _running


async def stop() -> None:
    global _running
    if _running is not None:
        await _running.stop()
        _running = None
