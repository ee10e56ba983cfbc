"""Read the files `rasa test nlu` writes (held-out or cross-validation).

    intent_report.json        sklearn classification report of the intents
    intent_errors.json        every wrongly classified example
    <Extractor>_report.json   entity report of one extractor (RunnerFactExtractor
                              for our pipeline, DIETClassifier for Rasa's default)

Headline figures as in evaluation/nlu_scores.py: intent accuracy and macro-F1,
entity micro-F1 of the extractor, per-entity precision / recall / F1.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from evaluation.nlu_scores import SUMMARY_KEYS

NOT_ENTITY_REPORTS = {"intent_report.json", "response_selection_report.json"}


def read_json(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def labels_of(report: Dict[str, Any]) -> List[str]:
    """The class names of a classification report (no averages, no `no_entity`)."""
    return sorted(k for k, v in report.items() if k not in SUMMARY_KEYS and k != "no_entity" and isinstance(v, dict))


def intent_figures(report: Dict[str, Any]) -> Dict[str, float]:
    """Accuracy, macro-F1 and weighted-F1 of an intent report, with the number of examples."""
    return {
        "accuracy": float(report["accuracy"]),
        "macro_f1": float(report["macro avg"]["f1-score"]),
        "weighted_f1": float(report["weighted avg"]["f1-score"]),
        "examples": int(report["macro avg"]["support"]),
    }


def lowest_intents(report: Dict[str, Any], count: int = 3) -> List[Tuple[str, float]]:
    """The intents with the lowest F1, worst first."""
    scored = sorted((report[name]["f1-score"], name) for name in labels_of(report))
    return [(name, float(f1)) for f1, name in scored[:count]]


def confused_pairs(errors: List[Dict[str, Any]], top: int = 5) -> List[Dict[str, Any]]:
    """The intent pairs most often mistaken for each other, in either direction.

    ``errors`` is Rasa's intent_errors.json: one item per wrong prediction with
    ``intent`` (gold) and ``intent_prediction.name``. Returns dicts with the
    pair (sorted names), the total count and the count of each direction.
    """
    directed: Counter = Counter()
    for error in errors:
        predicted = (error.get("intent_prediction") or {}).get("name")
        if predicted and predicted != error.get("intent"):
            directed[(error["intent"], predicted)] += 1
    pairs: Counter = Counter()
    for (gold, predicted), n in directed.items():
        pairs[tuple(sorted((gold, predicted)))] += n
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:top]
    return [
        {
            "pair": list(pair),
            "count": n,
            "directions": {f"{a}->{b}": directed[(a, b)] for a, b in (pair, pair[::-1]) if directed[(a, b)]},
        }
        for pair, n in ranked
    ]


def confusion_matrix(report: Dict[str, Any], errors: List[Dict[str, Any]]) -> Tuple[List[str], List[List[int]]]:
    """Rebuild the intent confusion matrix (rows gold, columns predicted).

    The diagonal is recall x support of each intent, the rest the errors file;
    each row sums to the intent's support.
    """
    labels = set(labels_of(report))
    labels |= {name for e in errors if (name := (e.get("intent_prediction") or {}).get("name"))}
    ordered = sorted(labels)
    index = {name: i for i, name in enumerate(ordered)}
    matrix = [[0] * len(ordered) for _ in ordered]
    for name in labels_of(report):
        matrix[index[name]][index[name]] = round(report[name]["recall"] * report[name]["support"])
    for error in errors:
        predicted = (error.get("intent_prediction") or {}).get("name")
        if predicted and error.get("intent") in index:
            matrix[index[error["intent"]]][index[predicted]] += 1
    return ordered, matrix


def entity_reports(results: Path) -> Dict[str, Path]:
    """Entity report files of a result folder by extractor name."""
    return {
        path.name[: -len("_report.json")]: path
        for path in sorted(results.glob("*_report.json"))
        if path.name not in NOT_ENTITY_REPORTS
    }


def entity_figures(report: Dict[str, Any]) -> Dict[str, Any]:
    """Per-entity precision / recall / F1 / support and the micro and macro averages."""
    per_entity = {
        name: {
            "precision": float(report[name]["precision"]),
            "recall": float(report[name]["recall"]),
            "f1": float(report[name]["f1-score"]),
            "support": int(report[name]["support"]),
        }
        for name in labels_of(report)
    }
    micro = report.get("micro avg") or {}
    return {
        "per_entity": per_entity,
        "precision": float(micro.get("precision", 0.0)),
        "recall": float(micro.get("recall", 0.0)),
        "micro_f1": float(micro.get("f1-score", 0.0)),
        "macro_f1": float((report.get("macro avg") or {}).get("f1-score", 0.0)),
    }


def no_entities_extracted(gold_support: Dict[str, int]) -> Dict[str, Any]:
    """The entity figures of a pipeline that extracted nothing: recall 0, F1 0."""
    return {
        "per_entity": {
            name: {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": n} for name, n in sorted(gold_support.items())
        },
        "precision": 0.0,
        "recall": 0.0,
        "micro_f1": 0.0,
        "macro_f1": 0.0,
        "note": "no entity report: the pipeline extracted no entities",
    }


def read_results(results: Path, extractor: str, gold_support: Optional[Dict[str, int]] = None) -> Dict[str, Any]:
    """Everything the report needs from one `rasa test nlu` output folder.

    ``extractor`` names the entity extractor whose report counts (our pipeline's
    entities come from RunnerFactExtractor alone). ``gold_support`` (entity ->
    gold count) lets a missing entity report count as "nothing extracted";
    without it, entities are None (nothing to score, as in cross-validation on
    data without entity annotations).
    """
    intents = read_json(results / "intent_report.json")
    errors_path = results / "intent_errors.json"
    errors = read_json(errors_path) if errors_path.exists() else []
    figures: Dict[str, Any] = {
        "intents": intent_figures(intents),
        "lowest_intents": lowest_intents(intents),
        "confused_pairs": confused_pairs(errors),
        "entity_extractor": extractor,
        "entities": None,
    }
    reports = entity_reports(results)
    if extractor in reports:
        figures["entities"] = entity_figures(read_json(reports[extractor]))
    elif gold_support:
        figures["entities"] = no_entities_extracted(gold_support)
    return figures


def gold_entity_support(nlu_file: Path) -> Dict[str, int]:
    """Entity name -> number of annotated entities in a Rasa NLU YAML file."""
    from rasa.shared.nlu.training_data.loading import load_data

    counts: Counter = Counter()
    for example in load_data(str(nlu_file)).nlu_examples:
        for entity in example.get("entities") or []:
            counts[entity["entity"]] += 1
    return dict(counts)
