"""understanding/spacy_model.py: the typos the entity ruler matches, and the ones it must not."""

from __future__ import annotations

import string
from typing import Dict, List, Set

import pytest

from understanding.spacy_model import MIN_TYPO_LENGTH, blank_pipeline, ruler_patterns, typo_variants
from understanding.vocabulary import Vocabulary

LETTERS = string.ascii_lowercase


def deletions(word: str) -> Set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def doublings(word: str) -> Set[str]:
    return {word[:i] + word[i] + word[i:] for i in range(len(word))}


def swaps(word: str) -> Set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


def insertions(word: str) -> Set[str]:
    return {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in LETTERS}


def replacements(word: str) -> Set[str]:
    return {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in LETTERS}


def test_the_common_typos_of_a_short_word_exactly():
    assert typo_variants("heel") == {
        "eel", "hel", "hee",  # a letter left out
        "hheel", "heeel", "heell",  # a letter doubled
        "ehel", "hele",  # neighbours swapped ("hee" + "l" -> the swap of the two e's is the word itself)
    }  # fmt: skip


@pytest.mark.parametrize("word", ["ankle", "achilles", "swollen", "plantar", "tendon"])
def test_common_typos_are_deletions_doublings_and_swaps_only(word):
    expected = (deletions(word) | doublings(word) | swaps(word)) - {word}
    assert typo_variants(word) == expected
    # not a new or replaced letter: "heal" is a word of its own, not a typo of "heel"
    assert not typo_variants(word) & ((insertions(word) | replacements(word)) - doublings(word) - {word})


def test_the_common_typos_of_a_word_of_distinct_letters_number_three_per_letter_less_one():
    assert len(typo_variants("ankle")) == 3 * 5 - 1


@pytest.mark.parametrize("every_edit", [False, True])
@pytest.mark.parametrize("word", ["heel", "ankle", "swollen", "achilles"])
def test_never_the_word_itself_nor_two_edits_nor_other_characters(word, every_edit):
    variants = typo_variants(word, every_edit)
    assert word not in variants
    for variant in variants:
        assert abs(len(variant) - len(word)) <= 1
        assert set(variant) <= set(LETTERS), variant  # no capitals, accents, spaces or digits
    one_edit = deletions(word) | insertions(word) | replacements(word) | swaps(word)
    assert variants <= one_edit


@pytest.mark.parametrize("word", ["heel", "ankle", "swollen"])
def test_every_edit_adds_every_inserted_and_replaced_letter(word):
    variants = typo_variants(word, every_edit=True)
    assert variants >= typo_variants(word)
    inside = {word[:i] + c + word[i:] for i in range(len(word)) for c in LETTERS}  # before each letter
    assert variants >= inside - {word}
    assert variants >= replacements(word) - {word}
    assert {"ankel", "anlke", "ankl", "ankkle", "ankly", "xankle", "ankxle"} <= typo_variants("ankle", True)


def test_every_edit_also_adds_a_letter_at_the_end():
    assert {"ankle" + c for c in LETTERS} - {"anklee"} <= typo_variants("ankle", every_edit=True)


def test_a_word_of_one_letter_has_only_its_deletion_and_doubling():
    assert typo_variants("a") == {"", "aa"}  # ruler_patterns drops both: shorter than MIN_TYPO_LENGTH


# --- what the entity ruler keeps of them (ruler_patterns) ---------------------------------------


@pytest.fixture(scope="module")
def patterns() -> Dict[str, List[str]]:
    """String patterns (the typos) per value, for a small vocabulary."""
    vocabulary = Vocabulary(
        entities={
            "body_part": {"ankle": ["ankle"], "heel": ["heel"], "achilles": ["achilles"]},  # every single edit
            "surface": {"downhill": ["descent", "down hill"], "hard": ["10k road"]},
            "symptom": {"made_up": ["blorf"], "made_up_too": ["blorff"]},
        }
    )
    found: Dict[str, List[str]] = {}
    for pattern in ruler_patterns(blank_pipeline(), vocabulary):
        if isinstance(pattern["pattern"], str):
            found.setdefault(pattern["id"], []).append(pattern["pattern"])
    return found


def test_the_ruler_keeps_typos_of_long_words(patterns):
    assert {"ankel", "anlke", "annkle", "ankly"} <= set(patterns["ankle"])
    assert {"achiles", "acilles", "achillies"} <= set(patterns["achilles"])
    assert {"decsent", "desent", "descnt"} <= set(patterns["downhill"])


def test_the_ruler_makes_no_typo_shorter_than_five_letters(patterns):
    assert MIN_TYPO_LENGTH == 5
    assert "heel" not in patterns  # a four-letter word gets none at all
    assert all(len(typo) >= MIN_TYPO_LENGTH for typos in patterns.values() for typo in typos)
    assert not {"ankl", "anke", "anle"} & set(patterns["ankle"])  # the deletions of a five-letter word


def test_the_ruler_takes_no_real_word_for_a_typo(patterns):
    assert "decent" in typo_variants("descent")
    assert "decent" not in patterns["downhill"]  # "decent" is a common word, not "descent" misspelt
    assert "angle" not in patterns["ankle"]  # a common word
    assert "rankle" not in patterns["ankle"]  # a rare word, but an English lemma
    assert {"angle", "rankle"} <= typo_variants("ankle", every_edit=True)  # made, then dropped
    assert "blorff" in typo_variants("blorf")
    assert "blorff" not in patterns["made_up"]  # another vocabulary word


def test_phrases_and_words_with_digits_get_no_typos(patterns):
    assert "hard" not in patterns  # "10k road": not letters only
    assert not [typo for typo in patterns["downhill"] if " " in typo]  # "down hill": a phrase
