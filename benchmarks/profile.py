"""Where a message's time goes in the Rasa server: cProfile over a long conversation.

    python -m benchmarks.profile                 # 200-turn conversation, our model
    python -m benchmarks.profile --turns 50 --top 30

Starts the action server and a Rasa server running under ``cProfile`` (same
model, endpoints and SQLite tracker store as the benchmark), holds one long
conversation (``benchmarks.long_conversation``), stops Rasa with SIGINT so the
profile is written, and prints the functions with the most time, inclusive
and exclusive. The profile file stays under ``results/benchmark/`` for
``snakeviz`` or ``pstats``. Profiling slows Rasa down; read the shares, not
the absolute times.
"""

from __future__ import annotations

import argparse
import io
import pstats
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from benchmarks.long_conversation import checkpoints, run_long
from benchmarks.servers import BenchServers
from harness.servers import PROJECT_ROOT, VENV_BIN

RESULTS = PROJECT_ROOT / "results" / "benchmark"


@dataclass
class ProfiledServers(BenchServers):
    """The benchmark's servers, with the Rasa server under cProfile."""

    profile_path: Path = RESULTS / "rasa.prof"

    def rasa_program(self) -> List[str]:
        return [str(VENV_BIN / "python"), "-m", "cProfile", "-o", str(self.profile_path), "-m", "rasa"]

    def stop_rasa_and_write_profile(self) -> None:
        process = self.processes.pop("rasa")
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired as error:
            process.kill()
            raise RuntimeError("Rasa did not stop within 60 s after SIGINT; no profile written") from error


def summary(path: Path, top: int) -> str:
    """The ``top`` functions by inclusive and by exclusive time."""
    out = io.StringIO()
    stats = pstats.Stats(str(path), stream=out)
    stats.strip_dirs()
    for order in ("cumulative", "tottime"):
        print(f"--- by {order} time ---", file=out)
        stats.sort_stats(order).print_stats(top)
    return out.getvalue()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200, help="turns of the long conversation (default 200)")
    parser.add_argument("--top", type=int, default=25, help="functions to print per ordering (default 25)")
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "current.tar.gz")
    args = parser.parse_args(argv)

    workdir = RESULTS / "profile-servers"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    servers = ProfiledServers(workdir, model=args.model)
    servers.start_both()
    try:
        run = run_long(servers.url, args.turns)
        servers.stop_rasa_and_write_profile()
    finally:
        servers.stop_all()
    latencies = run["latencies_ms"][0]
    marks = ", ".join(f"turn {t}: {latencies[t - 1]:.0f} ms" for t in checkpoints(args.turns))
    print(f"Under the profiler: {marks}")
    print(summary(servers.profile_path, args.top))
    print(f"Profile written to {servers.profile_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
