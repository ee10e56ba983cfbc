"""Every measurement for one bot, in one start of its servers.

Start both servers, send the first message (time from start to the first
answer), warm up, run each concurrency level, read the tracker-store size, hold
the long conversation(s), stop; the servers' peak RSS is sampled throughout.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional

from benchmarks.load import first_answer, run_level, scripted_conversations
from benchmarks.long_conversation import run_long
from benchmarks.memory import PeakRss
from benchmarks.servers import BenchServers
from benchmarks.stats import MB, level_figures, long_figures
from benchmarks.store import conversation_sizes, file_bytes

FIRST_MESSAGE = "my ankle hurts after running"
CHANNELS_OFF = {name: "" for name in ("TELEGRAM_TOKEN", "SLACK_TOKEN", "SLACK_SIGNING_SECRET")}


@dataclass
class Plan:
    """How much load: levels, conversations per level, the long conversation."""

    concurrency: List[int]
    min_conversations: int = 20
    conversations_per_runner: int = 3
    warmup_conversations: int = 3
    long_turns: int = 200
    long_repeats: int = 3

    def conversations(self, concurrency: int) -> int:
        return max(self.min_conversations, self.conversations_per_runner * concurrency)


def train_seconds(model: Path) -> Optional[float]:
    """The cold training time recorded by scripts/common.sh next to the model."""
    path = model.with_name(model.name.replace(".tar.gz", ".train_seconds"))
    return float(path.read_text().strip()) if path.exists() else None


def log(text: str) -> None:
    print(f"  {time.strftime('%H:%M:%S')} {text}", flush=True)


def measure_bot(name: str, model: Path, plan: Plan, workdir: Path, patched: bool = True) -> Dict[str, Any]:
    """Run the plan against ``model``; the raw figures of this bot. ``patched=False`` runs Rasa
    without this project's patches (``RASA_PATCHES=off``), as the baseline bot is plain Rasa."""
    workdir.mkdir(parents=True, exist_ok=True)
    servers = BenchServers(workdir, model=model, env={**CHANNELS_OFF, "RASA_PATCHES": "on" if patched else "off"})
    memory = PeakRss(servers.pids)
    memory.start()
    scripts = scripted_conversations()
    result: Dict[str, Any] = {
        "bot": name,
        "model": str(model),
        "train_seconds": train_seconds(model),
        "rasa_patches": patched,
        "load_average_before": os.getloadavg(),
    }
    try:
        log(f"{name}: starting the servers")
        servers.start_both()
        latency, answers, status = first_answer(servers.url, FIRST_MESSAGE)
        result["startup"] = {
            "actions_ready_s": servers.ready_seconds["actions"],
            "rasa_ready_s": servers.ready_seconds["rasa"],
            "first_answer_latency_ms": latency,
            "start_to_first_answer_s": time.monotonic() - servers.started_at,
            "first_answer_ok": status == 200 and answers > 0,
        }
        memory.sample()
        result["rss_after_start_mb"] = {k: v / MB for k, v in memory.last.items()}
        run_level(servers.url, scripts, 1, plan.warmup_conversations, prefix="warmup")
        result["levels"] = []
        for concurrency in plan.concurrency:
            level = level_figures(
                run_level(
                    servers.url, scripts, concurrency, plan.conversations(concurrency), prefix=f"load-c{concurrency}"
                )
            )
            log(
                f"{name}: {concurrency:>2} concurrent: {level['messages_per_second']} msg/s, "
                f"p95 {level['p95_ms']:.0f} ms, errors {level['errors']}"
            )
            result["levels"].append(level)
        senders = sum(plan.conversations(c) for c in plan.concurrency) + plan.warmup_conversations + 1
        result["store"] = {
            **conversation_sizes(servers.db, "load"),
            "file_bytes_per_conversation": file_bytes(servers.db) / senders,
        }
        log(f"{name}: long conversation of {plan.long_turns} turns x {plan.long_repeats}")
        long = run_long(servers.url, plan.long_turns, plan.long_repeats)
        result["long"] = {
            **long_figures(long),
            "latencies_ms": long["latencies_ms"],
            "store": conversation_sizes(servers.db, "long"),
        }
    finally:
        servers.stop_all()
        memory.stop()
    result["peak_rss_mb"] = {k: v / MB for k, v in memory.peak.items()}
    result["load_average_after"] = os.getloadavg()
    return result
