"""socket.io channel for the web chat: checked input, server-issued sessions, known origins.

Rasa 3.6's ``socketio`` channel silently ignores a message without a session
id and fails with an exception (no answer) when the event's data is not an
object or the message is not text. This subclass keeps Rasa's server, rooms
and session persistence, and replaces the two handlers that read client data:

- the session id is issued by the server and signed (``<id>.<signature>``);
  a client that asks for an id it was not given gets a new one, and a
  message with an unsigned id is answered "reload the page", so no client
  can choose (or guess) another runner's session;
- conversations live in the ``web:`` namespace, which no other channel uses;
- the socket.io handshake accepts only the page's origins (``WEB_ORIGINS``,
  comma-separated; by default the page of ``make web``);
- a check-in that fell due while the page was closed is asked when the page
  opens again (``checkins.scheduler``).

The signing secret is ``SOCKETIO_SESSION_SECRET``; without it, one is made
once and kept in ``build/socketio_secret`` (every server on this machine
shares it). Set the same secret on every server in production.

Base: ``rasa.core.channels.socketio.SocketIOInput`` of Rasa 3.6.21 (pinned;
compare its ``blueprint`` when upgrading). ``blueprint`` calls Rasa's, keeps
its server, health route and ``connect``/``disconnect`` handlers, sets the
allowed origins on its engine, and registers ``session_request`` and the user
message event again, replacing Rasa's two handlers; ``SocketIOOutput`` is
Rasa's as it is. It also sets two attributes of python-engineio's server
(``cors_allowed_origins`` and the private ``_cors_headers``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, List, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from channels.notices import notice
from checkins import scheduler

logger = logging.getLogger(__name__)

MAX_SESSION_ID_LENGTH = 256
NAMESPACE = "web:"  # the web page's conversations only
SECRET_FILE = Path(__file__).resolve().parent.parent / "build" / "socketio_secret"
DEFAULT_ORIGINS = ["http://localhost:8080", "http://127.0.0.1:8080"]


@lru_cache(maxsize=1)
def session_secret() -> bytes:
    """``SOCKETIO_SESSION_SECRET``, or a secret made once and kept in build/ for this machine."""
    configured = os.environ.get("SOCKETIO_SESSION_SECRET", "").strip()
    if configured:
        return configured.encode()
    SECRET_FILE.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(SECRET_FILE, "x") as created:  # the first server on this machine makes it
            created.write(secrets.token_hex(32))
    except FileExistsError:
        pass
    return SECRET_FILE.read_text().strip().encode()


def _signature(session: str) -> str:
    return hmac.new(session_secret(), session.encode(), hashlib.sha256).hexdigest()[:24]


def issue_session_id() -> str:
    """A new session id, signed by this server."""
    session = uuid.uuid4().hex
    return f"{session}.{_signature(session)}"


def session_id_of(data: Any) -> Optional[str]:
    """The session id a client sent, if this server issued it."""
    value = data.get("session_id") if isinstance(data, dict) else None
    if not isinstance(value, str) or not 0 < len(value) <= MAX_SESSION_ID_LENGTH or value.count(".") != 1:
        return None
    session, signature = value.split(".")
    return value if hmac.compare_digest(signature, _signature(session)) else None


def conversation_of(session_id: str) -> str:
    return NAMESPACE + session_id.split(".")[0]


def allowed_origins() -> List[str]:
    configured = [o.strip() for o in os.environ.get("WEB_ORIGINS", "").split(",") if o.strip()]
    return configured or DEFAULT_ORIGINS


class CheckedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (same events and path) with checked input."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None
        sio.eio.cors_allowed_origins = allowed_origins()  # the handshake refuses other origins
        sio.eio._cors_headers = lambda environ: []  # CORS headers stay Sanic's (--cors): never two of them

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any) -> None:
            session_id = session_id_of(data) or issue_session_id()
            if self.session_persistence:
                sio.enter_room(sid, conversation_of(session_id))  # replies go to the conversation's room
            await sio.emit("session_confirm", session_id, room=sid)
            check_ins = scheduler.running()
            if check_ins is not None and self.session_persistence:  # a check-in that fell due while the page was closed
                await check_ins.fire_on_open(conversation_of(session_id), SocketIOOutput(sio, self.bot_message_evt))

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            output_channel = SocketIOOutput(sio, self.bot_message_evt)

            async def tell(name: str) -> None:
                await sio.emit(self.bot_message_evt, {"text": notice(name)}, room=sid)

            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                await tell("bad_chat_event")
                return
            session_id = session_id_of(data) if self.session_persistence else sid
            if session_id is None:
                await tell("no_chat_session")
                return
            sender_id = conversation_of(session_id)
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
                    metadata=None,  # the assistant reads none: nothing a client sends is stored with the conversation
                )
            )

        return socketio_webhook
