"""The return-to-running coach: the dated plan, the pain rule at check-ins, stop and forget me."""

import asyncio
from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import coach
from checkins.store import CheckInStore


@pytest.fixture
def check_ins(tmp_path, monkeypatch):
    store = CheckInStore(f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setattr(coach, "store", lambda: store)
    return store


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, dispatcher.messages


def test_the_plan_is_dated_from_today_and_longer_for_a_sprain():
    monday = date(2026, 12, 7)
    steps = coach.plan_steps(0, ["overload"], 20.0, monday)
    assert [s.title for s in steps] == ["Relative rest", "Walk-run", "Easy running", "Build up"]
    assert (steps[0].start, steps[0].end) == (monday, date(2026, 12, 9))  # about three days
    assert "10 km" in steps[2].text  # half the usual 20 km
    sprain = coach.plan_steps(0, ["sprain"], 20.0, monday)
    assert sprain[0].end == date(2026, 12, 13)  # a week for a sprain
    assert all(a.end < b.start for a, b in zip(steps, steps[1:]))


def test_the_plan_without_a_usual_distance_says_so():
    steps = coach.plan_steps(2, [], None, date(2026, 12, 7))
    assert "half your usual weekly distance" in steps[0].text and "{km}" not in steps[1].text


def test_no_loading_exercises_while_a_tear_is_possible():
    facts = {"body_part": "achilles", "tiptoe": True, "symptoms": []}
    assert "heel raises" in coach.exercises_message(["achilles"], facts).lower()
    torn = {"body_part": "achilles", "tiptoe": None, "symptoms": ["pop_heard"]}
    assert coach.exercises_message(["achilles"], torn) is None


@pytest.mark.parametrize(
    "stage, pain, pattern, expected",
    [
        (1, 2, "none", 2),  # settled: move on
        (1, 1, "during_mild", 2),
        (2, 4, "during_mild", 2),  # not quite: hold
        (2, 2, "after", 1),  # hurt after or next morning: step back
        (2, 6, "none", 1),  # worse today: step back
        (0, 0, "no_run", 1),  # rested and no pain: start walk-run
        (1, 3, "no_run", 1),
        (3, 1, "none", 4),  # past the last stage: done
    ],
)
def test_the_pain_rule_moves_on_holds_or_steps_back(stage, pain, pattern, expected):
    assert coach.next_stage(stage, pain, pattern, last=3) == expected


def test_no_improvement_in_two_weeks():
    assert coach.not_improving([4, 4], "2026-12-01", date(2026, 12, 16))
    assert not coach.not_improving([4, 2], "2026-12-01", date(2026, 12, 16))
    assert not coach.not_improving([4, 4], "2026-12-01", date(2026, 12, 8))


@pytest.mark.parametrize(
    "text, pain", [("3", 3), ("about a 2/10", 2), ("10 out of 10!!", 10), ("no pain at all", 0), ("dunno", None)]
)
def test_pain_today(text, pain):
    assert coach.pain_from(text) == pain


@pytest.mark.parametrize(
    "text, pattern",
    [
        ("it didn't hurt", "none"),
        ("a bit during the run", "during_mild"),
        ("sore the next morning", "after"),
        ("haven't run yet", "no_run"),
        ("no", "none"),
    ],
)
def test_when_it_hurt(text, pattern):
    assert coach.pattern_from(text) == pattern


def test_opting_in_schedules_a_check_in_where_the_assistant_can_reach_the_runner(tracker_factory, check_ins):
    tracker = tracker_factory(slots={"plan_stage": 0}, events=[{"event": "user", "input_channel": "telegram"}])
    tracker.sender_id = "telegram:42"
    slots, messages = run(coach.ActionOptInCheckIns(), tracker)
    assert slots["check_ins"] is True and [c.number for c in check_ins.waiting("telegram:42")] == [1]
    rest = tracker_factory(slots={"plan_stage": 0}, events=[{"event": "user", "input_channel": "rest"}])
    rest.sender_id = "rest-1"
    slots, messages = run(coach.ActionOptInCheckIns(), rest)
    assert check_ins.waiting("rest-1") == [] and "can't start a message" in messages[0]["text"]


def test_a_check_in_moves_the_plan_on_and_schedules_the_next(tracker_factory, check_ins):
    tracker = tracker_factory(
        slots={
            "triage": "self_care",
            "plan_stage": 1,
            "plan_started": "2026-12-01",
            "check_in_pain": 1,
            "check_in_pattern": "none",
            "check_in_number": 1,
            "check_ins": True,
            "weekly_km": 20.0,
        }
    )
    tracker.sender_id = "telegram:7"
    slots, messages = run(coach.ActionCheckInResult(), tracker)
    assert slots["plan_stage"] == 2 and messages[0]["text"].startswith(coach.plan_knowledge()["move_on"])
    assert [c.number for c in check_ins.waiting("telegram:7")] == [2]


def test_a_red_flag_at_a_check_in_ends_the_check_ins(tracker_factory, check_ins):
    check_ins.schedule("telegram:8", coach.now(), 2)
    tracker = tracker_factory(slots={"triage": "emergency", "plan_stage": 2, "check_ins": True})
    tracker.sender_id = "telegram:8"
    slots, messages = run(coach.ActionCheckInResult(), tracker)
    assert slots["check_ins"] is False and check_ins.waiting("telegram:8") == []
    assert messages[0]["text"] == coach.plan_knowledge()["flag_at_check_in"]


def test_stop_and_forget_me(tracker_factory, check_ins):
    check_ins.schedule("slack:9", coach.now(), 1)
    tracker = tracker_factory(slots={"check_ins": True})
    tracker.sender_id = "slack:9"
    _, messages = run(coach.ActionStopCheckIns(), tracker)
    assert check_ins.waiting("slack:9") == [] and messages[0]["text"] == "OK, no more check-ins."
    _, messages = run(coach.ActionForgetMe(), tracker)
    assert check_ins.forget_requests() == ["slack:9"]


def test_no_plan_unless_self_care(tracker_factory):
    _, messages = run(coach.ActionShowPlan(), tracker_factory(slots={"triage": "see_doctor"}))
    assert messages[0]["text"] == coach.plan_knowledge()["no_plan"]


def test_the_check_in_questions_agree_with_the_domain():
    import yaml

    domain = yaml.safe_load(open(coach.PLAN_FILE.parent.parent / "domain.yml"))
    assert domain["forms"]["check_in_form"]["required_slots"] == list(coach.CHECK_IN_QUESTIONS)


def test_the_check_in_form_reads_a_pain_score_then_when_it_hurt(tracker_factory):
    form = coach.ValidateCheckInForm()
    listen = [{"event": "action", "name": "action_listen"}, {"event": "action", "name": "check_in_form"}]
    tracker = tracker_factory(slots={"requested_slot": "check_in_pain"}, text="maybe a 2", events=listen)
    slots, _ = run(form, tracker)
    assert slots["check_in_pain"] == 2 and slots["requested_slot"] == "check_in_pattern"
    tracker = tracker_factory(
        slots={"requested_slot": "check_in_pattern", "check_in_pain": 2},
        text="bit sore the morning after",
        events=listen,
    )
    slots, _ = run(form, tracker)
    assert slots["check_in_pattern"] == "after" and slots["requested_slot"] is None


@pytest.mark.parametrize(
    "text, pain",
    [
        ("was about a 5 last week, today I'd say 2", 2),
        ("3-4", 4),
        ("two, maybe", 2),
        ("4. went up at the weekend", 4),
        ("ran 8k and it's a 1 now", 1),
    ],
)
def test_todays_pain_among_other_numbers(text, pain):
    assert coach.pain_from(text) == pain


@pytest.mark.parametrize(
    "text, pattern",
    [
        ("a bit during, nothing after", "during_mild"),
        ("fine during, sore the next morning", "after"),
        ("Morning after 😩", "after"),
        ("nope", "none"),
        ("skipped my runs this week, too busy", "no_run"),
        ("it hurt", None),
    ],
)
def test_when_it_hurt_told_in_parts(text, pattern):
    assert coach.pattern_from(text) == pattern
