"""Ratios ours / default for every figure, the targets, the table, JSON and chart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from benchmarks.stats import rounded

Row = Tuple[str, Optional[float], Optional[float], Optional[float]]
TARGET_P95_MS = 100
TARGET_THROUGHPUT_RATIO = 1.5
TARGET_GROWTH = 1.5
TARGET_TRAIN_S = 180
TARGET_RASA_RSS_MB = 1024


def figures(bot: Dict[str, Any]) -> List[Tuple[str, Optional[float]]]:
    """Every figure of one bot as (name, value), in table order."""
    rows: List[Tuple[str, Optional[float]]] = []
    for level in bot["levels"]:
        c = level["concurrency"]
        rows += [
            (f"c={c:<2} messages/s", level["messages_per_second"]),
            (f"c={c:<2} p50 ms", level["p50_ms"]),
            (f"c={c:<2} p95 ms", level["p95_ms"]),
            (f"c={c:<2} p99 ms", level["p99_ms"]),
        ]
    rows += [(f"peak RSS {name} MB", value) for name, value in sorted(bot["peak_rss_mb"].items())]
    start = bot["startup"]
    rows += [
        ("start to first answer s", start["start_to_first_answer_s"]),
        ("first answer latency ms", start["first_answer_latency_ms"]),
        ("cold rasa train s", bot["train_seconds"]),
    ]
    long = bot["long"]
    rows += [(f"long conv turn {turn} ms", value) for turn, value in long["latency_at_turn_ms"].items()]
    rows += [
        (f"turn {long['turns']} / turn 1", long["last_over_first"]),
        ("store events/conversation", bot["store"]["events_per_conversation"]),
        ("store data bytes/conversation", bot["store"]["data_bytes_per_conversation"]),
        ("store file bytes/conversation", bot["store"]["file_bytes_per_conversation"]),
        (f"long conv ({long['turns']} turns) events", long["store"]["events_per_conversation"]),
        (f"long conv ({long['turns']} turns) data bytes", long["store"]["data_bytes_per_conversation"]),
    ]
    return rows


def compare(ours: Dict[str, Any], default: Optional[Dict[str, Any]]) -> List[Row]:
    """(figure, ours, default, ours / default) for every figure."""
    theirs = dict(figures(default)) if default else {}
    rows: List[Row] = []
    for name, value in figures(ours):
        other = theirs.get(name)
        ratio = value / other if value is not None and other else None
        rows.append((name, value, other, ratio))
    return rows


def _level(bot: Dict[str, Any], concurrency: int) -> Optional[Dict[str, Any]]:
    return next((lv for lv in bot["levels"] if lv["concurrency"] == concurrency), None)


def targets(ours: Dict[str, Any], default: Optional[Dict[str, Any]]) -> Dict[str, Dict[str, Any]]:
    """The issue's targets: figure, limit, met (None when not measured in this run)."""
    ten = _level(ours, 10)
    best = max(lv["messages_per_second"] for lv in ours["levels"])
    best_default = max(lv["messages_per_second"] for lv in default["levels"]) if default else None
    ratio = best / best_default if best_default else None
    growth = ours["long"]["latency_at_turn_ms"].get("200", None)
    growth = growth / ours["long"]["latency_at_turn_ms"]["1"] if growth else None
    rss = ours["peak_rss_mb"].get("rasa")
    train = ours["train_seconds"]

    def check(value: Optional[float], limit: float, at_least: bool = False) -> Dict[str, Any]:
        met = None if value is None else (value >= limit if at_least else value <= limit)
        return {"value": value, "limit": limit, "met": met}

    return {
        "p95 ms at 10 concurrent <= 100": check(ten["p95_ms"] if ten else None, TARGET_P95_MS),
        "peak throughput / default's >= 1.5": check(ratio, TARGET_THROUGHPUT_RATIO, at_least=True),
        "turn 200 / turn 1 <= 1.5": check(growth, TARGET_GROWTH),
        "cold training s < 180": check(train, TARGET_TRAIN_S),
        "Rasa server peak RSS MB < 1024": check(rss, TARGET_RASA_RSS_MB),
    }


def _cell(value: Optional[float], digits: int = 1) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}" if abs(value) < 10_000 else f"{value:,.0f}"


def table(rows: List[Row], goals: Dict[str, Dict[str, Any]]) -> str:
    """The printed table: figures with ratios, then the targets."""
    lines = [f"{'figure':<34}{'ours':>12}{'default':>12}{'ours/default':>14}", "-" * 72]
    lines += [f"{name:<34}{_cell(a):>12}{_cell(b):>12}{_cell(r, 2):>14}" for name, a, b, r in rows]
    lines += ["", f"{'target':<40}{'value':>12}  met", "-" * 58]
    for name, goal in goals.items():
        met = {True: "yes", False: "NO", None: "not measured"}[goal["met"]]
        lines.append(f"{name:<40}{_cell(goal['value'], 2):>12}  {met}")
    return "\n".join(lines)


def write_json(path: Path, run: Dict[str, Any], rows: List[Row], goals: Dict[str, Any]) -> None:
    document = {
        **run,
        "comparison": [{"figure": n.strip(), "ours": a, "default": b, "ratio": r} for n, a, b, r in rows],
        "targets": goals,
    }
    path.write_text(json.dumps(rounded(document, 3), indent=2) + "\n")


def chart(path: Path, bots: Dict[str, Dict[str, Any]]) -> None:
    """Latency (p50, p95) and throughput against concurrency, one line per bot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (latency, throughput) = plt.subplots(1, 2, figsize=(11, 4.2))
    for (name, bot), colour in zip(bots.items(), ("tab:blue", "tab:orange")):
        levels = bot["levels"]
        xs = [lv["concurrency"] for lv in levels]
        latency.plot(xs, [lv["p50_ms"] for lv in levels], "o-", color=colour, label=f"{name} p50")
        latency.plot(xs, [lv["p95_ms"] for lv in levels], "s--", color=colour, label=f"{name} p95")
        throughput.plot(xs, [lv["messages_per_second"] for lv in levels], "o-", color=colour, label=name)
    latency.axhline(TARGET_P95_MS, color="grey", linewidth=0.8, linestyle=":", label="p95 target")
    latency.set(
        xscale="log",
        yscale="log",
        xlabel="concurrent conversations",
        ylabel="ms per message",
        title="Latency per message",
    )
    throughput.set(
        xscale="log",
        xlabel="concurrent conversations",
        ylabel="messages per second",
        title="Throughput",
        ylim=(0, None),
    )
    for axes in (latency, throughput):
        axes.set_xticks(xs, [str(x) for x in xs])
        axes.grid(alpha=0.3)
        axes.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
