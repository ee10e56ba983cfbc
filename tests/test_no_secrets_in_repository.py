"""No real credentials in the tracked files: they come from the environment."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATTERNS = {
    "Telegram bot token": re.compile(r"\b\d{8,10}:[A-Za-z0-9_-]{35}\b"),
    "Slack token": re.compile(r"\bxox[abpr]-[A-Za-z0-9-]{10,}"),
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
}


def tracked_files():
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [ROOT / name for name in names.splitlines() if not name.endswith((".lock", "package-lock.json"))]


def test_no_credentials_are_committed():
    found = []
    for path in tracked_files():
        if not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        found += [f"{path.relative_to(ROOT)}: {kind}" for kind, pattern in PATTERNS.items() if pattern.search(text)]
    assert not found, found


def test_the_scan_would_see_a_token():
    assert PATTERNS["Telegram bot token"].search("TOKEN=123456789:AAE" + "x" * 32)
    assert PATTERNS["Slack token"].search("xoxb-" + "1234567890-abcdefghijkl")
    assert PATTERNS["Slack token"].search("xoxb-" + "fake-token-for-tests")
