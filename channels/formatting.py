"""The assistant's texts in each platform's own formatting.

The actions write plain text with Markdown bold (``**Summary**``) and "•"
bullets, which the web widget renders. Telegram gets its HTML parse mode
(``<b>``, with ``& < >`` escaped) and Slack its mrkdwn (``*bold*``, with
``& < >`` escaped); both get texts cut to the platform's length limit at a
line break, so nothing is lost or shown as raw markup.
"""

from __future__ import annotations

import html
import re
from typing import List

BOLD = re.compile(r"\*\*(.+?)\*\*")
TELEGRAM_LIMIT = 4096  # characters of a sendMessage text
SLACK_LIMIT = 3000  # characters of a section block text (chat.postMessage text is larger)


def to_telegram_html(text: str) -> str:
    """Markdown bold to Telegram HTML, everything else escaped."""
    return BOLD.sub(r"<b>\1</b>", html.escape(text, quote=False))


def to_slack_mrkdwn(text: str) -> str:
    """Markdown bold to Slack mrkdwn bold, with Slack's three control characters escaped."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return BOLD.sub(r"*\1*", escaped)


def split_at_lines(text: str, limit: int) -> List[str]:
    """Parts of at most ``limit`` characters, cut at line breaks where possible."""
    parts: List[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current or not parts:
        parts.append(current)
    return parts
