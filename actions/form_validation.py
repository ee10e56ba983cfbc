"""``validate_assessment_form``: understand the answer, then choose the next question.

The form asks only what is still missing, one question at a time. This action
reads yes/no answers to the question just asked, numbers as weekly distance,
"I don't know" (skip the question), and an answer it could not understand (say
so once, then move on). When a red flag has been raised it ends the form, so
the assessment gives the urgent advice instead of more questions.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import knowledge
from actions.red_flags import detect, pending_question
from actions.runner import QUESTION_ORDER, facts_from_slots, next_question

REQUESTED_SLOT = "requested_slot"
YES_NO_ANSWERS: Dict[str, Dict[str, Any]] = {
    slot: {"affirm": True, "deny": False}
    for slot in ("injury_event", "can_walk", "bone_tenderness", "swelling", "warm_up", "stretching")
}
YES_NO_ANSWERS["volume_change"] = {"affirm": "increased", "deny": "steady"}
# Entities that answer the weekly distance question only when it was asked.
DISTANCE_ENTITIES = ("weekly_km", "distance_km", "number")
CONVERSATION_INTENTS = {"ask_why", "stop", "start_over", "out_of_scope", "greet", "goodbye", "thank",
                        "ask_capabilities", "other_language"}
FIRST_PASS_ACTIONS = {"action_listen", "action_extract_slots", None}


def answer_from_context(question: str, intent: Optional[str], entities: List[Dict[str, Any]]) -> Any:
    """The value a short answer gives to the question just asked, or None."""
    fact_slots = {e.get("entity") for e in entities} & set(QUESTION_ORDER)
    if question in YES_NO_ANSWERS and intent in YES_NO_ANSWERS[question] and not fact_slots - {question}:
        return YES_NO_ANSWERS[question][intent]
    if question == "weekly_km":
        for name in DISTANCE_ENTITIES:
            values = [e.get("value") for e in entities if e.get("entity") == name]
            if values:
                return float(values[-1])
    return None


def skip_question(question: str, facts: Dict[str, Any], dispatcher: CollectingDispatcher) -> EventType:
    """Move on without an answer: the question joins ``skipped_questions``."""
    facts["skipped_questions"].append(question)
    dispatcher.utter_message(text=knowledge().messages["skip_question"])
    return SlotSet("skipped_questions", facts["skipped_questions"])


def is_digression(intent: Optional[str]) -> bool:
    return intent in CONVERSATION_INTENTS or intent in knowledge().faq


def previous_action(tracker: Tracker) -> Optional[str]:
    """The action before this form run (the form's own ActionExecuted is last)."""
    executed = [e.get("name") for e in tracker.events if e.get("event") == "action"]
    return executed[-2] if len(executed) >= 2 else None


class ValidateAssessmentForm(Action):
    """Validation action of ``assessment_form`` (dynamic questions)."""

    def name(self) -> Text:
        return "validate_assessment_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        facts = facts_from_slots(tracker.slots)
        question = tracker.get_slot(REQUESTED_SLOT)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        entities = tracker.latest_message.get("entities") or []
        first_pass = previous_action(tracker) in FIRST_PASS_ACTIONS
        events: List[EventType] = []

        if first_pass and question and facts.get(question) is None:
            answer = answer_from_context(question, intent, entities)
            said_something = any(e.get("entity") for e in entities)
            if answer is not None:
                facts[question] = answer
                events.append(SlotSet(question, answer))
            elif intent == "dont_know":
                events.append(skip_question(question, facts, dispatcher))
            elif is_digression(intent) and not said_something:
                return []  # let the rules answer; the form asks again afterwards
            elif tracker.get_slot("unclear_question") == question:
                # Second time without an answer (even if other details came): move on.
                events.append(skip_question(question, facts, dispatcher))
            else:
                events.append(SlotSet("unclear_question", question))
                if not said_something:
                    dispatcher.utter_message(text=knowledge().messages["did_not_understand"])

        if detect(facts):
            return events + [SlotSet(REQUESTED_SLOT, None)]
        return events + [SlotSet(REQUESTED_SLOT, pending_question(facts) or next_question(facts))]
