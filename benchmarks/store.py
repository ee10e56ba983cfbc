"""Tracker-store cost: size of the conversations in the SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Dict, Optional


def conversation_sizes(db: Path, prefix: str) -> Dict[str, Optional[float]]:
    """Conversations whose sender starts with ``prefix``: count, events and bytes of event data each."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT COUNT(*), SUM(LENGTH(data)) FROM events WHERE sender_id LIKE ? GROUP BY sender_id",
            (f"{prefix}-%",),
        ).fetchall()
    if not rows:
        return {"conversations": 0, "events_per_conversation": None, "data_bytes_per_conversation": None}
    return {
        "conversations": len(rows),
        "events_per_conversation": sum(r[0] for r in rows) / len(rows),
        "data_bytes_per_conversation": sum(r[1] for r in rows) / len(rows),
    }


def file_bytes(db: Path) -> int:
    """Size of the SQLite file (and its journal or WAL, if any)."""
    return sum(p.stat().st_size for p in (db, Path(f"{db}-journal"), Path(f"{db}-wal")) if p.exists())
