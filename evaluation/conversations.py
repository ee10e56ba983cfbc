"""Slot filling at conversation level: the scripted conversations against the real servers.

    python -m evaluation.conversations [models/current.tar.gz]

Each conversation of tests/conversations/scripted.yml is sent turn by turn over
the REST channel to a real Rasa server and action server (harness/servers.py,
SQLite tracker store). After every turn the tracker is read at the HTTP API:
the slots, the question the assistant asks next (``requested_slot``) and
whether ``action_assess`` has run (a finished assessment). Figures: the share
of expected slot values that are right at the end, the share of conversations
that reach a finished assessment and after how many user turns, and the
triage level against the expected one.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional

import requests
import yaml

from actions.red_flags import LEVEL_ORDER
from evaluation.slot_messages import SLOTS, same

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SET_PATH = PROJECT_ROOT / "tests" / "conversations" / "scripted.yml"
KEPT_SLOTS = sorted(
    SLOTS | {"triage", "requested_slot", "red_flags", "can_walk", "bone_tenderness", "skipped_questions"}
)


def load(path: Path = SET_PATH) -> List[Dict[str, Any]]:
    return yaml.safe_load(path.read_text())["conversations"]


def assessed_at(turns: List[Dict[str, Any]]) -> Optional[int]:
    """The number of user turns after which ``action_assess`` had first run, or None."""
    for number, turn in enumerate(turns, 1):
        if turn["assessed"]:
            return number
    return None


def check_slots(expected: Dict[str, Any], slots: Dict[str, Any]) -> Dict[str, List[Dict[str, Any]]]:
    """Expected slot values right / wrong (or missing), and contract slots filled that were not said."""
    right = [{"slot": s, "value": v} for s, v in expected.items() if same(v, slots.get(s))]
    wrong = [{"slot": s, "expected": v, "got": slots.get(s)} for s, v in expected.items() if not same(v, slots.get(s))]
    extra = [{"slot": s, "got": slots[s]} for s in sorted(SLOTS - set(expected)) if slots.get(s) is not None]
    return {"right": right, "wrong": wrong, "extra": extra}


def set_at(turns: List[Dict[str, Any]], slot: str) -> Optional[int]:
    """The user turn after which the slot took its final value (None if it never changed)."""
    last, previous = None, None
    for number, turn in enumerate(turns, 1):
        value = turn["slots"].get(slot)
        if value != previous:
            last, previous = number, value
    return last


def asked_at(turns: List[Dict[str, Any]], slot: str) -> List[int]:
    """The user turns that answered a question about the slot (it was requested just before)."""
    return [
        number
        for number, turn in enumerate(turns, 1)
        if number > 1 and turns[number - 2]["slots"].get("requested_slot") == slot
    ]


def predicted_triage(result: Dict[str, Any]) -> Optional[str]:
    """The triage level given to the runner, or None when no assessment was given."""
    return result["final_slots"].get("triage") if result["assessed_at"] else None


def problems(result: Dict[str, Any]) -> List[str]:
    """Where a conversation goes wrong, one line per problem, with the turn."""
    turns = result["turns"]
    lines: List[str] = []
    if result.get("error"):
        lines.append(f"stopped by an error at turn {len(turns) + 1}: {result['error']}")
    for item in result["slots"]["wrong"]:
        slot = item["slot"]
        if item["got"] is None:
            answered = asked_at(turns, slot)
            where = f"asked before turn {answered[0]} {turns[answered[0] - 1]['text']!r}" if answered else "never asked"
            lines.append(f"{slot}: expected {item['expected']!r}, never filled ({where})")
        else:
            turn = set_at(turns, slot) or 1
            lines.append(
                f"{slot}: expected {item['expected']!r}, got {item['got']!r} "
                f"(set at turn {turn} {turns[turn - 1]['text']!r})"
            )
    for item in result["slots"]["extra"]:
        turn = set_at(turns, item["slot"]) or 1
        lines.append(f"{item['slot']}={item['got']!r} not said (set at turn {turn} {turns[turn - 1]['text']!r})")
    if not result["assessed_at"]:
        last = turns[-1]["replies"][-1] if turns and turns[-1]["replies"] else ""
        lines.append(f"no assessment after {len(turns)} turns; last reply {last[:90]!r}")
    elif predicted_triage(result) != result["expected_triage"]:
        final = result["final_slots"]
        ottawa = "".join(
            f", {k} {final.get(k)!r}"
            for k in ("can_walk", "bone_tenderness", "skipped_questions")
            if final.get(k) not in (None, [])
        )
        lines.append(
            f"triage expected {result['expected_triage']}, got {predicted_triage(result)} "
            f"(red flags {final.get('red_flags')}{ottawa})"
        )
    return lines


def summarise(results: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Slot values right, assessments finished, turns to them and triage against the expected level."""
    right = sum(len(r["slots"]["right"]) for r in results)
    wrong = sum(len(r["slots"]["wrong"]) for r in results)
    extra = sum(len(r["slots"]["extra"]) for r in results)
    finished = [r["assessed_at"] for r in results if r["assessed_at"]]
    expected = [r["expected_triage"] for r in results]
    got = [predicted_triage(r) for r in results]
    rank = LEVEL_ORDER.index
    emergencies = [g for e, g in zip(expected, got) if e == "emergency"]
    n = len(results)
    return {
        "conversations": n,
        "slot_values": right + wrong,
        "slot_values_right": right / (right + wrong) if right + wrong else 0.0,
        "slot_precision": right / (right + wrong + extra) if right + wrong + extra else 0.0,
        "finished": len(finished) / n if n else 0.0,
        "mean_turns_to_assessment": sum(finished) / len(finished) if finished else None,
        "triage_exact": sum(e == g for e, g in zip(expected, got)) / n if n else 0.0,
        "under_triage": sum(g is not None and rank(g) > rank(e) for e, g in zip(expected, got)) / n if n else 0.0,
        "over_triage": sum(g is not None and rank(g) < rank(e) for e, g in zip(expected, got)) / n if n else 0.0,
        "no_assessment": sum(g is None for g in got) / n if n else 0.0,
        "emergencies_caught": (sum(g == "emergency" for g in emergencies) / len(emergencies) if emergencies else None),
    }


def talk(servers: Any, conversation: Dict[str, Any], sender: str) -> Dict[str, Any]:
    """Send every turn of one conversation; the tracker's view after each turn."""
    turns: List[Dict[str, Any]] = []
    slots: Dict[str, Any] = {}
    error = None
    for text in conversation["turns"]:
        try:
            replies = servers.say(sender, text)
            tracker = servers.tracker(sender)
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {exc}"
            break
        slots = {name: tracker["slots"].get(name) for name in KEPT_SLOTS}
        assessed = any(e.get("event") == "action" and e.get("name") == "action_assess" for e in tracker["events"])
        turns.append({"text": text, "replies": replies, "slots": slots, "assessed": assessed})
    result = {
        "id": conversation["id"],
        "turns": turns,
        "final_slots": slots,
        "assessed_at": assessed_at(turns),
        "expected_triage": conversation["triage"],
        "slots": check_slots(conversation.get("expected") or {}, slots),
        "error": error,
    }
    result["problems"] = problems(result)
    return result


def run(model: Path, workdir: Path, conversations: Optional[List[Dict[str, Any]]] = None) -> List[Dict[str, Any]]:
    """Start the servers with ``model``, hold every scripted conversation, stop the servers."""
    from harness.servers import Servers

    conversations = conversations if conversations is not None else load()
    servers = Servers(workdir, tracker_db=workdir / "tracker.db", extra_args=["--enable-api"], model=model)
    try:
        servers.start_actions()
        servers.start_rasa()
        status = requests.get(f"{servers.url}/status", params={"token": servers.api_token}, timeout=30).json()
        if Path(status.get("model_file", "")).name != model.name:
            raise RuntimeError(f"the Rasa server loaded {status.get('model_file')}, not {model}")
        return [talk(servers, c, f"report-{c['id']}-{uuid.uuid4().hex[:6]}") for c in conversations]
    finally:
        servers.stop_all()


def main() -> None:
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_ROOT / "models" / "current.tar.gz"
    with tempfile.TemporaryDirectory() as workdir:
        results = run(model.resolve(), Path(workdir))
    figures = summarise(results)
    for key, value in figures.items():
        print(f"{key:26s} {value}")
    for result in results:
        for line in result["problems"]:
            print(f"  {result['id']}: {line}")


if __name__ == "__main__":
    main()
