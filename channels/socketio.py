"""socket.io channel for the web chat that answers bad input instead of dropping it.

Rasa 3.6's ``socketio`` channel silently ignores a message without a session
id and fails with an exception (no answer) when the event's data is not an
object or the message is not text. This subclass keeps Rasa's server, rooms
and session persistence, and replaces the two handlers that read client data.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from channels.notices import notice

logger = logging.getLogger(__name__)

MAX_SESSION_ID_LENGTH = 256


def session_id_of(data: Any) -> Optional[str]:
    """The session id a client sent, if it is a usable one."""
    value = data.get("session_id") if isinstance(data, dict) else None
    if isinstance(value, str) and 0 < len(value.strip()) <= MAX_SESSION_ID_LENGTH:
        return value
    return None


def metadata_of(data: Dict[str, Any], key: str) -> Dict[str, Any]:
    metadata = data.get(key) or {}
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            return {}
    return metadata if isinstance(metadata, dict) else {}


class CheckedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (same events and path) with checked input."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any) -> None:
            session_id = session_id_of(data) or uuid.uuid4().hex
            if self.session_persistence:
                sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            output_channel = SocketIOOutput(sio, self.bot_message_evt)

            async def tell(name: str) -> None:
                await sio.emit(self.bot_message_evt, {"text": notice(name)}, room=sid)

            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                await tell("bad_chat_event")
                return
            sender_id = session_id_of(data) if self.session_persistence else sid
            if sender_id is None:
                await tell("no_chat_session")
                return
            text = data.get("message") or ""
            if not text.strip():
                await tell("empty_message")
                return
            await on_new_message(
                UserMessage(
                    text,
                    output_channel,
                    sender_id,
                    input_channel=self.name(),
                    metadata=metadata_of(data, self.metadata_key or "metadata"),
                )
            )

        return socketio_webhook
