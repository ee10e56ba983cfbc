"""Build the project's spaCy pipeline from the vocabulary.

Official spaCy models cannot be downloaded on our machines, so the NLU pipeline
uses a blank English pipeline with a lookup lemmatizer (tables from
``spacy-lookups-data``) and an entity ruler whose patterns come from
``knowledge/vocabulary.yml``. Run ``python -m understanding.spacy_model DIR``.
"""

from __future__ import annotations

import argparse
import hashlib
import string
from pathlib import Path
from typing import Any, Dict, Iterator, List, Sequence, Set, cast

import spacy
from spacy.language import Language

from understanding.vocabulary import (
    OPTIONAL_WORD,
    OPTIONAL_WORDS,
    SIDE_WORDS,
    VOCABULARY_PATH,
    Vocabulary,
    load_vocabulary,
)

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "build" / "spacy_model"
STAMP_FILE = "vocabulary.sha256"
MIN_TYPO_LENGTH = 5
# A word whose lemma is one of these ("upped" -> "up") is matched as written only.
PARTICLES = {"up", "down", "out", "off", "in", "on", "over"}
# Words matched as written only because their lemma is a common verb ("worn" is not "I wore", "I wear").
AS_WRITTEN = {"worn", "snapping", "start", "weights", "sat"}  # "a snapping tendon" is not "I snapped something";
# "I'm sat on the sofa" (sitting now) is not "I was sitting on it" (lemmas "i be sit" for both);
# "just started running" is a beginner, not "I just start running" (no warm-up); "the weight" is no "weights"
# The lookup table's lemma for a few words is the rarer reading: "it's not better" is "it is", far more often
# than "it has" ("it's been" and "it's got" read the same either way, as their phrases are lemmatised alike).
LEMMA_FIXES = {"'s": "be", "’s": "be"}
# A hedging word a runner may put after a negation inside any phrase: "can't really feel", "couldn't even stand".
NEGATION_TOKENS = {"n't", "not", "cannot", "never"}
HEDGE_WORDS = ["really", "quite", "properly", "fully", "even", "actually", "totally", "completely", "just"]
# Labels whose words get every single-letter typo, not just the common ones.
EVERY_TYPO_LABELS = {"body_part", "swelling"}
# A "typo" that is a common English word is a word, not a typo ("decent" is
# not "descent"): spaCy's English word log-probabilities (spacy-lookups-data).
COMMON_WORD_LOG_PROB = -13.0


def common_words() -> Set[str]:
    """English words common enough that they must not be taken as typos, in lower case ("Spain" is no
    "sprain": messages are read in lower case)."""
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return {word.lower() for word, log_prob in json.load(handle).items() if log_prob > COMMON_WORD_LOG_PROB}


def blank_pipeline() -> Language:
    """A blank English pipeline with the lookup lemmatizer, initialised."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    table = cast(Any, nlp.get_pipe("lemmatizer")).lookups.get_table("lemma_lookup")
    for word, lemma in LEMMA_FIXES.items():
        table[word] = lemma
    return nlp


def typo_variants(word: str, every_edit: bool = False) -> Set[str]:
    """Deletions, swaps of neighbours and doubled letters of ``word``.

    With ``every_edit`` also every inserted or replaced letter (all single edits).
    """
    variants: Set[str] = set()
    for i in range(len(word)):
        variants.add(word[:i] + word[i + 1 :])
        variants.add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word):
            variants.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        if every_edit:
            for letter in string.ascii_lowercase:
                variants.add(word[:i] + letter + word[i:])
                variants.add(word[:i] + letter + word[i + 1 :])
    if every_edit:
        variants.update(word + letter for letter in string.ascii_lowercase)  # "anklex": after the last letter too
    variants.discard(word)
    return variants


def phrase_patterns(nlp: Language, phrase: str) -> Iterator[List[Dict]]:
    """Token patterns for a phrase: on lowercase words, and on lemmas."""
    words = phrase.split()
    written_only = False  # a phrase matched as written, never on its lemmas
    lower: List[Dict] = []
    lemma: List[Dict] = []
    for position, word in enumerate(words):
        if word == OPTIONAL_WORD:
            optional = {"LOWER": {"IN": OPTIONAL_WORDS}, "OP": "?"}
            side = {"LOWER": {"IN": SIDE_WORDS}, "OP": "?"}  # "back of my left ankle"
            lower += [optional, side]
            lemma += [optional, side]
            continue
        for token in nlp(word):
            lower.append({"LOWER": token.lower_})
            lemma.append({"LEMMA": token.lemma_.lower()})
            if token.lower_ in NEGATION_TOKENS and position < len(words) - 1:
                hedge = {"LOWER": {"IN": HEDGE_WORDS}, "OP": "?"}  # "can't really feel my toes"
                lower.append(hedge)
                lemma.append(hedge)
            particle = token.lemma_.lower() in PARTICLES and token.lower_ != token.lemma_.lower()
            # "upped the" must not match "up the stairs"; "worn" must not match "I wore"
            written_only = written_only or particle or token.lower_ in AS_WRITTEN
    yield lower
    if lemma != lower and not written_only:
        yield lemma


def ruler_patterns(nlp: Language, vocabulary: Vocabulary) -> List[Dict]:
    """Entity-ruler patterns: label = fact, id = value; typos for long words."""
    table = cast(Any, nlp.get_pipe("lemmatizer")).lookups.get_table("lemma_lookup")
    lemmas = {str(v) for v in table.values()}  # keys are hashes: ask the table itself
    all_single_words = {
        phrase
        for values in vocabulary.entities.values()
        for phrases in values.values()
        for phrase in phrases
        if " " not in phrase
    }
    real_words = common_words()
    patterns: List[Dict] = []
    for label, values in vocabulary.entities.items():
        for value, phrases in values.items():
            for phrase in phrases:
                for pattern in phrase_patterns(nlp, phrase):
                    patterns.append({"label": label, "pattern": pattern, "id": value})
                if " " in phrase or len(phrase) < MIN_TYPO_LENGTH or not phrase.isalpha():
                    continue
                for typo in sorted(typo_variants(phrase, label in EVERY_TYPO_LABELS)):
                    if (
                        len(typo) < MIN_TYPO_LENGTH
                        or typo in table
                        or typo in lemmas
                        or typo in all_single_words
                        or typo in real_words
                    ):
                        continue
                    patterns.append({"label": label, "pattern": typo, "id": value})
    return patterns


def vocabulary_digest(path: Path = VOCABULARY_PATH) -> str:
    """Hash of the vocabulary and of this builder, to tell a stale model."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def build(model_dir: Path = DEFAULT_MODEL_DIR, vocabulary_path: Path = VOCABULARY_PATH) -> Path:
    """Build the pipeline into ``model_dir`` (skipped when it is up to date)."""
    stamp = model_dir / STAMP_FILE
    digest = vocabulary_digest(vocabulary_path)
    if stamp.exists() and stamp.read_text().strip() == digest:
        return model_dir
    nlp = blank_pipeline()
    patterns = ruler_patterns(nlp, load_vocabulary(vocabulary_path))
    ruler = cast(Any, nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"}))
    ruler.add_patterns(patterns)
    model_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(model_dir)
    stamp.write_text(digest + "\n")
    return model_dir


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", nargs="?", type=Path, default=DEFAULT_MODEL_DIR)
    args = parser.parse_args(argv)
    path = build(args.model_dir)
    print(f"spaCy pipeline ready in {path}")


if __name__ == "__main__":
    main()
