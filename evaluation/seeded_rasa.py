"""Rasa's own command line, with NumPy's global random generator seeded first.

    python -m evaluation.seeded_rasa test nlu --nlu data/nlu --config config.yml --cross-validation --folds 5 --out ...

`rasa test nlu --cross-validation` splits the data with scikit-learn's
StratifiedKFold(shuffle=True) and no seed, so the folds change from run to
run. Seeding NumPy before Rasa starts makes the folds the same on every run
and for both pipelines (same data, same seed, same folds), so the two
cross-validations are compared on identical splits. Nothing else changes.
"""

from __future__ import annotations

import os
import sys

SEED = int(os.environ.get("REPORT_CV_SEED", "42"))


def main() -> None:
    import numpy

    numpy.random.seed(SEED)
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
