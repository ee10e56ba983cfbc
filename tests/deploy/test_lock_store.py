"""deploy/lock_store.py: AtomicRedisLockStore on an in-process Redis (fakeredis).

Each change to a conversation's lock is one WATCH/MULTI/EXEC transaction; a
change made by another server in between makes it read the lock again. The
end-to-end test (tests/e2e/test_scale_out.py) runs the same class on a real
Redis under load; here each step is checked on its own, deterministically.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from typing import Any, Dict, List, Optional

import fakeredis
import pytest
import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from deploy.lock_store import KEY_MARGIN_SECONDS, AtomicRedisLockStore

CONVERSATION = "runner-1"
KEY = "lock:" + CONVERSATION


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> fakeredis.FakeServer:
    """One Redis server; every store made in the test connects to it (as several Rasa servers would)."""
    shared = fakeredis.FakeServer()
    connections: List[Dict[str, Any]] = []

    def connect(**kwargs: Any) -> fakeredis.FakeStrictRedis:
        connections.append(kwargs)
        return fakeredis.FakeStrictRedis(server=shared, db=kwargs.get("db", 0))

    monkeypatch.setattr(redis, "StrictRedis", connect)
    shared.connections = connections  # type: ignore[attr-defined]
    return shared


@pytest.fixture
def red(server: fakeredis.FakeServer) -> fakeredis.FakeStrictRedis:
    """A client to look at the lock store's database (db 1, Rasa's default)."""
    return fakeredis.FakeStrictRedis(server=server, db=1)


def stored(red: fakeredis.FakeStrictRedis, key: str = KEY) -> Optional[TicketLock]:
    raw = red.get(key)
    return TicketLock.from_dict(json.loads(raw)) if raw else None


def numbers(lock: Optional[TicketLock]) -> List[int]:
    return [ticket.number for ticket in lock.tickets] if lock else []


# --- set-up ----------------------------------------------------------------------------------


def test_built_from_endpoints_yml_it_connects_where_it_is_told(server):
    config = EndpointConfig(url="redis.internal", port=6380, db=3, password="pw", key_prefix="rasa1")
    store = AtomicRedisLockStore(config)
    assert server.connections[-1]["host"] == "redis.internal"
    assert (server.connections[-1]["port"], server.connections[-1]["db"]) == (6380, 3)
    assert server.connections[-1]["password"] == "pw"
    assert store.key_prefix == "rasa1:lock:"
    AtomicRedisLockStore(EndpointConfig())
    assert server.connections[-1]["host"] == "localhost"


def test_it_is_a_rasa_redis_lock_store(server):
    assert isinstance(AtomicRedisLockStore(), RedisLockStore)


# --- acquiring -------------------------------------------------------------------------------


def test_the_first_ticket_is_0_and_the_lock_is_stored_with_an_expiry(red):
    store = AtomicRedisLockStore()
    started = time.time()
    assert store.issue_ticket(CONVERSATION) == 0
    lock = stored(red)
    assert lock is not None and lock.conversation_id == CONVERSATION and numbers(lock) == [0]
    assert started + LOCK_LIFETIME <= lock.tickets[0].expires <= time.time() + LOCK_LIFETIME
    assert red.ttl(KEY) == LOCK_LIFETIME + KEY_MARGIN_SECONDS  # a killed server cannot leave it for ever


def test_tickets_are_numbered_in_order_across_servers(red):
    first, second = AtomicRedisLockStore(), AtomicRedisLockStore()
    assert [first.issue_ticket(CONVERSATION), second.issue_ticket(CONVERSATION), first.issue_ticket(CONVERSATION)] == [
        0,
        1,
        2,
    ]
    assert numbers(stored(red)) == [0, 1, 2]
    assert second.get_lock(CONVERSATION).now_serving == 0


def test_conversations_have_their_own_locks(red):
    store = AtomicRedisLockStore()
    assert store.issue_ticket("a") == 0
    assert store.issue_ticket("b") == 0
    assert sorted(red.keys("lock:*")) == [b"lock:a", b"lock:b"]


def test_the_key_prefix_is_used(red):
    store = AtomicRedisLockStore(key_prefix="blue")
    store.issue_ticket(CONVERSATION)
    assert red.keys("*") == [b"blue:lock:" + CONVERSATION.encode()]


def test_the_key_lives_as_long_as_the_latest_ticket_plus_the_margin(red):
    store = AtomicRedisLockStore()
    store.issue_ticket(CONVERSATION, lock_lifetime=5)
    assert red.ttl(KEY) == 5 + KEY_MARGIN_SECONDS
    store.issue_ticket(CONVERSATION, lock_lifetime=100)
    assert red.ttl(KEY) == 100 + KEY_MARGIN_SECONDS
    store.issue_ticket(CONVERSATION, lock_lifetime=1)  # a shorter ticket later does not cut the others short
    assert red.ttl(KEY) == 100 + KEY_MARGIN_SECONDS


def test_key_seconds_rounds_up_and_is_never_under_the_margin_plus_one():
    lock = TicketLock(CONVERSATION)
    assert AtomicRedisLockStore._key_seconds(lock) == 1 + KEY_MARGIN_SECONDS  # no ticket
    lock.issue_ticket(10.2)
    assert AtomicRedisLockStore._key_seconds(lock) == math.ceil(10.2) + KEY_MARGIN_SECONDS
    expired = TicketLock.from_dict({"conversation_id": "x", "tickets": [json.dumps({"number": 0, "expires": 0})]})
    assert AtomicRedisLockStore._key_seconds(expired) == 1 + KEY_MARGIN_SECONDS


# --- contention: a change by another server between WATCH and EXEC ----------------------------


def interfere_once(monkeypatch: pytest.MonkeyPatch, other: RedisLockStore) -> List[int]:
    """The first time a ticket is issued in Python, another server issues one in Redis first
    (after this server read the lock, before it writes it back). Returns the other's tickets."""
    original = TicketLock.issue_ticket
    others: List[int] = []

    def issue_ticket(self: TicketLock, lifetime: float) -> int:
        if not others:
            others.append(-1)
            others[0] = other.issue_ticket(CONVERSATION)
        return original(self, lifetime)

    monkeypatch.setattr(TicketLock, "issue_ticket", issue_ticket)
    return others


def test_a_ticket_issued_meanwhile_by_another_server_makes_it_read_again(red, monkeypatch):
    mine, other = AtomicRedisLockStore(), AtomicRedisLockStore()
    others = interfere_once(monkeypatch, other)
    assert mine.issue_ticket(CONVERSATION) == 1  # read again after the other's write: no second ticket 0
    assert others == [0]
    assert numbers(stored(red)) == [0, 1]


def test_rasas_own_redis_lock_store_loses_that_race(red, monkeypatch):
    """Why the class exists: the same interleaving with RedisLockStore gives both servers ticket 0."""
    mine, other = RedisLockStore(), AtomicRedisLockStore()
    others = interfere_once(monkeypatch, other)
    assert mine.issue_ticket(CONVERSATION) == 0
    assert others == [0]
    assert numbers(stored(red)) == [0]  # the other's ticket was overwritten


def test_each_change_is_retried_until_it_applies_on_what_is_stored(red):
    store = AtomicRedisLockStore()
    writer = fakeredis.FakeStrictRedis(server=red.connection_pool.connection_kwargs["server"], db=1)
    seen: List[Optional[str]] = []

    def change(lock: Optional[TicketLock]):
        seen.append(None if lock is None else lock.conversation_id)
        if len(seen) < 3:  # another server writes between this read and this write, twice
            writer.set(KEY, TicketLock(f"other-{len(seen)}").dumps())
        return len(seen), TicketLock(CONVERSATION)

    assert store._atomically(CONVERSATION, change) == 3
    assert seen == [None, "other-1", "other-2"]
    assert stored(red).conversation_id == CONVERSATION


def test_an_error_inside_a_change_is_a_lock_error_and_writes_nothing(red, monkeypatch):
    store = AtomicRedisLockStore()

    def broken(self: TicketLock, lifetime: float) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(TicketLock, "issue_ticket", broken)
    with pytest.raises(LockError, match="Error while acquiring lock. Error:\nboom"):
        store.issue_ticket(CONVERSATION)
    assert red.get(KEY) is None


def test_simultaneous_tickets_from_two_servers_are_all_different(red):
    """12 threads, alternately on two stores, all asking at once."""
    stores = [AtomicRedisLockStore(), AtomicRedisLockStore()]
    barrier = threading.Barrier(12)
    tickets: List[int] = []

    def worker(number: int) -> None:
        barrier.wait()
        tickets.append(stores[number % 2].issue_ticket(CONVERSATION))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(tickets) == list(range(12))
    assert numbers(stored(red)) == list(range(12))


# --- release ---------------------------------------------------------------------------------


def test_finishing_the_only_ticket_deletes_the_lock(red):
    store = AtomicRedisLockStore()
    ticket = store.issue_ticket(CONVERSATION)
    store.cleanup(CONVERSATION, ticket)
    assert red.get(KEY) is None


def test_finishing_a_ticket_while_another_waits_keeps_the_lock_for_it(red):
    first, second = AtomicRedisLockStore(), AtomicRedisLockStore()
    mine, theirs = first.issue_ticket(CONVERSATION), second.issue_ticket(CONVERSATION)
    assert second.get_lock(CONVERSATION).is_locked(theirs)
    first.finish_serving(CONVERSATION, mine)
    lock = stored(red)
    assert numbers(lock) == [theirs] and not lock.is_locked(theirs)
    assert red.ttl(KEY) > KEY_MARGIN_SECONDS
    second.cleanup(CONVERSATION, theirs)
    assert red.get(KEY) is None


def test_finishing_a_later_ticket_first_leaves_the_earlier_one_served(red):
    store = AtomicRedisLockStore()
    tickets = [store.issue_ticket(CONVERSATION) for _ in range(3)]
    store.cleanup(CONVERSATION, tickets[1])
    assert numbers(stored(red)) == [0, 2]
    assert store.get_lock(CONVERSATION).now_serving == 0


def test_finishing_without_a_lock_or_twice_changes_nothing(red):
    store = AtomicRedisLockStore()
    store.cleanup(CONVERSATION, 0)  # nothing there: no error, nothing written
    assert red.keys("*") == []
    ticket = store.issue_ticket(CONVERSATION)
    store.cleanup(CONVERSATION, ticket)
    store.cleanup(CONVERSATION, ticket)
    assert red.keys("*") == []


# --- expiry ----------------------------------------------------------------------------------


def test_expired_tickets_are_dropped_and_numbering_starts_again(red):
    store = AtomicRedisLockStore()
    assert store.issue_ticket(CONVERSATION, lock_lifetime=0.05) == 0
    assert store.issue_ticket(CONVERSATION, lock_lifetime=0.05) == 1
    time.sleep(0.1)
    assert store.issue_ticket(CONVERSATION) == 0  # Rasa's TicketLock: a lock of expired tickets is a new lock
    assert numbers(stored(red)) == [0]


def test_updating_a_lock_drops_expired_tickets_and_deletes_it_when_none_is_left(red):
    store = AtomicRedisLockStore()
    store.issue_ticket(CONVERSATION, lock_lifetime=0.05)
    store.issue_ticket(CONVERSATION, lock_lifetime=60)
    time.sleep(0.1)
    store.update_lock(CONVERSATION)
    assert numbers(stored(red)) == [1]
    store.cleanup(CONVERSATION, 1)
    store.issue_ticket(CONVERSATION, lock_lifetime=0.05)
    time.sleep(0.1)
    store.update_lock(CONVERSATION)
    assert red.get(KEY) is None
    store.update_lock("nobody")  # no lock: nothing written
    assert red.keys("*") == []


def test_a_holder_whose_ticket_expired_no_longer_blocks_the_next(red):
    crashed, alive = AtomicRedisLockStore(), AtomicRedisLockStore()
    crashed.issue_ticket(CONVERSATION, lock_lifetime=0.05)  # a server killed mid-message: never finishes
    ticket = alive.issue_ticket(CONVERSATION)
    assert alive.get_lock(CONVERSATION).is_locked(ticket)
    time.sleep(0.1)
    alive.update_lock(CONVERSATION)
    assert not alive.get_lock(CONVERSATION).is_locked(ticket)


# --- the lock as Rasa uses it: ``async with store.lock(conversation)`` ----------------------


def test_one_holder_at_a_time_and_in_ticket_order(red):
    stores = [AtomicRedisLockStore(), AtomicRedisLockStore()]
    order: List[int] = []
    state = {"inside": 0, "most_inside": 0}

    async def holder(number: int) -> None:
        async with stores[number % 2].lock(CONVERSATION, wait_time_in_seconds=0.01):
            state["inside"] += 1
            state["most_inside"] = max(state["most_inside"], state["inside"])
            order.append(number)
            await asyncio.sleep(0.02)
            state["inside"] -= 1

    async def scenario() -> None:
        await asyncio.gather(*(holder(n) for n in range(6)))

    asyncio.run(scenario())
    assert state["most_inside"] == 1
    assert order == list(range(6))  # tickets are issued in the order gather starts them
    assert red.keys("*") == []


def test_the_lock_is_gone_after_the_last_holder(red):
    store = AtomicRedisLockStore()

    async def scenario() -> None:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.01) as lock:
            assert numbers(lock) == [0]
            assert numbers(stored(red)) == [0]

    asyncio.run(scenario())
    assert red.keys("*") == []


def test_a_holder_that_fails_still_lets_the_next_in(red):
    store = AtomicRedisLockStore()

    async def failing() -> None:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.01):
            await asyncio.sleep(0.02)
            raise ValueError("the message could not be handled")

    async def next_one() -> str:
        await asyncio.sleep(0)
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.01):
            return "served"

    async def scenario() -> List[Any]:
        return await asyncio.gather(failing(), next_one(), return_exceptions=True)

    failed, served = asyncio.run(scenario())
    assert isinstance(failed, ValueError) and served == "served"
    assert red.keys("*") == []


def test_a_waiter_whose_lock_vanished_gets_a_lock_error(red):
    """Rasa's rule, kept: if the lock disappears while waiting (deleted, or its key expired), the waiter fails."""
    store = AtomicRedisLockStore()
    store.issue_ticket(CONVERSATION)  # someone else holds it
    waiting = store.issue_ticket(CONVERSATION)
    red.delete(KEY)

    async def scenario() -> None:
        await store._acquire_lock(CONVERSATION, waiting, wait_time_in_seconds=0.01)

    with pytest.raises(LockError, match="Could not acquire lock for conversation_id 'runner-1'"):
        asyncio.run(scenario())
