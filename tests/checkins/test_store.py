"""The check-in schedule in SQL: scheduled, due, claimed once, cancelled, forgotten."""

from datetime import timedelta
from pathlib import Path

import pytest

from checkins import timing
from checkins.store import CheckInStore, database_url, now


@pytest.fixture
def check_ins(tmp_path):
    return CheckInStore(f"sqlite:///{tmp_path / 'tracker.db'}")


def test_a_due_check_in_is_claimed_by_exactly_one_server(check_ins):
    check_ins.schedule("telegram:1", now() - timedelta(seconds=1), 1)
    due = check_ins.due()
    assert [c.sender_id for c in due] == ["telegram:1"]
    other_server = CheckInStore(check_ins.engine.url)
    assert check_ins.claim(due[0], "a") is True
    assert other_server.claim(due[0], "b") is False
    check_ins.done(due[0])
    assert check_ins.due() == []


def test_a_check_in_not_yet_due_waits(check_ins):
    check_ins.schedule("slack:1", now() + timedelta(hours=1), 1)
    assert check_ins.due() == [] and len(check_ins.waiting("slack:1")) == 1


def test_a_new_check_in_replaces_the_waiting_one(check_ins):
    check_ins.schedule("telegram:1", now() + timedelta(days=3), 1)
    check_ins.schedule("telegram:1", now() + timedelta(days=7), 2)
    assert [c.number for c in check_ins.waiting("telegram:1")] == [2]


def test_stop_cancels_and_forget_me_deletes(check_ins):
    check_ins.schedule("telegram:1", now() - timedelta(seconds=1), 1)
    assert check_ins.cancel("telegram:1") == 1 and check_ins.due() == []
    check_ins.schedule("telegram:2", now() - timedelta(seconds=1), 1)
    check_ins.request_forget("telegram:2")
    assert check_ins.due() == [] and check_ins.forget_requests() == ["telegram:2"]
    check_ins.forgotten("telegram:2")
    assert check_ins.forget_requests() == []


def test_a_claim_whose_server_died_is_claimed_again_later(check_ins, monkeypatch):
    check_ins.schedule("telegram:1", now() - timedelta(seconds=1), 1)
    due = check_ins.due()[0]
    assert check_ins.claim(due, "dead")
    assert check_ins.due() == []  # claimed, not stale yet
    monkeypatch.setattr("checkins.store.STALE_CLAIM_SECONDS", -1)
    assert [c.id for c in check_ins.due()] == [due.id] and check_ins.claim(due, "alive")


def test_the_database_is_the_tracker_stores(tmp_path, monkeypatch):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: /tmp/x/tracker.db\n")
    monkeypatch.delenv("CHECK_IN_DB_URL", raising=False)
    assert database_url(endpoints) == "sqlite:////tmp/x/tracker.db"
    endpoints.write_text("tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: tracker.db\n")
    assert database_url(endpoints) == "sqlite:///" + str(Path(__file__).resolve().parents[2] / "tracker.db")


def test_check_in_delay_seconds_replaces_every_delay(monkeypatch):
    monkeypatch.delenv("CHECK_IN_DELAY_SECONDS", raising=False)
    assert timing.delay(1) == timedelta(days=3) and timing.delay(2) == timedelta(days=7)
    monkeypatch.setenv("CHECK_IN_DELAY_SECONDS", "2")
    assert timing.delay(1) == timing.delay(5) == timedelta(seconds=2)
    monkeypatch.setenv("CHECK_IN_DELAY_SECONDS", "soon")
    with pytest.raises(ValueError, match="CHECK_IN_DELAY_SECONDS"):
        timing.delay(1)
