"""The running servers with Telegram and Slack on, and helpers to post to them."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

import requests

from harness.servers import Servers
from tests.e2e.fake_platforms import FakePlatform, SlackEvents, TelegramUpdates


@dataclass
class PlatformSettings:
    """The environment a deployment would set, pointed at the local fakes."""

    telegram_api: str
    slack_api: str
    telegram_token: str = "7000001:AAHfakeTokenForTests_0123456789abcdefgh"
    telegram_secret: str = "telegram-secret-for-tests"
    slack_token: str = "slack-bot-token-for-tests"
    slack_signing_secret: str = "slack-signing-secret-for-tests"

    def environment(self) -> Dict[str, str]:
        return {
            "TELEGRAM_TOKEN": self.telegram_token,
            "TELEGRAM_BOT_NAME": "ankle_helper_bot",
            "TELEGRAM_WEBHOOK_URL": "https://runners.example.org/webhooks/telegram/webhook",
            "TELEGRAM_SECRET_TOKEN": self.telegram_secret,
            "TELEGRAM_API_URL": self.telegram_api,
            "SLACK_TOKEN": self.slack_token,
            "SLACK_SIGNING_SECRET": self.slack_signing_secret,
            "SLACK_API_URL": self.slack_api,
        }

    @staticmethod
    def wait_for_log(log: Path, text: str, timeout: float = 30) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if text in log.read_text(errors="replace"):
                return
            time.sleep(0.2)
        raise AssertionError(f"{text!r} not in {log}:\n{log.read_text(errors='replace')[-2000:]}")


@dataclass
class Platforms:
    servers: Servers
    telegram: FakePlatform
    slack: FakePlatform
    settings: PlatformSettings
    updates: TelegramUpdates = field(default_factory=TelegramUpdates)

    @property
    def slack_events(self) -> SlackEvents:
        return SlackEvents(self.settings.slack_signing_secret)

    def to_telegram_webhook(self, update: Any, secret: Any = "default") -> requests.Response:
        headers = {"Content-Type": "application/json"}
        secret = self.settings.telegram_secret if secret == "default" else secret
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        data = update if isinstance(update, bytes) else json.dumps(update).encode()
        return requests.post(f"{self.servers.url}/webhooks/telegram/webhook", data=data, headers=headers, timeout=30)

    def to_slack_webhook(self, data: bytes, headers: Dict[str, str]) -> requests.Response:
        return requests.post(f"{self.servers.url}/webhooks/slack/webhook", data=data, headers=headers, timeout=30)

    def slot(self, sender: str, name: str) -> Any:
        return self.servers.tracker(sender)["slots"].get(name)

    def user_texts(self, sender: str) -> List[str]:
        return [e.get("text") for e in self.servers.tracker(sender)["events"] if e["event"] == "user"]
