"""Text normalisation before the NLU pipeline reads a message (issue #10)."""

import pytest

from understanding.normalize import normalize, normalize_message


@pytest.mark.parametrize(
    "typed, plain",
    [
        ("I can\u2019t put weight on it", "I can't put weight on it"),
        ("\u201cfine\u201d\u2026 really", '"fine"... really'),
        ("left\u00a0ankle \u2013 right", "left ankle - right"),
        ("my ankle \U0001f62d\U0001f62d hurts", "my ankle hurts"),
        ("cant walk, dont know, isnt swollen", "can't walk, don't know, isn't swollen"),
        ("Im fine", "i'm fine"),
    ],
)
def test_typed_characters_become_plain(typed, plain):
    assert normalize(typed) == plain


@pytest.mark.parametrize(
    "typed, plain",
    [("sooo sore", "so sore"), ("swolllen", "swollen"), ("reallyyy bad", "really bad"), ("heeeel", "heel")],
)
def test_stretched_letters_come_back_to_a_word(typed, plain):
    assert normalize_message(typed) == plain


@pytest.mark.parametrize("text", ["its fine", "I feel ill", "my ankle well it hurts", "shed a tear", "/affirm"])
def test_real_words_are_left_alone(text):
    assert normalize_message(text) == text


def test_empty_text_is_fine():
    assert normalize("") == "" and normalize_message("") == ""


@pytest.mark.parametrize(
    "typed, plain",
    [
        ("naw", "no"),
        ("aye nae bother", "yes no bother"),
        ("I cannae put it doon", "I can't put it down"),
        ("went ower on it", "went over on it"),
    ],
)
def test_scots_and_irish_forms_read_as_the_same_words(typed, plain):
    assert normalize(typed) == plain


@pytest.mark.parametrize(
    "typed, plain",
    [
        ("been hobblin about all week", "been hobbling about all week"),
        ("i aint warmin up", "i ain't warming up"),
        ("my shin and the cabin", "my shin and the cabin"),  # words that are English as they stand stay
    ],
)
def test_a_dropped_g_comes_back(typed, plain):
    assert normalize_message(typed) == plain


@pytest.mark.parametrize(
    "typed, plain",
    [
        ("me left heel is killing me", "my left heel is killing me"),
        ("the back of muh right ankle", "the back of my right ankle"),
        ("in front of me \U0001f602 right ankle sore", "in front of me right ankle sore"),  # an emoji ends the phrase
    ],
)
def test_the_dialect_my_before_a_side_or_body_part(typed, plain):
    assert normalize_message(typed) == plain


@pytest.mark.parametrize(
    "typed, plain",
    [
        ("\U0001f645\u200d\u2640\ufe0f", "no"),
        ("\U0001f937\U0001f3fd\u200d\u2642\ufe0f", "don't know"),
        ("nowt like that", "nothing like that"),
    ],
)
def test_a_gesture_emoji_or_a_northern_no_is_the_answer(typed, plain):
    assert normalize_message(typed) == plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I not can stand on my toes", "I cannot stand on my toes"),
        ("i no can walk", "i cannot walk"),
        ("I not could run", "I could not run"),
        ("no can't push up at all", "no can't push up at all"),  # round 50: a no, then the runner's own "can't"
        ("no cant do it", "no can't do it"),  # the missing apostrophe put back
    ],
)
def test_a_negation_before_can_reads_as_cannot(text, expected):
    assert normalize(text) == expected


def test_the_text_the_pipeline_reads_is_normalised_and_lowercased():
    from understanding.normalize import pipeline_text

    assert pipeline_text("I’m SOOO sore") == normalize_message("I’m SOOO sore").lower()
