"""CachingSQLTrackerStore returns what Rasa's SQLTrackerStore would, with fewer loads."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import List

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from deploy.tracker_store import CachingSQLTrackerStore

DOMAIN = Domain.load("domain.yml")


def turn(text: str, slot_value: str) -> List[Event]:
    return [
        UserUttered(text, {"name": "inform", "confidence": 1.0}),
        SlotSet("surface", slot_value),
        ActionExecuted("action_listen"),
    ]


def stores(path: Path, count: int = 2) -> List[CachingSQLTrackerStore]:
    """``count`` stores on one SQLite file, as separate Rasa servers would have."""
    return [CachingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(path)) for _ in range(count)]


async def started(store: CachingSQLTrackerStore, sender: str, text: str, surface: str) -> DialogueStateTracker:
    """A new conversation with one turn, saved."""
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    tracker.update_with_events(turn(text, surface), DOMAIN)
    await store.save(tracker)
    return tracker


def event_texts(tracker: DialogueStateTracker) -> List[str]:
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]


def test_a_saved_conversation_is_not_loaded_again(tmp_path: Path) -> None:
    (store,) = stores(tmp_path / "t.db", 1)

    async def scenario() -> None:
        tracker = await started(store, "runner", "I run on grass", "grass")
        assert await store.retrieve("runner") is tracker
        assert (store.hits, store.misses) == (1, 0)

    asyncio.run(scenario())


def test_events_another_server_added_are_seen(tmp_path: Path) -> None:
    first, second = stores(tmp_path / "t.db")

    async def scenario() -> None:
        await started(first, "runner", "I run on grass", "grass")
        elsewhere = await second.retrieve("runner")
        elsewhere.update_with_events(turn("actually on concrete", "concrete"), DOMAIN)
        await second.save(elsewhere)
        again = await first.retrieve("runner")
        assert event_texts(again) == ["I run on grass", "actually on concrete"]
        assert again.get_slot("surface") == "concrete"

    asyncio.run(scenario())


def test_events_added_but_never_saved_are_not_returned(tmp_path: Path) -> None:
    (store,) = stores(tmp_path / "t.db", 1)

    async def scenario() -> None:
        tracker = await started(store, "runner", "I run on grass", "grass")
        tracker.update_with_events(turn("a message that failed", "sand"), DOMAIN)  # no save
        again = await store.retrieve("runner")
        assert again is not tracker
        assert event_texts(again) == ["I run on grass"] and again.get_slot("surface") == "grass"

    asyncio.run(scenario())


@pytest.mark.parametrize("store_class", [SQLTrackerStore, CachingSQLTrackerStore])
def test_a_new_session_is_stored_once_and_loaded_alone(tmp_path: Path, store_class: type) -> None:
    """As Rasa does it: the old session's tracker gets the new session's events."""
    store = store_class(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))

    async def scenario() -> None:
        tracker = await started(store, "runner", "first session", "grass")
        tracker = await store.retrieve("runner")
        tracker.update_with_events(
            [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")], DOMAIN
        )
        await store.save(tracker)
        tracker = await store.retrieve("runner")
        tracker.update_with_events(turn("second session", "track"), DOMAIN)
        await store.save(tracker)
        latest = await store.retrieve("runner")
        everything = await store.retrieve_full_tracker("runner")
        assert event_texts(latest) == ["second session"]
        assert event_texts(everything) == ["first session", "second session"]
        assert len(everything.events) == 3 + 3 + 3

    asyncio.run(scenario())


def test_the_cache_is_bounded(tmp_path: Path) -> None:
    store = CachingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"), cache_size=2)

    async def scenario() -> None:
        for name in ("a", "b", "c"):
            tracker = DialogueStateTracker(name, DOMAIN.slots)
            tracker.update_with_events(turn(f"hello from {name}", "grass"), DOMAIN)
            await store.save(tracker)
        assert [t.sender_id for t in [await store.retrieve(n) for n in "abc"]] == ["a", "b", "c"]
        assert (store.hits, store.misses) == (2, 1)

    asyncio.run(scenario())


def test_sqlite_is_in_write_ahead_log_mode(tmp_path: Path) -> None:
    import sqlite3

    (store,) = stores(tmp_path / "t.db", 1)

    async def scenario() -> None:
        await started(store, "runner", "I run on grass", "grass")

    asyncio.run(scenario())
    with sqlite3.connect(tmp_path / "t.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
