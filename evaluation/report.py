"""The understanding and safety report: ours against Rasa's default pipeline.

    bash scripts/report              # everything (about 30 to 50 min on 2 cores, mostly the baseline's CV)
    bash scripts/report --skip-cv    # no cross-validation (a few minutes)

Steps: `rasa test nlu` on the held-out set for models/current.tar.gz and
models/baseline.tar.gz; 5-fold cross-validation of config.yml and
baseline/config.yml on data/nlu (Rasa's own `--cross-validation`, folds seeded
and shared, results kept while their inputs are unchanged); the scripted
conversations against the real servers with each model; the triage vignettes.
Writes results/report/report.md, report.json and the confusion matrices, and
prints the report.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from evaluation import charts, conversations, rasa_reports, report_table, seeded_rasa, triage_vignettes

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = PROJECT_ROOT / "tests" / "nlu" / "held_out.yml"
SYSTEMS: Dict[str, Dict[str, Any]] = {
    "ours": {
        "config": "config.yml",
        "model": "models/current.tar.gz",
        "extractor": "RunnerFactExtractor",
        # what the CV of our pipeline depends on besides config and data (the spaCy pipeline, the extractor)
        "inputs": ["knowledge/vocabulary.yml", "understanding/*.py"],
    },
    "baseline": {
        "config": "baseline/config.yml",
        "model": "models/baseline.tar.gz",
        "extractor": "DIETClassifier",
        "inputs": [],
    },
}


def fingerprint(paths: List[Path], extra: str = "") -> str:
    """sha256 over the files' contents (in the given order) and ``extra``."""
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cv_inputs(system: str) -> List[Path]:
    """The files a cross-validation result depends on."""
    patterns = [
        SYSTEMS[system]["config"],
        "data/nlu/*.yml",
        "uv.lock",
        "evaluation/seeded_rasa.py",
        *SYSTEMS[system]["inputs"],
    ]
    return [path for pattern in patterns for path in sorted(PROJECT_ROOT.glob(pattern))]


def rasa_test_nlu(args: List[str], out: Path, log: Path, seeded: bool = False) -> None:
    """Run `rasa test nlu ... --out out`; the output goes to ``log``; fail with its end."""
    rasa = str(Path(sys.executable).parent / "rasa")
    program = [sys.executable, "-m", "evaluation.seeded_rasa"] if seeded else [rasa]
    out.mkdir(parents=True, exist_ok=True)
    with log.open("w") as handle:
        done = subprocess.run(
            [*program, "test", "nlu", *args, "--out", str(out)],
            cwd=PROJECT_ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    if done.returncode != 0:
        raise RuntimeError(f"rasa test nlu failed ({done.returncode}), see {log}:\n{log.read_text()[-2000:]}")


def held_out(system: str, out: Path, gold: Dict[str, int]) -> Dict[str, Any]:
    folder = out / "nlu" / system / "held_out"
    rasa_test_nlu(
        ["--model", SYSTEMS[system]["model"], "--nlu", str(HELD_OUT)], folder, out / "logs" / f"held_out_{system}.log"
    )
    return rasa_reports.read_results(folder, SYSTEMS[system]["extractor"], gold)


def cross_validation(system: str, out: Path, folds: int, rerun: bool, notes: List[str]) -> Dict[str, Any]:
    """Rasa's cross-validation of one config, reused while its inputs are unchanged."""
    folder = out / "nlu" / system / "cv"
    stamp = folder / "inputs.sha256"
    key = fingerprint(cv_inputs(system), f"folds={folds} seed={seeded_rasa.SEED}")
    if rerun or not stamp.exists() or stamp.read_text().strip() != key or not (folder / "intent_report.json").exists():
        stamp.unlink(missing_ok=True)
        rasa_test_nlu(
            ["--nlu", "data/nlu", "--config", SYSTEMS[system]["config"], "--cross-validation", "--folds", str(folds)],
            folder,
            out / "logs" / f"cv_{system}.log",
            seeded=True,
        )
        stamp.write_text(key + "\n")
    else:
        when = datetime.datetime.fromtimestamp(stamp.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        notes.append(
            f"{folds}-fold CV of {system} reused from {when} (config, data/nlu and its code unchanged; "
            "--rerun-cv to redo it)"
        )
    return rasa_reports.read_results(folder, SYSTEMS[system]["extractor"])


def draw(figures: Dict[str, Any], out: Path) -> List[str]:
    """Confusion-matrix PNGs of every NLU result folder; their paths."""
    made = []
    for system, splits in figures["nlu"].items():
        for split, data in splits.items():
            folder = out / "nlu" / system / split
            if not data or not (folder / "intent_report.json").exists():
                continue
            errors_path = folder / "intent_errors.json"
            labels, matrix = rasa_reports.confusion_matrix(
                rasa_reports.read_json(folder / "intent_report.json"),
                rasa_reports.read_json(errors_path) if errors_path.exists() else [],
            )
            title = f"{report_table.SYSTEMS[system]}, {dict(report_table.split_titles(figures))[split]} intents"
            made.append(
                str(
                    charts.plot_confusion(labels, matrix, title, out / f"confusion_{split}_{system}.png").relative_to(
                        PROJECT_ROOT
                    )
                )
            )
    return made


def git_state() -> str:
    """The commit the report measured, marked when the working tree had changes."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" with uncommitted changes" if git("status", "--porcelain") else "")


def timed(name: str, seconds: Dict[str, float], step: Callable[[], Any]) -> Any:
    print(f"==> {name}", file=sys.stderr, flush=True)
    started = time.monotonic()
    try:
        return step()
    finally:
        seconds[name] = round(time.monotonic() - started, 1)


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-cv", action="store_true", help="no cross-validation (quick run)")
    parser.add_argument("--rerun-cv", action="store_true", help="cross-validate even if the inputs are unchanged")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results" / "report")
    return parser.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> Dict[str, Any]:
    args = parse_args(argv)
    out: Path = args.out.resolve()
    (out / "logs").mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    seconds: Dict[str, float] = {}
    notes: List[str] = []
    figures: Dict[str, Any] = {
        "nlu": {s: {"held_out": None, "cv": None} for s in SYSTEMS},
        "conversations": {},
        "seconds_by_step": seconds,
        "notes": notes,
    }

    figures["commit"] = git_state()
    figures["folds"] = args.folds
    gold = rasa_reports.gold_entity_support(HELD_OUT)
    for system in SYSTEMS:
        figures["nlu"][system]["held_out"] = timed(
            f"held-out NLU, {system}", seconds, partial(held_out, system, out, gold)
        )
    if args.skip_cv:
        notes.append("cross-validation skipped (--skip-cv)")
    else:
        for system in SYSTEMS:
            figures["nlu"][system]["cv"] = timed(
                f"{args.folds}-fold CV, {system}",
                seconds,
                partial(cross_validation, system, out, args.folds, args.rerun_cv, notes),
            )
    for system in SYSTEMS:

        def converse(system: str = system) -> Dict[str, Any]:
            with tempfile.TemporaryDirectory(prefix=f"report-{system}-") as workdir:
                results = conversations.run(PROJECT_ROOT / SYSTEMS[system]["model"], Path(workdir))
            return {"summary": conversations.summarise(results), "results": results}

        figures["conversations"][system] = timed(f"scripted conversations, {system}", seconds, converse)

    def vignettes() -> Dict[str, Any]:
        import spacy

        from understanding.spacy_model import build

        return triage_vignettes.evaluate(spacy.load(build()))

    figures["triage"] = timed("triage vignettes", seconds, vignettes)
    figures["anchors"] = triage_vignettes.ANCHORS
    figures["pictures"] = draw(figures, out)
    figures["generated"] = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    figures["seconds"] = round(time.monotonic() - started, 1)
    targets = report_table.check_targets(figures)
    figures["targets"] = targets
    notes.append(
        "a scripted conversation cannot adapt: after the assistant misreads or re-asks, the next "
        "scripted answers reply to another question, so the first problem of a conversation is the one "
        "to look at (report.json holds every turn with the replies and slots)"
    )
    notes.append("time by step: " + ", ".join(f"{k} {v:.0f} s" for k, v in seconds.items()))
    notes.append("pictures: " + ", ".join(figures["pictures"]))

    text = report_table.render(figures, targets)
    (out / "report.md").write_text(text)
    (out / "report.json").write_text(json.dumps(figures, indent=2, default=str) + "\n")
    print(text)
    return figures


if __name__ == "__main__":
    main()
