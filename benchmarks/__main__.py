"""Speed and cost benchmark: ours against Rasa's default config (issue #4).

    python -m benchmarks            # full run: both bots, 1/5/10/20/50 concurrent, 200-turn conversation
    python -m benchmarks --smoke    # CI: our bot only, 1 and 5 concurrent, 20-turn conversation

Run it through ``bash scripts/benchmark`` (sets up the environment and the
models). Writes ``results/benchmark/<name>.json`` and ``<name>.png`` and
prints the table of figures, ours / default ratios and targets.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

from benchmarks.report import chart, compare, table, targets, write_json
from benchmarks.runner import Plan, measure_bot
from harness.servers import PROJECT_ROOT

MODELS = PROJECT_ROOT / "models"
RESULTS = PROJECT_ROOT / "results" / "benchmark"


def parse(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="short CI run: our bot only, small load")
    parser.add_argument("--concurrency", type=int, nargs="+", help="concurrency levels (default 1 5 10 20 50)")
    parser.add_argument("--long-turns", type=int, help="turns of the long conversation (default 200)")
    parser.add_argument("--long-repeats", type=int, help="long conversations held (default 3)")
    parser.add_argument("--min-conversations", type=int, help="conversations per level, at least (default 20)")
    parser.add_argument("--skip-baseline", action="store_true", help="measure our bot only")
    parser.add_argument("--model", type=Path, default=MODELS / "current.tar.gz")
    parser.add_argument("--baseline-model", type=Path, default=MODELS / "baseline.tar.gz")
    parser.add_argument("--name", help="output file name (default: benchmark, or smoke with --smoke)")
    return parser.parse_args(argv)


def plan_for(args: argparse.Namespace) -> Plan:
    plan = (
        Plan(
            [1, 5],
            min_conversations=5,
            conversations_per_runner=2,
            warmup_conversations=1,
            long_turns=20,
            long_repeats=1,
        )
        if args.smoke
        else Plan([1, 5, 10, 20, 50])
    )
    plan.concurrency = args.concurrency or plan.concurrency
    plan.long_turns = args.long_turns or plan.long_turns
    plan.long_repeats = args.long_repeats or plan.long_repeats
    plan.min_conversations = args.min_conversations or plan.min_conversations
    return plan


def other_jobs() -> List[str]:
    """Other Rasa jobs running on the machine (the figures are noisier then)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        text = " ".join(w for w in words if w)
        if ("rasa train" in text or "rasa test" in text or "rasa run" in text) and cmdline.parent.name != str(
            os.getpid()
        ):
            found.append(text[:160])
    return found


def main(argv: Optional[List[str]] = None) -> int:
    args = parse(argv)
    plan = plan_for(args)
    name = args.name or ("smoke" if args.smoke else "benchmark")
    RESULTS.mkdir(parents=True, exist_ok=True)
    workdir = RESULTS / f"{name}-servers"
    shutil.rmtree(workdir, ignore_errors=True)
    run: Dict[str, Any] = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "smoke": args.smoke,
        "plan": plan.__dict__,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "other_rasa_jobs_at_start": other_jobs(),
    }
    bots = {"ours": measure_bot("ours", args.model, plan, workdir / "ours")}
    if not (args.smoke or args.skip_baseline):
        bots["default"] = measure_bot("default", args.baseline_model, plan, workdir / "default", patched=False)
    run["other_rasa_jobs_at_end"] = other_jobs()
    run["bots"] = bots
    rows = compare(bots["ours"], bots.get("default"))
    goals = targets(bots["ours"], bots.get("default"))
    write_json(RESULTS / f"{name}.json", run, rows, goals)
    chart(RESULTS / f"{name}.png", bots)
    print()
    print(table(rows, goals))
    print(
        f"\nOther Rasa jobs at start: {len(run['other_rasa_jobs_at_start'])}, at end: "
        f"{len(run['other_rasa_jobs_at_end'])}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    print(f"Wrote {RESULTS / (name + '.json')} and {RESULTS / (name + '.png')}")
    errors = sum(lv["errors"] for bot in bots.values() for lv in bot["levels"])
    if errors:
        print(f"{errors} messages failed", file=sys.stderr)
    return 1 if errors or not bots["ours"]["startup"]["first_answer_ok"] else 0


if __name__ == "__main__":
    sys.exit(main())
