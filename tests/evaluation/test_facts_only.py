"""The facts-only regression check: its comparison flags a broken reading and exits non-zero."""

from evaluation.facts_only import compare, main, rounds, summary


def _run(first_wrong, level):
    return {
        "first_messages": {"round9/0": {"text": "left ankle", "wrong": first_wrong, "values": 2}},
        "safety_messages": {"round9/0": {"text": "can't weight bear", "expected": "emergency", "level": level}},
    }


def test_a_lowered_level_and_a_lost_value_are_broken_and_listed_first():
    lines = compare(_run({}, "emergency"), _run({"pain_side": None}, "see_doctor"))
    assert len(lines) == 2
    assert all(line.startswith("BROKEN") for line in lines)


def test_a_fix_is_not_a_break():
    lines = compare(_run({"pain_side": None}, "self_care"), _run({}, "emergency"))
    assert [line.split()[0] for line in lines] == ["fixed", "fixed"]


def test_summary_counts_under_triage():
    figures = summary(_run({"pain_side": None}, "see_doctor"))
    assert figures["first_message_values_right"] == 1
    assert figures["safety_under_triaged"] == 1
    assert figures["safety_exact"] == 0


def test_compare_exits_non_zero_on_a_break(tmp_path, capsys):
    import json

    before, after = tmp_path / "a.json", tmp_path / "b.json"
    before.write_text(json.dumps(_run({}, "emergency")))
    after.write_text(json.dumps(_run({}, "self_care")))
    assert main(["--compare", str(before), str(after)]) == 1
    assert main(["--compare", str(before), str(before)]) == 0
    assert "no reading changed" in capsys.readouterr().out


def test_every_round_folder_is_read_in_order():
    names = [p.name for p in rounds()]
    assert names[0] == "outsider" and names[1] == "round2"
    numbers = [int(n[5:]) for n in names[1:]]
    assert numbers == sorted(numbers)
