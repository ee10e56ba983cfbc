"""The load generator: full assessment conversations at a given concurrency.

``concurrency`` virtual runners each take the next scripted conversation
(tests/conversations/scripted.yml, in turn), send its user turns one after the
other over the REST channel, each as soon as the previous answer arrived (no
think time), then start the next conversation with a new sender id, until
``conversations`` conversations are done. Every message's latency is kept.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, List, Tuple

import aiohttp
import yaml

from harness.servers import PROJECT_ROOT

SCRIPTED = PROJECT_ROOT / "tests" / "conversations" / "scripted.yml"
TIMEOUT_SECONDS = 120


def scripted_conversations(path: Path = SCRIPTED) -> List[List[str]]:
    """The user turns of each scripted conversation."""
    return [item["turns"] for item in yaml.safe_load(path.read_text())["conversations"]]


@dataclass
class LevelResult:
    """One concurrency level: what was sent, how long each message took."""

    concurrency: int
    conversations: int
    seconds: float = 0.0
    latencies_ms: List[float] = field(default_factory=list)
    errors: int = 0
    empty_answers: int = 0

    @property
    def messages(self) -> int:
        return len(self.latencies_ms)


async def send(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> Tuple[float, int, int]:
    """POST one message; (latency in ms, number of answers, HTTP status or 0 on failure)."""
    started = time.perf_counter()
    try:
        async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}) as reply:
            status = reply.status
            answers = await reply.json(content_type=None) if status == 200 else []
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        status, answers = 0, []
    return (time.perf_counter() - started) * 1000, len(answers or []), status


async def _runner(
    session: aiohttp.ClientSession, url: str, work: Iterator[List[str]], prefix: str, result: LevelResult
) -> None:
    for turns in work:
        sender = f"{prefix}-{uuid.uuid4().hex[:10]}"
        for text in turns:
            latency, answers, status = await send(session, url, sender, text)
            result.latencies_ms.append(latency)
            result.errors += status != 200
            result.empty_answers += status == 200 and answers == 0


async def run_level_async(
    url: str, scripts: List[List[str]], concurrency: int, conversations: int, prefix: str = "load"
) -> LevelResult:
    result = LevelResult(concurrency, conversations)
    # One shared iterator: each runner takes the next conversation (asyncio: no race).
    work = itertools.islice(itertools.cycle(scripts), conversations)
    connector = aiohttp.TCPConnector(limit=concurrency + 4)
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.perf_counter()
        await asyncio.gather(*(_runner(session, url, work, prefix, result) for _ in range(concurrency)))
        result.seconds = time.perf_counter() - started
    return result


def run_level(
    url: str, scripts: List[List[str]], concurrency: int, conversations: int, prefix: str = "load"
) -> LevelResult:
    """Run ``conversations`` conversations, ``concurrency`` at a time."""
    return asyncio.run(run_level_async(url, scripts, concurrency, conversations, prefix))


def first_answer(url: str, text: str, sender: str = "first-answer") -> Tuple[float, int, int]:
    """Send one message (the first the server sees); its latency, answers, status."""

    async def once() -> Tuple[float, int, int]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=300)) as session:
            return await send(session, url, sender, text)

    return asyncio.run(once())
