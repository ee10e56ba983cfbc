"""Small word lists that both the fact extractor (understanding/facts.py, on
spaCy tokens) and the intent guard (understanding/answers.py, on text) read:
one home for each, so the two never disagree."""

from __future__ import annotations

import re
from typing import FrozenSet, Pattern, Tuple

# Words that say it hurts ("my heel is sore", "achilles is killing me").
PAIN_WORDS: FrozenSet[str] = frozenset(
    {
        "hurt", "hurts", "hurting", "pain", "painful", "sore", "ache", "aches", "aching", "achy", "achey",
        "tender", "tight", "throb", "throbs", "throbbing", "problem", "killing", "stiff", "swollen", "injured",
        "niggle", "niggling", "agony", "twinge", "twinges", "twingy", "burning", "wrecked", "grumpy",
        "niggly", "throbby",
    }
)  # fmt: skip
# First words of a question ("should I...", "what's...").
QUESTION_STARTS: FrozenSet[str] = frozenset(
    {
        "should", "can", "could", "how", "what", "which", "why", "is", "are", "do", "does", "will", "would",
        "when", "where", "shall", "any", "whats", "what's", "may", "might",
    }
)  # fmt: skip
# A yes or a no that answers the question just asked.
YES_WORDS: FrozenSet[str] = frozenset(
    {"yes", "yeah", "yep", "yup", "yea", "ya", "aye", "sure", "definitely", "absolutely", "ja", "opo", "oui", "tak"}
)
# "naw"/"nae" (Scots), "nowt" (northern English), "wala"/"hindi" (Taglish), "nein": a no as runners mix it into their English
NO_WORDS: FrozenSet[str] = frozenset(
    {"no", "nope", "nah", "nop", "never", "naw", "nae", "wala", "hindi", "nein", "nowt"}
)
# Words that negate what follows ("not swollen", "never stretch", "zero pain"), as spaCy splits them
# ("n't") and as typed without an apostrophe ("dont").
NEGATION_WORDS: FrozenSet[str] = frozenset(
    {
        "no", "not", "n't", "nt", "never", "without", "nope", "none", "nah", "hardly", "rarely", "seldom",
        "barely", "neither", "nor", "nothing", "nothin", "nada", "zero", "dont", "didnt", "cant", "wont",
        "isnt", "wasnt", "doesnt", "havent", "hasnt", "arent", "aint", "werent",
    }
)  # fmt: skip
# Words that negate a habit ("I skip the warm-up", "stopped stretching").
HABIT_NEGATIONS: FrozenSet[str] = frozenset(
    {"skip", "skipped", "skipping", "skips", "forget", "forgot", "lack", "stopped", "quit"}
)
# A yes or a no that can stand alone as the whole answer ("No.", "yes, ...").
BARE_ANSWERS: FrozenSet[str] = frozenset({"no", "nope", "nah", "yes", "yeah", "yep"})
# Words that say the runner is correcting what they said before ("sorry, actually it's the right one").
CORRECTION_PHRASES: Tuple[str, ...] = (
    "actually",
    "i mean",
    "i meant",
    "sorry",
    "no wait",
    "wait",
    "correction",
    "rather",
    "oops",
    "to be clear",
    "to clarify",
    "my mistake",
    "my bad",
    "misread",
    "to correct",
)
# Phrases that say the runner does not know (as typed; facts.py reads them as spaCy splits them).
UNCERTAIN_PHRASES: Tuple[str, ...] = (
    "not sure", "unsure", "don't know", "dont know", "do not know", "didn't know", "no idea", "dunno",
    "can't tell", "cannot tell", "can't remember", "hard to say", "hard to tell", "difficult to tell",
    "not certain", "no clue", "haven't checked", "haven't pressed", "haven't tried", "haven't looked",
    "haven't noticed", "never tried", "not tried", "didn't try", "hang on", "hold on", "let me try", "let me check",
    "one sec", "give me a sec", "i'll try", "will try",
)  # fmt: skip


def spacy_words(phrase: str) -> Tuple[str, ...]:
    """A phrase as spaCy's English tokenizer splits it ("can't" -> "ca", "n't"; "cannot" -> "can", "not")."""
    words = []
    for word in phrase.lower().split():
        if word == "cannot":
            words += ["can", "not"]
        elif word.endswith("n't"):
            stem = word[:-3]
            words += [{"ca": "ca", "wo": "wo"}.get(stem, stem), "n't"]
        else:
            words.append(word)
    return tuple(words)


def phrase_pattern(phrases: Tuple[str, ...]) -> Pattern[str]:
    """A regular expression for any of the phrases in typed text, the apostrophe optional."""
    alternatives = [r"\s+".join(re.escape(w).replace("'", "'?") for w in p.split()) for p in phrases]
    return re.compile(r"\b(" + "|".join(sorted(alternatives, key=len, reverse=True)) + r")\b")


def word_pattern(words: FrozenSet[str], at_start: bool = False) -> Pattern[str]:
    """A regular expression for any of the words, whole words only (longest first)."""
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile((r"^\W*" if at_start else r"\b") + f"({alternatives})" + r"\b")


# Numbness or tingling there for this many days or more is a nerve to examine soon, not the sudden loss of blood
# supply (docs/clinical-basis.md, "numbness or tingling that has lasted weeks").
LASTING_NUMBNESS_DAYS = 14

# The runner refers back to an earlier answer of theirs ("I said I stretch, I really don't").
TAKING_BACK: Pattern[str] = re.compile(r"\bi (?:said|told you|meant|wrote)\b")
# A message that says it corrects something told before ("sorry, I need to correct that", "I was wrong").
CORRECTING: Pattern[str] = re.compile(
    r"\b(?:correct(?:ing)? (?:that|myself|what i said)|correction|i was wrong|i got (?:that|it) wrong|wasn'?t telling the truth|"
    r"i lied|not true what i said|actually i (?:can'?t|cannot|do|did|don'?t|didn'?t|have|am|was))\b"
)

# A message that adds something not told before ("one more thing, I didn't mention the flight"), not a correction.
ADDING: Pattern[str] = re.compile(
    r"\b(?:one more thing|another thing|forgot to (?:say|mention|tell)|didn'?t (?:mention|say|tell you)|"
    r"by the way|btw|just remembered|also noticed)\b"
)


# The bone press, read in a free message (understanding/facts.py) and in an answer (understanding/answers.py)
SOFT_TISSUE_WORDS = {"soft", "tendon", "muscle", "ligament", "strip", "fleshy", "fat", "pad", "padding", "cushion"}
BONE_WORDS = {"bone", "bones", "bony", "bump", "bumps", "malleolus", "navicular", "metatarsal"}
TENDER_WORDS = {"tender", "tenderness", "sore", "painful", "hurts", "hurt", "aches", "pain", "paining", "pains"}
