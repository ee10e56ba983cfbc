"""Rasa's SQL tracker store, without reloading a conversation it has just saved.

endpoints.yml and endpoints.production.yml use it as
    tracker_store:
      type: deploy.tracker_store.CachingSQLTrackerStore
      dialect: sqlite        # or postgresql; every option of Rasa's `type: SQL`
      cache_size: 200        # conversations kept in memory (default 200; 0 turns it off)

Why: on every message Rasa 3.6 loads the conversation's events from the
database, decodes each one and replays them all to rebuild the tracker. The
cost grows with the conversation: in a 200-turn conversation (about 1,400
events) it was 30% of the Rasa server's time (``python -m benchmarks.profile``).

What it does: after saving a conversation, it keeps that tracker object with
the number of events it had and the highest event id the database then held
for the conversation. The next ``retrieve`` asks the database only for that
highest id (one indexed query). The kept tracker is returned when both still
match, i.e. no event was added since, neither by another Rasa server sharing
the database nor to the kept object after the save (for instance by a message
that failed before it was saved). Otherwise the tracker is loaded from the
database exactly as Rasa does. The database stays the single source of
truth: a restarted server, or a second server, reads it as before.

With SQLite, the database file is put in write-ahead-log mode with
``synchronous=NORMAL`` (SQLite's recommended pairing): a save no longer waits
for two disk flushes, and a crash of the server (even SIGKILL) still loses no
committed message; only a power cut can lose the last moments.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_CACHE_SIZE = 200


@dataclass
class _Kept:
    tracker: DialogueStateTracker
    events: int
    last_event_id: Optional[int]


def _sqlite_write_ahead_log(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class CachingSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` that keeps the most recently saved conversations in memory."""

    def __init__(self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_write_ahead_log)
            self.engine.dispose()  # connections opened so far reconnect with the settings
        self.cache_size = max(0, int(cache_size))
        self._kept: "OrderedDict[Text, _Kept]" = OrderedDict()
        self.hits = 0
        self.misses = 0

    def _last_event_id(self, sender_id: Text) -> Optional[int]:
        with self.session_scope() as session:
            return session.query(sa.func.max(self.SQLEvent.id)).filter(self.SQLEvent.sender_id == sender_id).scalar()

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The conversation's latest session: the kept tracker when still current."""
        kept = self._kept.get(sender_id)
        if kept is not None:
            if len(kept.tracker.events) == kept.events and self._last_event_id(sender_id) == kept.last_event_id:
                self._kept.move_to_end(sender_id)
                self.hits += 1
                return kept.tracker
            del self._kept[sender_id]
        self.misses += 1
        return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the new events as Rasa does, then keep the tracker."""
        self._kept.pop(tracker.sender_id, None)  # stale while the save is under way
        await super().save(tracker)
        if self.cache_size == 0:
            return
        with self.session_scope() as session:
            stored, last_event_id = (
                self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False)
                .order_by(None)
                .with_entities(sa.func.count(self.SQLEvent.id), sa.func.max(self.SQLEvent.id))
                .one()
            )
        if stored != len(tracker.events):
            # The object also holds events a fresh load would not return (those of
            # an earlier session, after a new one started): load it next time.
            return
        self._kept[tracker.sender_id] = _Kept(tracker, stored, last_event_id)
        while len(self._kept) > self.cache_size:
            self._kept.popitem(last=False)

    def forget(self, sender_id: Text) -> int:
        """Delete every event of the conversation ("forget me"); how many there were."""
        self._kept.pop(sender_id, None)
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
        return int(deleted)
