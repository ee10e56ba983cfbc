"""Bad input over the web chat's socket.io channel gets an answer, not silence.

A real python-socketio client (long-polling, like the page) talks to the
real Rasa server.
"""

import queue
import uuid

import pytest
import socketio

pytestmark = pytest.mark.e2e


class ChatClient:
    def __init__(self, url: str) -> None:
        self.answers: "queue.Queue[dict]" = queue.Queue()
        self.sessions: "queue.Queue[str]" = queue.Queue()
        self.sio = socketio.Client()
        self.sio.on("bot_uttered", self.answers.put)
        self.sio.on("session_confirm", self.sessions.put)
        self.sio.connect(url, transports=["polling"], socketio_path="/socket.io")

    def start_session(self, session_id=None) -> str:
        self.sio.emit("session_request", {"session_id": session_id})
        return self.sessions.get(timeout=10)

    def send(self, data) -> str:
        self.sio.emit("user_uttered", data)
        return self.answers.get(timeout=15).get("text", "")

    def close(self) -> None:
        self.sio.disconnect()


@pytest.fixture
def chat(servers):
    client = ChatClient(servers.url)
    yield client
    client.close()


def test_a_message_gets_the_next_question(chat):
    session = chat.start_session(uuid.uuid4().hex)
    assert "twist" in chat.send({"session_id": session, "message": "my ankle hurts after running"}).lower()


@pytest.mark.parametrize(
    "data,expected",
    [
        ("just a string", "garbled"),
        ({"session_id": "s", "message": 5}, "garbled"),
        ({"message": "my ankle hurts"}, "reload the page"),
        ({"session_id": "", "message": "my ankle hurts"}, "reload the page"),
        ({"session_id": "PLACEHOLDER", "message": "   "}, "didn't get any text"),
    ],
)
def test_bad_chat_events_get_a_clear_answer(chat, data, expected):
    session = chat.start_session()
    if isinstance(data, dict) and data.get("session_id") == "PLACEHOLDER":
        data = {**data, "session_id": session}
    assert expected in chat.send(data)
    # the same connection still works afterwards
    assert "twist" in chat.send({"session_id": session, "message": "my heel hurts after running"}).lower()


def test_a_session_request_without_an_object_still_gets_a_session(chat):
    chat.sio.emit("session_request", "nonsense")
    session, signature = chat.sessions.get(timeout=10).split(".")
    assert len(session) == 32 and len(signature) == 24


def test_a_client_cannot_choose_or_forge_a_session(chat, servers):
    """Session ids are issued by the server: asking for someone else's gets a new one,
    and a message with an id the server did not issue is not run (issue #13)."""
    victim = chat.start_session()
    chat.send({"session_id": victim, "message": "my left ankle hurts after running"})
    attacker = ChatClient(servers.url)
    try:
        unsigned = victim.split(".")[0]
        assert attacker.start_session(unsigned) != unsigned
        assert "reload the page" in attacker.send({"session_id": unsigned, "message": "it's my right ankle"})
        forged = unsigned + "." + "0" * 24
        assert "reload the page" in attacker.send({"session_id": forged, "message": "it's my right ankle"})
    finally:
        attacker.close()
    tracker = servers.tracker("web:" + unsigned)
    assert tracker["slots"]["pain_side"] == "left"
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == ["my left ankle hurts after running"]


def test_the_handshake_refuses_other_origins(servers):
    import requests

    handshake = f"{servers.url}/socket.io/?EIO=4&transport=polling"
    assert requests.get(handshake, headers={"Origin": "http://evil.example"}, timeout=10).status_code == 400
    assert requests.get(handshake, headers={"Origin": "http://localhost:8080"}, timeout=10).status_code == 200
