"""The held-out NLU set stays independent of the training data."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


def normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def examples(path: Path):
    for item in yaml.safe_load(path.read_text()).get("nlu", []):
        for line in (item.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield item.get("intent"), ANNOTATION.sub(lambda m: m.group(1) or m.group(2), line[2:])


def test_no_held_out_example_is_in_the_training_data():
    held_out = {normalised(text) for _, text in examples(ROOT / "tests" / "nlu" / "held_out.yml")}
    training = [
        (intent, text) for path in sorted((ROOT / "data" / "nlu").glob("*.yml")) for intent, text in examples(path)
    ]
    assert len(held_out) > 300 and len(training) > 1500
    overlaps = [(intent, text) for intent, text in training if normalised(text) in held_out]
    assert not overlaps, overlaps
