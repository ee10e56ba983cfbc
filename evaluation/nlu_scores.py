"""Print the intent and entity scores of a `rasa test nlu` run.

python -m evaluation.nlu_scores results/nlu
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Dict

SUMMARY_KEYS = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def read_report(path: Path) -> Dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def print_scores(results: Path) -> Dict[str, float]:
    """Print intent accuracy / macro-F1 and per-entity P/R/F1; return the headline figures."""
    intents = read_report(results / "intent_report.json")
    figures = {"intent_accuracy": intents["accuracy"], "intent_macro_f1": intents["macro avg"]["f1-score"]}
    print(
        f"Intents: accuracy {figures['intent_accuracy']:.3f}, macro-F1 {figures['intent_macro_f1']:.3f} "
        f"({int(intents['macro avg']['support'])} examples)"
    )
    worst = sorted((v["f1-score"], k) for k, v in intents.items() if k not in SUMMARY_KEYS)[:3]
    print("  lowest F1: " + ", ".join(f"{name} {f1:.2f}" for f1, name in worst))
    for report in sorted(results.glob("*Extractor_report.json")):
        entities = read_report(report)
        extractor = report.name.replace("_report.json", "")
        print(f"Entities ({extractor}):")
        for name, scores in sorted(entities.items()):
            if name in SUMMARY_KEYS or name == "no_entity" or not isinstance(scores, dict):
                continue
            print(
                f"  {name:18s} P {scores['precision']:.2f}  R {scores['recall']:.2f}  "
                f"F1 {scores['f1-score']:.2f}  n={int(scores['support'])}"
            )
        for key in ("micro avg", "macro avg"):
            if key in entities:
                print(f"  {key:18s} F1 {entities[key]['f1-score']:.3f}")
                figures[f"entity_{key.split()[0]}_f1"] = entities[key]["f1-score"]
    return figures


if __name__ == "__main__":
    print_scores(Path(sys.argv[1] if len(sys.argv) > 1 else "results/nlu"))
