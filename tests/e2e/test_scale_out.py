"""Two Rasa servers share one conversation store: endpoints.production.yml.

A throwaway PostgreSQL (tracker store) and redis-server (lock store) on random
ports, one action server and TWO Rasa servers started with
endpoints.production.yml and the environment variables it reads. A load
balancer may send any message of a conversation to either server; these tests
send them alternately, and at the same moment, and check the conversation
comes out whole: every message once, in order, each followed by its answer,
the same tracker from both servers.

Needs Debian's postgresql, redis-server and nginx-light, which `make provision`
(scripts/provision, as root) installs; the tests fail, saying so, when they are missing.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import pytest

from harness.servers import MODEL, PROJECT_ROOT, Servers
from tests.e2e.engines import Postgres, Redis, missing_engines

pytestmark = pytest.mark.e2e

PRODUCTION_ENDPOINTS = PROJECT_ROOT / "endpoints.production.yml"
LOCK_PREFIX = "ankle:lock:"  # key_prefix in endpoints.production.yml + Rasa's "lock:"

# The full assessment (the benchmark's long conversation holds the same one), sent alternately to the two servers.
from harness.scripts import ASSESSMENT  # noqa: E402

# Twenty different messages, sent in pairs (one to each server at the same moment).
PAIRS = [
    ("no, it came on gradually", "no swelling at all"),
    ("my shoes are worn out", "mostly on trails"),
    ("yes I always warm up", "I never stretch"),
    ("about 25 km a week", "same as usual"),
    ("why do you ask about shoes?", "should I stretch before running?"),
    ("can I keep running?", "how long should I rest?"),
    ("should I ice it?", "what shoes should I buy?"),
    ("is it serious?", "thanks"),
    ("do I need an x-ray?", "what about compression socks?"),
    ("can I run on a treadmill instead?", "ok thank you"),
]


@dataclass
class ProductionServers(Servers):
    """Servers started with endpoints.production.yml instead of a SQLite file."""

    def endpoints_file(self) -> Path:
        return PRODUCTION_ENDPOINTS


@dataclass
class Cluster:
    postgres: Postgres
    redis: Redis
    rasa: List[ProductionServers]
    figures: Dict[str, object]

    def events_in_db(self, sender: str) -> List[tuple]:
        return self.postgres.query(
            "SELECT id, type_name, timestamp, data FROM events WHERE sender_id = %s ORDER BY id", sender
        )

    def lock_keys(self) -> List[bytes]:
        return self.redis.client().keys(LOCK_PREFIX + "*")


def ensure_engines() -> None:
    """Fail (never skip, never install) when the host packages are missing: installing them is `make provision`'s job."""
    missing = missing_engines()
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} not installed: run `make provision` (as root) first "
            "(it installs Debian's postgresql and redis-server)"
        )


@pytest.fixture(scope="module")
def engines():
    """A throwaway PostgreSQL and redis-server, removed afterwards."""
    ensure_engines()
    postgres, redis = Postgres(), Redis()
    try:
        postgres.start()
        redis.start()
        yield postgres, redis
    finally:
        redis.stop()
        postgres.stop()


@pytest.fixture(scope="module")
def cluster(engines, tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("no trained model: run `make setup` (scripts/setup) first")
    postgres, redis = engines
    started = time.monotonic()
    first = ProductionServers(tmp_path_factory.mktemp("rasa-a"), extra_args=["--enable-api"])
    first.env = {**postgres.env(), **redis.env(), "ACTION_SERVER_URL": f"http://127.0.0.1:{first.action_port}/webhook"}
    second = ProductionServers(
        tmp_path_factory.mktemp("rasa-b"),
        extra_args=["--enable-api"],
        action_port=first.action_port,
        env=dict(first.env),
        api_token=first.api_token,
    )
    try:
        # Everything at once (Rasa needs the action server only for messages);
        # both Rasa servers against the empty database, as a scaled-out
        # deployment starts: both try to create the events table.
        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(lambda start: start(), (first.start_actions, first.start_rasa, second.start_rasa)))
        figures: Dict[str, object] = {"startup_seconds": round(time.monotonic() - started, 1)}
        yield Cluster(postgres, redis, [first, second], figures)
        logs = [(s.workdir / "rasa.log").read_text() for s in (first, second)]
        figures["rasa_log_errors"] = [sum(line.count("ERROR") for line in log.splitlines()) for log in logs]
        figures["could_not_create_tables"] = [log.count("Could not create tables") for log in logs]
        figures["lock_errors"] = [log.count("LockError") + log.count("Could not acquire lock") for log in logs]
        figures["events_table_rows"] = postgres.query("SELECT count(*) FROM events")[0][0]
        (PROJECT_ROOT / "results").mkdir(exist_ok=True)
        (PROJECT_ROOT / "results" / "scale_out.json").write_text(json.dumps(figures, indent=1) + "\n")
        print("\nscale-out figures (results/scale_out.json):", json.dumps(figures))
    finally:
        second.stop_all()
        first.stop_all()


def new_sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def user_texts(events: List[dict]) -> List[str]:
    return [e["text"] for e in events if e["event"] == "user"]


def turns(events: List[dict]) -> List[List[dict]]:
    """The events from each user message up to the next one."""
    result: List[List[dict]] = []
    for event in events:
        if event["event"] == "user":
            result.append([])
        if result:
            result[-1].append(event)
    return result


def assert_whole(cluster: Cluster, sender: str, events: List[dict]) -> None:
    """Every event stored once, in order, each turn ended by action_listen."""
    keys = [json.dumps(e, sort_keys=True) for e in events]
    assert len(set(keys)) == len(keys), [k for k, n in Counter(keys).items() if n > 1]
    stamps = [e["timestamp"] for e in events]
    assert stamps == sorted(stamps), "timestamps go backwards"
    rows = cluster.events_in_db(sender)
    assert [(r[1], r[2]) for r in rows] == [(e["event"], e["timestamp"]) for e in events]
    for turn in turns(events):
        assert turn[-1]["event"] == "action" and turn[-1]["name"] == "action_listen", turn[-1]
    assert cluster.lock_keys() == [], "a lock was left behind in Redis"


def test_a_conversation_alternating_between_two_servers_stays_whole(cluster):
    a, b = cluster.rasa
    sender = new_sender("alternate")
    replies = [cluster.rasa[turn % 2].say(sender, text) for turn, text in enumerate(ASSESSMENT)]
    assert any("twist" in r.lower() for r in replies[0]), replies[0]
    assert any("press firmly" in r.lower() for r in replies[1]), replies[1]
    assert any("anything else" in r.lower() for r in replies[4]), replies[4]
    assert any("how far" in r.lower() for r in replies[5]), replies[5]
    texts = " ".join(replies[-1]).lower()
    assert "not a diagnosis" in texts and "physio" in texts, replies[-1]

    tracker = b.tracker(sender)  # the last message went to a
    slots = tracker["slots"]
    assert (slots["body_part"], slots["pain_side"], slots["injury_event"], slots["swelling"]) == (
        "ankle",
        "right",
        False,
        False,
    )
    assert (slots["shoes"], slots["surface"], slots["warm_up"], slots["stretching"]) == (
        "worn_out",
        "hard",
        False,
        True,
    )
    assert slots["weekly_km"] == pytest.approx(32.2)
    assert slots["volume_change"] == "increased"
    assert slots["triage"] == "self_care"
    assert slots["likely_causes"] == ["overload", "footwear", "surface", "no_warm_up"]

    events = tracker["events"]
    assert user_texts(events) == ASSESSMENT
    assert_whole(cluster, sender, events)
    cluster.figures["alternating_events"] = len(events)


def test_messages_sent_to_both_servers_at_once_are_each_handled_once(cluster):
    a, b = cluster.rasa
    sender = new_sender("concurrent")
    assert a.say(sender, "my left heel hurts after running")
    replies: Dict[str, List[str]] = {}
    pair_seconds: List[float] = []

    for pair in PAIRS:
        barrier = threading.Barrier(2)

        def send(servers: ProductionServers, text: str, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            replies[text] = servers.say(sender, text)

        started = time.monotonic()
        threads = [threading.Thread(target=send, args=(servers, text)) for servers, text in zip((a, b), pair)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=90)
        pair_seconds.append(time.monotonic() - started)

    sent = [text for pair in PAIRS for text in pair]
    unanswered = [text for text in sent if not replies.get(text)]
    assert not unanswered, f"no answer to {unanswered}"

    events = a.tracker(sender)["events"]
    counts = Counter(user_texts(events))
    assert {text: counts[text] for text in sent} == {text: 1 for text in sent}
    order = user_texts(events)[1:]
    for number, pair in enumerate(PAIRS):  # pair n handled after pair n-1, in either order within
        assert set(order[2 * number : 2 * number + 2]) == set(pair), order
    for turn in turns(events)[1:]:
        bot = [e.get("text") or "" for e in turn if e["event"] == "bot"]
        assert bot and bot == replies[turn[0]["text"]], (turn[0]["text"], bot, replies[turn[0]["text"]])
    assert_whole(cluster, sender, events)
    cluster.figures.update(
        concurrent_events=len(events),
        concurrent_messages=len(sent) + 1,
        pair_seconds_min=round(min(pair_seconds), 2),
        pair_seconds_max=round(max(pair_seconds), 2),
        pair_seconds_mean=round(sum(pair_seconds) / len(pair_seconds), 2),
    )


def test_both_servers_return_the_same_tracker(cluster):
    a, b = cluster.rasa
    sender = new_sender("same")
    a.say(sender, "my achilles hurts after running")
    b.say(sender, "no, I didn't twist it")
    a.say(sender, "a bit swollen")
    from_a, from_b = a.tracker(sender), b.tracker(sender)
    assert from_a == from_b
    assert from_a["slots"]["body_part"] == "achilles" and from_a["slots"]["injury_event"] is False
    assert user_texts(from_a["events"]) == ["my achilles hurts after running", "no, I didn't twist it", "a bit swollen"]
    assert len(cluster.events_in_db(sender)) == len(from_a["events"])


def mutual_exclusion(redis: Redis, store_class, workers: int = 12) -> Dict[str, int]:
    """`workers` threads, each with its own event loop, alternately on two lock
    stores (two "servers"), all asking at once for the lock of one conversation
    and doing a read-sleep-write of a shared counter inside it."""
    stores = [
        store_class(host="127.0.0.1", port=redis.port, password=redis.password, db=2, key_prefix="contention")
        for _ in range(2)
    ]
    conversation = new_sender("contention")
    state = {"counter": 0, "inside": 0, "most_inside": 0, "lock_errors": 0}
    barrier = threading.Barrier(workers)

    async def critical_section(store) -> None:
        async with store.lock(conversation, wait_time_in_seconds=0.02):
            state["inside"] += 1
            state["most_inside"] = max(state["most_inside"], state["inside"])
            value = state["counter"]
            await asyncio.sleep(0.02)
            state["counter"] = value + 1
            state["inside"] -= 1

    def worker(number: int) -> None:
        barrier.wait()
        try:
            asyncio.run(critical_section(stores[number % 2]))
        except Exception as error:  # LockError: the lock vanished while waiting
            if "lock" not in str(error).lower():
                raise
            state["lock_errors"] += 1

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(worker, range(workers)))
    return {
        "lost_updates": workers - state["counter"] - state["lock_errors"],
        "most_inside": state["most_inside"],
        "lock_errors": state["lock_errors"],
        "keys_left": len(redis.client(db=2).keys("contention:*")),
    }


def test_the_lock_store_lets_one_server_at_a_time_into_a_conversation(engines):
    """deploy.lock_store.AtomicRedisLockStore, 3 rounds of 12 simultaneous
    requests through two store instances. (Rasa's own RedisLockStore under this
    load, measured: 4-10 of 12 updates lost, up to 8 holders at once; not run
    here, its waiters take 12 s a round.)"""
    from deploy.lock_store import AtomicRedisLockStore

    for _ in range(3):
        assert mutual_exclusion(engines[1], AtomicRedisLockStore) == {
            "lost_updates": 0,
            "most_inside": 1,
            "lock_errors": 0,
            "keys_left": 0,
        }


# --- the reverse proxy in front of both servers (issue #13) -----------------------------


@pytest.fixture(scope="module")
def proxy(cluster, tmp_path_factory):
    from harness.proxy import NGINX, Proxy

    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run `make provision` (as root) first (Debian's nginx-light)")
    proxy = Proxy(
        tmp_path_factory.mktemp("proxy"),
        [server.url.removeprefix("http://") for server in cluster.rasa],
        rate_per_second=5,
        burst=10,
    )
    proxy.start()
    yield proxy
    proxy.stop()


def test_the_proxy_balances_conversations_across_both_servers(proxy):
    for number in range(8):
        response = proxy.post("/webhooks/rest/webhook", json={"sender": f"via-proxy-{number}", "message": "hi"})
        assert response.status_code == 200, response.text
        time.sleep(0.25)  # under the rate limit
    used = set(proxy.upstreams_used())
    assert len(used) == 2, used


def test_the_proxy_refuses_a_body_over_its_limit_before_rasa_sees_it(proxy):
    response = proxy.post("/webhooks/rest/webhook", data=b"x" * 70_000, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "64 KB" in response.json()["error"]


def test_the_proxy_answers_a_burst_from_one_client_with_429_and_retry_after(proxy):
    time.sleep(3)  # the bucket refills
    statuses, retry_after = [], set()
    for number in range(30):
        response = proxy.post("/webhooks/rest/webhook", json={"sender": f"burst-{number}", "message": ""})
        statuses.append(response.status_code)
        if response.status_code == 429:
            retry_after.add(response.headers.get("Retry-After"))
            assert "try again" in response.json()["error"]
    assert statuses.count(200) >= 10 and statuses.count(429) >= 5, statuses
    assert retry_after == {"2"}


def test_the_web_chat_handshake_goes_through_the_proxy(proxy):
    import requests

    handshake = requests.get(f"{proxy.url}/socket.io/?EIO=4&transport=polling", timeout=10)
    assert handshake.status_code == 200 and '"sid"' in handshake.text


def test_platform_retries_are_remembered_across_servers_and_restarts(engines, monkeypatch):
    """A Telegram or Slack retry that reaches the other server, or comes after a
    restart, is still dropped: the memory is in the shared Redis (issue #13)."""
    from channels.recent import SharedRecentIds, recent_ids

    _, redis = engines
    for name, value in redis.env().items():
        monkeypatch.setenv(name, value)
    server_a, server_b = recent_ids("telegram"), recent_ids("telegram")
    assert isinstance(server_a, SharedRecentIds)
    assert server_a.seen(9001) is False
    assert server_b.seen(9001) is True  # the other server
    assert recent_ids("telegram").seen(9001) is True  # after a restart
    assert recent_ids("slack").seen(9001) is False  # each platform its own ids


def test_the_proxy_bounds_the_queue_for_all_clients_together(cluster, tmp_path):
    """Many clients at once: past the total rate the proxy answers 429 with Retry-After
    instead of queueing without end in front of the Rasa servers (issue #13)."""
    from concurrent.futures import ThreadPoolExecutor

    from harness.proxy import Proxy

    proxy = Proxy(tmp_path / "total", [s.url.removeprefix("http://") for s in cluster.rasa], 1000, 1000, 5)
    proxy.start()
    try:

        def send(number: int) -> int:
            body = {"sender": f"crowd-{number}", "message": ""}
            return proxy.post("/webhooks/rest/webhook", json=body).status_code

        with ThreadPoolExecutor(max_workers=20) as pool:
            statuses = list(pool.map(send, range(60)))
        assert statuses.count(429) >= 20 and statuses.count(200) >= 5, statuses
    finally:
        proxy.stop()


def test_a_telegram_retry_to_the_other_server_or_after_a_restart_is_answered_once(engines, tmp_path):
    """Two Rasa servers with Telegram on and one Redis: the same update delivered to
    server A, then to server B, then to A again after a restart, gets one answer (issue #13)."""
    import requests

    from harness.servers import free_port
    from tests.e2e.fake_platforms import TelegramUpdates, fake_slack, fake_telegram
    from tests.e2e.platforms import PlatformSettings

    _, redis = engines
    telegram, slack = fake_telegram(), fake_slack()
    settings = PlatformSettings(telegram_api=telegram.url, slack_api=f"{slack.url}/api/")
    env = {**settings.environment(), **redis.env()}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = Servers(tmp_path / "a", env=env)
    second = Servers(tmp_path / "b", env=env, action_port=first.action_port, rasa_port=free_port())
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(lambda start: start(), (first.start_actions, first.start_rasa, second.start_rasa)))
        update = TelegramUpdates().text(7700, "my ankle hurts after running")
        headers = {"X-Telegram-Bot-Api-Secret-Token": settings.telegram_secret}

        def deliver(servers: Servers) -> int:
            url = f"{servers.url}/webhooks/telegram/webhook"
            return requests.post(url, json=update, headers=headers, timeout=30).status_code

        assert deliver(first) == 200
        telegram.wait_for("sendMessage", chat_id=7700)
        assert deliver(second) == 200
        first.stop("rasa")
        first.start_rasa()
        assert deliver(first) == 200
        time.sleep(3)
        assert len(telegram.calls_to("sendMessage", chat_id=7700)) == 1
    finally:
        first.stop_all()
        second.stop_all()
        telegram.stop()
        slack.stop()
