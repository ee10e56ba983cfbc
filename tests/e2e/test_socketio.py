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
    assert len(chat.sessions.get(timeout=10)) == 32
