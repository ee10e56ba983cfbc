"""One home for the shared word lists: the fact extractor and the intent guard read the same ones."""

from understanding import answers, facts, words


def test_both_readers_use_the_one_list():
    assert facts.PAIN_WORDS is words.PAIN_WORDS and facts.QUESTION_STARTS is words.QUESTION_STARTS
    assert all(answers.PAIN_WORDS.search(f"my heel is {word} today") for word in words.PAIN_WORDS)
    assert all(answers.QUESTION_START.search(f"{word} I run today") for word in words.QUESTION_STARTS)
    assert answers.YES_WORDS is words.YES_WORDS and answers.NO_WORDS is words.NO_WORDS


def test_word_patterns_match_whole_words_only():
    pattern = words.word_pattern(frozenset({"sore", "ache"}))
    assert pattern.search("it's sore") and not pattern.search("headaches are rare") and not pattern.search("sorel")


def test_a_detail_added_late_is_told_apart_from_a_correction():
    from understanding.words import ADDING, CORRECTING

    added = "oh and one more thing, i didn't mention the 9 hour drive home"
    assert ADDING.search(added) and not CORRECTING.search(added)
    assert not ADDING.search("sorry, correction: it is swollen after all")
