"""Local fakes of the Telegram Bot API and the Slack Web API.

Real HTTP servers on 127.0.0.1 that answer the calls our connectors make the
way the platforms do, and record every request so a test can check what
would have reached the runner's phone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import parse_qs, urlencode


@dataclass
class Call:
    """One request a connector made to the platform."""

    method: str  # e.g. "sendMessage", "chat.postMessage"
    params: Dict[str, Any]
    headers: Dict[str, str]


def _parse_body(content_type: str, raw: bytes) -> Dict[str, Any]:
    if content_type.startswith("application/json"):
        return json.loads(raw or b"{}")
    if content_type.startswith("application/x-www-form-urlencoded"):
        return {key: values[0] for key, values in parse_qs(raw.decode()).items()}
    if content_type.startswith("multipart/form-data"):
        boundary = content_type.split("boundary=")[1].encode()
        params = {}
        for part in raw.split(b"--" + boundary)[1:-1]:
            head, _, value = part.strip(b"\r\n").partition(b"\r\n\r\n")
            name = head.split(b'name="')[1].split(b'"')[0].decode()
            params[name] = value.decode()
        return params
    return {}


@dataclass
class FakePlatform:
    """A recording HTTP server; ``answer(method, params)`` builds each reply."""

    answer: Callable[[str, Dict[str, Any]], Dict[str, Any]]
    port: int = 0
    calls: List[Call] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: Optional[ThreadingHTTPServer] = None

    def start(self) -> "FakePlatform":
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                params = _parse_body(self.headers.get("Content-Type", ""), raw)
                method = self.path.rstrip("/").rsplit("/", 1)[-1]
                with platform.lock:
                    platform.calls.append(Call(method, params, dict(self.headers)))
                body = json.dumps(platform.answer(method, params)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def calls_to(self, method: str, **match: Any) -> List[Call]:
        with self.lock:
            return [
                c
                for c in self.calls
                if c.method == method and all(str(c.params.get(k)) == str(v) for k, v in match.items())
            ]

    def wait_for(self, method: str, count: int = 1, timeout: float = 20, **match: Any) -> List[Call]:
        """Wait until at least ``count`` matching calls arrived; return them."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = self.calls_to(method, **match)
            if len(found) >= count:
                return found
            time.sleep(0.1)
        raise AssertionError(
            f"{count} x {method} {match} not received; got {[(c.method, c.params) for c in self.calls]}"
        )


# --- Telegram -------------------------------------------------------------

TELEGRAM_BOT = {"id": 7000001, "is_bot": True, "first_name": "Ankle helper", "username": "ankle_helper_bot"}


def telegram_answer(method: str, params: Dict[str, Any]) -> Dict[str, Any]:
    if method == "getMe":
        return {"ok": True, "result": TELEGRAM_BOT}
    if method == "sendMessage":
        chat_id = int(params["chat_id"])
        return {
            "ok": True,
            "result": {
                "message_id": int(time.time() * 1000) % 10**9,
                "date": int(time.time()),
                "from": TELEGRAM_BOT,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "text": params.get("text", ""),
            },
        }
    return {"ok": True, "result": True}


def fake_telegram(port: int = 0) -> FakePlatform:
    return FakePlatform(telegram_answer, port=port).start()


class TelegramUpdates:
    """Builds the updates Telegram would POST to our webhook."""

    def __init__(self) -> None:
        self.next_id = 500_000

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    @staticmethod
    def _user(user_id: int) -> Dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": f"Runner{user_id}", "language_code": "en"}

    @staticmethod
    def _chat(chat_id: int, user_id: int) -> Dict[str, Any]:
        if chat_id < 0:
            return {"id": chat_id, "title": "Club runners", "type": "supergroup"}
        return {"id": chat_id, "first_name": f"Runner{user_id}", "type": "private"}

    def _message(self, chat_id: int, user_id: int, **content: Any) -> Dict[str, Any]:
        return {
            "message_id": self._id(),
            "from": self._user(user_id),
            "chat": self._chat(chat_id, user_id),
            "date": int(time.time()),
            **content,
        }

    def text(self, chat_id: int, text: str, user_id: Optional[int] = None) -> Dict[str, Any]:
        return {"update_id": self._id(), "message": self._message(chat_id, user_id or chat_id, text=text)}

    def sticker(self, chat_id: int) -> Dict[str, Any]:
        sticker = {
            "file_id": "CAACAgIAAxkBAAEB",
            "file_unique_id": "AgADAQAD",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "emoji": "🦶",
        }
        return {"update_id": self._id(), "message": self._message(chat_id, chat_id, sticker=sticker)}

    def edited(self, chat_id: int, text: str) -> Dict[str, Any]:
        message = self._message(chat_id, chat_id, text=text, edit_date=int(time.time()))
        return {"update_id": self._id(), "edited_message": message}

    def button(self, chat_id: int, data: str, user_id: Optional[int] = None) -> Dict[str, Any]:
        user_id = user_id or chat_id
        bot_message = {
            "message_id": self._id(),
            "from": TELEGRAM_BOT,
            "chat": self._chat(chat_id, user_id),
            "date": int(time.time()),
            "text": "(question)",
        }
        return {
            "update_id": self._id(),
            "callback_query": {
                "id": str(self._id()),
                "from": self._user(user_id),
                "message": bot_message,
                "chat_instance": "-123456789",
                "data": data,
            },
        }


# --- Slack ----------------------------------------------------------------


def slack_answer(method: str, params: Dict[str, Any]) -> Dict[str, Any]:
    if method == "chat.postMessage":
        return {
            "ok": True,
            "channel": params.get("channel"),
            "ts": f"{time.time():.6f}",
            "message": {"text": params.get("text", ""), "type": "message"},
        }
    if method == "auth.test":
        return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1"}
    return {"ok": True}


def fake_slack(port: int = 0) -> FakePlatform:
    return FakePlatform(slack_answer, port=port).start()


def slack_signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return f"v0={digest}"


class SlackEvents:
    """Builds the signed requests Slack would POST to our webhook."""

    def __init__(self, signing_secret: str) -> None:
        self.secret = signing_secret

    def signed(self, body: bytes, content_type: str, secret: Optional[str] = None) -> Dict[str, Any]:
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": slack_signature(secret or self.secret, timestamp, body),
        }
        return {"data": body, "headers": headers}

    def message(
        self, user: str, channel: str, text: str, channel_type: str = "im", event_id: Optional[str] = None
    ) -> Dict[str, Any]:
        ts = f"{time.time():.6f}"
        event_type = "message" if channel_type == "im" else "app_mention"
        body = {
            "token": "unused",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:12].upper()}",
            "event_time": int(time.time()),
            "authorizations": [{"user_id": "UBOT", "is_bot": True}],
            "event": {
                "type": event_type,
                "user": user,
                "text": text,
                "ts": ts,
                "channel": channel,
                "channel_type": channel_type,
                "event_ts": ts,
            },
        }
        return body

    def button(self, user: str, channel: str, value: str) -> bytes:
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": user},
            "api_app_id": "A1",
            "trigger_id": f"trigger-{uuid.uuid4().hex}",
            "channel": {"id": channel, "name": "x"},
            "container": {"type": "message", "message_ts": "1.0", "channel_id": channel},
            "message": {"type": "message", "ts": "1.0", "text": "(question)"},
            "actions": [
                {
                    "type": "button",
                    "action_id": "a",
                    "block_id": "b",
                    "value": value,
                    "text": {"type": "plain_text", "text": value},
                    "action_ts": f"{time.time()}",
                }
            ],
        }
        return urlencode({"payload": json.dumps(payload)}).encode()
