"""Normalise a runner's message before anything reads it.

Phone keyboards and chat apps type characters that the vocabulary, the
tokenizer and the negation rules do not expect. ``normalize`` maps them to
plain forms, so "I can’t put weight on it" reads exactly as
"I can't put weight on it":

- typographic apostrophes, quotes, dashes, ellipses and unusual spaces;
- emoji and other pictographs (dropped), except a message that is only a
  yes or no emoji ("✅", "👍", "❌"), which is read as that word;
- letters stretched for emphasis ("sooo sore" -> "so sore", "swolllen" -> "swollen");
- contractions typed without an apostrophe ("cant", "dont", "isnt", "im");
- "no one" / "no-one" / "noone" as "nobody" (one word for the rules to read).

It never changes what a message says. ``understanding.component.TextNormalizer``
runs it first in the NLU pipeline (training data and live messages alike).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Optional

CHARACTERS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u02bc": "'",
    "\uff07": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": " - ",
    "\u2014": " - ",
    "\u2015": " - ",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\t": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\ufe0f": "",
    "\ufe0e": "",
}
_TRANSLATION = str.maketrans(CHARACTERS)
# Contractions typed without an apostrophe. Only forms that are not ordinary
# English words themselves ("its", "well", "were", "ill", "id", "shed" stay).
CONTRACTIONS = {
    "cant": "can't",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "wont": "won't",
    "aint": "ain't",
    "im": "i'm",
    "ive": "i've",
    "thats": "that's",
    "theres": "there's",
    "whats": "what's",
    "youre": "you're",
    "theyre": "they're",
    "dunno": "don't know",
    "cannot": "can not",
    "couldve": "could've",
    "wouldve": "would've",
}
# Scots, Irish and northern English forms for the same words ("naw", "aye nae bother", "I cannae put it doon",
# "nowt like that", "divn't think so").
DIALECT = {
    "naw": "no",
    "nae": "no",
    "nay": "no",
    "aye": "yes",
    "cannae": "can't",
    "canna": "can't",
    "dinnae": "don't",
    "didnae": "didn't",
    "couldnae": "couldn't",
    "wouldnae": "wouldn't",
    "isnae": "isn't",
    "wasnae": "wasn't",
    "doesnae": "doesn't",
    "hasnae": "hasn't",
    "havnae": "haven't",
    "doon": "down",
    "ower": "over",
    "nowt": "nothing",
    "owt": "anything",
    "divn't": "don't",
    "divnt": "don't",
}
CONTRACTIONS.update(DIALECT)
_CONTRACTION = re.compile(r"\b(" + "|".join(sorted(CONTRACTIONS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}", re.UNICODE)
_SPACES = re.compile(r"[ ]{2,}")
# "no one was there" as one word, so that rules read it like "nobody" (not "no one spot", "no one thing").
_NO_ONE = re.compile(
    r"\b(no[ -]?one)\b(?!\s+(spot|place|point|thing|particular|area|bit|of|day|run|side|sore|single|specific|tender|exact|bone|painful)\b)",
    re.IGNORECASE,
)


# "me left ankle", "muh right heel", "mah foot": the dialect "my" before a side or a body part
_DIALECT_MY = re.compile(
    r"\b(?:me|muh|mah|ma|mi) (?=(?:left|right|ankles?|heels?|foot|feet|achilles|calf|calves|shins?|knees?|toes?|legs?|"
    r"arch|arches|soles?|tendons?|bad|sore|poor|other|good)\b)",
    re.IGNORECASE,
)
# "I not can stand on the toes", "i no can walk": the non-native negation before the verb, as "cannot"
_NOT_BEFORE_CAN = re.compile(r"\b(?:not|no)\s+(can|could)\b(?!['’]|n['’]?t\b|not\b|\s*(?:\?|$))", re.IGNORECASE)
# (not "no can't push up": a "no" and then the runner's own "can't")


def _not_before_can(match: "re.Match[str]") -> str:
    return "cannot" if match.group(1).lower() == "can" else "could not"


# "walkin", "throbbin'", "warmin up": a dropped g, put back when the word with it is English and without it is not
_DROPPED_G = re.compile(r"\b([a-z]{3,}in)'?(?=\W|$)", re.IGNORECASE)


def _dropped_g(match: "re.Match[str]", word_known: Optional[Callable[[str], bool]]) -> str:
    word = match.group(1)
    if word_known is None or word_known(word.lower()) or not word_known(word.lower() + "g"):
        return match.group(0)
    return word + "g"


def _is_pictograph(char: str) -> bool:
    """Emoji and other symbols that carry no words for us."""
    if ord(char) < 0x2100:
        return False
    return unicodedata.category(char) in {"So", "Sk", "Cs", "Co"} or 0x1F000 <= ord(char) <= 0x1FAFF


def unstretch_word(word: str, word_known: Optional[Callable[[str], bool]] = None) -> str:
    """ "sooo" -> "so", "swolllen" -> "swollen", "reallyyy" -> "really" (three or more letters in a row).

    A run is first cut to two letters; when a known-word test is given and the
    two-letter form is unknown but the one-letter form is known, one letter.
    """
    if not _STRETCHED.search(word):
        return word
    double = _STRETCHED.sub(lambda m: m.group(1) * 2, word)
    single = _STRETCHED.sub(lambda m: m.group(1), word)
    if word_known is None or word_known(double.lower()):
        return double
    if word_known(single.lower()):
        return single
    return double


def _contraction(match: "re.Match[str]") -> str:
    return CONTRACTIONS[match.group(1).lower()]  # "CANT" -> "can't": spaCy splits only the usual cases


SHOUTED_SHARE = 0.7  # a message this much in capitals is shouted: read in lower case
_CAPS_APOSTROPHE = re.compile(r"\b[A-Z]+'[A-Z]+\b")  # "CAN'T", "DON'T" inside other text


def unshout(text: str) -> str:
    """ "MY ANKLE WENT CRACK AND I CANT WALK" -> lower case; "I CAN'T walk" -> "I can't walk"."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > SHOUTED_SHARE:
        return text.lower()
    return _CAPS_APOSTROPHE.sub(lambda m: m.group(0).lower(), text)


# A yes or a no typed as one emoji ("✅", "👍🏽", "❌"): the word, not nothing.
YES_EMOJI = {"\u2705", "\u2714", "\U0001f44d", "\U0001f44c", "\u2611", "\U0001f197"}
NO_EMOJI = {"\u274c", "\u2716", "\U0001f44e", "\U0001f645", "\U0001f6ab", "\u274e", "\u26d4"}
DONT_KNOW_EMOJI = {"\U0001f937"}  # a shrug
# skin tones, joiners and the gender signs of "🙅‍♀️", "🤷‍♂️"
SKIN_TONES_AND_JOINERS = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f\u200d\u2640\u2642\\s!.]")


def _emoji_answer(text: str) -> Optional[str]:
    bare = set(SKIN_TONES_AND_JOINERS.sub("", text))
    if bare and bare <= YES_EMOJI:
        return "yes"
    if bare and bare <= NO_EMOJI:
        return "no"
    if bare and bare <= DONT_KNOW_EMOJI:
        return "don't know"
    return None


def normalize(text: str, word_known: Optional[Callable[[str], bool]] = None) -> str:
    """The message in plain characters, with the same words."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATION)
    answer = _emoji_answer(text)
    if answer:
        return answer
    text = _DIALECT_MY.sub("my ", text)  # before emoji become spaces: "in front of me 😂 right ankle" stays "me"
    text = "".join(" " if _is_pictograph(c) else c for c in text)
    text = re.sub(r"[^\W\d_]{3,}", lambda m: unstretch_word(m.group(0), word_known), text)
    text = _CONTRACTION.sub(_contraction, unshout(text))
    text = _NO_ONE.sub("nobody", text)
    text = _NOT_BEFORE_CAN.sub(_not_before_can, text)
    text = _DROPPED_G.sub(lambda m: _dropped_g(m, word_known), text)
    return _SPACES.sub(" ", text).strip()


def normalize_message(text: str) -> str:
    """``normalize`` with English words known (what the NLU pipeline reads)."""
    from understanding.language import english_words

    return normalize(text, english_words().__contains__)


def pipeline_text(text: str) -> str:
    """The text as the spaCy pipeline reads it inside Rasa: normalised (TextNormalizer), then lowercased
    (config.yml: SpacyNLP with ``case_sensitive: false``). Readers outside Rasa (tests, evaluation) use this
    so that they see what the server sees: "I'm sat" and "i'm sat" match different lemma patterns."""
    return normalize_message(text).lower()
