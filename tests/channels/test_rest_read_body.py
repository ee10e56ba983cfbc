"""channels/rest.py ``read_body``: what the REST channel accepts, and the exact status and reason of each refusal."""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Dict, Optional

import pytest
from sanic.compat import Header

from channels.rest import (
    MAX_BODY_BYTES,
    MAX_MESSAGE_CHARS,
    MAX_METADATA_BYTES,
    MAX_SENDER_LENGTH,
    Refused,
    read_body,
)

JSON = "application/json"
EXAMPLE = '{"sender": "runner-1", "message": "my ankle hurts"}'
EMPTY = f"The body is empty: send a JSON object like {EXAMPLE}."
NOT_JSON = "The body is not valid JSON."
NOT_OBJECT = f"The body must be a JSON object like {EXAMPLE}."
BAD_SENDER = '"sender" must be a non-empty text of at most 256 characters.'
RESERVED = '"sender" may not start with "telegram:", "slack:" or "web:".'
BAD_MESSAGE = '"message" must be a text.'
LONG_MESSAGE = '"message" is over 10,000 characters: send the most important part.'
BAD_UNICODE = '"sender" and "message" must be valid Unicode text.'
BAD_METADATA = '"metadata" must be a JSON object.'
BIG_METADATA = '"metadata" is over 2,000 bytes.'
BIG_BODY = "The body is over 64,000 bytes."
NOT_JSON_TYPE = "Send the body as JSON with Content-Type: application/json."


@dataclass
class FakeRequest:
    """The two things ``read_body`` reads of a Sanic request."""

    body: bytes
    headers: Header


def request(body: Any, content_type: Optional[str] = JSON) -> FakeRequest:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = Header({"Content-Type": content_type} if content_type is not None else {})
    return FakeRequest(raw, headers)


def refusal(req: FakeRequest) -> tuple:
    with pytest.raises(Refused) as refused:
        read_body(req)
    assert str(refused.value) == refused.value.reason
    return refused.value.status, refused.value.reason


def test_the_limits_are_the_documented_ones():
    assert (MAX_SENDER_LENGTH, MAX_BODY_BYTES, MAX_MESSAGE_CHARS, MAX_METADATA_BYTES) == (256, 64_000, 10_000, 2_000)


@pytest.mark.parametrize(
    "body",
    [
        {"sender": "runner-1", "message": "my ankle hurts"},
        {"sender": "runner-1", "message": "my ankle hurts", "metadata": {"note": "x"}},
        {"sender": "runner-1", "message": "my ankle hurts", "metadata": None},
        {"sender": "runner-1", "message": "my ankle hurts", "metadata": {}},
        {"sender": "runner-1", "message": "my ankle hurts", "extra": [1, 2]},  # unknown keys are passed on
        {"sender": "runner-1", "message": ""},  # read; the handler answers it with a hint (notice "empty_message")
        {"sender": "runner-1", "message": "   \n"},
        {"sender": "ünïcødé 🏃", "message": "me duele el tobillo 😭"},
        {"sender": "telegram", "message": "hi"},  # only the "telegram:" namespace is reserved
        {"sender": " telegram:1", "message": "hi"},  # not the Telegram conversation "telegram:1"
    ],
)
def test_a_good_body_is_returned_as_sent(body):
    assert read_body(request(body)) == body


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "Application/JSON", " application/json "])
def test_the_json_content_type_is_read_with_parameters_and_in_any_case(content_type):
    assert read_body(request({"sender": "r", "message": "hi"}, content_type)) == {"sender": "r", "message": "hi"}


@pytest.mark.parametrize(
    "content_type", [None, "", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "json"]
)
def test_anything_but_json_is_refused_with_415(content_type):
    assert refusal(request({"sender": "r", "message": "hi"}, content_type)) == (
        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        NOT_JSON_TYPE,
    )


def test_the_content_type_is_checked_before_anything_else():
    assert refusal(request(b"x" * (MAX_BODY_BYTES + 1), "text/plain"))[0] == HTTPStatus.UNSUPPORTED_MEDIA_TYPE


def test_a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_refused_with_413():
    small = b'{"sender": "r", "message": "hi"}'
    padded = small + b" " * (MAX_BODY_BYTES - len(small))  # whitespace is valid JSON
    assert len(padded) == MAX_BODY_BYTES
    assert read_body(request(padded)) == {"sender": "r", "message": "hi"}
    assert refusal(request(padded + b" ")) == (HTTPStatus.REQUEST_ENTITY_TOO_LARGE, BIG_BODY)


def test_an_oversized_body_is_refused_before_it_is_parsed():
    assert refusal(request(b"{not json" + b"a" * MAX_BODY_BYTES)) == (HTTPStatus.REQUEST_ENTITY_TOO_LARGE, BIG_BODY)


@pytest.mark.parametrize("raw", [b"", b" ", b"\n\t\r "])
def test_an_empty_body_gets_an_example(raw):
    assert refusal(request(raw)) == (HTTPStatus.BAD_REQUEST, EMPTY)


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b'{"sender": "r", "message": "hi"',
        b"{'sender': 'r', 'message': 'hi'}",  # Python, not JSON
        b'{"sender": "r", "message": NaN}',  # strict JSON: no NaN or Infinity (issue #13)
        b'{"sender": "r", "message": "hi", "metadata": {"a": Infinity}}',
        b'{"sender": "r", "message": "hi", "metadata": {"a": -Infinity}}',
        b'{"sender": "r", "message": "\xff\xfe"}',  # not UTF-8
        b'{"sender": "r", "message": "hi"} {"sender": "r"}',  # two documents
    ],
)
def test_a_body_that_is_not_strict_json_is_refused(raw):
    assert refusal(request(raw)) == (HTTPStatus.BAD_REQUEST, NOT_JSON)


@pytest.mark.parametrize(
    "raw", [b"[]", b'[{"sender": "r", "message": "hi"}]', b'"my ankle hurts"', b"5", b"null", b"true"]
)
def test_a_body_that_is_not_an_object_is_refused(raw):
    assert refusal(request(raw)) == (HTTPStatus.BAD_REQUEST, NOT_OBJECT)


@pytest.mark.parametrize(
    "sender",
    ["<missing>", None, 5, 1.5, True, ["r"], {"id": "r"}, "", "   ", "\n", "x" * (MAX_SENDER_LENGTH + 1)],
)
def test_a_missing_empty_long_or_non_text_sender_is_refused(sender):
    body: Dict[str, Any] = {"message": "hi"}
    if sender != "<missing>":
        body["sender"] = sender
    assert refusal(request(body)) == (HTTPStatus.BAD_REQUEST, BAD_SENDER)


def test_a_sender_of_exactly_the_limit_is_read():
    body = {"sender": "x" * MAX_SENDER_LENGTH, "message": "hi"}
    assert read_body(request(body)) == body


@pytest.mark.parametrize("sender", ["telegram:1001", "TELEGRAM:1001", "slack:U1_D1", "Slack:U1", "web:abc", "web:"])
def test_another_channels_namespace_is_refused(sender):
    assert refusal(request({"sender": sender, "message": "hi"})) == (HTTPStatus.BAD_REQUEST, RESERVED)


@pytest.mark.parametrize("message", ["<missing>", None, 5, True, ["a"], {"text": "hi"}])
def test_a_missing_or_non_text_message_is_refused(message):
    body: Dict[str, Any] = {"sender": "r"}
    if message != "<missing>":
        body["message"] = message
    assert refusal(request(body)) == (HTTPStatus.BAD_REQUEST, BAD_MESSAGE)


def test_the_sender_is_checked_before_the_message():
    assert refusal(request({"sender": 5, "message": 5})) == (HTTPStatus.BAD_REQUEST, BAD_SENDER)


def test_a_message_of_exactly_the_limit_is_read_and_one_character_more_is_refused_with_413():
    at_limit = {"sender": "r", "message": "é" * MAX_MESSAGE_CHARS}  # characters are counted, not bytes
    assert read_body(request(at_limit)) == at_limit
    over = {"sender": "r", "message": "a" * (MAX_MESSAGE_CHARS + 1)}
    assert refusal(request(over)) == (HTTPStatus.REQUEST_ENTITY_TOO_LARGE, LONG_MESSAGE)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"sender": "r", "message": "\\ud800"}',  # a lone surrogate: valid JSON, not text
        b'{"sender": "r", "message": "ankle \\udfff hurts"}',
        b'{"sender": "\\ud83d", "message": "hi"}',  # half an emoji
    ],
)
def test_a_lone_surrogate_is_refused(raw):
    assert refusal(request(raw)) == (HTTPStatus.BAD_REQUEST, BAD_UNICODE)


def test_an_escaped_surrogate_pair_is_one_good_character():
    assert read_body(request(b'{"sender": "r", "message": "\\ud83d\\ude2d"}'))["message"] == "😭"


@pytest.mark.parametrize("metadata", [3, "x", [], [{"a": 1}], True])
def test_metadata_that_is_not_an_object_is_refused(metadata):
    body = {"sender": "r", "message": "hi", "metadata": metadata}
    assert refusal(request(body)) == (HTTPStatus.BAD_REQUEST, BAD_METADATA)


def test_metadata_of_exactly_the_limit_is_read_and_one_byte_more_is_refused_with_413():
    envelope = len(json.dumps({"blob": ""}))
    at_limit = {"blob": "x" * (MAX_METADATA_BYTES - envelope)}
    assert len(json.dumps(at_limit)) == MAX_METADATA_BYTES
    body = {"sender": "r", "message": "hi", "metadata": at_limit}
    assert read_body(request(body)) == body
    over = {"sender": "r", "message": "hi", "metadata": {"blob": "x" * (MAX_METADATA_BYTES - envelope + 1)}}
    assert refusal(request(over)) == (HTTPStatus.REQUEST_ENTITY_TOO_LARGE, BIG_METADATA)
