"""Percentiles and the figures of one bot, from the raw measurements."""

from __future__ import annotations

import math
import statistics
from typing import Any, Dict, List, Optional, Sequence

from benchmarks.load import LevelResult
from benchmarks.long_conversation import checkpoints

MB = 1024 * 1024


def percentile(values: Sequence[float], p: float) -> Optional[float]:
    """Nearest-rank percentile (``p`` in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def level_figures(level: LevelResult) -> Dict[str, Any]:
    """Throughput and latency percentiles of one concurrency level."""
    lat = level.latencies_ms
    return {
        "concurrency": level.concurrency,
        "conversations": level.conversations,
        "messages": level.messages,
        "seconds": round(level.seconds, 2),
        "messages_per_second": round(level.messages / level.seconds, 2) if level.seconds else None,
        "p50_ms": percentile(lat, 50),
        "p95_ms": percentile(lat, 95),
        "p99_ms": percentile(lat, 99),
        "mean_ms": statistics.fmean(lat) if lat else None,
        "max_ms": max(lat) if lat else None,
        "errors": level.errors,
        "empty_answers": level.empty_answers,
    }


def long_figures(long: Dict[str, Any]) -> Dict[str, Any]:
    """Latency at the checkpoint turns (median over the repeats) and the growth ratio."""
    runs: List[List[float]] = long["latencies_ms"]
    at = {str(turn): statistics.median(run[turn - 1] for run in runs) for turn in checkpoints(long["turns"])}
    last = str(long["turns"])
    return {
        "turns": long["turns"],
        "repeats": long["repeats"],
        "latency_at_turn_ms": at,
        "last_over_first": at[last] / at["1"] if at.get("1") else None,
        "seconds": round(long["seconds"], 2),
    }


def rounded(value: Any, digits: int = 1) -> Any:
    """Round floats (recursively) for the JSON file."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: rounded(v, digits) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v, digits) for v in value]
    return value
