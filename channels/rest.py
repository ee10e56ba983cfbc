"""REST channel that checks its input: Rasa's ``rest`` channel, same URL and replies.

Rasa 3.6's REST channel answers 500 when the body is not a JSON object. This
one answers 400 with a reason for a body that is not a JSON object, a missing
or non-text ``sender`` or ``message``, and answers an empty message with a
hint instead of running the assistant on nothing. ``?stream=true`` works as
in Rasa.
"""

from __future__ import annotations

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


def bad_request(reason: str) -> HTTPResponse:
    return response.json({"error": reason}, status=HTTPStatus.BAD_REQUEST)


def read_body(request: Request) -> Union[Dict[str, Any], str]:
    """The request's JSON object, or the reason it is not acceptable."""
    if not request.body or not request.body.strip():
        return 'The body is empty: send a JSON object like {"sender": "runner-1", "message": "my ankle hurts"}.'
    try:
        body = request.json
    except Exception:
        return "The body is not valid JSON."
    if not isinstance(body, dict):
        return 'The body must be a JSON object like {"sender": "runner-1", "message": "my ankle hurts"}.'
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_LENGTH:
        return f'"sender" must be a non-empty text of at most {MAX_SENDER_LENGTH} characters.'
    if not isinstance(message, str):
        return '"message" must be a text.'
    if body.get("metadata") is not None and not isinstance(body["metadata"], dict):
        return '"metadata" must be a JSON object.'
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
            body = read_body(request)
            if isinstance(body, str):
                return bad_request(body)
            sender, text = body["sender"], body["message"]
            metadata: Optional[Dict[str, Any]] = body.get("metadata")
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
