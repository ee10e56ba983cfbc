"""REST channel that checks its input: Rasa's ``rest`` channel, same URL and replies.

Rasa 3.6's REST channel answers 500 when the body is not a JSON object. This
one refuses, with a status and a reason, a body that is not strict JSON
(415 without ``Content-Type: application/json``, so no web page can post
here as a "simple request"; 400 for NaN or a lone surrogate), a missing or
non-text ``sender`` or ``message``, a sender in another channel's namespace
(``telegram:``, ``slack:``, ``web:``), and with 413 a body, message or
metadata over its limit. Metadata is not stored (the assistant uses none).
An empty message gets a hint instead of running the assistant on nothing.
``?stream=true`` works as in Rasa.

Base: ``rasa.core.channels.rest.RestInput`` of Rasa 3.6.21 (pinned; compare
its ``blueprint`` when upgrading). Kept from it: the URL, the health route, the
reply list and ``stream_response``. Why ``blueprint`` is still a fork rather
than Rasa's ``_extract_sender`` / ``_extract_message`` /
``_extract_input_channel`` / ``get_metadata`` hooks: Rasa's ``receive`` calls
those hooks before, and outside, its ``try`` block, so whatever a hook raises
goes to Sanic's error handler: 500 for an ordinary exception, and Sanic's own
error format for a ``SanicException`` with a status; neither is the
``{"error": reason}`` body with our status that clients and the tests rely on.
No hook can answer without running the assistant (the empty-message hint), and
Rasa takes ``input_channel`` from the body, where here it is always ``rest``.
"""

from __future__ import annotations

import json
import logging
from asyncio import CancelledError
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Union

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from channels.notices import notice

logger = logging.getLogger(__name__)

MAX_SENDER_LENGTH = 256
MAX_BODY_BYTES = 64_000  # a long message and its envelope; more is refused with 413
MAX_MESSAGE_CHARS = 10_000  # about four pages of text
MAX_METADATA_BYTES = 2_000
# Conversation ids other channels use: a REST client may not write into them.
RESERVED_SENDER_PREFIXES = ("telegram:", "slack:", "web:")


class Refused(Exception):
    """A request the REST channel will not run, with the HTTP status and the reason."""

    def __init__(self, status: HTTPStatus, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def bad_request(reason: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> HTTPResponse:
    return response.json({"error": reason}, status=status)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def read_body(request: Request) -> Dict[str, Any]:
    """The request's JSON object, or :class:`Refused` with the reason it is not acceptable."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON with Content-Type: application/json.")
    if len(request.body or b"") > MAX_BODY_BYTES:
        raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"The body is over {MAX_BODY_BYTES:,} bytes.")
    if not request.body or not request.body.strip():
        raise Refused(
            HTTPStatus.BAD_REQUEST,
            'The body is empty: send a JSON object like {"sender": "runner-1", "message": "my ankle hurts"}.',
        )
    try:  # strict JSON: NaN and Infinity are not JSON, and would make stored conversations unreadable
        body = json.loads(request.body, parse_constant=_no_constants)
    except Exception:
        raise Refused(HTTPStatus.BAD_REQUEST, "The body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise Refused(
            HTTPStatus.BAD_REQUEST,
            'The body must be a JSON object like {"sender": "runner-1", "message": "my ankle hurts"}.',
        )
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_LENGTH:
        raise Refused(
            HTTPStatus.BAD_REQUEST, f'"sender" must be a non-empty text of at most {MAX_SENDER_LENGTH} characters.'
        )
    if sender.lower().startswith(RESERVED_SENDER_PREFIXES):
        raise Refused(HTTPStatus.BAD_REQUEST, '"sender" may not start with "telegram:", "slack:" or "web:".')
    if not isinstance(message, str):
        raise Refused(HTTPStatus.BAD_REQUEST, '"message" must be a text.')
    if len(message) > MAX_MESSAGE_CHARS:
        raise Refused(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            f'"message" is over {MAX_MESSAGE_CHARS:,} characters: send the most important part.',
        )
    try:
        (sender + message).encode("utf-8")
    except UnicodeEncodeError:
        raise Refused(HTTPStatus.BAD_REQUEST, '"sender" and "message" must be valid Unicode text.') from None
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise Refused(HTTPStatus.BAD_REQUEST, '"metadata" must be a JSON object.')
    if metadata and len(json.dumps(metadata)) > MAX_METADATA_BYTES:
        raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f'"metadata" is over {MAX_METADATA_BYTES:,} bytes.')
    return body


class CheckedRestInput(RestInput):
    """``POST /webhooks/rest/webhook`` with ``{"sender": ..., "message": ...}``."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        rest_webhook = Blueprint("rest_webhook", __name__)

        @rest_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[ResponseStream, HTTPResponse]:
            try:
                body = read_body(request)
            except Refused as refused:
                return bad_request(refused.reason, refused.status)
            sender, text = body["sender"], body["message"]
            # The assistant reads no metadata from REST clients; none is stored with the conversation.
            metadata: Optional[Dict[str, Any]] = None
            if not text.strip():
                return response.json([{"recipient_id": sender, "text": notice("empty_message")}])
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(
                    self.stream_response(on_new_message, text, sender, self.name(), metadata),
                    content_type="text/event-stream",
                )
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(), metadata=metadata))
            except CancelledError:
                logger.error("REST: handling a message timed out.")
            except Exception:
                logger.exception("REST: could not handle a message.")
            return response.json(collector.messages)

        return rest_webhook
