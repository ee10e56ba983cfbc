"""One long conversation: how the cost of a message grows with the conversation.

Turn 1 is a follow-up question (``PROBE``); turns 2 to 7 are a full
assessment (the one of tests/e2e/test_rest_conversation.py); from turn 8 on, a
cycle of ten things a runner says after the assessment (questions, thanks,
corrections that re-run the assessment) in which the same ``PROBE`` falls on
every tenth turn. So turns 1, 10, 20, 50, 200 ... send the same message, and
their latencies compare like with like.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any, Dict, List

import aiohttp

from benchmarks.load import TIMEOUT_SECONDS, send
from harness.scripts import ASSESSMENT

PROBE = "should I ice it?"
AFTER_ASSESSMENT = [
    "what shoes should I buy?",
    "thanks",
    "actually my shoes are brand new",
    PROBE,
    "can I keep running?",
    "should I stretch before running?",
    "sorry, my shoes are worn out really",
    "how do I get back to running after this?",
    "ok thank you",
    "should I warm up?",
]
CHECKPOINTS = (1, 50, 200)


def turns(count: int) -> List[str]:
    """The first ``count`` user turns of the long conversation."""
    script = [PROBE] + ASSESSMENT
    while len(script) < count:
        script += AFTER_ASSESSMENT
    return script[:count]


def checkpoints(count: int) -> List[int]:
    """Turns reported: 1, 50, 200 when the conversation is that long, and its last turn."""
    chosen = [turn for turn in CHECKPOINTS if turn <= count]
    return chosen if count in chosen else chosen + [count]


async def _converse(url: str, count: int, sender: str) -> List[float]:
    latencies: List[float] = []
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for text in turns(count):
            latency, _, status = await send(session, url, sender, text)
            if status != 200:
                raise RuntimeError(f"turn {len(latencies) + 1} failed with HTTP status {status}")
            latencies.append(latency)
    return latencies


def run_long(url: str, count: int, repeats: int = 1) -> Dict[str, Any]:
    """``repeats`` long conversations one after the other; per-turn latencies (ms)."""
    runs: List[List[float]] = []
    senders: List[str] = []
    started = time.perf_counter()
    for _ in range(repeats):
        senders.append(f"long-{uuid.uuid4().hex[:10]}")
        runs.append(asyncio.run(_converse(url, count, senders[-1])))
    return {
        "turns": count,
        "repeats": repeats,
        "senders": senders,
        "latencies_ms": runs,
        "seconds": time.perf_counter() - started,
    }
