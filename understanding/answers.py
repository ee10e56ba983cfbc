"""Short answers to the form's questions that the intent classifier misreads.

DIET sometimes files an answer under a question intent ("no, I couldn't even
take a few steps" as ``ask_return_to_running``) or reads "I don't know, I
haven't pressed it" as ``deny``. These rules, applied after the classifier,
correct only messages shaped like answers:

- an uncertainty cue and no fact said -> ``dont_know`` (never a guessed no:
  a wrong "no" to a safety question would under-triage);
- a leading yes/no word, no question mark, and a question or ``inform``
  intent -> ``affirm`` / ``deny``;
- an unsure classification (below ``UNSURE``) of a message that names a sore
  body part ("foot") -> ``describe_pain``.
"""
from __future__ import annotations

import re
from typing import Optional

YES_WORDS = {"yes", "yeah", "yep", "yup", "yea", "ya", "aye", "sure", "definitely", "absolutely"}
NO_WORDS = {"no", "nope", "nah", "nop", "never"}
ANSWER_INTENTS = {"affirm", "deny", "inform"}
UNCERTAIN = re.compile(
    r"\b(i\s*(do\s*n[o']?t|dont|didn'?t)\s+know|dunno|not\s+sure|unsure|no\s+idea|can'?t\s+tell|"
    r"cannot\s+tell|hard\s+to\s+(say|tell)|haven'?t\s+(checked|pressed|tried|looked|noticed)|"
    r"not\s+certain|no\s+clue)\b")
FIRST_WORD = re.compile(r"^\W*([a-z']+)")
UNSURE = 0.4  # FallbackClassifier's threshold in config.yml


def corrected_intent(text: str, intent: Optional[str], has_facts: bool,
                     confidence: float = 1.0, names_body_part: bool = False) -> Optional[str]:
    """The intent an answer-shaped message should have, or None to keep the classifier's."""
    lowered = text.lower().strip()
    if not lowered or lowered.startswith("/"):
        return None
    if names_body_part and confidence < UNSURE and intent in ANSWER_INTENTS | {"describe_pain", None}:
        return "describe_pain"
    if not has_facts and intent in ANSWER_INTENTS and UNCERTAIN.search(lowered):
        return "dont_know"
    if "?" in lowered:
        return None
    match = FIRST_WORD.match(lowered)
    first = match.group(1) if match else ""
    answer = "affirm" if first in YES_WORDS else "deny" if first in NO_WORDS else None
    if answer and (intent == "inform" and not has_facts or (intent or "").startswith("ask_")):
        return answer
    return None
