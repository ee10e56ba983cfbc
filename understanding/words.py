"""Small word lists that both the fact extractor (understanding/facts.py, on
spaCy tokens) and the intent guard (understanding/answers.py, on text) read:
one home for each, so the two never disagree."""

from __future__ import annotations

import re
from typing import FrozenSet, Pattern

# Words that say it hurts ("my heel is sore", "achilles is killing me").
PAIN_WORDS: FrozenSet[str] = frozenset(
    {
        "hurt", "hurts", "hurting", "pain", "painful", "sore", "ache", "aches", "aching", "achy", "achey",
        "tender", "tight", "throb", "throbs", "throbbing", "problem", "killing", "stiff", "swollen", "injured",
        "niggle", "niggling", "agony",
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
    {"yes", "yeah", "yep", "yup", "yea", "ya", "aye", "sure", "definitely", "absolutely"}
)
NO_WORDS: FrozenSet[str] = frozenset({"no", "nope", "nah", "nop", "never"})


def word_pattern(words: FrozenSet[str], at_start: bool = False) -> Pattern[str]:
    """A regular expression for any of the words, whole words only (longest first)."""
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile((r"^\W*" if at_start else r"\b") + f"({alternatives})" + r"\b")
