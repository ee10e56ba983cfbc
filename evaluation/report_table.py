"""Targets and the Markdown text of the understanding and safety report (pure functions).

``figures`` is the dict evaluation/report.py collects (and writes as report.json):

    nlu.<system>.held_out / nlu.<system>.cv   from evaluation.rasa_reports.read_results
    conversations.<system>                     {"summary": evaluation.conversations.summarise(...), "results": [...]}
    triage                                     evaluation.triage_vignettes.evaluate(...)

with ``<system>`` "ours" or "baseline". Missing parts (``--skip-cv``, a step
that failed) are None and show as "n/a".
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

SYSTEMS = {"ours": "ours (config.yml)", "baseline": "Rasa default (baseline/config.yml)"}
INTENT_MACRO_F1_TARGET = 0.95
ENTITY_F1_TARGET = 0.92
TRIAGE_ACCURACY_TARGET = 0.95


def dig(data: Any, *keys: str) -> Any:
    """data[k1][k2]... or None when any level is missing."""
    for key in keys:
        if not isinstance(data, dict) or data.get(key) is None:
            return None
        data = data[key]
    return data


def num(value: Optional[float], digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def pct(value: Optional[float], digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}%}"


def target(
    name: str, value: Optional[float], goal: Optional[float], at_least: bool = True, unit: str = ""
) -> Dict[str, Any]:
    """One target: passed (None when it cannot be judged) and the margin (value - goal)."""
    if value is None or goal is None:
        return {"target": name, "value": value, "goal": goal, "passed": None, "margin": None}
    passed = value >= goal - 1e-12 if at_least else value <= goal + 1e-12
    return {"target": name, "value": value, "goal": goal, "passed": passed, "margin": value - goal, "unit": unit}


def check_targets(figures: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The report's targets, in the order they are printed."""
    ours_intent = dig(figures, "nlu", "ours", "held_out", "intents", "macro_f1")
    base_intent = dig(figures, "nlu", "baseline", "held_out", "intents", "macro_f1")
    ours_entity = dig(figures, "nlu", "ours", "held_out", "entities", "micro_f1")
    base_entity = dig(figures, "nlu", "baseline", "held_out", "entities", "micro_f1")
    targets = [
        target("held-out intent macro-F1 >= 0.95", ours_intent, INTENT_MACRO_F1_TARGET),
        target("held-out intent macro-F1 >= Rasa default", ours_intent, base_intent),
        target("held-out entity F1 >= 0.92", ours_entity, ENTITY_F1_TARGET),
        target("held-out entity F1 >= Rasa default", ours_entity, base_entity),
    ]
    for reading, label in (("facts", "structured facts"), ("text", "runner's words")):
        triage = dig(figures, "triage", reading) or {}
        targets += [
            target(
                f"vignette triage accuracy >= 95% ({label})", triage.get("accuracy"), TRIAGE_ACCURACY_TARGET, unit="%"
            ),
            target(f"emergency sensitivity 100% ({label})", triage.get("emergency_sensitivity"), 1.0, unit="%"),
            target(f"no under-triage ({label})", triage.get("under_triage"), 0.0, at_least=False, unit="%"),
        ]
    return targets


def verdict(item: Dict[str, Any]) -> str:
    """ "pass", "n/a" or "MISS by <margin>" for one target."""
    if item["passed"] is None:
        return "n/a"
    if item["passed"]:
        return "pass"
    margin = abs(item["margin"])
    return f"MISS by {margin:.1%}" if item.get("unit") == "%" else f"MISS by {margin:.3f}"


def split_titles(figures: Dict[str, Any]) -> List[tuple]:
    """The NLU result kinds with their titles: held-out and k-fold CV."""
    return [("held_out", "held-out"), ("cv", f"{figures.get('folds', 5)}-fold CV")]


def nlu_rows(figures: Dict[str, Any]) -> List[List[str]]:
    """Rows of the main table for the NLU figures: ours, baseline."""
    rows = []
    for split, title in split_titles(figures):
        data = {s: dig(figures, "nlu", s, split) for s in SYSTEMS}
        n = next((dig(d, "intents", "examples") for d in data.values() if d), None)
        rows.append(
            [
                f"{title} intent accuracy" + (f" ({n} examples)" if n else ""),
                *(num(dig(d, "intents", "accuracy")) for d in data.values()),
            ]
        )
        rows.append([f"{title} intent macro-F1", *(num(dig(d, "intents", "macro_f1")) for d in data.values())])
        if split == "cv":
            rows.append(
                [
                    f"{title} entities",
                    *("n/a (data/nlu has no entity annotations)" if d else "n/a" for d in data.values()),
                ]
            )
            continue
        rows.append(
            [
                f"{title} entity F1 (micro)",
                *(
                    num(dig(d, "entities", "micro_f1")) + (" (extracted none)" if dig(d, "entities", "note") else "")
                    for d in data.values()
                ),
            ]
        )
        rows.append(
            [
                f"{title} entity precision / recall",
                *(
                    f"{num(dig(d, 'entities', 'precision'))} / {num(dig(d, 'entities', 'recall'))}"
                    for d in data.values()
                ),
            ]
        )
    return rows


def conversation_rows(figures: Dict[str, Any]) -> List[List[str]]:
    """Rows of the main table for the scripted conversations: ours, baseline."""
    summaries = [dig(figures, "conversations", s, "summary") for s in SYSTEMS]
    n = next((s["conversations"] for s in summaries if s), 0)

    def row(title: str, render) -> List[str]:
        return [title, *(render(s) if s else "n/a" for s in summaries)]

    return [
        row(
            "conversations: expected slot values right",
            lambda s: f"{pct(s['slot_values_right'])} of {s['slot_values']}",
        ),
        row("conversations: slot precision (wrong or unsaid values count)", lambda s: pct(s["slot_precision"])),
        row(
            f"conversations: finished assessment (of {n})",
            lambda s: f"{pct(s['finished'], 0)} ({round(s['finished'] * s['conversations'])})",
        ),
        row("conversations: mean user turns to the assessment", lambda s: num(s["mean_turns_to_assessment"], 1)),
        row("conversations: triage = expected", lambda s: pct(s["triage_exact"], 0)),
        row(
            "conversations: under- / over-triage / no assessment",
            lambda s: f"{pct(s['under_triage'], 0)} / {pct(s['over_triage'], 0)} / {pct(s['no_assessment'], 0)}",
        ),
        row("conversations: emergencies given emergency advice", lambda s: pct(s["emergencies_caught"], 0)),
    ]


def triage_rows(figures: Dict[str, Any]) -> List[List[str]]:
    rows = []
    for reading, label in (("facts", "structured facts"), ("text", "runner's words")):
        t = dig(figures, "triage", reading)
        if t:
            rows.append(
                [
                    f"vignettes ({t['cases']}), {label}: triage exact / emergencies caught / under / over",
                    f"{pct(t['accuracy'])} / {pct(t['emergency_sensitivity'], 0)} / "
                    f"{pct(t['under_triage'])} / {pct(t['over_triage'])}",
                    "— (action server rules, no NLU model)",
                ]
            )
    return rows


def table(header: List[str], rows: List[List[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def entity_table(figures: Dict[str, Any]) -> str:
    ours = dig(figures, "nlu", "ours", "held_out", "entities", "per_entity") or {}
    base = dig(figures, "nlu", "baseline", "held_out", "entities", "per_entity") or {}
    rows = []
    for name in sorted(set(ours) | set(base)):
        o, b = ours.get(name), base.get(name)
        cells = [f"{num(x['precision'], 2)} / {num(x['recall'], 2)} / {num(x['f1'], 2)}" if x else "—" for x in (o, b)]
        rows.append([name, *cells, str((o or b or {})["support"])])
    return table(["entity (held-out)", "ours P / R / F1", "Rasa default P / R / F1", "n (tokens)"], rows)


def confusion_lines(figures: Dict[str, Any]) -> List[str]:
    lines = []
    for split, title in split_titles(figures):
        for system, name in SYSTEMS.items():
            data = dig(figures, "nlu", system, split)
            if not data:
                continue
            pairs = ", ".join(f"{' <-> '.join(p['pair'])} {p['count']}" for p in data["confused_pairs"]) or "none"
            lowest = ", ".join(f"{n} {f:.2f}" for n, f in data["lowest_intents"])
            lines.append(f"- {title}, {name}: most confused {pairs}; lowest F1 {lowest}")
    return lines


def conversation_table(figures: Dict[str, Any]) -> str:
    results = {s: {r["id"]: r for r in dig(figures, "conversations", s, "results") or []} for s in SYSTEMS}
    rows = []
    for cid, ours in results["ours"].items():
        row = [cid, str(len(ours["turns"])), ours["expected_triage"]]
        for system in SYSTEMS:
            r = results[system].get(cid)
            if not r:
                row.append("n/a")
                continue
            right, total = len(r["slots"]["right"]), len(r["slots"]["right"]) + len(r["slots"]["wrong"])
            got = r["final_slots"].get("triage") if r["assessed_at"] else "no assessment"
            when = f"turn {r['assessed_at']}" if r["assessed_at"] else "—"
            row.append(f"{right}/{total} slots, {got}, {when}")
        rows.append(row)
    return table(
        [
            "conversation",
            "turns",
            "expected triage",
            "ours: slots, triage, assessed at",
            "Rasa default: slots, triage, assessed at",
        ],
        rows,
    )


def problem_lines(results: List[Dict[str, Any]], brief: bool = False) -> List[str]:
    """One line per problem, or with ``brief`` the first problem of each conversation and how many more."""
    lines = []
    for r in results:
        problems = r["problems"][:1] if brief else r["problems"]
        more = len(r["problems"]) - len(problems)
        lines += [f"- {r['id']}: {line}" + (f" (+{more} more)" if brief and more else "") for line in problems]
    return lines


def render(figures: Dict[str, Any], targets: List[Dict[str, Any]]) -> str:
    """The whole report as Markdown."""
    main = table(
        ["figure", SYSTEMS["ours"], SYSTEMS["baseline"]],
        nlu_rows(figures) + conversation_rows(figures) + triage_rows(figures),
    )
    target_rows = [
        [t["target"], pct(t["value"]) if t.get("unit") == "%" else num(t["value"]), verdict(t)] for t in targets
    ]
    met = sum(t["passed"] is True for t in targets)
    parts = [
        "# Understanding and safety report",
        f"Generated {figures.get('generated', '?')} in {figures.get('seconds', 0):.0f} s "
        f"(commit {figures.get('commit', '?')}). "
        "Entities of our pipeline come from RunnerFactExtractor (rule-based, untrained); Rasa's default "
        "pipeline can only learn entities from annotated training examples, and data/nlu has none.",
        main,
        f"## Targets ({met} of {len(targets)} met)",
        table(["target", "ours", "result"], target_rows),
        "## Entities per type (held-out)",
        entity_table(figures),
        "## Intents: most confused pairs (both directions) and lowest F1",
        "\n".join(confusion_lines(figures)) or "n/a",
        "## Scripted conversations",
        conversation_table(figures),
    ]
    for system, name in SYSTEMS.items():
        problems = problem_lines(dig(figures, "conversations", system, "results") or [], brief=system != "ours")
        if problems:
            parts += [
                f"Where the conversations go wrong, {name}"
                + (" (first problem of each)" if system != "ours" else "")
                + ":",
                "\n".join(problems),
            ]
    mistakes = [
        f"- {kind}: {vid}: {text}"
        for kind in ("mistakes", "text_mistakes", "cause_mistakes")
        for vid, text in (dig(figures, "triage", f"_{kind}") or {}).items()
    ]
    parts += [
        "## Triage vignettes",
        str(figures.get("anchors", "")),
        f"Likely causes exactly right (structured facts): {pct(dig(figures, 'triage', 'facts', 'causes_exact'))}",
        "\n".join(mistakes) or "No vignette mistakes.",
    ]
    if figures.get("notes"):
        parts += ["## Notes", "\n".join(f"- {note}" for note in figures["notes"])]
    return "\n\n".join(parts) + "\n"
