"""Tell messages in another language from English (deterministic, no model).

A message is treated as another language when it names no runner fact and
either most of its letters are not Latin, or it has at least three words and
fewer than a third of them are English words (spaCy's English stop words and
lemma tables, plus the domain vocabulary).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, FrozenSet, cast

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
MIN_WORDS = 3
MIN_ENGLISH_SHARE = 1 / 3
# Chat abbreviations runners type in English ("idk tbh lol"): English, though in no word list.
CHAT_WORDS = frozenset(
    "idk tbh lol omg ikr smh lmao imo imho btw ngl fwiw rn pls plz thx ty tho cuz bc jk irl afaik fyi ffs wtf "
    "lmk tysm hmu brb gonna wanna gotta kinda sorta dunno yeah yep nope nah ok okay".split()
)
# Common words of other languages that are no English word (Spanish, German, French, Italian, Portuguese,
# Dutch): two of them in a message without a runner fact mark it as another language, whatever else matches
# ("me duele mucho el pie": "me", "el" and "pie" are English word forms too).
OTHER_LANGUAGE_MARKERS = frozenset(
    "hola tengo duele cuando mucho muy pero dolor tobillo talón pierna corro correr corriendo también "
    "ich habe nicht und meine mein schmerzen wenn beim laufen ferse knöchel bitte danke "
    "je j'ai très fait quand cheville douleur avec mais talon courir bonjour merci "
    "dolore caviglia quando molto corsa correre tallone ciao grazie "
    "tenho dor muito tornozelo obrigado "
    "ik heb pijn mijn niet hardlopen enkel hiel".split()
)
MIN_MARKERS = 2


class EnglishWords:
    """English word forms: stop words, the lemma table (forms and lemmas), our vocabulary."""

    def __init__(self) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS

        from understanding.spacy_model import blank_pipeline
        from understanding.vocabulary import load_vocabulary

        nlp = blank_pipeline()
        self.table = cast(Any, nlp.get_pipe("lemmatizer")).lookups.get_table("lemma_lookup")
        words = set(STOP_WORDS) | {str(v) for v in self.table.values()}
        for values in load_vocabulary().entities.values():
            for phrases in values.values():
                for phrase in phrases:
                    words.update(phrase.split())
        self.words: FrozenSet[str] = frozenset(w.lower() for w in words)

    def __contains__(self, word: str) -> bool:
        return word in self.words or word in self.table


@lru_cache(maxsize=1)
def english_words() -> EnglishWords:
    return EnglishWords()


def latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) / len(letters)


def is_other_language(text: str, has_facts: bool = False) -> bool:
    """True when the message is most likely not English."""
    if has_facts or not text:
        return False
    if latin_share(text) < 0.5:
        return True
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return False
    if sum(w in OTHER_LANGUAGE_MARKERS for w in words) >= MIN_MARKERS:
        return True
    known = sum(w in CHAT_WORDS or w in english_words() or w.split("'")[0] in english_words() for w in words)
    return known / len(words) < MIN_ENGLISH_SHARE
