"""The ``checkins`` channel: starts this Rasa server's check-in scheduler.

Registered in ``credentials.yml`` like the other connectors, so ``rasa run``
starts it with them. It has no webhook of its own: its blueprint only starts
``checkins.scheduler`` after the server starts and stops it before the
server stops. A second Rasa server sharing the database runs its own
scheduler; each check-in still fires once (``CheckInStore.claim``).
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint

from checkins import scheduler

logger = logging.getLogger(__name__)


class CheckInChannel(InputChannel):
    """No input; runs the check-in scheduler of this server."""

    @classmethod
    def name(cls) -> Text:
        return "checkins"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "CheckInChannel":
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        checkins = Blueprint("checkins", __name__)

        @checkins.listener("after_server_start")
        async def start(app: Any, _loop: Any) -> None:
            try:
                scheduler.start(app)
            except Exception:  # no database for check-ins: the chat still works
                logger.exception("check-ins: scheduler not started")

        @checkins.listener("before_server_stop")
        async def stop(_app: Any, _loop: Any) -> None:
            await scheduler.stop()

        return checkins
