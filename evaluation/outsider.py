"""The outsiders' sets (tests/outsider/) against the real servers over REST.

    python -m evaluation.outsider [models/current.tar.gz] [--set round2] [parts...]

``--set NAME`` reads ``tests/outsider/NAME/`` instead of ``tests/outsider/``
(each round of outsiders writes a new set before that round's changes).

The sets were written by people who had not seen the code, the vocabulary or
the training data (tests/outsider/README.md). Four measurements, one server
start:

- **first messages**: each message opens a new conversation; the slots the
  tracker holds afterwards against what a careful reader would record. Run
  twice: as written, and with every ``'`` typed as ``’`` (phone keyboards).
- **simulated runners** (conversations.yml, safety_conversations.yml): after
  each reply the harness reads the question asked (``requested_slot``), maps
  it to the runner's topic and answers in the runner's words, until the
  assessment (at most ``MAX_TURNS`` user turns), then sends any correction
  still unsent (a later item of a list answer) and the ``after``
  messages. Figures: slot values, triage, causes, finished within 10 turns,
  the most times one question was asked, "didn't catch" twice in a row.
- **safety messages**: each red flag or look-alike opens a conversation that a
  benign runner then answers to the end; the final level against the level a
  physio requires (red flags: at least it; look-alikes: never emergency).

Figures go to ``results/outsider/`` (JSON and a Markdown table).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import uuid
from collections import Counter
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import requests
import yaml

from actions.red_flags import LEVEL_ORDER
from evaluation.slot_messages import same

PROJECT_ROOT = Path(__file__).resolve().parent.parent
OUTSIDER_DIR = PROJECT_ROOT / "tests" / "outsider"
SET_DIR = OUTSIDER_DIR
RESULTS = PROJECT_ROOT / "results" / "outsider"
MAX_TURNS = 14  # the harness gives up here; the guarantee is an assessment within 10
GUARANTEED_TURNS = 10
# Slots the form asks for, by the outsiders' topic names (tests/outsider/README.md).
TOPIC_OF_SLOT = {"warning_signs": "screening", "tiptoe": "tiptoe", "anything_else": "other"}
CONTRACT_SLOTS = [
    "body_part",
    "pain_side",
    "injury_event",
    "can_walk",
    "bone_tenderness",
    "swelling",
    "shoes",
    "surface",
    "warm_up",
    "stretching",
    "weekly_km",
    "volume_change",
    "strength_training",
    "heavy_landing",
    "leaning_back",
    "overweight",
]
# Answers of a runner with nothing wrong, for completing a safety message's conversation.
BENIGN_RUNNER = {
    "body_part": "my ankle",
    "pain_side": "the left one",
    "injury_event": "no it just came on",
    "can_walk": "yes I can walk on it",
    "bone_tenderness": "no",
    "swelling": "no",
    "shoes": "normal running shoes, not old",
    "surface": "road mostly",
    "warm_up": "yes",
    "stretching": "yes",
    "weekly_km": "about 20 km",
    "volume_change": "same as usual",
    "screening": "no, none of those",
    "tiptoe": "yes I can",
    "other": "ok",
}
# red flags under which a tendon or bone must not be loaded (knowledge/red_flags.yml ids)
LOADING_UNSAFE_FLAGS = {
    "achilles_rupture",
    "pop_back_of_leg",
    "pop_at_achilles",
    "unclear_tiptoe",
    "stress_fracture",
    "bone_tenderness_after_injury",
    "bone_tenderness_weeks_after_injury",
    "crack_heard",
    "walking_pain",
    "limp_without_injury",
    "rest_or_night_pain",
}
LOADING_WORDS = ("heel raise", "calf raise", "heel drop", "heel-drop", "eccentric", "heavy slow")
# "Got it: left ankle." is the brief acknowledgement #10 asks for; "Earlier you mentioned ...", "Thanks for correcting"
ACKNOWLEDGING = re.compile(r"\bgot it\b|\bcorrect(?:ing|ed)?\b|\bearlier you\b|\byou corrected\b")
DID_NOT_CATCH = "didn't catch"
APOSTROPHES = str.maketrans({"'": "\u2019"})


def load(name: str, key: str) -> List[Dict[str, Any]]:
    """The items of one file: under ``key`` (``messages``, ``runners``), or the file is the list itself."""
    data = yaml.safe_load((SET_DIR / name).read_text(encoding="utf-8"))
    return data if isinstance(data, list) else data[key]


def rank(level: Optional[str]) -> int:
    """0 = emergency ... 2 = self-care; no assessment ranks below self-care."""
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


class Conversation:
    """One REST conversation with the real servers, read back at the tracker."""

    def __init__(self, servers: Any, tag: str) -> None:
        self.servers = servers
        self.sender = f"outsider-{tag}-{uuid.uuid4().hex[:8]}"
        self.turns: List[Dict[str, Any]] = []
        self.tracker: Dict[str, Any] = {}

    def say(self, text: str) -> List[str]:
        replies = self.servers.say(self.sender, text)
        self.tracker = self.servers.tracker(self.sender)
        self.turns.append(
            {
                "text": text,
                "replies": replies,
                "requested": self.slot("requested_slot"),
                "assessed": self.assessed,
                "slots": {s: self.slot(s) for s in CONTRACT_SLOTS},
                "red_flags": list(self.slot("red_flags") or []),
            }
        )
        return replies

    def slot(self, name: str) -> Any:
        return (self.tracker.get("slots") or {}).get(name)

    @property
    def assessed(self) -> bool:
        return any(
            e.get("event") == "action" and e.get("name") == "action_assess" for e in self.tracker.get("events") or []
        )

    def asked(self) -> Counter:
        """How often each question was asked (``action_ask_<slot>`` runs)."""
        return Counter(
            e["name"][len("action_ask_") :]
            for e in self.tracker.get("events") or []
            if e.get("event") == "action" and (e.get("name") or "").startswith("action_ask_")
        )

    def bot_texts(self) -> List[str]:
        return [text for turn in self.turns for text in turn["replies"]]


def answer_for(answers: Dict[str, Any], topic: str, times: int) -> str:
    """The runner's answer the ``times``-th time the topic is asked (lists run on, last repeats)."""
    answer = answers.get(topic, answers.get("other", "ok"))
    if isinstance(answer, list):
        answer = answer[min(times, len(answer)) - 1] if answer else "ok"
    return str(answer).strip() or "no"  # a runner with nothing to add says so


def hold(servers: Any, runner: Dict[str, Any], tag: str) -> Dict[str, Any]:
    """Talk with one simulated runner until the assessment, then send its ``after`` messages."""
    chat = Conversation(servers, tag)
    topics: Counter = Counter()
    error = None
    try:
        chat.say(runner["opening"])
        while not chat.assessed and len(chat.turns) < MAX_TURNS:
            requested = chat.slot("requested_slot")
            topic = TOPIC_OF_SLOT.get(requested, requested) if requested else "other"
            topics[topic] += 1
            chat.say(answer_for(runner.get("answers") or {}, topic, topics[topic]))
        assessed_at = next((n for n, t in enumerate(chat.turns, 1) if t["assessed"]), None)
        level_at_assessment = chat.slot("triage") if assessed_at else None
        for text in pending_corrections(runner.get("answers") or {}, topics) + list(runner.get("after") or []):
            chat.say(text)
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"
        assessed_at, level_at_assessment = None, None
    return {
        "id": runner["id"],
        "sender": chat.sender,
        "turns": chat.turns,
        "error": error,
        "assessed_at": assessed_at,
        "level_at_assessment": level_at_assessment,
        "slots": {
            s: chat.slot(s) for s in CONTRACT_SLOTS + ["triage", "likely_causes", "red_flags", "skipped_questions"]
        },
        "asked": dict(chat.asked()),
        "texts": chat.bot_texts(),
    }


def pending_corrections(answers: Dict[str, Any], asked: Counter) -> List[str]:
    """The later answers of a topic asked once but not again ("no" to "can you walk?", then "sorry, I mean I
    can't RUN"): the runner's own correction, which a runner would still send when an urgent answer ended the
    questions before the topic came round again. Sent after the assessment, before the ``after`` messages."""
    pending: List[str] = []
    for topic, answer in answers.items():
        if isinstance(answer, list) and 0 < asked[topic] < len(answer):
            pending += [str(text).strip() for text in answer[asked[topic] :] if str(text).strip()]
    return pending


def did_not_catch_twice(turns: List[Dict[str, Any]]) -> bool:
    caught = [any(DID_NOT_CATCH in r.lower() for r in t["replies"]) for t in turns]
    return any(a and b for a, b in zip(caught, caught[1:]))


def judge_runner(runner: Dict[str, Any], result: Dict[str, Any]) -> Dict[str, Any]:
    """What went right and wrong in one simulated conversation."""
    expected = runner.get("expected") or {}
    slots = result["slots"]
    wanted = expected.get("slots") or {}
    right = [s for s, v in wanted.items() if same(v, slots.get(s))]
    wrong = {s: {"expected": v, "got": slots.get(s)} for s, v in wanted.items() if not same(v, slots.get(s))}
    level = slots.get("triage") if result["assessed_at"] else None
    causes_expected = set(expected.get("causes") or [])
    causes_got = set(slots.get("likely_causes") or [])
    cause_recall = len(causes_expected & causes_got) / len(causes_expected) if causes_expected else 1.0
    verdict = {
        "slot_values": len(wanted),
        "slot_values_right": len(right),
        "wrong_slots": wrong,
        "expected_triage": expected.get("triage"),
        "triage": level,
        "triage_right": level == expected.get("triage"),
        "under_triage": rank(level) > rank(expected.get("triage")),
        "over_triage": rank(level) < rank(expected.get("triage")),
        "cause_recall": cause_recall,
        "causes_expected": sorted(causes_expected),
        "causes": sorted(causes_got),
        "finished_in_time": bool(result["assessed_at"]) and result["assessed_at"] <= GUARANTEED_TURNS,
        "most_asked": max(result["asked"].values(), default=0),
        "did_not_catch_twice": did_not_catch_twice(result["turns"]),
    }
    verdict["right"] = verdict["triage_right"] and cause_recall >= 0.5
    if expected.get("no_loading_advice"):
        verdict["loading_advice"] = loading_advice_while_possible(result["turns"])
    if expected.get("acknowledges_change") or expected.get("acknowledges_correction"):
        verdict["acknowledged"] = corrections_acknowledged(result["turns"])
    return verdict


def loading_advice_while_possible(turns: List[Dict[str, Any]]) -> List[str]:
    """Loading words ("heel drop", "calf raise") in the replies once the runner's words make a torn tendon or a
    bone stress injury possible: from the first turn the assistant flagged one, or in every reply when it never
    did. Heel drops suggested for a sore tendon before a later pop was told are not counted, nor a loading word
    forbidden ("no heel raises or hopping", "don't do any heel drops")."""
    flagged = next((n for n, turn in enumerate(turns) if LOADING_UNSAFE_FLAGS & set(turn.get("red_flags") or [])), 0)
    texts = " ".join(reply for turn in turns[flagged:] for reply in turn["replies"]).lower()
    return [
        w
        for w in LOADING_WORDS
        if any(not FORBIDDEN_BEFORE.search(texts[max(0, m.start() - 40) : m.start()]) for m in re.finditer(w, texts))
    ]


# A loading word the reply forbids: "no heel raises", "don't do any heel or calf exercises such as calf raises"
FORBIDDEN_BEFORE = re.compile(r"\b(?:no|not|don't|do not|avoid|without|leave out|never|stop)\b[^.!?]*$")


def corrections_acknowledged(turns: List[Dict[str, Any]]) -> bool:
    """Whether a correction was taken in and said back: some turn changed a value the runner had given
    earlier, and the reply to every such turn acknowledges it. A correction never taken in counts as not
    acknowledged."""
    changed = [
        turn
        for before, turn in zip(turns, turns[1:])
        if any(
            before["slots"].get(s) is not None and turn["slots"].get(s) != before["slots"].get(s)
            for s in before["slots"]
        )
        or set(before.get("red_flags") or []) - set(turn.get("red_flags") or [])  # a warning sign taken back
    ]
    return bool(changed) and all(ACKNOWLEDGING.search(" ".join(turn["replies"]).lower()) for turn in changed)


def summarise_runners(verdicts: List[Dict[str, Any]]) -> Dict[str, Any]:
    n = len(verdicts) or 1
    values = sum(v["slot_values"] for v in verdicts) or 1
    loading = [v for v in verdicts if "loading_advice" in v]
    acknowledging = [v for v in verdicts if "acknowledged" in v]
    emergencies = [v for v in verdicts if v["expected_triage"] == "emergency"]
    return {
        "runners": len(verdicts),
        "slot_values_right": sum(v["slot_values_right"] for v in verdicts) / values,
        "triage_and_causes_right": sum(v["right"] for v in verdicts) / n,
        "triage_right": sum(v["triage_right"] for v in verdicts) / n,
        "under_triage": sum(v["under_triage"] for v in verdicts),
        "over_triage": sum(v["over_triage"] for v in verdicts),
        "emergencies_caught": f"{sum(v['triage'] == 'emergency' for v in emergencies)}/{len(emergencies)}",
        "mean_cause_recall": sum(v["cause_recall"] for v in verdicts) / n,
        "assessed_within_10_turns": sum(v["finished_in_time"] for v in verdicts) / n,
        "no_assessment": sum(v["triage"] is None for v in verdicts),
        "question_asked_more_than_twice": sum(v["most_asked"] > 2 for v in verdicts),
        "did_not_catch_twice_in_a_row": sum(v["did_not_catch_twice"] for v in verdicts),
        "loading_advice_while_rupture_possible": sum(bool(v["loading_advice"]) for v in loading),
        "acknowledged_changes": f"{sum(v['acknowledged'] for v in acknowledging)}/{len(acknowledging)}",
    }


def first_messages(servers: Any, messages: List[Dict[str, Any]], typographic: bool) -> Dict[str, Any]:
    """Slot values right from a first message (optionally with every apostrophe typographic)."""
    right = wrong = extra = 0
    per_feature: Dict[str, List[int]] = {}
    misses: List[str] = []
    for number, item in enumerate(messages):
        text = item["text"].translate(APOSTROPHES) if typographic else item["text"]
        chat = Conversation(servers, f"first{number}")
        chat.say(text)
        expected = item.get("slots") or {}
        ok = 0
        for slot, value in expected.items():
            if same(value, chat.slot(slot)):
                ok += 1
            else:
                misses.append(f"{text!r}: {slot} expected {value!r}, got {chat.slot(slot)!r}")
        right += ok
        wrong += len(expected) - ok
        for slot in CONTRACT_SLOTS:
            if slot not in expected and chat.slot(slot) is not None:
                extra += 1
                misses.append(f"{text!r}: {slot}={chat.slot(slot)!r} not said")
        for feature in item.get("features") or ["none"]:
            counts = per_feature.setdefault(feature, [0, 0])
            counts[0] += ok
            counts[1] += len(expected)
    total = right + wrong
    return {
        "messages": len(messages),
        "slot_values": total,
        "slot_values_right": right / total if total else 0.0,
        "precision": right / (right + wrong + extra) if right + wrong + extra else 0.0,
        "by_feature": {f: round(r / t, 3) if t else None for f, (r, t) in sorted(per_feature.items())},
        "misses": misses,
    }


def safety_messages(servers: Any, messages: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Each message opens a conversation a benign runner answers to the end; the final level."""
    outcomes = []
    for number, item in enumerate(messages):
        result = hold(
            servers, {"id": f"safety{number}", "opening": item["text"], "answers": BENIGN_RUNNER}, f"safety{number}"
        )
        level = result["slots"]["triage"] if result["assessed_at"] else None
        first_replies = " ".join(result["turns"][0]["replies"]) if result["turns"] else ""
        outcomes.append(
            {
                "text": item["text"],
                "kind": item["kind"],
                "sign": item.get("sign"),
                "expected": item["level"],
                "level": level,
                "announced_at_once": "A&E" in first_replies or "urgent" in first_replies.lower(),
            }
        )
    flags = [o for o in outcomes if o["kind"] == "red_flag"]
    emergencies = [o for o in flags if o["expected"] == "emergency"]
    look_alikes = [o for o in outcomes if o["kind"] == "look_alike"]
    return {
        "red_flags": len(flags),
        "red_flags_at_least_expected": sum(rank(o["level"]) <= rank(o["expected"]) for o in flags),
        "emergencies": len(emergencies),
        "emergencies_at_emergency": sum(o["level"] == "emergency" for o in emergencies),
        "under_triaged": [o for o in flags if rank(o["level"]) > rank(o["expected"])],
        "look_alikes": len(look_alikes),
        "look_alikes_sent_to_emergency": [o for o in look_alikes if o["level"] == "emergency"],
        "look_alikes_exact": sum(o["level"] == o["expected"] for o in look_alikes),
        "outcomes": outcomes,
    }


def markdown(figures: Dict[str, Any]) -> str:
    lines = [f"# Outsider sets: {figures['model']}", ""]
    for name in ("first_messages", "first_messages_typographic"):
        f = figures.get(name)
        if f:
            lines.append(
                f"- {name}: {f['slot_values_right']:.1%} of {f['slot_values']} slot values right "
                f"({f['messages']} messages), precision {f['precision']:.1%}"
            )
    for name in ("runners", "safety_runners"):
        f = figures.get(name)
        if f:
            lines.append(
                f"- {name}: "
                + ", ".join(f"{k} {v:.1%}" if isinstance(v, float) else f"{k} {v}" for k, v in f["summary"].items())
            )
    s = figures.get("safety_messages")
    if s:
        lines.append(
            f"- safety messages: red flags at least the required level "
            f"{s['red_flags_at_least_expected']}/{s['red_flags']}, emergencies at emergency "
            f"{s['emergencies_at_emergency']}/{s['emergencies']}, look-alikes sent to emergency "
            f"{len(s['look_alikes_sent_to_emergency'])}/{s['look_alikes']}, look-alikes exact "
            f"{s['look_alikes_exact']}/{s['look_alikes']}"
        )
    return "\n".join(lines) + "\n"


def run(model: Path, workdir: Path, parts: Iterable[str]) -> Dict[str, Any]:
    from harness.servers import Servers

    servers = Servers(workdir, tracker_db=workdir / "tracker.db", extra_args=["--enable-api"], model=model)
    figures: Dict[str, Any] = {"model": model.name}
    try:
        servers.start_actions()
        servers.start_rasa()
        parts = set(parts)
        if "first" in parts:
            messages = load("first_messages.yml", "messages")
            figures["first_messages"] = first_messages(servers, messages, typographic=False)
            figures["first_messages_typographic"] = first_messages(servers, messages, typographic=True)
        for part, name, key in (
            ("runners", "conversations.yml", "runners"),
            ("safety_runners", "safety_conversations.yml", "runners"),
        ):
            if part in parts and (SET_DIR / name).exists():
                runners = load(name, key)
                results = [hold(servers, r, r["id"]) for r in runners]
                verdicts = [judge_runner(r, res) for r, res in zip(runners, results)]
                figures[part] = {
                    "summary": summarise_runners(verdicts),
                    "runners": [
                        {**v, "id": r["id"], "turns": res["turns"]} for r, v, res in zip(runners, verdicts, results)
                    ],
                }
        if "safety" in parts and (SET_DIR / "safety_messages.yml").exists():
            figures["safety_messages"] = safety_messages(servers, load("safety_messages.yml", "messages"))
    finally:
        servers.stop_all()
    return figures


def main() -> None:
    global SET_DIR, RESULTS
    args = sys.argv[1:]
    if "--set" in args:
        at = args.index("--set")
        name = args[at + 1]
        SET_DIR = OUTSIDER_DIR / name
        RESULTS = RESULTS / name
        del args[at : at + 2]
        if not SET_DIR.is_dir():
            sys.exit(f"no outsider set at {SET_DIR}")
    model = Path(args[0]) if args and args[0].endswith(".tar.gz") else PROJECT_ROOT / "models" / "current.tar.gz"
    parts = [a for a in args if not a.endswith(".tar.gz")] or ["first", "runners", "safety_runners", "safety"]
    with tempfile.TemporaryDirectory() as workdir:
        figures = run(model.resolve(), Path(workdir), parts)
    RESULTS.mkdir(parents=True, exist_ok=True)
    label = "-".join(sorted(parts))
    (RESULTS / f"{label}.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False))
    (RESULTS / f"{label}.md").write_text(markdown(figures))
    print(markdown(figures))


if __name__ == "__main__":
    main()
