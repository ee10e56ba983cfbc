"""The action server stays light: the actions read the vocabulary and word lists, never spaCy or
TensorFlow (the benchmark's action-server memory went from 136 MB to 475 MB when one import pulled them in)."""

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_the_actions_import_neither_spacy_nor_tensorflow():
    code = (
        "import sys, actions.form_validation, actions.slot_mappings, actions.coach, actions.assessment;"
        "heavy = sorted(m for m in ('spacy', 'tensorflow', 'rasa') if m in sys.modules); print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
