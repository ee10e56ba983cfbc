"""Telegram connector: Rasa's Telegram channel, made safe to run.

A fork of ``rasa.core.channels.telegram.TelegramInput`` as of Rasa 3.6.21
(pinned; compare against that file when upgrading). It stays a fork because
Rasa's class registers the webhook in ``__init__`` (the server would not start
while Telegram is unreachable) and reads every setting from credentials.yml;
its output side, ``TelegramOutput``, is reused as it is. Differences:

- Settings come from environment variables; without ``TELEGRAM_TOKEN`` the
  channel is off and its webhook answers 503, the server still starts.
- The webhook is registered after the server has started; if Telegram cannot
  be reached, a warning is logged and the other channels keep working
  (``POST /webhooks/telegram/set_webhook`` with the secret token header retries).
- ``TELEGRAM_SECRET_TOKEN``, when set, is registered with the webhook and
  every update must carry it in ``X-Telegram-Bot-Api-Secret-Token``.
- Conversations live in the ``telegram:`` namespace; in a group each member
  has their own conversation (``telegram:<chat>:<user>``).
- Edited messages, stickers, photos and the like get a polite notice, button
  presses are acknowledged, redelivered updates are answered once.
- ``TELEGRAM_API_URL`` points the connector at another Bot API server
  (the tests use a local fake).
"""

from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import Update
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import delivery
from channels.environment import setting
from channels.formatting import TELEGRAM_LIMIT, split_at_lines, to_telegram_html
from channels.notices import notice
from channels.recent import recent_ids

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
GROUP_CHATS = {"group", "supergroup"}
START_COMMAND = "/start"
MAX_TEXT_CHARS = 4096  # Telegram's own limit for a message; a longer "update" is not from Telegram's app
UPDATE_PARTS = ("message", "edited_message", "callback_query", "channel_post", "my_chat_member")


NAMESPACE = "telegram:"  # Telegram's conversations only: no other channel can write into them


def conversation_id(chat_id: int, chat_type: Optional[str], user_id: Optional[int]) -> str:
    """One conversation per private chat, and per member in a group, in Telegram's namespace."""
    if chat_type in GROUP_CHATS and user_id is not None:
        return f"{NAMESPACE}{chat_id}:{user_id}"
    return f"{NAMESPACE}{chat_id}"


def well_formed(body: Any) -> bool:
    """An update as Telegram sends it: an integer id and object-valued parts."""
    return (
        isinstance(body, dict)
        and isinstance(body.get("update_id"), int)
        and all(isinstance(body[part], dict) for part in UPDATE_PARTS if part in body)
        and all(isinstance(body[part].get("chat"), dict) for part in ("message", "edited_message") if part in body)
    )


def chat_of(recipient_id: Any) -> str:
    """The Telegram chat to send to, from a conversation id."""
    return str(recipient_id).removeprefix(NAMESPACE).split(":", 1)[0]


class TelegramReplies(TelegramOutput):
    """Sends the assistant's messages through the Bot API (``api_url``)."""

    def __init__(self, access_token: Text, api_url: Text = DEFAULT_API_URL) -> None:
        Bot.__init__(self, access_token, server=TelegramAPIServer.from_base(api_url), timeout=10)

    async def send_message(self, chat_id: Any, text: Text, *args: Any, **kwargs: Any) -> Any:
        """Every text in Telegram's HTML parse mode, within its length limit (channels/formatting.py)."""
        kwargs.setdefault("parse_mode", "HTML")
        parts = split_at_lines(text, TELEGRAM_LIMIT - 200)  # escaping makes a part longer
        for part in parts[:-1]:
            await super().send_message(chat_of(chat_id), to_telegram_html(part), parse_mode="HTML")
        return await super().send_message(chat_of(chat_id), to_telegram_html(parts[-1]), *args, **kwargs)


class TelegramConnector(InputChannel):
    """Telegram webhook at ``/webhooks/telegram/webhook``."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TelegramConnector":
        return cls(
            access_token=setting("TELEGRAM_TOKEN"),
            bot_name=setting("TELEGRAM_BOT_NAME"),
            webhook_url=setting("TELEGRAM_WEBHOOK_URL"),
            secret_token=setting("TELEGRAM_SECRET_TOKEN"),
            api_url=setting("TELEGRAM_API_URL") or DEFAULT_API_URL,
        )

    def __init__(
        self,
        access_token: Optional[Text],
        bot_name: Optional[Text] = None,
        webhook_url: Optional[Text] = None,
        secret_token: Optional[Text] = None,
        api_url: Text = DEFAULT_API_URL,
    ) -> None:
        self.access_token = access_token
        self.bot_name = bot_name
        self.webhook_url = webhook_url
        self.secret_token = secret_token
        self.api_url = api_url
        self.recent_updates = recent_ids("telegram")
        self._replies: Optional[TelegramReplies] = None

    @property
    def configured(self) -> bool:
        return bool(self.access_token)

    def get_output_channel(self) -> TelegramReplies:
        if self._replies is None:
            self._replies = TelegramReplies(self.access_token or "", self.api_url)
        return self._replies

    async def register_webhook(self) -> bool:
        """Tell Telegram where to send updates; False (and a warning) on failure."""
        if not self.webhook_url:
            logger.info("Telegram: TELEGRAM_WEBHOOK_URL not set, not registering a webhook.")
            return False
        bot = self.get_output_channel()
        payload = {"url": self.webhook_url, "allowed_updates": '["message", "edited_message", "callback_query"]'}
        if self.secret_token:
            payload["secret_token"] = self.secret_token
        try:
            await asyncio.wait_for(bot.request("setWebhook", payload), timeout=15)
            if self.bot_name:
                me = await asyncio.wait_for(bot.get_me(), timeout=15)
                if me.username != self.bot_name:
                    logger.warning(
                        "Telegram: the token belongs to @%s, not @%s (TELEGRAM_BOT_NAME).", me.username, self.bot_name
                    )
        except Exception as error:  # unreachable, refused, bad token: keep serving
            logger.warning(
                "Telegram could not be reached to register the webhook (%s: %s). The other "
                "channels keep working; retry with POST /webhooks/telegram/set_webhook (secret token header).",
                type(error).__name__,
                error,
            )
            return False
        logger.info("Telegram webhook registered.")
        return True

    def _authentic(self, request: Request) -> bool:
        return not self.secret_token or request.headers.get(SECRET_HEADER) == self.secret_token

    async def _notify(self, chat_id: Any, name: str) -> None:
        try:
            await self.get_output_channel().send_message(chat_id, notice(name))
        except Exception as error:
            logger.warning("Telegram: could not send a notice (%s).", type(error).__name__)

    async def _acknowledge_button(self, callback_query_id: str) -> None:
        try:
            await self.get_output_channel().answer_callback_query(callback_query_id)
        except Exception as error:
            logger.warning("Telegram: could not acknowledge a button press (%s).", type(error).__name__)

    async def handle_update(self, update: Update, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Turn one update into a user message, a notice, or nothing."""
        if update.callback_query is not None:
            query = update.callback_query
            await self._acknowledge_button(query.id)
            if query.message is None or not query.data:
                return
            chat, user, text = query.message.chat, query.from_user, query.data
        elif update.edited_message is not None:
            await self._notify(update.edited_message.chat.id, "edited_message")
            return
        elif update.message is not None:
            message = update.message
            if not isinstance(message.text, str) or not message.text:
                await self._notify(message.chat.id, "text_only")
                return
            if len(message.text) > MAX_TEXT_CHARS:
                await self._notify(message.chat.id, "too_long")
                return
            chat, user, text = message.chat, message.from_user, message.text
            if text.split("@", 1)[0].strip() == START_COMMAND:
                text = "/greet"
        else:
            return  # e.g. the bot was added to a group: nothing to answer
        sender = conversation_id(chat.id, chat.type, user.id if user else None)
        await on_new_message(
            UserMessage(
                text,
                self.get_output_channel(),
                sender,
                input_channel=self.name(),
                metadata={"chat_id": chat.id, "chat_type": chat.type},
            )
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        telegram_webhook = Blueprint("telegram_webhook", __name__)
        delivery.register(self)  # check-ins reach the runner through this connector

        @telegram_webhook.listener("after_server_start")
        async def register(app: Any, loop: Any) -> None:
            if self.configured:
                loop.create_task(self.register_webhook())
            else:
                logger.info("Telegram channel off (TELEGRAM_TOKEN not set).")

        @telegram_webhook.listener("before_server_stop")
        async def close(app: Any, loop: Any) -> None:
            if self._replies is not None:
                await self._replies.close()

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured else "not configured"})

        @telegram_webhook.route("/set_webhook", methods=["POST"])
        async def set_webhook(request: Request) -> HTTPResponse:
            """Register the webhook again: POST, with the secret token as the operator's proof."""
            if not self.configured:
                return response.text(
                    "Telegram is not configured (TELEGRAM_TOKEN).", status=HTTPStatus.SERVICE_UNAVAILABLE
                )
            if not self.secret_token or request.headers.get(SECRET_HEADER) != self.secret_token:
                return response.text(
                    f"Send the {SECRET_HEADER} header with TELEGRAM_SECRET_TOKEN to register the webhook.",
                    status=HTTPStatus.FORBIDDEN,
                )
            if await self.register_webhook():
                return response.text("Webhook registered.")
            return response.text("Could not register the webhook; see the server log.", status=HTTPStatus.BAD_GATEWAY)

        @telegram_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.configured:
                return response.text(
                    "Telegram is not configured on this server (TELEGRAM_TOKEN).", status=HTTPStatus.SERVICE_UNAVAILABLE
                )
            if not self._authentic(request):
                return response.text("Wrong or missing secret token.", status=HTTPStatus.FORBIDDEN)
            try:
                body = request.json
                if not well_formed(body):
                    raise ValueError("not a Telegram update")
                update = Update(**body)
            except Exception:
                return response.text("Expected a Telegram update (a JSON object).", status=HTTPStatus.BAD_REQUEST)
            if update.update_id is not None and self.recent_updates.seen(update.update_id):
                return response.text("already handled")
            try:
                await self.handle_update(update, on_new_message)
            except Exception:
                logger.exception("Telegram: could not handle update %s.", update.update_id)
            return response.text("success")

        return telegram_webhook
