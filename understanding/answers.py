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
  body part ("foot") -> ``describe_pain``;
- a warning sign told as a statement, whatever else the message asks
  ("I can't put weight on it, can I take ibuprofen?") -> ``describe_pain``,
  so the assessment (and its urgent advice) always follows;
- a complaint that mentions a side topic ("I'm overweight and started
  running, now my ankles hurt") -> ``describe_pain``: the topic can wait;
- "stop" or "start over" not asked for in so many words ("jogged to the
  start so sort of"), or a "stop" about running ("I don't want to stop") ->
  ``inform``: an answer never restarts or ends the conversation.
"""

from __future__ import annotations

import re
from typing import List, Optional

from understanding.words import (
    BONE_WORDS,
    NEGATION_WORDS,
    NO_WORDS,
    QUESTION_STARTS,
    SOFT_TISSUE_WORDS,
    TAKING_BACK,
    TENDER_WORDS,
    UNCERTAIN_PHRASES,
    YES_WORDS,
    phrase_pattern,
    word_pattern,
)
from understanding.words import PAIN_WORDS as PAIN_WORD_LIST

ANSWER_INTENTS = {"affirm", "deny", "inform"}
UNCERTAIN = phrase_pattern(UNCERTAIN_PHRASES)
# A "no" said with doubt ("no I don't think so"): for the warning signs, worth one closer look.
HEDGED = re.compile(
    r"\b(do\s*n[o']?t|dont)\s+think\s+so\b|\bprobably\s+not\b|\bi\s+think\s+not\b|"
    r"\bnot\s+that\s+i('ve|\s+have)?\s+(noticed|know|can\s+tell)\b|\bmaybe\b|\bi\s+guess\s+not\b|\bnot\s+sure\b"
)
# An answer that opens unsure ("I don't know tbh, it was dark, I didn't feel a twist"): what follows is a guess.
UNSURE_OPENING = re.compile(
    r"^\W*(?:i\s+)?(?:do\s*n[o']?t|dont)\s+know\b|^\W*(?:i'?m\s+)?not\s+sure\b|^\W*(?:no\s+idea|dunno|idk)\b|"
    r"^\W*(?:i\s+)?(?:can'?t|cannot|honestly\s+can'?t)\s+(?:remember|tell|say)\b"
)
# Intents that never carry a complaint: a sore body part said with them is one.
SMALL_TALK = {"thank", "greet", "goodbye", "ask_capabilities", "affirm", "out_of_scope", "nlu_fallback", None}
# Side-question intents with no answer of their own for a complaint ("why do you ask?" is about the questions).
NOT_ANSWERABLE = {"ask_why", "ask_clarify"}
# Intents that start (or update) the assessment (data/rules/assessment.yml).
STARTS_ASSESSMENT = {"inform", "describe_pain"}
# "stop" and "start over" are obeyed only when asked for in so many words.
CONTROL_INTENTS = {"stop", "start_over"}
CONTROL_COMMAND = re.compile(
    r"\b(stop|quit|cancel|abort|exit|halt|enough|give up|forget it|never ?mind|drop it|end (this|the|it)|"
    r"no more questions|restart|reset|redo|start (over|again)|begin again|from the (top|beginning)|"
    r"new (assessment|start|conversation|chat)|clear everything|scratch that|i'?m done|don'?t want to continue)\b"
)
# "I don't want to stop", "never quit", "stop running?": about running, not about the questions.
NOT_A_CONTROL_COMMAND = re.compile(
    r"\b(do\s*n[o'’]?t|dont|won['’]?t|will\s+not|never|can['’]?t|cannot|not|no\s+way\s+i['’]?m?)\s+"
    r"((want|have|need|going|like)\s+to\s+|wanna\s+|gonna\s+|ever\s+)?(stop|quit|give\s+up)\b|"
    r"\b(stop|quit|give\s+up)\s+(running|training|racing|my\s+runs?|the\s+(race|marathon|plan))\b"
)
# A question asked without a question mark or a question word ("I wonder if...", "any tips for...").
ASKING = re.compile(
    r"\b(wonder|wondering|want to know|wanna know|tell me|tips?|advice|advise|recommend|suggest|help|unsure|not sure)\b"
)
FIRST_WORD = re.compile(r"^\W*([a-z']+)")
UNSURE = 0.4  # FallbackClassifier's threshold in config.yml
PAIN_WORDS = word_pattern(PAIN_WORD_LIST)
QUESTION_START = word_pattern(QUESTION_STARTS, at_start=True)


def corrected_intent(
    text: str,
    intent: Optional[str],
    has_facts: bool,
    confidence: float = 1.0,
    names_body_part: bool = False,
    states_warning_sign: bool = False,
    states_injury: bool = False,
    names_shoes: bool = False,
) -> Optional[str]:
    """The intent an answer-shaped message should have, or None to keep the classifier's."""
    lowered = text.lower().strip()
    if not lowered or lowered.startswith("/"):
        return None
    if intent in CONTROL_INTENTS and len(lowered.split()) > 2 and not CONTROL_COMMAND.search(lowered):
        return "inform"  # "jogged to the start so sort of" is an answer, not "start over"
    if intent == "stop" and NOT_A_CONTROL_COMMAND.search(lowered):
        return "inform"  # "I'm addicted, I don't want to stop" is about running, not the questions
    sure_answer = intent in {"affirm", "deny", "dont_know"} and confidence >= UNSURE
    if states_warning_sign and not sure_answer and intent not in {"stop", "start_over"}:
        return "describe_pain"  # also an unsure describe_pain: made sure, so no fallback swallows it
    if intent == "dont_know" and names_body_part and lowered.startswith("my ") and len(lowered.split()) <= 5:
        return "describe_pain"  # "my shin, idk": where it hurts, and not knowing why; the assessment starts
    side_topic = (
        (intent or "").startswith("ask_")
        or intent in {"out_of_scope", "nlu_fallback", None}
        or (intent == "inform" and confidence < UNSURE)
    )
    says_pain = bool(PAIN_WORDS.search(lowered))
    complaint = names_body_part and (states_injury or says_pain)
    if complaint and intent in SMALL_TALK | NOT_ANSWERABLE and (says_pain or intent != "affirm"):
        # "feet are KILLING me after the marathon, is this an emergency lol" is not a thank-you, and
        # "what happens if you run on a stress fracture? my shins are achy" is not "why do you ask?"
        return "describe_pain"
    if has_facts and intent in STARTS_ASSESSMENT and (complaint or confidence >= UNSURE):
        return intent  # made sure: a close runner-up between two intents that both start the assessment is no fallback
    if (
        names_body_part
        and (side_topic or intent == "describe_pain")
        and PAIN_WORDS.search(lowered)
        and "?" not in lowered
        and not QUESTION_START.search(lowered)
    ):
        return "describe_pain"  # made sure, so a close side topic never turns it into a fallback
    if names_body_part and confidence < UNSURE and intent in ANSWER_INTENTS | {"describe_pain", None}:
        return "describe_pain"
    if names_body_part and confidence < UNSURE and (intent or "").startswith("ask_"):
        return intent  # pain and a question ("sprained it yesterday, when can I run?"): answered, then assessed
    asks = "?" in lowered or bool(QUESTION_START.search(lowered))
    if has_facts and side_topic and not asks and TAKING_BACK.search(lowered):
        return "inform"  # "I said I stretch but I really don't": an earlier answer corrected, not a question about it
    if (has_facts or names_shoes) and side_topic and not asks and not ASKING.search(lowered):
        # "I use my church shoes, I have no sports shoes", "my Nike Zoom Flys": told, not asked (shoes are in scope)
        return "inform"
    if (
        has_facts
        and confidence < UNSURE
        and intent not in {"describe_pain", "stop", "start_over"}
        and not asks
        and not UNCERTAIN.search(lowered)
    ):
        return "inform"  # facts said, intent unclear: they start or update the assessment, never "didn't understand"

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


# The no and yes words beyond the English ones the patterns spell out (understanding/words.py)
OTHER_NO = "|".join(sorted(NO_WORDS - {"no", "nope", "nah", "nop", "never"}))
OTHER_YES = "|".join(
    sorted(YES_WORDS - {"yes", "yeah", "yep", "yup", "yea", "ya", "aye", "sure", "definitely", "absolutely"})
)
NO_PHRASES = re.compile(
    r"^\W*(not\s+really|not\s+at\s+all|not\s+much|not\s+that\s+i\s+know|none|nothing|"
    rf"no+pe|nah+|never|no+|{OTHER_NO}|can\s*not(?=(?:\s+(?:lah|leh|la|lor|one|ah))?\W*$))\b"
    r"(?!\s+(?:problems?|bother|issues?|worries|trouble|difficulty)\b)"  # "no problem": fine, not a "no"
)
# A yes or no closing a short part: "walking yes", "the bone itself no, the bit behind it yes".
TRAILING_ANSWER = re.compile(r"^\W*(?:[\w']+\s+){1,3}(ye[sp]+|yeah+|yup|yea|no+|nope|nah+)\W*$")
YES_PHRASES = re.compile(
    rf"^\W*(ye[sp]+|yeah+|yup|yea|ya|aye|sure|definitely|absolutely|of\s+course|{OTHER_YES}|"
    # "I did the pressing thing, nothing on the bones": what was done, not a yes
    r"i\s+do(?!\s+(?:the|that|this|what|it|a|an|my|some)\b)|i\s+did(?!\s+(?:the|that|this|what|it|a|an|my|some)\b)|"
    r"it\s+is|a\s+(little|bit|tiny\s+bit)|slightly|kind\s+of|kinda|sort\s+of|"
    # "can", "can lah", "can do": the whole answer is a yes (Singapore and Malaysian English), not "can I run?"
    r"can(?=(?:\s+(?:lah|leh|la|lor|do|one|ah|also|already|can))?\W*$))\b"
    r"(?!\s*(?:n[o'\u2019]?t\b|n't))"  # "I did not press it", "it isn't" are no yes
)


def answer_outside_question(text: str) -> Optional[str]:
    """ "affirm" / "deny" from the part of a message that is not a question
    ("what's a warm up? no" -> deny), or None."""
    parts = re.split(r"(?<=[?.!;,])", text.lower())
    statements = [p for p in parts if p.strip() and not p.strip().endswith("?")]
    for part in statements:
        if NO_PHRASES.search(part):
            return "deny"
        if YES_PHRASES.search(part):
            return "affirm"
        trailing = TRAILING_ANSWER.search(part.strip())
        if trailing and not HEDGED.search(part):
            return "deny" if trailing.group(1).startswith("n") else "affirm"
    return None


NEGATION_WORDS_BEFORE = 3  # a negation further back is about something else
SHORT_NEGATIONS = re.compile(word_pattern(NEGATION_WORDS - {"n't"}).pattern + r"|n't\b")


def short_answer(text: str, answers: dict) -> Optional[object]:
    """The value whose listed words a short answer uses (``knowledge/questions.yml`` ``answers``).

    The longest listed phrase wins. A phrase that a negation stands before
    ("doesn't really hurt at any one spot") does not count; for a yes/no
    question it says the opposite.
    """
    # clause breaks kept as "|": a negation in the clause before does not turn this one round
    # ("The bones don't hurt, it's the tendon that's sore": "it's the tendon" stays a no)
    marked = re.sub(r"[.,;:!?]+", " | ", text.lower().replace("\u2019", "'"))
    lowered = " " + re.sub(r"[^\w'| ]+", " ", marked) + " "
    best = None
    for value, phrases in answers.items():
        for phrase in phrases:
            position = lowered.find(f" {phrase.lower()} ")
            if position >= 0 and (best is None or len(phrase) > len(best[1])):
                best = (value, phrase, position)
    if best is None:
        return None
    value = {"true": True, "false": False}.get(str(best[0]), best[0])
    clause_before = lowered[: best[2]].split("|")[-1]
    before = " ".join(clause_before.split()[-NEGATION_WORDS_BEFORE:])  # "hardly used so they're fine"
    phrase_negates = SHORT_NEGATIONS.search(" " + best[1] + " ")
    if not phrase_negates and SHORT_NEGATIONS.search(" " + before + " "):
        return (not value) if isinstance(value, bool) else None
    return value


# The bone-press answer read clause by clause: "the fat pad is sore, the bones around the ankle no" says the
# bones are fine (the sore part is soft tissue); "no, but the bone on top is sore" says one is tender.
# (a bump is not named here: "the bump" in an answer is as often the soft swelling as the bone)
BONE_PRESS_BONE_WORDS = (BONE_WORDS - {"bump", "bumps"}) | {"knob", "knobs", "knobbly"}
BONE_PRESS_SOFT_WORDS = SOFT_TISSUE_WORDS | {
    "squishy", "meaty", "muscles", "tendons", "ligaments", "skin", "arch",
}  # fmt: skip
BONE_PRESS_DIFFUSE_WORDS = {"along", "everywhere", "whole", "length", "all over"}  # no one spot: not a stress fracture
BONE_PRESS_TENDER_WORDS = TENDER_WORDS | {"ouch", "ache", "agony"}
BONE_PRESS_DENIALS = {"no", "not", "n't", "nothing", "fine", "ok", "okay", "never", "none", "neither", "nope", "normal"}
ANSWER_CLAUSE_BREAKS = r"[,.;!?]|\bbut\b"


def clause_words(text: str, breaks: str = ANSWER_CLAUSE_BREAKS) -> List[set]:
    """The words of each clause of an answer ("n't" a word of its own)."""
    return [set(re.findall(r"[a-z']+", clause)) for clause in re.split(breaks, text.replace("n't", " n't"))]


def bone_press_by_clause(text: str) -> Optional[bool]:
    """True when a clause names a bone as tender at a spot, False when the clauses that name a bone deny it,
    None when no clause speaks of a bone."""
    votes = []
    lowered = text.lower().replace("\u2019", "'")
    for words in clause_words(lowered, ANSWER_CLAUSE_BREAKS + r"|\bexcept\b|\bwhereas\b"):
        if not words & BONE_PRESS_BONE_WORDS:
            continue  # "the fat pad is sore", "the shin is tender along a long strip": not the bones asked about
        if words & BONE_PRESS_DENIALS:
            votes.append(False)  # "the bones around the ankle no", "bones don't hurt"
        elif words & BONE_PRESS_TENDER_WORDS and not words & (BONE_PRESS_SOFT_WORDS | BONE_PRESS_DIFFUSE_WORDS):
            votes.append(True)  # "the bone on top is sore"
    if True in votes:
        return True
    return False if votes else None
