"""The understanding and safety report's pure parts: Rasa's report files, rates, targets.

No training and no servers: small hand-made reports and conversation results.
"""

import json

import pytest

from evaluation import charts, conversations, rasa_reports, report_table
from evaluation.report import fingerprint

INTENT_REPORT = {
    "greet": {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 4},
    "deny": {"precision": 0.5, "recall": 0.5, "f1-score": 0.5, "support": 4},
    "dont_know": {"precision": 0.6, "recall": 0.75, "f1-score": 0.667, "support": 4},
    "accuracy": 0.75,
    "macro avg": {"precision": 0.7, "recall": 0.75, "f1-score": 0.722, "support": 12},
    "weighted avg": {"precision": 0.7, "recall": 0.75, "f1-score": 0.722, "support": 12},
}
ERRORS = [
    {"text": "not really", "intent": "deny", "intent_prediction": {"name": "dont_know", "confidence": 0.9}},
    {"text": "I doubt it", "intent": "deny", "intent_prediction": {"name": "dont_know", "confidence": 0.5}},
    {"text": "no clue", "intent": "dont_know", "intent_prediction": {"name": "deny", "confidence": 0.8}},
    {"text": "hmm", "intent": "greet", "intent_prediction": {"name": "out_of_scope", "confidence": 0.4}},
]
ENTITY_REPORT = {
    "body_part": {"precision": 1.0, "recall": 0.9, "f1-score": 0.947, "support": 10},
    "shoes": {"precision": 0.5, "recall": 1.0, "f1-score": 0.667, "support": 2},
    "no_entity": {"precision": 0.99, "recall": 0.99, "f1-score": 0.99, "support": 300},
    "micro avg": {"precision": 0.85, "recall": 0.92, "f1-score": 0.88, "support": 12},
    "macro avg": {"precision": 0.75, "recall": 0.95, "f1-score": 0.81, "support": 12},
    "weighted avg": {"precision": 0.9, "recall": 0.92, "f1-score": 0.9, "support": 12},
    "accuracy": 0.98,
}


def test_intent_figures_are_accuracy_and_macro_f1():
    figures = rasa_reports.intent_figures(INTENT_REPORT)
    assert figures == {"accuracy": 0.75, "macro_f1": 0.722, "weighted_f1": 0.722, "examples": 12}
    assert rasa_reports.lowest_intents(INTENT_REPORT, 2) == [("deny", 0.5), ("dont_know", 0.667)]


def test_confused_pairs_add_both_directions_and_rank_by_count():
    pairs = rasa_reports.confused_pairs(ERRORS)
    assert pairs[0] == {
        "pair": ["deny", "dont_know"],
        "count": 3,
        "directions": {"deny->dont_know": 2, "dont_know->deny": 1},
    }
    assert pairs[1]["pair"] == ["greet", "out_of_scope"] and pairs[1]["count"] == 1
    assert rasa_reports.confused_pairs(ERRORS, top=1) == pairs[:1]
    assert rasa_reports.confused_pairs([]) == []


def test_confusion_matrix_rows_add_up_to_each_intents_examples():
    labels, matrix = rasa_reports.confusion_matrix(INTENT_REPORT, ERRORS)
    assert labels == ["deny", "dont_know", "greet", "out_of_scope"]
    assert [sum(row) for row in matrix[:3]] == [4, 4, 5]  # greet: 4 right (recall 1.0) + the one made-up error
    assert matrix[0] == [2, 2, 0, 0]  # deny: 2 right, 2 taken for dont_know
    assert matrix[3] == [0, 0, 0, 0]  # out_of_scope was predicted but is not in the test set
    shares = charts.row_shares(matrix)
    assert shares[0] == [0.5, 0.5, 0.0, 0.0] and shares[3] == [0.0, 0.0, 0.0, 0.0]


def test_entity_figures_leave_out_no_entity_and_averages():
    figures = rasa_reports.entity_figures(ENTITY_REPORT)
    assert set(figures["per_entity"]) == {"body_part", "shoes"}
    assert figures["per_entity"]["shoes"] == {"precision": 0.5, "recall": 1.0, "f1": 0.667, "support": 2}
    assert (figures["micro_f1"], figures["precision"], figures["recall"]) == (0.88, 0.85, 0.92)


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(data))


def test_results_use_the_named_extractor_and_count_nothing_extracted_as_zero(tmp_path):
    write(tmp_path, "intent_report.json", INTENT_REPORT)
    write(tmp_path, "intent_errors.json", ERRORS)
    write(tmp_path, "RunnerFactExtractor_report.json", ENTITY_REPORT)
    write(tmp_path, "DIETClassifier_report.json", {**ENTITY_REPORT, "micro avg": {"f1-score": 0.1}})
    write(tmp_path, "response_selection_report.json", INTENT_REPORT)
    assert set(rasa_reports.entity_reports(tmp_path)) == {"RunnerFactExtractor", "DIETClassifier"}

    ours = rasa_reports.read_results(tmp_path, "RunnerFactExtractor")
    assert ours["entities"]["micro_f1"] == 0.88
    assert ours["intents"]["macro_f1"] == 0.722
    assert ours["confused_pairs"][0]["pair"] == ["deny", "dont_know"]

    nothing = rasa_reports.read_results(tmp_path, "CRFEntityExtractor", {"body_part": 10})
    assert nothing["entities"]["micro_f1"] == 0.0
    assert nothing["entities"]["per_entity"]["body_part"]["support"] == 10
    assert rasa_reports.read_results(tmp_path, "CRFEntityExtractor")["entities"] is None  # nothing to score


def turn(text, slots, assessed=False, requested=None):
    return {"text": text, "replies": ["..."], "assessed": assessed, "slots": {**slots, "requested_slot": requested}}


def result(cid, turns, expected, triage):
    final = turns[-1]["slots"]
    r = {
        "id": cid,
        "turns": turns,
        "final_slots": final,
        "assessed_at": conversations.assessed_at(turns),
        "expected_triage": triage,
        "slots": conversations.check_slots(expected, final),
        "error": None,
    }
    r["problems"] = conversations.problems(r)
    return r


def test_slot_check_tolerates_unit_rounding_and_counts_unsaid_values():
    check = conversations.check_slots(
        {"weekly_km": 16.1, "surface": "hard", "swelling": False},
        {"weekly_km": 16.09, "surface": "uneven", "swelling": None, "shoes": "new"},
    )
    assert [r["slot"] for r in check["right"]] == ["weekly_km"]
    assert check["wrong"] == [
        {"slot": "surface", "expected": "hard", "got": "uneven"},
        {"slot": "swelling", "expected": False, "got": None},
    ]
    assert check["extra"] == [{"slot": "shoes", "got": "new"}]


def test_problems_name_the_turn_where_a_conversation_goes_wrong():
    turns = [
        turn("both ankles ache", {"body_part": "ankle"}, requested="surface"),
        turn("trails", {"body_part": "ankle", "surface": "uneven"}, requested="swelling"),
        turn("sorry, I meant road", {"body_part": "ankle", "surface": "uneven"}, requested="swelling"),
        turn("dunno", {"body_part": "ankle", "surface": "uneven", "triage": "self_care"}, assessed=True),
    ]
    r = result("correction", turns, {"body_part": "ankle", "surface": "hard", "swelling": False}, "self_care")
    assert conversations.set_at(turns, "surface") == 2
    assert conversations.asked_at(turns, "swelling") == [3, 4]
    assert r["assessed_at"] == 4
    assert r["problems"] == [
        "surface: expected 'hard', got 'uneven' (set at turn 2 'trails')",
        "swelling: expected False, never filled (asked before turn 3 'sorry, I meant road')",
    ]


def test_summary_rates_of_conversations():
    finished = [turn("a", {"body_part": "foot"}), turn("b", {"body_part": "foot", "triage": "self_care"}, True)]
    stuck = [turn("c", {"body_part": None}, requested="body_part")]
    red_flag = [turn("d", {"body_part": "calf", "triage": "see_doctor"}, True)]
    results = [
        result("finished", finished, {"body_part": "foot"}, "self_care"),
        result("stuck", stuck, {"body_part": "ankle"}, "self_care"),
        result("under", red_flag, {"body_part": "calf"}, "emergency"),
    ]
    s = conversations.summarise(results)
    assert s["slot_values_right"] == pytest.approx(2 / 3)
    assert s["finished"] == pytest.approx(2 / 3)
    assert s["mean_turns_to_assessment"] == pytest.approx(1.5)  # after turn 2 and after turn 1
    assert s["triage_exact"] == pytest.approx(1 / 3)
    assert s["under_triage"] == pytest.approx(1 / 3)  # see_doctor for an emergency
    assert s["no_assessment"] == pytest.approx(1 / 3)  # stuck: no advice, not counted as under-triage
    assert s["emergencies_caught"] == 0.0
    assert "no assessment after 1 turns" in results[1]["problems"][-1]
    assert "triage expected emergency, got see_doctor" in results[2]["problems"][-1]


def figures(ours_intent=0.918, base_intent=0.93, ours_entity=0.933, base_entity=0.0, under=0.0):
    triage = {"cases": 76, "accuracy": 0.97, "emergency_sensitivity": 1.0, "under_triage": under, "over_triage": 0.03}
    return {
        "nlu": {
            "ours": {
                "held_out": {
                    "intents": {"macro_f1": ours_intent, "accuracy": 0.92, "examples": 339},
                    "entities": {"micro_f1": ours_entity, "precision": 0.9, "recall": 0.96, "per_entity": {}},
                    "confused_pairs": [],
                    "lowest_intents": [],
                },
                "cv": None,
            },
            "baseline": {
                "held_out": {
                    "intents": {"macro_f1": base_intent, "accuracy": 0.93, "examples": 339},
                    "entities": {"micro_f1": base_entity, "precision": 0.0, "recall": 0.0, "per_entity": {}},
                    "confused_pairs": [],
                    "lowest_intents": [],
                },
                "cv": None,
            },
        },
        "conversations": {},
        "triage": {"facts": triage, "text": dict(triage)},
    }


def test_targets_pass_or_miss_with_the_margin():
    targets = {t["target"]: t for t in report_table.check_targets(figures(under=0.013))}
    macro = targets["held-out intent macro-F1 >= 0.95"]
    assert macro["passed"] is False and report_table.verdict(macro) == "MISS by 0.032"
    assert targets["held-out intent macro-F1 >= Rasa default"]["passed"] is False
    assert targets["held-out entity F1 >= 0.92"]["passed"] is True
    assert targets["held-out entity F1 >= Rasa default"]["passed"] is True
    assert targets["vignette triage accuracy >= 95% (structured facts)"]["passed"] is True
    under = targets["no under-triage (runner's words)"]
    assert under["passed"] is False and report_table.verdict(under) == "MISS by 1.3%"


def test_a_missing_figure_is_not_judged():
    data = figures()
    data["nlu"]["baseline"]["held_out"] = None
    targets = {t["target"]: t for t in report_table.check_targets(data)}
    assert targets["held-out intent macro-F1 >= Rasa default"]["passed"] is None
    assert report_table.verdict(targets["held-out intent macro-F1 >= Rasa default"]) == "n/a"


def test_the_report_shows_both_pipelines_and_skipped_parts_as_na():
    data = figures()
    text = report_table.render(data, report_table.check_targets(data))
    header = next(line for line in text.splitlines() if line.startswith("| figure"))
    assert "ours" in header and "Rasa default" in header
    assert "| held-out intent macro-F1 | 0.918 | 0.930 |" in text
    assert "| 5-fold CV intent macro-F1 | n/a | n/a |" in text
    assert "MISS by 0.032" in text
    assert "Targets (8 of 10 met)" in text


def test_fingerprint_follows_the_contents(tmp_path):
    path = tmp_path / "config.yml"
    path.write_text("a")
    first = fingerprint([path], "folds=5")
    assert fingerprint([path], "folds=5") == first
    assert fingerprint([path], "folds=3") != first
    path.write_text("b")
    assert fingerprint([path], "folds=5") != first


def test_the_baseline_list_keeps_the_first_problem_of_each_conversation():
    results = [
        {"id": "c1", "problems": ["body_part: never filled", "shoes: never filled", "no assessment"]},
        {"id": "c2", "problems": []},
    ]
    assert report_table.problem_lines(results, brief=True) == ["- c1: body_part: never filled (+2 more)"]
    assert len(report_table.problem_lines(results)) == 3
