"""Slack connector: Rasa's Slack channel, made safe to run.

Built on ``rasa.core.channels.slack.SlackInput`` of Rasa 3.6.21 (pinned;
compare against that file when upgrading): it reuses its helpers
(``_get_conversation_id``, ``_sanitize_user_message``, ``get_metadata``,
``is_request_from_slack_authentic``), keeps its ``__init__`` and replaces
``from_credentials`` (settings from the environment), ``_validate_credentials``
(off without them, instead of refusing to start) and ``blueprint`` (the checks
below).
Differences:

- Settings come from environment variables (``SLACK_TOKEN``,
  ``SLACK_SIGNING_SECRET``, optional ``SLACK_CHANNEL`` and ``SLACK_API_URL``);
  without them the channel is off and its webhook answers 503.
- Every request must carry a valid ``X-Slack-Signature`` (checked before
  anything else); bodies that are not what Slack sends get a 400, not a 500.
- A retried event (``X-Slack-Retry-Num``) or an event id already seen is
  acknowledged without a second answer (ids shared through Redis when
  ``REDIS_HOST`` is set, ``channels/recent.py``).
- Conversations live in the ``slack:`` namespace.
- Replies are posted without the legacy ``as_user`` flag, which apps created
  today may not use.
"""

from __future__ import annotations

import asyncio
import json
import logging
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from channels import delivery
from channels.environment import setting
from channels.formatting import SLACK_LIMIT, split_at_lines, to_slack_mrkdwn
from channels.recent import recent_ids

logger = logging.getLogger(__name__)
NAMESPACE = "slack:"  # Slack's conversations only: no other channel can write into them

DEFAULT_API_URL = "https://slack.com/api/"
RETRY_HEADER = "X-Slack-Retry-Num"


class SlackReplies(SlackBot):
    """Posts the assistant's messages with ``chat.postMessage`` at ``api_url``."""

    def __init__(
        self, token: Text, channel: Optional[Text], thread_id: Optional[Text], api_url: Text = DEFAULT_API_URL
    ) -> None:
        super().__init__(token, channel, thread_id)
        self.client = AsyncWebClient(token, base_url=api_url, timeout=10)

    async def _post_message(self, channel: Text, **kwargs: Any) -> None:
        """Every text in Slack's mrkdwn, within its length limit (channels/formatting.py)."""
        kwargs.pop("as_user", None)
        for block in kwargs.get("blocks") or []:
            section = block.get("text") if block.get("type") == "section" else None
            if section:
                section.update(type="mrkdwn", text=to_slack_mrkdwn(section["text"])[:SLACK_LIMIT])
        text = kwargs.pop("text", None)
        if text is None or kwargs.get("blocks"):
            if text is not None:
                kwargs["text"] = to_slack_mrkdwn(text)
            await super()._post_message(channel=channel, **kwargs)
            return
        for part in split_at_lines(to_slack_mrkdwn(text), SLACK_LIMIT):
            await super()._post_message(channel=channel, text=part, **kwargs)


class SlackConnector(SlackInput):
    """Slack Events API and interactivity at ``/webhooks/slack/webhook``."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        options = credentials or {}
        return cls(
            slack_token=setting("SLACK_TOKEN") or "",
            slack_channel=setting("SLACK_CHANNEL"),
            slack_signing_secret=setting("SLACK_SIGNING_SECRET") or "",
            use_threads=bool(options.get("use_threads", False)),
            conversation_granularity=options.get("conversation_granularity", "sender"),
            api_url=setting("SLACK_API_URL", DEFAULT_API_URL) or DEFAULT_API_URL,
        )

    def __init__(
        self,
        slack_token: Text,
        slack_channel: Optional[Text] = None,
        slack_signing_secret: Text = "",
        use_threads: bool = False,
        conversation_granularity: Text = "sender",
        api_url: Text = DEFAULT_API_URL,
    ) -> None:
        super().__init__(
            slack_token,
            slack_channel,
            proxy=None,
            slack_retry_reason_header="X-Slack-Retry-Reason",
            slack_retry_number_header=RETRY_HEADER,
            use_threads=use_threads,
            slack_signing_secret=slack_signing_secret,
            conversation_granularity=conversation_granularity,
        )
        self.api_url = api_url
        self.recent_events = recent_ids("slack")

    def _validate_credentials(self) -> None:
        """Rasa refuses to start without a signing secret; here the channel is off instead.

        Without ``SLACK_TOKEN`` and ``SLACK_SIGNING_SECRET`` the server still starts
        (the other channels work) and the webhook answers 503 (see ``configured``).
        """

    @property
    def configured(self) -> bool:
        return bool(self.slack_token and self.slack_signing_secret)

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> SlackReplies:
        return SlackReplies(self.slack_token, channel or self.slack_channel, thread_id, self.api_url)

    def _answer_later(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: Text,
        sender_id: Text,
        metadata: Dict[Text, Any],
    ) -> None:
        """Slack wants its answer within 3 s: acknowledge now, reply in the background."""
        thread_id = metadata.get("thread_id") if self.use_threads else None
        message = UserMessage(
            text,
            self.get_output_channel(metadata.get("out_channel"), thread_id),
            sender_id,
            input_channel=self.name(),
            metadata=metadata,
        )
        task = asyncio.create_task(self._handle(on_new_message, message))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    @staticmethod
    async def _handle(on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage) -> None:
        try:
            await on_new_message(message)
        except Exception:
            logger.exception("Slack: could not handle a message.")

    def _event_message(self, body: Dict[Text, Any], request: Request) -> Optional[Dict[Text, Any]]:
        """A user's message from an Events API body, or None to ignore it."""
        if not self._is_user_message(body) or body["event"].get("subtype"):
            return None
        metadata = self.get_metadata(request)
        if not self._is_supported_channel(body, metadata):
            return None
        event = body["event"]
        sender = self._get_conversation_id(event.get("user"), metadata.get("out_channel"), metadata.get("thread_id"))
        if not sender:
            return None
        sender = NAMESPACE + sender
        return {
            "text": self._sanitize_user_message(event["text"], metadata.get("users")),
            "sender": sender,
            "metadata": metadata,
        }

    def _button_message(self, request: Request) -> Optional[Dict[Text, Any]]:
        """The value of a pressed button from an interactivity body, or None."""
        payload = json.loads(request.form["payload"][0])
        if not isinstance(payload, dict) or not self._is_interactive_message(payload):
            return None
        text = self._get_interactive_response(payload["actions"][0])
        user = (payload.get("user") or {}).get("id")
        if text is None or not user:
            return None
        metadata = self.get_metadata(request)
        sender = NAMESPACE + str(
            self._get_conversation_id(user, metadata.get("out_channel"), metadata.get("thread_id"))
        )
        return {"text": text, "sender": sender, "metadata": metadata, "id": payload.get("trigger_id")}

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)
        delivery.register(self)  # check-ins reach the runner through this connector

        @slack_webhook.listener("after_server_start")
        async def announce(app: Any, loop: Any) -> None:
            if not self.configured:
                logger.info("Slack channel off (SLACK_TOKEN and SLACK_SIGNING_SECRET not set).")

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured else "not configured"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.configured:
                return response.text(
                    "Slack is not configured on this server (SLACK_TOKEN, SLACK_SIGNING_SECRET).",
                    status=HTTPStatus.SERVICE_UNAVAILABLE,
                )
            if not self.is_request_from_slack_authentic(request):
                return response.text("Missing or invalid X-Slack-Signature.", status=HTTPStatus.UNAUTHORIZED)
            content_type = (request.headers.get("content-type") or "").split(";")[0].strip()
            try:
                if content_type == "application/json":
                    body = request.json
                    if not isinstance(body, dict):
                        raise ValueError("not a JSON object")
                    if body.get("type") == "url_verification":
                        return response.json({"challenge": body.get("challenge")})
                    message = self._event_message(body, request)
                    if message:
                        message["id"] = body.get("event_id")
                elif content_type == "application/x-www-form-urlencoded":
                    message = self._button_message(request)
                else:
                    raise ValueError(f"unexpected content type {content_type!r}")
            except Exception as error:
                return response.text(
                    f"Not a Slack event or interaction ({type(error).__name__}).", status=HTTPStatus.BAD_REQUEST
                )
            if message is None:
                return response.text("ignored")
            retried = request.headers.get(RETRY_HEADER) is not None
            if message.get("id") and self.recent_events.seen(message["id"]) or retried and not message.get("id"):
                logger.info("Slack: dropped a redelivered event (retry %s).", request.headers.get(RETRY_HEADER))
                return response.text("already handled", headers={"X-Slack-No-Retry": "1"})
            self._answer_later(on_new_message, message["text"], message["sender"], message["metadata"])
            return response.text("")

        return slack_webhook
