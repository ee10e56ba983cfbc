"""Confusion-matrix pictures for the report (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Sequence


def row_shares(matrix: Sequence[Sequence[int]]) -> List[List[float]]:
    """Each row divided by its sum (0 for an empty row): the share of each gold intent."""
    return [[cell / sum(row) if sum(row) else 0.0 for cell in row] for row in matrix]


def plot_confusion(labels: List[str], matrix: List[List[int]], title: str, path: Path) -> Path:
    """Draw a row-normalised confusion matrix with the counts off the diagonal written in."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shares = row_shares(matrix)
    size = max(6.0, 0.32 * len(labels) + 3)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    image = ax.imshow(shares, cmap="Blues", vmin=0.0, vmax=1.0)
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_xlabel("predicted intent")
    ax.set_ylabel("true intent")
    ax.set_title(title)
    for i, row in enumerate(matrix):
        for j, count in enumerate(row):
            if count and i != j:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=7, color="firebrick")
    fig.colorbar(image, ax=ax, fraction=0.04, label="share of the true intent's examples")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
