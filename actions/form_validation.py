"""``validate_assessment_form``: understand the answer, then choose the next question.

The form asks only what is still missing, one question at a time, in the
order of ``actions/runner.py``. This action reads answers in context (yes/no,
"not really", "a bit", numbers as weekly distance, the short answers a
question lists in ``knowledge/questions.yml``), keeps an answer that comes
with a side question and answers that question too, skips a question after
"I don't know" or a second unclear answer, and never asks one question more
than twice. An emergency ends the questions at once; the assessment comes by
user turn ``TURN_BUDGET`` whatever the runner answers.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.knowledge import EMERGENCY, knowledge
from actions.questions import CLARIFY_INTENT
from actions.red_flags import (
    confirming_question,
    confirms,
    detect,
    pending_question,
    pop_at_back_of_leg,
    without_cannot_walk,
)
from actions.runner import TRAINING_QUESTIONS, TURN_BUDGET, facts_from_slots, questions_left
from actions.slot_mappings import ActionValidateSlotMappings, screened_signs, slots_before_latest_message
from understanding import units
from understanding.answers import (
    CONTROL_INTENTS,
    HEDGED,
    UNCERTAIN,
    UNSURE_OPENING,
    answer_outside_question,
    bone_press_by_clause,
    short_answer,
)
from understanding.vocabulary import vocabulary
from understanding.words import BARE_ANSWERS

REQUESTED_SLOT = "requested_slot"
FORM = "assessment_form"
YES_NO_QUESTIONS = {
    "injury_event",
    "can_walk",
    "bone_tenderness",
    "tiptoe",
    "warning_signs",
    "swelling",
    "warm_up",
    "stretching",
}
YES_NO_VALUES: Dict[str, Dict[str, Any]] = {q: {"affirm": True, "deny": False} for q in YES_NO_QUESTIONS}
YES_NO_VALUES["volume_change"] = {"affirm": "increased", "deny": "steady"}
# "Yes" to "any of these signs?" says there is one, not which: ask which.
YES_IS_NOT_AN_ANSWER = {"warning_signs"}
# Safety checks a runner can do on the spot: "I don't know" gets one "try it now" before the question is skipped.
SELF_CHECKS = {"bone_tenderness", "tiptoe", "can_walk"}
# Questions about several signs at once, where "no pain at night, calf not swollen" is one "no".
SEVERAL_SIGNS = {"warning_signs"}
# Signs that passed: an answer about them says "none of these now".
PASSED_SIGNS = {"transient_numbness"}
# A yes or no closed by a full stop or an exclamation mark, first in the message.
# "No. I just tried", "yes and walking is fine": a yes or no first, closed off, answers the question asked
STANDALONE_ANSWER = re.compile(r"^\W*(" + "|".join(sorted(BARE_ANSWERS)) + r")\s*(?:[.!,]|\band\b)")
# Entities that answer the weekly distance question only when it was asked.
# "I don't know how to do this", "not sure what you mean": the check needs explaining, not just asking again
DOES_NOT_KNOW_HOW = re.compile(r"\bhow\b|\bwhat (?:do )?you mean\b|\b(?:don'?t|do not) (?:understand|get it)\b", re.I)
DISTANCE_ENTITIES = ("weekly_km", "distance_km", "number")
CONVERSATION_INTENTS = {
    "ask_why",
    CLARIFY_INTENT,
    "stop",
    "start_over",
    "out_of_scope",
    "greet",
    "goodbye",
    "thank",
    "ask_capabilities",
    "other_language",
}
FIRST_PASS_ACTIONS = {"action_listen", "action_extract_slots", None}
MAX_TIMES_ASKED = 2
# The open last safety question and how much of its answer the summary keeps.
OPEN_QUESTION = "anything_else"
OPEN_ANSWER_CHARACTERS = 300


def open_answer(intent: Optional[str], text: str, told_a_fact: bool = False) -> Any:
    """The answer to the open "anything else?": False for "no, that's all", else the runner's words
    (the facts in them are read like any message's; a question in them is answered); None for a bare "yes"."""
    words = knowledge().questions["anything_else"]["answers"]["false"]
    said = intent if intent in {"affirm", "deny"} else answer_outside_question(text)
    if said == "deny" or short_answer(text, {"false": words}) is False:
        return False
    # "type 2 diabetes, insulin at night" is often classed off-topic; with a fact in it, it answers the question
    conversation = intent in CONVERSATION_INTENTS and not told_a_fact
    if said == "affirm" and len(text.split()) <= 2 or not text.strip() or conversation:
        return None  # "yes" alone, "stop", "why do you ask?": not an answer
    return " ".join(text.split())[:OPEN_ANSWER_CHARACTERS]  # a question too: it is answered beside (``faq``)


# Weakness told in answer to the tiptoe check is a "no" (docs/clinical-basis.md, suspected Achilles rupture).
# Clear weakness is a "no"; mild weakness ("yes, a bit weaker") is a "no" only after a pop at the back of the leg.
WEAK_TIPTOE = re.compile(
    r"\b(?:barely|hardly|really weak|very weak|so weak|too weak|no push|no spring|floppy|nothing happens|"
    r"(?:won'?t|doesn'?t|does not|will not|can'?t|cannot|couldn'?t) (?:lift|go up|come up|rise)|stays (?:down|flat)|"
    r"only\b[^.,]{0,15}?\b(?:on|with) (?:both|two))\b"
)
# The bone press tried and nothing hurt, whatever doubt comes before it.
PRESSED_AND_FINE = re.compile(
    r"\b(?:pressed|pushed|prodded|poked|squeezed|tried)(?: it| on it| on them| them| around(?: it)?| on the bones?| the bones?)?"
    r"\W+(?:and\s+)?"
    r"(?:nothing(?: much| really)?|fine|ok|okay|no pain|didn'?t hurt|doesn'?t hurt|not much)\b"
)
BUT_A_SPOT = re.compile(r"\b(?:except|but|apart from|other than|besides|spot|point|bone)\b")
WEAK_PUSH_OFF = "weak_push_off"  # the symptom a weak "yes" to the tiptoe question adds (knowledge/red_flags.yml)
MILD_WEAKNESS = re.compile(r"\b(?:weak|weaker|weakness|struggle|struggling|wobbly)\b")
NOT_WEAK = re.compile(r"\b(?:no|not|without|any)\s+(?:any\s+|really\s+)?(?:weak|weakness|struggle)")


# The screening question asks about now: "it went within minutes, normal since" answers "none of these now".
PASSED_NOW = re.compile(
    r"\b(?:went away|went within|gone now|it'?s gone|passed|settled|normal (?:again|since|now)|fine (?:now|since)|"
    r"goes (?:away|off|the moment|as soon as|once|when)|(?:go|goes|went) when i loosen|"
    r"back to normal|all fine now|all good now)\b"
)
# "it's not swollen or warm", "no numbness or tingling": the screening's signs named only to be denied
SIGNS_DENIED = re.compile(
    r"\b(?:not|no|isn't|aren't|nothing|never)\s+(?:\w+\s+){0,2}?(?:swollen|swelling|warm|hot|numb|numbness|tingl\w*|"
    r"cold|pale|pain\s+at\s+(?:night|rest))\b"
)
STILL_THERE = re.compile(
    r"\b(?:still|n't (?:gone|passed|settled)|not (?:gone|passed|settled)|hasn'?t (?:gone|passed|settled|stopped|eased))\b"
)  # not "it went away and hasn't come back"


def told_passed(text: str) -> bool:
    lowered = text.lower().replace("\u2019", "'")
    return bool(PASSED_NOW.search(lowered)) and not STILL_THERE.search(lowered)


def weak_on_tiptoe(text: str, pattern: "re.Pattern[str]" = WEAK_TIPTOE) -> bool:
    lowered = text.lower().replace("\u2019", "'")
    return bool(pattern.search(lowered)) and not NOT_WEAK.search(lowered)


# "not bone, soft part", "not on the bone itself, it's the fleshy bit": the tender place is not a bone
# "sore round the bone but not on it"
NOT_THE_BONE = re.compile(
    r"\bnot\s+(?:on\s+)?(?:the\s+|a\s+)?(?:bone|bones|bony)\b(?!\s+(?:hurt|sore|tender|pain))"
    r"(?=.*\b(?:soft|fleshy|tendons?|muscles?|squishy|ligaments?|skin)\b)|"
    r"\b(?:round|around|near|next\s+to|beside)\s+(?:the\s+)?bones?\b.*\bnot\s+on\s+(?:it|them|the\s+bones?)\b|"
    # sore everywhere it is pressed, no one spot: diffuse soreness, not a bone's point tenderness
    r"(?:\b(?:no|not)\s+(?:on\s+|at\s+|in\s+)?(?:one|a|any|single)\s+(?:single\s+)?(?:spot|point|place)\b|\b(?:sore|tender|hurts)\s+everywhere\b)"
    r"(?!.*\b(?:except|but|apart|besides|other\s+than)\b)"
)


# The bones said to be fine, and the sore place named beside a bone (round 50)
BONES_FINE = re.compile(
    r"\bbones?\b[^.,;]{0,20}?\b(?:fine|ok|okay|normal|good|alright)\b|\bbones?\s+(?:don'?t|do not|doesn'?t|dont)\s+hurt"
)
BESIDE_A_BONE = re.compile(
    r"\b(?:in\s+front\s+of|below|beneath|under|underneath|above|behind|next\s+to|beside|near|around|round|"
    r"just\s+off|between)\s+(?:the\s+|my\s+)?(?:\w+\s+)?(?:bone|bones|bony\s+bits?)\b"
)


def answer_from_context(question: str, intent: Optional[str], entities: List[Dict[str, Any]], text: str = "") -> Any:
    """The value a short answer gives to the question just asked, or None."""
    if question == OPEN_QUESTION:
        return open_answer(intent, text, told_a_fact=any(e.get("entity") for e in entities))
    if question == "tiptoe" and weak_on_tiptoe(text):
        return False  # "on the right one alone it's really weak, I can barely lift the heel": not a clear yes
    said_signs = {e.get("value") for e in entities if e.get("entity") == "symptom"}
    lowered = text.lower().replace("\u2019", "'")
    if question in SEVERAL_SIGNS and said_signs and said_signs <= PASSED_SIGNS:
        return False  # "it tingled during the race but not now": none of these now (its own flag stays)
    if question in SEVERAL_SIGNS and said_signs & screened_signs():
        return True  # "yes it throbs at night": the sign named answers the question (its flag is raised as well)
    if question in SEVERAL_SIGNS and not said_signs and told_passed(text):
        return False  # "it went within a couple of minutes when I loosened the laces, normal since": none now
    if question in SEVERAL_SIGNS and not said_signs and SIGNS_DENIED.search(lowered):
        return False  # "the calf was cramping but that's gone, it's not swollen or warm": each sign denied
    if question == "bone_tenderness" and NOT_THE_BONE.search(lowered):
        return False  # "a little painful, but not bone I think, soft part": the soft tissue, not a bone
    if question == "bone_tenderness" and BONES_FINE.search(lowered) and BESIDE_A_BONE.search(lowered):
        return False  # "no, bones are fine, sore in front of the outer bone": the ligament beside it, not the bone
    values = [e.get("value") for e in entities if e.get("entity") == question]
    if values:
        return values[-1]
    if intent == CLARIFY_INTENT:
        return None  # "which bones? I'm a bit lost": not knowing what is asked answers nothing ("a bit" is no yes)
    pressed = PRESSED_AND_FINE.search(lowered)
    if question == "bone_tenderness" and pressed and not BUT_A_SPOT.search(lowered[pressed.end() :]):
        return False  # "don't know how to check that. pressed it, nothing much": tried, and nothing hurt
    if UNCERTAIN.search(lowered):
        return None  # "I don't know, I did not press it": no answer, never a guessed yes or no
    by_clause = bone_press_by_clause(text) if question == "bone_tenderness" else None
    if by_clause is not None:
        return by_clause  # "the fat pad is sore, the bones around the ankle no": a no
    # The yes or no in the words themselves before the classifier's guess ("walking yes, no problem" is no "deny")
    said = answer_outside_question(text) or (intent if intent in {"affirm", "deny"} else None)
    # "no" next to another yes/no fact ("no swelling") may answer that one instead,
    # unless everything said denies ("no pain at night, calf not swollen"), or that fact is told the other way
    # round ("what's a warm up? No, I just go. After I stretch, yes": the "no" is not about the stretching).
    other_yes_no = {
        e.get("entity")
        for e in entities
        if e.get("entity") in (YES_NO_QUESTIONS | {"volume_change"}) - {question}
        and not (question in SEVERAL_SIGNS and said == "deny" and e.get("value") is not True)
        and not (said == "deny" and e.get("value") is True or said == "affirm" and e.get("value") is False)
    }
    if STANDALONE_ANSWER.match(text.lower()) and question in YES_NO_VALUES:
        other_yes_no = set()  # "No. I just tried, nothing happens": the "No." answers the question asked
    if question in YES_NO_VALUES and not other_yes_no:
        if said == "affirm" and question in YES_IS_NOT_AN_ANSWER:
            return None
        if said in YES_NO_VALUES[question]:
            return YES_NO_VALUES[question][said]
    if question == "volume_change" and units.change_between(text) in {"increased", "steady"}:
        return units.change_between(text)  # "she went from 1 night to 3 nights"
    if question == "shoes":
        wear = units.shoe_wear_in_answer(text, date.today().year)
        if wear:
            return wear  # "Hoka Clifton, 300km", "brooks, about 6 months": a bare distance or age is the shoes'
    if question == "weekly_km":
        runs = units.runs_in_a_week(text)
        if runs is not None:
            return runs.value  # "a parkrun and two 8ks": the runs of the week asked about, summed
        for name in DISTANCE_ENTITIES:
            numbers = [e["value"] for e in entities if e.get("entity") == name and e.get("value") is not None]
            if numbers:
                return float(numbers[-1])
        lone = units.lone_number(text)
        if lone is not None:
            return lone  # "went straight back to my normal 25": the one number is the answer
    words = answer_words(question)
    if other_yes_no:
        return None  # "no swelling" may answer that question instead (an unsure answer returned None above)
    return short_answer(text, words)


def answer_words(question: str) -> Dict[Any, List[str]]:
    """Words that answer this question: those read in any short message (vocabulary ``short_answers``)
    and those that need the question for context (knowledge/questions.yml ``answers``)."""
    words: Dict[Any, List[str]] = {}
    for source in (
        vocabulary().short_answers.get(question) or {},
        knowledge().questions.get(question, {}).get("answers") or {},
    ):
        for value, listed in source.items():
            words.setdefault(value, []).extend(listed)
    return words


def sign_read_in_the_answer_dropped(tracker: Tracker, facts: Dict[str, Any], sign: str) -> List[EventType]:
    """The answer read in the question's context says no ("pressing under the heel hurts but that's the same spot
    as the pain"): the same sign read from the answer's words alone, this turn, is dropped."""
    before = slots_before_latest_message(tracker).get("symptoms") or []
    if sign not in facts["symptoms"] or sign in before:
        return []
    facts["symptoms"] = [s for s in facts["symptoms"] if s != sign]
    return [SlotSet("symptoms", facts["symptoms"])]


def skip_question(question: str, facts: Dict[str, Any], dispatcher: Optional[CollectingDispatcher]) -> EventType:
    """Move on without an answer: the question joins ``skipped_questions``."""
    facts["skipped_questions"].append(question)
    if dispatcher is not None:
        dispatcher.utter_message(text=knowledge().messages["skip_question"])
    return SlotSet("skipped_questions", facts["skipped_questions"])


def is_digression(intent: Optional[str]) -> bool:
    return intent in CONVERSATION_INTENTS or intent in knowledge().faq


def previous_action(tracker: Tracker) -> Optional[str]:
    """The action before this form run (the form's own ActionExecuted is last)."""
    executed = [e.get("name") for e in tracker.events if e.get("event") == "action"]
    return executed[-2] if len(executed) >= 2 else None


def complaint_events(tracker: Tracker) -> List[Dict[str, Any]]:
    """The events since the runner's first typed message of this conversation (the budget's turns)."""
    events = list(tracker.events)
    start = 0
    for i, event in enumerate(events):
        if event.get("event") in {"restart", "session_started"}:
            start = i + 1
    activation = next(
        (
            i
            for i in range(start, len(events))
            if events[i].get("event") == "active_loop" and events[i].get("name") == FORM
        ),
        None,
    )
    if activation is None:
        return events[start:]
    # Every message the runner typed since the conversation began counts, a hello or a side question before
    # the pain included: the assessment comes within 10 of them, whatever they are (issue #10; round 38: a
    # hello and a question first, and the assessment came at the 11th or 12th message). The web chat's own
    # "/greet" when it opens is not the runner's, so it uses no turn.
    typed = [
        i for i in range(start, len(events)) if events[i].get("event") == "user" and not sent_by_the_page(events[i])
    ]
    opening = typed[0] if typed else len(events)
    return events[opening:]


def sent_by_the_page(event: Dict[str, Any]) -> bool:
    """A payload such as the web chat's "/greet" on opening, not words the runner typed."""
    return (event.get("text") or "").startswith("/") and not (event.get("parse_data") or {}).get("entities")


def room_to_ask_again(facts: Dict[str, Any], tracker: Tracker) -> bool:
    """One more turn for this question still leaves the other safety questions within the turn budget."""
    used = turns_used(complaint_events(tracker))
    safety_left = [q for q in questions_left(facts, used) if q not in TRAINING_QUESTIONS]
    return used + 1 + len(safety_left) <= TURN_BUDGET


def turns_used(events: List[Dict[str, Any]]) -> int:
    """The runner's messages since the complaint began (``complaint_events``), the complaint included."""
    return sum(e.get("event") == "user" for e in events) or 1


def times_asked(events: List[Dict[str, Any]]) -> Counter:
    """How often each question has been put to the runner in this assessment (``complaint_events``):
    the messages the runner sent while it was the question asked (the latest included)."""
    asked: Counter = Counter()
    requested = None
    for event in events:
        if event.get("event") == "slot" and event.get("name") == REQUESTED_SLOT:
            requested = event.get("value")
        elif event.get("event") == "user" and requested:
            asked[requested] += 1
    return asked


def previous_turn_bot_texts(tracker: Tracker) -> List[str]:
    """What the assistant said in answer to the runner's previous message."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    if len(users) < 2:
        return []
    return [e.get("text") or "" for e in events[users[-2] : users[-1]] if e.get("event") == "bot"]


def answered_without_a_value(question: str, text: str) -> bool:
    """An answer that fits none of the question's values (knowledge/questions.yml ``answered_without_a_value``)."""
    listed = (knowledge().questions.get(question, {}).get("answered_without_a_value") or {}).get("words") or []
    lowered = " " + " ".join(re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))) + " "
    return any(f" {w} " in lowered for w in listed)


def named_without_a_value(question: str, text: str) -> bool:
    """The answer names what was asked about but not what it is like ("Hoka Clifton", "just trainers")."""
    if question != "shoes":
        return False
    return bool(set(re.findall(r"[a-z]+", text.lower())) & vocabulary().shoe_words)


def unclear_message(tracker: Tracker, question: str) -> str:
    """ "Sorry, I didn't catch that" once; the second time in a row, buttons or an example. An answer that
    names the thing asked about gets the question's follow-up instead ("Roughly how old are they?")."""
    messages = knowledge().messages
    follow_up = knowledge().questions.get(question, {}).get("follow_up")
    if follow_up and named_without_a_value(question, tracker.latest_message.get("text") or ""):
        return follow_up
    if any(messages["did_not_understand"] in text for text in previous_turn_bot_texts(tracker)):
        example = knowledge().questions.get(question, {}).get("example", "yes or no")
        return messages["did_not_understand_again"].format(example=example)
    return messages["did_not_understand"]


class ValidateAssessmentForm(FormValidationAction):
    """Validation action of ``assessment_form`` on rasa-sdk's ``FormValidationAction``.

    - ``get_extraction_events``: one reader for every question, the answer to
      the question just asked read in its context (instead of an
      ``extract_<slot>`` per slot, which would read the message without knowing
      which question it answers); it also skips a question after "I don't
      know", a second unclear answer, or a second asking;
    - ``required_slots``: the questions left for these facts, in the order of
      ``actions/runner.py`` within the turn budget, a pending check first; none
      after an emergency, which ends the form; ``next_requested_slot`` asks
      the first of them;
    - ``get_validation_events``: keeps every slot the reading set (there are no
      ``validate_<slot>`` methods: the reading already decided);
    - ``run``: a side question with nothing else in it returns no events, so
      Rasa rejects the form for this turn and the rules answer it.
    """

    def name(self) -> Text:
        return "validate_assessment_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if leave_to_the_rules(tracker):
            return []  # let the rules answer; the form asks again afterwards (at most twice)
        return await super().run(dispatcher, tracker, domain)

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        facts = facts_from_slots(tracker.slots)
        question = tracker.get_slot(REQUESTED_SLOT)
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name")
        entities = message.get("entities") or []
        text = message.get("text") or ""
        before = previous_action(tracker)
        first_pass = before in FIRST_PASS_ACTIONS
        # The rules answered a side question in this message; an answer beside it still counts
        # ("what's a warm up? no").
        after_side_answer = before == "action_answer_question"
        events: List[EventType] = []

        lowered = text.lower().replace("\u2019", "'")
        hedged_no = (
            question in SEVERAL_SIGNS
            and first_pass
            and HEDGED.search(lowered)
            and not any(e.get("entity") == "symptom" for e in entities)
            and tracker.get_slot("unclear_question") != question
        )
        if (
            question == "injury_event"
            and first_pass
            and facts.get("injury_event") is False
            and UNSURE_OPENING.search(lowered)
            and "injury_event" not in facts["skipped_questions"]
        ):
            # "I don't know tbh, it was dark, I didn't feel a twist": a guess, so the twist stays unknown and the
            # bone-injury questions (four steps, the bone press) are still asked (docs/clinical-basis.md)
            facts["injury_event"] = None
            events += [SlotSet("injury_event", None), skip_question("injury_event", facts, None)]
            return events
        if hedged_no and facts.get(question) is None:
            # "no I don't think so" to the warning signs: one closer look before taking it as a no
            dispatcher.utter_message(text=knowledge().messages["check_again"])
            return [SlotSet("unclear_question", question)]
        if (
            first_pass
            and question
            and facts.get(question) is not None
            and is_emergency(facts)
            and confirms(facts, question)
        ):
            return events + confirmation_events(dispatcher, tracker, facts, question, intent, entities, text)
        if (first_pass or after_side_answer) and question and facts.get(question) is None:
            answer = answer_from_context(question, intent, entities, text)
            if question == "tiptoe" and answer is True and weak_on_tiptoe(text, MILD_WEAKNESS):
                if pop_at_back_of_leg(facts):
                    answer = False  # after a pop, "yes but weaker than normal" is not a clear yes
                elif WEAK_PUSH_OFF not in facts["symptoms"]:
                    # "yes but it's weak on that side": on tiptoe, with a partial tear not ruled out
                    facts["symptoms"] = [*facts["symptoms"], WEAK_PUSH_OFF]
                    events.append(SlotSet("symptoms", facts["symptoms"]))
            said_something = any(e.get("entity") for e in entities)
            if answer is not None:
                facts[question] = answer
                events.append(SlotSet(question, answer))
                if question == "bone_tenderness" and answer is False:
                    events += sign_read_in_the_answer_dropped(tracker, facts, "bone_tenderness")
                faq = knowledge().faq.get(intent or "")
                if faq and first_pass:  # "yes, 10 min jog. can I take ibuprofen?": keep the answer, answer it
                    dispatcher.utter_message(text=faq["answer"].strip())
            elif not first_pass:
                pass  # the rules have answered the side question; the form asks again
            elif answered_without_a_value(question, text):
                # "I've stopped running for 3 weeks" to "has how much you run changed?": told, fits no value
                events.append(skip_question(question, facts, None))
                dispatcher.utter_message(text=knowledge().questions[question]["answered_without_a_value"]["reply"])
            elif (
                intent == "dont_know"
                and question in SELF_CHECKS
                and tracker.get_slot("unclear_question") != question
                and room_to_ask_again(facts, tracker)
            ):
                # "I don't know, I haven't touched it": a check the runner can do now, asked once more;
                # "I don't know how to do this": how to do it first
                events.append(SlotSet("unclear_question", question))
                how = knowledge().questions[question].get("explain") if DOES_NOT_KNOW_HOW.search(text) else None
                how = re.sub(r"[^.?!]*\?\s*", "", str(how)).strip() if how else None  # the question itself follows
                dispatcher.utter_message(text=how or knowledge().messages["check_now"])
            elif intent == "dont_know":
                events.append(skip_question(question, facts, dispatcher))
            elif tracker.get_slot("unclear_question") == question:
                # Second time without an answer (even if other details came): move on.
                events.append(skip_question(question, facts, dispatcher))
            else:
                events.append(SlotSet("unclear_question", question))
                if not said_something:
                    dispatcher.utter_message(text=unclear_message(tracker, question))

        if not is_emergency(facts):
            for slot, times in times_asked(complaint_events(tracker)).items():
                if times >= MAX_TIMES_ASKED and facts.get(slot) is None and slot not in facts["skipped_questions"]:
                    events.append(skip_question(slot, facts, None))  # asked twice already: never a third time
        return events

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Every slot this turn set, as extracted (rasa-sdk would keep only those still required,
        and drop the answer just given along with the skip bookkeeping)."""
        return [SlotSet(name, value) for name, value in tracker.slots_to_validate().items()]

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Optional[EventType]:
        """The first question left; none ends the form (always decided here, never by Rasa's order)."""
        left = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        if left and is_emergency(facts_from_slots(tracker.slots)):
            dispatcher.utter_message(text=knowledge().messages["confirm_emergency"])  # one confirming question
        return SlotSet(REQUESTED_SLOT, left[0] if left else None)

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        facts = facts_from_slots(tracker.slots)
        if is_emergency(facts):
            # an emergency ends the questions, but for one that confirms a sign read from loose words
            confirming = confirming_question(facts, times_asked(complaint_events(tracker)))
            return [confirming] if confirming else []
        left = questions_left(facts, turns_used(complaint_events(tracker)))
        pending = pending_question(facts)
        return [pending, *[q for q in left if q != pending]] if pending else left


def confirmation_events(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    facts: Dict[str, Any],
    question: str,
    intent: Optional[str],
    entities: List[Dict[str, Any]],
    text: str,
) -> List[EventType]:
    """The answer to the question confirming an emergency sign: "yes, I can take four steps"
    withdraws "I can't walk" (acknowledged, ``flag_events``); anything else keeps it."""
    answer = answer_from_context(question, intent, [e for e in entities if e.get("entity") == question], text)
    if answer is not True and (is_digression(intent) or intent == CLARIFY_INTENT):
        return []  # "what do you mean?": the rules answer it, and the question comes again (at most twice)
    if answer is not True:
        # "no", or an answer that is not a clear yes ("like I said, it's too painful"): the sign stands, the
        # questions end with the urgent advice (round 25: an unplaced answer was rejected by the form and
        # got "say it another way" thirteen times)
        return [SlotSet(question, facts.get(question))]
    events: List[EventType] = [SlotSet(question, True)]
    facts[question] = True
    if question == "can_walk" and "cannot_walk_said" in facts["symptoms"]:
        facts["symptoms"] = without_cannot_walk(facts["symptoms"], facts)
        events.append(SlotSet("symptoms", facts["symptoms"]))
    for event in events:
        tracker.slots[event["name"]] = event["value"]
    return events + ActionValidateSlotMappings.flag_events(dispatcher, tracker, facts, [])


def is_emergency(facts: Dict[str, Any]) -> bool:
    """An emergency-level warning sign: the questions end at once."""
    return any(flag.level == EMERGENCY for flag in detect(facts))


def leave_to_the_rules(tracker: Tracker) -> bool:
    """A side question ("why do you ask?", "what shoes?") with no answer and no fact in it, or "stop" or
    "start over" ("stop, no more questions": its "no" answers nothing)."""
    question = tracker.get_slot(REQUESTED_SLOT)
    message = tracker.latest_message
    intent = (message.get("intent") or {}).get("name")
    if intent in CONTROL_INTENTS:
        return True
    entities = message.get("entities") or []
    if previous_action(tracker) not in FIRST_PASS_ACTIONS or not question or tracker.get_slot(question) is not None:
        return False
    if intent == "dont_know" or any(e.get("entity") for e in entities) or not is_digression(intent):
        return False
    return answer_from_context(question, intent, entities, message.get("text") or "") is None
